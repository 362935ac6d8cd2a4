"""Sentence boundaries inside a paragraph, for the reader's sentence cursor.

Pure code (no widgets). Good enough for a reading cursor, not a linguistic
tool: a sentence ends at ``.``, ``!``, ``?`` or ``…`` (closing quotes and
brackets kept with it), followed by space and a word that does not start
lower-case. Common abbreviations ("Dr.", "e.g.") and initials ("J. R. R.")
do not end one.
"""

from __future__ import annotations

import re

_END_RE = re.compile(
    r"[.!?…]+[\"'”’)\]»]*(?=\s+[\"'“‘(\[«¿¡]*(\w))"
    # CJK full stops need no space after them
    r"|[。！？]+[」』）”]*(?=\S)"
)
_WORD_BEFORE_RE = re.compile(r"(\S+)$")

_ABBREVIATIONS = (
    "mr mrs ms mx dr prof st sr jr rev gen col lt sgt capt gov sen rep pres hon "
    "vs etc e.g i.e cf al approx ca no nos vol fig figs p pp ed eds inc ltd co corp "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft ave blvd rd u.s u.k"
)
ABBREVIATIONS = frozenset(_ABBREVIATIONS.split(" "))


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the ``.`` at ``dot`` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    match = _WORD_BEFORE_RE.search(text, 0, dot)
    if match is None:
        return False
    word = match.group(1).lstrip("\"'“‘([«").casefold()
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith"
    return word in ABBREVIATIONS


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of each sentence of ``text``, spaces between them left out."""
    spans: list[tuple[int, int]] = []
    start = 0
    length = len(text)
    while start < length and text[start].isspace():
        start += 1
    for match in _END_RE.finditer(text):
        end = match.end()
        following = match.group(1)
        if end <= start or (following and following.islower()):
            continue
        if _is_abbreviation(text, match.start()):
            continue
        spans.append((start, end))
        start = end
        while start < length and text[start].isspace():
            start += 1
    end = len(text.rstrip())
    if start < end:
        spans.append((start, end))
    return spans
