"""The library screen's own palette entries: add web pages, fetch the pending
articles, import a read-later export, filter by tag.

Offered only over the library (``LibraryScreen.COMMANDS``); each calls the
screen's method that its key calls. Names and help are fixed text of ours
(the palette parses ``Hit.help`` as markup).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from margin.ui.command_list import Command, CommandList

if TYPE_CHECKING:
    from margin.ui.screens.library_screen import LibraryScreen


class LibraryCommands(CommandList):
    def commands(self) -> list[Command]:
        screen = cast("LibraryScreen", self.screen)
        if screen.margin_app.library is None:
            return []
        return [
            (
                "Add web pages by address…",
                screen.action_add_urls,
                "Fetch pages into margin's inbox and list them (key: A)",
            ),
            (
                "Fetch pending articles",
                screen.fetch_pending,
                "Fetch the articles an import brought without their text",
            ),
            (
                "Import a read-later export…",
                screen.ask_import,
                "Omnivore, Pocket, Wallabag, Instapaper, Readwise, Hypothesis, bookmarks",
            ),
            ("Filter by tag…", screen.action_tag_filter, "List one tag's articles (key: #)"),
        ]
