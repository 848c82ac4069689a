"""Hypothesis profiles for the property tests, chosen by HYPOTHESIS_PROFILE (tests/conftest.py
loads them before any test module is imported). Both are derandomised (every machine and every
run tries the same inputs) and keep no database.

- `ci`, the default: each property runs the examples its test asks for with `examples(n)`.
- `deep`, for a release: 10,000 inputs per property; the validator's four alone take ~40 min of CPU:
      HYPOTHESIS_PROFILE=deep python3 -m pytest -q -n 2 tests/test_check_fuzz.py
"""

from __future__ import annotations

import os

from hypothesis import settings

PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci")
DEEP = PROFILE == "deep"

_FUZZ = dict(deadline=None, derandomize=True, database=None)
settings.register_profile("ci", **_FUZZ)
settings.register_profile("deep", max_examples=10_000, **_FUZZ)


def load() -> None:
    settings.load_profile(PROFILE)


def examples(ci: int) -> dict:
    """A property's number of examples: `ci` in the suite, the profile's 10,000 in a deep run."""
    return {} if DEEP else {"max_examples": ci}
