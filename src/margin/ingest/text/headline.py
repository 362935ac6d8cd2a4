"""A text save's title: the line the page title matches, else the heading
as a browser's save writes it, else the prominent short line just before
the body; and its standfirst, the sentence or two set apart under it.
"""

from __future__ import annotations

import re

from margin.ingest.text.byline import is_byline, is_dateline
from margin.ingest.text.lines import PROSE, SENTENCE_LIKE, SEPARATORS_RE, WORD_RE, Kind, Line

_TITLE_SPLIT_RE = re.compile(r"\s+[|\-–—:·»/\\]+\s+")
_SEP_RE = re.compile(r"\s[|\-–—\\/>»]\s")
_CANDIDATE_REACH = 14  # lines before the body where a prominent short line is looked for
_TITLE_REACH = 100  # lines before the body where a top-level heading is looked for


def page_title_line(lines: list[Line]) -> Line | None:
    """The page title: a lone first line, as browsers write the document title."""
    if len(lines) < 2 or lines[1].para == lines[0].para:
        return None
    return lines[0] if 1 <= lines[0].words <= 40 else None


def find_title(
    lines: list[Line], body_start: int, page_title: Line | None
) -> tuple[int | None, str]:
    """(index of the title line or None, title)."""
    headings: list[str] = []
    if page_title is not None:
        headings = [ln.text for ln in lines[1 : body_start + 3] if 1 <= ln.words <= 40]
        matched = _matching_page_title(lines, body_start, page_title)
        if matched is not None:
            return matched.index, _article_title(page_title.text, headings)
    headed = _save_heading(lines, body_start)
    if headed is not None:
        return headed.index, headed.text
    if page_title is not None and page_title.words >= 3 and not page_title.text.isupper():
        return None, _article_title(page_title.text, headings)
    best = _prominent_line(lines, body_start, page_title)
    if best is not None:
        return best.index, best.text
    return None, page_title.text if page_title is not None else ""


def _match_key(s: str) -> str:
    return " ".join(w.lower() for w in WORD_RE.findall(s))


def _matching_page_title(lines: list[Line], body_start: int, page_title: Line) -> Line | None:
    """The longest line before the body that the page title holds (the
    whole title, a part between its separators, or a long part of it)."""
    pkey = _match_key(page_title.text)
    parts = [_match_key(p) for p in _TITLE_SPLIT_RE.split(page_title.text)]
    matches = [
        ln
        for ln in lines[: body_start + 3]
        if ln is not page_title
        and 2 <= ln.words <= 40
        and (key := _match_key(ln.text))
        and (key == pkey or key in parts or (len(key) >= 15 and key in pkey))
    ]
    return max(matches, key=lambda ln: (len(ln.text), ln.index)) if matches else None


def _save_heading(lines: list[Line], body_start: int) -> Line | None:
    """A heading as a browser's save writes it (after two blank lines,
    indented by its level): the top-level one nearest the body."""
    lo = max(0, body_start - _CANDIDATE_REACH)
    headed = [
        ln
        for ln in lines[max(0, body_start - _TITLE_REACH) : body_start]
        if ln.gap >= 2
        and ln.indent >= 2
        and 1 <= ln.words <= 30
        and not ln.bullet
        and (ln.indent == 2 or ln.index >= lo)
        and is_byline(ln) is None
        and not is_dateline(ln)
    ]
    return min(headed, key=lambda ln: (ln.indent, -ln.index)) if headed else None


def _prominent_line(lines: list[Line], body_start: int, page_title: Line | None) -> Line | None:
    """The short line just before the body that looks most like a headline:
    Title Case, a few words, close to the body, not a sentence (nor the
    longer, sentence-like line right under a shorter candidate: that is the
    headline's standfirst)."""
    best_score, best_ln = 0.0, None
    for ln in lines[max(0, body_start - _CANDIDATE_REACH) : body_start]:
        if not _title_candidate(ln, page_title) or _under_a_headline(lines, ln, page_title):
            continue
        if ln.words < 3 or (ln.end and not ln.text.endswith("?")) or ln.colon:
            continue
        if ln.text.isupper():
            continue
        score = 1.0 + ln.caps + min(ln.words, 14) / 14 - 0.02 * (body_start - ln.index)
        if ln.stop > 0.35:
            score -= 0.5
        if score > best_score:
            best_score, best_ln = score, ln
    return best_ln


def _under_a_headline(lines: list[Line], ln: Line, page_title: Line | None) -> bool:
    """``ln`` reads as a sentence and stands right under a shorter line that
    could be the headline."""
    above = lines[ln.index - 1] if ln.index else None
    return (
        above is not None
        and ln.kind in SENTENCE_LIKE
        and _title_candidate(above, page_title)
        and 3 <= above.words < ln.words
        and not above.end
        and not above.text.isupper()  # a kicker over the headline
    )


def _title_candidate(ln: Line, page_title: Line | None) -> bool:
    return (
        not ln.bullet
        and not ln.said
        and 2 <= ln.words <= 30
        and ln.kind is not Kind.RULE
        and not SEPARATORS_RE.search(ln.text)
        and is_byline(ln) is None
        and not is_dateline(ln)
        and (ln is not page_title)
    )


def _article_title(orig: str, headings: list[str]) -> str:
    """The article title in a page title, the way readers (Readability) cut
    it: the site name after a separator dropped unless too little is left."""
    orig = " ".join(orig.split())

    def wc(t: str) -> int:
        return len(t.split())

    cur = orig
    hierarchical = bool(re.search(r"\s[\\/>»]\s", orig))
    if _SEP_RE.search(orig):
        cur = orig[: [m.start() for m in _SEP_RE.finditer(orig)][-1]]
        if wc(cur) < 3:
            cur = orig[_SEP_RE.search(orig).end() :]  # type: ignore[union-attr]
    elif ": " in orig:
        if orig not in headings:
            cur = orig[orig.rfind(":") + 1 :]
            if wc(cur) < 3:
                cur = orig[orig.find(":") + 1 :]
            elif wc(orig[: orig.find(":")]) > 5:
                cur = orig
    elif (len(orig) > 150 or len(orig) < 15) and len(headings) == 1:
        cur = headings[0]
    cur = " ".join(cur.split())
    n = wc(cur)
    if n <= 4 and (not hierarchical or n != wc(re.sub(r"[|\-–—\\/>»]+", "", orig)) - 1):
        cur = orig
    return cur


_DEK_WORDS = (6, 50)  # a standfirst is a sentence or two, not a paragraph of the story
# Over a byline it may run to 50 words; over other chrome (a caption, the
# authors' cards) a longer line is more likely the story's lead.
_DEK_OVER_CHROME = 30


def find_dek(lines: list[Line], title_at: int | None, meta: set[int], end: int) -> Line | None:
    """The standfirst: the first line under the headline (past the byline
    and dates, ``meta``) when it is a sentence or two standing alone and set
    apart from the story by a byline or a date, or (when shorter) by a line
    that is not running text (a picture's caption, a share bar). A lead
    that runs straight on into the story is the story's, and so is a
    section's one paragraph under a heading that a save took for the title,
    and a story's only paragraph (no running text after it, up to ``end``)."""
    if title_at is None:
        return None
    k = title_at + 1
    while k < len(lines) and k in meta:
        k += 1
    if k >= len(lines):
        return None
    ln = lines[k]
    before, after = lines[k - 1], lines[k + 1] if k + 1 < len(lines) else None
    alone = before.para != ln.para and (after is None or after.para != ln.para)
    if not (
        alone
        and any(x.kind in PROSE for x in lines[k + 1 : end + 1])
        and _DEK_WORDS[0] <= ln.words <= _DEK_WORDS[1]
        and ln.kind in SENTENCE_LIKE
        and not ln.bullet
        and ln.links < 0.5
        and is_byline(ln) is None
        and not is_dateline(ln)
    ):
        return None
    if after is None or after.index in meta:
        return ln
    return ln if ln.words <= _DEK_OVER_CHROME and not _story_goes_on(after) else None


def _story_goes_on(ln: Line) -> bool:
    """The line after a standfirst's candidate carries the story on: running
    text, a lead-in (":") or a list, or a heading over the next section as
    a save writes one (blank lines before, a few words, no link)."""
    heading = ln.gap >= 2 and ln.kind is Kind.SHORT and not ln.repeated and ln.links < 0.5
    return ln.kind in PROSE or ln.colon or ln.bullet or heading
