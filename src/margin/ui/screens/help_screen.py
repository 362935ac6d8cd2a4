"""The ``?`` screen: every key, as currently mapped (config.toml remaps included)."""

from __future__ import annotations

from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from margin.sanitize import display_path

EVERYWHERE_EXTRA = [
    ("ctrl+p", "Command palette: open an article, import an export, site rules, theme…")
]


def config_location() -> str:
    from margin import paths

    return display_path(paths.config_path())


def key_rows(app: Any, bindings: list[Any]) -> list[tuple[str, str, str]]:
    """(keys, description, id) for each binding id, after the user's remaps."""
    keymap: dict[str, str] = getattr(app, "_keymap", {}) or {}
    order: list[str] = []
    keys: dict[str, list[str]] = {}
    descriptions: dict[str, str] = {}
    for binding in Binding.make_bindings(bindings):
        ident = binding.id or binding.action
        if ident not in keys:
            order.append(ident)
            keys[ident] = []
            descriptions[ident] = binding.description or binding.action
        keys[ident].append(app.get_key_display(binding))
    for ident, remapped in keymap.items():
        if ident in keys:
            keys[ident] = [
                app.get_key_display(Binding(k.strip(), "noop"))
                for k in remapped.split(",")
                if k.strip()
            ]
    return [(" ".join(keys[i]), descriptions[i], i) for i in order]


class HelpScreen(ModalScreen[None]):
    """Lists the keys of every screen; ``?``, ``q`` or ``escape`` closes it."""

    BINDINGS = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
        Binding("j,down", "scroll(1)", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", show=False, id="help.up"),
    ]

    def __init__(self, under: Screen[Any] | None = None) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        from margin.ui.app import MarginApp
        from margin.ui.screens.library_screen import LibraryScreen
        from margin.ui.screens.reader_screen import ReaderScreen
        from margin.ui.widgets.article_list import ArticleList

        sections = [
            ("Everywhere", list(MarginApp.BINDINGS), EVERYWHERE_EXTRA),
            ("Library", list(LibraryScreen.BINDINGS) + list(ArticleList.BINDINGS), []),
            ("Reader", list(ReaderScreen.BINDINGS), []),
        ]
        if isinstance(self.under, ReaderScreen):
            # the keys of the screen the reader is on first
            sections[1], sections[2] = sections[2], sections[1]
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Text("margin: keys", style="bold"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                for title, bindings, extra in sections:
                    table = Table.grid(padding=(0, 2))
                    table.add_column(style="bold", min_width=14)
                    table.add_column()
                    table.add_column(style="dim")
                    for keys, description, ident in key_rows(self.app, bindings):
                        if ident in ("library.close_search",):
                            continue
                        table.add_row(Text(keys), Text(description), Text(ident))
                    for keys, description in extra:
                        table.add_row(Text(keys), Text(description), Text(""))
                    yield Static(Text(title, style="bold underline"), classes="help-section")
                    yield Static(table)
                hint = Text(
                    'Remap any key in config.toml, e.g.  [keys]  reader.highlight = "H"  '
                    "(the ids are in the right-hand column).",
                    style="dim",
                )
                yield Static(hint, classes="help-section")
                yield Static(Text(f"config: {config_location()}", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, lines: int) -> None:
        self.query_one("#help-scroll", VerticalScroll).scroll_relative(y=lines, animate=False)
