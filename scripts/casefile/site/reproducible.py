"""The last post-step: the same inputs give the same bytes, whatever day the build runs.

MkDocs writes `sitemap.xml.gz` with a time in its gzip header. Every `*.gz` of the output is
written again from the file it compresses (so it matches whatever a post-step left in
`sitemap.xml`), with the time from SOURCE_DATE_EPOCH when set, otherwise none (0), and no name.
"""
from __future__ import annotations

import gzip
import io
import os
from pathlib import Path


def fixed_mtime() -> int:
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(value) if value.isdigit() else 0


def gzip_bytes(data: bytes, mtime: int) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=mtime) as out:
        out.write(data)
    return buffer.getvalue()


def _packed(out: Path, skip=()) -> list[Path]:
    """Every *.gz below `out` but in the folders `skip` (os.walk: the output holds a folder per
    share page, and pathlib's rglob takes seconds to walk 100 times the real data)."""
    skip = {os.fspath(folder) for folder in skip}
    found = []
    for root, dirs, names in os.walk(out):
        dirs[:] = [name for name in dirs if os.path.join(root, name) not in skip]
        found += [Path(root, name) for name in names if name.endswith(".gz")]
    return sorted(found)


def run(out: Path, skip=()) -> None:
    """Write every *.gz below `out` again; `skip`: folders the build wrote itself without one
    (the share pages), not walked."""
    mtime = fixed_mtime()
    for packed in _packed(out, skip):
        plain = packed.with_suffix("")
        data = plain.read_bytes() if plain.is_file() else gzip.decompress(packed.read_bytes())
        packed.write_bytes(gzip_bytes(data, mtime))
