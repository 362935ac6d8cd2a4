"""Tags on articles (user data), inside the caller's transaction.

A tag is one short line of text. Case does not make another tag: the
column compares without it, so ``Tech`` and ``tech`` on one article are one
tag, and a filter for ``tech`` finds both; the spelling first given is kept.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from margin.library import store
from margin.sanitize import clean_field

#: Characters a tag keeps; a longer one is cut (a tag is a label, not a note).
MAX_TAG = 100


def clean_tag(tag: str) -> str | None:
    """``tag`` as stored: one line, spaces collapsed, at most ``MAX_TAG``
    characters; None when nothing is left."""
    text = " ".join((clean_field(tag) or "").split())
    return text[:MAX_TAG].strip() or None


def clean_tags(tags: Iterable[str]) -> list[str]:
    """Each tag cleaned, empties and repeats (in any case) left out, in order."""
    seen: dict[str, str] = {}
    for tag in tags:
        cleaned = clean_tag(tag)
        if cleaned is not None:
            seen.setdefault(cleaned.casefold(), cleaned)
    return list(seen.values())


def tags_of(conn: sqlite3.Connection, aid: int) -> list[str]:
    rows = conn.execute("SELECT tag FROM tags WHERE article_id = ?", (aid,)).fetchall()
    return sorted((r[0] for r in rows), key=str.casefold)


def add(conn: sqlite3.Connection, aid: int, tags: Iterable[str]) -> int:
    """Tag the article; return how many tags it did not have."""
    now = store.now()
    cur = conn.executemany(
        "INSERT INTO tags(article_id, tag, added) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [(aid, tag, now) for tag in clean_tags(tags)],
    )
    return max(0, cur.rowcount)


def remove(conn: sqlite3.Connection, aid: int, tags: Iterable[str]) -> int:
    """Take tags off the article; return how many it had."""
    cur = conn.executemany(
        "DELETE FROM tags WHERE article_id = ? AND tag = ?",
        [(aid, tag) for tag in clean_tags(tags)],
    )
    return max(0, cur.rowcount)


def replace(conn: sqlite3.Connection, aid: int, tags: Iterable[str]) -> None:
    """Give the article exactly these tags."""
    conn.execute("DELETE FROM tags WHERE article_id = ?", (aid,))
    add(conn, aid, tags)


def all_tags(conn: sqlite3.Connection) -> list[tuple[str, int]]:
    """Every tag on an article the library lists, with how many articles
    carry it: most used first, then by name."""
    rows = conn.execute(
        """SELECT min(g.tag), count(*) FROM tags g JOIN articles a ON a.id = g.article_id
           WHERE a.missing = 0 GROUP BY g.tag"""
    ).fetchall()
    return sorted(((tag, int(n)) for tag, n in rows), key=lambda t: (-t[1], t[0].casefold()))
