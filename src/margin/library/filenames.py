"""File paths as the library stores and compares them: an article's key.

A path is stored absolute with symlinks resolved, so a file reached two ways
is one article. A file name that is not UTF-8 is stored as its bytes (a
BLOB), so it round-trips exactly; everything else is TEXT.
"""

from __future__ import annotations

import os


def normpath(path: str | os.PathLike[str]) -> str:
    """The form a path is stored under: absolute, symlinks resolved."""
    return os.path.realpath(os.fspath(path))


def to_db(path: str) -> str | bytes:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)  # a non-UTF-8 file name: keep its bytes
    return path


def from_db(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def under(path: str, root: str) -> bool:
    """``path`` is ``root`` or inside it (both normalised)."""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
