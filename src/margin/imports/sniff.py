"""Which export a file is, told by its content, never by its name.

A ZIP by its entry names (Omnivore's metadata parts, Pocket's CSV parts);
a WARC by its first record (plain or gzipped); JSON by its shape; HTML by the Netscape doctype or Pocket's ``time_added``
links; CSV by its header, matched against each service's columns (the one
whose columns it holds the largest share of, at least half of them), so a
file missing one column is still recognised and then refused for it.
"""

from __future__ import annotations

import re

from margin.imports import netscape, pocket
from margin.imports.archive import Archive
from margin.imports.hypothesis import annotations_of
from margin.imports.model import Format
from margin.imports.omnivore import METADATA_RE
from margin.imports.source import Source
from margin.imports.tables import header
from margin.ingest.warc import looks_like_warc

# Each CSV format: its delimiter and every column it is known to write.
_CSV_SIGNATURES: tuple[tuple[Format, str, tuple[str, ...]], ...] = (
    ("pocket", ",", ("title", "url", "time_added", "cursor", "tags", "status")),
    ("instapaper", ",", ("URL", "Title", "Selection", "Folder", "Timestamp", "Tags")),
    (
        "readwise-reader",
        ",",
        (
            "Title",
            "URL",
            "ID",
            "Document tags",
            "Saved date",
            "Reading progress",
            "Location",
            "Seen",
        ),
    ),
    (
        "readwise-highlights",
        ",",
        (
            "Highlight",
            "Book Title",
            "Book Author",
            "Amazon Book ID",
            "Note",
            "Color",
            "Tags",
            "Location Type",
            "Location",
            "Highlighted at",
            "Document tags",
        ),
    ),  # fmt: skip
    (
        "wallabag-csv",
        ";",
        ("Title", "URL", "Content", "Tags", "MIME Type", "Language", "Creation date"),
    ),
)
_POCKET_HTML_RE = re.compile(r"<title>\s*pocket export\s*</title>|<a\s[^>]*\btime_added\s*=")
_BOOKMARKS_RE = re.compile(r"<dl[\s>].*?\badd_date\s*=", re.S)


def sniff_source(source: Source) -> Format | None:
    if source.is_zip():
        with Archive(source) as archive:
            return _zip_format(archive.names())
    if looks_like_warc(source.head()):
        return "warc"
    text = source.head().decode("utf-8", "replace").lstrip("\ufeff \t\r\n")
    if text.startswith(("{", "[")):
        return _json_format(source.json())
    if text.startswith("<"):
        return _html_format(text.lower())
    return _csv_format(text)


def _zip_format(names: list[str]) -> Format | None:
    if any(METADATA_RE.fullmatch(name) for name in names):
        return "omnivore"
    if any(pocket.PART_RE.fullmatch(name) for name in names):
        return "pocket"
    return None


def _json_format(data: object) -> Format | None:
    if annotations_of(data) is not None:
        return "hypothesis"
    first = data[0] if isinstance(data, list) and data else None
    if isinstance(first, dict) and ("is_archived" in first or "is_starred" in first):
        return "wallabag"
    return None


def _html_format(lowered: str) -> Format | None:
    if lowered.startswith(netscape.DOCTYPE):
        return "netscape"
    if _POCKET_HTML_RE.search(lowered):
        return "pocket-html"
    if _BOOKMARKS_RE.search(lowered):
        return "netscape"
    return None


def _csv_format(text: str) -> Format | None:
    best: tuple[float, Format | None] = (0.0, None)
    for name, delimiter, signature in _CSV_SIGNATURES:
        columns = {c.lower() for c in header(text, delimiter)}
        found = sum(1 for c in signature if c.lower() in columns)
        share = found / len(signature)
        if found >= 2 and share >= 0.5 and share > best[0]:
            best = (share, name)
    return best[1]
