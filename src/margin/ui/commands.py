"""Command palette entries: open an article, export notes, entities, theme.

Article titles are untrusted, so every hit is a ``rich.text.Text`` (which the
palette does not parse) and help strings are fixed text of our own: the
palette parses ``Hit.help`` and plain-string prompts as markup.
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from textual.command import Hit, Hits

from margin import paths
from margin.sanitize import display_path, one_line
from margin.ui.command_list import Command, CommandList, shown
from margin.wording import counted

if TYPE_CHECKING:
    from margin.ui.app import MarginApp


def export_folder() -> Path:
    return paths.home() / "exports"


class MarginCommands(CommandList):
    """margin's own commands, plus one "Open" hit per article."""

    async def startup(self) -> None:
        self._rows: list[Any] = []
        app = cast("MarginApp", self.app)
        if app.library is not None:
            try:
                self._rows = await asyncio.to_thread(app.library.articles, sort="title")
            except Exception:  # noqa: BLE001 - the palette still offers the other commands
                self._rows = []

    @property
    def margin_app(self) -> MarginApp:
        return cast("MarginApp", self.app)

    def commands(self) -> list[Command]:
        app = self.margin_app
        entities = "off" if app.show_entities else "on"
        dark = app.current_theme.dark
        commands: list[Command] = [
            (
                f"Turn entity highlighting {entities}",
                self._toggle_entities,
                "Colour people, organisations and places in the reader",
            ),
            (
                "Switch to the light theme" if dark else "Switch to the dark theme",
                app.toggle_dark,
                "Light or dark colours",
            ),
        ]
        if app.library is not None:
            commands += [
                (
                    "Export notes as Markdown",
                    partial(self._export, "markdown"),
                    "One Obsidian-friendly file per article, in margin's exports folder",
                ),
                (
                    "Export notes as JSON",
                    partial(self._export, "json"),
                    "W3C Web Annotations, in margin's exports folder",
                ),
            ]
        return commands

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for hit in self.command_hits(matcher):
            yield hit
        for row in self._rows:
            if row.status != "ok":
                continue
            title = one_line(row.title) or display_path(Path(row.path).name)
            candidate = f"Open {title}"
            score = matcher.match(candidate)
            if score > 0:
                yield Hit(
                    score * 0.9,
                    shown(matcher, candidate),
                    partial(self._open, row),
                    text=candidate,
                    help="Open this article in the reader",
                )

    def _open(self, row: Any) -> None:
        from margin.ui.screens.reader_screen import ReaderScreen

        self.app.push_screen(ReaderScreen(row.path, row=row))

    def _toggle_entities(self) -> None:
        from margin.ui.screens.reader_screen import ReaderScreen

        screen = self.app.screen
        if isinstance(screen, ReaderScreen):
            screen.action_toggle_entities()
        else:
            self.margin_app.show_entities = not self.margin_app.show_entities
        self.margin_app.say(
            "Entity highlighting on" if self.margin_app.show_entities else "Entity highlighting off"
        )

    def _export(self, fmt: str) -> None:
        self.margin_app.run_worker(
            partial(_export_in_thread, self.margin_app, fmt),
            thread=True,
            exit_on_error=False,
            group="export",
        )


def _export_in_thread(app: MarginApp, fmt: str) -> None:
    from margin import export

    out = export_folder()
    try:
        with app.db() as lib:
            written = export.write(lib, fmt, out)
    except Exception as exc:  # noqa: BLE001 - report, never crash
        app.call_from_thread(app.say, f"Export failed: {one_line(exc)}", severity="error")
        return
    files = counted(len(written), "file")
    app.call_from_thread(app.say, f"Exported {files} to {display_path(out)}")
