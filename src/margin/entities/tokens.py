"""A regex tokeniser that keeps character offsets.

Words keep internal hyphens, apostrophes and soft hyphens ("Nyong'o",
"al-Bashir", "Netan\u00adyahu"); a possessive "'s" is its own token so that entity
spans can stop before it; dotted abbreviations ("U.S.", "H.W.") and initials
before a capitalised word ("Donald J. Trump") are single tokens.

Tokens never contain whitespace and every other character belongs to one, so
the text between two tokens is whitespace only. :func:`split_tokens` returns
each token with the whitespace before it and the bare token, in two plain
lists of strings, which is all the recogniser needs (a newline before a token
is a paragraph break; offsets are sums of lengths); :func:`tokenise` makes
:class:`Token` objects for callers who want offsets at hand.
"""

from __future__ import annotations

import re
from itertools import accumulate
from typing import NamedTuple


class Token(NamedTuple):
    start: int
    end: int
    text: str


# A word: letters and digits, joined by a soft hyphen, "&", a hyphen not
# before a lower-case a-z ("al-Bashir" but not "well-known"), or an apostrophe
# that does not start a possessive ("Nyong'o"); then an optional domain.
_WORD = r"""
    [^\W_]+(?:(?:\u00ad|&|-(?![a-z])|['\u2019](?![sS]\b))[^\W_]+)*
    (?:\.(?:com|org|net|io|js|gov|edu)\b)?     # Snopes.com  Backbone.js
"""
_TOKEN = (
    r"""
      [a-z]+(?=[\s,;:!?)\]"\u201d]|\.(?!(?:com|org|net|io|js|gov|edu)\b))
    | [A-Z][a-z]+(?=[\s,;:!?)\]"\u201d])
                                               # fast paths: plain words, most tokens,
                                               # that the word pattern below would
                                               # match alone (nothing else matches them)
    | (?:[A-Z][a-z]?\.){2,}                    # U.S.  H.W.  U.N.  Ph.D.
    | [A-Z]\.(?=\s+[A-Z])                      # an initial: J. Trump
    | """
    + _WORD
    + r"""
    | ['\u2019][sS]\b                          # possessive
    | \S                                       # any other single character
    """
)
_TOKEN_RE = re.compile(_TOKEN, re.VERBOSE)
# A token with the whitespace before it.
_SPACED_TOKEN_RE = re.compile(r"\s*(?:" + _TOKEN + ")", re.VERBOSE)


def split_tokens(text: str) -> tuple[list[str], list[str]]:
    """(spaced, words): token i is ``words[i]``; ``spaced[i]`` is the same token
    with the whitespace between it and the token before it in front."""
    # Stop before trailing whitespace: there "\s*" would be retried at every
    # position (the tokens are the same, lookaheads see only whitespace there).
    spaced = _SPACED_TOKEN_RE.findall(text, 0, len(text.rstrip()))
    return spaced, list(map(str.lstrip, spaced))


def token_ends(spaced: list[str]) -> list[int]:
    """The end offset of every token (its start: the end minus its length)."""
    return list(accumulate(map(len, spaced)))


def tokenise(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text)]
