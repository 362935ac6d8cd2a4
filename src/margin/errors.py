"""Errors a user sees as one line: ``margin: <message>``."""

from __future__ import annotations


class MarginError(Exception):
    """A failure with a message fit for the user; ``exit_code`` is the process status."""

    exit_code = 1


class IngestError(MarginError):
    """A file that cannot be read or holds no article."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path}: {reason}")


class DatabaseError(MarginError):
    """The database cannot be used (damaged, newer schema, locked too long)."""


class UsageError(MarginError):
    exit_code = 2
