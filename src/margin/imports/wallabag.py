"""Wallabag: the JSON export (with annotations) and the ``;``-separated CSV.

JSON: an array of entries ``id, title, url, is_archived, is_starred`` (0/1
or true/false), ``content`` (the article as HTML), ``created_at,
updated_at, published_at, published_by[], tags[], language,
reading_time, domain_name, annotations[]``. Each annotation has ``text``
(the note), ``quote`` and ``ranges: [{start, startOffset, end, endOffset}]``:
XPaths into the content and offsets written as numbers or strings, kept as
a :class:`Position` hint. Content Wallabag failed to fetch (its "can't
retrieve contents" stand-in) counts as none: the item is pending.

CSV: ``Title;URL;Content;Tags;MIME Type;Language;Creation date``, tags
separated by commas; no state, stars nor annotations.
"""

from __future__ import annotations

from margin.imports.fields import (
    id_text,
    iso_from_text,
    split_tags,
    strings,
    text_or_none,
    to_bool,
    to_int,
)
from margin.imports.json_highlights import JsonHighlight
from margin.imports.model import Item, Position
from margin.imports.source import Source
from margin.imports.tables import Row, items_by_url, read_rows

CSV_COLUMNS = ("Title", "URL", "Content")
# What Wallabag stores as the content of a page it could not fetch.
_FETCH_FAILED = "wallabag can't retrieve contents for this article"


def read_json(source: Source, problems: list[str]) -> list[Item]:
    entries = source.json()
    if not isinstance(entries, list):
        raise source.fail("not a list of Wallabag entries")
    items = []
    for number, entry in enumerate(entries, 1):
        if isinstance(entry, dict):
            items.append(_entry(entry, f"{source.path.name} entry {number}", problems))
        else:
            problems.append(f"{source.path.name} entry {number}: not an object; skipped")
    return items


def _entry(entry: dict[str, object], where: str, problems: list[str]) -> Item:
    entry_id = id_text(entry.get("id"))
    return Item(
        key=f"wallabag:{entry_id}" if entry_id else "",
        url=text_or_none(entry.get("url")),
        title=text_or_none(entry.get("title")),
        html=_content(text_or_none(entry.get("content")), where, problems),
        author=", ".join(strings(entry.get("published_by"))) or None,
        language=text_or_none(entry.get("language")),
        saved=iso_from_text(entry.get("created_at")),
        updated=iso_from_text(entry.get("updated_at")),
        published=iso_from_text(entry.get("published_at")),
        tags=strings(entry.get("tags")),
        archived=bool(to_bool(entry.get("is_archived"))),
        starred=bool(to_bool(entry.get("is_starred"))),
        highlights=ANNOTATION.read_all(entry.get("annotations")),
    )


def _content(html: str | None, where: str, problems: list[str]) -> str | None:
    if html is None or not html.strip():
        return None
    if _FETCH_FAILED in html[:500].lower():
        problems.append(f"{where}: Wallabag never fetched this page; it is pending")
        return None
    return html


def _range(annotation: dict[str, object]) -> Position | None:
    ranges = annotation.get("ranges")
    if not isinstance(ranges, list) or not ranges or not isinstance(ranges[0], dict):
        return None
    first = ranges[0]
    return Position(
        start=to_int(first.get("startOffset")),
        end=to_int(first.get("endOffset")),
        start_xpath=text_or_none(first.get("start")),
        end_xpath=text_or_none(first.get("end")),
    )


def read_csv(source: Source, problems: list[str]) -> list[Item]:
    rows = read_rows(source.text(), source.path.name, CSV_COLUMNS, source.fail, delimiter=";")
    return items_by_url(rows, "URL", _row, problems)


def _row(row: Row, url: str, problems: list[str]) -> Item:
    return Item(
        key="",
        url=url,
        title=row.get("Title"),
        html=_content(row.raw("Content"), row.where, problems),
        language=row.get("Language"),
        saved=iso_from_text(row.get("Creation date")),
        tags=split_tags(row.get("Tags"), ","),
    )


ANNOTATION = JsonHighlight(
    quote="quote",
    note="text",
    created="created_at",
    updated="updated_at",
    key_prefix="wallabag-annotation",
    position=_range,
)
