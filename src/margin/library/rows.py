"""What the library hands out: article rows, search hits, scan progress and
summaries, entity counts; and the one query that reads article rows."""

from __future__ import annotations

import inspect
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from margin.library.filenames import from_db
from margin.sanitize import display_path


@dataclass(slots=True)
class ArticleRow:
    """One article of the library. ``path`` is "" for an article imported
    without its text and not fetched yet (``status`` "pending")."""

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
    status: str  # "ok" | "failed" | "skipped" | "pending"
    reason: str | None
    added: str
    url: str | None = None
    archived: bool = False
    tags: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": display_path(self.path) if self.path else None,
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
            "url": self.url,
            "tags": self.tags,
            "archived": self.archived,
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
    #: Files with no article in them (a few words, no title), not listed.
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, why)
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
       a.status, a.reason, a.added, a.url, coalesce(r.archived, 0) AS archived,
       (SELECT group_concat(g.tag, char(31)) FROM tags g WHERE g.article_id = a.id) AS tags
FROM articles a LEFT JOIN reading r ON r.article_id = a.id
"""

#: Between two tags in ROW_SQL's ``tags`` (a control character: no tag holds one).
_TAG_SEPARATOR = "\x1f"


def article_row(
    id: int,
    path: str | bytes | None,
    title: str,
    byline: str | None,
    site: str | None,
    published: str | None,
    word_count: int,
    reading_minutes: int,
    bookmarked: int,
    progress: float,
    highlights: int,
    status: str,
    reason: str | None,
    added: str,
    url: str | None,
    archived: int,
    tags: str | None,
) -> ArticleRow:
    """An :class:`ArticleRow` from the columns of :data:`ROW_SQL`, each
    passed to the parameter of its name (see :func:`select_rows`)."""
    shown = "" if path is None else from_db(path)
    return ArticleRow(
        id=id,
        path=shown,
        title=title or os.path.basename(shown) or (url or ""),
        byline=byline,
        site=site,
        published=published,
        word_count=word_count,
        reading_minutes=reading_minutes,
        bookmarked=bool(bookmarked),
        progress=float(progress),
        highlights=highlights,
        status=status,
        reason=reason,
        added=added,
        url=url,
        archived=bool(archived),
        tags=sorted(tags.split(_TAG_SEPARATOR), key=str.casefold) if tags else [],
    )


#: The columns :data:`ROW_SQL` must name, in its order.
_COLUMNS = tuple(inspect.signature(article_row).parameters)


def select_rows(
    conn: sqlite3.Connection, where: str, params: Iterable[Any] = ()
) -> list[ArticleRow]:
    """Article rows matching ``where`` (SQL after ``WHERE``).

    The columns are matched to :func:`article_row`'s parameters by name
    once per query, so that each row is one plain call: the library list
    reads every row (10,000 in a large library) at each change of view."""
    cur = conn.execute(f"{ROW_SQL} WHERE {where}", tuple(params))
    names = tuple(d[0] for d in cur.description)
    if names != _COLUMNS:
        raise RuntimeError(f"ROW_SQL names {names}, article_row takes {_COLUMNS}")
    return [article_row(*r) for r in cur]


def rows_by_id(conn: sqlite3.Connection, ids: list[int]) -> list[ArticleRow]:
    """The present articles among ``ids``, in no particular order."""
    rows: list[ArticleRow] = []
    for i in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows += select_rows(conn, f"a.id IN ({marks}) AND a.missing = 0", chunk)
    return rows
