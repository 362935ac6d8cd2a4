"""Omnivore's export ZIP.

``metadata_{from}_to_{to}.json`` parts list the items (``id, slug, title,
description, author, url, state`` Archived|Active|Unknown,
``readingProgress`` 0-100, ``labels[], savedAt, updatedAt, publishedAt``);
``content/{slug}.html`` holds the readable article (sometimes
``content/{slug}.pdf``); ``highlights/{slug}.md`` its highlights (see
:func:`parse_highlights`). Highlights written into the metadata itself (as
some exporters did) are read too.

Newer exports can hold the same entry name twice: the same item written
again, or two items with one slug. Items are merged by ``id``; the entries
of a slug are paired with that slug's items in archive order, extra content
is ignored (one problem line) and extra highlights go to the slug's last
item, so that none is lost. Entries with no item become items of their own.

Newsletters have a ``https://omnivore.app/no_url?q=...`` URL that leads
nowhere: they are never fetchable, and their text is only in the ZIP. Image
URLs in the content point at Omnivore's dead image proxy; nothing here
fetches anything, and the thumbnail is not kept.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from margin.imports.archive import Archive
from margin.imports.fields import id_text, iso_from_text, progress, strings, text_or_none
from margin.imports.json_highlights import JsonHighlight
from margin.imports.model import ImportedHighlight, Item, merge_highlights
from margin.imports.source import Source, text_of
from margin.ingest.decode import decode

METADATA_RE = re.compile(r"(?:.*/)?metadata_\d+_to_\d+\.json")
CONTENT_RE = re.compile(r"(?:.*/)?content/(?P<slug>[^/]+)\.(?P<ext>html|pdf)")
HIGHLIGHTS_RE = re.compile(r"(?:.*/)?highlights/(?P<slug>[^/]+)\.md")
_LABEL_RE = re.compile(r"#\S+")
# Highlights some exporters wrote into the metadata, in Omnivore's API names.
METADATA_HIGHLIGHT = JsonHighlight(
    quote="quote",
    note="annotation",
    prefix="prefix",
    suffix="suffix",
    created="createdAt",
    updated="updatedAt",
    labels="labels",
    color="color",
    key_prefix="omnivore-highlight",
)

Record = dict[str, object]


@dataclass
class _Slug:
    """Everything the archive holds under one slug."""

    records: list[Record] = field(default_factory=list)
    contents: list[zipfile.ZipInfo] = field(default_factory=list)
    notes: list[zipfile.ZipInfo] = field(default_factory=list)


def read(source: Source, problems: list[str]) -> list[Item]:
    with Archive(source) as archive:
        slugs = _slugs(archive, problems)
        items: list[Item] = []
        for slug, group in slugs.items():
            items += _items(archive, slug, group, problems)
    return items


def _slugs(archive: Archive, problems: list[str]) -> dict[str, _Slug]:
    slugs: dict[str, _Slug] = {}
    for record in _records(archive, problems):
        slug = text_or_none(record.get("slug")) or str(record.get("id"))
        slugs.setdefault(slug, _Slug()).records.append(record)
    for found, info in archive.matching(CONTENT_RE):
        slugs.setdefault(found["slug"], _Slug()).contents.append(info)
    for found, info in archive.matching(HIGHLIGHTS_RE):
        slugs.setdefault(found["slug"], _Slug()).notes.append(info)
    return slugs


def _records(archive: Archive, problems: list[str]) -> list[Record]:
    """Every item of every metadata part, one per ``id`` (the last copy wins)."""
    by_id: dict[str, Record] = {}
    for _match, info in archive.matching(METADATA_RE):
        part = archive.read_json(info)
        if not isinstance(part, list):
            raise archive.source.fail(f"{info.filename}: not a list of items")
        for number, record in enumerate(part, 1):
            if isinstance(record, dict) and (key := _record_key(record)):
                by_id[key] = record
            else:
                problems.append(f"{info.filename} item {number}: no id; skipped")
    return list(by_id.values())


def _record_key(record: Record) -> str | None:
    return id_text(record.get("id")) or id_text(record.get("slug"))


def _items(archive: Archive, slug: str, group: _Slug, problems: list[str]) -> list[Item]:
    records = group.records or [{"slug": slug}]  # entries without metadata
    if not group.records:
        problems.append(f"{slug}: content or highlights with no metadata; imported by name")
    if len(group.contents) > len(records):
        problems.append(f"content/{slug}: {len(group.contents)} copies; the first were used")
    contents = [_content(archive, info) for info in group.contents[: len(records)]]
    contents += [(None, None)] * (len(records) - len(contents))
    notes: list[list[ImportedHighlight]] = [[] for _ in records]
    for index, info in enumerate(group.notes):
        text = text_of(archive.read(info))
        slot = min(index, len(records) - 1)  # the extra copies go to the last item
        notes[slot] = merge_highlights(notes[slot], parse_highlights(text))
    items = [_item(*args, slug) for args in zip(records, contents, notes, strict=True)]
    for item in items:
        if item.content_type is None and not item.fetchable:
            problems.append(f"{slug}: no content in the export and no address to fetch")
    return items


def _content(archive: Archive, info: zipfile.ZipInfo) -> tuple[str | None, bytes | None]:
    """(html, pdf) from one content entry."""
    data = archive.read(info)
    if info.filename.endswith(".pdf"):
        return None, data
    return (decode(data)[0] if data.strip() else None), None


def _item(
    record: Record,
    content: tuple[str | None, bytes | None],
    notes: list[ImportedHighlight],
    slug: str,
) -> Item:
    record_id = id_text(record.get("id"))
    return Item(
        key=f"omnivore:{record_id}" if record_id else f"omnivore-slug:{slug}",
        url=text_or_none(record.get("url")),
        title=text_or_none(record.get("title")) or (None if record_id else slug),
        html=content[0],
        pdf=content[1],
        author=text_or_none(record.get("author")),
        description=text_or_none(record.get("description")),
        saved=iso_from_text(record.get("savedAt")),
        updated=iso_from_text(record.get("updatedAt")),
        published=iso_from_text(record.get("publishedAt")),
        tags=strings(record.get("labels")),
        archived=record.get("state") == "Archived",
        progress=progress(record.get("readingProgress"), scale=100),
        highlights=merge_highlights(METADATA_HIGHLIGHT.read_all(record.get("highlights")), notes),
    )


def parse_highlights(text: str) -> list[ImportedHighlight]:
    """``highlights/{slug}.md``: each highlight a ``> quote`` block (a quote's
    own line breaks continue with ``> ``), then, after a blank line, an
    optional line of ``#label``s, then an optional note (which may run over
    several paragraphs), up to the next quote. Text before the first quote is
    kept as a note with no quote."""
    blocks: list[tuple[list[str], list[str]]] = []
    in_quote = False
    for line in text.splitlines():
        is_quote = line.startswith(">")
        if not blocks or (is_quote and not in_quote):
            blocks.append(([], []))
        quote, rest = blocks[-1]
        (quote if is_quote else rest).append(line[1:].removeprefix(" ") if is_quote else line)
        in_quote = is_quote
    return [_highlight(quote, rest) for quote, rest in blocks if quote or "".join(rest).strip()]


def _highlight(quote: list[str], rest: list[str]) -> ImportedHighlight:
    paragraphs = [p.strip() for p in "\n".join(rest).split("\n\n") if p.strip()]
    labels: list[str] = []
    if quote and paragraphs and _is_labels(paragraphs[0]):
        labels = [label[1:] for label in paragraphs.pop(0).split()]
    return ImportedHighlight(
        quote="\n".join(line.rstrip() for line in quote),
        note="\n\n".join(paragraphs) or None,
        labels=labels,
    )


def _is_labels(paragraph: str) -> bool:
    words = paragraph.split()
    return "\n" not in paragraph and all(_LABEL_RE.fullmatch(word) for word in words)
