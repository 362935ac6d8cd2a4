"""Reading the index: the article list (sorted and filtered), one article's
row, and an indexed article when its file has not changed since."""

from __future__ import annotations

import os
import re
import sqlite3
import unicodedata
from collections.abc import Callable
from typing import Any

from margin.errors import UsageError
from margin.library import store
from margin.library.filenames import from_db, normpath, to_db, under
from margin.library.records import blocks_from_json, entities_from_json
from margin.library.rows import ArticleRow, select_rows
from margin.model import Article

SORTS = ("title", "date", "added", "progress", "length", "site")
FILTERS = (
    "all",
    "unread",
    "bookmarked",
    "annotated",
    "archived",
    "pending",
    "failed",
    "skipped",
)

#: The rows the library lists: present files that are articles (a fragment
#: with no article in it is "skipped", listed only by its own filter).
_LISTED = "a.missing = 0 AND a.status != 'skipped'"


def alphabetical(text: str) -> str:
    """The key titles and sites sort by, as a reader reads an index: case
    and accents aside ("À Montréal" among the A's, not after "We Rewrote"),
    and quotes or a bracket before the first letter left out."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _LEADING_PUNCT_RE.sub("", plain).casefold()


_LEADING_PUNCT_RE = re.compile(r"^[^\w]+")

#: Sort keys, and whether each sorts descending by default.
_SORT_KEYS: dict[str, tuple[Callable[[ArticleRow], Any], bool]] = {
    "title": (lambda r: (alphabetical(r.title), r.title, r.path), False),
    "site": (lambda r: (alphabetical(r.site or "\uffff"), alphabetical(r.title)), False),
    "date": (lambda r: (r.published or "", r.added), True),
    "added": (lambda r: (r.added, r.id), True),
    "progress": (lambda r: (r.progress, r.added), True),
    "length": (lambda r: (r.word_count, alphabetical(r.title)), False),
}

#: What each filter but "all" keeps.
_KEEP: dict[str, Callable[[ArticleRow], bool]] = {
    "unread": lambda r: r.progress <= 0.0 and r.status == "ok" and not r.archived,
    "bookmarked": lambda r: r.bookmarked,
    "annotated": lambda r: r.highlights > 0,
    "archived": lambda r: r.archived,
    "pending": lambda r: r.status == "pending",
    "failed": lambda r: r.status == "failed",
}

#: Articles that mention an entity, and articles with a tag (any case).
_WITH_ENTITY = "a.id IN (SELECT article_id FROM mentions WHERE text = ? COLLATE NOCASE)"
_WITH_TAG = "a.id IN (SELECT article_id FROM tags WHERE tag = ?)"


def articles(
    conn: sqlite3.Connection,
    *,
    folder: str | os.PathLike[str] | None,
    sort: str,
    filter: str,
    reverse: bool,
    entity: str | None,
    limit: int | None,
    tag: str | None = None,
) -> list[ArticleRow]:
    """See :meth:`Library.articles`."""
    if sort not in SORTS:
        raise UsageError(f"unknown sort {sort!r} (choose from {', '.join(SORTS)})")
    if filter not in FILTERS:
        raise UsageError(f"unknown filter {filter!r} (choose from {', '.join(FILTERS)})")
    if limit is not None and sort == "added" and filter == "all" and not entity and not tag:
        return _newest(conn, folder, reverse, limit)
    where = ["a.missing = 0 AND a.status = 'skipped'" if filter == "skipped" else _LISTED]
    params: list[Any] = []
    for condition, value in ((_WITH_ENTITY, entity), (_WITH_TAG, tag)):
        if value:
            where.append(condition)
            params.append(value)
    rows = select_rows(conn, " AND ".join(where), params)
    if folder is not None:
        root = normpath(folder)
        rows = [r for r in rows if under(r.path, root)]
    keep = _KEEP.get(filter)
    if keep is not None:
        rows = [r for r in rows if keep(r)]
    key, descending = _SORT_KEYS[sort]
    rows.sort(key=key, reverse=descending != reverse)
    return rows if limit is None else rows[:limit]


def _newest(
    conn: sqlite3.Connection, folder: str | os.PathLike[str] | None, reverse: bool, limit: int
) -> list[ArticleRow]:
    """The default view's first rows, straight from SQLite's index: no need
    to build and sort every row to show the first screen of a large library."""
    order = "ASC" if reverse else "DESC"
    where = _LISTED
    params: list[Any] = []
    if folder is not None:
        prefix = normpath(folder).rstrip(os.sep) + os.sep
        where += " AND (a.path = ? OR substr(a.path, 1, ?) = ?)"
        params += [prefix.rstrip(os.sep), len(prefix), prefix]
    where += f" ORDER BY a.added {order}, a.id {order} LIMIT ?"
    return select_rows(conn, where, (*params, limit))


def article_count(conn: sqlite3.Connection, folder: str | os.PathLike[str] | None) -> int:
    """How many articles :func:`articles` would list with no filter."""
    if folder is None:
        row = conn.execute(f"SELECT count(*) FROM articles a WHERE {_LISTED}").fetchone()
        return int(row[0])
    root = normpath(folder)
    paths = conn.execute(f"SELECT path FROM articles a WHERE {_LISTED}")
    return sum(1 for (path,) in paths if under(from_db(path), root))


def article_row(conn: sqlite3.Connection, path: str) -> ArticleRow | None:
    """The row of the article at ``path`` (normalised), present or missing."""
    rows = select_rows(conn, "a.path = ?", (to_db(path),))
    return rows[0] if rows else None


def article_id(conn: sqlite3.Connection, path: str) -> int | None:
    r = conn.execute("SELECT id FROM articles WHERE path = ?", (to_db(path),)).fetchone()
    return None if r is None else int(r[0])


# -- freshness ------------------------------------------------------------

#: What says whether the index holds the file as it is now.
_STAMP = "a.size, a.mtime_ns, a.extractor, a.missing, a.status, a.reason"


def _indexed_row(
    conn: sqlite3.Connection, path: str, stamp: tuple[int, int, str], columns: str
) -> store.Stored | str | None:
    """The article's row with ``columns`` when it is indexed from the file
    as it is now (``stamp``: size, mtime, extractor); the reason when that
    file failed; None when it must be read again."""
    r = store.fetch_one(
        conn,
        f"""SELECT {_STAMP}, t.article_id AS has_text{columns}
            FROM articles a LEFT JOIN texts t ON t.article_id = a.id WHERE a.path = ?""",
        (to_db(path),),
    )
    if r is None or r.missing or (r.size, r.mtime_ns, r.extractor) != stamp:
        return None
    if r.status != "ok":
        return str(r.reason or "unknown error")
    return r if r.has_text is not None else None


def freshness(conn: sqlite3.Connection, path: str, stamp: tuple[int, int, str]) -> bool | str:
    """True when the index holds the file at ``path`` as it is now; the
    reason when that file failed; False when it must be read again."""
    r = _indexed_row(conn, path, stamp, "")
    return r if isinstance(r, str) else r is not None


def indexed_article(
    conn: sqlite3.Connection, path: str, stamp: tuple[int, int, str]
) -> Article | str | None:
    """The indexed article, the reason it failed, or None when stale."""
    r = _indexed_row(
        conn,
        path,
        stamp,
        """, a.kind, a.title, a.dek, a.byline, a.site, a.published, a.lang, a.url,
        a.word_count, a.reading_minutes, t.text, t.blocks, t.entities""",
    )
    if r is None or isinstance(r, str):
        return r
    text = r.text
    return Article(
        source=path,
        kind=r.kind or "html",
        title=r.title or "",
        dek=r.dek,
        byline=r.byline,
        site=r.site,
        published=r.published,
        lang=r.lang,
        url=r.url,
        blocks=blocks_from_json(r.blocks, text),
        entities=entities_from_json(r.entities, text),
        text=text,
        word_count=r.word_count,
        reading_minutes=r.reading_minutes,
    )


def recognised(conn: sqlite3.Connection, path: str) -> bool:
    """Whether entity recognition ran on the stored text of ``path``."""
    r = conn.execute(
        """SELECT t.recognised FROM texts t JOIN articles a ON a.id = t.article_id
           WHERE a.path = ?""",
        (to_db(path),),
    ).fetchone()
    return r is not None and bool(r[0])
