"""The article's headline as evidence of where the article starts.

A short article (three paragraphs, a recipe of short lines) can weigh less
than other running text on the same page: a legal disclaimer in the footer,
one long reader comment, a feed of other stories' summaries. What the other
text lacks is the article's headline over it: the page's one top-level
heading as a browser's save writes it (two blank lines before, indented 2),
the line the page title on the first line repeats, or a short line with the
date or byline right under it (a date over a reader's comment is not the
article's). The first running text under that headline is where the
article starts, and the region there counts for more (regions.py).

A headline is told only when the page has one: several top-level headings
(a site's name in one, the article's in another) or several dated lines
(a feed of teasers, each with its date) say nothing, unless exactly one of
them carries two marks (a top-level heading with its date under it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from margin.ingest.text.byline import is_byline, is_dateline, looks_like_name
from margin.ingest.text.comments import comment_chains
from margin.ingest.text.lines import PROSE, Kind, Line, solid

_DATED_REACH = 3  # lines under a headline where its date or byline stands
_BODY_REACH = 12  # lines under a headline where its first running text stands
_HEADLINE_WORDS = 30
_DATE_WORDS = 8  # the longest a line that is only a date (and a time, a place) runs
_ABBREVIATION_END_RE = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "... in the U.S."


def headline_at(lines: list[Line], page_title: Line | None) -> int | None:
    """The index of the article's headline, when the page tells one."""
    # A save that writes headings marks the headline as one: there, a
    # dated line that is not a heading is another story's link.
    headings = any(ln.gap >= 2 and ln.indent >= 2 for ln in lines)
    comment_dates = {i for run in comment_chains(lines)[1] for i in run}
    marks: dict[int, int] = {}
    for ln in lines:
        if not _headline_like(ln) or ln is page_title:
            continue
        n = _top_heading(ln) + _repeats_title(ln, page_title)
        if n or (_titled(ln) and not headings):
            n += dated(lines, ln.index, comment_dates)
        if n:
            marks[ln.index] = n
    if not marks:
        return None
    best = max(marks.values())
    top = [i for i, n in marks.items() if n == best]
    return top[0] if len(top) == 1 else None


@dataclass(frozen=True, slots=True)
class Anchor:
    headline: int  # the article's headline
    start: int  # the first running text under it: where the article starts


def find_anchor(lines: list[Line], page_title: Line | None) -> Anchor | None:
    """The article's headline and the first running text under it."""
    h = headline_at(lines, page_title)
    if h is None:
        return None
    for ln in lines[h + 1 : h + 1 + _BODY_REACH]:
        if solid(ln) and is_byline(ln) is None:
            return Anchor(h, ln.index)
        if _top_heading(ln):
            return None  # another heading before any text: a section page
    return None


def _headline_like(ln: Line) -> bool:
    return (
        2 <= ln.words <= _HEADLINE_WORDS
        and not ln.bullet
        and not ln.said
        and not ln.repeated
        and ln.kind not in (Kind.RULE, Kind.CODE)
        and ln.links < 0.5
        and (
            not ln.end or ln.text.endswith(("?", "!")) or bool(_ABBREVIATION_END_RE.search(ln.text))
        )
        and is_byline(ln) is None
        and not (is_dateline(ln) and ln.words <= _DATE_WORDS)  # (a headline may name a date)
    )


def _titled(ln: Line) -> bool:
    """Worded like a headline, not like a name over a comment ("Jane Doe",
    "Jane Doe says:")."""
    return ln.words >= 3 and not ln.colon and not looks_like_name(ln)


def _top_heading(ln: Line) -> int:
    """1 for a top-level heading as a browser's save writes it."""
    return int(ln.gap >= 2 and ln.indent == 2 and not ln.bullet)


def _repeats_title(ln: Line, page_title: Line | None) -> int:
    """1 for a line the page title on the first line repeats a part of (the
    whole title again is the page's footer or a breadcrumb)."""
    if page_title is None or ln.words < 3:
        return 0
    text, title = ln.text.casefold(), page_title.text.casefold()
    return int(text in title and text != title)


def dated(lines: list[Line], h: int, comment_dates: set[int]) -> int:
    """1 for a date or a byline right under line ``h``, before any running
    text (not one heading a reader's comment, ``comment_dates``)."""
    for x in lines[h + 1 : h + 1 + _DATED_REACH]:
        if (x.kind in PROSE and is_byline(x) is None) or x.index in comment_dates:
            return 0
        if is_dateline(x) or is_byline(x) is not None:
            return 1
    return 0
