"""What an imported item brings to an article, inside the caller's
transaction: its tags, star, archive state and reading progress, its
saved date, its highlights and notes, and the record that it was imported.

Highlights are placed in the article's indexed text
(:func:`margin.library.placing.place`); one that cannot be placed is kept
orphaned with its quote and note, and one whose article is not fetched yet
waits in state 'pending' (:func:`place_waiting` places those once it is).
None is dropped: a highlight the article already has (same quote, same
note) is the only one not added again, so a second import adds nothing.
A highlight's labels (Omnivore's ``#labels``, Readwise's tags) are kept as
a last line of its note.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections import Counter
from dataclasses import dataclass

from margin.imports import ImportedHighlight, Item, normalise_url
from margin.library import anchoring, placing, reading_state, store, tags
from margin.library.position_hints import Hints
from margin.library.reports import HighlightCounts


@dataclass(frozen=True, slots=True)
class Article:
    """The article an item goes to, as the index holds it now."""

    id: int
    text: str | None  # its indexed text; None when it has none (pending, failed)
    text_hash: str | None
    waiting: bool  # pending and fetchable: its highlights wait for its text


def article(conn: sqlite3.Connection, aid: int, *, waiting: bool = False) -> Article:
    """The article ``aid`` with its indexed text, if it is readable."""
    r = store.fetch_one(
        conn,
        """SELECT a.status, a.text_hash, t.text FROM articles a
           LEFT JOIN texts t ON t.article_id = a.id WHERE a.id = ?""",
        (aid,),
    )
    if r is None or r.status != "ok" or r.text_hash is None:
        return Article(aid, None, None, waiting)
    return Article(aid, r.text, r.text_hash, False)


def bring(
    conn: sqlite3.Connection,
    to: Article,
    item: Item,
    source: str,
    counts: HighlightCounts,
    *,
    new: bool,
) -> None:
    """Give ``to`` what ``item`` knew and record the item as imported.
    ``new``: the article was made for this item, so it takes the item's
    saved date as the date it was added."""
    tags.add(conn, to.id, item.tags)
    reading_state.carry_over(
        conn, to.id, starred=item.starred, archived=item.archived, progress=item.progress
    )
    if new and item.saved:
        conn.execute("UPDATE articles SET added = ? WHERE id = ?", (item.saved, to.id))
    add_highlights(conn, to, item, counts)
    conn.execute(
        """INSERT INTO imports(source, key, article_id, url, imported) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT DO NOTHING""",
        (source, item.key, to.id, normalise_url(item.url) if item.url else None, store.now()),
    )


def remember_address(conn: sqlite3.Connection, aid: int, url: str) -> None:
    """Record the address ``margin add`` fetched an article from (source
    "add"), as an import records its items': the page may name another
    (a redirect, its canonical address), and asking for this one again, or
    importing it, must find this article."""
    key = normalise_url(url)
    conn.execute(
        """INSERT INTO imports(source, key, article_id, url, imported) VALUES ('add', ?, ?, ?, ?)
           ON CONFLICT DO NOTHING""",
        ("url:" + key, aid, key, store.now()),
    )


def add_highlights(
    conn: sqlite3.Connection, to: Article, item: Item, counts: HighlightCounts
) -> None:
    have = Counter(
        _same(exact, note)
        for exact, note in conn.execute(
            "SELECT exact, note FROM highlights WHERE article_id = ?", (to.id,)
        )
    )
    hints = Hints(item)
    for h in item.highlights:
        note = _note(h)
        same = _same(h.quote, note)
        if have[same] > 0:
            have[same] -= 1
            counts.repeated += 1
            continue
        counts.add(_insert(conn, to, h, note, hints.hint(h)))


def _same(quote: str, note: str | None) -> tuple[str, str | None]:
    """What makes two highlights one: the quote's words (a quote placed in
    margin's text may differ in its spacing from the export's) and the note."""
    return " ".join(quote.split()), note


def _note(h: ImportedHighlight) -> str | None:
    if not h.labels:
        return h.note
    labels = " ".join("#" + "-".join(label.split()) for label in h.labels)
    return f"{h.note}\n\n{labels}" if h.note else labels


def _insert(
    conn: sqlite3.Connection,
    to: Article,
    h: ImportedHighlight,
    note: str | None,
    hint: int | None,
) -> str:
    """Store one highlight; return its state."""
    prefix, suffix = h.prefix or "", h.suffix or ""
    span = None
    if to.text is not None:
        span = placing.place(to.text, h.quote, prefix, suffix, hint)
    if to.waiting:
        state = "pending"
    elif span is None:
        state = "orphaned"
    else:
        state = "anchored"
        sel = anchoring.make_selector(to.text or "", *span)
        prefix, suffix = sel.prefix, sel.suffix
    created = h.created or store.now()
    conn.execute(
        """INSERT INTO highlights(uid, article_id, exact, prefix, suffix, start, "end",
               hint, state, anchored_to, note, created, updated)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            uuid.uuid4().hex,
            to.id,
            to.text[span[0] : span[1]] if span and to.text is not None else h.quote,
            prefix,
            suffix,
            span[0] if span else None,
            span[1] if span else None,
            span[0] if span else max(0, hint or 0),
            state,
            None if to.waiting else to.text_hash,
            note,
            created,
            h.updated or created,
        ),
    )
    return state


def place_waiting(conn: sqlite3.Connection, aid: int, counts: HighlightCounts) -> None:
    """Place the highlights of a fetched article that waited for its text
    (state 'pending'): anchored, or kept orphaned."""
    to = article(conn, aid)
    rows = store.fetch_all(
        conn,
        """SELECT id, exact, prefix, suffix, hint FROM highlights
           WHERE article_id = ? AND state = 'pending'""",
        (aid,),
    )
    for r in rows:
        span = None
        if to.text is not None:
            span = placing.place(to.text, r.exact, r.prefix, r.suffix, r.hint or None)
        if span is None:
            conn.execute(
                "UPDATE highlights SET state = 'orphaned', anchored_to = ? WHERE id = ?",
                (to.text_hash, r.id),
            )
            counts.orphaned += 1
            continue
        sel = anchoring.make_selector(to.text or "", *span)
        conn.execute(
            """UPDATE highlights SET exact = ?, prefix = ?, suffix = ?, start = ?, "end" = ?,
                   hint = ?, state = 'anchored', anchored_to = ? WHERE id = ?""",
            (sel.exact, sel.prefix, sel.suffix, *span, span[0], to.text_hash, r.id),
        )
        counts.anchored += 1
