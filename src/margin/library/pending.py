"""Articles imported without their text: rows with no file yet.

A pending article is an ``articles`` row with ``path`` NULL and ``status``
'pending', its address in ``url`` and its reason saying what is awaited.
Its title (and author) are in the full-text index, so search finds it; its
highlights wait in state 'pending'. Fetching it (``margin fetch``) saves the
page in the inbox and gives the row that file (:func:`attach`): tags,
state, progress and highlights stay on the row. One that cannot be fetched
(no address, or one that leads nowhere) stays pending with that reason and
its highlights are kept orphaned. All functions run inside the caller's
transaction.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from urllib.parse import urlsplit

from margin.imports import Item
from margin.imports.fields import is_fetchable
from margin.library import cjk, recording, store
from margin.library.filenames import to_db

WAITING = "not fetched yet (run 'margin fetch')"
NO_ADDRESS = "imported without its text, and with no address to fetch it from"


@dataclass(frozen=True, slots=True)
class ToFetch:
    id: int
    url: str
    source: str | None  # the export it came from ("pocket", ...), if any


def create(conn: sqlite3.Connection, item: Item) -> int:
    """A pending row for ``item``; returns its id."""
    now = store.now()
    fetchable = is_fetchable(item.url)
    cur = conn.execute(
        """INSERT INTO articles(path, status, reason, title, byline, site, published, url,
               added, indexed)
           VALUES (NULL, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            WAITING if fetchable else NO_ADDRESS,
            item.title or "",
            item.author,
            _site(item.url) if fetchable else None,
            item.published,
            item.url,
            item.saved or now,
            now,
        ),
    )
    aid = int(cur.lastrowid or 0)
    # Searchable by title, author and site; the same values in both, as the
    # full-text index's removal of a row must name what it was given.
    row = (aid, item.title or item.url or "", item.author or "", _site(item.url) or "", "")
    conn.execute(
        "INSERT INTO texts(article_id, title, byline, site, text, recognised) "
        "VALUES (?, ?, ?, ?, ?, 1)",
        row,
    )
    cjk.index(conn, aid, row[1], "")
    recording.add_to_fts(conn, [row])
    return aid


def _site(url: str | None) -> str | None:
    try:
        host = urlsplit(url or "").hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def is_waiting(conn: sqlite3.Connection, aid: int) -> bool:
    """Whether the article is pending and can be fetched."""
    row = conn.execute("SELECT status, url FROM articles WHERE id = ?", (aid,)).fetchone()
    return row is not None and row[0] == "pending" and is_fetchable(row[1])


def attach(conn: sqlite3.Connection, aid: int, path: str) -> bool:
    """Give a pending (or failed, path-less) row the file at ``path``, so
    that indexing that file updates this row. False when another row has
    that file already."""
    taken = conn.execute("SELECT 1 FROM articles WHERE path = ?", (to_db(path),)).fetchone()
    if taken:
        return False
    conn.execute("UPDATE articles SET path = ? WHERE id = ? AND path IS NULL", (to_db(path), aid))
    return True


def detach(conn: sqlite3.Connection, aid: int) -> None:
    """Take back the file :func:`attach` gave (its page held no article)."""
    conn.execute("UPDATE articles SET path = NULL, size = -1, mtime_ns = -1 WHERE id = ?", (aid,))


def fail(conn: sqlite3.Connection, aid: int, reason: str) -> None:
    """A pending article whose page could not be fetched or read: it stays
    without a file, listed as failed with the reason, and ``margin fetch
    --retry-failed`` tries it again."""
    conn.execute(
        "UPDATE articles SET status = 'failed', reason = ?, indexed = ? "
        "WHERE id = ? AND path IS NULL",
        (reason, store.now(), aid),
    )


def to_fetch(
    conn: sqlite3.Connection, *, retry_failed: bool, ids: list[int] | None = None
) -> tuple[list[ToFetch], int]:
    """The articles waiting to be fetched (with ``retry_failed``, those
    whose fetch failed too), oldest first, and how many pending ones have
    no address to fetch from. ``ids``: only these."""
    statuses = ("pending", "failed") if retry_failed else ("pending",)
    rows = conn.execute(
        f"""SELECT a.id, a.url, (SELECT min(i.source) FROM imports i WHERE i.article_id = a.id)
            FROM articles a WHERE a.path IS NULL AND a.missing = 0
              AND a.status IN ({",".join("?" * len(statuses))})
            ORDER BY a.added, a.id""",
        statuses,
    ).fetchall()
    wanted = None if ids is None else set(ids)
    out: list[ToFetch] = []
    unfetchable = 0
    for aid, url, source in rows:
        if wanted is not None and aid not in wanted:
            continue
        if is_fetchable(url):
            out.append(ToFetch(aid, url, source))
        else:
            unfetchable += 1
    return out, unfetchable
