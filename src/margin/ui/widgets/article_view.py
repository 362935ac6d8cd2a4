"""The reading pane: a Line API widget that shows one article.

Like toolong's log view, it never builds one widget for the whole text: the
article is wrapped into :class:`~margin.ui.widgets.article_layout.Line`
records (in a worker thread for long articles), and ``render_line`` turns
only the visible ones into strips, kept in a small LRU cache that is dropped
whenever styling changes (cursor, entities, highlights, search, theme).
Where the cursor is lives in :class:`~margin.ui.reading_cursor.ReadingCursor`
and how a line is drawn in :mod:`~margin.ui.widgets.article_render`; this
widget lays out, scrolls and redraws.

Article text reaches the terminal only as plain ``Segment`` text: it is never
parsed as markup, so nothing in an article can create a link or an action.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from rich.segment import Segment
from textual import work
from textual.cache import LRUCache
from textual.events import Click, Resize
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from margin.config import DEFAULT_COLUMN
from margin.model import Article, Entity, Highlight
from margin.ui.entity_colours import entity_colour
from margin.ui.reading_cursor import ReadingCursor, Span
from margin.ui.reading_progress import ReadingProgress, read_line
from margin.ui.theme_styles import CachedLineStyles
from margin.ui.viewport import block_on_screen, end_on_screen, top_offset
from margin.ui.widgets.article_layout import (
    BlockMarks,
    Layout,
    NotesByBlock,
    layout_article,
)
from margin.ui.widgets.article_render import (
    HIGHLIGHT,
    HIGHLIGHT_NOTE,
    LINK,
    MATCH,
    SIDE_GAP,
    LinePainter,
    Spans,
    TextMarks,
)
from margin.ui.widgets.article_styles import ARTICLE_COMPONENTS, ARTICLE_VIEW_CSS

#: Articles longer than this (characters) are wrapped in a worker thread.
SYNC_LAYOUT_LIMIT = 150_000
#: Blocks past the reading position laid out at once for a long article.
HEAD_BLOCKS = 120
#: From this width (cells) notes go beside their paragraph, in the right margin.
SIDE_NOTES_MIN_WIDTH = 130
#: Widest a note beside the text gets.
SIDE_NOTE_MAX = 40


# The screen owns every reading key: ScrollView's own arrow, page and
# home/end keys would take them first, past the reader's page size and
# reading-progress rules.
class ArticleView(CachedLineStyles, ScrollView, can_focus=True, inherit_bindings=False):
    """Shows an article in a centred column, with a reading cursor on one block."""

    COMPONENT_CLASSES = ARTICLE_COMPONENTS
    DEFAULT_CSS = ARTICLE_VIEW_CSS

    class LayoutReady(Message):
        """The article was (re)wrapped; posted by the layout worker."""

        def __init__(self, layout: Layout, generation: int) -> None:
            super().__init__()
            self.layout = layout
            self.generation = generation

    class Changed(Message):
        """Scroll position, cursor or layout changed: progress may need redrawing."""

        def __init__(self, view: ArticleView) -> None:
            super().__init__()
            self.view = view

        @property
        def control(self) -> ArticleView:
            return self.view

    def __init__(
        self,
        *,
        column_width: int = DEFAULT_COLUMN,
        show_entities: bool = True,
        sentence_mode: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.column_width = column_width
        self.article: Article | None = None
        self.text_layout: Layout | None = None
        self.cursor = ReadingCursor(sentence_mode=sentence_mode)
        self.marks = TextMarks(show_entities=show_entities)
        self.reading = ReadingProgress()
        self.highlights: list[Highlight] = []
        #: The article's tags, shown with its byline.
        self.tags: tuple[str, ...] = ()
        self.search_query = ""
        #: What ``n`` and ``N`` step through: search matches or an entity's mentions.
        self.matches: list[Span] = []
        #: The cut view's marks on the blocks of the article shown (none outside it).
        self.block_marks: BlockMarks = {}
        self._generation = 0
        self._pending_offset: int | None = None
        #: Where the cursor goes once the article is laid out, when not at
        #: ``_pending_offset`` (see ``show_version``).
        self._pending_cursor: int | None = None
        #: The offset a laid-out article is about to be scrolled to (after the
        #: next refresh); a resize before then keeps it rather than the top.
        #: Scrolling until it is reached is the view's own, not reading.
        self._landing: int | None = None
        self._cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)

    # ----------------------------------------------------------- public API

    @property
    def ready(self) -> bool:
        return self.text_layout is not None

    @property
    def show_entities(self) -> bool:
        return self.marks.show_entities

    def set_article(
        self,
        article: Article,
        highlights: Sequence[Highlight] = (),
        *,
        offset: int | None = None,
        progress: float = 0.0,
        cursor: int | None = None,
    ) -> None:
        """Show ``article``; scroll to text ``offset`` once it is laid out, the
        cursor there too or at ``cursor``. ``progress``: how far an earlier
        reading got."""
        self.article = article
        self.text_layout = None
        self.reading = ReadingProgress.resumed(len(article.text), progress)
        self.cursor.reset(article.blocks)
        self.marks.links = Spans.build(
            [(lk.start, lk.end, LINK) for b in article.blocks for lk in b.links]
        )
        self.set_entities(article.entities)
        self._set_highlight_spans(highlights)
        self._pending_offset = offset
        self._pending_cursor = cursor
        self._request_layout()

    def show_version(
        self,
        article: Article,
        highlights: Sequence[Highlight],
        *,
        top: int,
        cursor: int,
        marks: BlockMarks | None = None,
        reading: bool = True,
    ) -> None:
        """Show another version of the article on screen (corrected again, or
        the cut view with its ``marks``) at the same place: ``top`` is the
        offset shown first on screen, ``cursor`` where the cursor goes (kept in
        view). The reading progress carries over; with ``reading`` False,
        nothing counts as read until another version is shown (the cut view's
        text is not the article's). A search is run again on the new text."""
        fraction = self.progress
        self.block_marks = marks or {}
        self.set_article(article, highlights, offset=top, progress=fraction, cursor=cursor)
        self.reading.frozen = not reading
        self.set_search(self.search_query)

    def set_entities(self, entities: Sequence[Entity]) -> None:
        if self.article is not None and entities is not self.article.entities:
            self.article.entities = list(entities)
        self.marks.entities = Spans.build(
            [(e.start, e.end, entity_colour(e.label).component) for e in entities]
        )
        self._restyle()

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        """Replace the highlights; notes are laid out under or beside their paragraphs."""
        old_notes = self._notes_by_block()
        self._set_highlight_spans(highlights)
        if self._notes_by_block() != old_notes and self.text_layout is not None:
            self._pending_offset = self.top_offset
            self._request_layout()
        self._restyle()

    def set_tags(self, tags: Sequence[str]) -> None:
        """Show these tags with the byline (laid out again when they change)."""
        if tuple(tags) == self.tags:
            return
        self.tags = tuple(tags)
        if self.text_layout is not None:
            self._pending_offset = self.top_offset
            self._request_layout()

    def toggle_entities(self) -> bool:
        self.marks.show_entities = not self.marks.show_entities
        self._restyle()
        return self.marks.show_entities

    def set_search(self, query: str) -> int:
        """Mark every case-insensitive match of ``query``; returns the count."""
        matches: list[Span] = []
        if query and self.article is not None:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            matches = [m.span() for m in pattern.finditer(self.article.text)]
        self.set_matches(matches, query)
        return len(matches)

    def set_matches(self, matches: Sequence[Span], query: str = "") -> None:
        """Mark ``matches`` (sorted spans: a search's, or an entity's mentions) for
        ``n``/``N``; ``query`` is the search that found them, if any."""
        self.search_query = query
        self.matches = list(matches)
        self.cursor.match = None
        self.marks.matches = Spans.build([(s, e, MATCH) for s, e in self.matches])
        self._restyle()

    def next_match(self, forward: bool = True) -> int | None:
        """Move to the next (or previous) match after the cursor; returns its index."""
        if self.text_layout is None:
            return None
        index = self.cursor.next_match(self.matches, forward)
        if index is not None:
            self.jump_to(*self.matches[index])
        return index

    def jump_to(self, start: int, end: int) -> None:
        """Put the cursor on the text [start, end), mark it and scroll it into view."""
        self.cursor.jump_to(start, end)
        self._scroll_to_offset(start, center=True)
        self._restyle()

    def move_cursor(self, delta: int) -> None:
        """Move the reading cursor by ``delta`` blocks, scrolling to keep it in view.

        In sentence mode the cursor lands on the first sentence of the block.
        """
        if self.cursor.move(delta):
            self._cursor_moved()

    def move_sentence(self, delta: int) -> None:
        """Move the cursor ``delta`` sentences on (across paragraphs); turns sentence mode on."""
        if self.cursor.move_sentence(delta):
            self._cursor_moved()

    def _cursor_moved(self) -> None:
        # what comes before the cursor has been read
        self.reading.read_to(self.cursor.offset())
        self._scroll_cursor_into_view()
        self._restyle()

    def set_cursor(self, block: int) -> None:
        self.move_cursor(block - self.cursor.block)

    def start_selection(self) -> bool:
        """Toggle selection mode; returns whether a selection is now active."""
        selecting = self.cursor.toggle_selection()
        self._restyle()
        return selecting

    def selected_range(self) -> Span | None:
        """Text offsets of the selection, or of the cursor (paragraph or sentence)."""
        return self.cursor.selected_range()

    def clear_selection(self) -> None:
        self.cursor.clear_selection()
        self._restyle()

    def highlights_in_cursor(self) -> list[Highlight]:
        return self.cursor.highlights_here(self.highlights)

    def next_highlight(self, forward: bool = True) -> Highlight | None:
        """Jump to the next (or previous) highlight; None when there is none."""
        target = self.cursor.next_highlight(self.highlights, forward)
        if target is not None and target.start is not None and target.end is not None:
            self.jump_to(target.start, target.end)
        return target

    @property
    def top_offset(self) -> int:
        """Text offset of the first line on screen (a width-independent position)."""
        return top_offset(self.text_layout, int(self.scroll_y))

    @property
    def progress(self) -> float:
        """How far the article has been read (see :mod:`margin.ui.reading_progress`)."""
        return self.reading.fraction

    def read_on(self) -> None:
        """The reader asked to go further down (a scroll key): what the screen
        shows counts as read, and with the end on screen the article is done
        (also when it all fits on the screen and nothing scrolled)."""
        self._record_reading()
        if self._end_on_screen():
            self.reading.finish()

    def scroll_to_offset(self, offset: int) -> None:
        if self.text_layout is None:
            self._pending_offset = offset
            return
        self._scroll_to_offset(offset, center=False)

    # ------------------------------------------------------------- layout

    def _notes_by_block(self) -> NotesByBlock:
        notes: NotesByBlock = {}
        for h in self.highlights:
            if not h.note or h.start is None or h.end is None:
                continue
            block = self.cursor.block_at(max(h.start, h.end - 1))
            if block is not None:
                notes.setdefault(block, []).append((h.id or 0, h.note, h.start))
        return notes

    def _set_highlight_spans(self, highlights: Sequence[Highlight]) -> None:
        self.highlights = list(highlights)
        self.marks.highlights = Spans.build(
            [
                (h.start, h.end, HIGHLIGHT_NOTE if h.note else HIGHLIGHT)
                for h in self.highlights
                if h.start is not None and h.end is not None and h.end > h.start
            ]
        )

    def _width(self) -> int:
        return self.scrollable_content_region.width or self.size.width or 80

    def _column(self) -> int:
        # never wider than the pane: text is wrapped, not cut off at its edge
        return max(10, min(self.column_width, self._width() - 4))

    def _side_width(self, notes: NotesByBlock | None = None) -> int:
        """Width of notes beside the text (0: notes go under their paragraph)."""
        width = self._width()
        if width < SIDE_NOTES_MIN_WIDTH:
            return 0
        if not (self._notes_by_block() if notes is None else notes):
            return 0
        return max(0, min(SIDE_NOTE_MAX, width - self._column() - SIDE_GAP - 4))

    def text_left(self, width: int) -> int:
        """The first cell of the text column in a line ``width`` cells wide."""
        layout = self.text_layout
        column = layout.width if layout is not None else self._column()
        side = layout.side_width if layout is not None else 0
        if side:
            # text and notes centred together
            return max(2, (width - column - SIDE_GAP - side) // 2)
        return max(2, (width - column) // 2)

    def _request_layout(self) -> None:
        article = self.article
        if article is None:
            return
        self._generation += 1
        column = self._column()
        notes = self._notes_by_block()
        side = self._side_width(notes)
        if len(article.text) <= SYNC_LAYOUT_LIMIT:
            layout = layout_article(
                article, column, notes, side_width=side, tags=self.tags, marks=self.block_marks
            )
            assert layout is not None
            self._apply_layout(layout)
            return
        self._lay_out_head(article, column, notes, side)
        self._layout_in_thread(
            article, column, notes, side, self.tags, self.block_marks, self._generation
        )

    def _lay_out_head(self, article: Article, column: int, notes: NotesByBlock, side: int) -> None:
        """For a long article, lay out the blocks around the reading position
        now, so that the first screen shows at once; the worker does the rest.
        Wrapping is sequential, so the head's lines are the full layout's first lines."""
        offset = self._pending_offset or 0
        starts = [b.start for b in article.blocks]
        head = min(len(starts), bisect_right(starts, offset) + HEAD_BLOCKS)
        # (far into the text the head would be most of it: then the thread alone)
        if head < len(starts) // 4 and self.text_layout is None:
            partial = replace(article, blocks=article.blocks[:head])
            layout = layout_article(
                partial, column, notes, side_width=side, tags=self.tags, marks=self.block_marks
            )
            assert layout is not None
            self._apply_layout(layout)

    # a fixed description: by default Textual repr()s the arguments, which for
    # a 100,000-word Article took 40 ms on the UI thread
    @work(thread=True, exclusive=True, exit_on_error=False, group="layout", description="layout")
    def _layout_in_thread(
        self,
        article: Article,
        column: int,
        notes: NotesByBlock,
        side: int,
        tags: tuple[str, ...],
        marks: BlockMarks,
        generation: int,
    ) -> None:
        worker = get_current_worker()
        stop = worker.cancelled_event.is_set
        layout = layout_article(
            article, column, notes, cancelled=stop, side_width=side, tags=tags, marks=marks
        )
        if layout is not None and not worker.is_cancelled:
            self.post_message(self.LayoutReady(layout, generation))

    def on_article_view_layout_ready(self, message: LayoutReady) -> None:
        message.stop()
        if message.generation == self._generation:
            self._apply_layout(message.layout)

    def _apply_layout(self, layout: Layout) -> None:
        self.text_layout = layout
        self._cache.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(layout.lines))
        if self._pending_offset is not None:
            offset = self._pending_offset
            cursor = self._pending_cursor
            self._pending_offset = self._pending_cursor = None
            line = 0
            if offset > 0:
                line = layout.line_for_offset(offset)
            if cursor is not None:
                self.cursor.land_on(cursor)
            elif offset > 0:
                self.cursor.land_on(offset)
            # after the refresh: the new virtual size must be in place first
            self._landing = offset
            self.call_after_refresh(self._land, line, cursor is not None)
        self.refresh()
        self.post_message(self.Changed(self))

    def _land(self, line: int, reveal_cursor: bool = False) -> None:
        try:
            self.scroll_to(y=line, animate=False, immediate=True)
            if reveal_cursor:
                self._scroll_cursor_into_view()
        finally:
            self._landing = None

    def on_resize(self, event: Resize) -> None:
        if self.article is None:
            return
        layout = self.text_layout
        if (
            layout is None
            or layout.width != self._column()
            or layout.side_width != self._side_width()
        ):
            if layout is not None:
                landing = self._landing
                self._pending_offset = self.top_offset if landing is None else landing
            self._request_layout()
        else:
            self.virtual_size = Size(self.scrollable_content_region.width, len(layout.lines))
            self._restyle()

    # ------------------------------------------------------------- scrolling

    def _scroll_to_offset(self, offset: int, *, center: bool) -> None:
        if self.text_layout is None:
            self._pending_offset = offset
            return
        line = self.text_layout.line_for_offset(offset)
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if center:
            if not (top <= line < top + height):
                self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)
        else:
            self.scroll_to(y=line, animate=False, immediate=True)

    def _cursor_lines(self, layout: Layout) -> tuple[int, int]:
        """The first and last display line of the cursor."""
        cursor = self.cursor
        if cursor.sentence_mode and cursor.sentence is not None:
            start, end = cursor.sentence
            return layout.line_for_offset(start), layout.line_for_offset(max(start, end - 1))
        firsts = layout.block_first_line
        nxt = cursor.block + 1
        last = firsts[nxt] - 1 if nxt < len(firsts) else len(layout.lines) - 1
        return firsts[cursor.block], last

    def _scroll_cursor_into_view(self) -> None:
        layout = self.text_layout
        if layout is None or not layout.block_first_line:
            return
        if self.cursor.block >= len(layout.block_first_line):
            return  # a long article's head: the rest is still being laid out
        first, last = self._cursor_lines(layout)
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=min(first, last - height + 1), animate=False, immediate=True)

    def _follow_viewport(self) -> None:
        """After a scroll, keep the cursor on a block that is on screen."""
        layout = self.text_layout
        if layout is None or not layout.block_first_line or self.cursor.anchor is not None:
            return
        height = self.scrollable_content_region.height
        index = block_on_screen(layout, self.cursor.block, int(self.scroll_y), height)
        if index != self.cursor.block:
            self.cursor.go_to(index)
            self._restyle()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._follow_viewport()
        if self._landing is None:
            self._record_reading()
            if new_value > old_value and self._end_on_screen():
                self.reading.finish()
        self.post_message(self.Changed(self))

    def _record_reading(self) -> None:
        """The lines in the top part of the screen, and all above, are read."""
        layout = self.text_layout
        if layout is None or not layout.lines:
            return
        height = self.scrollable_content_region.height
        index = read_line(int(self.scroll_y), height, len(layout.lines))
        self.reading.read_to(layout.lines[index].end)

    def _end_on_screen(self) -> bool:
        """The article's last line is on screen (not only a long article's head's)."""
        if self.article is None:
            return False
        height = self.scrollable_content_region.height
        return end_on_screen(self.text_layout, len(self.article.blocks), int(self.scroll_y), height)

    def on_click(self, event: Click) -> None:
        if self.text_layout is None:
            return
        index = int(self.scroll_y) + event.y
        if 0 <= index < len(self.text_layout.lines):
            line = self.text_layout.lines[index]
            if line.block >= 0:
                left = self.text_left(self.scrollable_content_region.width)
                offset = line.start + line.index_at(max(0, event.x - left))
                self.cursor.place(line.block, offset)
                self.cursor.match = None
                self._restyle()

    # ------------------------------------------------------------- rendering

    def _restyle(self) -> None:
        self._cache.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        width = self.scrollable_content_region.width
        base = self.base_style
        layout = self.text_layout
        if layout is None:
            if y == 1 and self.article is None:
                return Strip([Segment("  Loading…", base)]).adjust_cell_length(width, base)
            return Strip.blank(width, base)
        if index >= len(layout.lines):
            return Strip.blank(width, base)
        key = (index, width, self._generation)
        strip = self._cache.get(key)
        if strip is None:
            painter = LinePainter(
                layout, self.cursor, self.marks, self._style, base, self.text_left(width)
            )
            strip = Strip(painter.paint(index)).adjust_cell_length(width, base)
            self._cache[key] = strip
        return strip
