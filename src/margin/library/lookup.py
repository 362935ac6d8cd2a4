"""Finding an article by what a person or an export names it by: its file,
its address (any spelling of it: :func:`margin.imports.normalise_url`), its
row id, or (for Readwise's highlights, which name no address) its title.

margin.imports is imported when an address is looked up, not with the
library (it loads the page decoder, which the app's start need not)."""

from __future__ import annotations

import os
import sqlite3

#: What names an article: its row id, an http(s) address, or its file.
ArticleRef = int | str | os.PathLike[str]


def is_address(ref: object) -> bool:
    return isinstance(ref, str) and ref.strip().lower().startswith(("http://", "https://"))


def url_index(conn: sqlite3.Connection) -> dict[str, int]:
    """Every listed article by its normalised address: the address it was
    imported under first, then the one its page gives."""
    from margin.imports import normalise_url

    index: dict[str, int] = {}
    for url, aid in conn.execute(
        """SELECT i.url, i.article_id FROM imports i JOIN articles a ON a.id = i.article_id
           WHERE i.url IS NOT NULL AND a.missing = 0 ORDER BY i.imported"""
    ):
        index.setdefault(url, aid)
    for url, aid in conn.execute(
        "SELECT url, id FROM articles WHERE url IS NOT NULL AND missing = 0 ORDER BY id"
    ):
        index.setdefault(normalise_url(url), aid)
    return index


def by_url(conn: sqlite3.Connection, url: str) -> int | None:
    """The listed article with this address (any spelling), or None."""
    from margin.imports import normalise_url

    wanted = normalise_url(url)
    row = conn.execute(
        """SELECT i.article_id FROM imports i JOIN articles a ON a.id = i.article_id
           WHERE i.url = ? AND a.missing = 0 LIMIT 1""",
        (wanted,),
    ).fetchone()
    if row is not None:
        return int(row[0])
    for aid, stored in conn.execute(
        "SELECT id, url FROM articles WHERE url IS NOT NULL AND missing = 0 ORDER BY id"
    ):
        if stored == url or normalise_url(stored) == wanted:
            return int(aid)
    return None


def by_title(conn: sqlite3.Connection, title: str) -> int | None:
    """The listed article of this title (any case), a readable one first."""
    row = conn.execute(
        """SELECT id FROM articles WHERE missing = 0 AND title = ? COLLATE NOCASE
           ORDER BY status = 'ok' DESC, id LIMIT 1""",
        (" ".join(title.split()),),
    ).fetchone()
    return None if row is None else int(row[0])


def has_file(conn: sqlite3.Connection, aid: int) -> bool:
    row = conn.execute("SELECT path IS NOT NULL FROM articles WHERE id = ?", (aid,)).fetchone()
    return bool(row and row[0])
