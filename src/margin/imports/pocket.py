"""Pocket: the ZIP of CSV parts (with 2025's highlights) and the older ``ril_export.html``.

The CSV parts (``part_000000.csv``...) come with one of three headers:
``title,url,time_added,cursor,tags``, the same with ``status``, and (2025)
``title,url,time_added,tags,status``. ``time_added`` is Unix seconds, tags
are separated by ``|``, ``status`` is ``archive`` or ``unread`` (absent in
the oldest header: unread). Titles stop at 75 characters. Highlights are in
``annotations/part_*.json``: ``[{"url", "title", "highlights": [{"quote",
"created_at"}]}]``; a highlight with an empty quote is kept (quote "") and
counted in one problem line. An annotated URL missing from the CSV becomes
an item of its own. Pocket exports no article text: every item is pending.
"""

from __future__ import annotations

import re

from margin.imports.archive import Archive
from margin.imports.fields import iso_from_unix, normalise_url, split_tags, text_or_none
from margin.imports.json_highlights import JsonHighlight
from margin.imports.links import Attrs, LinkParser
from margin.imports.model import Item
from margin.imports.source import Source, text_of
from margin.imports.tables import Fail, Row, items_by_url, read_rows
from margin.wording import counted

PART_RE = re.compile(r"(?:.*/)?part_\d+\.csv")
ANNOTATIONS_RE = re.compile(r"(?:.*/)?annotations/part_\d+\.json")
COLUMNS = ("title", "url", "time_added")
# Pocket cut titles at this length in its CSV; a title this long may be partial.
TITLE_CUT = 75
_STATUSES = {"archive": True, "unread": False}
HIGHLIGHT = JsonHighlight(quote="quote", created="created_at")


def read_zip(source: Source, problems: list[str]) -> list[Item]:
    items: list[Item] = []
    with Archive(source) as archive:
        for _match, info in archive.matching(PART_RE):
            text = text_of(archive.read(info))
            items += read_csv_text(text, info.filename, source.fail, problems)
        for _match, info in archive.matching(ANNOTATIONS_RE):
            data = archive.read_json(info)
            if not isinstance(data, list):
                raise source.fail(f"{info.filename}: not a list of annotated articles")
            attach_annotations(items, data, info.filename, problems)
    return items


def read_csv(source: Source, problems: list[str]) -> list[Item]:
    """One part, unzipped by hand."""
    return read_csv_text(source.text(), source.path.name, source.fail, problems)


def read_csv_text(text: str, name: str, fail: Fail, problems: list[str]) -> list[Item]:
    return items_by_url(read_rows(text, name, COLUMNS, fail), "url", _item, problems)


def _item(row: Row, url: str, problems: list[str]) -> Item:
    title = row.get("title")
    return Item(
        key="",
        url=url,
        title=title,
        saved=_time_added(row.get("time_added"), row.where, problems),
        tags=split_tags(row.get("tags"), "|"),
        archived=_archived(row.get("status"), row.where, problems),
        title_partial=title is not None and len(title) >= TITLE_CUT,
    )


def _time_added(value: str | None, where: str, problems: list[str]) -> str | None:
    saved = iso_from_unix(value)
    if value and saved is None:
        problems.append(f"{where}: time_added {value[:40]!r} is not a Unix time")
    return saved


def _archived(status: str | None, where: str, problems: list[str]) -> bool:
    if status is None:
        return False
    if status.lower() not in _STATUSES:
        problems.append(f"{where}: unknown status {status[:40]!r}; taken as unread")
    return _STATUSES.get(status.lower(), False)


def attach_annotations(
    items: list[Item], entries: list[object], name: str, problems: list[str]
) -> None:
    """Pocket's highlights onto the items of the same URL (new items for the rest)."""
    by_url = {normalise_url(item.url): item for item in items if item.url}
    empty = 0
    for entry in entries:
        if not isinstance(entry, dict):
            problems.append(f"{name}: an entry that is not an object; skipped")
            continue
        highlights = HIGHLIGHT.read_all(entry.get("highlights"))
        empty += sum(1 for h in highlights if not h.quote)
        url, title = text_or_none(entry.get("url")), text_or_none(entry.get("title"))
        item = by_url.get(normalise_url(url)) if url else None
        if item is None:
            item = Item(key="", url=url, title=title)
            items.append(item)
            if item.url:
                by_url[normalise_url(item.url)] = item
        item.highlights += highlights
    if empty:
        problems.append(
            f"{name}: {counted(empty, 'highlight')} with an empty quote, kept with their date"
        )


def read_html(source: Source, problems: list[str]) -> list[Item]:
    """``ril_export.html``: ``<h1>Unread</h1>`` and ``<h1>Read Archive</h1>``
    sections of ``<a href time_added tags="a,b">``."""
    parser = _RilParser(source.path.name, problems)
    parser.feed(source.text(html=True))
    parser.close()
    return parser.items


class _RilParser(LinkParser):
    HEADINGS = frozenset({"h1"})

    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__()
        self.name, self.problems = name, problems
        self.items: list[Item] = []
        self.archived = False

    def on_heading(self, tag: str, attrs: Attrs, text: str) -> None:
        self.archived = "archive" in text.lower() or text.lower().startswith("read")

    def on_link(self, attrs: Attrs, text: str) -> None:
        url = attrs.get("href")
        if not url:
            self.problems.append(f"{self.name}: a link without an address ({text[:60]!r}); skipped")
            return
        self.items.append(
            Item(
                key="",
                url=url,
                title=text or None,
                saved=iso_from_unix(attrs.get("time_added")),
                tags=split_tags(attrs.get("tags"), ","),
                archived=self.archived,
            )
        )
