"""An export file on disk, read once, within limits.

Every reader gets a :class:`Source`: its bytes (refused past
``Limits.max_bytes``), its text (BOM, declared charset, then detection, as
margin reads saved pages), and its JSON, parsed at most once and shared by
the sniffer and the reader. Failures raise :class:`ImportFileError` naming
the file.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from margin.errors import ImportFileError
from margin.ingest.decode import decode

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
HEAD_BYTES = 64 * 1024
LEGACY_TEXT = "cp1252"
_UNPARSED = object()


@dataclass(frozen=True)
class Limits:
    """Bounds on what an import may read. ``max_bytes`` caps a plain file and,
    for a ZIP, its entries together once uncompressed (everything read is held
    in memory until the import is done); an entry whose size is more than
    ``max_ratio`` times its compressed size (past ``ratio_floor`` bytes) is a
    zip bomb, not an export."""

    max_bytes: int = 1 << 30
    max_entry_bytes: int = 256 << 20
    max_entries: int = 100_000
    max_ratio: int = 200
    ratio_floor: int = 1 << 20


class Source:
    """One export file: its name for messages, its bytes, text and JSON."""

    def __init__(self, path: str | os.PathLike[str], limits: Limits) -> None:
        self.path = Path(path)
        self.limits = limits
        self._data: bytes | None = None
        self._head: bytes | None = None
        self._json: object = _UNPARSED

    def fail(self, reason: str) -> ImportFileError:
        return ImportFileError(str(self.path), reason)

    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError as exc:
            raise self.fail(exc.strerror or "the file cannot be read") from None

    def head(self) -> bytes:
        """The first bytes, enough to tell the format (a ZIP, a CSV header, a doctype)."""
        if self._head is None:
            if self._data is not None:
                self._head = self._data[:HEAD_BYTES]
            else:
                self._head = self._read(HEAD_BYTES)
        return self._head

    def is_zip(self) -> bool:
        return self.head().startswith(ZIP_MAGIC)

    def data(self) -> bytes:
        if self._data is None:
            size = self.size()
            if size > self.limits.max_bytes:
                raise self.fail(_over(size, self.limits.max_bytes))
            self._data = self._read(self.limits.max_bytes + 1)
            if len(self._data) > self.limits.max_bytes:  # it grew while we looked
                raise self.fail(_over(len(self._data), self.limits.max_bytes))
        return self._data

    def text(self, *, html: bool = False) -> str:
        return text_of(self.data(), html=html)

    def json(self) -> object:
        """The file parsed as JSON; raises when it is not JSON."""
        if self._json is _UNPARSED:
            self._json = parse_json(self.data(), self.fail)
        return self._json

    def _read(self, limit: int) -> bytes:
        try:
            with self.path.open("rb") as stream:
                return stream.read(limit)
        except OSError as exc:
            raise self.fail(exc.strerror or "the file cannot be read") from None


def text_of(data: bytes, *, html: bool = False) -> str:
    """Exported text, NUL bytes dropped: UTF-8 (what every service writes)
    when the bytes are UTF-8. Else HTML is decoded as margin reads pages (its
    declared charset checked, then detection), and other text (a CSV re-saved
    by a spreadsheet) as Windows-1252: guessing on a few short lines of text
    picks the wrong one more often than not."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = decode(data)[0] if html else data.decode(LEGACY_TEXT, "replace")
    return text.replace("\0", "")


def parse_json(data: bytes, fail: Callable[[str], ImportFileError]) -> object:
    """``data`` as JSON; ``fail(reason)`` makes the error when it is not."""
    try:
        return json.loads(data)
    except RecursionError:
        raise fail("the JSON is nested too deeply") from None
    except UnicodeDecodeError:
        raise fail("the JSON is not UTF-8 text") from None
    except ValueError as exc:
        raise fail(f"invalid JSON ({exc})") from None


def _over(size: int, limit: int) -> str:
    return f"it is {size / (1 << 20):.1f} MB, above the {limit / (1 << 20):.0f} MB import limit"
