"""CSV exports: the header checked, rows read as cleaned cells.

Pocket, Wallabag, Instapaper and both Readwise files are CSV; they differ in
columns and delimiter, not in how a row is read. Column names match without
regard to case or surrounding spaces. A missing required column makes the
whole file unreadable; a row without its URL is skipped with a problem line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from margin.errors import ImportFileError
from margin.imports.fields import list_literal, split_tags
from margin.imports.model import Item

Fail = Callable[[str], ImportFileError]


@dataclass
class Row:
    """One record; ``where`` names it in a problem line ("file line 12")."""

    where: str
    cells: dict[str, str]

    def get(self, column: str) -> str | None:
        """The cell under ``column`` without edge spaces, None when empty or absent."""
        value = self.cells.get(column.lower())
        return (value.strip() or None) if value is not None else None

    def raw(self, column: str) -> str | None:
        """The cell as written (article HTML, notes: inner spacing matters)."""
        value = self.cells.get(column.lower())
        return value if value else None


MakeItem = Callable[[Row, str, list[str]], Item]


def header(text: str, delimiter: str = ",") -> list[str]:
    """The column names on the first line of ``text`` (for sniffing)."""
    first = next(
        csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter), []
    )
    return [name.strip() for name in first]


def read_rows(
    text: str, name: str, required: Sequence[str], fail: Fail, delimiter: str = ","
) -> Iterator[Row]:
    """The rows of a CSV file named ``name``; raises before the first row when a
    ``required`` column is missing or the CSV cannot be parsed."""
    with _large_fields():
        reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=delimiter)
        try:
            columns = [c.strip().lower() for c in next(reader, [])]
            missing = [c for c in required if c.lower() not in columns]
            if missing:
                raise fail(f"{name}: no {', '.join(repr(c) for c in missing)} column")
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    yield Row(
                        f"{name} line {reader.line_num}", dict(zip(columns, cells, strict=False))
                    )
        except csv.Error as exc:
            raise fail(f"{name} line {reader.line_num}: not a readable CSV row ({exc})") from None


def items_by_url(
    rows: Iterable[Row], column: str, make: MakeItem, problems: list[str]
) -> list[Item]:
    """``make(row, url, problems)`` for each row with a URL under ``column``;
    a row without one is skipped, and says so."""
    items = []
    for row in rows:
        url = row.get(column)
        if url is None:
            problems.append(f"{row.where}: no URL; skipped")
        else:
            items.append(make(row, url, problems))
    return items


def list_cell(row: Row, column: str, problems: list[str]) -> list[str]:
    """Tags in one cell: a list (``["a","b"]`` or ``['a', 'b']``) or plain
    commas. A cell that starts like a list and is not one is split on commas
    too, and says so."""
    text = row.get(column) or ""
    if not text.startswith("["):
        return split_tags(text, ",")
    tags = list_literal(text)
    if tags is None:
        problems.append(f"{row.where}: {column} is not a list; split on commas")
        return [tag.strip("'\"") for tag in split_tags(text.strip("[]"), ",")]
    return tags


@contextmanager
def _large_fields() -> Iterator[None]:
    # Article HTML sits in one cell (Wallabag); csv's default cap is 128 KB.
    # The file as a whole is already bounded by the import limit.
    previous = csv.field_size_limit()
    csv.field_size_limit(1 << 30)
    try:
        yield
    finally:
        csv.field_size_limit(previous)
