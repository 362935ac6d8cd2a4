"""Ranking search results the way a reader expects.

FTS5's bm25 divides a word's count by the article's length with b = 0.75,
so a 6,000-word long read that names a place 30 times ranked below a
300-word piece that names it 3 times. SQLite offers no other b, so the best
few dozen matches by bm25 are scored again here with b = 0.3: length still
counts against an article, but a text that keeps coming back to the word
wins. The counts come from the index itself (an ``fts5vocab`` view), so a
word is counted exactly as FTS5 tokenised it.

Only plain queries (words, no FTS5 operators) are scored again; for a word
in a large share of the library the counts are long to read and say little,
so such a query keeps bm25's order.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata

K1 = 1.2
#: How much an article's length counts against it (bm25's default is 0.75).
B = 0.3
#: Weight of a word found in each column: the title counts most.
WEIGHTS = {"title": 8.0, "byline": 2.0, "site": 2.0, "text": 1.0}
#: Words in more articles, or more often, than this keep bm25's order:
#: reading their counts would cost more than the search itself.
MAX_DOCS = 500
MAX_OCCURRENCES = 5_000
#: How many of bm25's best matches are scored again, at least.
POOL = 50

_PLAIN_QUERY_RE = re.compile(r"[\w\s'’-]+")
_WORD_RE = re.compile(r"\w+")
_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


def pool_size(limit: int) -> int:
    return max(POOL, 3 * limit)


def plain_terms(query: str) -> list[str]:
    """The words of a query that is nothing but words, folded as the
    index folds them (lower case, no diacritics); [] for anything else."""
    if not _PLAIN_QUERY_RE.fullmatch(query):
        return []
    words = _WORD_RE.findall(query)
    if any(w in _OPERATORS for w in words):
        return []
    return [_fold(w) for w in words]


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def rerank(
    conn: sqlite3.Connection, query: str, found: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """``found`` ((article id, bm25), best first) in the order of
    :data:`B`'s scores, each with its new score; unchanged when the query
    is not plain words or names a word too common to count."""
    terms = list(dict.fromkeys(plain_terms(query)))
    if not terms or len(found) < 2 or not all(_countable(conn, t) for t in terms):
        return found
    ids = {aid for aid, _ in found}
    total, average = conn.execute(
        "SELECT count(*), avg(word_count) FROM articles WHERE status = 'ok'"
    ).fetchone()
    lengths = dict(
        conn.execute(
            f"SELECT id, word_count FROM articles WHERE id IN ({','.join('?' * len(ids))})",
            list(ids),
        ).fetchall()
    )
    scores = dict.fromkeys(ids, 0.0)
    for term in terms:
        counts = _counts(conn, term)
        idf = _idf(total, len({doc for doc, _ in counts}))
        for (doc, col), tf in counts.items():
            if doc in scores:
                scores[doc] += idf * _saturated(tf, col, lengths.get(doc, 0), average or 1.0)
    order = {aid: i for i, (aid, _) in enumerate(found)}
    ranked = sorted(ids, key=lambda aid: (-scores[aid], order[aid]))
    return [(aid, -scores[aid]) for aid in ranked]


def _countable(conn: sqlite3.Connection, term: str) -> bool:
    """Whether ``term`` is in the index and rare enough to count cheaply."""
    seen = conn.execute("SELECT doc, cnt FROM fts_words WHERE term = ?", (term,)).fetchone()
    return seen is not None and seen[0] <= MAX_DOCS and seen[1] <= MAX_OCCURRENCES


def _counts(conn: sqlite3.Connection, term: str) -> dict[tuple[int, str], int]:
    """How often ``term`` occurs in each (article, column)."""
    return {
        (doc, col): n
        for doc, col, n in conn.execute(
            "SELECT doc, col, count(*) FROM fts_terms WHERE term = ? GROUP BY doc, col", (term,)
        )
    }


def _idf(total: int, docs: int) -> float:
    return math.log(1.0 + (total - docs + 0.5) / (docs + 0.5))


def _saturated(tf: int, col: str, length: int, average: float) -> float:
    """One column's share of the score: short fields (title, byline, site)
    are not normalised by length; the text is, with :data:`B`."""
    norm = 1.0 if col != "text" else 1.0 - B + B * length / average
    return WEIGHTS.get(col, 1.0) * tf * (K1 + 1.0) / (tf + K1 * norm)
