"""Drawing one display line of the reading pane as Rich segments.

Pure code (Rich, no widgets): the pane passes in the layout, the cursor, the
spans that style the text and a lookup from component class to style, and
turns the segments into a cached ``Strip``. Article text only ever becomes
the text of a ``Segment``: it is never parsed as markup.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style

from margin.ui.reading_cursor import ReadingCursor, Span
from margin.ui.widgets.article_layout import (
    BLANK,
    MARK_KINDS,
    META,
    NOTE,
    RULE,
    TITLE,
    Layout,
    Line,
)

#: The gap, in cells, between the text column and the notes beside it.
SIDE_GAP = 3
#: Line kinds that are not article text: no cursor, no selection.
NOT_TEXT = (BLANK, TITLE, META, RULE)
#: Block kinds drawn in a style of their own.
STYLED_KINDS = ("heading", "quote", "code", "caption")

CURSOR = "article-view--cursor"
SELECTION = "article-view--selection"
MATCH = "article-view--match"
MATCH_CURRENT = "article-view--match-current"
LINK = "article-view--link"
HIGHLIGHT = "article-view--highlight"
HIGHLIGHT_NOTE = "article-view--highlight-note"
#: The text of a block margin does not show, in the cut view.
HIDDEN = "article-view--hidden"
#: The cut view's mark in the margin of each line of a hidden block.
HIDDEN_GUTTER = "┊ "

#: A span of text and the component class that styles it.
StyledSpan = tuple[int, int, str]
#: Component class name -> Rich style (cached by the widget).
StyleOf = Callable[[str], Style]


@dataclass(frozen=True, slots=True)
class Spans:
    """Sorted, possibly overlapping spans with a fast "which touch [a, b)" query."""

    starts: list[int]
    items: list[StyledSpan]
    longest: int

    @classmethod
    def build(cls, items: list[StyledSpan]) -> Spans:
        items = sorted(items)
        longest = max((e - s for s, e, _ in items), default=0)
        return cls([s for s, _, _ in items], items, longest)

    def overlapping(self, start: int, end: int) -> list[StyledSpan]:
        if not self.items:
            return []
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [item for item in self.items[lo:hi] if item[1] > start]


NO_SPANS = Spans([], [], 0)


@dataclass(slots=True)
class TextMarks:
    """Everything that styles article text, drawn in this order (later on top)."""

    links: Spans = NO_SPANS
    entities: Spans = NO_SPANS
    highlights: Spans = NO_SPANS
    matches: Spans = NO_SPANS
    show_entities: bool = True

    def touching(self, start: int, end: int) -> list[StyledSpan]:
        spans = self.links.overlapping(start, end)
        if self.show_entities:
            spans.extend(self.entities.overlapping(start, end))
        spans.extend(self.highlights.overlapping(start, end))
        spans.extend(self.matches.overlapping(start, end))
        return spans


@dataclass(slots=True)
class LinePainter:
    """Draws the lines of one layout, with one cursor and one set of marks."""

    layout: Layout
    cursor: ReadingCursor
    marks: TextMarks
    style: StyleOf
    base: Style
    #: The first cell of the text column.
    left: int

    def paint(self, index: int) -> list[Segment]:
        """The segments of display line ``index`` (not padded to the width)."""
        line = self.layout.lines[index]
        under: list[StyledSpan] = []  # styled under entities, highlights and matches
        whole_line_cursor = in_cursor = False
        selection: Span | None = None
        if line.kind not in NOT_TEXT:
            whole_line_cursor, in_cursor = self._cursor_spans(line, under)
            selection = self._selection(line, under)
        segments = self._margin(in_cursor or selection is not None, self._hidden(line))
        segments.extend(self._content(line, whole_line_cursor, selection, under))
        side = self.layout.side.get(index)
        if side is not None:
            segments.extend(self._side_note(segments, side[0] + side[1]))
        return segments

    def _cursor_spans(self, line: Line, under: list[StyledSpan]) -> tuple[bool, bool]:
        """(the whole line is the cursor, the line is in the cursor)."""
        cursor = self.cursor
        if line.block != cursor.block:
            return False, False
        sentence = cursor.sentence if cursor.sentence_mode else None
        if sentence is None:
            return True, True
        if line.kind != NOTE and line.start < sentence[1] and line.end > sentence[0]:
            under.append((sentence[0], sentence[1], CURSOR))
            return False, True
        return False, False

    def _selection(self, line: Line, under: list[StyledSpan]) -> Span | None:
        """The selection when it covers ``line``."""
        if self.cursor.anchor is None:
            return None
        lo, hi = self.cursor.selected_range() or (0, 0)
        # a note line sits at its paragraph's end
        note = line.kind == NOTE
        covered = lo < line.start <= hi if note else line.start < hi and line.end > lo
        if not covered:
            return None
        under.append((lo, hi, SELECTION))
        return lo, hi

    def _hidden(self, line: Line) -> bool:
        """A line of a block the cut view shows though margin does not."""
        return line.kind != BLANK and line.block in self.layout.hidden

    def _margin(self, marked: bool, hidden: bool = False) -> list[Segment]:
        """The blank left of the text, ending in a gutter bar on cursor and
        selection lines, and in the cut view's mark on a hidden block's."""
        if marked:
            gutter = self.base + self.style("article-view--gutter")
            return [Segment(" " * (self.left - 2), self.base), Segment("▎ ", gutter)]
        if hidden:
            mark = self.base + self.style(HIDDEN)
            return [Segment(" " * (self.left - 2), self.base), Segment(HIDDEN_GUTTER, mark)]
        return [Segment(" " * self.left, self.base)]

    def _content(
        self,
        line: Line,
        whole_line_cursor: bool,
        selection: Span | None,
        under: Sequence[StyledSpan],
    ) -> list[Segment]:
        base, style, kind = self.base, self.style, line.kind
        if kind == BLANK:
            return []
        if kind in (TITLE, META):
            return [Segment(line.text, base + style(f"article-view--{kind}"))]
        if kind == RULE:
            return [Segment("─" * min(self.layout.width, 24), base + style("article-view--rule"))]
        if kind == NOTE:
            return [Segment(line.prefix + line.text, base + style("article-view--note"))]
        if kind in MARK_KINDS:
            return [Segment(line.text, base + style(f"article-view--{kind}"))]
        text_style = base + style(f"article-view--{kind}") if kind in STYLED_KINDS else base
        if self._hidden(line):
            text_style = text_style + style(HIDDEN)
        if whole_line_cursor and selection is None:
            text_style = text_style + style(CURSOR)
        segments = [Segment(" " * line.indent, base)] if line.indent else []
        if line.prefix:
            prefix_style = text_style + style("article-view--prefix")
            if selection is not None and line.start >= selection[0]:
                prefix_style = prefix_style + style(SELECTION)
            segments.append(Segment(line.prefix, prefix_style))
        at = 0
        for index, spaces in line.pads:
            segments.extend(self.body(line.text[at:index], line.start + at, text_style, under))
            segments.append(Segment(" " * spaces, text_style))
            at = index
        segments.extend(self.body(line.text[at:], line.start + at, text_style, under))
        return segments

    def _side_note(self, segments: list[Segment], note: str) -> list[Segment]:
        """A note beside the text, starting a gap after the text column."""
        used = sum(segment.cell_length for segment in segments)
        gap = self.left + self.layout.width + SIDE_GAP - used
        shown = [Segment(note, self.base + self.style("article-view--note"))]
        return [Segment(" " * gap, self.base), *shown] if gap > 0 else shown

    def body(
        self, text: str, start: int, style: Style, under: Sequence[StyledSpan] = ()
    ) -> list[Segment]:
        """``text`` (at offset ``start``) cut where a span begins or ends, each
        piece in ``style`` plus the style of every span covering it."""
        end = start + len(text)
        spans = [span for span in under if span[0] < end and span[1] > start]
        spans.extend(self.marks.touching(start, end))
        match = self.cursor.match
        if match is not None and match[0] < end and match[1] > start:
            spans.append((match[0], match[1], MATCH_CURRENT))
        if not spans:
            return [Segment(text, style)]
        cuts = {start, end}
        for s, e, _ in spans:
            cuts.add(max(start, min(end, s)))
            cuts.add(max(start, min(end, e)))
        points = sorted(cuts)
        segments = []
        for a, b in zip(points, points[1:], strict=False):
            piece_style = style
            for s, e, name in spans:
                if s <= a and e >= b:
                    piece_style = piece_style + self.style(name)
            segments.append(Segment(text[a - start : b - start], piece_style))
        return segments
