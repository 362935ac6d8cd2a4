"""Chrome told by context: rules that demote a line's kind, or lower what it
adds to the article region, by the lines around it and the page's shape.

Each rule is told by a shape that repeats or by what a line says to the
reader, never by phrases copied from one site: a short line in three places
("Reply", "Share"), text written twice (a picture's alt text and caption),
a site's notices (a cookie banner, a newsletter box) and its furniture
(furniture.py), the block under a "Related" heading and the headlines under
any label of other stories, teaser chains (a headline and a short summary,
again and again) and feeds (summaries cut off with "…", teasers.py), other
stories' kickers over their headlines, and a gallery's slides. A line that
is chrome by what it says is never kept, even on a page kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from margin.ingest.furniture import is_count, is_furniture, is_other_stories_label, kicker_pairs
from margin.ingest.notices import is_site_notice
from margin.ingest.teasers import teaser_feed
from margin.ingest.text.lines import PROSE, SENTENCE_LIKE, WORD_RE, Kind, Line, value

_CODE_RE = re.compile(r"[{};=\u2500-\u257f]|\w\(|^(?://|#|/\*|--)|[;{(,\[]$|\t")


def mark_chrome(lines: list[Line], linked: bool) -> list[int]:
    """Demote the lines that context shows to be chrome (or code); the
    lines that echo a sentence found in three places are returned."""
    _mark_code(lines)
    places = _places(lines)
    _mark_repeated(lines, places)
    echoes = _echoes(lines, places)
    _mark_written_twice(lines)
    _mark_written_twice_on_one_line(lines)
    _mark_said(lines)
    _mark_newsletter_boxes(lines)
    _mark_related(lines)
    _mark_teaser_feed(lines)
    # Other stories' kickers and headlines: never kept, but weighed for the
    # region as their lines are (the article may go on after them).
    for i in kicker_pairs([None if ln.kind is Kind.CODE else ln.text for ln in lines]):
        lines[i].said = True
    if linked:
        _mark_plain_lists(lines)
    return echoes


def _mark_said(lines: list[Line]) -> None:
    """A site's notices to its readers, its furniture and a lone count (not
    a number over the text it heads, nor one of a column of figures):
    chrome by what they say."""
    counts = [is_count(ln.text) for ln in lines]
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        column = (k and counts[k - 1]) or (nxt is not None and counts[k + 1])
        count = counts[k] and not column and (nxt is None or nxt.kind not in SENTENCE_LIKE)
        if is_site_notice(ln.text, ln.words) or (
            ln.kind is not Kind.CODE and (count or is_furniture(ln.text, ln.words))
        ):
            ln.kind, ln.said = Kind.BAD, True


def line_values(lines: list[Line], echoes: list[int], linked: bool) -> list[float]:
    """What each line adds to the article region, context counted."""
    values = [value(ln) for ln in lines]
    for i in echoes:
        values[i] = 0.0
    _discount_teasers(lines, values, linked)
    _discount_gallery(lines, values)
    return values


def chains(indices: Iterable[int], reach: int) -> Iterator[list[int]]:
    """Runs of indices each within ``reach`` of the one before."""
    chain: list[int] = []
    for i in indices:
        if chain and i - chain[-1] <= reach:
            chain.append(i)
            continue
        if chain:
            yield chain
        chain = [i]
    if chain:
        yield chain


def _mark_code(lines: list[Line]) -> None:
    """Blocks of code or tabular output (several lines of one paragraph,
    many with code punctuation, few sentences) are neither prose nor chrome."""
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1].para == lines[i].para:
            j += 1
        group = lines[i : j + 1]
        if _is_code(group):
            for g in group:
                g.kind = Kind.CODE
        i = j + 1


def _is_code(group: list[Line]) -> bool:
    n = len(group)
    codeish = sum(bool(_CODE_RE.search(g.text)) for g in group)
    # A <pre> keeps its own indentation: lines at several depths, some
    # at the margin, where a save's own blocks would all line up.
    indents = {g.indent for g in group if not g.bullet}
    return (
        n >= 3
        and (codeish >= 0.5 * n or (codeish >= 0.25 * n and len(indents) >= 2 and 0 in indents))
        and sum(g.kind in PROSE for g in group) <= 0.2 * n
        and sum(g.bullet for g in group) <= 0.2 * n
    )


def _headline(ln: Line) -> bool:
    """A Title Case line: another story's headline."""
    return ln.caps >= 0.6 and not ln.end


def _places(lines: list[Line]) -> dict[str, set[int]]:
    """The paragraphs each short line, sentence or headline appears in.
    (Repeats inside one block, as in code, don't count.)"""
    places: dict[str, set[int]] = {}
    for ln in lines:
        if ln.words <= 8 or ln.kind in PROSE or _headline(ln):
            places.setdefault(ln.text.lower(), set()).add(ln.para)
    return places


def _mark_repeated(lines: list[Line], places: dict[str, set[int]]) -> None:
    """The same short line in three places: "Reply", "Share", "Read more"."""
    for ln in lines:
        if ln.words > 8 and not _headline(ln):
            continue
        if len(places[ln.text.lower()]) >= 3 and ln.kind is not Kind.CODE:
            ln.repeated = True
            if ln.kind is not Kind.RULE:
                ln.kind = Kind.BAD


def _echoes(lines: list[Line], places: dict[str, set[int]]) -> list[int]:
    """A sentence in three places (a form's "If you signed up with Facebook,
    sign in with it instead.") counts for the article region once, at its
    first copy: the indices of the other copies."""
    echoes: list[int] = []
    for ln in lines:
        if ln.words > 8 and not _headline(ln):
            seen = places.get(ln.text.lower(), ())
            if len(seen) >= 3 and ln.para > min(seen):
                echoes.append(ln.index)
    return echoes


def _mark_written_twice(lines: list[Line]) -> None:
    """A headline written twice in a row (a teaser's image and its link):
    another story, not the article's text."""
    for a, b in zip(lines, lines[1:], strict=False):
        if a.text == b.text and 3 <= a.words <= 40 and a.kind in (*SENTENCE_LIKE, Kind.SHORT):
            a.kind = b.kind = Kind.BAD


def _mark_written_twice_on_one_line(lines: list[Line]) -> None:
    """... or on one line: a picture's alt text and then its caption (a
    gallery's slides), a teaser's image and headline, a date shown twice."""
    for ln in lines:
        if ln.words >= 6 and ln.words % 2 == 0 and ln.kind is not Kind.CODE:
            words = WORD_RE.findall(ln.text)
            half = len(words) // 2
            if len(words) % 2 == 0 and words[:half] == words[half:]:
                ln.kind = Kind.BAD


_BARE_BULLETS = ("*", "o", "+", "#", "-", "•")


def _mark_plain_lists(lines: list[Line]) -> None:
    """Lists without links in a save that writes links: menus, topic lists
    and other stories' headlines are links, so a list of four or more
    items of a few words each, hardly any of them linked, is the article's
    own (a changelog, the steps of a recipe), even without a lead-in."""
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].bullet:
            i += 1
            continue
        j = i
        while j + 1 < n and lines[j + 1].bullet and lines[j + 1].gap < 2:
            j += 1
        for it in _plain_items(lines, i, j):
            it.listed = True
        i = j + 1


def _plain_items(lines: list[Line], i: int, j: int) -> list[Line]:
    """The items of the list lines[i..j] that make it the article's own
    (none when it is a menu)."""
    items = lines[i : j + 1]
    free = [it for it in items if not it.links and it.words >= 2 and it.kind is not Kind.CODE]
    # After a lead-in ("What you'll need:", "Ingredients:") the items
    # may be single words: a list of tools, not a menu.
    lead = lines[i - 1] if i else None
    led_in = lead is not None and lead.colon and not lead.links and not lead.bullet
    if led_in and len(items) >= 3 and not any(it.links for it in items):
        free = [it for it in items if it.kind is not Kind.CODE]
    if (
        len(items) >= 4
        and len(free) >= 0.8 * len(items)
        and (led_in or sum(it.words for it in items) >= 4 * len(items))
    ):
        return free
    return []


def _mark_related(lines: list[Line]) -> None:
    """Under a label of other stories ("Related coverage", "Most read",
    "From our partners"; furniture.py): the block right under it, its lines
    run together (a headline and its summary, then the next), and a run of
    headlines (short, no final full stop) however they are set out: other
    stories, however much they read like running text. (The run keeps the
    weight its lines have for the article's region: the article may go on
    after it, or end before it.)"""
    for ln in lines:
        if ln.links >= 0.5 or not is_other_stories_label(ln.text, ln.words):
            continue
        block = [x for x in lines[ln.index + 1 : ln.index + 13] if x.para == ln.para + 1]
        if len(block) >= 2:
            for x in block:
                if x.kind in SENTENCE_LIKE:
                    x.kind = Kind.SHORT
        run = _headline_run(lines, ln.index + 1)
        if len(run) >= _HEADLINE_RUN:
            for x in (ln, *run):
                x.said = True


_HEADLINE_RUN = 2  # headlines under a label that make a block of other stories


def _headline_run(lines: list[Line], k: int) -> list[Line]:
    """The headlines in a row from line ``k``: short lines that do not end
    like a sentence, up to two blank lines (a heading of the article's own)."""
    run: list[Line] = []
    for x in lines[k:]:
        if x.end or x.colon or x.words > _HEADLINE_WORDS or x.kind in (Kind.GOOD, Kind.CODE):
            break
        if run and x.gap >= 2:
            break
        if x.kind is not Kind.RULE:
            run.append(x)
    return run


_HEADLINE_WORDS = 20


# A newsletter box: its button or field ("Subscribe", "Email address") and,
# around it, its pitch ("Get the best stories delivered to your inbox").
_SIGN_UP_BUTTON_RE = re.compile(
    r"(?:^|\s)(?:subscribe(?:\s+now)?|sign\s+(?:me\s+)?up(?:\s+now)?|join|e-?mail(?:\s+address)?"
    r"|your\s+e-?mail(?:\s+address)?|e-?mail\s*\(required\)|newsletters?|(?:jetzt\s+)?abonnieren"
    r"|s'abonner|je\s+m'abonne|suscr[íi]bete|suscribirse|inscrivez-vous|anmelden)\W*$",
    re.I,
)
_PITCH_RE = re.compile(
    r"\b(?:newsletters?|inbox|sign(?:ing)?\s+up|subscribe|unsubscribe|abonnieren|abonnez"
    r"|inscrivez|suscr[íi]b\w+|désabonn\w*|abmelden)\b",
    re.I,
)
_BOX_REACH = 4


def _mark_newsletter_boxes(lines: list[Line]) -> None:
    """The lines of a newsletter box are chrome, however much its pitch
    reads like running text."""
    for ln in lines:
        # (the label last on its line: "Email Newsletter", a form's token first)
        if ln.words > 3 or not _SIGN_UP_BUTTON_RE.search(ln.text):
            continue
        i = ln.index
        near = lines[max(0, i - _BOX_REACH) : i + _BOX_REACH + 1]
        pitch = [
            x.index for x in near if x.words <= 45 and _PITCH_RE.search(x.text) and x is not ln
        ]
        if not pitch:
            continue
        lo, hi = min(pitch[0], i), max(pitch[-1], i)
        for x in lines[lo : hi + 1]:
            if x.words <= 45 and x.kind is not Kind.CODE:
                x.kind = Kind.BAD


def _mark_teaser_feed(lines: list[Line]) -> None:
    """Other posts' summaries, each cut off with "…" or a "Read more" link,
    three or more close together (teasers.py), and the headline right above
    each: chrome, however much they read like running text."""
    texts = [None if ln.kind is Kind.CODE else ln.text for ln in lines]
    for i in teaser_feed(texts, _FEED_REACH):
        lines[i].kind, lines[i].said = Kind.BAD, True
        above = lines[i - 1] if i else None
        if above is not None and above.kind not in PROSE and not above.end and above.words <= 20:
            above.kind = Kind.BAD


_TEASER_REACH = 6  # lines between two teasers of one chain
TEASER_VALUE = 0.3  # what a teaser's summary adds to the article region at most
_FEED_REACH = 12  # lines between two cut-off teasers of one feed (with the story between)


def _discount_teasers(lines: list[Line], values: list[float], linked: bool) -> None:
    """Other stories' teasers: a headline, one short paragraph, a headline,
    one short paragraph... Paragraphs alone between headline-like lines,
    three or more close together, count little towards the article region."""
    lone = (i for i in range(len(lines)) if _lone_teaser(lines, i, linked))
    for chain in chains(lone, _TEASER_REACH):
        if len(chain) >= 3:
            for j in chain:
                values[j] = min(values[j], TEASER_VALUE)


def _lone_teaser(lines: list[Line], i: int, linked: bool) -> bool:
    """Line i is a short paragraph alone under a headline-like line."""
    ln = lines[i]
    if ln.kind not in PROSE or ln.words >= 70:
        return False
    before = lines[i - 1] if i else None
    after = lines[i + 1] if i + 1 < len(lines) else None
    headline = any(
        x.kind not in PROSE and (x.gap >= 2 or (x.caps >= 0.6 and x.words >= 3))
        for x in lines[max(0, i - 2) : i]
    )
    if linked and headline:
        # In a save that writes links, a teaser leads somewhere: its
        # headline is a link, or a "Read more" link follows it. A
        # heading over a section of one paragraph is neither.
        headline = any(x.links >= 0.5 for x in lines[max(0, i - 2) : i] if x.kind not in PROSE) or (
            after is not None and after.links >= 0.5 and after.words <= 8
        )
    return headline and all(_teaser_edge(x, x is before) for x in (before, after))


def _teaser_edge(x: Line | None, before: bool) -> bool:
    """The line before or after a teaser's summary is not the article's."""
    return (
        x is None
        or x.text in _BARE_BULLETS  # the next item of a list of teasers
        or (x.kind not in (*PROSE, Kind.RULE, Kind.CODE) and not x.end)
        # the teaser's picture caption, between its headline and summary
        or (before and x.kind in (Kind.SHORT, Kind.MID) and x.words <= 12 and x.gap < 2)
    )


_COUNTER_AT_START_RE = re.compile(r"^(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b")
_SLIDE_LINES = 4  # a slide: its counter line and the lines under it


def _discount_gallery(lines: list[Line], values: list[float]) -> None:
    """A gallery of pictures: "3/50 A headline", a caption, a credit, then
    "4/50 ...", three or more slides counted out of the same total. The
    slides (counter line and the few lines under it) are not the article."""
    slides: dict[str, list[int]] = {}
    for ln in lines:
        m = _COUNTER_AT_START_RE.match(ln.text)
        if m and 0 < int(m.group(1)) <= int(m.group(2)):
            slides.setdefault(m.group(2), []).append(ln.index)
    for heads in slides.values():
        if len(heads) < 3:
            continue
        for k, h in enumerate(heads):
            stop = heads[k + 1] if k + 1 < len(heads) else h + _SLIDE_LINES
            for i in range(h, min(stop, h + _SLIDE_LINES, len(lines))):
                lines[i].slide = True
                values[i] = 0.0  # neither article nor chrome: the article may go on after it
                if lines[i].kind in SENTENCE_LIKE:
                    lines[i].kind = Kind.SHORT


def link_lists(lines: list[Line]) -> list[Line]:
    """Lines that are links in a list of links: a menu, a list of stories
    (a list item that is a link, or three or more link lines in a row)."""
    out: list[Line] = []
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and ln.links >= 0.5 and (not run or ln.para == run[-1].para):
            run.append(ln)
            continue
        out.extend(x for x in run if len(run) >= 3 or x.bullet)
        run = [ln] if ln is not None and ln.links >= 0.5 else []
    return out


def menu_runs(lines: list[Line]) -> list[Line]:
    """Lines in runs of three or more short lines that are not sentences:
    what menus, topic lists and footers look like without their links."""
    out: list[Line] = []
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and ln.kind in (Kind.SHORT, Kind.BAD) and ln.words <= 12 and not ln.end:
            run.append(ln)
            continue
        if len(run) >= 3:
            out.extend(run)
        run = []
    return out
