"""Keep our Jinja2 templates compiled between runs, in build/cache/jinja/.

Only render/html.py uses it; removed when render/ drops it (a speed trick for warm builds).

Compiling the render stage's templates is a good part of rendering the pages in a fresh
process. Jinja names each cached file after the template's name and path and stores the
checksum of its source, so an edited template is compiled afresh; Jinja's magic number holds
its own and Python's version. The cache is only a shortcut: a file that is missing, corrupt or
not a regular file is ignored (the template is compiled), and a build/ that cannot be written
(a read-only checkout) is left alone without a word.
"""
from __future__ import annotations

import io
import os

from jinja2 import FileSystemBytecodeCache

from . import inputs
from .paths import BUILD

JINJA_CACHE = BUILD / "cache" / "jinja"
MAX_BYTES = 5_000_000


class QuietBytecodeCache(FileSystemBytecodeCache):
    def __init__(self, directory=JINJA_CACHE):
        super().__init__(str(directory))

    def load_bytecode(self, bucket) -> None:
        try:
            raw = inputs.read_bytes(self._get_cache_filename(bucket), MAX_BYTES)  # never blocks on a FIFO
            if len(raw) <= MAX_BYTES:
                bucket.load_bytecode(io.BytesIO(raw))
        except Exception:  # noqa: BLE001 - unreadable or corrupt (pickle and marshal raise many kinds): compile
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass
