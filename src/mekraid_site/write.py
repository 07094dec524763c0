"""Stage 5, write: put the rendered files on disk, all or nothing.

The site is written to a temporary folder beside the output and swapped in
only when complete, so a failed or killed build leaves the previous site as
it was.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from .errors import ContentError, Problem

MARKER = ".mekraid-site"  # marks a folder as one this program wrote, so it may replace it
_RENAME_EXCHANGE = 2  # Linux renameat2 flag: swap two paths in one step


def write_site(files: dict[str, bytes], output: Path) -> None:
    """Write files (relative path -> bytes) as the folder `output`, replacing it atomically."""
    output = Path(output).absolute()
    _check_replaceable(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
    try:
        for relative, data in sorted(files.items()):
            target = staging / _safe_relative(relative)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (staging / MARKER).write_text("This folder is written by mekraid-site; a build replaces it whole.\n")
        os.chmod(staging, 0o755)
        _swap_in(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _safe_relative(relative: str) -> Path:
    """A relative output path that cannot leave the output folder."""
    path = PurePosixPath(relative)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return Path(*path.parts)


def _check_replaceable(output: Path) -> None:
    """Refuse to replace a folder that this program did not write (say, the content folder)."""
    if output.exists() and (not output.is_dir() or (any(output.iterdir()) and not (output / MARKER).exists())):
        raise ContentError([Problem(str(output), None, "the output folder exists and was not written by "
                                    "mekraid-site; refusing to replace it", "choose an empty or new folder with --output")])


def _remove_leftovers(output: Path) -> None:
    """Remove staging folders that a killed build left behind."""
    for leftover in output.parent.glob(f".{output.name}.new-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for leftover in output.parent.glob(f".{output.name}.old-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def _swap_in(staging: Path, output: Path) -> None:
    """Make staging the output folder; the old one is removed after."""
    if not output.exists():
        os.rename(staging, output)
        return
    if _exchange(staging, output):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the old site
        return
    # No atomic exchange here: two renames, the old site kept until the new one is in place.
    old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
    old.rmdir()
    os.rename(output, old)
    os.rename(staging, output)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step with Linux renameat2; False where that is not available."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0
