"""Edit an article's tags: tick or untick the tags in use, type new ones."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from margin.sanitize import one_line
from margin.wording import shortened


def typed_tags(text: str) -> list[str]:
    """New tags as typed: separated by commas, spaces inside a tag kept."""
    return [" ".join(part.split()) for part in text.split(",") if part.strip()]


def merged(first: list[str], then: list[str]) -> list[str]:
    """``first`` and ``then`` in order, a tag repeated in another case once."""
    seen: dict[str, str] = {}
    for tag in [*first, *then]:
        seen.setdefault(tag.casefold(), tag)
    return list(seen.values())


class TagList(SelectionList[int]):
    """The tags in use: space ticks or unticks one, enter saves (as in the box)."""

    BINDINGS = [Binding("enter", "screen.save", "Save", id="tags.save")]


class TagDialog(ModalScreen[list[str] | None]):
    """Dismisses with the article's tags as they should be, or None on cancel.

    ``tags``: the article's now; ``known``: every tag in the library with how
    many articles carry it (offered to tick)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="tags.cancel")]

    def __init__(self, title: str, tags: list[str], known: list[tuple[str, int]]) -> None:
        super().__init__()
        self.article_title = title
        self.tags = tags
        counts = {tag.casefold(): n for tag, n in known}
        mine = {tag.casefold() for tag in tags}
        others = [tag for tag, _ in known if tag.casefold() not in mine]
        self.offered = [(tag, counts.get(tag.casefold(), 0)) for tag in [*tags, *others]]

    def compose(self) -> ComposeResult:
        title = shortened(one_line(self.article_title) or "this article", 60)
        with Vertical(id="tag-box", classes="dialog"):
            yield Static(Text(f"Tags of “{title}”", style="bold"), classes="dialog-title")
            yield Input(placeholder="new tags, separated by commas", id="tag-new")
            if self.offered:
                yield TagList(
                    *(
                        Selection(_tag_prompt(tag, n), i, i < len(self.tags))
                        for i, (tag, n) in enumerate(self.offered)
                    ),
                    id="tag-list",
                )
            hint = "enter: save · escape: cancel"
            if self.offered:
                hint = "tab: the tags in use · space: tick or untick · " + hint
            yield Static(Text(hint), classes="dialog-hint")

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.cursor_blink = getattr(self.app, "cursor_blink", True)
        box.focus()

    def chosen(self) -> list[str]:
        """The ticked tags, then the typed ones."""
        ticked: list[str] = []
        if self.offered:
            picked = set(self.query_one(SelectionList).selected)
            ticked = [tag for i, (tag, _) in enumerate(self.offered) if i in picked]
        return merged(ticked, typed_tags(self.query_one(Input).value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # enter in the box: after the keys typed before it (a priority
        # binding would run ahead of them and miss the end of a fast paste)
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.chosen())

    def action_cancel(self) -> None:
        self.dismiss(None)


def _tag_prompt(tag: str, count: int) -> Text:
    text = Text(one_line(tag))
    if count:
        text.append(f"  {count}", style="dim")
    return text
