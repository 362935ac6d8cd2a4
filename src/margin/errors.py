"""Errors a user sees as one line: ``margin: <message>``."""

from __future__ import annotations

from margin.sanitize import clean_message, display_path


class MarginError(Exception):
    """A failure with a message fit for the user; ``exit_code`` is the process status."""

    exit_code = 1


class IngestError(MarginError):
    """A file that cannot be read or holds no article."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class ImportFileError(MarginError):
    """An export file that cannot be imported: unknown, damaged or unsafe.
    Raised before anything is imported, so the library stays as it was."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = display_path(path)
        self.reason = clean_message(reason)
        super().__init__(f"cannot import {self.path}: {self.reason}")


class DatabaseError(MarginError):
    """The database cannot be used (damaged, newer schema, locked too long)."""


class UsageError(MarginError):
    exit_code = 2


def too_large(size: int | None, limit: int) -> str:
    """Why a file over ``max_file_mb`` was not read (``size`` None: not
    known before reading, only that it passed the limit)."""

    def mb(n: int) -> str:
        return f"{n / (1024 * 1024):.1f} MB"

    what = f"the file is {mb(size)}, above" if size is not None else "the file is larger than"
    return f"{what} the {mb(limit)} limit (raise max_file_mb in config.toml to read it)"
