#!/usr/bin/env python3
"""The case file's one command: check the data, build the site, or preview it.

    python scripts/build.py check              validate data/ and report every problem
    python scripts/build.py build              validate, render and build site/ (es + en)
    python scripts/build.py serve [--lang es]  build, serve on http://127.0.0.1:8000, rebuild on change

`python scripts/build.py COMMAND --help` lists each command's options. The code is in
scripts/casefile/: load → validate → render → site, and preview; cli.py reads the options.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casefile.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
