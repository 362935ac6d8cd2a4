"""Searching Chinese, Japanese and Korean text, which has no spaces.

FTS5's unicode61 tokenizer makes a whole run of CJK characters one token,
so ``深圳`` could not find ``深圳公交集团``. A CJK run is therefore also
indexed as its overlapping two-character words ("bigrams": ``深圳 圳公 公交
交集 集团``) in a second full-text table, ``fts_cjk``, kept in step with
``texts`` by triggers (migration 6). A query's CJK run becomes the phrase of
its bigrams, so any substring of two or more characters is found, ranked by
bm25 like the rest. A snippet for such a match is cut from the article text
here, since FTS5's own snippet would show the bigrams.
"""

from __future__ import annotations

import re
import sqlite3

#: Kana, CJK ideographs (with extension A and the compatibility block) and
#: Hangul syllables: the scripts written without spaces between words.
CJK_RUN_RE = re.compile(
    r"[\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+"
)
#: A GLOB that SQLite can use to find the stored texts holding CJK at all.
CJK_GLOB = "*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]*"

#: Between two runs' bigrams, so a phrase never matches across a gap.
_BREAK = " x "
_SNIPPET_REACH = 40


def bigrams(text: str) -> str:
    """The bigrams of every CJK run in ``text``, space-separated ("" if none).
    A run of one character is kept as it is."""
    runs = CJK_RUN_RE.findall(text)
    return _BREAK.join(_run_bigrams(run) for run in runs)


def _run_bigrams(run: str) -> str:
    if len(run) == 1:
        return run
    return " ".join(run[i : i + 2] for i in range(len(run) - 1))


def split_query(query: str) -> tuple[str, list[str]]:
    """The query without its CJK runs, and the runs."""
    runs = CJK_RUN_RE.findall(query)
    rest = CJK_RUN_RE.sub(" ", query) if runs else query
    return rest, runs


def match(runs: list[str]) -> str:
    """An ``fts_cjk`` MATCH string requiring every run: a phrase of its
    bigrams, or, for one character, the bigrams that start with it."""
    parts = []
    for run in runs:
        if len(run) == 1:
            parts.append(f'"{run}"*')
        else:
            parts.append('"' + _run_bigrams(run) + '"')
    return " ".join(parts)


def index(conn: sqlite3.Connection, aid: int, title: str, text: str) -> None:
    """Store an article's bigrams; the triggers put them in ``fts_cjk``.
    Costs nothing for an article with no CJK."""
    title_bg, text_bg = bigrams(title), bigrams(text)
    if title_bg or text_bg:
        conn.execute(
            "UPDATE texts SET cjk_title = ?, cjk_text = ? WHERE article_id = ?",
            (title_bg, text_bg, aid),
        )


def backfill(conn: sqlite3.Connection) -> None:
    """Migration 6's data step: bigrams for the texts indexed before it."""
    rows = conn.execute(
        "SELECT article_id, title, text FROM texts WHERE text GLOB ? OR title GLOB ?",
        (CJK_GLOB, CJK_GLOB),
    ).fetchall()
    for aid, title, text in rows:
        index(conn, aid, title, text)


def snippet(text: str, runs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A plain-text window of ``text`` around the first run found, and the
    offsets of every run inside it."""
    found = [(text.find(run), run) for run in runs]
    first = min((pos for pos, _ in found if pos >= 0), default=-1)
    if first < 0:
        return text[: 2 * _SNIPPET_REACH].replace("\n", " "), []
    start = max(0, first - _SNIPPET_REACH)
    end = min(len(text), first + 2 * _SNIPPET_REACH)
    window = text[start:end].replace("\n", " ")
    lead = "…" if start > 0 else ""
    shown = lead + window + ("…" if end < len(text) else "")
    spans = []
    for run in runs:
        for m in re.finditer(re.escape(run), window):
            spans.append((m.start() + len(lead), m.end() + len(lead)))
    return shown, sorted(spans)
