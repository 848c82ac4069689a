"""The two `format`s of our schemas, as plain functions: True when the value passes, ValueError
when it does not. schema.py gives them to jsonschema."""

from __future__ import annotations

import datetime
import re
from urllib.parse import urlsplit


def partial_date(value) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?", value):
        return True  # the pattern reports the shape; this checks that the date exists
    parts = [int(p) for p in value.split("-")] + [1, 1]
    datetime.date(*parts[:3])
    return True


def https_url(value) -> bool:
    if not isinstance(value, str) or not value.startswith("https://"):
        return True  # the pattern reports it
    parts = urlsplit(value)
    host = parts.hostname or ""
    if "." not in host or host.startswith(".") or host.endswith(".") or any(c in value for c in '<>"{}|\\^`'):
        raise ValueError("not a well-formed address")
    return True


CHECKS = {"partial-date": partial_date, "https-url": https_url}  # format name -> check; each raises ValueError
