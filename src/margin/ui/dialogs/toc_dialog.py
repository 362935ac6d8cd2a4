"""Table of contents: the article's headings; choosing one jumps there."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from margin.model import Block
from margin.sanitize import one_line


class TocDialog(ModalScreen[int | None]):
    """Dismisses with the chosen heading's block index, or None."""

    BINDINGS = [
        Binding("escape,q,t", "close", "Close", id="toc.close"),
        Binding("j", "cursor_down", show=False, id="toc.down"),
        Binding("k", "cursor_up", show=False, id="toc.up"),
    ]

    def __init__(self, blocks: list[Block], current: int = 0) -> None:
        super().__init__()
        self.headings = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading"]
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="toc-box", classes="dialog"):
            yield Static(Text("Contents", style="bold"), classes="dialog-title")
            if not self.headings:
                yield Static(Text("This article has no headings."), classes="dialog-hint")
            options = []
            for index, block in self.headings:
                indent = "  " * max(0, min(block.level, 6) - 1)
                options.append(Option(Text(indent + one_line(block.text)), id=str(index)))
            yield OptionList(*options, id="toc-list")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.focus()
        best = 0
        for position, (index, _) in enumerate(self.headings):
            if index <= self.current:
                best = position
        if self.headings:
            option_list.highlighted = best

    def action_cursor_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(int(event.option.id or 0))
