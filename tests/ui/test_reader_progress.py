"""Reading progress is how far the reader has read: opening an article reads
nothing, scrolling reads what reaches the top part of the screen, and "done"
is the true end. The library's "unread" filter and ``margin list`` follow."""

from __future__ import annotations

import json

import pytest
from helpers import library_ready, lines, open_titled, shown

from margin.cli import main as cli_main
from margin.library import Library
from margin.wording import percent

SIZE = (80, 20)
SHORT = "A Year with Bees"  # fits on one screen
LONG = "The Harbour at Dawn"


def status(reader) -> str:
    return shown(reader.query_one("#reader-status"))


def listed(capsys) -> dict[str, float]:
    """Title -> progress, as ``margin list --json`` prints them."""
    capsys.readouterr()
    assert cli_main(["list", "--json"]) == 0
    return {a["title"]: a["progress"] for a in json.loads(capsys.readouterr().out)}


def unread_titles() -> set[str]:
    with Library.open() as lib:
        return {row.title for row in lib.articles(filter="unread")}


async def test_opening_a_short_article_does_not_mark_it_read(make_app, capsys):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, SHORT)
        assert reader.view.virtual_size.height <= reader.view.size.height  # all on screen
        assert reader.view.progress == 0.0
        assert status(reader).startswith("0%")
        await pilot.press("q")
        screen = await library_ready(pilot)
        row = next(i.row for i in screen.article_list.items if i.row.title == SHORT)
        assert row.progress == 0.0
        assert "new" in next(line for line in lines(screen.article_list) if SHORT in line)
    assert SHORT in unread_titles()
    assert listed(capsys)[SHORT] == 0.0


async def test_a_short_article_is_read_to_the_end_by_asking_for_more(make_app, capsys):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, SHORT)
        await pilot.press("space")
        assert reader.view.progress == 1.0
        assert status(reader).startswith("100%  ·  done")
        await pilot.press("q")
        await library_ready(pilot)
    assert SHORT not in unread_titles()
    assert listed(capsys)[SHORT] == 1.0


async def test_a_long_article_counts_what_reached_the_top_of_the_screen(make_app, capsys):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, LONG)
        view = reader.view
        assert view.progress == 0.0 and status(reader).startswith("0%")
        await pilot.press("space")
        layout = view.text_layout
        assert layout is not None
        top, height = int(view.scroll_y), view.scrollable_content_region.height
        read_to = layout.lines[top + round(height / 3) - 1].end  # the top third
        assert view.progress == read_to / len(reader.article.text)
        assert 0 < view.progress < 0.5
        assert status(reader).startswith(f"{percent(view.progress)}%")
        assert "done" not in status(reader)
        await pilot.press("G")
        assert view.progress == 1.0 and "done" in status(reader)
        await pilot.press("g")  # back to the top: still read
        assert view.progress == 1.0
        await pilot.press("q")
        screen = await library_ready(pilot)
        assert "done" in next(line for line in lines(screen.article_list) if LONG in line)
    assert listed(capsys)[LONG] == 1.0


async def test_reopening_keeps_the_position_and_the_progress(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, LONG)
        await pilot.press("space", "space", "k")
        offset, progress = reader.view.top_offset, reader.view.progress
        assert 0 < progress < 1
        await pilot.press("q")
        await library_ready(pilot)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, LONG)
        assert reader.view.top_offset == offset
        assert reader.view.progress == pytest.approx(progress, abs=1e-3)
        assert status(reader).startswith(f"{percent(progress)}%")


async def test_moving_the_cursor_reads_what_it_passed(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, LONG)
        await pilot.press("right_square_bracket", "right_square_bracket")
        cursor = reader.view.cursor.offset()
        assert cursor > 0
        assert reader.view.progress >= cursor / len(reader.article.text)


async def test_a_resize_or_reopening_is_not_reading(make_app):
    """The view scrolling itself back to the reading position (after a resize,
    or when an article is reopened) reads nothing."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, LONG)
        await pilot.press("space")
        progress = reader.view.progress
        for size in ((50, 20), (160, 40), SIZE):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert reader.view.progress == progress, size
