"""The reader's corrections to the cut in the database, and the corrected
article the index stores.

A correction is user data (``corrections``, one of ``store.USER_TABLES``):
a cut or a keep, its quote selector in the page's whole text, and where it
applies: one article (``article_id``), or, for a site rule, every article
whose URL host, site name or folder is the rule's (``scope``, ``site``).
What it does in each article (applied, redundant, overridden, unmatched;
see :mod:`margin.library.page_view`) is index data in
``correction_states``, rewritten whenever the article's text is derived.

The index stores each article as corrected: :func:`correct` is called by
``recording`` for every extraction it writes, so a rescan, a re-saved or
moved file and a new extractor all get their corrections again. An
article's states name every correction that applied when its text was last
derived; when the corrections that apply now differ (one added or removed
by another margin, or a write cut short), its text is stale
(:func:`stale`) and is derived again.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from margin.config import DEFAULT_MAX_BYTES
from margin.errors import MarginError
from margin.library import store
from margin.library.filenames import from_db, to_db
from margin.library.records import Record, blocks_from_json, record_from_article
from margin.model import Article

if TYPE_CHECKING:
    from margin.ingest.page import Page
    from margin.library.page_view import Target

CUT = "cut"
KEEP = "keep"

#: The scope of a correction made for one article; a site rule's scope is
#: "host" (of the article's URL), "site" (its site name) or "folder".
ARTICLE = "article"

# What a correction does in one article.
APPLIED = "applied"
REDUNDANT = "redundant"  # the extraction already does what it asks (not a site rule)
OVERRIDDEN = "overridden"  # a newer correction of the same block says otherwise
UNMATCHED = "unmatched"  # its text is not on the page (a site rule: not shown)
PENDING = "pending"  # not applied yet (its article is not indexed)
REMOVED = "removed"  # what remove_correction returns

# What margin does with a block.
SHOWN = "shown"  # the extraction keeps it
DROPPED = "dropped"  # the extraction drops it
CUT_BY_READER = "cut"  # the reader (or a site rule) hides it
KEPT_BY_READER = "kept"  # the reader brought it back


@dataclass(slots=True)
class Correction:
    """A cut or keep, as stored: a quote selector and where it applies."""

    id: int
    action: str  # CUT | KEEP
    exact: str
    prefix: str = ""
    suffix: str = ""
    hint: int | None = None  # where the quote was last seen in the page's text
    scope: str = ARTICLE  # ARTICLE, or a site rule's "host" | "site" | "folder"
    site: str | None = None  # a site rule's host, site name or folder
    article_path: str | None = None  # the article it was made in
    title: str = ""
    created: str = ""
    state: str = PENDING  # in its article; a site rule: APPLIED if it cuts anywhere
    articles: int = 0  # a site rule: in how many articles it hides a block
    uid: str = ""

    @property
    def is_rule(self) -> bool:
        return self.scope != ARTICLE


@dataclass(frozen=True, slots=True)
class SiteOffer:
    """Other articles of an article's site that show a text: the reader may
    make a cut of it a site rule. ``scope`` and ``site`` name the site as
    the rule would (``"host"``, ``"example.org"``)."""

    scope: str
    site: str
    paths: list[str]


#: A site rule's scope, most telling first: (kind, value) pairs.
SiteKeys = list[tuple[str, str | bytes]]

_SELECT = """SELECT c.id, c.action, c.exact, c.prefix, c.suffix, c.hint, c.scope, c.site,
                    c.created, c.uid, coalesce(a.path, o.path) AS path,
                    coalesce(a.title, o.title, '') AS title
             FROM corrections c
             LEFT JOIN articles a ON a.id = c.article_id
             LEFT JOIN articles o ON o.id = c.origin"""


def host(url: str | None) -> str | None:
    """A URL's host as a site rule names it: lower case, without "www."."""
    if not url:
        return None
    try:
        name = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return name.removeprefix("www.") or None


def site_keys(url: str | None, site: str | None, path: str) -> SiteKeys:
    """The scopes an article belongs to: its URL's host, its site name (any
    case), its folder."""
    keys: SiteKeys = []
    name = host(url)
    if name:
        keys.append(("host", name))
    if site and site.strip():
        keys.append(("site", site.strip().casefold()))
    keys.append(("folder", to_db(os.path.dirname(path))))
    return keys


def article_keys(conn: sqlite3.Connection, aid: int) -> SiteKeys:
    r = store.fetch_one(conn, "SELECT path, url, site FROM articles WHERE id = ?", (aid,))
    return [] if r is None else site_keys(r.url, r.site, from_db(r.path))


def _correction(r: store.Stored, state: str = PENDING) -> Correction:
    return Correction(
        id=r.id,
        action=r.action,
        exact=r.exact,
        prefix=r.prefix,
        suffix=r.suffix,
        hint=r.hint,
        scope=r.scope,
        site=None if r.site is None else from_db(r.site),
        article_path=None if r.path is None else from_db(r.path),
        title=r.title or (os.path.basename(from_db(r.path)) if r.path is not None else ""),
        created=r.created,
        state=state,
        uid=r.uid,
    )


def applicable(conn: sqlite3.Connection, aid: int | None, keys: SiteKeys) -> list[Correction]:
    """The corrections of article ``aid`` and the site rules of ``keys``."""
    where = ["c.article_id = ?"] + ["(c.scope = ? AND c.site = ?)"] * len(keys)
    params: list[object] = [aid]
    for kind, value in keys:
        params += [kind, value]
    rows = store.fetch_all(conn, f"{_SELECT} WHERE {' OR '.join(where)} ORDER BY c.id", params)
    return [_correction(r) for r in rows]


def any_stored(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM corrections LIMIT 1").fetchone() is not None


def insert(
    conn: sqlite3.Connection,
    action: str,
    target: Target,
    aid: int,
    rule: tuple[str, str | bytes] | None = None,
) -> int:
    """Store a correction made in article ``aid`` (a site rule of scope
    ``rule``, whose text is matched anywhere, without context); its id.
    Inside the caller's transaction."""
    sel = target.selector
    scope, site = rule if rule is not None else (ARTICLE, None)
    prefix, suffix = ("", "") if rule is not None else (sel.prefix, sel.suffix)
    cur = conn.execute(
        """INSERT INTO corrections(uid, action, article_id, scope, site, origin, exact,
               prefix, suffix, hint, created)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            uuid.uuid4().hex,
            action,
            None if rule is not None else aid,
            scope,
            site,
            aid,
            sel.exact,
            prefix,
            suffix,
            target.hint,
            store.now(),
        ),
    )
    return int(cur.lastrowid or 0)


def one(conn: sqlite3.Connection, cid: int) -> Correction | None:
    """Correction ``cid`` with its state (see :func:`listing`)."""
    r = store.fetch_one(conn, f"{_SELECT} WHERE c.id = ?", (cid,))
    return None if r is None else _with_states(conn, _correction(r))


def delete(conn: sqlite3.Connection, cid: int) -> None:
    """Forget a correction (inside the caller's transaction). Its states
    stay until each article's text is derived again: they say which
    articles it changed, and that their text is stale."""
    conn.execute("DELETE FROM corrections WHERE id = ?", (cid,))


def articles_with(conn: sqlite3.Connection, cid: int) -> list[tuple[int, str]]:
    """(id, path) of the present articles where the correction ``cid``
    holds a block (applied, redundant or overridden there)."""
    rows = conn.execute(
        """SELECT a.id, a.path FROM correction_states s JOIN articles a ON a.id = s.article_id
           WHERE s.correction_id = ? AND s.state != 'unmatched' AND a.missing = 0
           ORDER BY a.id""",
        (cid,),
    ).fetchall()
    return [(int(aid), from_db(p)) for aid, p in rows]


def forget_unmatched(conn: sqlite3.Connection, cid: int) -> None:
    """Drop the states of a removed correction in the articles it changed
    nothing in (where it changed something, its state goes when the text
    is derived again: until then it marks that text stale)."""
    with store.transaction(conn):
        conn.execute(
            "DELETE FROM correction_states WHERE correction_id = ? AND state = 'unmatched'",
            (cid,),
        )


def write_states(conn: sqlite3.Connection, aid: int, states: dict[int, str]) -> None:
    conn.execute("DELETE FROM correction_states WHERE article_id = ?", (aid,))
    conn.executemany(
        "INSERT INTO correction_states(article_id, correction_id, state) VALUES (?, ?, ?)",
        [(aid, cid, state) for cid, state in states.items()],
    )


def stale(conn: sqlite3.Connection, aid: int) -> bool:
    """Whether the corrections that apply to article ``aid`` now are not
    the ones its stored text was derived with."""
    now = {c.id for c in applicable(conn, aid, article_keys(conn, aid))}
    then = {
        int(cid)
        for (cid,) in conn.execute(
            "SELECT correction_id FROM correction_states WHERE article_id = ?", (aid,)
        )
    }
    return now != then


# -- listing ---------------------------------------------------------------


def listing(conn: sqlite3.Connection, aid: int | None = None) -> list[Correction]:
    """The corrections of article ``aid`` and the site rules that apply to
    it, with their state there; or (``aid`` None) every correction. A site
    rule's ``articles`` counts the articles it hides a block in."""
    if aid is None:
        rows = store.fetch_all(conn, f"{_SELECT} ORDER BY c.scope != 'article', path, c.id")
        return [_with_states(conn, _correction(r)) for r in rows]
    found = [_with_states(conn, c) for c in applicable(conn, aid, article_keys(conn, aid))]
    here = dict(
        conn.execute(
            "SELECT correction_id, state FROM correction_states WHERE article_id = ?", (aid,)
        ).fetchall()
    )
    for c in found:
        c.state = here.get(c.id, PENDING)
    return found


def _with_states(conn: sqlite3.Connection, c: Correction) -> Correction:
    """``c`` with its state: in its article; for a site rule, applied when
    it hides a block in a present article, with the number of them."""
    counts = dict(
        conn.execute(
            """SELECT s.state, count(*) FROM correction_states s
               JOIN articles a ON a.id = s.article_id
               WHERE s.correction_id = ? AND (a.missing = 0 OR ?) GROUP BY s.state""",
            (c.id, not c.is_rule),
        ).fetchall()
    )
    if c.is_rule:
        c.articles = int(counts.get(APPLIED, 0))
        c.state = APPLIED if c.articles else UNMATCHED if counts else PENDING
    else:
        c.state = next(iter(counts), PENDING)
    return c


# -- the corrected article ------------------------------------------------------


def correct(conn: sqlite3.Connection, aid: int, path: str, rec: Record) -> Record:
    """The extraction ``rec`` of the file at ``path`` (article ``aid``) as
    the reader corrected it, its states stored, its ``articles`` row's
    text columns updated when the text changed (the caller then stores the
    text). Inside the caller's transaction."""
    if not any_stored(conn):
        conn.execute("DELETE FROM correction_states WHERE article_id = ?", (aid,))
        return rec
    found = applicable(conn, aid, site_keys(rec.url, rec.site, path))
    if not found:
        write_states(conn, aid, {})
        return rec
    from margin.library.page_view import apply  # the extractor's modules: only now

    view = apply(_page(path, rec, found), found)
    write_states(conn, aid, view.states)
    if view.article.text == rec.text:
        return rec
    fixed = recognised(view.article)
    update_counts(conn, aid, fixed)
    return fixed


def recognised(article: Article) -> Record:
    """The index record of a corrected article, its entities recognised in
    its own text."""
    from margin.entities import add_entities

    add_entities(article)
    return record_from_article(article)


def update_counts(conn: sqlite3.Connection, aid: int, rec: Record) -> None:
    conn.execute(
        "UPDATE articles SET text_hash = ?, word_count = ?, reading_minutes = ? WHERE id = ?",
        (rec.text_hash, rec.word_count, rec.reading_minutes, aid),
    )


def _page(path: str, rec: Record, found: list[Correction]) -> Page:
    """The page to apply ``found`` to: the record's article, in its file's
    whole page when a correction needs it (read again: the record holds the
    article only), else alone."""
    from margin.ingest.page import build, from_article, page_of
    from margin.ingest.pipeline import read_file

    article = Article(
        source=path,
        kind=rec.kind,
        title=rec.title,
        dek=rec.dek,
        byline=rec.byline,
        site=rec.site,
        published=rec.published,
        lang=rec.lang,
        url=rec.url,
        blocks=blocks_from_json(rec.blocks, rec.text),
        text=rec.text,
    )
    if needs_page(found):
        try:
            limit = max(DEFAULT_MAX_BYTES, os.path.getsize(path))
            return page_of(article, read_file(path, limit), _suffix(path), limit)
        except (MarginError, OSError):
            pass  # gone since: the next scan reads it again
    return build(article, [from_article(b) for b in article.blocks])


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower()


def needs_page(found: list[Correction]) -> bool:
    """Whether applying ``found`` needs the page's whole text: the reader's
    own corrections are placed there; site rules look only at the blocks
    the extraction shows, which the record holds."""
    return any(not c.is_rule for c in found)
