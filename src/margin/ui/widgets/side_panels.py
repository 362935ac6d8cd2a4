"""Side panels of the reader: entities by frequency, and highlights with notes."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from margin.entities import EntitySummary as EntityGroup
from margin.entities import entity_summary
from margin.model import Entity, Highlight
from margin.sanitize import one_line
from margin.ui.entity_colours import entity_colour
from margin.wording import shortened


def theme_colour(widget: Widget, variable: str) -> str:
    """A theme variable's colour (opaque ones only: label and note colours)."""
    return widget.app.get_css_variables().get(variable, "")


def summarise(entities: Sequence[Entity]) -> list[EntityGroup]:
    """Entities grouped as ``margin entities`` groups them, most mentioned first."""
    return entity_summary(list(entities))


class PanelList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", show=False, id="panel.down"),
        Binding("k", "cursor_up", show=False, id="panel.up"),
    ]


class EntityPanel(Vertical):
    """Lists the article's entities; choosing one jumps through its mentions."""

    class Chosen(Message):
        def __init__(self, group: EntityGroup) -> None:
            super().__init__()
            self.group = group

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.groups: list[EntityGroup] = []
        self._entities: Sequence[Entity] = ()

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self.set_entities(self._entities), init=False)

    def compose(self) -> ComposeResult:
        yield Static(Text("Entities", style="bold"), classes="panel-title")
        yield Static(Text("enter: next mention · n/N: step · e: close"), classes="panel-hint")
        yield PanelList(id="entity-list")

    def set_entities(self, entities: Sequence[Entity]) -> None:
        self._entities = entities
        self.groups = summarise(entities)
        option_list = self.query_one(PanelList)
        option_list.clear_options()
        if not self.groups:
            option_list.add_option(Option(Text("No names found in this article."), disabled=True))
            return
        options = []
        for index, group in enumerate(self.groups):
            prompt = Text()
            prompt.append(f"{group.count:>4} ", style="dim")
            prompt.append(one_line(group.text))
            colour = entity_colour(group.label)
            prompt.append(f"  {colour.name}", style=colour.on(self.app.current_theme.dark))
            options.append(Option(prompt, id=str(index)))
        option_list.add_options(options)
        option_list.highlighted = 0

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.groups[int(event.option.id)]))


class NotesPanel(Vertical):
    """Lists the article's highlights and notes; choosing one jumps to it."""

    class Chosen(Message):
        def __init__(self, highlight: Highlight) -> None:
            super().__init__()
            self.highlight = highlight

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.items: list[Highlight] = []

    def on_mount(self) -> None:
        self.watch(self.app, "theme", lambda: self.set_highlights(self.items), init=False)

    def compose(self) -> ComposeResult:
        yield Static(Text("Highlights and notes", style="bold"), classes="panel-title")
        yield Static(Text("enter: go to · a: edit note · x: delete"), classes="panel-hint")
        yield PanelList(id="notes-list")

    def set_highlights(self, highlights: Sequence[Highlight]) -> None:
        self.items = sorted(highlights, key=lambda h: (h.start is None, h.start or 0))
        option_list = self.query_one(PanelList)
        keep = option_list.highlighted
        option_list.clear_options()
        if not self.items:
            option_list.add_option(
                Option(Text("No highlights yet: h highlights the paragraph."), disabled=True)
            )
            return
        options = []
        error = theme_colour(self, "text-error")
        note_colour = theme_colour(self, "text-warning")
        for index, h in enumerate(self.items):
            quote = shortened(one_line(h.exact), 120)
            prompt = Text()
            prompt.append(f"“{quote}”", style="italic")
            if h.state != "anchored" or h.start is None:
                prompt.append("  (orphaned: no longer in the text)", style=error)
            if h.note:
                prompt.append("\n  ✎ ")
                prompt.append(one_line(h.note), style=note_colour)
            options.append(Option(prompt, id=str(index)))
        option_list.add_options(options)
        if keep is not None:
            option_list.highlighted = min(keep, len(options) - 1)
        else:
            option_list.highlighted = 0

    @property
    def current(self) -> Highlight | None:
        option_list = self.query_one(PanelList)
        index = option_list.highlighted
        if index is None or not self.items or index >= len(self.items):
            return None
        return self.items[index]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(self.items[int(event.option.id)]))
