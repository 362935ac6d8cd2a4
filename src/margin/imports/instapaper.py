"""Instapaper's CSV: ``URL,Title,Selection,Folder[,Timestamp][,Tags]``.

``Folder`` is ``Unread``, ``Archive``, ``Starred`` or the name of a folder
of the user's, which becomes a tag. ``Selection`` is the text chosen when
the page was saved (Instapaper's summary of it): the item's description.
``Timestamp`` is Unix seconds; ``Tags`` a JSON array written as text
(``["a","b"]``). Instapaper exports no article text nor highlights.
"""

from __future__ import annotations

from margin.imports.fields import iso_from_unix
from margin.imports.model import Item
from margin.imports.source import Source
from margin.imports.tables import Row, items_by_url, list_cell, read_rows

COLUMNS = ("URL", "Title", "Selection", "Folder")
_FOLDERS = {"unread": (False, False), "archive": (True, False), "starred": (False, True)}


def read(source: Source, problems: list[str]) -> list[Item]:
    rows = read_rows(source.text(), source.path.name, COLUMNS, source.fail)
    return items_by_url(rows, "URL", _item, problems)


def _item(row: Row, url: str, problems: list[str]) -> Item:
    folder = row.get("Folder") or "Unread"
    archived, starred = _FOLDERS.get(folder.lower(), (False, False))
    tags = [] if folder.lower() in _FOLDERS else [folder]
    return Item(
        key="",
        url=url,
        title=row.get("Title"),
        description=row.get("Selection"),
        saved=iso_from_unix(row.get("Timestamp")),
        tags=tags + list_cell(row, "Tags", problems),
        archived=archived,
        starred=starred,
    )
