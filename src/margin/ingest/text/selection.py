"""Inside the article's region, line by line: what is article, and as what
block (a paragraph, a heading, a list item, code).

Short lines are kept only by context: a heading right before running text,
list items led in by a sentence ending in ":", lines between two good
lines; runs of short headline-like lines (related stories, topic lists, job
titles) are dropped wherever they are.
"""

from __future__ import annotations

from margin.ingest.blocks import make_block
from margin.ingest.text.chrome import link_lists, menu_runs
from margin.ingest.text.forms import reply_form
from margin.ingest.text.lines import PROSE, SENTENCE_LIKE, Kind, Line
from margin.ingest.text.regions import Region
from margin.model import Block, BlockKind

_HEADING_WORDS = 16  # the longest a heading runs


def select(lines: list[Line], start: int, end: int, skip: set[int]) -> None:
    """Decide, line by line inside the region, what is article; ``skip``:
    the title, byline and dates, the lines between the article's pieces."""
    hard = set(skip)
    _keep_lists(lines, start, end, skip)
    skip = skip | _menu_lines(lines, start, end)
    for ln in lines[start : end + 1]:
        if ln.kind is Kind.CODE and ln.index not in skip:
            ln.keep = "code"
        elif not (ln.keep or ln.index in skip or ln.bullet):
            p = lines[ln.index - 1] if ln.index - 1 >= start else None
            n = lines[ln.index + 1] if ln.index + 1 <= end else None
            ln.keep = _keep_by_context(ln, p, n, skip)
    _readmit_lists(lines, start, end, hard)
    _readmit_headings(lines, start, end, hard)


def _keep_lists(lines: list[Line], start: int, end: int, skip: set[int]) -> None:
    """Runs of bulleted lines: a list, kept or dropped as a whole."""
    i = start
    while i <= end:
        ln = lines[i]
        if not ln.bullet or ln.index in skip:
            i += 1
            continue
        j = i
        # (two blank lines start something new: a heading, another list)
        while j + 1 <= end and lines[j + 1].bullet and lines[j + 1].gap < 2:
            j += 1
        items = lines[i : j + 1]
        after = lines[j + 1] if j + 1 <= end else None
        lead = lines[i - 1] if i - 1 >= start else None
        if len(items) == 1 and _listicle_heading(ln, after):
            ln.keep = "heading"
        elif _article_list(items, lead):
            for it in items:
                it.keep = "list_item"
        i = j + 1


def _listicle_heading(ln: Line, after: Line | None) -> bool:
    """A numbered line alone over running text: the heading of one point
    of a listicle ("3. Check the smoke alarm")."""
    return (
        bool(ln.number)
        and after is not None
        and after.kind in PROSE
        and not after.bullet
        and 1 <= ln.words <= _HEADING_WORDS
        and (not ln.end or ln.text.endswith("?"))
    )


def _article_list(items: list[Line], lead: Line | None) -> bool:
    """An article's list is led in ("...:") or made of sentences; a block
    of other stories' headlines under a label is neither."""
    count = len(items)
    led_in = lead is not None and (lead.colon or lead.kind in PROSE)
    sentences = sum(it.kind in SENTENCE_LIKE for it in items)
    ended = sum(it.end for it in items)
    return (
        (led_in and sentences >= 0.5 * count)
        or all(it.listed for it in items)
        or ended >= 0.5 * count
        or (count >= 8 and sentences >= 0.5 * count)
    )


def _menu_lines(lines: list[Line], start: int, end: int) -> set[int]:
    """Runs of three or more short lines that are not sentences: menus,
    topic lists, job titles, other stories' headlines."""
    out: set[int] = set()
    run: list[Line] = []
    for maybe in [*lines[start : end + 1], None]:
        if (
            maybe is not None
            and not maybe.bullet
            and maybe.kind in (Kind.SHORT, Kind.BAD)
            and not maybe.end
        ):
            run.append(maybe)
            continue
        if len(run) >= 3:
            out.update(r.index for r in run)
        run = []
    return out


def _keep_by_context(ln: Line, p: Line | None, n: Line | None, skip: set[int]) -> BlockKind | None:
    """What a line that is not a list item becomes, by the lines around it
    (``p`` before, ``n`` after, inside the region)."""
    if ln.kind in PROSE:
        return "paragraph"
    if ln.kind is Kind.MID:
        # A sentence-like fragment counts next to running text only.
        near_text = any(
            x is not None and (x.kind in PROSE or x.keep or x.kind is Kind.MID) for x in (p, n)
        )
        return "paragraph" if near_text else None
    if ln.kind in (Kind.RULE, Kind.BAD):
        return None
    if ln.colon and n is not None and n.kind is Kind.CODE and n.index not in skip:
        return "paragraph"  # the lead-in to a code block or a table
    if _heading_over_text(ln, n):
        return "heading"
    if _between_text(p, n):
        return "paragraph"
    return None


def _heading_over_text(ln: Line, n: Line | None) -> bool:
    """A heading: a short line before running text or a kept list."""
    return (
        n is not None
        and ((n.kind in PROSE and not n.bullet) or n.keep == "list_item")
        and 1 <= ln.words <= _HEADING_WORDS
        and (not ln.end or ln.text.endswith("?"))
    )


def _between_text(p: Line | None, n: Line | None) -> bool:
    """A short line between good lines: part of the text (a lead-in, a line
    of verse or code, a caption)."""
    return (
        p is not None
        and n is not None
        and bool(p.keep or (p.kind in PROSE and not p.bullet))
        and (n.keep == "list_item" or (n.kind in PROSE and not n.bullet))
    )


def _readmit_lists(lines: list[Line], start: int, end: int, hard: set[int]) -> None:
    """Second pass: a list dropped above whose items are sentence-like and
    whose bullets sit at the indentation of a list already kept."""
    region = lines[start : end + 1]
    list_indents = {ln.indent for ln in region if ln.keep == "list_item" and ln.indent}
    i = start
    while i <= end:
        ln = lines[i]
        if not ln.bullet or ln.keep or ln.index in hard:
            i += 1
            continue
        j = i
        while j + 1 <= end and lines[j + 1].bullet and not lines[j + 1].keep:
            j += 1
        items = [it for it in lines[i : j + 1] if it.index not in hard]
        sentences = sum(it.kind in SENTENCE_LIKE for it in items)
        if items and ln.indent in list_indents and sentences >= 0.5 * len(items):
            for it in items:
                if not it.repeated and it.kind is not Kind.RULE:
                    it.keep = "list_item"
        i = j + 1


def _readmit_headings(lines: list[Line], start: int, end: int, hard: set[int]) -> None:
    """Second pass: a line dropped above written like the headings already
    kept (blank lines before, the same indentation) right before kept text."""
    head_styles = {
        (ln.indent, ln.gap >= 2)
        for ln in lines[start : end + 1]
        if ln.keep == "heading" and ln.gap >= 2
    }
    for k in range(end, start - 1, -1):
        ln = lines[k]
        if ln.keep or ln.bullet or ln.repeated or ln.index in hard:
            continue
        n = lines[k + 1] if k + 1 <= end else None
        if (
            n is not None
            and n.keep in ("paragraph", "list_item", "heading")
            and (ln.indent, ln.gap >= 2) in head_styles
            and 1 <= ln.words <= _HEADING_WORDS
            and not ln.end
            and ln.kind not in (Kind.RULE, Kind.CODE)
        ):
            ln.keep = "heading"


def keep_whole(lines: list[Line], region: Region, skip: set[int], linked: bool) -> None:
    """A page kept whole: everything but clear chrome (``skip``: the title,
    byline and dates; link lines, repeats, a gallery's slides, what is
    chrome by what it says)."""
    if not linked:  # menus told by their shape alone
        skip = skip | {ln.index for ln in menu_runs(lines)}
    menus = {ln.index for ln in link_lists(lines)}
    for ln in lines[region.start : region.end + 1]:
        if ln.index in skip or ln.repeated or ln.index in menus or ln.kind is Kind.RULE:
            continue
        if ln.slide or ln.said:
            continue
        if ln.kind is Kind.CODE:
            ln.keep = "code"
        elif ln.bullet:
            ln.keep = "list_item"
        elif ln.gap >= 2 and ln.words <= _HEADING_WORDS and not ln.end:
            ln.keep = "heading"
        else:
            ln.keep = "paragraph"


def unstructured(lines: list[Line], region: Region, linked: bool) -> tuple[str, list[Block]]:
    """(title, blocks) of a page with no running text at all: everything
    kept as it is (a note, a poem) but what is chrome by what it says (a
    notice, the page's furniture) and what follows a reply form (forms.py),
    its first short line the title."""
    title = lines[0].text.replace("\t", " ") if lines[0].words <= 20 and len(lines) > 1 else ""
    body = lines[1:] if title else lines
    if lines[0].indent >= 2:  # a heading as the save writes it, not the page title
        body = lines
    if region.end >= region.start and not region.whole:
        body = lines[region.start : region.end + 1]  # a piece of short lines (a poem, lyrics)
    form = reply_form(lines)
    if form is not None:
        body = [ln for ln in body if ln.index < form]
    if linked:  # but a save that writes links shows its menus: not the text
        menus = {ln.index for ln in link_lists(lines)}
        body = [ln for ln in body if ln.index not in menus]
    return title, [
        make_block("paragraph", ln.text.replace("\t", " "))
        for ln in body
        if ln.kind is not Kind.RULE and not ln.said
    ]


def kept_blocks(lines: list[Line], start: int, end: int) -> list[Block]:
    """The kept lines of the region as blocks; a run of code lines is one."""
    blocks: list[Block] = []
    code: list[str] = []
    for ln in lines[start : end + 1]:
        if ln.keep == "code":
            code.append(ln.text)
            continue
        if code:
            blocks.extend(_code_blocks(code))
            code = []
        text = ln.text.replace("\t", " ")  # table cells run on outside a code block
        if ln.keep == "heading":
            text = f"{ln.number} {text}" if ln.number else text
            blocks.append(make_block("heading", text.rstrip(":"), 2))
        elif ln.keep == "list_item":
            blocks.append(make_block("list_item", text, 1))
        elif ln.keep:
            blocks.append(make_block("paragraph", text))
    if code:
        blocks.extend(_code_blocks(code))
    return blocks


def _code_blocks(code: list[str]) -> list[Block]:
    """A run of code lines: one code block, or a table's rows (the save puts
    a tab between cells) written as the HTML path writes them, "a | b"."""
    if all("\t" in c for c in code):
        return [make_block("table_row", " | ".join(c.split("\t"))) for c in code]
    return [make_block("code", "\n".join(code).expandtabs(4))]
