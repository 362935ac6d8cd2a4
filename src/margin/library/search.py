"""Full-text search: ranked FTS5 queries, plain-text snippets, and a safe
query for input that is not FTS5 syntax. Chinese, Japanese and Korean runs
in a query are looked up in their own index (:mod:`cjk`); plain-word
queries are ranked again so that length counts less (:mod:`ranking`)."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

from margin.library import cjk, ranking
from margin.library.rows import SearchHit, select_rows

# Snippet markers: control characters never survive ingest, so they cannot
# collide with article text, and they are removed before anything is shown.
OPEN = "\x01"
CLOSE = "\x02"
ELLIPSIS = "…"

_WORD_RE = re.compile(r"\w+", re.UNICODE)


def fallback_query(query: str) -> str | None:
    """A safe MATCH string for a query that is not valid FTS5 syntax: every
    word quoted, all of them required."""
    words = _WORD_RE.findall(query)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


#: What ends a paragraph that runs on into the next in a snippet.
_ENDS_SENTENCE = frozenset(".!?:;…。！？\"'”’»)]")


def parse_snippet(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """Strip the markers from an FTS5 snippet; return the text and the
    (start, end) offsets of the matched words in it."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length = 0
    start = -1
    for ch in marked:
        if ch == OPEN:
            start = length
        elif ch == CLOSE:
            if start >= 0:
                spans.append((start, length))
            start = -1
        elif ch == "\n":
            if out and out[-1] not in " \n":
                # a new paragraph: a mark between two that a full stop does not part
                gap = " " if out[-1] in _ENDS_SENTENCE else " · "
                out.extend(gap)
                length += len(gap)
        else:
            out.append(" " if ch == "\t" else ch)
            length += 1
    return "".join(out), spans


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    limit: int,
    bookmarked: bool,
    has_notes: bool,
    site: str | None,
    entity: str | None,
    tag: str | None = None,
) -> list[SearchHit]:
    """See :meth:`Library.search`."""
    if not query.strip() or limit <= 0:
        return []
    conds, params = _filters(bookmarked, has_notes, site, entity)
    if tag:
        conds.append("rowid IN (SELECT article_id FROM tags WHERE tag = ?)")
        params.append(tag)
    # "+rowid": a bare rowid constraint makes FTS5 run the MATCH once per
    # listed id (0.7 s for an entity in 2,000 articles); the unary plus
    # keeps one MATCH scan and filters its rows (7 ms).
    extra = "".join(f" AND +{c}" for c in conds)
    rest, runs = cjk.split_query(query)
    if runs:
        return _cjk_search(conn, rest, runs, extra, params, limit)
    # Rank first, then make snippets for the winners only: in one query
    # SQLite would build a snippet for every match before sorting.
    sql = (
        "SELECT rowid, bm25(fts, 8.0, 2.0, 2.0, 1.0) AS score "
        f"FROM fts WHERE fts MATCH ?{extra} ORDER BY score LIMIT ?"
    )
    pool = ranking.pool_size(limit)
    try:
        found = conn.execute(sql, (query, *params, pool)).fetchall()
    except sqlite3.OperationalError:
        # Not valid FTS5 syntax (an unbalanced quote, a bare operator...).
        safe = fallback_query(query)
        if safe is None:
            return []
        query = safe
        found = conn.execute(sql, (query, *params, pool)).fetchall()
    if not found:
        return []
    return _hits(conn, query, ranking.rerank(conn, query, found)[:limit])


def _cjk_search(
    conn: sqlite3.Connection,
    rest: str,
    runs: list[str],
    extra: str,
    params: list[Any],
    limit: int,
) -> list[SearchHit]:
    """A query with CJK runs: every run must be in the article (as its
    bigrams, see :mod:`cjk`), and so must the query's other words."""
    words = fallback_query(rest)
    also = " AND +rowid IN (SELECT rowid FROM fts WHERE fts MATCH ?)" if words else ""
    sql = (
        "SELECT rowid, bm25(fts_cjk, 8.0, 1.0) AS score FROM fts_cjk "
        f"WHERE fts_cjk MATCH ?{also}{extra} ORDER BY score LIMIT ?"
    )
    args = [cjk.match(runs), *([words] if words else []), *params, limit]
    found = conn.execute(sql, args).fetchall()
    if not found:
        return []
    texts = dict(
        conn.execute(
            f"SELECT article_id, text FROM texts WHERE article_id IN ({','.join('?' * len(found))})",
            [aid for aid, _ in found],
        ).fetchall()
    )
    return _assemble(conn, found, {aid: cjk.snippet(texts.get(aid, ""), runs) for aid, _ in found})


def _filters(
    bookmarked: bool, has_notes: bool, site: str | None, entity: str | None
) -> tuple[list[str], list[Any]]:
    """Conditions on the full-text rowid (the article id), with parameters."""
    conds: list[str] = []
    params: list[Any] = []
    if bookmarked:
        conds.append("rowid IN (SELECT article_id FROM reading WHERE bookmarked)")
    if has_notes:
        conds.append("rowid IN (SELECT article_id FROM highlights)")
    if site:
        conds.append("rowid IN (SELECT id FROM articles WHERE site = ? COLLATE NOCASE)")
        params.append(site)
    if entity:
        conds.append("rowid IN (SELECT article_id FROM mentions WHERE text = ? COLLATE NOCASE)")
        params.append(entity)
    return conds, params


def _hits(conn: sqlite3.Connection, query: str, found: list[Any]) -> list[SearchHit]:
    """The ranked ``(rowid, score)`` matches with their rows and snippets;
    articles whose file is missing are left out."""
    ids = [aid for aid, _ in found]
    marks = ",".join("?" * len(ids))
    snippets = dict(
        conn.execute(
            f"SELECT rowid, snippet(fts, -1, '{OPEN}', '{CLOSE}', '{ELLIPSIS}', 24) "
            f"FROM fts WHERE fts MATCH ? AND rowid IN ({marks})",
            (query, *ids),
        ).fetchall()
    )
    return _assemble(conn, found, {aid: parse_snippet(s or "") for aid, s in snippets.items()})


def _assemble(
    conn: sqlite3.Connection,
    found: list[Any],
    snippets: dict[int, tuple[str, list[tuple[int, int]]]],
) -> list[SearchHit]:
    """Hits in ``found``'s order, with their rows and snippets; articles
    whose file is missing are left out."""
    ids = [aid for aid, _ in found]
    marks = ",".join("?" * len(ids))
    rows = {r.id: r for r in select_rows(conn, f"a.id IN ({marks}) AND a.missing = 0", ids)}
    hits = []
    for aid, score in found:
        row = rows.get(aid)
        if row is None:
            continue
        snippet, spans = snippets.get(aid) or ("", [])
        hits.append(SearchHit(row=row, snippet=snippet, score=-float(score), matches=spans))
    return hits
