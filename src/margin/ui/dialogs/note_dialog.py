"""A modal editor for the note on a highlight."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static, TextArea

from margin.sanitize import one_line
from margin.wording import shortened


class NoteDialog(ModalScreen[str | None]):
    """Edit a note; dismisses with the text (possibly empty) or None on cancel."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]

    def __init__(self, quote: str, note: str | None = None) -> None:
        super().__init__()
        self.quote = quote
        self.note = note or ""

    def compose(self) -> ComposeResult:
        quote = shortened(one_line(self.quote), 240)
        with Vertical(id="note-box", classes="dialog"):
            yield Static(Text("Note on the highlight", style="bold"), classes="dialog-title")
            yield Static(Text(f"“{quote}”", style="italic"), id="note-quote")
            yield TextArea(self.note, id="note-text", soft_wrap=True, show_line_numbers=False)
            yield Static(Text("ctrl+s save · escape cancel"), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", variant="primary", id="note-save")
                yield Button("Cancel", id="note-cancel")

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        for editor in self.query("Input, TextArea"):
            editor.cursor_blink = getattr(self.app, "cursor_blink", True)  # type: ignore[attr-defined]
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.action_cancel()
