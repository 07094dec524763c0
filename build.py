#!/usr/bin/env python3
"""Build the site: ``python build.py [--content DIR] [--output DIR]``."""

import sys
from pathlib import Path

# Run from a checkout without installing: the package lives in src/.
sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from mekraid_site.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(["build", *sys.argv[1:]]))
