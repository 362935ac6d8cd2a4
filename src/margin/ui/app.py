"""The Textual application: screens, key map, command palette, theme."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, redirect_stderr
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.theme import Theme

from margin.config import Config, save_setting
from margin.errors import MarginError
from margin.sanitize import one_line
from margin.ui.commands import MarginCommands
from margin.ui.cut_commands import CutCommands

if TYPE_CHECKING:
    from margin.library import Library

#: Seconds after the first screen is mounted before the work it does not
#: show starts (the whole list, the rescan): by then its frame is on the
#: terminal, and no thread holds the GIL while Textual's writer sends it.
FIRST_FRAME_WAIT = 0.1


class MarginApp(App[int]):
    """margin's reader. ``file`` opens one article straight in the reader."""

    # absolute, so that subclasses defined elsewhere (benchmarks, tests) find it
    CSS_PATH = Path(__file__).with_name("margin.tcss")
    TITLE = "margin"
    COMMANDS = App.COMMANDS | {MarginCommands, CutCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help", id="app.help"),
    ]

    #: Tests turn this off so that screenshots do not depend on timing.
    cursor_blink = True

    def __init__(
        self,
        library: Library | None,
        *,
        folder: Path | None = None,
        file: Path | None = None,
        config: Config | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.folder = folder
        self.file = file
        self.config = config or Config()
        #: Why the app gave up (a file given on the command line holds no
        #: article): the launcher prints it once the terminal is back.
        self.failure: MarginError | None = None
        #: Run once the first screen is on the terminal (see ``first_screen_shown``).
        self.after_first_screen: list[Callable[[], object]] = []
        self._first_screen_shown = False
        self.show_entities = self.config.entities
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self.config.theme in self.available_themes:
            self.theme = self.config.theme
        elif self.config.theme:
            self.config.problems.append(
                f"theme: no theme called {self.config.theme!r} (using the default; "
                "ctrl+p, then 'theme', lists them)"
            )

    # ------------------------------------------------------------- library

    @contextmanager
    def db(self) -> Iterator[Library]:
        """The library; its methods are thread-safe, so workers share it."""
        if self.library is None:
            raise RuntimeError("no library")
        yield self.library

    # ------------------------------------------------------------- screens

    def get_default_screen(self) -> Screen[Any]:
        """The first screen: the reader for ``file``, else the library.

        As the default screen it is composed while the app starts, and its
        first frame is the app's first. Pushed from ``on_mount`` instead, it
        was laid out while Textual still held the start-up's batch of
        updates: that frame was dropped and the first titles waited for the
        next full layout (~80 ms later in a real terminal).
        """
        # Each screen module is imported only when shown: the reader pulls in
        # dialogs and editors that a library start never needs.
        if self.file is not None:
            from margin.ui.screens.reader_screen import ReaderScreen

            return ReaderScreen(self.file, single_file=True)
        from margin.ui.screens.library_screen import LibraryScreen

        return LibraryScreen(folder=self.folder)

    def on_mount(self) -> None:
        for problem in self.config.problems:
            self.notify(one_line(problem), title="config.toml", severity="warning", markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.set_timer(FIRST_FRAME_WAIT, self.first_screen_shown)

    def first_screen_shown(self) -> None:
        """Start what the first screen did not need: the resource tracker the
        scan's worker processes use, and the launcher's own callbacks. Runs
        once; the library screen calls it before its first scan."""
        if self._first_screen_shown:
            return
        self._first_screen_shown = True
        _start_resource_tracker()
        for callback in self.after_first_screen:
            callback()

    def fail(self, error: MarginError) -> None:
        """Close with ``error``'s exit status; the launcher prints its message."""
        self.failure = error
        self.exit(error.exit_code, return_code=error.exit_code)

    def action_help(self) -> None:
        from margin.ui.screens.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def _remember_theme(self, theme: Theme) -> None:
        """A theme chosen in the app is the one it opens with next time."""
        if theme.name == self.config.theme:
            return
        try:
            save_setting("theme", theme.name)
        except (OSError, ValueError) as exc:
            self.say(f"the theme was not saved to config.toml: {exc}", severity="warning")
            return
        self.config.theme = theme.name

    def toggle_dark(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"

    def say(self, message: str, *, title: str = "", severity: Any = "information") -> None:
        """A notification whose text is never parsed as markup."""
        self.notify(one_line(message), title=one_line(title), severity=severity, markup=False)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker, handing it the real stderr.

    The indexer extracts files in worker processes; the first one started
    launches the tracker, passing it ``sys.stderr.fileno()``. While the app
    runs, Textual has replaced ``sys.stderr`` and that fails with "bad
    value(s) in fds_to_keep", so the tracker is started here, with the real
    one, before any scan. Not at start-up: the tracker is a new Python
    process, and on a small machine its start competes with the first paint.
    """
    try:
        from multiprocessing import resource_tracker

        with redirect_stderr(sys.__stderr__):
            resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - indexing will report its own error
        pass
