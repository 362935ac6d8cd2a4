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
from margin.ui.widgets.article_layout import BLANK, META, NOTE, RULE, TITLE, Layout, layout_article

#: Articles longer than this (characters) are wrapped in a worker thread.
SYNC_LAYOUT_LIMIT = 150_000
#: Blocks past the reading position laid out at once for a long article.
HEAD_BLOCKS = 120

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


class ArticleView(ScrollView, can_focus=True):
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
        & > .article-view--highlight { background: $warning 35%; }
        & > .article-view--highlight-note { background: $warning 35%; text-style: underline; }
        & > .article-view--match { background: $accent 40%; }
        & > .article-view--match-current { background: $accent; color: $text; text-style: bold; }
        & > .article-view--cursor { background: $boost; }
        & > .article-view--selection { background: $primary 30%; }
        & > .article-view--gutter { color: $accent; }
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
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.column_width = column_width
        self.article: Article | None = None
        self.text_layout: Layout | None = None
        self.show_entities = show_entities
        self.cursor_block = 0
        self.selection_anchor: int | None = None
        self.highlights: list[Highlight] = []
        self.search_query = ""
        self.matches: list[tuple[int, int]] = []
        self.current_match: tuple[int, int] | None = None
        self._entities = _EMPTY
        self._links = _EMPTY
        self._marks = _EMPTY
        self._search = _EMPTY
        self._generation = 0
        self._pending_offset: int | None = None
        self._cache: LRUCache[tuple[int, int, int], Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        # Widget.rich_style walks every ancestor: far too slow to call per line
        self._base_style: Style | None = None

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
        self.selection_anchor = None
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
        """Replace the highlights; notes are laid out under their paragraphs."""
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
        self._scroll_to_offset(start, center=True)
        self._restyle()

    def block_at(self, offset: int) -> int | None:
        if self.article is None or not self.article.blocks:
            return None
        starts = [b.start for b in self.article.blocks]
        return max(0, bisect_right(starts, offset) - 1)

    def move_cursor(self, delta: int) -> None:
        """Move the reading cursor by ``delta`` blocks, scrolling to keep it in view."""
        if self.article is None or not self.article.blocks:
            return
        self.cursor_block = max(0, min(len(self.article.blocks) - 1, self.cursor_block + delta))
        self.current_match = None
        self._scroll_cursor_into_view()
        self._restyle()

    def set_cursor(self, block: int) -> None:
        self.move_cursor(block - self.cursor_block)

    def start_selection(self) -> bool:
        """Toggle selection mode; returns whether a selection is now active."""
        self.selection_anchor = None if self.selection_anchor is not None else self.cursor_block
        self._restyle()
        return self.selection_anchor is not None

    def selected_range(self) -> tuple[int, int] | None:
        """Text offsets of the selection, or of the cursor paragraph."""
        if self.article is None or not self.article.blocks:
            return None
        if self.current_match is not None and self.selection_anchor is None:
            return self.current_match
        anchor = self.cursor_block if self.selection_anchor is None else self.selection_anchor
        lo, hi = sorted((anchor, self.cursor_block))
        blocks = self.article.blocks
        return blocks[lo].start, blocks[hi].end

    def clear_selection(self) -> None:
        self.selection_anchor = None
        self.current_match = None
        self._restyle()

    def highlights_in_cursor(self) -> list[Highlight]:
        if self.article is None or not self.article.blocks:
            return []
        block = self.article.blocks[self.cursor_block]
        return [
            h
            for h in self.highlights
            if h.start is not None
            and h.end is not None
            and h.start < block.end
            and h.end > block.start
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

    def _notes_by_block(self) -> dict[int, list[tuple[int, str]]]:
        notes: dict[int, list[tuple[int, str]]] = {}
        for h in self.highlights:
            if not h.note or h.start is None or h.end is None:
                continue
            block = self.block_at(max(h.start, h.end - 1))
            if block is not None:
                notes.setdefault(block, []).append((h.id or 0, h.note))
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

    def _column(self) -> int:
        width = self.scrollable_content_region.width or self.size.width or 80
        return max(20, min(self.column_width, width - 4))

    def _request_layout(self) -> None:
        article = self.article
        if article is None:
            return
        self._generation += 1
        column = self._column()
        notes = self._notes_by_block()
        if len(article.text) <= SYNC_LAYOUT_LIMIT:
            layout = layout_article(article, column, notes)
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
            layout = layout_article(partial, column, notes)
            assert layout is not None
            self._apply_layout(layout)
        self._layout_in_thread(article, column, notes, self._generation)

    # a fixed description: by default Textual repr()s the arguments, which for
    # a 100,000-word Article took 40 ms on the UI thread
    @work(thread=True, exclusive=True, exit_on_error=False, group="layout", description="layout")
    def _layout_in_thread(
        self,
        article: Article,
        column: int,
        notes: dict[int, list[tuple[int, str]]],
        generation: int,
    ) -> None:
        worker = get_current_worker()
        layout = layout_article(article, column, notes, cancelled=lambda: worker.is_cancelled)
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
                line = layout.line_for_offset(offset)
            # after the refresh: the new virtual size must be in place first
            self.call_after_refresh(self.scroll_to, y=line, animate=False, immediate=True)
        self.refresh()
        self.post_message(self.Changed(self))

    def on_resize(self, event: Resize) -> None:
        if self.article is None:
            return
        if self.text_layout is None or self.text_layout.width != self._column():
            if self.text_layout is not None:
                self._pending_offset = self.top_offset
            self._request_layout()
        else:
            self.virtual_size = Size(
                self.scrollable_content_region.width, len(self.text_layout.lines)
            )
            self._restyle()

    # ------------------------------------------------------------- scrolling

    def _cursor_offset(self) -> int:
        if self.article is None or not self.article.blocks:
            return 0
        return self.article.blocks[self.cursor_block].start

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
        if self.text_layout is None or not self.text_layout.block_first_line:
            return
        first = self.text_layout.block_first_line[self.cursor_block]
        nxt = self.cursor_block + 1
        last = (
            self.text_layout.block_first_line[nxt] - 1
            if nxt < len(self.text_layout.block_first_line)
            else len(self.text_layout.lines) - 1
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
            block = self.text_layout.lines[index].block
            if block >= 0:
                self.cursor_block = block
                self.current_match = None
                self._restyle()

    # ------------------------------------------------------------- rendering

    def _restyle(self) -> None:
        self._cache.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._styles.clear()
        self._cache.clear()

    @property
    def base_style(self) -> Style:
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True)
        return style

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
        line = self.text_layout.lines[index]
        column = self.text_layout.width
        left = max(2, (width - column) // 2)
        segments: list[Segment] = []
        in_cursor = line.block == self.cursor_block and line.kind not in (BLANK, TITLE, META, RULE)
        selected = False
        if self.selection_anchor is not None and line.kind not in (BLANK, TITLE, META, RULE):
            lo, hi = sorted((self.selection_anchor, self.cursor_block))
            selected = lo <= line.block <= hi
        if in_cursor or selected:
            segments.append(Segment(" " * (left - 2), base))
            segments.append(Segment("▎ ", base + self._style("article-view--gutter")))
        else:
            segments.append(Segment(" " * left, base))
        kind = line.kind
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
            if selected:
                text_style = text_style + self._style("article-view--selection")
            elif in_cursor:
                text_style = text_style + self._style("article-view--cursor")
            if line.prefix:
                segments.append(
                    Segment(line.prefix, text_style + self._style("article-view--prefix"))
                )
            segments.extend(self._body_segments(line.text, line.start, text_style))
        return Strip(segments).adjust_cell_length(width, base)

    def _body_segments(self, text: str, start: int, style: Style) -> list[Segment]:
        end = start + len(text)
        spans: list[tuple[int, int, str]] = list(self._links.overlapping(start, end))
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
