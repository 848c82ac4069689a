"""Where things live in the repository; every module asks here instead of guessing."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
SCHEMAS = DATA / "schema"
DOCS = ROOT / "docs"
SITE = ROOT / "site"
BUILD = ROOT / "build"
MKDOCS_YML = ROOT / "mkdocs.yml"
LETTER_TXT = DATA / "carta-nosc-2023-01-16.txt"


def display(path: Path) -> str:
    """A path as people see it in messages: relative to the repository when inside it.

    Only the folder is resolved: a symbolic link is named as itself, never as what it points to.
    """
    path = Path(path)
    try:
        return (path.parent.resolve() / path.name).relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def repository_path(path) -> str:
    """A path as a GitHub annotation needs it: relative to the root of the git repository that holds it
    (this repository, or another checkout such as a pull request's), else as `display` shows it."""
    path = Path(path) if Path(path).is_absolute() else ROOT / path
    resolved = path.resolve()
    for folder in resolved.parents:
        if (folder / ".git").exists():
            return resolved.relative_to(folder).as_posix()
    return display(path)
