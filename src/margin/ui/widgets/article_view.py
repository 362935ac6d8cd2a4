"""The reading pane: a Line API widget that shows one article.

Like toolong's log view, it never builds one widget for the whole text: the
article is wrapped into :class:`~margin.ui.widgets.article_layout.Line`
records (in a worker thread for long articles), and ``render_line`` turns
only the visible ones into strips, kept in a small LRU cache that is dropped
whenever styling changes (cursor, entities, highlights, search, theme).

Article text reaches the terminal only as plain ``Segment`` text: it is never
parsed as markup, so nothing in an article can create a link or an action.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich.segment import Segment
from rich.style import Style
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
from margin.ui.sentences import sentence_spans
from margin.ui.theme_styles import CachedLineStyles
from margin.ui.widgets.article_layout import (
    BLANK,
    META,
    NOTE,
    RULE,
    TITLE,
    Layout,
    NotesByBlock,
    layout_article,
)

#: Articles longer than this (characters) are wrapped in a worker thread.
SYNC_LAYOUT_LIMIT = 150_000
#: Blocks past the reading position laid out at once for a long article.
HEAD_BLOCKS = 120
#: From this width (cells) notes go beside their paragraph, in the right margin.
SIDE_NOTES_MIN_WIDTH = 130
#: Widest a note beside the text gets; the gap between text and note.
SIDE_NOTE_MAX = 40
SIDE_GAP = 3
#: Line kinds that are not article text: no cursor, no selection.
_NOT_TEXT = (BLANK, TITLE, META, RULE)

ENTITY_CLASSES = {
    "PERSON": "article-view--person",
    "ORG": "article-view--org",
    "PLACE": "article-view--place",
    "OTHER": "article-view--other",
}


@dataclass(slots=True)
class _Spans:
    """Sorted, possibly overlapping spans with a fast "which touch [a, b)" query."""

    starts: list[int]
    items: list[tuple[int, int, str]]
    longest: int

    @classmethod
    def build(cls, items: list[tuple[int, int, str]]) -> _Spans:
        items = sorted(items)
        longest = max((e - s for s, e, _ in items), default=0)
        return cls([s for s, _, _ in items], items, longest)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int, str]]:
        if not self.items:
            return []
        lo = bisect_left(self.starts, start - self.longest)
        hi = bisect_left(self.starts, end)
        return [item for item in self.items[lo:hi] if item[1] > start]


_EMPTY = _Spans([], [], 0)


class ArticleView(CachedLineStyles, ScrollView, can_focus=True):
    """Shows an article in a centred column, with a reading cursor on one block."""

    COMPONENT_CLASSES = {
        "article-view--title",
        "article-view--meta",
        "article-view--rule",
        "article-view--heading",
        "article-view--quote",
        "article-view--code",
        "article-view--caption",
        "article-view--prefix",
        "article-view--note",
        "article-view--person",
        "article-view--org",
        "article-view--place",
        "article-view--other",
        "article-view--link",
        "article-view--highlight",
        "article-view--highlight-note",
        "article-view--match",
        "article-view--match-current",
        "article-view--cursor",
        "article-view--selection",
        "article-view--gutter",
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        color: $foreground;
        scrollbar-gutter: stable;
        & > .article-view--title { text-style: bold; color: $text-primary; }
        & > .article-view--meta { color: $text-muted; }
        & > .article-view--rule { color: $primary-muted; }
        & > .article-view--heading { text-style: bold; color: $text-accent; }
        & > .article-view--quote { color: $text-muted; text-style: italic; }
        & > .article-view--code { background: $boost; color: $text-secondary; }
        & > .article-view--caption { color: $text-muted; text-style: italic; }
        & > .article-view--prefix { color: $text-muted; }
        & > .article-view--note { color: $text-warning; text-style: italic; }
        & > .article-view--person { color: $text-success; text-style: bold; }
        & > .article-view--org { color: $text-primary; text-style: bold; }
        & > .article-view--place { color: $text-warning; text-style: bold; }
        & > .article-view--other { color: $text-secondary; text-style: bold; }
        & > .article-view--link { text-style: underline; }
        & > .article-view--highlight { background: $warning 30%; }
        & > .article-view--highlight-note { background: $warning 30%; text-style: underline; }
        & > .article-view--match { background: $accent 40%; }
        & > .article-view--match-current { background: $accent; color: $text; text-style: bold; }
        & > .article-view--cursor { background: $primary 15%; }
        & > .article-view--selection { background: $primary 35%; }
        & > .article-view--gutter { color: $text-accent; }
    }
    """

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
        self.show_entities = show_entities
        self.cursor_block = 0
        #: In sentence mode, the cursor is this sentence (text offsets) of the cursor block.
        self.sentence_mode = sentence_mode
        self.cursor_sentence: tuple[int, int] | None = None
        #: The cursor's span when ``v`` was pressed (None: not selecting).
        self.selection_anchor: tuple[int, int] | None = None
        self.highlights: list[Highlight] = []
        self.search_query = ""
        self.matches: list[tuple[int, int]] = []
        self.current_match: tuple[int, int] | None = None
        self._entities = _EMPTY
        self._links = _EMPTY
        self._marks = _EMPTY
        self._search = _EMPTY
        self._generation = 0
        self._sentences: dict[int, list[tuple[int, int]]] = {}
        self._pending_offset: int | None = None
        #: The offset a laid-out article is about to be scrolled to (after the
        #: next refresh); a resize before then keeps it rather than the top.
        self._landing: int | None = None
        self._cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)

    # ----------------------------------------------------------- public API

    @property
    def ready(self) -> bool:
        return self.text_layout is not None

    def set_article(
        self,
        article: Article,
        highlights: Sequence[Highlight] = (),
        *,
        offset: int | None = None,
    ) -> None:
        """Show ``article``; scroll to text ``offset`` once it is laid out."""
        self.article = article
        self.text_layout = None
        self.cursor_block = 0
        self.cursor_sentence = None
        self.selection_anchor = None
        self._sentences = {}
        self._links = _Spans.build(
            [(lk.start, lk.end, "link") for b in article.blocks for lk in b.links]
        )
        self.set_entities(article.entities)
        self._set_highlight_spans(highlights)
        self._pending_offset = offset
        self._request_layout()

    def set_entities(self, entities: Sequence[Entity]) -> None:
        if self.article is not None and entities is not self.article.entities:
            self.article.entities = list(entities)
        self._entities = _Spans.build(
            [(e.start, e.end, ENTITY_CLASSES.get(e.label, "article-view--other")) for e in entities]
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

    def toggle_entities(self) -> bool:
        self.show_entities = not self.show_entities
        self._restyle()
        return self.show_entities

    def set_search(self, query: str) -> int:
        """Mark every case-insensitive match of ``query``; returns the count."""
        self.search_query = query
        self.current_match = None
        self.matches = []
        if query and self.article is not None:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            self.matches = [m.span() for m in pattern.finditer(self.article.text)]
        self._search = _Spans.build([(s, e, "article-view--match") for s, e in self.matches])
        self._restyle()
        return len(self.matches)

    def next_match(self, forward: bool = True) -> int | None:
        """Move to the next (or previous) match after the cursor; returns its index."""
        if not self.matches or self.text_layout is None:
            return None
        here = self.current_match[0] if self.current_match else self._cursor_offset() - 1
        starts = [s for s, _ in self.matches]
        if forward:
            index = bisect_right(starts, here)
            if index >= len(starts):
                index = 0
        else:
            index = bisect_left(starts, here) - 1
            if index < 0:
                index = len(starts) - 1
        self.jump_to(*self.matches[index])
        return index

    def jump_to(self, start: int, end: int) -> None:
        """Put the cursor on the text [start, end), mark it and scroll it into view."""
        self.current_match = (start, end)
        self.selection_anchor = None
        block = self.block_at(start)
        if block is not None:
            self.cursor_block = block
            self._sentence_at(start)
        self._scroll_to_offset(start, center=True)
        self._restyle()

    def block_at(self, offset: int) -> int | None:
        if self.article is None or not self.article.blocks:
            return None
        starts = [b.start for b in self.article.blocks]
        return max(0, bisect_right(starts, offset) - 1)

    def move_cursor(self, delta: int) -> None:
        """Move the reading cursor by ``delta`` blocks, scrolling to keep it in view.

        In sentence mode the cursor lands on the first sentence of the block.
        """
        if self.article is None or not self.article.blocks:
            return
        self.cursor_block = max(0, min(len(self.article.blocks) - 1, self.cursor_block + delta))
        self.cursor_sentence = None
        if self.sentence_mode:
            spans = self.sentences(self.cursor_block)
            self.cursor_sentence = spans[0] if spans else None
        self.current_match = None
        self._scroll_cursor_into_view()
        self._restyle()

    def move_sentence(self, delta: int) -> None:
        """Move the cursor ``delta`` sentences on (across paragraphs); turns sentence mode on."""
        if self.article is None or not self.article.blocks:
            return
        entering = not self.sentence_mode or self.cursor_sentence is None
        self.sentence_mode = True
        block = self.cursor_block
        spans = self.sentences(block)
        if entering:
            # from a paragraph cursor: its first sentence, then on from there
            index = 0
            self.cursor_sentence = spans[0] if spans else None
            delta = 0 if spans else delta
        else:
            index = spans.index(self.cursor_sentence) if self.cursor_sentence in spans else 0
        step = 1 if delta > 0 else -1
        blocks = len(self.article.blocks)
        for _ in range(abs(delta)):
            cand_block, cand_index, cand_spans = block, index + step, spans
            while not 0 <= cand_index < len(cand_spans):
                cand_block += step
                if not 0 <= cand_block < blocks:
                    break  # the first or last sentence: stay
                cand_spans = self.sentences(cand_block)
                cand_index = 0 if step > 0 else len(cand_spans) - 1
            if not 0 <= cand_block < blocks:
                break
            block, index, spans = cand_block, cand_index, cand_spans
        if spans and 0 <= index < len(spans):
            self.cursor_block = block
            self.cursor_sentence = spans[index]
        self.current_match = None
        self._scroll_cursor_into_view()
        self._restyle()

    def paragraph_mode(self) -> None:
        """The cursor covers whole paragraphs again."""
        self.sentence_mode = False
        self.cursor_sentence = None
        self._restyle()

    def sentences(self, block: int) -> list[tuple[int, int]]:
        """Text offsets of the sentences of block ``block`` (cached)."""
        spans = self._sentences.get(block)
        if spans is None:
            if self.article is None or not 0 <= block < len(self.article.blocks):
                return []
            b = self.article.blocks[block]
            spans = [(b.start + s, b.start + e) for s, e in sentence_spans(b.text)]
            self._sentences[block] = spans
        return spans

    def _sentence_at(self, offset: int) -> None:
        """In sentence mode, put the cursor on the sentence holding ``offset``."""
        if not self.sentence_mode:
            return
        spans = self.sentences(self.cursor_block)
        chosen = spans[0] if spans else None
        for span in spans:
            if span[0] <= offset:
                chosen = span
        self.cursor_sentence = chosen

    def cursor_span(self) -> tuple[int, int] | None:
        """Text offsets of the cursor: its sentence, or its whole paragraph."""
        if self.article is None or not self.article.blocks:
            return None
        if self.sentence_mode and self.cursor_sentence is not None:
            return self.cursor_sentence
        block = self.article.blocks[self.cursor_block]
        return block.start, block.end

    def set_cursor(self, block: int) -> None:
        self.move_cursor(block - self.cursor_block)

    def start_selection(self) -> bool:
        """Toggle selection mode; returns whether a selection is now active."""
        self.selection_anchor = None if self.selection_anchor is not None else self.cursor_span()
        self._restyle()
        return self.selection_anchor is not None

    def selected_range(self) -> tuple[int, int] | None:
        """Text offsets of the selection, or of the cursor (paragraph or sentence)."""
        cursor = self.cursor_span()
        if cursor is None:
            return None
        if self.current_match is not None and self.selection_anchor is None:
            return self.current_match
        anchor = cursor if self.selection_anchor is None else self.selection_anchor
        return min(anchor[0], cursor[0]), max(anchor[1], cursor[1])

    def clear_selection(self) -> None:
        self.selection_anchor = None
        self.current_match = None
        self._restyle()

    def highlights_in_cursor(self) -> list[Highlight]:
        span = self.cursor_span()
        if span is None:
            return []
        start, end = span
        return [
            h
            for h in self.highlights
            if h.start is not None and h.end is not None and h.start < end and h.end > start
        ]

    def next_highlight(self, forward: bool = True) -> Highlight | None:
        placed = sorted(
            (h for h in self.highlights if h.start is not None and h.end is not None),
            key=lambda h: h.start or 0,
        )
        if not placed:
            return None
        here = self.current_match[0] if self.current_match else self._cursor_offset()
        if forward:
            later = [h for h in placed if (h.start or 0) > here]
            target = later[0] if later else placed[0]
        else:
            earlier = [h for h in placed if (h.start or 0) < here]
            target = earlier[-1] if earlier else placed[-1]
        assert target.start is not None and target.end is not None
        self.jump_to(target.start, target.end)
        return target

    @property
    def top_offset(self) -> int:
        """Text offset of the first line on screen (a width-independent position)."""
        if self.text_layout is None or not self.text_layout.lines:
            return 0
        index = min(int(self.scroll_y), len(self.text_layout.lines) - 1)
        if index <= 0:
            return 0
        return self.text_layout.lines[index].start

    @property
    def progress(self) -> float:
        if self.text_layout is None or not self.text_layout.lines:
            return 0.0
        total = len(self.text_layout.lines)
        seen = int(self.scroll_y) + self.scrollable_content_region.height
        return max(0.0, min(1.0, seen / total))

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
            block = self.block_at(max(h.start, h.end - 1))
            if block is not None:
                notes.setdefault(block, []).append((h.id or 0, h.note, h.start))
        return notes

    def _set_highlight_spans(self, highlights: Sequence[Highlight]) -> None:
        self.highlights = list(highlights)
        self._marks = _Spans.build(
            [
                (
                    h.start,
                    h.end,
                    "article-view--highlight-note" if h.note else "article-view--highlight",
                )
                for h in self.highlights
                if h.start is not None and h.end is not None and h.end > h.start
            ]
        )

    def _width(self) -> int:
        return self.scrollable_content_region.width or self.size.width or 80

    def _column(self) -> int:
        return max(20, min(self.column_width, self._width() - 4))

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
            layout = layout_article(article, column, notes, side_width=side)
            assert layout is not None
            self._apply_layout(layout)
            return
        # A long article: lay out the blocks around the reading position now,
        # so the first screen shows at once, and the whole text in a thread.
        # Wrapping is sequential, so the head's lines are the full layout's first lines.
        offset = self._pending_offset or 0
        starts = [b.start for b in article.blocks]
        head = min(len(starts), bisect_right(starts, offset) + HEAD_BLOCKS)
        # (far into the text the head would be most of it: then the thread alone)
        if head < len(starts) // 4 and self.text_layout is None:
            partial = replace(article, blocks=article.blocks[:head])
            layout = layout_article(partial, column, notes, side_width=side)
            assert layout is not None
            self._apply_layout(layout)
        self._layout_in_thread(article, column, notes, side, self._generation)

    # a fixed description: by default Textual repr()s the arguments, which for
    # a 100,000-word Article took 40 ms on the UI thread
    @work(thread=True, exclusive=True, exit_on_error=False, group="layout", description="layout")
    def _layout_in_thread(
        self,
        article: Article,
        column: int,
        notes: NotesByBlock,
        side: int,
        generation: int,
    ) -> None:
        worker = get_current_worker()
        layout = layout_article(
            article, column, notes, cancelled=lambda: worker.is_cancelled, side_width=side
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
            self._pending_offset = None
            line = 0
            if offset > 0:
                block = self.block_at(offset)
                if block is not None:
                    self.cursor_block = block
                    self._sentence_at(offset)
                line = layout.line_for_offset(offset)
            # after the refresh: the new virtual size must be in place first
            self._landing = offset
            self.call_after_refresh(self._land, line)
        self.refresh()
        self.post_message(self.Changed(self))

    def _land(self, line: int) -> None:
        self._landing = None
        self.scroll_to(y=line, animate=False, immediate=True)

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

    def _cursor_offset(self) -> int:
        span = self.cursor_span()
        return span[0] if span is not None else 0

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

    def _scroll_cursor_into_view(self) -> None:
        layout = self.text_layout
        if layout is None or not layout.block_first_line:
            return
        if self.cursor_block >= len(layout.block_first_line):
            return  # a long article's head: the rest is still being laid out
        if self.sentence_mode and self.cursor_sentence is not None:
            first = layout.line_for_offset(self.cursor_sentence[0])
            last = layout.line_for_offset(max(self.cursor_sentence[0], self.cursor_sentence[1] - 1))
        else:
            first = layout.block_first_line[self.cursor_block]
            nxt = self.cursor_block + 1
            last = (
                layout.block_first_line[nxt] - 1
                if nxt < len(layout.block_first_line)
                else len(layout.lines) - 1
            )
        height = self.scrollable_content_region.height
        top = int(self.scroll_y)
        if first < top:
            self.scroll_to(y=first, animate=False, immediate=True)
        elif last >= top + height:
            self.scroll_to(y=min(first, last - height + 1), animate=False, immediate=True)

    def _follow_viewport(self) -> None:
        """After a scroll, keep the cursor on a block that is on screen."""
        layout = self.text_layout
        if layout is None or not layout.block_first_line or self.selection_anchor is not None:
            return
        top = int(self.scroll_y)
        height = self.scrollable_content_region.height
        firsts = layout.block_first_line
        first = firsts[self.cursor_block]
        nxt = self.cursor_block + 1
        end = firsts[nxt] if nxt < len(firsts) else len(layout.lines)
        if end > top and first < top + height:
            return
        # the first block that starts on screen, else the one covering the top
        index = bisect_left(firsts, top)
        if index >= len(firsts) or firsts[index] >= top + height:
            index = max(0, index - 1)
        if index != self.cursor_block:
            self.cursor_block = index
            self.cursor_sentence = None
            if self.sentence_mode:
                spans = self.sentences(index)
                self.cursor_sentence = spans[0] if spans else None
            self.current_match = None
            self._restyle()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._follow_viewport()
        self.post_message(self.Changed(self))

    def on_click(self, event: Click) -> None:
        if self.text_layout is None:
            return
        index = int(self.scroll_y) + event.y
        if 0 <= index < len(self.text_layout.lines):
            line = self.text_layout.lines[index]
            if line.block >= 0:
                self.cursor_block = line.block
                left = self.text_left(self.scrollable_content_region.width) + len(line.prefix)
                self._sentence_at(line.start + max(0, min(event.x - left, len(line.text) - 1)))
                self.current_match = None
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
            strip = self._render_display_line(index, width, base)
            self._cache[key] = strip
        return strip

    def _render_display_line(self, index: int, width: int, base: Style) -> Strip:
        assert self.text_layout is not None
        layout = self.text_layout
        line = layout.lines[index]
        column = layout.width
        left = self.text_left(width)
        segments: list[Segment] = []
        kind = line.kind
        is_text = kind not in _NOT_TEXT
        sentence = self.cursor_sentence if self.sentence_mode else None
        # spans styled under everything else (entities, highlights, search)
        under: list[tuple[int, int, str]] = []
        whole_line_cursor = False
        in_cursor = False
        if is_text and line.block == self.cursor_block:
            if sentence is None:
                in_cursor = whole_line_cursor = True
            elif kind != NOTE and line.start < sentence[1] and line.end > sentence[0]:
                in_cursor = True
                under.append((sentence[0], sentence[1], "article-view--cursor"))
        selected = False
        lo = hi = 0
        if self.selection_anchor is not None and is_text:
            lo, hi = self.selected_range() or (0, 0)
            # (a note line sits at its paragraph's end)
            is_note = kind == NOTE
            selected = lo < line.start <= hi if is_note else line.start < hi and line.end > lo
            if selected:
                under.append((lo, hi, "article-view--selection"))
        if in_cursor or selected:
            segments.append(Segment(" " * (left - 2), base))
            segments.append(Segment("▎ ", base + self._style("article-view--gutter")))
        else:
            segments.append(Segment(" " * left, base))
        if kind == TITLE:
            segments.append(Segment(line.text, base + self._style("article-view--title")))
        elif kind == META:
            segments.append(Segment(line.text, base + self._style("article-view--meta")))
        elif kind == RULE:
            segments.append(
                Segment("─" * min(column, 24), base + self._style("article-view--rule"))
            )
        elif kind == NOTE:
            segments.append(
                Segment(line.prefix + line.text, base + self._style("article-view--note"))
            )
        elif kind != BLANK:
            text_style = base
            if kind in ("heading", "quote", "code", "caption"):
                text_style = base + self._style(f"article-view--{kind}")
            if whole_line_cursor and not selected:
                text_style = text_style + self._style("article-view--cursor")
            if line.prefix:
                prefix_style = text_style + self._style("article-view--prefix")
                if selected and line.start >= lo:
                    prefix_style = prefix_style + self._style("article-view--selection")
                segments.append(Segment(line.prefix, prefix_style))
            segments.extend(self._body_segments(line.text, line.start, text_style, under))
        side = layout.side.get(index)
        if side is not None:
            prefix, note, _ = side
            used = sum(segment.cell_length for segment in segments)
            gap = left + column + SIDE_GAP - used
            if gap > 0:
                segments.append(Segment(" " * gap, base))
            segments.append(Segment(prefix + note, base + self._style("article-view--note")))
        return Strip(segments).adjust_cell_length(width, base)

    def _body_segments(
        self, text: str, start: int, style: Style, under: Sequence[tuple[int, int, str]] = ()
    ) -> list[Segment]:
        end = start + len(text)
        spans: list[tuple[int, int, str]] = [
            span for span in under if span[0] < end and span[1] > start
        ]
        spans.extend(self._links.overlapping(start, end))
        if self.show_entities:
            spans.extend(self._entities.overlapping(start, end))
        spans.extend(self._marks.overlapping(start, end))
        spans.extend(self._search.overlapping(start, end))
        if self.current_match is not None:
            s, e = self.current_match
            if s < end and e > start:
                spans.append((s, e, "article-view--match-current"))
        if not spans:
            return [Segment(text, style)]
        cuts = {start, end}
        for s, e, _ in spans:
            cuts.add(max(start, min(end, s)))
            cuts.add(max(start, min(end, e)))
        points = sorted(cuts)
        segments = []
        for a, b in zip(points, points[1:], strict=False):
            if a >= b:
                continue
            piece_style = style
            for s, e, name in spans:
                if s <= a and e >= b:
                    piece_style = piece_style + self._style(
                        "article-view--link" if name == "link" else name
                    )
            segments.append(Segment(text[a - start : b - start], piece_style))
        return segments
