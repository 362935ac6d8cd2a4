"""Ask for one line of text (an address, a file), checked before it is taken."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from margin.sanitize import one_line

#: Why a value will not do (one line, plain text), or None when it will.
Check = Callable[[str], str | None]


class PromptDialog(ModalScreen[str | None]):
    """Dismisses with the text typed (stripped) once ``check`` accepts it, or
    None on cancel. A refused value keeps the dialog open with the reason
    under the box, and says it in a notification too."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(
        self,
        title: str,
        hint: str,
        *,
        placeholder: str = "",
        value: str = "",
        check: Check | None = None,
        yes: str = "OK",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.hint = hint
        self.placeholder = placeholder
        self.value = value
        self.check = check
        self.yes = yes

    def make_input(self) -> Input:
        return Input(self.value, placeholder=self.placeholder, id="prompt-input")

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt-box", classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            yield self.make_input()
            yield Static(Text(), id="prompt-problem")
            yield Static(Text(self.hint), classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button(self.yes, variant="primary", id="prompt-yes")
                yield Button("Cancel", id="prompt-no")

    def on_mount(self) -> None:
        box = self.query_one(Input)
        box.cursor_blink = getattr(self.app, "cursor_blink", True)
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "prompt-yes":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        value = self.query_one(Input).value.strip()
        problem = self.check(value) if self.check is not None else None
        if problem is None:
            self.dismiss(value)
            return
        problem = one_line(problem)
        self.query_one("#prompt-problem", Static).update(Text(problem))
        self.app.notify(problem, severity="warning", markup=False)
        self.query_one(Input).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
