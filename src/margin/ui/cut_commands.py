"""Command palette entries for the reader's corrections to the cut: "Site
rules" (every site rule, each removable) and, in the reader, "Corrections
in this article" (its cuts and keeps with their state, unmatched ones too).

The names and help texts are fixed text of our own; what a correction cuts
(article text) is shown only in the list's dialog, as plain ``Text``. The
reader screen is imported only when an entry is chosen: the app starts
without it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from functools import partial
from typing import TYPE_CHECKING, Any, cast

from margin.sanitize import one_line
from margin.ui.command_list import Command, CommandList

if TYPE_CHECKING:
    from margin.library.corrections import Correction
    from margin.ui.app import MarginApp
    from margin.ui.screens.reader_screen import ReaderScreen

NO_RULES = (
    "No site rules yet. In the reader, X cuts the paragraph under the cursor; when "
    "other articles of its site show it too, margin offers to cut it there as well."
)
NO_CORRECTIONS = (
    "No corrections in this article. X cuts the paragraph under the cursor; "
    "z shows what margin dropped, and K brings a paragraph back."
)


class CutCommands(CommandList):
    """The site rules, and the corrections of the article in the reader."""

    @property
    def margin_app(self) -> MarginApp:
        return cast("MarginApp", self.app)

    def commands(self) -> list[Command]:
        app = self.margin_app
        if app.library is None:
            return []
        commands: list[Command] = [
            (
                "Site rules",
                partial(self._run, site_rules, app),
                "What each site rule cuts, and where; remove one",
            ),
        ]
        reader = self._reader()
        if reader is not None:
            commands.append(
                (
                    "Corrections in this article",
                    partial(self._run, article_corrections, app, reader),
                    "Its cuts and keeps, with their state; remove one",
                )
            )
        return commands

    def _reader(self) -> Any:
        """The reader the palette was opened over, if its article is in the library."""
        screen = self.screen
        loaded = getattr(screen, "article", None) is not None
        return screen if loaded and getattr(screen, "in_library", False) else None

    def _run(self, flow: Callable[..., Coroutine[Any, Any, None]], *args: Any) -> None:
        # a worker: the dialogs are waited for, and the library read in a thread
        self.app.run_worker(flow(*args), group="corrections", exclusive=True)


async def site_rules(app: MarginApp) -> None:
    """List the site rules; the one chosen is removed once the reader says so."""
    from margin.ui.dialogs.corrections_dialog import CorrectionsDialog

    assert app.library is not None
    try:
        rules = await asyncio.to_thread(app.library.site_rules)
    except Exception as exc:  # noqa: BLE001 - say why, keep running
        app.say(f"Cannot list the site rules: {one_line(exc)}", severity="error")
        return
    dialog = CorrectionsDialog("Site rules", rules, rules=True, empty=NO_RULES)
    chosen = await app.push_screen_wait(dialog)
    if chosen is not None and await confirmed(app, chosen):
        await remove(app, chosen)


async def article_corrections(app: MarginApp, reader: ReaderScreen) -> None:
    """List the corrections of the reader's article; the one chosen is
    removed, through the reader, once the reader says so."""
    from margin.ui.dialogs.corrections_dialog import CorrectionsDialog

    assert app.library is not None
    try:
        listed = await asyncio.to_thread(app.library.corrections, reader.path)
    except Exception as exc:  # noqa: BLE001 - say why, keep running
        app.say(f"Cannot list the corrections: {one_line(exc)}", severity="error")
        return
    title = "Corrections in this article"
    chosen = await app.push_screen_wait(
        CorrectionsDialog(title, listed, rules=False, empty=NO_CORRECTIONS)
    )
    if chosen is not None and await confirmed(app, chosen):
        reader.remove_listed(chosen)


async def confirmed(app: MarginApp, correction: Correction) -> bool:
    """Ask before removing ``correction``."""
    from margin.ui.dialogs.confirm_dialog import ConfirmDialog
    from margin.ui.dialogs.corrections_dialog import describe, describe_rule

    if correction.is_rule:
        question, detail = "Remove this site rule?", describe_rule(correction)
    else:
        question, detail = f"Remove this {correction.action}?", describe(correction)
    answer: bool | None = await app.push_screen_wait(ConfirmDialog(question, detail, yes="Remove"))
    return bool(answer)


async def remove(app: MarginApp, correction: Correction) -> None:
    """Remove ``correction``: through the reader when one is open (it shows
    the article as it is then), else here, in a thread."""
    from margin.ui.screens.reader_screen import ReaderScreen

    screen = app.screen
    if isinstance(screen, ReaderScreen) and screen.in_library:
        screen.remove_listed(correction)
        return
    assert app.library is not None
    try:
        await asyncio.to_thread(app.library.remove_correction, correction.id)
    except Exception as exc:  # noqa: BLE001 - say why, keep running
        app.say(f"Not removed: {one_line(exc)}", severity="error")
        return
    app.say("Site rule removed" if correction.is_rule else f"Removed the {correction.action}")
