"""Plain dataclasses shared by every part of margin.

An :class:`Article` is the clean result of ingesting one file. Its ``text`` is
the body only (no title), paragraphs separated by exactly one blank line.
Every :class:`Block` knows its ``start``/``end`` character offsets in that
text, and entity and highlight offsets are offsets into the same text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

#: Kinds of block the reader knows how to show.
BlockKind = Literal["heading", "paragraph", "list_item", "quote", "code", "caption", "table_row"]

#: Entity labels (see DESIGN.md).
EntityLabel = Literal["PERSON", "ORG", "PLACE", "OTHER"]

#: Words per minute used for reading time; CJK text is counted by characters.
WORDS_PER_MINUTE = 230


@dataclass(slots=True)
class Link:
    """A hyperlink inside a block; offsets are into the article text."""

    start: int
    end: int
    url: str


@dataclass(slots=True)
class Block:
    """One unit of the article body: a heading, paragraph, list item, ..."""

    kind: BlockKind
    text: str
    level: int = 0  # heading level (1-6) or list nesting depth
    start: int = 0
    end: int = 0
    links: list[Link] = field(default_factory=list)


@dataclass(slots=True)
class Entity:
    text: str
    label: EntityLabel
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "start": self.start, "end": self.end}


@dataclass(slots=True, kw_only=True)
class Metadata:
    """What a page says about itself: the fields every Article has beside
    its body. Each extractor finds these; the ingest pipeline builds the
    Article from them by name."""

    title: str = ""
    dek: str | None = None  # the standfirst: the one-line summary under the headline
    byline: str | None = None
    site: str | None = None
    published: str | None = None
    lang: str | None = None
    url: str | None = None


@dataclass(slots=True)
class Article(Metadata):
    source: str
    kind: str  # html | mhtml | text | markdown
    blocks: list[Block] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    text: str = ""
    word_count: int = 0
    reading_minutes: int = 0

    def to_dict(self, *, with_entities: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "source": self.source,
            "kind": self.kind,
            "title": self.title,
            "dek": self.dek,
            "byline": self.byline,
            "site": self.site,
            "published": self.published,
            "lang": self.lang,
            "url": self.url,
            "text": self.text,
            "word_count": self.word_count,
            "reading_minutes": self.reading_minutes,
        }
        if with_entities:
            data["entities"] = [e.to_dict() for e in self.entities]
        return data


@dataclass(slots=True)
class Highlight:
    """A highlighted quote in an article, anchored W3C-style.

    ``exact``/``prefix``/``suffix`` form a TextQuoteSelector; ``start``/``end``
    a TextPositionSelector into the article text (``None`` when orphaned).
    """

    id: int | None
    article_path: str
    exact: str
    prefix: str
    suffix: str
    start: int | None
    end: int | None
    note: str | None = None
    created: str = ""
    state: str = "anchored"  # anchored | orphaned | pending (its article is not fetched yet)
    title: str = ""
    uid: str = ""  # stable across moves and re-extraction: export ids and block refs
    article_id: int | None = None  # the article's row ("" is the path of one not fetched yet)
