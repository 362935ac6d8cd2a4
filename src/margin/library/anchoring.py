"""Placing a highlight in an article's text, W3C TextQuoteSelector style.

A highlight is stored as the quote itself (``exact``) with a little context
(``prefix``/``suffix``) plus the offsets where it was last found. When the
text changes (the file was re-saved with new chrome, a paragraph was added or
removed, a better extractor produced slightly different text) the highlight is
found again by its quote and context; fuzzily when the quote itself changed a
little. A quote that cannot be placed with confidence is reported orphaned
rather than attached to the wrong words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

#: Characters of context kept on each side of the quote.
CONTEXT_CHARS = 32

#: Minimum similarity for a fuzzy match of the quote itself.
FUZZY_THRESHOLD = 0.82

_SPACE_RE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Selector:
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Placement:
    start: int
    end: int
    exact_match: bool  # False when the quote was found fuzzily


def make_selector(text: str, start: int, end: int) -> Selector:
    """The TextQuoteSelector for ``text[start:end]``."""
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """First occurrence of ``quote`` in ``text``: exactly, else ignoring
    differences in whitespace and letter case (what a user typing a quote on
    the command line means)."""
    if not quote:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
    if m:
        return m.start(), m.end()
    return None


def _context_score(text: str, start: int, end: int, sel: Selector) -> float:
    """How well the text around [start, end) matches the stored context (0..1)."""
    score = 0.0
    weight = 0
    if sel.prefix:
        before = text[max(0, start - len(sel.prefix)) : start]
        score += SequenceMatcher(None, before, sel.prefix, autojunk=False).ratio()
        weight += 1
    if sel.suffix:
        after = text[end : end + len(sel.suffix)]
        score += SequenceMatcher(None, after, sel.suffix, autojunk=False).ratio()
        weight += 1
    return score / weight if weight else 0.0


def _best_of(
    text: str, spans: list[tuple[int, int]], sel: Selector, hint: int | None
) -> tuple[int, int]:
    if len(spans) == 1:
        return spans[0]

    def key(span: tuple[int, int]) -> tuple[float, float]:
        ctx = _context_score(text, span[0], span[1], sel)
        dist = abs(span[0] - hint) if hint is not None else 0
        return (-round(ctx, 2), dist)

    return min(spans, key=key)


def _exact_spans(text: str, exact: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    i = text.find(exact)
    while i >= 0 and len(spans) < 1000:
        spans.append((i, i + len(exact)))
        i = text.find(exact, i + 1)
    return spans


def _seeds(exact: str) -> list[tuple[int, str]]:
    """Short pieces of the quote (offset, piece) used to find where it went."""
    n = len(exact)
    size = max(8, min(24, n // 4))
    if n <= size:
        return [(0, exact)]
    offsets = sorted({0, n - size, (n - size) // 2, (n - size) // 4, 3 * (n - size) // 4})
    return [(o, exact[o : o + size]) for o in offsets]


def _fuzzy(text: str, sel: Selector, hint: int | None) -> Placement | None:
    exact = sel.exact
    n = len(exact)
    if n < 4:
        return None
    candidates: set[int] = set()
    for offset, seed in _seeds(exact):
        if not seed.strip():
            continue
        i = text.find(seed)
        count = 0
        while i >= 0 and count < 50:
            candidates.add(max(0, i - offset))
            i = text.find(seed, i + 1)
            count += 1
    # Context alone can locate a quote whose words changed a lot; it is
    # still held to the similarity threshold below.
    for ctx, is_prefix in ((sel.prefix, True), (sel.suffix, False)):
        if len(ctx) >= 12:
            i = text.find(ctx)
            if i >= 0:
                candidates.add(i + len(ctx) if is_prefix else max(0, i - n))
    best: tuple[float, int, int] | None = None
    slack = max(4, n // 5)
    for c in candidates:
        lo = max(0, c - slack)
        hi = min(len(text), c + n + slack)
        window = text[lo:hi]
        sm = SequenceMatcher(None, window, exact, autojunk=False)
        blocks = [b for b in sm.get_matching_blocks() if b.size]
        if not blocks:
            continue
        s = lo + blocks[0].a
        e = lo + blocks[-1].a + blocks[-1].size
        ratio = SequenceMatcher(None, text[s:e], exact, autojunk=False).ratio()
        around = _context_score(text, s, e, sel)
        score = ratio * 0.85 + around * 0.15
        if ratio >= FUZZY_THRESHOLD and (best is None or score > best[0]):
            best = (score, s, e)
    if best is None:
        return None
    return Placement(best[1], best[2], exact_match=False)


def anchor(text: str, sel: Selector, hint: int | None = None) -> Placement | None:
    """Where ``sel`` lies in ``text`` now, or ``None`` when it can't be placed.

    ``hint`` is the start offset where the quote was last seen; it only breaks
    ties between equally good candidates.
    """
    if not sel.exact:
        return None
    if hint is not None and text[hint : hint + len(sel.exact)] == sel.exact:
        # Unchanged in place: confirm with the context unless it is the only one.
        spans = _exact_spans(text, sel.exact)
        if len(spans) == 1 or _context_score(text, hint, hint + len(sel.exact), sel) >= 0.9:
            return Placement(hint, hint + len(sel.exact), exact_match=True)
    else:
        spans = _exact_spans(text, sel.exact)
    if spans:
        s, e = _best_of(text, spans, sel, hint)
        return Placement(s, e, exact_match=True)
    # Same words, different spacing (re-wrapped paragraph, changed extractor).
    words = sel.exact.split()
    if words:
        pattern = r"\s+".join(re.escape(w) for w in words)
        found = [(m.start(), m.end()) for m in re.finditer(pattern, text)]
        if found:
            s, e = _best_of(text, found, sel, hint)
            return Placement(s, e, exact_match=True)
    return _fuzzy(text, sel, hint)
