"""Choose a tag to list only the articles that carry it (``#``)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from margin.sanitize import one_line
from margin.wording import counted


class TagFilterDialog(ModalScreen[str | None]):
    """Dismisses with the tag chosen, "" for every article (no tag filter),
    or None when closed without a choice."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="tag_filter.close"),
        Binding("j", "focused.cursor_down", show=False, id="tag_filter.down"),
        Binding("k", "focused.cursor_up", show=False, id="tag_filter.up"),
    ]

    def __init__(self, tags: list[tuple[str, int]], current: str | None = None) -> None:
        super().__init__()
        self.tags = tags
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-filter-box", classes="dialog"):
            yield Static(Text("List the articles tagged…", style="bold"), classes="dialog-title")
            if not self.tags:
                hint = "No article has a tag yet: T on an article gives it some."
                yield Static(Text(hint), classes="dialog-hint")
            options = [Option(Text("every article (no tag filter)", style="italic"))]
            for tag, n in self.tags:
                prompt = Text(one_line(tag))
                prompt.append(f"  {counted(n, 'article')}", style="dim")
                options.append(Option(prompt))
            yield OptionList(*options, id="tag-filter-list")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.focus()
        names = [tag.casefold() for tag, _ in self.tags]
        current = (self.current or "").casefold()
        options.highlighted = names.index(current) + 1 if current in names else 0

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        index = event.option_index
        self.dismiss(self.tags[index - 1][0] if index else "")
