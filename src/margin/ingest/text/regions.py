"""The article's region in a text save: the run of lines it spans.

Each line is labelled article or chrome by a two-state Viterbi pass
(segment.py): running text counts for the article, chrome against it, and
every switch between the two costs a penalty. The article may come out in a
few pieces (a "related" block splits it); the pieces near the heaviest one
are kept, and so is running text stranded between two blocks of chrome.
Then the region's edges are moved: to the headline a save writes, back to
a lead cut off by a little chrome, before readers' comments and a closing
pitch, on over a list the region ends inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from margin.ingest.text.anchor import Anchor, find_anchor
from margin.ingest.text.byline import is_byline, is_dateline
from margin.ingest.text.chrome import TEASER_VALUE, menu_runs
from margin.ingest.text.comments import comment_chains, discount_comments, end_before_comments
from margin.ingest.text.lines import (
    LINKY,
    PROSE,
    SENTENCE_LIKE,
    Kind,
    Line,
    back_to_prose,
    prose_words,
    solid,
)
from margin.ingest.text.segment import densest_run, pieces, viterbi

# Two-state segmentation: the cost of switching between article and chrome,
# and how far (in lines) a separate piece of article may lie from the main one.
_SWITCH = 3.0
_REACH = 40
# A page with less link text than this is nearly all article (a document, a
# plain blog post without menus): it is kept whole, bar clear chrome.
_FEW_LINKS = 0.05
# What the first running text under the article's headline adds: enough to
# make a short article a piece of its own (two switches), and to outweigh
# some more running text elsewhere.
_ANCHOR_BONUS = 2 * _SWITCH
_ANCHOR_FACTOR = 2.0


@dataclass(slots=True)
class Region:
    start: int
    end: int  # included; below start when the page has no article region
    gaps: set[int] = field(default_factory=set)  # chrome between the article's pieces
    whole: bool = False  # the page is nearly all article: kept whole, bar clear chrome
    # The article is the block of short lines under this headline (anchor.py).
    short: Anchor | None = None

    def has_running_text(self, lines: list[Line]) -> bool:
        return self.end >= self.start and any(solid(ln) for ln in lines[self.start : self.end + 1])


def article_region(
    lines: list[Line], values: list[float], linked: bool, page_title: Line | None
) -> Region:
    """The region the Viterbi pass finds, or the whole page when it is
    nearly all article. The first running text under the article's headline
    (anchor.py) counts for more."""
    comments = comment_chains(lines)
    anchor = find_anchor(lines, page_title, comments[1])
    text_anchor = anchor if anchor is not None and solid(lines[anchor.start]) else None
    start, end, gaps = _article_pieces(lines, values, text_anchor, comments)
    whole = _whole_page(lines, linked)
    if whole:
        start, end = 0, len(lines) - 1
    elif anchor is not None and anchor.block and _block_wins(anchor.block, start, end):
        return Region(*anchor.block, short=anchor)
    return Region(start, end, gaps, whole)


def _block_wins(block: tuple[int, int], start: int, end: int) -> bool:
    """The headline's block of short lines is the article over the region
    (``start``, ``end``): the region is the little running text inside the
    block, or lies far below it (a disclaimer, a comment, a feed). (A page
    with no region at all is kept as it is.)"""
    return start <= end and (block[0] <= start <= block[1] or start > block[1] + _REACH)


def _whole_page(lines: list[Line], linked: bool) -> bool:
    """Hardly any link text on the page: no menus, no lists of other stories."""
    total_words = sum(ln.words for ln in lines) or 1
    link_share = sum(ln.words * ln.links for ln in lines) / total_words
    prose_share = sum(ln.words for ln in lines if ln.kind in PROSE) / total_words
    if linked:  # a save that writes links (Firefox's)
        return link_share < _FEW_LINKS and prose_share > 0
    # a copy-paste: menus are runs of short lines
    return prose_share > 0 and sum(ln.words for ln in menu_runs(lines)) < 0.02 * total_words


def _article_pieces(
    lines: list[Line],
    values: list[float],
    anchor: Anchor | None,
    comments: tuple[list[int], list[list[int]]],
) -> tuple[int, int, set[int]]:
    """(start, end, lines between the pieces) of the article."""
    d = list(values)
    discount_comments(lines, d, comments)
    spans = pieces(viterbi(d, _SWITCH))
    if not spans:
        # No piece worth two switches: the densest run of lines, unless
        # even that is worth less than one (no clear article at all).
        run = densest_run(d)
        if sum(d[run[0] : run[1] + 1]) < _SWITCH:
            return 0, -1, set()
        if anchor is not None and run[0] - _ANCHOR_REACH <= anchor.start <= run[1]:
            return anchor.start, max(run[1], _sections_end(lines, d, anchor.start)), set()
        spans = [run]
    lo, hi = _heaviest_group(spans, d)
    if anchor is not None and not spans[lo][0] - _REACH <= anchor.start <= spans[hi][1]:
        spans, (lo, hi) = _anchored_group(spans, (lo, hi), d, anchor)
    gaps: set[int] = set()
    for k in range(lo, hi):
        gap = range(spans[k][1] + 1, spans[k + 1][0])
        gaps.update(gap)
        gaps.difference_update(_stranded(lines, d, gap))
    start, end = spans[lo][0], spans[hi][1]
    if anchor is not None and _headline_starts(lines, anchor, start, end):
        start = anchor.start
    return start, end, gaps


def _headline_starts(lines: list[Line], anchor: Anchor, start: int, end: int) -> bool:
    """The article's headline inside the region, with little running text
    before it: what is above the headline is not the article's."""
    return start <= anchor.headline < anchor.start <= end and prose_words(
        lines, start, anchor.headline
    ) < _BEFORE_DATED_HEADLINE * prose_words(lines, anchor.start, end + 1)


_ANCHOR_REACH = 12  # lines above the densest run where the headline's first text may stand
_CHROME_RUN = 6  # lines of links or chrome, with no text between, that end the sections


def _sections_end(lines: list[Line], d: list[float], start: int) -> int:
    """A page with no piece of article (a landing page of short sections,
    each a heading and a few sentences) whose headline leads into its
    densest run: the article runs on from the first text under the
    headline over the sections that follow, until another top-level
    heading, a heading that is a link (other stories' teasers), a line that
    is chrome by what it says, or a run of links and chrome with no text in
    it. The last running text before that (not a teaser's nor a comment's:
    what they add, ``d``, is cut)."""
    end, quiet = start, 0
    for ln in lines[start + 1 :]:
        heading = ln.gap >= 2 and ln.indent >= 2
        if (heading and (ln.indent == 2 or ln.links >= 0.5)) or ln.said:
            break
        if solid(ln) and ln.links < 0.5 and d[ln.index] > TEASER_VALUE:
            end, quiet = ln.index, 0
        elif ln.links >= 0.5 or ln.kind is Kind.BAD:
            quiet += 1
            if quiet >= _CHROME_RUN:
                break
    return end


Spans = list[tuple[int, int]]


def _groups(spans: Spans) -> list[tuple[int, int]]:
    """Pieces close together make one article: (first piece, last piece)
    of each group."""
    groups: list[tuple[int, int]] = []
    for k in range(len(spans)):
        if groups and spans[k][0] - spans[k - 1][1] <= _REACH:
            groups[-1] = (groups[-1][0], k)
        else:
            groups.append((k, k))
    return groups


def _weight(spans: Spans, group: tuple[int, int], d: list[float]) -> float:
    return sum(sum(d[s : e + 1]) for s, e in spans[group[0] : group[1] + 1])


def _heaviest_group(spans: Spans, d: list[float]) -> tuple[int, int]:
    """The heaviest group of pieces: (its first piece, its last)."""
    return max(_groups(spans), key=lambda g: _weight(spans, g, d))


def _anchored_group(
    spans: Spans, group: tuple[int, int], d: list[float], anchor: Anchor
) -> tuple[Spans, tuple[int, int]]:
    """The group of pieces the article's headline leads into, its first
    running text counting for more, when it then outweighs the heaviest
    group elsewhere; else the heaviest group."""
    boosted = list(d)
    boosted[anchor.start] += _ANCHOR_BONUS
    alt = pieces(viterbi(boosted, _SWITCH))
    for g in _groups(alt):
        if alt[g[0]][0] <= anchor.start <= alt[g[1]][1]:
            if _ANCHOR_FACTOR * _weight(alt, g, boosted) > _weight(spans, group, d):
                return alt, g
            break
    return spans, group


def _stranded(lines: list[Line], d: list[float], gap: range) -> list[int]:
    """Running text stranded between two blocks of chrome (a page's "Most
    popular" box inside the article): worth one switch, not the two a piece
    of its own costs, but the article's all the same."""
    out: list[int] = []
    run: list[int] = []
    for i in [*gap, -1]:
        if i >= 0 and lines[i].kind in PROSE and d[i] >= 1.0:
            run.append(i)
            continue
        if run and sum(d[j] for j in run) >= _SWITCH:
            out.extend(run)
        run = []
    return out


def trim_region(lines: list[Line], values: list[float], region: Region) -> None:
    """Move the region's edges to where the article starts and ends."""
    start, end = region.start, region.end
    # The region starts and ends on good lines.
    while start < end and not solid(lines[start]) and not region.whole:
        start += 1
    while end > start and not solid(lines[end]):
        end -= 1
    start = _start_at_headline(lines, start, end)
    if not region.whole:
        start = _back_to_headline(lines, start)
        start = _back_to_lead(lines, start)
    end = end_before_comments(lines, values, start, end)
    end = _trim_call_to_action(lines, start, end)
    end = _take_closing_sentences(lines, end)
    region.start, region.end = start, _to_end_of_list(lines, end)


def body_start(lines: list[Line], region: Region) -> int:
    """Where the title is looked for before: the region's start, or the
    first running text of a page kept whole."""
    if region.whole and region.start == 0:
        return next(ln.index for ln in lines if ln.kind in PROSE)
    return region.start


# The share of the running text after a top-level heading that the text
# before it in the region may reach for the heading to start the article;
# with a date or a byline under the heading, the evidence is stronger.
_BEFORE_HEADLINE = 0.3
_BEFORE_DATED_HEADLINE = 1.0
_DATED_REACH = 3  # lines under a headline where its date or byline stands


def _start_at_headline(lines: list[Line], start: int, end: int) -> int:
    """A top-level heading as a browser's save writes it (two blank lines
    before, indented 2) inside the region, with little running text before
    it (or, with its date or byline under it, less than after it): the
    article's headline. What comes before it (a cookie notice, a sign-in
    pitch, a site's introduction, a teaser) is not the article."""
    for ln in lines[start + 1 : end]:
        if ln.gap >= 2 and ln.indent == 2 and not ln.bullet and 1 <= ln.words <= 30:
            if ln.text.rstrip("/*_").endswith("."):
                break
            h = ln.index
            share = _BEFORE_DATED_HEADLINE if _dated(lines, h) else _BEFORE_HEADLINE
            if prose_words(lines, start, h) < share * prose_words(lines, h + 1, end + 1):
                k = h + 1
                while k < end and lines[k].kind not in PROSE:
                    k += 1
                return k
            break
    return start


def _dated(lines: list[Line], h: int) -> bool:
    """A date or a byline right under line ``h``, before any running text."""
    for x in lines[h + 1 : h + 1 + _DATED_REACH]:
        if x.kind in PROSE and is_byline(x) is None:
            return False
        if is_dateline(x) or is_byline(x) is not None:
            return True
    return False


_HEADLINE_REACH = 60
_LEAD_WORDS = 30


def _back_to_headline(lines: list[Line], start: int) -> int:
    """The article's headline as a browser's save writes it (indented 2,
    blank lines before) a little above the region, with running text
    between the two (a lead cut off by a table of contents or an info box):
    the region starts at that running text."""
    for ln in reversed(lines[max(0, start - _HEADLINE_REACH) : start]):
        if (
            (ln.gap >= 2 or ln.index == 0)
            and ln.indent == 2
            and not ln.bullet
            and 1 <= ln.words <= 30
        ):
            for x in lines[ln.index + 1 : start]:
                if x.kind is Kind.GOOD and x.links < 0.5 and x.words >= _LEAD_WORDS:
                    return x.index
            break
    return start


_LEAD_REACH = 12  # lines above the region where a cut-off lead is looked for
_LEAD_GAP_WORDS = 30  # words of chrome (an author's card, a caption) a lead may sit above


def _back_to_lead(lines: list[Line], start: int) -> int:
    """The article's lead just above the region, cut off from the rest by a
    little chrome (the authors' cards, a picture's caption, a share bar):
    a paragraph of running text, the nearest one, with no more than a few
    words of short lines between it and the region."""
    for x in reversed(lines[max(0, start - _LEAD_REACH) : start]):
        if x.kind is not Kind.GOOD:
            continue
        if (
            x.words >= _LEAD_WORDS
            and x.links < 0.2
            and x.end
            and not x.repeated
            and sum(y.words for y in lines[x.index + 1 : start]) <= _LEAD_GAP_WORDS
        ):
            return x.index
        break
    return start


_YOU_RE = re.compile(r"\b(?:you|your|our|us)\b", re.I)


def _trim_call_to_action(lines: list[Line], start: int, end: int) -> int:
    """A newsletter or membership pitch right after the article: a short
    piece of prose addressed to the reader, cut off from the article by a
    label line and running straight into form fields. Dropped from the end."""
    last = end
    while last > start and lines[last].kind in PROSE:
        last -= 1
    island = lines[last + 1 : end + 1]
    if last <= start or not island or lines[last].kind in PROSE:
        return end
    after = lines[end + 1] if end + 1 < len(lines) else None
    if (
        sum(ln.words for ln in island) < 45
        and any(_YOU_RE.search(ln.text) for ln in island)
        and after is not None
        and after.para == island[-1].para
        and after.kind not in PROSE
    ):
        return back_to_prose(lines, start, last)
    return end


def _take_closing_sentences(lines: list[Line], end: int) -> int:
    """Short closing sentences right after the body: a note on dates, the
    author's bio line ("Jane Doe is the paper's ... correspondent."), a
    last word ("That is the plan."), a lead-in to a video ("... below:")."""
    while (
        end + 1 < len(lines)
        and lines[end + 1].kind in (Kind.SHORT, Kind.MID)
        and (lines[end + 1].end or lines[end + 1].colon)
        and lines[end + 1].words >= 4
        and not lines[end + 1].bullet
        and not lines[end + 1].repeated
    ):
        end += 1
        lines[end].kind = Kind.NEAR
    return end


def _to_end_of_list(lines: list[Line], end: int) -> int:
    """A list is one piece: when the region ends inside one (a long list of
    notes), it goes on over the list's further items while they read like
    sentences or are more than a link (one odd item among them aside)."""
    if not lines[end].bullet:
        return end
    level = lines[end].indent

    def item(k: int) -> bool:
        return (
            k < len(lines)
            and lines[k].bullet
            and lines[k].gap < 2
            and lines[k].indent >= level - 1
            and not lines[k].repeated
        )

    def sentence(k: int) -> bool:
        ln = lines[k]
        return ln.end or ln.kind in SENTENCE_LIKE or (ln.words >= 5 and ln.links < LINKY)

    while item(end + 1) and (sentence(end + 1) or (item(end + 2) and sentence(end + 2))):
        end += 1
    return end
