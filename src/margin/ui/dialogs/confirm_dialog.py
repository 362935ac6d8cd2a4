"""Ask before doing something that leaves margin (opening a web page) or
that changes what it shows (deleting a highlight, cutting a paragraph)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmDialog(ModalScreen[bool]):
    """Shows ``question`` and ``detail`` (plain text, e.g. a URL); True to go
    ahead. ``yes`` and ``no`` name the two buttons."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(
        self,
        question: str,
        detail: str,
        yes: str = "Open",
        no: str = "Cancel",
        *,
        harmless: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        #: ``enter`` goes ahead (the focus starts on the yes button); else it cancels.
        self.harmless = harmless
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(
                Text(self.question, style="bold"), id="confirm-question", classes="dialog-title"
            )
            yield Static(Text(self.detail), id="confirm-detail")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="confirm-yes")
                yield Button(self.no, id="confirm-no")

    def on_mount(self) -> None:
        self.query_one("#confirm-yes" if self.harmless else "#confirm-no", Button).focus()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "confirm-yes")
