"""Small helpers for driving the app with Pilot and reading what it shows."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.strip import Strip
from textual.widget import Widget

from margin.ui.screens.library_screen import LibraryScreen
from margin.ui.screens.reader_screen import ReaderScreen
from margin.ui.widgets.article_list import ArticleList
from margin.ui.widgets.article_view import ArticleView


async def wait_for(pilot: Pilot[int], condition: Callable[[], bool], timeout: float = 15.0) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.02)
    await pilot.pause()


async def library_ready(pilot: Pilot[int]) -> LibraryScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, LibraryScreen) and not app.screen.scanning)
    screen = app.screen
    assert isinstance(screen, LibraryScreen)
    return screen


async def reader_ready(pilot: Pilot[int]) -> ReaderScreen:
    app = pilot.app
    await wait_for(
        pilot,
        lambda: (
            isinstance(app.screen, ReaderScreen)
            and app.screen.article is not None
            and app.screen.view.ready
        ),
    )
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def strips(widget: Widget) -> list[Strip]:
    height = widget.scrollable_content_region.height
    return [widget.render_line(y) for y in range(height)]  # type: ignore[attr-defined]


def lines(widget: ArticleList | ArticleView) -> list[str]:
    return [strip.text for strip in strips(widget)]


def shown(widget: Widget) -> str:
    """The plain text a Static-like widget shows."""
    return str(widget.render())


async def open_titled(pilot: Pilot[int], title: str) -> ReaderScreen:
    """Move the library cursor to the article called ``title`` and open it."""
    screen = await library_ready(pilot)
    article_list = screen.article_list
    for index, item in enumerate(article_list.items):
        if item.row.title == title:
            article_list.cursor = index
            break
    else:
        raise AssertionError(f"{title!r} not listed")
    await pilot.press("enter")
    return await reader_ready(pilot)


async def choose_in_palette(pilot: Pilot[int], query: str, expected: str) -> None:
    """Type ``query`` into the command palette, and choose the top hit once it
    is the command called ``expected``."""
    app = pilot.app
    await pilot.press("ctrl+p", *query)

    def top_hit() -> bool:
        palette = app.screen
        if not isinstance(palette, CommandPalette):
            return False
        hits = palette.query_one(CommandList)
        return (
            hits.option_count > 0
            and hits.highlighted == 0
            and str(hits.get_option_at_index(0).prompt).startswith(expected)
        )

    await wait_for(pilot, top_hit)
    await pilot.press("enter")


async def writes_done(pilot: Pilot[int]) -> None:
    """Wait until every library write the app started has finished and its
    outcome has been shown."""
    await wait_for(
        pilot, lambda: not any(w.group == "write" and not w.is_finished for w in pilot.app.workers)
    )
