"""Wrapping an article into display lines for :class:`ArticleView`.

Pure code (no widgets): it runs in a worker thread for long articles and is
cheap to rerun when the column width changes. Each display line remembers
which block it belongs to and which slice of ``Article.text`` it shows, so
entity, highlight and search offsets map straight onto lines.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len

from margin.model import Article, Block
from margin.sanitize import visible

# A word with its trailing spaces, or a run of leading spaces.
_TOKEN_RE = re.compile(r"[^ ]+ *| +")

#: Kinds of display line that are not body text.
TITLE, META, NOTE, BLANK, RULE = "title", "meta", "note", "blank", "rule"

#: Block index -> the (highlight id, note, highlight start offset) shown with it.
NotesByBlock = dict[int, list[tuple[int, str, int]]]


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
    return lines


def _code_spans(text: str, width: int) -> list[tuple[int, int]]:
    if _measure(text) <= width:
        return [(0, len(text))]
    out: list[tuple[int, int]] = []
    _hard_split(text, 0, width, out)
    return out


def _meta_line(article: Article) -> str:
    parts: list[str] = []
    for value in (article.byline, article.site, article.published):
        value = " ".join((value or "").split())
        if value and value not in parts:
            parts.append(value)
    if article.reading_minutes:
        parts.append(f"{article.reading_minutes} min read")
    if article.word_count:
        parts.append(f"{article.word_count:,} words")
    return " · ".join(parts)


def _head_lines(article: Article, width: int) -> list[Line]:
    """The title, the standfirst, the byline and the like, and a short rule under them."""
    lines: list[Line] = []
    title = visible(article.title or "Untitled")
    for s, e in wrap_offsets(title, width):
        lines.append(Line(TITLE, -1, 0, 0, title[s:e].rstrip(" ")))
    for text in (visible(" ".join((article.dek or "").split())), visible(_meta_line(article))):
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


def layout_article(
    article: Article,
    width: int,
    notes: Mapping[int, Sequence[tuple[int, str, int]]] | None = None,
    cancelled: Callable[[], bool] | None = None,
    side_width: int = 0,
) -> Layout | None:
    """Wrap ``article`` to ``width`` cells.

    ``notes`` maps a block index to the (highlight id, note, highlight start)
    shown with it: under the paragraph, or with ``side_width`` beside it, from
    the line where the highlight starts (pushed down below an earlier note).
    Returns None when ``cancelled()`` turns true part way (a newer layout is
    wanted).
    """
    layout = Layout(width=width, side_width=side_width)
    lines = layout.lines
    lines.extend(_head_lines(article, width))
    blocks = article.blocks
    first = layout.block_first_line
    notes = notes or {}
    previous_kind = ""
    for index, block in enumerate(blocks):
        if cancelled is not None and index % 512 == 0 and cancelled():
            return None
        # list items and table rows sit tight; everything else gets a blank line
        if index and not (block.kind == previous_kind and block.kind in ("list_item", "table_row")):
            lines.append(Line(BLANK, index - 1, block.start, block.start, ""))
        first.append(len(lines))
        lines.extend(_wrap_block(block, index, blocks, width))
        if side_width:
            continue
        for note_id, note, _ in notes.get(index, ()):
            lines.extend(_note_lines(note_id, note, index, block.end, width))
        previous_kind = block.kind
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
