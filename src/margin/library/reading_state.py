"""An article's reading state beside its bookmark and position (user data,
in the ``reading`` row): the archived flag, and the state an import brings,
inside the caller's transaction."""

from __future__ import annotations

import sqlite3

from margin.library import store


def set_archived(conn: sqlite3.Connection, aid: int, on: bool) -> None:
    conn.execute(
        """INSERT INTO reading(article_id, archived, updated) VALUES (?, ?, ?)
           ON CONFLICT(article_id) DO UPDATE SET archived = excluded.archived,
               updated = excluded.updated""",
        (aid, int(bool(on)), store.now()),
    )


def carry_over(
    conn: sqlite3.Connection,
    aid: int,
    *,
    starred: bool,
    archived: bool,
    progress: float | None,
) -> None:
    """What a read-later service knew: a star is a bookmark, archived is
    archived, its reading progress is margin's. Never undoes what margin
    has (a bookmark, the archive flag, progress already made): an import
    adds, it does not overwrite the reader's own state."""
    if not (starred or archived or progress):
        return
    conn.execute(
        """INSERT INTO reading(article_id, bookmarked, archived, progress, updated)
           VALUES (:id, :starred, :archived, :progress, :now)
           ON CONFLICT(article_id) DO UPDATE SET
               bookmarked = max(bookmarked, excluded.bookmarked),
               archived = max(archived, excluded.archived),
               progress = CASE WHEN progress > 0 THEN progress ELSE excluded.progress END,
               updated = excluded.updated""",
        {
            "id": aid,
            "starred": int(starred),
            "archived": int(archived),
            "progress": min(1.0, max(0.0, progress or 0.0)),
            "now": store.now(),
        },
    )
