"""Other posts' teasers: a summary cut off in mid-sentence with "…", or with
a "Read more" link after it. One such paragraph may be the story's (a quote
that trails off, an "etc…"); three close together are a feed of other posts
(a blog's "recent comments", a sidebar of latest posts, cards for related
stories set between the paragraphs), and both the HTML and the plain-text
paths drop them, and with them any other on the page that ends in a "Read
more" link.

The link's words are the general ones sites use, in the languages margin
knows, never one site's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

READ_MORE = (
    r"read\s+more|continue\s+reading|more\s*»|weiterlesen|weiter\s+lesen"
    r"|mehr\s+erfahren|mehr\s+lesen|lire\s+la\s+suite|lire\s+plus|en\s+savoir\s+plus|leer\s+más"
    r"|seguir\s+leyendo|leia\s+mais|ler\s+mais|leggi\s+(?:tutto|di\s+più)|continua\s+a\s+leggere"
    r"|lees\s+meer|verder\s+lezen|číst\s+dál(?:e|)"
)
# The summary trails off: an ellipsis after a word or a comma (not after a
# sentence's end), maybe in brackets, maybe with the link's words after it.
_READ_MORE_RE = re.compile(rf"(?:{READ_MORE})\W*$", re.I)
_CUT_OFF_RE = re.compile(
    rf"[\w,;:–—-]\s*(?:…|\.\.\.|\[…\]|\[\.\.\.\]|\(…\)|\(\.\.\.\))[\s\"'”»]*(?:(?:{READ_MORE})\W*)*$"
    rf"|\w[^\w]*\s(?:{READ_MORE})\W*(?:(?:{READ_MORE})\W*)*$",
    re.I,
)
# A teaser's summary; a line of dialogue that trails off is shorter, a
# story's paragraph that ends on a quote trailing off longer.
_WORDS = (8, 60)
_TAIL = 120
# What a "Read more" link's words hold, in each language above: a plain test
# that spares the pattern the paragraphs that cannot end in one.
_LINK_STEMS = (
    "more", "reading", "weiter", "mehr", "suite", "plus", "más", "leyendo", "mais", "tutto",
    "più", "leggere", "meer", "lezen", "dál",
)  # fmt: skip
FEED = 3  # cut-off paragraphs on a page that make a feed of teasers


def is_cut_off(text: str, words: int) -> bool:
    """A summary cut off in mid-sentence, or ending in a "Read more" link."""
    if not _WORDS[0] <= words <= _WORDS[1]:
        return False
    tail = text[-_TAIL:]  # only the end matters
    if "…" not in tail and "..." not in tail and not any(s in tail.lower() for s in _LINK_STEMS):
        return False
    return _CUT_OFF_RE.search(tail) is not None


def teaser_feed(texts: Sequence[str | None], reach: int) -> list[int]:
    """The indices of the teasers among ``texts`` (None: not a paragraph):
    cut-off ones three or more in a row, each within ``reach`` of the one
    before, and, when there is such a feed, any that ends in "Read more"."""
    cut = [i for i, t in enumerate(texts) if t is not None and is_cut_off(t, len(t.split()))]
    feed: list[int] = []
    run: list[int] = []
    for i in [*cut, -1]:
        if i >= 0 and (not run or i - run[-1] <= reach):
            run.append(i)
            continue
        if len(run) >= FEED:
            feed += run
        run = [i]
    if feed:
        feed += [i for i in cut if i not in feed and _READ_MORE_RE.search(texts[i] or "")]
    return sorted(feed)
