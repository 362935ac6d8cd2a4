"""What every export reader returns: plain dataclasses, cleaned on construction.

Every string that came from an export passes through :mod:`margin.sanitize`
here, in ``__post_init__``, so a reader cannot forget to: one-line fields
(title, URL, author, tags, dates) with ``clean_field``, quotes and notes with
``clean_text``. Article HTML is not cleaned here; margin's ingest does that
when the saved file is read.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from margin.imports.fields import dedupe, is_fetchable, normalise_url, valid_unicode
from margin.sanitize import clean_field, clean_text
from margin.wording import counted

Format = Literal[
    "omnivore",
    "pocket",
    "pocket-html",
    "wallabag",
    "wallabag-csv",
    "instapaper",
    "readwise-reader",
    "readwise-highlights",
    "hypothesis",
    "netscape",
    "warc",
]


@dataclass
class Position:
    """Where the service said a highlight sat: a hint, never trusted over the quote.

    Hypothesis: ``start``/``end`` are character offsets in the page's text.
    Wallabag: ``start_xpath``/``end_xpath`` name nodes of its content and
    ``start``/``end`` are offsets inside them. Readwise: ``location`` such as
    ``"page 12"`` or ``"order 3"``.
    """

    start: int | None = None
    end: int | None = None
    start_xpath: str | None = None
    end_xpath: str | None = None
    location: str | None = None

    def __post_init__(self) -> None:
        self.start_xpath = _line(self.start_xpath)
        self.end_xpath = _line(self.end_xpath)
        self.location = _line(self.location)


@dataclass
class ImportedHighlight:
    """One highlight or note. ``quote`` is "" when the export holds none: a
    note on the whole page (Hypothesis, Omnivore text before any quote) or
    Pocket's empty quotes, which are kept so that none is lost (the library
    keeps such a highlight as orphaned, with its date)."""

    quote: str
    note: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    created: str | None = None
    updated: str | None = None
    labels: list[str] = field(default_factory=list)
    color: str | None = None
    position: Position | None = None
    key: str | None = None  # the service's id for it, when it has one

    def __post_init__(self) -> None:
        self.quote = _body(self.quote).strip()
        self.note = _body(self.note).strip() or None
        # prefix/suffix are context around the quote: their edge spaces matter.
        self.prefix = _body(self.prefix) or None
        self.suffix = _body(self.suffix) or None
        self.created = _line(self.created)
        self.updated = _line(self.updated)
        self.labels = clean_tags(self.labels)
        self.color = _line(self.color)
        self.key = _line(self.key)

    def identity(self) -> tuple[str, str | None]:
        """What makes two copies of a highlight the same one."""
        return (self.quote, self.note)


@dataclass
class Item:
    """One saved article (or, for Readwise's highlights CSV, one book or
    document known by title only).

    ``key`` is stable across two reads of the same export: the service's id
    (``"omnivore:<id>"``, ``"wallabag:<id>"``, ``"readwise:<id>"``) or else
    ``"url:"`` and the normalised URL. ``html`` holds the article when the
    export has it, ``pdf`` when the export has a PDF instead; with neither the
    item is pending until fetched, which only a ``fetchable`` one can be.
    Dates are ISO 8601 strings (UTC when the export gave a zone or Unix time).
    ``progress`` is 0-1. ``title_partial`` says the export may have cut the
    title (Pocket stops at 75 characters): prefer the page's own once fetched.
    """

    key: str
    url: str | None
    title: str | None = None
    html: str | None = None
    pdf: bytes | None = None
    author: str | None = None
    description: str | None = None
    language: str | None = None
    saved: str | None = None
    published: str | None = None
    updated: str | None = None
    tags: list[str] = field(default_factory=list)
    archived: bool = False
    starred: bool = False
    progress: float | None = None
    highlights: list[ImportedHighlight] = field(default_factory=list)
    title_partial: bool = False

    def __post_init__(self) -> None:
        self.url = _line(self.url)
        self.title = _line(self.title)
        if self.title and self.url and self.title == self.url:
            self.title = None  # services put the URL where they had no title
        for name in ("key", "author", "description", "language", "saved", "published", "updated"):
            setattr(self, name, _line(getattr(self, name)))
        self.key = self.key or _fallback_key(self.url, self.title)
        self.tags = clean_tags(self.tags)
        if self.html is not None:
            self.html = valid_unicode(self.html)
        if self.progress is not None:
            self.progress = min(1.0, max(0.0, self.progress))

    @property
    def fetchable(self) -> bool:
        """The URL may be fetched: http(s), and not Omnivore's newsletter stand-in."""
        return is_fetchable(self.url)

    @property
    def content_type(self) -> Literal["html", "pdf"] | None:
        if self.html is not None:
            return "html"
        return "pdf" if self.pdf is not None else None

    def html_document(self) -> bytes | None:
        """``html`` as UTF-8 bytes that say so first: the page's own meta
        charset (if any) may name the encoding it had before the service
        re-encoded it, and must not win when the saved file is read again."""
        if self.html is None:
            return None
        return b'<meta charset="utf-8">\n' + self.html.encode("utf-8")


@dataclass
class Export:
    """An export read whole: its format, its items, and the recoverable
    oddities met on the way (a row skipped and why, a date that was not one),
    each one line naming where it was found."""

    format: Format
    items: list[Item]
    problems: list[str] = field(default_factory=list)

    @property
    def highlight_count(self) -> int:
        return sum(len(item.highlights) for item in self.items)


def merge_highlights(
    first: list[ImportedHighlight], second: list[ImportedHighlight]
) -> list[ImportedHighlight]:
    """``first``, then what ``second`` adds to it: each highlight of ``second``
    that repeats one of ``first`` (same quote, same note) is a copy, taken
    once. A quote highlighted twice within one list is kept twice."""
    copies = Counter(h.identity() for h in first)
    merged = list(first)
    for highlight in second:
        if copies[highlight.identity()] > 0:
            copies[highlight.identity()] -= 1
        else:
            merged.append(highlight)
    return merged


def merge_items(items: list[Item], problems: list[str]) -> list[Item]:
    """One item per key: a later copy adds its tags and highlights, fills the
    fields the first left empty, and archives or stars it if it says so."""
    by_key: dict[str, Item] = {}
    for item in items:
        first = by_key.setdefault(item.key, item)
        if first is not item:
            _merge_into(first, item)
    if len(by_key) < len(items):
        problems.append(
            f"{counted(len(items) - len(by_key), 'repeated item')} merged into the first copy"
        )
    return list(by_key.values())


def _merge_into(first: Item, later: Item) -> None:
    for name in _FILLABLE:
        if getattr(first, name) is None:
            setattr(first, name, getattr(later, name))
    first.tags = dedupe([*first.tags, *later.tags])
    first.highlights = merge_highlights(first.highlights, later.highlights)
    first.archived = first.archived or later.archived
    first.starred = first.starred or later.starred
    first.title_partial = first.title_partial and later.title_partial


_FILLABLE = (
    "url", "title", "html", "pdf", "author", "description", "language",
    "saved", "published", "updated", "progress",
)  # fmt: skip


def clean_tags(tags: list[str]) -> list[str]:
    """Tags as one-line strings, without empties or repeats, in their order."""
    return dedupe(t for t in (_line(str(tag)) for tag in tags) if t)


def _line(text: str | None) -> str | None:
    return None if text is None else clean_field(valid_unicode(text))


def _body(text: str | None) -> str:
    return "" if text is None else clean_text(valid_unicode(text))


def _fallback_key(url: str | None, title: str | None) -> str:
    if url:
        return "url:" + normalise_url(url)
    return "title:" + (title or "")
