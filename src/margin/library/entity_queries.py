"""Entities across the library, from the ``mentions`` table (one row per
article, label and entity text, with its count)."""

from __future__ import annotations

import sqlite3
from typing import Any

from margin.library.rows import ArticleRow, EntityCount, rows_by_id


def entity_counts(conn: sqlite3.Connection, aid: int) -> list[EntityCount]:
    """Entities of one article, most mentioned first."""
    return [
        EntityCount(text, label, n, 1)
        for label, text, n in conn.execute(
            """SELECT label, text, count FROM mentions WHERE article_id = ?
               ORDER BY count DESC, text""",
            (aid,),
        )
    ]


def library_entities(conn: sqlite3.Connection, limit: int) -> list[EntityCount]:
    """The most mentioned entities across the present articles, most
    mentions first; ``articles`` counts the articles."""
    return [
        EntityCount(text, label, n, arts)
        for label, text, n, arts in conn.execute(
            """SELECT m.label, m.text, sum(m.count), count(*) FROM mentions m
               JOIN articles a ON a.id = m.article_id AND a.missing = 0
               GROUP BY m.label, m.text ORDER BY 3 DESC, 4 DESC, 2, 1 LIMIT ?""",
            (max(0, limit),),
        )
    ]


def entity_articles(
    conn: sqlite3.Connection, text: str, label: str | None
) -> list[tuple[ArticleRow, int]]:
    """The present articles that mention an entity (its text, any case; of
    one label, or any), with their mention counts, most mentions first."""
    sql = "SELECT article_id, sum(count) FROM mentions WHERE text = ? COLLATE NOCASE"
    params: list[Any] = [text]
    if label:
        sql += " AND label = ?"
        params.append(label)
    counts = dict(conn.execute(sql + " GROUP BY article_id", params).fetchall())
    if not counts:
        return []
    out = [(row, int(counts[row.id])) for row in rows_by_id(conn, list(counts))]
    out.sort(key=lambda rc: (-rc[1], rc[0].title.casefold(), rc[0].path))
    return out
