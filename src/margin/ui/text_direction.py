"""Which way a paragraph reads: right-to-left paragraphs (Arabic, Hebrew…)
are aligned to the right of the reading column.

Pure code. A paragraph is right-to-left when most of its strong characters
(Unicode bidirectional classes R and AL against L) are: a Hebrew paragraph
that opens with a Latin name is still Hebrew. Terminals reorder the
characters of a line themselves (or not); margin only decides the alignment.
"""

from __future__ import annotations

import re
import unicodedata

# Scripts written right to left: Hebrew to NKo and Samaritan, the Hebrew and
# Arabic presentation forms, and the historic and Adlam blocks of the
# supplementary planes. Text with none of them is left-to-right at once.
_RTL_CHARS = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def is_rtl(text: str) -> bool:
    """True when most strong characters of ``text`` are right-to-left."""
    if text.isascii() or _RTL_CHARS.search(text) is None:
        return False
    rtl = ltr = 0
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl += 1
        elif kind == "L":
            ltr += 1
    return rtl > ltr
