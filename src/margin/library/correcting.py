"""The reader's corrections made and undone: the work behind ``margin cut``,
``margin keep``, ``margin corrections --remove`` and the reader's keys
(through :class:`~margin.library.Library`).

Each change is saved in a transaction of its own first (it is user data:
durable before anything else is done), then the article's text is derived
again from its page and stored with its entities, and its highlights are
placed again. A site rule is applied to the other articles of its site
one by one after that. An interruption between the two leaves an article's
text stale, which the next opening notices (``corrections.stale``) and
redoes.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

from margin.errors import IngestError, MarginError
from margin.ingest.page import Page, extract_page, key
from margin.ingest.pipeline import read_file
from margin.library import corrections, highlights, recording, store
from margin.library.corrections import CUT, KEEP, REMOVED, UNMATCHED, Correction, SiteOffer
from margin.library.filenames import from_db
from margin.library.page_view import PageView, apply, cut_target, keep_target
from margin.library.records import Record
from margin.sanitize import display_path

#: Reads the page of the file at a path (normalised), within the library's limits.
Pages = Callable[[str], Page]


def read_page(path: str, max_bytes: int, timeout: float | None) -> Page:
    """The page of the file at ``path``. Raises IngestError."""
    data = read_file(path, max_bytes)
    suffix = os.path.splitext(path)[1].lower()
    return extract_page(data, source=path, suffix=suffix, max_bytes=max_bytes, timeout=timeout)


def page_view(conn: sqlite3.Connection, aid: int | None, path: str, page: Page) -> PageView:
    """The page with the corrections that apply to it (article ``aid``, if
    indexed, and its site's rules)."""
    keys = corrections.site_keys(page.article.url, page.article.site, path)
    return apply(page, corrections.applicable(conn, aid, keys))


def cut(
    conn: sqlite3.Connection,
    aid: int,
    path: str,
    page: Page,
    quote: str,
    *,
    site: bool = False,
    at: int | None = None,
    page_at: int | None = None,
) -> Correction:
    """Hide the shown block holding ``quote`` (see :func:`page_view.cut_target`),
    in this article or, with ``site``, as a rule for its site. ``page_at``
    places it by the page's text instead of ``at``, the article's."""
    view = page_view(conn, aid, path, page)
    if page_at is not None:
        at = view.shown_start(page_at)
    target = cut_target(view, quote, at)
    rule = corrections.site_keys(page.article.url, page.article.site, path)[0] if site else None
    with store.transaction(conn):
        cid = corrections.insert(conn, CUT, target, aid, rule)
    return _made(conn, cid, aid, path, page)


def keep(
    conn: sqlite3.Connection, aid: int, path: str, page: Page, quote: str, at: int | None = None
) -> Correction:
    """Show the hidden block holding ``quote`` (see :func:`page_view.keep_target`)."""
    target = keep_target(page_view(conn, aid, path, page), quote, at)
    with store.transaction(conn):
        cid = corrections.insert(conn, KEEP, target, aid)
    return _made(conn, cid, aid, path, page)


def _made(conn: sqlite3.Connection, cid: int, aid: int, path: str, page: Page) -> Correction:
    """The new correction ``cid``, its article's text derived again."""
    rederive(conn, aid, path, page)
    made = corrections.one(conn, cid)
    assert made is not None  # just stored
    return made


def remove(conn: sqlite3.Connection, cid: int) -> tuple[Correction, list[tuple[int, str]]]:
    """Forget correction ``cid``; it and the (id, path) of the articles whose
    text must be derived again. MarginError if there is none."""
    found = corrections.one(conn, cid)
    if found is None:
        raise MarginError(f"no correction {cid}")
    touched = corrections.articles_with(conn, cid)
    with store.transaction(conn):
        corrections.delete(conn, cid)
    found.state = REMOVED
    return found, touched


def rederive(conn: sqlite3.Connection, aid: int, path: str, page: Page) -> PageView:
    """Store article ``aid``'s text as derived from ``page`` with the
    corrections that apply now, its entities recognised, its highlights
    placed again."""
    view = page_view(conn, aid, path, page)
    rec = corrections.recognised(view.article)  # slow: before the transaction
    with store.transaction(conn):
        _store(conn, aid, rec, view.states)
    return view


def rederive_file(conn: sqlite3.Connection, aid: int, path: str, pages: Pages) -> bool:
    """:func:`rederive` from the file at ``path``; False when it cannot be
    read now (its next reading applies the corrections)."""
    try:
        page = pages(path)
    except IngestError:
        return False
    rederive(conn, aid, path, page)
    return True


def _store(conn: sqlite3.Connection, aid: int, rec: Record, states: dict[int, str]) -> None:
    before = conn.execute("SELECT text_hash FROM articles WHERE id = ?", (aid,)).fetchone()
    corrections.update_counts(conn, aid, rec)
    recording.drop_text(conn, aid, None)
    recording.insert_text(conn, aid, rec, None)
    corrections.write_states(conn, aid, states)
    if before is None or before[0] != rec.text_hash:
        highlights.reanchor(conn, aid, rec.text, rec.text_hash)


# -- site rules ----------------------------------------------------------------


def site_articles(
    conn: sqlite3.Connection, scope: str, site: str | bytes
) -> list[tuple[int, str, str]]:
    """(id, path, shown text) of the present, indexed articles of a site."""
    rows = store.fetch_all(
        conn,
        """SELECT a.id, a.path, a.url, a.site, t.text FROM articles a
           JOIN texts t ON t.article_id = a.id
           WHERE a.missing = 0 AND a.status = 'ok'""",
    )
    out = []
    for r in rows:
        path = from_db(r.path)
        if (scope, site) in corrections.site_keys(r.url, r.site, path):
            out.append((int(r.id), path, r.text))
    return out


def spread_rule(conn: sqlite3.Connection, rule: Correction, origin: int) -> list[tuple[int, str]]:
    """(id, path) of the articles of ``rule``'s site, ``origin`` aside, whose
    shown text holds its text (their text must be derived again). The
    others are marked unmatched: the rule changes nothing in them."""
    want = key(rule.exact)
    site = _site_value(rule)
    touched: list[tuple[int, str]] = []
    others: list[tuple[int, str]] = []
    for aid, path, text in site_articles(conn, rule.scope, site):
        if aid != origin:
            (touched if want and want in key(text) else others).append((aid, path))
    with store.transaction(conn):
        conn.executemany(
            """INSERT OR REPLACE INTO correction_states(article_id, correction_id, state)
               VALUES (?, ?, ?)""",
            [(aid, rule.id, UNMATCHED) for aid, _ in others],
        )
    return touched


def _site_value(rule: Correction) -> str | bytes:
    """The rule's site as stored (a folder may be a non-UTF-8 path)."""
    from margin.library.filenames import to_db

    assert rule.site is not None
    return to_db(rule.site) if rule.scope == "folder" else rule.site


def offer(conn: sqlite3.Connection, aid: int, quote: str) -> SiteOffer:
    """The other articles of article ``aid``'s site that show ``quote``."""
    scope, site = corrections.article_keys(conn, aid)[0]
    want = key(quote)
    paths = [
        p
        for other, p, text in site_articles(conn, scope, site)
        if other != aid and want in key(text)
    ]
    shown = display_path(from_db(site)) if scope == "folder" else str(site)
    return SiteOffer(scope, shown, paths if want else [])
