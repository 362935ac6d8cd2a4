"""Wrapping an article into display lines for :class:`ArticleView`.

Pure code (no widgets): it runs in a worker thread for long articles and is
cheap to rerun when the column width changes. Each display line remembers
which block it belongs to and which slice of ``Article.text`` it shows, so
entity, highlight and search offsets map straight onto lines. Spaces the
reader adds for display (a right-to-left paragraph's indent, a table cell's
padding) are recorded beside the text, never inserted into it; so are the
cut view's labels (a line of their own before a block, at its offset).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len

from margin.model import Article, Block
from margin.sanitize import visible
from margin.ui.text_direction import is_rtl
from margin.ui.widgets.article_tables import Pads, column_widths, row_pads
from margin.wording import counted, tag_line

# A word with its trailing spaces, or a run of leading spaces.
_TOKEN_RE = re.compile(r"[^ ]+ *| +")

#: Kinds of display line that are not body text.
TITLE, META, NOTE, BLANK, RULE = "title", "meta", "note", "blank", "rule"
#: The cut view's label line before a block margin drops, one the reader
#: cut, and one the reader kept.
MARK_DROPPED, MARK_CUT, MARK_KEPT = "mark-dropped", "mark-cut", "mark-kept"
MARK_KINDS = (MARK_DROPPED, MARK_CUT, MARK_KEPT)

#: Kinds of block aligned to the right when they read right to left.
RTL_KINDS = ("paragraph", "heading", "list_item", "quote", "caption")
#: Kinds of block that sit tight in a run of their own kind (no blank line).
TIGHT_KINDS = ("list_item", "table_row")

#: Block index -> the (highlight id, note, highlight start offset) shown with it.
NotesByBlock = dict[int, list[tuple[int, str, int]]]


@dataclass(frozen=True, slots=True)
class BlockMark:
    """How the cut view marks a block: a label line before it (plain text)
    of ``kind`` (one of MARK_KINDS); ``hidden``: margin does not show it
    outside the cut view, so its text is dimmed."""

    kind: str
    label: str
    hidden: bool


#: Block index -> its mark, for the blocks the cut view marks.
BlockMarks = Mapping[int, BlockMark]


@dataclass(slots=True)
class Line:
    """One display line. ``start``/``end`` are offsets into ``Article.text``."""

    kind: str
    block: int  # index into Article.blocks, -1 for title/meta lines
    start: int
    end: int
    text: str
    prefix: str = ""
    note_id: int | None = None
    #: Spaces shown before the prefix (a right-to-left line aligned right).
    indent: int = 0
    #: Spaces shown inside the text (a table cell padded to its column).
    pads: Pads = ()

    def index_at(self, cell: int) -> int:
        """Index into ``text`` of the character shown ``cell`` cells after the
        line's first cell (indent and prefix included), clamped to the text."""
        used = self.indent + _measure(self.prefix)
        pads = dict(self.pads)
        for index, char in enumerate(self.text):
            used += pads.get(index, 0)
            used += 1 if char.isascii() else cell_len(char)
            if cell < used:
                return index
        return max(0, len(self.text) - 1)


@dataclass(slots=True)
class Layout:
    width: int  # the column width the lines were wrapped to
    lines: list[Line] = field(default_factory=list)
    block_first_line: list[int] = field(default_factory=list)
    line_starts: list[int] = field(default_factory=list)  # non-decreasing
    #: Width of the notes beside the text (0: notes are NOTE lines under their paragraph).
    side_width: int = 0
    #: Line index -> (prefix, text, highlight id) of a note beside that line.
    side: dict[int, tuple[str, str, int]] = field(default_factory=dict)
    #: The blocks drawn dimmed (the cut view's hidden ones).
    hidden: frozenset[int] = frozenset()

    def line_for_offset(self, offset: int) -> int:
        """The display line showing the character at ``offset``."""
        if not self.lines:
            return 0
        index = bisect_right(self.line_starts, offset) - 1
        index = max(0, index)
        # a note under a paragraph starts where the paragraph ends: prefer the text
        while index > 0 and self.lines[index].kind == NOTE:
            index -= 1
        return index


def _measure(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _hard_split(text: str, base: int, width: int, out: list[tuple[int, int]]) -> int:
    """Split a word wider than ``width`` into chunks; returns the last chunk's width."""
    start = 0
    used = 0
    for index, char in enumerate(text):
        w = 1 if char.isascii() else cell_len(char)
        if used + w > width and index > start:
            out.append((base + start, base + index))
            start = index
            used = 0
        used += w
    out.append((base + start, base + len(text)))
    return used


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of one line of text; (start, end) slices of ``text``."""
    width = max(1, width)
    if _measure(text) <= width:
        return [(0, len(text))]
    lines: list[tuple[int, int]] = []
    ascii_text = text.isascii()
    line_start = 0
    used = 0
    for match in _TOKEN_RE.finditer(text):
        s, e = match.span()
        token = match.group()
        word = token.rstrip(" ")
        if ascii_text:
            word_w, token_w = len(word), len(token)
        else:
            word_w = cell_len(word)
            token_w = word_w + (len(token) - len(word))
        if used + word_w <= width:
            used += token_w
            continue
        if used > 0 and s > line_start:
            lines.append((line_start, s))
            line_start = s
            used = 0
        if word_w <= width:
            used = token_w
            continue
        # A word longer than the column (a URL, or CJK text without spaces).
        chunks: list[tuple[int, int]] = []
        last_w = _hard_split(word, s, width, chunks)
        lines.extend(chunks[:-1])
        line_start = chunks[-1][0]
        used = last_w + (len(token) - len(word))
    if line_start < len(text) or not lines:
        lines.append((line_start, len(text)))
    return lines


def _block_prefix(block: Block, all_blocks: Sequence[Block], index: int) -> tuple[str, str]:
    """(first-line prefix, continuation prefix) for a block."""
    kind = block.kind
    if kind == "list_item":
        indent = "  " * max(0, block.level - 1) if block.level > 1 else ""
        return indent + "• ", indent + "  "
    if kind == "quote":
        return "▌ ", "▌ "
    if kind == "code":
        return "  ", "  "
    if kind == "caption":
        return "  ", "  "
    return "", ""


def _wrap_block(block: Block, index: int, blocks: Sequence[Block], width: int) -> list[Line]:
    first_prefix, rest_prefix = _block_prefix(block, blocks, index)
    inner = max(8, width - _measure(first_prefix))
    kind = "heading" if block.kind == "heading" else block.kind
    lines: list[Line] = []
    text = block.text
    pos = 0
    # Hard line breaks (<br>, code lines) are kept; tabs are one cell wide so
    # that display columns and text offsets stay in step.
    for raw in text.split("\n"):
        piece = visible(raw)
        spans = _code_spans(piece, inner) if block.kind == "code" else wrap_offsets(piece, inner)
        for s, e in spans:
            shown = piece[s:e].rstrip(" ") if block.kind != "code" else piece[s:e]
            prefix = first_prefix if not lines else rest_prefix
            lines.append(
                Line(
                    kind,
                    index,
                    block.start + pos + s,
                    block.start + pos + s + len(shown),
                    shown,
                    prefix,
                )
            )
        pos += len(raw) + 1
    if not lines:
        lines.append(Line(kind, index, block.start, block.start, "", first_prefix))
    if block.kind in RTL_KINDS and is_rtl(text):
        for line in lines:
            line.indent = max(0, width - _measure(line.prefix) - _measure(line.text))
    return lines


def _table_row(block: Block, index: int, widths: list[int]) -> Line:
    """A table row on one line, each cell padded to its column's width."""
    text = visible(block.text)
    return Line(block.kind, index, block.start, block.end, text, pads=row_pads(text, widths))


def _aligned_tables(blocks: Sequence[Block], width: int) -> dict[int, list[int]]:
    """Block index -> its table's column widths, for each row of every run of
    table rows that fits ``width`` aligned."""
    aligned: dict[int, list[int]] = {}
    index = 0
    while index < len(blocks):
        if blocks[index].kind != "table_row":
            index += 1
            continue
        end = index
        while end < len(blocks) and blocks[end].kind == "table_row":
            end += 1
        widths = column_widths([visible(b.text) for b in blocks[index:end]], width)
        if widths is not None:
            aligned.update(dict.fromkeys(range(index, end), widths))
        index = end
    return aligned


def _code_spans(text: str, width: int) -> list[tuple[int, int]]:
    if _measure(text) <= width:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    _hard_split(text, 0, width, out)
    return out


def _meta_line(article: Article, tags: Sequence[str] = ()) -> str:
    parts: list[str] = []
    for value in (article.byline, article.site, article.published):
        value = " ".join((value or "").split())
        if value and value not in parts:
            parts.append(value)
    if article.reading_minutes:
        parts.append(f"{article.reading_minutes} min read")
    if article.word_count:
        parts.append(counted(article.word_count, "word"))
    if tags:
        parts.append(tag_line(tags))
    return " · ".join(parts)


def _head_lines(article: Article, width: int, tags: Sequence[str] = ()) -> list[Line]:
    """The title, the standfirst, the byline and the like, and a short rule under them."""
    lines: list[Line] = []
    title = visible(article.title or "Untitled")
    for s, e in wrap_offsets(title, width):
        lines.append(Line(TITLE, -1, 0, 0, title[s:e].rstrip(" ")))
    for text in (
        visible(" ".join((article.dek or "").split())),
        visible(_meta_line(article, tags)),
    ):
        for s, e in wrap_offsets(text, width) if text else ():
            lines.append(Line(META, -1, 0, 0, text[s:e].rstrip(" ")))
    lines.append(Line(RULE, -1, 0, 0, ""))
    lines.append(Line(BLANK, -1, 0, 0, ""))
    return lines


def _note_lines(note_id: int, note: str, block: int, at: int, width: int) -> list[Line]:
    """A note under its paragraph, wrapped; its lines sit at the paragraph's end ``at``."""
    note_text = visible(" ".join(note.split()))
    return [
        Line(NOTE, block, at, at, note_text[s:e].rstrip(" "), "  ✎ " if s == 0 else "    ", note_id)
        for s, e in wrap_offsets(note_text, max(8, width - 4))
    ]


def _mark_lines(mark: BlockMark, block: int, at: int, width: int) -> list[Line]:
    """The cut view's label of a block, wrapped; its lines sit at the block's start ``at``."""
    label = visible(mark.label)
    return [
        Line(mark.kind, block, at, at, label[s:e].rstrip(" "))
        for s, e in wrap_offsets(label, width)
    ]


def layout_article(
    article: Article,
    width: int,
    notes: Mapping[int, Sequence[tuple[int, str, int]]] | None = None,
    cancelled: Callable[[], bool] | None = None,
    side_width: int = 0,
    tags: Sequence[str] = (),
    marks: BlockMarks | None = None,
) -> Layout | None:
    """Wrap ``article`` to ``width`` cells; ``tags``: the article's, shown
    with its byline.

    ``notes`` maps a block index to the (highlight id, note, highlight start)
    shown with it: under the paragraph, or with ``side_width`` beside it, from
    the line where the highlight starts (pushed down below an earlier note).
    ``marks``: the cut view's label of a block, on a line before it (the
    block's first line, so the cursor covers it too).
    Returns None when ``cancelled()`` turns true part way (a newer layout is
    wanted).
    """
    marks = marks or {}
    hidden = frozenset(index for index, mark in marks.items() if mark.hidden)
    layout = Layout(width=width, side_width=side_width, hidden=hidden)
    lines = layout.lines
    lines.extend(_head_lines(article, width, tags))
    blocks = article.blocks
    first = layout.block_first_line
    notes = notes or {}
    tables = _aligned_tables(blocks, width)
    previous_kind = ""
    for index, block in enumerate(blocks):
        if cancelled is not None and index % 512 == 0 and cancelled():
            return None
        if index and not (block.kind == previous_kind and block.kind in TIGHT_KINDS):
            lines.append(Line(BLANK, index - 1, block.start, block.start, ""))
        previous_kind = block.kind
        first.append(len(lines))
        mark = marks.get(index)
        if mark is not None:
            lines.extend(_mark_lines(mark, index, block.start, width))
        widths = tables.get(index)
        if widths is not None:
            lines.append(_table_row(block, index, widths))
        else:
            lines.extend(_wrap_block(block, index, blocks, width))
        if not side_width:
            for note_id, note, _ in notes.get(index, ()):
                lines.extend(_note_lines(note_id, note, index, block.end, width))
    lines.append(Line(BLANK, len(blocks) - 1, len(article.text), len(article.text), ""))
    layout.line_starts = [line.start for line in lines]
    if side_width:
        _place_side_notes(layout, notes, side_width)
    return layout


def _place_side_notes(
    layout: Layout, notes: Mapping[int, Sequence[tuple[int, str, int]]], side_width: int
) -> None:
    lines = layout.lines
    free = 0  # the first line not yet taken by a note
    placed = sorted(
        (
            (max(layout.line_for_offset(offset), layout.block_first_line[block]), note_id, note)
            for block, items in notes.items()
            if block < len(layout.block_first_line)
            for note_id, note, offset in items
        ),
    )
    inner = max(8, side_width - 2)
    for line_index, note_id, note in placed:
        at = max(line_index, free)
        note_text = visible(" ".join(note.split()))
        for s, e in wrap_offsets(note_text, inner):
            while at >= len(lines):
                end = lines[-1].end
                lines.append(Line(BLANK, lines[-1].block, end, end, ""))
                layout.line_starts.append(end)
            layout.side[at] = ("✎ " if s == 0 else "  ", note_text[s:e].rstrip(" "), note_id)
            at += 1
        free = at + 1  # a blank line between two notes
