"""A list of the reader's corrections to the cut (the site rules, or one
article's cuts and keeps), each with its state; choosing one removes it
(the caller asks first)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from margin.library.corrections import Correction
from margin.sanitize import one_line
from margin.wording import counted, shortened

#: How a correction's state in its article reads.
STATES = {
    "applied": "applied",
    "redundant": "redundant: margin does that already",
    "overridden": "overridden by a newer correction",
    "unmatched": "unmatched: its text is no longer on the page",
    "pending": "pending: not applied yet",
}
#: What a site rule's scope is named by.
SCOPES = {"host": "web site", "site": "site name", "folder": "folder"}
#: Characters of a correction's text shown.
QUOTE_LENGTH = 70


def quoted(text: str, limit: int = QUOTE_LENGTH) -> str:
    """A correction's text on one line, cut with "…", in quotes."""
    return f"“{shortened(one_line(text), limit)}”"


def describe_rule(rule: Correction) -> str:
    """A site rule: its site, what it cuts, in how many articles."""
    scope = SCOPES.get(rule.scope, rule.scope)
    where = one_line(rule.site or "")
    return f"{where} ({scope}) · cuts {quoted(rule.exact)} · {counted(rule.articles, 'article')}"


def describe(correction: Correction) -> str:
    """One of an article's corrections: what it does, and its state there."""
    state = STATES.get(correction.state, correction.state)
    if correction.is_rule:
        what = f"site rule of {one_line(correction.site or '')}: cut"
    else:
        what = correction.action
    return f"{what} {quoted(correction.exact)} · {state}"


class CorrectionsDialog(ModalScreen[Correction | None]):
    """Lists ``corrections`` (``rules``: as site rules); dismisses with the
    one chosen to be removed, or None."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="corrections.close"),
        Binding("j", "focused.cursor_down", show=False, id="corrections.down"),
        Binding("k", "focused.cursor_up", show=False, id="corrections.up"),
    ]

    def __init__(
        self, title: str, corrections: list[Correction], *, rules: bool, empty: str
    ) -> None:
        super().__init__()
        self.title_text = title
        self.corrections = corrections
        self.rules = rules
        self.empty = empty

    def compose(self) -> ComposeResult:
        with Vertical(id="corrections-box", classes="dialog"):
            yield Static(Text(self.title_text, style="bold"), classes="dialog-title")
            if not self.corrections:
                yield Static(Text(self.empty), classes="dialog-hint")
            else:
                hint = "enter removes the one chosen (asks first) · escape closes"
                yield Static(Text(hint), classes="dialog-hint")
            options = [
                Option(Text(describe_rule(c) if self.rules else describe(c)), id=str(n))
                for n, c in enumerate(self.corrections)
            ]
            yield OptionList(*options, id="corrections-list")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.corrections[int(event.option.id or 0)])
