"""The few settings people change, read from the `extra:` and `site_url` of mkdocs.yml."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from .paths import MKDOCS_YML


@dataclass(frozen=True)
class Settings:
    site_url: str  # ends with "/"
    repository: str  # e.g. https://github.com/owner/name
    branch: str

    def file_url(self, path: str) -> str:
        return f"{self.repository}/blob/{self.branch}/{path}"

    def edit_url(self, path: str) -> str:
        return f"{self.repository}/edit/{self.branch}/{path}"


def load() -> Settings:
    config = yaml.safe_load(MKDOCS_YML.read_text("utf-8"))
    extra = config.get("extra", {})
    site_url = config.get("site_url", "/")
    return Settings(site_url if site_url.endswith("/") else site_url + "/",
                    extra["repository"].rstrip("/"), extra.get("repository_branch", "main"))
