"""Highlights and notes in the database: saving them, listing them, and
placing them again when an article's text changes.

Each highlight remembers the text it was placed in (``anchored_to``, the
hash of that text); the article row holds the hash of its current text.
When the two differ the highlight is placed again, once, by its quote (see
:mod:`margin.library.anchoring`); a highlight that cannot be placed is kept
as orphaned. So reading or adding highlights never re-reads or re-parses
an article whose text has not changed.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from dataclasses import dataclass

from margin.errors import MarginError, UsageError
from margin.library import anchoring, store
from margin.library.filenames import from_db, to_db
from margin.model import Highlight
from margin.sanitize import display_path


@dataclass(frozen=True, slots=True)
class Target:
    """The indexed article a highlight is made in."""

    id: int
    path: str
    title: str
    text: str
    text_hash: str


def target(conn: sqlite3.Connection, path: str) -> Target:
    """The indexed text of the article at ``path`` (normalised)."""
    r = store.fetch_one(
        conn,
        """SELECT a.id, a.title, a.text_hash, t.text FROM articles a
           JOIN texts t ON t.article_id = a.id
           WHERE a.path = ? AND a.status = 'ok' AND a.text_hash IS NOT NULL""",
        (to_db(path),),
    )
    if r is None:
        raise MarginError(f"{display_path(path)} is not in the library")
    return Target(r.id, path, r.title or os.path.basename(path), r.text, r.text_hash)


def span_of(where: Target, quote: str) -> tuple[int, int]:
    """Where ``quote`` first occurs; MarginError if it does not."""
    span = anchoring.find_quote(where.text, quote)
    if span is None:
        raise MarginError(f"the quote is not in {display_path(where.path)}")
    return span


def insert(
    conn: sqlite3.Connection, where: Target, start: int, end: int, note: str | None
) -> Highlight:
    """Save a highlight of ``where.text[start:end]`` (durable on return)."""
    if not (0 <= start < end <= len(where.text)):
        raise UsageError(f"highlight {start}-{end} is outside the article (0-{len(where.text)})")
    sel = anchoring.make_selector(where.text, start, end)
    created = store.now()
    uid = uuid.uuid4().hex
    note = _note(note)
    with store.transaction(conn):
        if conn.execute("SELECT 1 FROM articles WHERE id = ?", (where.id,)).fetchone() is None:
            raise MarginError(f"{display_path(where.path)} is not in the library")
        cur = conn.execute(
            """INSERT INTO highlights(uid, article_id, exact, prefix, suffix, start, "end",
                   hint, state, anchored_to, note, created, updated)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?, ?)""",
            (
                uid,
                where.id,
                sel.exact,
                sel.prefix,
                sel.suffix,
                start,
                end,
                start,
                where.text_hash,
                note,
                created,
                created,
            ),
        )
    return Highlight(
        id=cur.lastrowid,
        article_path=where.path,
        exact=sel.exact,
        prefix=sel.prefix,
        suffix=sel.suffix,
        start=start,
        end=end,
        note=note,
        created=created,
        state="anchored",
        title=where.title,
        uid=uid,
    )


def _note(note: str | None) -> str | None:
    """A blank note is no note."""
    return note if note is None or note.strip() else None


def set_note(conn: sqlite3.Connection, highlight_id: int, note: str | None) -> None:
    with store.transaction(conn):
        cur = conn.execute(
            "UPDATE highlights SET note = ?, updated = ? WHERE id = ?",
            (_note(note), store.now(), highlight_id),
        )
        if cur.rowcount == 0:
            raise MarginError(f"no highlight {highlight_id}")


def delete(conn: sqlite3.Connection, highlight_id: int) -> None:
    with store.transaction(conn):
        cur = conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
        if cur.rowcount == 0:
            raise MarginError(f"no highlight {highlight_id}")


def listing(conn: sqlite3.Connection, path: str | None = None) -> list[Highlight]:
    """Highlights of the article at ``path`` (normalised), or of all,
    ordered by article and place; orphans where they were last seen."""
    where, params = ("WHERE a.path = ?", (to_db(path),)) if path is not None else ("", ())
    # The columns are named as Highlight's fields.
    rows = store.fetch_all(
        conn,
        f"""SELECT h.id, coalesce(a.path, '') AS article_path, h.exact, h.prefix, h.suffix,
                   h.start, h."end" AS "end", h.note, h.created, h.state, a.title, h.uid,
                   a.id AS article_id
            FROM highlights h JOIN articles a ON a.id = h.article_id {where}
            ORDER BY a.path, a.id, coalesce(h.start, h.hint), h.id""",
        params,
    )
    return [_highlight(r) for r in rows]


def _highlight(r: store.Stored) -> Highlight:
    h = Highlight(**r._asdict())
    h.article_path = from_db(h.article_path)
    h.title = h.title or os.path.basename(h.article_path)
    return h


def uids(conn: sqlite3.Connection) -> dict[int, str]:
    """Stable ids (for export block references), by highlight id."""
    return dict(conn.execute("SELECT id, uid FROM highlights").fetchall())


def reanchor(conn: sqlite3.Connection, aid: int, text: str, thash: str) -> int:
    """Place every highlight of an article in its new text (inside the
    caller's transaction); return how many could not be placed. Highlights
    imported before their article was fetched (state 'pending') are placed
    by the import's own rules (see ``library.imported``), not here."""
    orphaned = 0
    rows = store.fetch_all(
        conn,
        """SELECT id, exact, prefix, suffix, hint FROM highlights
           WHERE article_id = ? AND state != 'pending'""",
        (aid,),
    )
    for r in rows:
        sel = anchoring.Selector(r.exact, r.prefix, r.suffix)
        placed = anchoring.anchor(text, sel, r.hint)
        if placed is None:
            orphaned += 1
            conn.execute(
                """UPDATE highlights SET start = NULL, "end" = NULL, state = 'orphaned',
                       anchored_to = ? WHERE id = ?""",
                (thash, r.id),
            )
        else:
            conn.execute(
                """UPDATE highlights SET start = ?, "end" = ?, hint = ?,
                       state = 'anchored', anchored_to = ? WHERE id = ?""",
                (placed.start, placed.end, placed.start, thash, r.id),
            )
    return orphaned


def reanchor_stale(conn: sqlite3.Connection, path: str | None = None) -> None:
    """Place the highlights (of the article at ``path``, or of all) whose
    offsets refer to an older text than the article's: left so by an
    interrupted run, another margin's write or a migration."""
    only = "AND b.path = ?" if path is not None else ""
    stale = store.fetch_all(
        conn,
        f"""SELECT a.id, a.text_hash, t.text FROM articles a
            JOIN texts t ON t.article_id = a.id
            WHERE a.id IN (SELECT h.article_id FROM highlights h
                           JOIN articles b ON b.id = h.article_id
                           WHERE b.status = 'ok' AND b.text_hash IS NOT NULL {only}
                             AND h.anchored_to IS NOT b.text_hash)""",
        (to_db(path),) if path is not None else (),
    )
    if not stale:
        return
    with store.transaction(conn):
        for r in stale:
            reanchor(conn, r.id, r.text, r.text_hash)
