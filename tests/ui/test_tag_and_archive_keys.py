"""Tags, the archive and the filters in the app: ``T`` edits tags (stored),
``e`` archives, ``f`` cycles the core's filters, ``#`` lists one tag's
articles; the reader shows the tags with the byline and edits them too."""

from __future__ import annotations

from helpers import library_ready, lines, open_titled, wait_for, writes_done
from textual.pilot import Pilot

from margin.library import Library
from margin.library.queries import FILTERS
from margin.ui.dialogs.tag_dialog import TagDialog
from margin.ui.dialogs.tag_filter_dialog import TagFilterDialog
from margin.ui.screens.library_screen import LibraryScreen

SIZE = (100, 30)


def _cursor_on(screen: LibraryScreen, title: str) -> None:
    for index, item in enumerate(screen.article_list.items):
        if item.row.title == title:
            screen.article_list.cursor = index
            return
    raise AssertionError(f"{title!r} not listed")


async def _edit_tags(pilot: Pilot[int], *keys: str) -> None:
    await pilot.press("T")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, TagDialog))
    await pilot.press(*keys)
    await writes_done(pilot)


async def test_the_tag_editor_adds_and_removes_tags(make_app, library_dir):
    bees = library_dir / "bees.md"
    with Library.open() as lib:
        lib.add_tags(bees, ["garden", "insects"])
        lib.add_tags(library_dir / "zebra.md", ["animals"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        _cursor_on(screen, "A Year with Bees")
        row = lines(screen.article_list)[screen.article_list.cursor]
        assert "#garden #insects" in row
        # type a new tag, then in the list (its own tags first) untick "garden", tick "animals"
        await _edit_tags(pilot, *"honey", "tab", "space", "down", "down", "space", "enter")
        await wait_for(pilot, lambda: "honey" in screen.article_list.current.row.tags)
        assert "#animals #honey #insects" in lines(screen.article_list)[screen.article_list.cursor]
    with Library.open() as lib:
        assert lib.tags(bees) == ["animals", "honey", "insects"]


async def test_e_archives_and_the_filters_list_the_right_rows(make_app, library_dir):
    with Library.open() as lib:
        lib.add_tags(library_dir / "zebra.md", ["animals"])
        lib.add_tags(library_dir / "bees.md", ["animals", "garden"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        _cursor_on(screen, "Zebras of the Plains")
        await pilot.press("e")
        await writes_done(pilot)
        assert screen.article_list.current.row.archived
        assert "archived #animals" in lines(screen.article_list)[screen.article_list.cursor]
        seen = {}
        for _ in FILTERS:  # f goes round the core's filters
            await pilot.press("f")
            seen[screen.filter] = sorted(i.row.title for i in screen.article_list.items)
        assert list(seen) == [*FILTERS[1:], "all"]
        assert seen["archived"] == ["Zebras of the Plains"]
        assert "Zebras of the Plains" not in seen["unread"] and seen["pending"] == []
        await pilot.press("number_sign")
        await wait_for(pilot, lambda: isinstance(app.screen, TagFilterDialog))
        await pilot.press("down", "enter")  # the most used: animals
        assert screen.tag == "animals"
        titles = sorted(i.row.title for i in screen.article_list.items)
        assert titles == ["A Year with Bees", "Zebras of the Plains"]
        title = str(screen.query_one("#library-title").render())
        assert "tagged animals (# to change or clear)" in title
        await pilot.press("number_sign")
        await wait_for(pilot, lambda: isinstance(app.screen, TagFilterDialog))
        await pilot.press("up", "enter")  # from the tag shown, up to every article
        assert screen.tag is None and len(screen.article_list.items) == 5
        _cursor_on(screen, "Zebras of the Plains")
        await pilot.press("e")  # out of the archive again
        await writes_done(pilot)
    with Library.open() as lib:
        assert not lib.find(library_dir / "zebra.md").archived


async def test_the_reader_shows_the_tags_and_T_edits_them(make_app, library_dir):
    with Library.open() as lib:
        lib.add_tags(library_dir / "bees.md", ["garden"])
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, "A Year with Bees")
        assert any("Garden Notes" in line and "#garden" in line for line in lines(reader.view))
        await _edit_tags(pilot, *"honey", "enter")
        await wait_for(pilot, lambda: any("#garden #honey" in line for line in lines(reader.view)))
    with Library.open() as lib:
        assert lib.tags(library_dir / "bees.md") == ["garden", "honey"]


async def test_the_tag_editor_names_an_article_of_cjk_words_on_a_narrow_screen(make_app):
    """A title with no space to wrap at is cut on the dialog's one title
    line, not moved whole onto a hidden second one."""
    title = "深圳公交全面电动化十年：一座城市的绿色出行实验"
    app = make_app()
    async with app.run_test(size=(60, 30)) as pilot:
        await library_ready(pilot)
        app.push_screen(TagDialog(title, [], []))
        await wait_for(pilot, lambda: isinstance(app.screen, TagDialog))
        await pilot.pause()
        heading = app.screen.query_one(".dialog-title")
        (line,) = [strip.text for strip in heading.render_lines(heading.region.reset_offset)]
        assert line.startswith("Tags of “深圳公交") and line.rstrip().endswith("…")
