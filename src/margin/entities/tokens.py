"""A regex tokeniser that keeps character offsets.

Words keep internal hyphens, apostrophes and soft hyphens ("Nyong'o",
"al-Bashir", "Netan\u00adyahu"); a possessive "'s" is its own token so that entity
spans can stop before it; dotted abbreviations ("U.S.", "H.W.") and initials
before a capitalised word ("Donald J. Trump") are single tokens.
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Token(NamedTuple):
    start: int
    end: int
    text: str


_TOKEN_RE = re.compile(
    r"""
      (?:[A-Z][a-z]?\.){2,}                    # U.S.  H.W.  U.N.  Ph.D.
    | [A-Z]\.(?=\s+[A-Z])                      # an initial: J. Trump
    | [^\W_](?:[^\W_]|\u00ad(?=[^\W_])|&(?=[^\W_])|-(?=[^\W_])(?![a-z])|['\u2019](?![sS]\b)(?=[^\W_]))*
      (?:\.(?:com|org|net|io|js|gov|edu)\b)?   # Snopes.com  Backbone.js
    | ['\u2019][sS]\b                          # possessive
    | \S                                       # any other single character
    """,
    re.VERBOSE,
)


def tokenise(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
