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
counts for more (regions.py). Under a top-level heading, in a save that
writes links, the block of short lines down to the first chrome (a recipe,
a meal plan) is the article itself when more of its words are in short
lines than in running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from margin.ingest.text.byline import is_byline, is_dateline, looks_like_name
from margin.ingest.text.chrome import chains
from margin.ingest.text.comments import is_comments_heading
from margin.ingest.text.lines import PROSE, Kind, Line, solid

_DATED_REACH = 3  # lines under a headline where its date or byline stands
_BODY_REACH = 12  # lines under a headline where its first running text stands
_HEADLINE_WORDS = 30
# A date or byline under a headline is the stronger mark: a site's name may
# be a top-level heading too, but it has no date under it.
_DATED = 2
_LIST_REACH = 8  # lines between two dated headlines of one list of other stories
_DEK_WORDS = 50  # the longest a standfirst between a headline and its date runs
_DATE_WORDS = 8
_BYLINE_WORDS = 60  # the longest a byline runs, with the writer's note after the name  # the longest a line that is only a date (and a time, a place) runs
_ABBREVIATION_END_RE = re.compile(r"\b(?:[A-Z]\.){2,}$")  # "... in the U.S."


def _headlines(
    lines: list[Line], page_title: Line | None, comment_runs: list[list[int]]
) -> dict[int, int]:
    """Each line that has a headline's marks, with their number
    (``comment_runs``: the dated headings of readers' comments)."""
    marks = {ln.index: n for ln in lines if (n := _marks(ln, page_title)) and _headline_like(ln)}
    for k in _dated_headlines(lines, page_title, comment_runs):
        marks[k] = marks.get(k, 0) + _DATED
    return {k: n for k, n in marks.items() if lines[k] is not page_title}


def _marks(ln: Line, page_title: Line | None) -> int:
    return _top_heading(ln) + _repeats_title(ln, page_title)


def _dated_headlines(
    lines: list[Line], page_title: Line | None, comment_runs: list[list[int]]
) -> list[int]:
    """Headlines with a date or a byline right under them: headings in a
    save that writes them (there, a dated line that is not a heading is
    another story's link), else short lines worded like headlines; but not
    one of a list of other stories, each with its date (two close together),
    nor one over a reader's comment."""
    headings = any(_heading(ln) for ln in lines)
    meta = _Meta(lines, {i for run in comment_runs for i in run})
    # (any dated line counts for a list: another story's may be a link)
    found = [
        ln.index
        for ln in lines
        if 2 <= ln.words <= _HEADLINE_WORDS
        and _unended(ln)
        and (_heading(ln) or _marks(ln, page_title) or (not headings and ln.kind is not Kind.GOOD))
        and not meta.date_or_byline(ln.index)
        and meta.dated(ln.index)
    ]
    alone = [k for c in chains(found, _LIST_REACH) if len(c) == 1 for k in c]
    return [k for k in alone if _headline_like(lines[k]) and _titled(lines[k])]


@dataclass(frozen=True, slots=True)
class Anchor:
    headline: int  # the article's headline
    start: int  # the first running text under it (else its first line): where the article starts
    # (first, last) of the block of short lines under the headline (a recipe,
    # a meal plan, a schedule), when its text is mostly short lines.
    block: tuple[int, int] | None = None


def find_anchor(
    lines: list[Line], page_title: Line | None, comment_runs: list[list[int]]
) -> Anchor | None:
    """The article's headline and the first running text under it: of the
    headlines with running text under them, the one with the most marks,
    when no other has as many (``comment_runs``: the dated headings of
    readers' comments). When none has, or the text under the headline is
    mostly short lines, the headline with the most marks and its block of
    short lines, if it has one."""
    marks = _headlines(lines, page_title, comment_runs)
    anchors = [Anchor(h, k) for h in marks if (k := _text_under(lines, h)) is not None]
    h = _unique_best(marks, [a.headline for a in anchors] or list(marks))
    if h is None:
        return None
    # (a block is told from menus by their links: only in a save that writes
    # them, and only under the page's top-level heading)
    linked = any(ln.links for ln in lines)
    block = _block_under(lines, h) if linked and _top_heading(lines[h]) else None
    if block is not None and not _short_lined(lines, block):
        block = None
    text = next((a.start for a in anchors if a.headline == h), None)
    if text is not None:
        return Anchor(h, text, block)
    return None if block is None else Anchor(h, block[0], block)


def _short_lined(lines: list[Line], block: tuple[int, int]) -> bool:
    """More of the block's words are in short lines than in running text
    (a long caption is neither)."""
    part = lines[block[0] : block[1] + 1]
    short = sum(ln.words for ln in part if not solid(ln) and ln.words <= _SHORT_WORDS)
    return short > sum(ln.words for ln in part if solid(ln))


def _unique_best(marks: dict[int, int], among: list[int]) -> int | None:
    """The line of ``among`` with the most marks, when no other has as many."""
    if not among:
        return None
    best = max(marks[h] for h in among)
    top = [h for h in among if marks[h] == best]
    return top[0] if len(top) == 1 else None


_BLOCK_REACH = 80  # lines a block of short lines runs under its headline at most
_BLOCK_LINES = 4  # ... and at least, with this many words
_BLOCK_WORDS = 20
_SHORT_WORDS = 12  # the longest a short line (an ingredient, a step, a day's meals) runs


def _block_under(lines: list[Line], h: int) -> tuple[int, int] | None:
    """The block of short lines under headline ``h`` (past its byline and
    dates): up to two lines of chrome in a row (links, what is chrome by what
    it says, a page's repeated boilerplate), another top-level heading or a
    comments heading. None when it is too small to be an article."""
    block: list[Line] = []
    chrome = 0
    for ln in lines[h + 1 : h + 1 + _BLOCK_REACH]:
        if _top_heading(ln) or is_comments_heading(ln):
            break
        if ln.links >= 0.5 or ln.said or ln.repeated:
            chrome += 1
            if chrome >= 2:
                break
            continue
        chrome = 0
        if ln.kind is not Kind.RULE and (block or not _date_or_byline(ln)):
            block.append(ln)
    if len(block) < _BLOCK_LINES or sum(ln.words for ln in block) < _BLOCK_WORDS:
        return None
    return block[0].index, block[-1].index


def _text_under(lines: list[Line], h: int) -> int | None:
    """The first running text under line ``h``, before another top-level
    heading (a site's name over its menus has none)."""
    for ln in lines[h + 1 : h + 1 + _BODY_REACH]:
        if solid(ln) and is_byline(ln) is None:
            return ln.index
        if _top_heading(ln):
            return None
    return None


def _headline_like(ln: Line) -> bool:
    return (
        2 <= ln.words <= _HEADLINE_WORDS
        and not ln.bullet
        and not ln.said
        and not ln.repeated
        and ln.kind not in (Kind.RULE, Kind.CODE)
        and ln.links < 0.5
        and _unended(ln)
        and not _date_or_byline(ln)
    )


def _unended(ln: Line) -> bool:
    """Not ended like a sentence, as a headline is not (but for "?", "!"
    and an abbreviation: "... in the U.S.")."""
    return not ln.end or ln.text.endswith(("?", "!")) or bool(_ABBREVIATION_END_RE.search(ln.text))


def _date_or_byline(ln: Line) -> bool:
    """A byline, or a line that is only a date (a headline may name one)."""
    return (is_dateline(ln) and ln.words <= _DATE_WORDS) or is_byline(ln) is not None


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


class _Meta:
    """Which lines are a date or a byline, each line told once."""

    def __init__(self, lines: list[Line], comment_dates: set[int]) -> None:
        self.lines = lines
        self.comment_dates = comment_dates  # the dates heading readers' comments
        self.known: dict[int, bool] = {}

    def date_or_byline(self, k: int) -> bool:
        if k not in self.known:
            self.known[k] = _date_or_byline(self.lines[k])
        return self.known[k]

    def dated(self, h: int) -> bool:
        """A date or a byline right under line ``h`` (past its standfirst, a
        sentence or two), before the story or another headline, and not one
        heading a reader's comment."""
        dek = False
        for x in self.lines[h + 1 : h + 1 + _DATED_REACH]:
            if x.index in self.comment_dates:
                return False
            if x.words <= _BYLINE_WORDS and (is_dateline(x) or self.date_or_byline(x.index)):
                return True
            if x.kind in PROSE and not dek and x.words <= _DEK_WORDS:
                dek = True
                continue
            if x.kind in PROSE or x.words >= 2:  # the story, or another headline
                return False
        return False
