"""An on-disk cache of per-article work, so a rebuild redoes only what changed.

`DiskCache` is a MutableMapping from a key (the caller's: a hash of an
article's bytes, actors.yaml, the incident's zone and the program version) to
any picklable value, one file per entry. It is safe to kill at any moment:
entries are written to a temporary file and renamed into place, and an entry
that cannot be read (truncated, corrupt, from another Python) is a miss.

Entries live in a subfolder named after the program's code (its version and
a hash of its modules), so a cache is never read by a different program,
even one whose version number was not raised. The cache holds our own
pickles only: do not point --cache at a folder others can write.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections.abc import Iterator, MutableMapping
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import __version__

CACHE_DIR_NAME = ".mekraid-cache"
_FORMAT = 2  # a pickled (format, key) header, then the pickled value
_SAFE_KEY = re.compile(r"[A-Za-z0-9_-]{1,100}")
_SUFFIX = ".pickle"
_NAMESPACE = re.compile(r"\d[\w.+]*-[0-9a-f]{16}")  # what program_fingerprint() gives


@lru_cache(maxsize=1)
def program_fingerprint() -> str:
    """The program's version and a hash of its modules' source: what a cached result depends on besides input."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for module in sorted(package.glob("*.py")):
        digest.update(module.name.encode() + b"\0" + module.read_bytes() + b"\0")
    return f"{__version__}-{digest.hexdigest()[:16]}"


def default_cache_dir(output: Path) -> Path:
    """Where a build into `output` keeps its cache: .mekraid-cache beside the output folder."""
    return Path(output).absolute().parent / CACHE_DIR_NAME


class DiskCache(MutableMapping[str, Any]):
    """A folder of pickled values, one file per key; unreadable entries are misses, writes are atomic."""

    def __init__(self, folder: Path, namespace: str | None = None) -> None:
        self.root = Path(folder)
        self.folder = self.root / (namespace or program_fingerprint())
        self.used: set[str] = set()  # keys read or written since this object was made
        self.hits = 0
        self.misses = 0
        self._last: tuple[str, Any] | None = None  # the entry `in` just read, so a following [] does not read again

    def _file(self, key: str) -> Path:
        if not isinstance(key, str):
            raise TypeError(f"cache keys are texts, not {type(key).__name__}")
        name = key if _SAFE_KEY.fullmatch(key) else "h-" + hashlib.sha256(key.encode("utf-8")).hexdigest()
        return self.folder / (name + _SUFFIX)

    def _read(self, path: Path) -> tuple[str, Any] | None:
        """(key, value) stored in path, or None when it is missing or unreadable (then it is removed)."""
        try:
            with open(path, "rb") as file:
                header = pickle.load(file)
                if not (isinstance(header, tuple) and len(header) == 2 and header[0] == _FORMAT
                        and isinstance(header[1], str)):
                    raise ValueError("not an entry of this cache")
                return header[1], pickle.load(file)
        except FileNotFoundError:
            return None
        except Exception:  # noqa: BLE001 (truncated, corrupt, foreign, or of classes that changed: a miss)
            _unlink(path)
            return None

    def __getitem__(self, key: str) -> Any:
        if self._last is not None and self._last[0] == key:
            stored, self._last = self._last, None
        else:
            stored = self._read(self._file(key))
        if stored is None or stored[0] != key:
            self.misses += 1
            raise KeyError(key)
        self.hits += 1
        self.used.add(key)
        return stored[1]

    def __contains__(self, key: object) -> bool:
        """Whether a readable entry exists (a corrupt one is not: `key in cache` then `cache[key]` is safe)."""
        if not isinstance(key, str):
            return False
        stored = self._read(self._file(key))
        if stored is None or stored[0] != key:
            return False
        self._last = stored
        return True

    def __setitem__(self, key: str, value: Any) -> None:
        try:
            pickled = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError):
            return  # a cache that cannot be written only makes the next build slower
        self.set_pickled(key, pickled)

    def set_pickled(self, key: str, pickled: bytes) -> None:
        """Store a value pickled already (by the worker process that made it): it is not pickled again."""
        path = self._file(key)
        self.used.add(key)
        self._last = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=_SUFFIX, dir=self.folder)
            try:
                with os.fdopen(handle, "wb") as file:
                    pickle.dump((_FORMAT, key), file, protocol=pickle.HIGHEST_PROTOCOL)
                    file.write(pickled)
                os.replace(temporary, path)
            except BaseException:
                _unlink(Path(temporary))
                raise
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower

    def __delitem__(self, key: str) -> None:
        path = self._file(key)
        if not path.is_file():
            raise KeyError(key)
        _unlink(path)
        self.used.discard(key)
        self._last = None

    def _entries(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return sorted(path for path in self.folder.glob("*" + _SUFFIX) if not path.name.startswith("."))

    def __iter__(self) -> Iterator[str]:
        for path in self._entries():
            name = path.name[: -len(_SUFFIX)]
            if not name.startswith("h-"):
                yield name
            else:
                stored = self._read(path)
                if stored is not None:
                    yield stored[0]

    def __len__(self) -> int:
        return len(self._entries())

    def clear(self) -> None:
        """Remove every entry, of this program and of others (only files this class writes are touched)."""
        for folder in self._namespaces():
            _empty(folder)
        self.used.clear()
        self._last = None

    def _namespaces(self) -> list[Path]:
        if not self.root.is_dir():
            return []
        return [path for path in self.root.iterdir() if path.is_dir() and not path.is_symlink()
                and (path == self.folder or _NAMESPACE.fullmatch(path.name))]

    def prune(self) -> int:
        """Remove entries not used since this object was made, other programs' folders and temporary files.

        Call after a complete build: what it did not use belongs to articles
        that changed or are gone. Returns the number of entries removed.
        """
        removed = 0
        keep = {self._file(key).name for key in self.used}
        for path in self._entries():
            if path.name not in keep:
                _unlink(path)
                removed += 1
        if self.folder.is_dir():
            for temporary in self.folder.glob(".tmp-*"):
                _unlink(temporary)
        for other in self._namespaces():
            if other != self.folder:
                _empty(other)
        return removed


def _empty(folder: Path) -> None:
    """Remove a namespace folder's entries and temporary files, then the folder if that left it empty."""
    for path in list(folder.glob("*" + _SUFFIX)) + list(folder.glob(".tmp-*")):
        _unlink(path)
    try:
        folder.rmdir()
    except OSError:
        pass


def _unlink(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass
