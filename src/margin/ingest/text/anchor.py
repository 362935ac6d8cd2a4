"""The article's headline as evidence of where the article starts.

A short article (three paragraphs, a recipe of short lines) can weigh less
than other running text on the same page: a legal disclaimer in the footer,
one long reader comment, a feed of other stories' summaries. What the other
text lacks is the article's headline over it. A line earns marks as one:
being the page's top-level heading as a browser's save writes it (two blank
lines before, indented 2), repeating a part of the page title on the first
line, and, worth two, having its date or byline right under it (past its
standfirst): a heading of any level in a save that writes headings, else a
short line worded like a headline. A site's name may be a top-level heading
too, but it has no date under it; the dates over a list of other stories
(two close together) and over readers' comments are no headline's. The line
with the most marks is the headline when no other has as many, and the
first running text under it is where the article starts: the region there
counts for more (regions.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from margin.ingest.text.byline import is_byline, is_dateline, looks_like_name
from margin.ingest.text.chrome import chains
from margin.ingest.text.comments import comment_chains
from margin.ingest.text.lines import PROSE, Kind, Line, solid

_DATED_REACH = 3  # lines under a headline where its date or byline stands
_BODY_REACH = 12  # lines under a headline where its first running text stands
_HEADLINE_WORDS = 30
# A date or byline under a headline is the stronger mark: a site's name may
# be a top-level heading too, but it has no date under it.
_DATED = 2
_LIST_REACH = 8  # lines between two dated headlines of one list of other stories
_DEK_WORDS = 50  # the longest a standfirst between a headline and its date runs
_DATE_WORDS = 8  # the longest a line that is only a date (and a time, a place) runs
_ABBREVIATION_END_RE = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "... in the U.S."


def headline_at(lines: list[Line], page_title: Line | None) -> int | None:
    """The index of the article's headline, when the page tells one."""
    marks = {ln.index: _marks(ln, page_title) for ln in lines if _headline_like(ln)}
    for k in _dated_headlines(lines, page_title):
        marks[k] += _DATED
    marks = {k: n for k, n in marks.items() if n and lines[k] is not page_title}
    if not marks:
        return None
    best = max(marks.values())
    top = [i for i, n in marks.items() if n == best]
    return top[0] if len(top) == 1 else None


def _marks(ln: Line, page_title: Line | None) -> int:
    return _top_heading(ln) + _repeats_title(ln, page_title)


def _dated_headlines(lines: list[Line], page_title: Line | None) -> list[int]:
    """Headlines with a date or a byline right under them: headings in a
    save that writes them (there, a dated line that is not a heading is
    another story's link), else short lines worded like headlines; but not
    one of a list of other stories, each with its date (two close together),
    nor one over a reader's comment."""
    headings = any(_heading(ln) for ln in lines)
    comment_dates = {i for run in comment_chains(lines)[1] for i in run}
    # (any dated line counts for a list: another story's may be a link)
    found = [
        ln.index
        for ln in lines
        if 2 <= ln.words <= _HEADLINE_WORDS
        and not _date_or_byline(ln)
        and (_heading(ln) or _marks(ln, page_title) or not headings)
        and dated(lines, ln.index, comment_dates)
    ]
    alone = [k for c in chains(found, _LIST_REACH) if len(c) == 1 for k in c]
    return [k for k in alone if _headline_like(lines[k]) and _titled(lines[k])]


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
        and not _date_or_byline(ln)
    )


def _date_or_byline(ln: Line) -> bool:
    """A byline, or a line that is only a date (a headline may name one)."""
    return is_byline(ln) is not None or (is_dateline(ln) and ln.words <= _DATE_WORDS)


def _titled(ln: Line) -> bool:
    """Worded like a headline, not like a name over a comment ("Jane Doe",
    "Jane Doe says:")."""
    return ln.words >= 3 and not ln.colon and not looks_like_name(ln)


def _heading(ln: Line) -> bool:
    return ln.gap >= 2 and ln.indent >= 2 and not ln.bullet


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
    """1 for a date or a byline right under line ``h`` (past its standfirst,
    a sentence or two), before the story or another headline (and not one
    heading a reader's comment, ``comment_dates``)."""
    dek = False
    for x in lines[h + 1 : h + 1 + _DATED_REACH]:
        if x.index in comment_dates:
            return 0
        if is_dateline(x) or is_byline(x) is not None:
            return 1
        if x.kind in PROSE and not dek and x.words <= _DEK_WORDS:
            dek = True
            continue
        if x.kind in PROSE or x.words >= 2:  # the story, or another headline
            return 0
    return 0
