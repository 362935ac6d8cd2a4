"""What the library hands out: article rows, search hits, scan progress and
summaries, entity counts; and the one query that reads article rows."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from margin.library import store
from margin.library.filenames import from_db
from margin.sanitize import display_path


@dataclass(slots=True)
class ArticleRow:
    id: int
    path: str
    title: str
    byline: str | None
    site: str | None
    published: str | None
    word_count: int
    reading_minutes: int
    bookmarked: bool
    progress: float
    highlights: int
    status: str  # "ok" | "failed"
    reason: str | None
    added: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": display_path(self.path),
            "title": self.title,
            "byline": self.byline,
            "site": self.site,
            "published": self.published,
            "word_count": self.word_count,
            "reading_minutes": self.reading_minutes,
            "bookmarked": self.bookmarked,
            "progress": round(self.progress, 4),
            "highlights": self.highlights,
            "status": self.status,
            "reason": self.reason,
            "added": self.added,
        }


@dataclass(slots=True)
class SearchHit:
    row: ArticleRow
    snippet: str  # plain text, never markup
    score: float  # higher is better (negated bm25)
    matches: list[tuple[int, int]] = field(default_factory=list)  # offsets into snippet


@dataclass(frozen=True, slots=True)
class ScanProgress:
    done: int
    total: int
    path: str | None  # the file just finished (None at the start)


@dataclass(slots=True)
class ScanSummary:
    seen: int = 0
    indexed: int = 0
    unchanged: int = 0
    moved: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    orphaned: int = 0  # highlights that could no longer be placed
    cancelled: bool = False
    seconds: float = 0.0
    #: Where the time went, in seconds: CPU time the workers spent reading
    #: and hashing ("read"), extracting ("extract") and recognising entities
    #: ("entities"), summed over files; wall time this process spent
    #: writing the index ("write").
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EntityCount:
    text: str
    label: str
    count: int  # mentions
    articles: int = 1  # articles mentioning it


#: An article row; callers add a WHERE clause (``a`` is the article).
ROW_SQL = """
SELECT a.id, a.path, a.title, a.byline, a.site, a.published, a.word_count,
       a.reading_minutes, coalesce(r.bookmarked, 0) AS bookmarked,
       coalesce(r.progress, 0.0) AS progress,
       (SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS highlights,
       a.status, a.reason, a.added
FROM articles a LEFT JOIN reading r ON r.article_id = a.id
"""


def article_row(r: sqlite3.Row) -> ArticleRow:
    """An :class:`ArticleRow` from a row of :data:`ROW_SQL`."""
    path = from_db(r["path"])
    return ArticleRow(
        id=r["id"],
        path=path,
        title=r["title"] or os.path.basename(path),
        byline=r["byline"],
        site=r["site"],
        published=r["published"],
        word_count=r["word_count"],
        reading_minutes=r["reading_minutes"],
        bookmarked=bool(r["bookmarked"]),
        progress=float(r["progress"]),
        highlights=r["highlights"],
        status=r["status"],
        reason=r["reason"],
        added=r["added"],
    )


def select_rows(
    conn: sqlite3.Connection, where: str, params: Iterable[Any] = ()
) -> list[ArticleRow]:
    """Article rows matching ``where`` (SQL after ``WHERE``)."""
    return [article_row(r) for r in store.named(conn, f"{ROW_SQL} WHERE {where}", tuple(params))]


def rows_by_id(conn: sqlite3.Connection, ids: list[int]) -> list[ArticleRow]:
    """The present articles among ``ids``, in no particular order."""
    rows: list[ArticleRow] = []
    for i in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows += select_rows(conn, f"a.id IN ({marks}) AND a.missing = 0", chunk)
    return rows
