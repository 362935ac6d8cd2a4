"""Readers' comments: prose under short dated lines (a name and a date
heading each comment), three or more close together, or after a comments
heading ("12 Comments", "Kommentare"). Running text, but not the article.
"""

from __future__ import annotations

import re

from margin.ingest.text.byline import is_dateline
from margin.ingest.text.chrome import chains
from margin.ingest.text.forms import reply_form
from margin.ingest.text.lines import PROSE, Kind, Line, back_to_prose, prose_words

# An embedded post's attribution, under the post: "— Jane Doe (@jane) 25
# September 2018". Dated like a comment's heading, but not one.
_EMBED_CREDIT_RE = re.compile(r"\(@\w+\)")
_COMMENT_REACH = 15  # lines a comment runs under its heading (to the next one, or past the last)
# The heading over readers' comments: "Comments", "12 Comments", "Reader
# comments (5)", "Comentarios", "78 commentaires", "Kommentare".
_COMMENTS_HEADING_RE = re.compile(
    r"^(?:(?:\d[\d,.]*\s+)?(?:readers?['’]?\s+|user\s+)?"
    r"(?:comments|responses|discussion|comentarios|commentaires|kommentare|commenti"
    r"|komentáře|comentários)"
    r"|\d[\d,.]*\s+(?:comment|response|comentario|commentaire|kommentar|commento))"
    r"(?:\s*[(\[]?\d[\d,.]*[)\]]?)?(?:\s+total)?\W*$",
    re.I,
)
# ... or naming the article: "5 thoughts on “Title”", "2 Gedanken zu „Titel“".
_COMMENTS_ON_RE = re.compile(
    r"^\d[\d,.]*\s+(?:thoughts?|comments?|responses?|repl(?:y|ies)|gedanken|kommentare?"
    r"|antworten|commentaires?|réponses?|comentarios?|respuestas?|commenti|risposte)"
    r"\s+(?:on|to|zu|auf|sur|à|a|en|para|su)\s+\S",
    re.I,
)
_BODY_WORDS = 100  # running text before comments can start: the article's
_BREAK = -2.0
_FORM_BODY_WORDS = 40  # running text above a reply form: an article it is under  # what the chrome between the article and its comments adds at most


def heads_comment(lines: list[Line], k: int, last: int, reach: int) -> bool:
    """Line k is a dated line over a comment: running text follows within
    ``reach`` lines (up to line ``last``)."""
    ln = lines[k]
    if ln.kind is Kind.CODE or not is_dateline(ln) or _EMBED_CREDIT_RE.search(ln.text):
        return False
    if "\t" in ln.text:  # a row of a table (an episode list's air dates)
        return False
    return any(x.kind in PROSE for x in lines[k + 1 : min(last, k + reach) + 1])


def comment_chains(lines: list[Line]) -> tuple[list[int], list[list[int]]]:
    """(every dated line over prose, the runs of three or more of them close
    together: readers' comments' headings)."""
    heads = [ln.index for ln in lines if heads_comment(lines, ln.index, len(lines), 2)]
    return heads, [c for c in chains(heads, _COMMENT_REACH) if len(c) >= 3]


def discount_comments(
    lines: list[Line], values: list[float], comments: tuple[list[int], list[list[int]]]
) -> None:
    """Readers' comments (``comments``: what comment_chains finds): prose
    under short dated lines, three or more close together, counts for
    nothing towards the article region; nor does what follows a reply form
    under running text (forms.py)."""
    form = reply_form(lines)
    if form is not None and prose_words(lines, 0, form) >= _FORM_BODY_WORDS:
        for k in range(form, len(lines)):
            values[k] = min(values[k], 0.0)
    heads, runs = comments
    for chain in runs:
        # Past the article, a comment section runs on to the last dated
        # heading, however long a comment between two of them.
        before = sum(x.words for x in lines[: chain[0]] if x.kind in PROSE)
        last = heads[-1] if before >= 150 else chain[-1]
        for k in range(chain[0], min(len(lines), last + _COMMENT_REACH)):
            if lines[k].kind in PROSE:
                values[k] = min(values[k], 0.0)


def end_before_comments(lines: list[Line], values: list[float], start: int, end: int) -> int:
    """The region ends before readers' comments: at a reply form or a
    comments heading, or past a clear break (a run of chrome lines) before
    three or more short dated lines over prose."""
    at = reply_form(lines)
    if at is None or not start < at <= end:
        at = _comments_heading(lines, start, end)
    if at is None:
        at = _comment_section(lines, values, start, end)
    return end if at is None else back_to_prose(lines, start, at - 1)


def _comments_heading(lines: list[Line], start: int, end: int) -> int | None:
    for ln in lines[start + 1 : end + 1]:
        if (
            ln.kind not in (Kind.GOOD, Kind.CODE)
            # (a link, unless the save writes it as a heading: "35 Comments »")
            and (ln.links < 0.5 or (ln.gap >= 2 and ln.indent >= 2))
            and is_comments_heading(ln)
            and prose_words(lines, start, ln.index) >= _BODY_WORDS
        ):
            return ln.index
    return None


def is_comments_heading(ln: Line) -> bool:
    """ "Comments", "12 Comments", "5 thoughts on “Title”"."""
    if ln.words <= 6 and _COMMENTS_HEADING_RE.match(ln.text):
        return True
    return ln.words <= 40 and _COMMENTS_ON_RE.match(ln.text) is not None


def _comment_section(lines: list[Line], values: list[float], start: int, end: int) -> int | None:
    """Where the break before a comment section starts, if there is one."""
    i = start
    while i <= end:
        if lines[i].kind in PROSE:
            i += 1
            continue
        j = i
        while j + 1 <= end and lines[j + 1].kind not in PROSE:
            j += 1
        if sum(values[i : j + 1]) <= _BREAK and prose_words(lines, start, i) >= _BODY_WORDS:
            headers = sum(heads_comment(lines, k, end, 3) for k in range(j + 1, end + 1))
            if headers >= 3:
                return i
        i = j + 1
    return None
