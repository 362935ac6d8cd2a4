"""Full-text queries: FTS5 MATCH strings and plain-text snippets."""

from __future__ import annotations

import re

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
        else:
            out.append(" " if ch in "\n\t" else ch)
            length += 1
    return "".join(out), spans
