"""Writing extraction results into the index, inside the caller's transaction.

One :class:`~margin.library.workers.Outcome` becomes an ``articles`` row
(new, updated, or the row of a moved file taking its new path), its text,
blocks and entities in ``texts``, its entity counts in ``mentions`` and its
words in the full-text index; a failed file becomes a ``failed`` row with
its reason. When an article's text changed, its highlights are placed again.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from margin.library import cjk, corrections, highlights, store
from margin.library.filenames import from_db, to_db
from margin.library.records import Record, entities_json, mentions, record_from_article
from margin.library.rows import ScanSummary
from margin.library.workers import Outcome
from margin.model import Article

#: A full-text index row: (article id, title, byline, site, text).
FtsRow = tuple[int, str, str, str, str]

#: The ``articles`` columns an extraction sets (``:name`` parameters).
_COLUMNS = (
    "content_hash",
    "text_hash",
    "size",
    "mtime_ns",
    "extractor",
    "kind",
    "title",
    "dek",
    "byline",
    "site",
    "published",
    "lang",
    "url",
    "word_count",
    "reading_minutes",
    "indexed",
)
_INSERT_ARTICLE = (
    f"INSERT INTO articles({', '.join(_COLUMNS)}, path, status, added) "
    f"VALUES ({', '.join(':' + c for c in _COLUMNS)}, :path, 'ok', :indexed)"
)
_UPDATE_ARTICLE = (
    f"UPDATE articles SET {', '.join(f'{c} = :{c}' for c in _COLUMNS)}, "
    "status = 'ok', reason = NULL, missing = 0 WHERE id = :id"
)


def add_to_fts(conn: sqlite3.Connection, rows: list[FtsRow]) -> None:
    """Add articles to the full-text index, together, last in their transaction.

    Not from a trigger on ``texts`` (migration 4 dropped it): FTS5 wrote out
    each article a trigger gave it as a segment of its own, and the scan
    spent its time merging them (a test counts the segments). Together,
    after the batch's other writes, the inserts cost least of the ways
    tried; bench/index_speed.py prints the scanning process's CPU."""
    conn.executemany(
        "INSERT INTO fts(rowid, title, byline, site, text) VALUES (?, ?, ?, ?, ?)", rows
    )


def drop_text(conn: sqlite3.Connection, aid: int, fts: list[FtsRow] | None) -> None:
    """Delete an article's indexed text and mentions (a trigger takes its
    words out of the full-text index). Its words must be in that index
    first: a row still waiting in ``fts`` from earlier in the batch is
    added now, or FTS5 would be told to remove words it never had."""
    if fts and any(row[0] == aid for row in fts):
        add_to_fts(conn, fts)
        fts.clear()
    conn.execute("DELETE FROM texts WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))


def record(
    conn: sqlite3.Connection,
    outcome: Outcome,
    extractor: str,
    summary: ScanSummary | None = None,
    fts: list[FtsRow] | None = None,
) -> int:
    """Write one extraction result; return its article id. The article's
    full-text row goes to ``fts`` when given, for :func:`add_to_fts` at the
    end of the batch; without it, it is added now."""
    summary = summary if summary is not None else ScanSummary()
    row = store.fetch_one(
        conn, "SELECT id, text_hash FROM articles WHERE path = ?", (to_db(outcome.path),)
    )
    if outcome.article is None and outcome.record is None:
        reason = outcome.reason or "unknown error"
        summary.failed.append((outcome.path, reason))
        return _record_failure(conn, outcome, reason, row, extractor, fts)
    rec = outcome.record
    if rec is None:
        assert outcome.article is not None
        rec = record_from_article(outcome.article)
    fragment = _fragment(rec)
    if fragment is not None:
        summary.skipped.append((outcome.path, fragment))
        return _record_failure(conn, outcome, fragment, row, extractor, fts, status="skipped")
    return _record_article(conn, outcome, rec, row, extractor, summary, fts)


#: Fewer words than this, and no title: a frame, a widget, a stub.
FRAGMENT_WORDS = 20


def _fragment(rec: Record) -> str | None:
    """Why a file holds no article (a few words and no title), or None."""
    if rec.title.strip() or rec.word_count >= FRAGMENT_WORDS:
        return None
    words = "word" if rec.word_count == 1 else "words"
    return f"no article in it ({rec.word_count} {words}, no title)"


def _record_failure(
    conn: sqlite3.Connection,
    outcome: Outcome,
    reason: str,
    row: store.Stored | None,
    extractor: str,
    fts: list[FtsRow] | None,
    status: str = "failed",
) -> int:
    """A row for a file that gave no article: ``failed`` with its reason,
    or ``skipped`` (a fragment)."""
    now = store.now()
    values = {
        "path": to_db(outcome.path),
        # A file that changed while read is read again at the next scan.
        "size": -1 if outcome.retry else outcome.size,
        "mtime_ns": outcome.mtime_ns,
        "extractor": extractor,
        "reason": reason,
        "status": status,
        "now": now,
    }
    if row is None:
        cur = conn.execute(
            """INSERT INTO articles(path, size, mtime_ns, extractor, status, reason,
                   title, added, indexed)
               VALUES (:path, :size, :mtime_ns, :extractor, :status, :reason, :title,
                   :now, :now)""",
            {**values, "title": os.path.basename(outcome.path)},
        )
        return int(cur.lastrowid or 0)
    aid = int(row.id)
    conn.execute(
        """UPDATE articles SET size = :size, mtime_ns = :mtime_ns, extractor = :extractor,
               status = :status, reason = :reason, missing = 0, indexed = :now,
               text_hash = NULL
           WHERE id = :id""",
        {**values, "id": aid},
    )
    drop_text(conn, aid, fts)
    return aid


def _record_article(
    conn: sqlite3.Connection,
    outcome: Outcome,
    rec: Record,
    row: store.Stored | None,
    extractor: str,
    summary: ScanSummary,
    fts: list[FtsRow] | None,
) -> int:
    if row is None:
        row = _take_over_moved(conn, outcome, rec.text_hash, summary)
    values = _article_values(outcome, rec, extractor)
    if row is None:
        cur = conn.execute(_INSERT_ARTICLE, {**values, "path": to_db(outcome.path)})
        aid = int(cur.lastrowid or 0)
    else:
        aid = int(row.id)
        conn.execute(_UPDATE_ARTICLE, {**values, "id": aid})
        drop_text(conn, aid, fts)
    rec = corrections.correct(conn, aid, outcome.path, rec)  # the reader's cuts and keeps
    insert_text(conn, aid, rec, fts)
    summary.indexed += 1
    if row is None or row.text_hash != rec.text_hash:
        summary.orphaned += highlights.reanchor(conn, aid, rec.text, rec.text_hash)
    return aid


def _article_values(outcome: Outcome, rec: Record, extractor: str) -> dict[str, Any]:
    return {
        "content_hash": outcome.content_hash,
        "text_hash": rec.text_hash,
        "size": outcome.size,
        "mtime_ns": outcome.mtime_ns,
        "extractor": extractor,
        "kind": rec.kind,
        "title": rec.title,
        "dek": rec.dek,
        "byline": rec.byline,
        "site": rec.site,
        "published": rec.published,
        "lang": rec.lang,
        "url": rec.url,
        "word_count": rec.word_count,
        "reading_minutes": rec.reading_minutes,
        "indexed": store.now(),
    }


def _take_over_moved(
    conn: sqlite3.Connection, outcome: Outcome, thash: str, summary: ScanSummary
) -> store.Stored | None:
    """The row of an article whose file is gone and whose content is this
    file's, moved to this file's path (its user data comes along)."""
    for column, value in (("content_hash", outcome.content_hash), ("text_hash", thash)):
        if value is None:
            continue
        for row in store.fetch_all(
            conn,
            f"SELECT id, path, text_hash FROM articles WHERE {column} = ? "
            "AND path IS NOT NULL ORDER BY missing DESC, id",
            (value,),
        ):
            if not os.path.exists(from_db(row.path)):
                conn.execute(
                    "UPDATE articles SET path = ?, missing = 0 WHERE id = ?",
                    (to_db(outcome.path), row.id),
                )
                summary.moved += 1
                return row
    return None


def insert_text(conn: sqlite3.Connection, aid: int, rec: Record, fts: list[FtsRow] | None) -> None:
    # Every record comes from an extraction that ran entity recognition
    # (workers.extract_one): an empty list means none were found.
    conn.execute(
        """INSERT INTO texts(article_id, title, byline, site, text, blocks, entities, recognised)
           VALUES (?, ?, ?, ?, ?, ?, ?, 1)""",
        (aid, rec.title, rec.byline or "", rec.site or "", rec.text, rec.blocks, rec.entities),
    )
    cjk.index(conn, aid, rec.title, rec.text)
    row_fts = (aid, rec.title, rec.byline or "", rec.site or "", rec.text)
    if fts is None:
        add_to_fts(conn, [row_fts])
    else:
        fts.append(row_fts)
    _insert_mentions(conn, aid, rec.mentions)


def _insert_mentions(
    conn: sqlite3.Connection, aid: int, counts: list[tuple[str, str, int]]
) -> None:
    conn.executemany(
        "INSERT INTO mentions(article_id, label, text, count) VALUES (?, ?, ?, ?)",
        [(aid, label, text, n) for label, text, n in counts],
    )


def record_entities(conn: sqlite3.Connection, aid: int, thash: str, article: Article) -> bool:
    """Store the entities recognised in an indexed article's text (an empty
    list included: "none found"). Nothing is written when the stored text
    is no longer ``thash``, which the entities' offsets refer to."""
    cur = conn.execute(
        """UPDATE texts SET entities = ?, recognised = 1 WHERE article_id = ?
               AND article_id IN (SELECT id FROM articles WHERE text_hash = ?)""",
        (entities_json(article), aid, thash),
    )
    if cur.rowcount == 0:
        return False
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))
    _insert_mentions(conn, aid, mentions(article))
    return True
