"""Readwise: Reader's library CSV and the highlights CSV.

Reader: ``Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen``.
``Document tags`` is written like a Python list (``['a', 'b']``);
``Location`` is ``new``, ``archive`` (archived), ``later``/``shortlist``, or
``feed``: a feed entry Reader showed but the user never saved, left out with
one problem line counting them. ``Reading progress`` is 0-1 (a value past 1
is read as percent).

Highlights: ``Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,
Tags,Location Type,Location,Highlighted at[,Document tags]``. It names no
URL, so each book or document becomes an item known by title and author
(``url`` None, key ``"readwise-book:<title>|<author>"``), carrying its
highlights: the library can match it by title to an article it has.
"""

from __future__ import annotations

from margin.imports.fields import iso_from_text, progress, to_float
from margin.imports.model import ImportedHighlight, Item, Position
from margin.imports.source import Source
from margin.imports.tables import Row, items_by_url, list_cell, read_rows
from margin.wording import counted

READER_COLUMNS = ("Title", "URL", "ID", "Location")
HIGHLIGHT_COLUMNS = ("Highlight", "Book Title")
_FEED = "feed"


def read_reader(source: Source, problems: list[str]) -> list[Item]:
    rows = list(read_rows(source.text(), source.path.name, READER_COLUMNS, source.fail))
    saved = [row for row in rows if (row.get("Location") or "").lower() != _FEED]
    if len(saved) < len(rows):
        problems.append(
            f"{source.path.name}: {counted(len(rows) - len(saved), 'item')} in Reader's feed "
            "(shown to you, never saved) left out"
        )
    return items_by_url(saved, "URL", _document, problems)


def _document(row: Row, url: str, problems: list[str]) -> Item:
    return Item(
        key=f"readwise:{row.get('ID')}" if row.get("ID") else "",
        url=url,
        title=row.get("Title"),
        saved=iso_from_text(row.get("Saved date")),
        tags=list_cell(row, "Document tags", problems),
        archived=(row.get("Location") or "").lower() == "archive",
        progress=_progress(row.get("Reading progress")),
    )


def _progress(value: str | None) -> float | None:
    number = to_float(value)
    if number is None:
        return progress(value, scale=1)  # "35%" and the like
    return progress(number, scale=100 if number > 1 else 1)


def read_highlights(source: Source, problems: list[str]) -> list[Item]:
    books: dict[tuple[str | None, str | None], list[Row]] = {}
    for row in read_rows(source.text(), source.path.name, HIGHLIGHT_COLUMNS, source.fail):
        books.setdefault((row.get("Book Title"), row.get("Book Author")), []).append(row)
    return [_book(title, author, rows, problems) for (title, author), rows in books.items()]


def _book(title: str | None, author: str | None, rows: list[Row], problems: list[str]) -> Item:
    tags = [tag for row in rows for tag in list_cell(row, "Document tags", problems)]
    return Item(
        key=f"readwise-book:{title or ''}|{author or ''}",
        url=None,
        title=title,
        author=author,
        tags=tags,
        highlights=[_highlight(row, problems) for row in rows],
    )


def _highlight(row: Row, problems: list[str]) -> ImportedHighlight:
    where = " ".join(filter(None, (row.get("Location Type"), row.get("Location"))))
    return ImportedHighlight(
        quote=row.raw("Highlight") or "",
        note=row.raw("Note"),
        created=iso_from_text(row.get("Highlighted at")),
        labels=list_cell(row, "Tags", problems),
        color=row.get("Color"),
        position=Position(location=where) if where else None,
    )
