"""Stage 5, write: put the rendered files on disk, all or nothing, and only what changed.

The site is written to a temporary folder beside the output and swapped in
only when complete, so a failed or killed build leaves the previous site as
it was. Files whose bytes did not change are hard-linked from the previous
site instead of written again (their modification times stay as they were),
and when nothing changed at all nothing is written.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import functools
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from stat import S_ISREG

from .errors import ContentError, Problem

MARKER = ".mekraid-site"  # marks a folder as one this program wrote, so it may replace it
MARKER_TEXT = b"This folder is written by mekraid-site; a build replaces it whole.\n"
_RENAME_EXCHANGE = 2  # Linux renameat2 flag: swap two paths in one step
_BAD_PART = re.compile(r"[\x00-\x1f\x7f\\:]")


@dataclass(frozen=True)
class SpooledFile:
    """A file already written to a temporary place (a large one, by a render worker): moved in, not copied."""

    path: Path


@dataclass(frozen=True)
class KeptFile:
    """A file of the previous site kept as it is: the page was not made again, its inputs being the same."""

    path: Path


class PageRecord:
    """What each page of a site was made from, so that a rebuild need not make again a page whose inputs are the same.

    `previous` is the record the last build into `output` left: relative
    path -> (digest of the page's inputs, file size, modification time in
    ns). A page is kept only while its file is still the one that build
    wrote; `made` collects this build's digests.
    """

    def __init__(self, output: Path, previous: Mapping[str, tuple[str, int, int]] | None = None) -> None:
        self.output = Path(output).absolute()
        self.previous = dict(previous or {})
        self.made: dict[str, str] = {}

    def unchanged(self, relative: str, digest: str) -> Path | None:
        """The previous site's file at `relative` if it was made from inputs with this digest and is untouched."""
        entry = self.previous.get(relative)
        if entry is None or entry[0] != digest:
            return None
        path = self.output / relative
        try:
            stat = path.lstat()
        except OSError:
            return None
        return path if S_ISREG(stat.st_mode) and (stat.st_size, stat.st_mtime_ns) == entry[1:] else None

    def saved(self) -> dict[str, tuple[str, int, int]]:
        """This build's record, for the next build: each page made, with its file's size and modification time."""
        record = {}
        for relative, digest in sorted(self.made.items()):
            try:
                stat = (self.output / relative).lstat()
            except OSError:
                continue
            record[relative] = (digest, stat.st_size, stat.st_mtime_ns)
        return record


@dataclass(frozen=True)
class WriteReport:
    """What a write did to the output folder."""

    written: int  # files whose bytes are new
    unchanged: int  # files kept as they were
    removed: int  # files of the previous site that the new one lacks

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


def write_site(
    files: Mapping[str, bytes | SpooledFile | KeptFile] | Iterable[tuple[str, bytes | SpooledFile | KeptFile]],
    output: Path,
    clean: bool = False,
) -> WriteReport:
    """Make the folder `output` hold exactly `files` (relative path, bytes), replacing it atomically.

    Files may come one at a time (a generator), so a large site is never
    held in memory whole; a SpooledFile is moved into place, on the same
    file system a rename; a KeptFile, a file of the previous site, is linked.
    Without `clean`, files identical to the previous site's are kept (linked,
    not written), and if nothing differs the folder is not touched at all.
    With `clean`, every file is written anew.
    """
    output = Path(output).absolute()
    pairs = files.items() if isinstance(files, Mapping) else files
    output.parent.mkdir(parents=True, exist_ok=True)
    with _locked(output):
        _check_replaceable(output)
        _remove_leftovers(output)
        previous = _previous_files(output)
        staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.new-", dir=output.parent))
        try:
            paths = _PathSet()
            written = unchanged = 0
            for relative, data in pairs:
                relative = paths.add(relative)
                target = staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                old = previous.get(relative)
                if isinstance(data, KeptFile):
                    if old != data.path:
                        raise ContentError([Problem(str(output), None, "the output folder changed while this build "
                                                    "ran (another build into it?)", "run the build again")])
                    _link_or_copy(old, target)
                    unchanged += 1
                elif not clean and _same(old, data):
                    _link_or_copy(old, target)
                    unchanged += 1
                elif isinstance(data, SpooledFile):
                    shutil.move(data.path, target)
                    written += 1
                else:
                    target.write_bytes(data)
                    written += 1
            report = WriteReport(written=written, unchanged=unchanged, removed=len(set(previous) - paths.files))
            if not clean and not report.changed and _same(output / MARKER, MARKER_TEXT):
                return report  # nothing to do: not even the marker is touched
            (staging / MARKER).write_bytes(MARKER_TEXT)
            os.chmod(staging, 0o755)
            _swap_in(staging, output)
            return report
        finally:
            shutil.rmtree(staging, ignore_errors=True)


class _PathSet:
    """The paths written so far: each safe, once, and never both a file and a folder ("a" and "a/b")."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self._folders: set[str] = set()

    def add(self, relative: str) -> str:
        path = _safe_relative(relative)
        posix = path.as_posix()
        parents = [parent.as_posix() for parent in path.parents][:-1]  # without "."
        clash = posix if posix in self._folders or posix in self.files else next(
            (parent for parent in parents if parent in self.files), None)
        if clash is not None:
            raise ValueError(f"output path is written twice, or is both a file and a folder: {clash!r}")
        self.files.add(posix)
        self._folders.update(parents)
        return posix


def _safe_relative(relative: str) -> PurePosixPath:
    """A relative output path that cannot leave the output folder, nor hide or name a device."""
    path = PurePosixPath(relative)
    if (
        not relative
        or path.is_absolute()
        or not path.parts
        or any(part in (".", "..") or _BAD_PART.search(part) for part in path.parts)
        or relative != path.as_posix()  # "a//b", "a/./b", trailing slashes
        or relative == MARKER
    ):
        raise ValueError(f"refusing to write outside the output folder: {relative!r}")
    return path


def _previous_files(output: Path) -> dict[str, Path]:
    """The regular files of the current output folder (not the marker), by relative POSIX path."""
    if not output.is_dir() or not (output / MARKER).is_file():
        return {}
    found: dict[str, Path] = {}
    for folder, dirs, names in os.walk(output):
        dirs.sort()
        for name in names:
            path = Path(folder, name)
            relative = path.relative_to(output).as_posix()
            if relative != MARKER:
                found[relative] = path
    return found


def _same(path: Path | None, data: bytes | SpooledFile) -> bool:
    """Whether path is a regular file (not a link) holding exactly data."""
    if path is None:
        return False
    try:
        size = data.path.stat().st_size if isinstance(data, SpooledFile) else len(data)
        if path.is_symlink() or not path.is_file() or path.stat().st_size != size:
            return False
        if not isinstance(data, SpooledFile):
            return path.read_bytes() == data
        with open(path, "rb") as old, open(data.path, "rb") as new:
            while chunk := old.read(_COMPARE_BYTES):
                if chunk != new.read(_COMPARE_BYTES):
                    return False
        return True
    except OSError:
        return False


_COMPARE_BYTES = 1 << 20


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


@contextlib.contextmanager
def _locked(output: Path) -> Iterator[None]:
    """Hold a lock beside the output folder, so two builds into one folder take turns."""
    lock_path = output.parent / f".{output.name}.lock"
    with open(lock_path, "a+b") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock.fileno(), fcntl.LOCK_UN)


def _check_replaceable(output: Path) -> None:
    """Refuse to replace a folder that this program did not write (say, the content folder)."""
    if output.is_symlink() or (
        output.exists() and (not output.is_dir() or (any(output.iterdir()) and not (output / MARKER).exists()))
    ):
        raise ContentError([Problem(str(output), None, "the output folder exists and was not written by "
                                    "mekraid-site; refusing to replace it",
                                    "choose an empty or new folder with --output")])


def spool_folder(output: Path) -> Path:
    """Where the renderer may put the large files of a site for `output` (a killed build's is removed here)."""
    output = Path(output).absolute()
    return output.parent / f".{output.name}.spool"


def _remove_leftovers(output: Path) -> None:
    """Remove staging and spool folders that a killed build left behind (the caller holds the lock)."""
    for pattern in (f".{output.name}.new-*", f".{output.name}.old-*", spool_folder(output).name):
        for leftover in output.parent.glob(pattern):
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


@functools.lru_cache(maxsize=1)
def _renameat2():
    """libc's renameat2, or None where there is none (not Linux, old glibc)."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return None
    return getattr(ctypes.CDLL(libc_name, use_errno=True), "renameat2", None)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step with Linux renameat2; False where that is not available."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    at_fdcwd = -100
    result = renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0
