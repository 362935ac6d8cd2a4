"""A virtual list of articles: only the rows on screen are ever rendered.

A ``DataTable`` or ``ListView`` builds every row up front (a ``ListView`` of
10,000 items took 31 s here); this ``ScrollView`` keeps plain row records and
renders a row into a ``Strip`` only when it scrolls into view. Titles, sites
and snippets become ``Segment`` text as they are, so nothing in them is
parsed as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.cache import LRUCache
from textual.events import Click
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from margin.sanitize import display_path, one_line
from margin.ui.theme_styles import CachedLineStyles
from margin.wording import percent


@dataclass(slots=True)
class ListItem:
    """One row: an article row from the library, and a snippet when searching."""

    row: Any  # margin.library.ArticleRow
    snippet: str | None = None
    matches: list[tuple[int, int]] = field(default_factory=list)  # offsets into snippet


def plain_snippet(value: str | None) -> str:
    if not value:
        return ""
    return "".join(" " if (ch < " " or "\x7f" <= ch <= "\x9f") else ch for ch in value)


def _date(value: str | None) -> str:
    return one_line(value)[:10] if value else ""


class ArticleList(CachedLineStyles, ScrollView, can_focus=True):
    """Rows of articles; ``enter`` or a click posts :class:`ArticleList.Chosen`."""

    COMPONENT_CLASSES = {
        "article-list--cursor",
        "article-list--title",
        "article-list--dim",
        "article-list--mark",
        "article-list--failed",
        "article-list--snippet",
        "article-list--unread",
    }

    DEFAULT_CSS = """
    ArticleList {
        background: $surface;
        scrollbar-gutter: stable;
        & > .article-list--cursor { background: $block-cursor-blurred-background; }
        & > .article-list--title { }
        & > .article-list--unread { text-style: bold; }
        & > .article-list--dim { color: $text-muted; }
        & > .article-list--mark { color: $text-warning; }
        & > .article-list--failed { color: $text-error; }
        & > .article-list--snippet { color: $text-muted; text-style: italic; }
    }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    """

    BINDINGS = [
        Binding("j,down", "cursor(1)", "Down", show=False, id="library.down"),
        Binding("k,up", "cursor(-1)", "Up", show=False, id="library.up"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="library.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="library.page_up"),
        Binding("g,home", "first", "First", show=False, id="library.first"),
        Binding("G,end", "last", "Last", show=False, id="library.last"),
        Binding("enter", "choose", "Open", id="library.open"),
    ]

    cursor: reactive[int] = reactive(0, repaint=False)

    class Chosen(Message):
        def __init__(self, item: ListItem) -> None:
            super().__init__()
            self.item = item

    class Moved(Message):
        def __init__(self, item: ListItem | None) -> None:
            super().__init__()
            self.item = item

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items: list[ListItem] = []
        self.item_height = 1
        self._cache: LRUCache[tuple[int, int, int, bool], Strip] = LRUCache(512)

    # ------------------------------------------------------------- data

    def set_items(
        self, items: Sequence[ListItem], *, item_height: int = 1, keep: bool = True
    ) -> None:
        """Replace the rows; with ``keep`` the cursor stays on the same article."""
        current = self.current
        self.items = list(items)
        self.item_height = item_height
        self._cache.clear()
        self.virtual_size = Size(
            self.scrollable_content_region.width, len(self.items) * item_height
        )
        index = 0
        if keep and current is not None:
            path = current.row.path
            for i, item in enumerate(self.items):
                if item.row.path == path:
                    index = i
                    break
        self.set_reactive(ArticleList.cursor, min(index, max(0, len(self.items) - 1)))
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Moved(self.current))

    @property
    def current(self) -> ListItem | None:
        if 0 <= self.cursor < len(self.items):
            return self.items[self.cursor]
        return None

    def refresh_row(self, index: int) -> None:
        self._cache.clear()
        self.refresh()

    # ------------------------------------------------------------- moving

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.items) - 1)) if self.items else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.Moved(self.current))

    def _scroll_cursor_into_view(self) -> None:
        if not self.items:
            return
        top = self.cursor * self.item_height
        self.scroll_to_region(
            Region(0, top, 1, self.item_height), animate=False, immediate=True, force=True
        )

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, pages: int) -> None:
        rows = max(1, self.scrollable_content_region.height // self.item_height - 1)
        self.cursor += rows * pages

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.items) - 1

    def action_choose(self) -> None:
        item = self.current
        if item is not None:
            self.post_message(self.Chosen(item))

    def on_click(self, event: Click) -> None:
        index = (int(self.scroll_y) + event.y) // self.item_height
        if 0 <= index < len(self.items):
            if index == self.cursor and event.chain >= 2:
                self.action_choose()
            self.cursor = index
            if event.chain >= 2:
                self.action_choose()

    # ------------------------------------------------------------- render

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.base_style
        line = y + int(self.scroll_y)
        index, part = divmod(line, self.item_height)
        if index >= len(self.items):
            return Strip.blank(width, base)
        selected = index == self.cursor
        key = (line, width, self.item_height, selected and self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            strip = self._render_row(self.items[index], part, width, selected)
            self._cache[key] = strip
        return strip

    def on_focus(self) -> None:
        self._cache.clear()
        self.refresh()

    def on_blur(self) -> None:
        self._cache.clear()
        self.refresh()

    def _render_row(self, item: ListItem, part: int, width: int, selected: bool) -> Strip:
        # Pieces of (plain text, style) cut to the width here, without a
        # rich Text and a console render: that was 1-2 ms a row, the largest
        # part of painting a screenful of the list.
        base = self.base_style
        if selected:
            base = base + self._style("article-list--cursor")
        row = item.row
        if part == 1:
            pieces = self._snippet_pieces(item)
        elif getattr(row, "status", "ok") != "ok":
            pieces = self._failed_pieces(row)
        else:
            pieces = self._article_pieces(row, width)
        segments: list[Segment] = []
        room = width
        for text, style in pieces:
            if not text or room <= 0:
                continue
            used = cell_len(text)
            if used > room:
                text = _fit(text, room)
                used = room
            room -= used
            if style and selected:
                # on the cursor row, the cursor's colours: muted grey on blue did not read
                style = style.without_color
            segments.append(Segment(text, base + style if style else base))
        return Strip(segments, width - room).adjust_cell_length(width, base)

    def _snippet_pieces(self, item: ListItem) -> list[tuple[str, Style | None]]:
        # the snippet is already plain text; newlines become spaces (same length)
        snippet = plain_snippet(item.snippet)
        dim = self._style("article-list--snippet")
        pieces: list[tuple[str, Style | None]] = [("     ", None)]
        at = 0
        for s, e in sorted(item.matches):
            if at <= s < e <= len(snippet):
                pieces.append((snippet[at:s], dim))
                pieces.append((snippet[s:e], dim + _MATCH))
                at = e
        pieces.append((snippet[at:], dim))
        return pieces

    def _failed_pieces(self, row: Any) -> list[tuple[str, Style | None]]:
        failed = self._style("article-list--failed")
        reason = one_line(getattr(row, "reason", "") or "could not be read")
        return [
            (" ✗  ", failed),
            (display_path(Path(str(row.path)).name), None),
            (f"  — {reason}", failed),
        ]

    def _article_pieces(self, row: Any, width: int) -> list[tuple[str, Style | None]]:
        mark = "★" if row.bookmarked else " "
        right = self._right_columns(row, width)
        right_width = sum(cell_len(text) for text, _ in right)
        title = one_line(row.title) or display_path(Path(str(row.path)).name)
        title_width = max(8, width - 4 - right_width - 1)
        unread = None if row.progress else self._style("article-list--unread")
        return [
            (f" {mark}  ", self._style("article-list--mark")),
            (_fit(title, title_width), unread),
            (" ", None),
            *right,
        ]

    def _right_columns(self, row: Any, width: int) -> list[tuple[str, Style | None]]:
        dim = self._style("article-list--dim")
        right: list[tuple[str, Style | None]] = []
        if width >= 70:
            site = one_line(row.site)
            right.append((_fit(site, 18) + " ", dim))
        if width >= 56:
            right.append((f"{_date(row.published):<10} ", dim))
        minutes = f"{row.reading_minutes} min" if row.reading_minutes else ""
        right.append((f"{minutes:>7} ", dim))
        progress = row.progress or 0.0
        shown = "done" if progress >= 1.0 else (f"{percent(progress)}%" if progress > 0 else "new")
        right.append((f"{shown:>4} ", dim))
        notes = f"✎{row.highlights}" if row.highlights else ""
        right.append((f"{notes:<4}", self._style("article-list--mark")))
        return right


_MATCH = Style(bold=True, reverse=True)


def _fit(text: str, width: int) -> str:
    """``text`` cut (with an ellipsis) or padded to exactly ``width`` cells."""
    if width <= 0:
        return ""
    used = cell_len(text)
    if used <= width:
        return text + " " * (width - used)
    return set_cell_size(text, width - 1) + "…"
