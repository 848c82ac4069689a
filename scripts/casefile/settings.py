"""The settings people change, read once from mkdocs.yml and overridable per build.

The site's address and the repository have one source of truth: `site_url` and
`extra.repository` in mkdocs.yml, overridden by `--site-url`/`--repository` or the environment
variables CASEFILE_SITE_URL and CASEFILE_REPOSITORY (the deploy workflow sets them from the
repository it runs in). With no address, the tags that need one are left out, never guessed.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import yaml

from . import inputs
from .errors import ProjectFileError
from .paths import MKDOCS_YML, display
from .problems import cut

MAX_CONFIG_BYTES = 1_000_000

ENV_SITE_URL = "CASEFILE_SITE_URL"
ENV_REPOSITORY = "CASEFILE_REPOSITORY"


class SettingsError(ValueError):
    """A setting that cannot be used; the message says which and how to fix it."""


@dataclass(frozen=True)
class Settings:
    base: dict = field(repr=False)  # mkdocs.yml as written, for the per-language configurations
    site_url: str | None  # absolute, ends with "/"; None when no address is configured
    repository: str | None  # e.g. https://github.com/owner/name; None when not configured
    branch: str = "main"
    problems: tuple = field(default=(), repr=False)  # what validate/config_rules.py refuses in `base`

    @property
    def base_path(self) -> str:
        """The path the site lives under on its host: '/' or '/REPO/'."""
        return urlsplit(self.site_url).path if self.site_url else "/"

    def page_url(self, lang: str, path: str = "") -> str | None:
        """The absolute address of a page (`path` as in 'carta/'), or None without a site address."""
        return f"{self.site_url}{lang}/{path}" if self.site_url else None

    def file_url(self, path: str) -> str | None:
        return f"{self.repository}/blob/{self.branch}/{path}" if self.repository else None

    def edit_url(self, path: str) -> str | None:
        return f"{self.repository}/edit/{self.branch}/{path}" if self.repository else None


def _address(value, what: str, option: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise SettingsError(
            f"{what} {value!r} is not an absolute http(s) address — give it as {option} https://host/path/"
        )
    return value


def load(site_url: str | None = None, repository: str | None = None, path=MKDOCS_YML) -> Settings:
    """Read mkdocs.yml once; explicit arguments win over the environment, which wins over the file.

    A missing or broken mkdocs.yml raises ProjectFileError; an address that cannot be used, SettingsError.
    Settings the build refuses are in `problems` (the build lists them and stops, as `check` does)."""
    base, problems = read(path)
    extra = base.get("extra") if isinstance(base.get("extra"), dict) else {}
    url = _address(site_url or os.environ.get(ENV_SITE_URL) or base.get("site_url"), "the site address", "--site-url")
    repo = _address(
        repository or os.environ.get(ENV_REPOSITORY) or extra.get("repository"), "the repository", "--repository"
    )
    return Settings(
        base,
        url if url is None or url.endswith("/") else url + "/",
        repo.rstrip("/") if repo else None,
        str(extra.get("repository_branch") or "main"),
        tuple(problems),
    )


def _parse(text: str):
    """libyaml's loader (a tenth of the time; `check` reads this file too), or on any error PyYAML's,
    whose message is the one people see. config_rules.py checks whatever the one used returns."""
    try:
        return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return yaml.safe_load(text)


def read(path=MKDOCS_YML) -> tuple[dict, list]:
    """mkdocs.yml as written, and the Problems of what the build refuses in it (config_rules.py);
    ProjectFileError when it cannot be read as YAML."""
    from .validate import config_rules  # here: validate/ imports this module

    name, restore = display(path), f"restore it from the repository (git checkout -- {display(path)})"
    try:
        raw = inputs.read_bytes(path, MAX_CONFIG_BYTES)  # never through a link, never a FIFO
        if len(raw) > MAX_CONFIG_BYTES:
            raise ProjectFileError(f"is more than {MAX_CONFIG_BYTES:,} bytes", restore, name)
        text = raw.decode("utf-8")
        base = _parse(text) or {}
    except inputs.Refused as refused:
        raise ProjectFileError(refused.what, refused.fix, name) from None
    except OSError as err:
        raise ProjectFileError(f"cannot be read ({err.strerror})", restore, name) from None
    except UnicodeDecodeError:
        raise ProjectFileError("is not UTF-8 text", restore, name) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise ProjectFileError(
            f"is not valid YAML{where} ({cut(getattr(err, 'problem', None) or err, 120)})",
            "fix the syntax, or " + restore,
            name,
        ) from None
    if not isinstance(base, dict):
        raise ProjectFileError("must be a mapping of settings", restore, name)
    return base, config_rules.check(text, base, path)
