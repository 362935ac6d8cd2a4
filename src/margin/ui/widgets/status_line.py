"""A one-line status bar that repaints without a new layout.

``Static.update`` asks for a layout of the whole screen, so every page-down
(which changes the percentage read) re-rendered every widget on the screen,
footer keys included. The status line has a fixed size: a repaint is enough,
and none at all when the text is unchanged.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    def update(self, text: Text) -> None:
        """Show ``text`` (plain Rich text: never parsed as markup)."""
        if text.plain == self._text.plain and text.spans == self._text.spans:
            return
        self._text = text
        self.refresh()

    def render(self) -> Text:
        return self._text
