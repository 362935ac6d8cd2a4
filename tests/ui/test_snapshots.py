"""SVG snapshots of the main screens (look at the SVG before updating it)."""

from __future__ import annotations

from helpers import library_ready, open_titled, wait_for

from margin.library import Library
from margin.ui.screens.help_screen import HelpScreen

SIZE = (100, 30)


def test_library_snapshot(make_app, snap_compare):
    async def run_before(pilot):
        screen = await library_ready(pilot)
        while screen.sort != "title":
            await pilot.press("s")
        app = pilot.app
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_reader_snapshot_with_entities_and_notes(make_app, library_dir, snap_compare):
    with Library.open() as lib:
        article = lib.load_article(library_dir / "harbour.md")
        first = article.blocks[1]
        lib.add_highlight(
            library_dir / "harbour.md", first.start, first.end, "Count them again at noon."
        )

    async def run_before(pilot):
        await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("e")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_help_snapshot(make_app, snap_compare, monkeypatch):
    monkeypatch.setattr(
        "margin.ui.screens.help_screen.config_location", lambda: "~/.local/share/margin/config.toml"
    )

    async def run_before(pilot):
        await library_ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        pilot.app.clear_notifications()

    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=run_before)


def test_reader_snapshot_light_80x24(make_app, library_dir, snap_compare):
    """Light theme, small terminal: entity colours, a highlight with its note under
    the paragraph, a sentence cursor and a selection must all be readable."""
    from margin.config import Config

    with Library.open() as lib:
        article = lib.load_article(library_dir / "harbour.md")
        first = article.blocks[1]
        start = article.text.index("Angela Merkel", first.start)
        lib.add_highlight(library_dir / "harbour.md", start, start + 13, "Check the spelling.")

    async def run_before(pilot):
        await open_titled(pilot, "The Harbour at Dawn")
        # the second sentence of the first paragraph, selected on to the next paragraph's first
        await pilot.press("right_square_bracket", "right_parenthesis", "right_parenthesis")
        await pilot.press("v", "right_parenthesis", "right_parenthesis")
        pilot.app.clear_notifications()
        await pilot.pause()

    app = make_app(config=Config(theme="textual-light"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
