"""What the index stores for one article, and its JSON encodings.

A :class:`Record` is built in the worker process that extracted the article,
so the scanning process only writes it: the pipe carries a few strings
instead of a tree of ``Block``/``Link``/``Entity`` objects, and the JSON
encoding and mention counting run on the workers' cores.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from margin.model import Article, Block, Entity, Link


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class Record:
    kind: str
    title: str
    dek: str | None
    byline: str | None
    site: str | None
    published: str | None
    lang: str | None
    url: str | None
    word_count: int
    reading_minutes: int
    text: str
    text_hash: str
    blocks: str  # JSON, see blocks_json
    entities: str  # JSON, see entities_json
    mentions: list[tuple[str, str, int]] = field(default_factory=list)  # label, text, count


def mentions(article: Article) -> list[tuple[str, str, int]]:
    """(label, text, count) of each entity the article mentions."""
    counts: dict[tuple[str, str], int] = {}
    for e in article.entities:
        k = (e.label, e.text)
        counts[k] = counts.get(k, 0) + 1
    return [(label, text, n) for (label, text), n in counts.items()]


def record_from_article(article: Article) -> Record:
    return Record(
        kind=article.kind,
        title=article.title or "",
        dek=article.dek,
        byline=article.byline,
        site=article.site,
        published=article.published,
        lang=article.lang,
        url=article.url,
        word_count=article.word_count,
        reading_minutes=article.reading_minutes,
        text=article.text,
        text_hash=text_hash(article.text),
        blocks=blocks_json(article),
        entities=entities_json(article),
        mentions=mentions(article),
    )


def blocks_json(article: Article) -> str:
    out = []
    for b in article.blocks:
        d: dict[str, Any] = {"k": b.kind, "s": b.start, "e": b.end}
        if b.level:
            d["l"] = b.level
        if b.links:
            d["a"] = [[lk.start, lk.end, lk.url] for lk in b.links]
        if article.text[b.start : b.end] != b.text:
            d["t"] = b.text
        out.append(d)
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def blocks_from_json(data: str, text: str) -> list[Block]:
    blocks = []
    for d in json.loads(data):
        blocks.append(
            Block(
                kind=d["k"],
                text=d.get("t", text[d["s"] : d["e"]]),
                level=d.get("l", 0),
                start=d["s"],
                end=d["e"],
                links=[Link(s, e, u) for s, e, u in d.get("a", ())],
            )
        )
    return blocks


def entities_json(article: Article) -> str:
    return json.dumps(
        [[e.start, e.end, e.label] for e in article.entities],
        ensure_ascii=False,
        separators=(",", ":"),
    )


def entities_from_json(data: str, text: str) -> list[Entity]:
    return [Entity(text[s:e], label, s, e) for s, e, label in json.loads(data)]
