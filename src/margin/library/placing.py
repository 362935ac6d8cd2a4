"""Placing a highlight another service made in margin's text of the article.

The service saw the page through its own reader, so its quote may differ
from margin's text in spacing, line breaks or a word (see
:func:`margin.library.anchoring.anchor`, which weighs its prefix and suffix
when the export has them). Three rules add to that one:

- A quote with no context (Omnivore's and Readwise's exports keep none)
  found word for word more than once is the same words at each place: it
  goes to the copy nearest the export's position hint, else the first.
  With context, that context decides, and a quote whose context fits no
  copy is left unplaced (orphaned) rather than put on the wrong words.
- A quote still not found is tried once more as plain text: services
  wrote emphasis and links into quotes as Markdown (``**word**``,
  ``[text](url)``), which is not in the page's text.
- An empty quote (a note on the whole page, Pocket's empty quotes) has no
  place: it is kept, orphaned.
"""

from __future__ import annotations

import re

from margin.library import anchoring

#: Copies of a context-free quote looked at, at most.
_MAX_COPIES = 1000

_MD_LINK_RE = re.compile(r"!?\[([^\]]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_|~~|`)(?=\S)(.+?)(?<=\S)\1")
_MD_LINE_MARK_RE = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d{1,3}[.)]\s+)", re.M)


def place(
    text: str,
    quote: str,
    prefix: str = "",
    suffix: str = "",
    hint: int | None = None,
) -> tuple[int, int] | None:
    """Where ``quote`` lies in ``text`` (start, end), or None when it has no
    place there (see the module's rules)."""
    if not quote.strip():
        return None
    found = _place(text, quote, prefix, suffix, hint)
    if found is None:
        plain = plain_markdown(quote)
        if plain != quote:
            found = _place(text, plain, prefix, suffix, hint)
    return found


def _place(
    text: str, quote: str, prefix: str, suffix: str, hint: int | None
) -> tuple[int, int] | None:
    if not (prefix.strip() or suffix.strip()):
        copies = same_words(text, quote)
        if copies:
            return copies[0] if hint is None else min(copies, key=lambda s: abs(s[0] - hint))
    # Changed a little since, or with context to weigh: the re-anchoring rules.
    placed = anchoring.anchor(text, anchoring.Selector(quote, prefix, suffix), hint)
    return None if placed is None else (placed.start, placed.end)


def same_words(text: str, quote: str) -> list[tuple[int, int]]:
    """Every place ``quote``'s words stand in ``text`` in order, whatever the
    spacing and line breaks between them (and in any case when none is
    found as written)."""
    words = quote.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    for flags in (0, re.IGNORECASE):
        spans = []
        for m in re.finditer(pattern, text, flags):
            spans.append((m.start(), m.end()))
            if len(spans) == _MAX_COPIES:
                break
        if spans:
            return spans
    return []


def plain_markdown(quote: str) -> str:
    """``quote`` without Markdown's marks: links as their text, emphasis and
    code marks dropped, heading, list and quote marks off each line."""
    text = _MD_LINK_RE.sub(r"\1", quote)
    text = _MD_LINE_MARK_RE.sub("", text)
    previous = None
    while previous != text:  # nested emphasis: ***a*** is ** and *
        previous, text = text, _MD_EMPHASIS_RE.sub(r"\2", text)
    return text
