"""Every path a reader takes through the app, driven with Pilot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import (
    choose_in_palette,
    library_ready,
    lines,
    open_titled,
    reader_ready,
    shown,
    wait_for,
    writes_done,
)

from margin.config import Config, load_config
from margin.errors import DatabaseError
from margin.library import Library
from margin.library.queries import alphabetical
from margin.ui.dialogs.confirm_dialog import ConfirmDialog
from margin.ui.dialogs.note_dialog import NoteDialog
from margin.ui.dialogs.toc_dialog import TocDialog
from margin.ui.reader_status import NOT_SAVED
from margin.ui.screens.help_screen import HelpScreen
from margin.ui.screens.library_screen import LibraryScreen
from margin.ui.screens.reader_bindings import NEED_ARTICLE
from margin.ui.screens.reader_screen import ReaderScreen
from margin.ui.widgets.side_panels import EntityPanel
from margin.wording import percent

SIZE = (100, 30)


async def test_library_lists_articles_and_failed_files(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        text = "\n".join(lines(screen.article_list))
        assert "The Harbour at Dawn" in text
        assert "A Year with Bees" in text
        assert "broken.html" in text  # failed files are listed, with their reason
        failed = [i.row for i in screen.article_list.items if i.row.status != "ok"]
        assert failed and failed[0].reason
        assert failed[0].reason.split()[0] in text


async def test_open_article_and_go_back(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        text = "\n".join(lines(reader.view))
        assert "The Harbour at Dawn" in text
        assert "Ada Lovelace" in text
        assert "Arrival" in text
        assert "%" in shown(reader.query_one("#reader-status"))
        await pilot.press("q")
        await library_ready(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_opening_a_failed_file_explains_why(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        index = next(
            i for i, item in enumerate(screen.article_list.items) if item.row.status != "ok"
        )
        screen.article_list.cursor = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        assert any("broken.html" in n.message for n in app._notifications)


async def test_search_as_you_type_with_snippets(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        await pilot.press("slash", *"hone")  # a prefix of "honey": matched while typing
        await wait_for(pilot, lambda: screen.article_list.item_height == 2)
        items = screen.article_list.items
        assert [i.row.title for i in items] == ["A Year with Bees"]
        text = "\n".join(lines(screen.article_list))
        assert "honey" in text  # the snippet line
        await pilot.press("enter", "enter")
        reader = await reader_ready(pilot)
        assert reader.article is not None and reader.article.title == "A Year with Bees"
        await pilot.press("q")
        await library_ready(pilot)
        await pilot.press("escape")
        assert len(screen.article_list.items) == 5


async def test_a_search_hit_opens_at_its_first_match(make_app):
    """enter on a hit opens the article at the first match of the words it
    was found by, marked, as after / in the reader: n goes on to the next."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        await pilot.press("slash", *"Boats")
        await wait_for(pilot, lambda: screen.article_list.item_height == 2)
        assert [i.row.title for i in screen.article_list.items] == ["The Harbour at Dawn"]
        await pilot.press("enter", "enter")
        reader = await reader_ready(pilot)
        view = reader.view
        assert len(view.matches) == 8 and view.search_query == "boats"
        assert view.cursor.match == view.matches[0]
        block = reader.article.blocks[view.cursor.block]
        assert block.start <= view.matches[0][0] < block.end
        assert "“boats” 1/8" in shown(reader.query_one("#reader-status"))
        await pilot.press("n")
        assert view.cursor.match == view.matches[1]


async def test_a_match_in_the_first_paragraph_opens_at_the_top(make_app, tmp_path: Path):
    """The title and byline above the first paragraph stay in sight."""
    long_read = tmp_path / "long.md"
    paragraphs = [f"Paragraph {i}. The tide came in over the old quay." for i in range(40)]
    paragraphs[0] = "The lighthouse keeper, Ada, wrote down the tide every morning for years."
    long_read.write_text("---\ntitle: Tides\n---\n\n" + "\n\n".join(paragraphs) + "\n")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        app.push_screen(ReaderScreen(long_read, find="lighthouse keeper"))
        reader = await reader_ready(pilot)
        view = reader.view
        assert view.cursor.match == view.matches[0] and view.scroll_y == 0
        assert "Tides" in "\n".join(lines(view))


async def test_sort_and_filter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        while screen.sort != "title":
            await pilot.press("s")
        titles = [i.row.title for i in screen.article_list.items if i.row.status == "ok"]
        assert titles == sorted(titles, key=alphabetical)
        assert "sorted by title" in shown(screen.query_one("#library-title"))
        await pilot.press("f")  # unread
        assert screen.filter == "unread"
        assert all(i.row.status == "ok" for i in screen.article_list.items)
        await pilot.press("f")  # bookmarked: none yet
        assert screen.filter == "bookmarked"
        assert screen.article_list.items == []
        assert not screen.query_one("#welcome").display  # empty filter is not an empty library
        await pilot.press("f", "f", "f", "f")  # annotated, archived, pending, failed
        assert screen.filter == "failed"
        assert [i.row.status for i in screen.article_list.items] == ["failed"]


async def test_bookmark_persists_after_restart(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        while screen.sort != "title":
            await pilot.press("s")
        await pilot.press("g", "b")  # the first article
        await wait_for(pilot, lambda: screen.article_list.items[0].row.bookmarked)
        assert "★" in lines(screen.article_list)[0]
        title = screen.article_list.items[0].row.title
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        await pilot.press("f", "f")  # bookmarked
        assert [i.row.title for i in screen.article_list.items] == [title]
        # and from the reader
        await pilot.press("enter")
        reader = await reader_ready(pilot)
        assert reader.bookmarked
        await pilot.press("b")
        await wait_for(pilot, lambda: not reader.bookmarked)
    with Library.open() as lib:
        assert not any(r.bookmarked for r in lib.articles())


async def test_highlight_and_note_persist_after_restart(make_app, capsys):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("right_square_bracket")  # the first paragraph after the heading
        paragraph = reader.article.blocks[reader.view.cursor.block]
        await pilot.press("h")
        await wait_for(pilot, lambda: len(reader.view.highlights) == 1)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, NoteDialog))
        await pilot.press(*"check the boats", "ctrl+s")
        await wait_for(pilot, lambda: reader.view.highlights and reader.view.highlights[0].note)
        assert "✎ check the boats" in "\n".join(lines(reader.view))
        await pilot.press("q")
        await library_ready(pilot)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        (h,) = reader.view.highlights
        assert (h.start, h.end, h.note) == (paragraph.start, paragraph.end, "check the boats")
        await pilot.press("m")  # the notes panel lists it
        assert "check the boats" in str(
            app.screen.query_one("#notes-list").get_option_at_index(0).prompt
        )
    # and `margin notes` shows it
    from margin.cli import main

    capsys.readouterr()
    assert main(["notes", "--json"]) == 0
    notes = json.loads(capsys.readouterr().out)
    assert [n["note"] for n in notes] == ["check the boats"]


async def test_a_write_that_fails_is_reported_and_changes_nothing(make_app, monkeypatch):
    def busy(*args: object, **kwargs: object) -> None:
        raise DatabaseError("the database margin.db is busy (another margin is writing)")

    for write in ("add_highlight", "set_bookmark"):
        monkeypatch.setattr(Library, write, busy)
    app = make_app()
    said: list[str] = []
    monkeypatch.setattr(app, "say", lambda message, **_: said.append(message))
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("right_square_bracket", "h", "b")
        await writes_done(pilot)
        assert sorted(said) == [
            "Bookmark not saved: the database margin.db is busy (another margin is writing)",
            "Highlight not saved: the database margin.db is busy (another margin is writing)",
        ]
        assert reader.view.highlights == [] and not reader.bookmarked
        assert "highlight" not in shown(reader.query_one("#reader-status"))


async def test_select_several_paragraphs_then_highlight(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press(
            "right_square_bracket", "v", "right_square_bracket", "right_square_bracket", "h"
        )
        await wait_for(pilot, lambda: len(reader.view.highlights) == 1)
        h = reader.view.highlights[0]
        blocks = reader.article.blocks
        assert (h.start, h.end) == (blocks[1].start, blocks[3].end)
        # jump between highlights
        await pilot.press("g", "greater_than_sign")
        assert reader.view.cursor.match == (h.start, h.end)


async def test_reading_position_restored(make_app):
    app = make_app()
    async with app.run_test(size=(80, 20)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("space", "space")
        offset = reader.view.top_offset
        assert offset > 0
        progress = reader.view.progress
        await pilot.press("q")
        screen = await library_ready(pilot)
        row = next(i.row for i in screen.article_list.items if i.row.title == "The Harbour at Dawn")
        assert row.progress == pytest.approx(progress, abs=0.01)
        assert f"{percent(progress)}%" in "\n".join(lines(screen.article_list))
    app = make_app()
    async with app.run_test(size=(80, 20)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        assert reader.view.top_offset == offset
        assert reader.view.scroll_y > 0


async def test_reader_keys_move_and_search(make_app):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        view = reader.view
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("d")
        assert view.scroll_y > 5
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        assert "100%" in shown(reader.query_one("#reader-status"))
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("slash", *"boats", "enter")
        assert len(view.matches) == 8
        first = view.cursor.match
        await pilot.press("n")
        assert view.cursor.match != first and view.cursor.match in view.matches
        await pilot.press("N")
        assert view.cursor.match == first
        assert "boats" in shown(reader.query_one("#reader-status"))
        await pilot.press("t")
        await wait_for(pilot, lambda: isinstance(app.screen, TocDialog))
        await pilot.press("j", "enter")  # "Departure"
        await pilot.pause()
        heading = reader.article.blocks[view.cursor.block]
        assert heading.text == "Departure"
        assert "Departure" in "\n".join(lines(view))


async def test_entity_panel_jumps_through_mentions(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("e")
        panel = reader.query_one(EntityPanel)
        assert panel.display
        names = [g.text for g in panel.groups]
        assert any("Obama" in n for n in names)
        top = panel.groups[0]
        assert top.count == 16
        await pilot.press("enter")
        view = reader.view
        assert view.cursor.match == top.mentions[0]
        await pilot.press("enter")
        assert view.cursor.match == top.mentions[1]
        assert f"{top.count} mentions" in shown(reader.query_one("#reader-status"))
        # E turns the colours off
        await pilot.press("escape", "E")
        assert not view.show_entities


async def test_open_original_only_for_web_urls(make_app, monkeypatch):
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, new=0: opened.append(url))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "https://example.com/harbour" in shown(app.screen.query_one("#confirm-detail"))
        assert opened == []  # shown first, opened only when confirmed
        await pilot.press("y")
        await pilot.pause()
        assert opened == ["https://example.com/harbour"]


async def test_help_lists_keys_and_remaps(make_app):
    app = make_app(config=Config(keys={"reader.highlight": "H"}))
    async with app.run_test(size=(100, 40)) as pilot:
        await library_ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        svg = app.export_screenshot().replace("&#160;", " ")
        for needle in ("Everywhere", "Library", "app.help", "library.sort", "ctrl+p"):
            assert needle in svg
        from margin.ui.screens.help_screen import key_rows
        from margin.ui.screens.reader_screen import ReaderScreen as Reader

        rows = {ident: keys for keys, _, ident in key_rows(app, list(Reader.BINDINGS))}
        assert rows["reader.highlight"] == "H"
        assert rows["reader.toggle_entities"] == "E"
        assert rows["reader.next_paragraph"] == "]"
        await pilot.press("escape")
        assert isinstance(app.screen, LibraryScreen)
        # the remapped key works, the old one does not: "h" on the first
        # paragraph saves nothing, "H" on the second saves it
        reader = await open_titled(pilot, "A Year with Bees")
        await pilot.press("h", "right_square_bracket", "H")
        await wait_for(pilot, lambda: len(reader.view.highlights) > 0)
        await writes_done(pilot)
        (h,) = reader.view.highlights
        second = reader.article.blocks[1]
        assert (h.start, h.end) == (second.start, second.end)
        assert len(app.library.highlights(reader.path)) == 1


def test_config_file_remaps_keys(margin_home: Path):
    (margin_home / "config.toml").write_text(
        '[keys]\nreader.highlight = "H"\nlibrary.sort = ["o", "s"]\n'
    )
    config = load_config()
    assert config.keys == {"reader.highlight": "H", "library.sort": "o,s"}
    (margin_home / "config.toml").write_text("not toml [")
    assert load_config().problems


async def test_single_file_mode(indexed, library_dir, make_app):
    app = make_app(file=library_dir / "bees.md")
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        assert reader.single_file
        assert "A Year with Bees" in "\n".join(lines(reader.view))
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


LOOSE_PAGE = "---\ntitle: Loose Page\n---\n\nJust one paragraph about Paris.\n"


async def test_a_loose_file_opened_alone_is_indexed_and_keeps_its_highlights(make_app, tmp_path):
    page = tmp_path / "page.md"
    page.write_text(LOOSE_PAGE)
    app = make_app(file=page)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        assert reader.in_library
        assert "Loose Page" in "\n".join(lines(reader.view))
        await pilot.press("h")
        await wait_for(pilot, lambda: len(reader.view.highlights) == 1)
    assert app.return_code is None or app.return_code == 0
    with Library.open() as lib:
        assert [h.exact for h in lib.highlights(page)] == ["Just one paragraph about Paris."]


async def test_single_file_not_in_library(make_app, tmp_path, monkeypatch):
    """A file the library cannot take (here its database refuses the write) is
    still shown; the reader says that notes are not saved, and saves none."""
    page = tmp_path / "page.md"
    page.write_text(LOOSE_PAGE)

    def refuse(self: Library, path: object) -> None:
        raise DatabaseError("the database margin.db is read-only")

    monkeypatch.setattr(Library, "load_article", refuse)
    app = make_app(file=page)
    said: list[str] = []
    monkeypatch.setattr(app, "say", lambda message, **_: said.append(message))
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        assert not reader.in_library
        assert "Loose Page" in "\n".join(lines(reader.view))
        assert NOT_SAVED in shown(reader.query_one("#reader-status"))
        await pilot.press("h", "a")
        assert said == [
            "This file is not in the library, so highlights cannot be saved.",
            "This file is not in the library, so notes cannot be saved.",
        ]
        assert app.screen is reader  # no note dialog
        await writes_done(pilot)
        assert reader.view.highlights == []
    with Library.open() as lib:
        assert lib.highlights() == []


async def test_welcome_screen_when_library_empty(margin_home, monkeypatch, library_dir):
    from margin import paths

    monkeypatch.setattr(paths, "sample_articles_path", lambda: library_dir)
    lib = Library.open()
    try:
        from margin.ui.app import MarginApp

        app = MarginApp(lib)
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_ready(pilot)
            assert screen.query_one("#welcome").display
            assert "Press w" in shown(screen.query_one("#welcome-text"))
            await pilot.press("w")
            await wait_for(pilot, lambda: len(screen.article_list.items) == 5, timeout=60)
            assert not screen.query_one("#welcome").display
    finally:
        lib.close()


async def test_the_welcome_box_wraps_on_a_narrow_terminal(margin_home, monkeypatch, library_dir):
    """At 60 columns the welcome box fits the screen and every word of it
    is shown (it was as wide as its longest line, cut at the screen's edge)."""
    from margin import paths
    from margin.ui.app import MarginApp

    monkeypatch.setattr(paths, "sample_articles_path", lambda: library_dir)
    with Library.open() as lib:
        app = MarginApp(lib)
        async with app.run_test(size=(60, 30)) as pilot:
            screen = await library_ready(pilot)
            box = screen.query_one("#welcome-text")
            assert box.region.right <= 60
            on_screen = " ".join(
                strip.text.strip("│ ") for strip in box.render_lines(box.region.reset_offset)
            )
            for words in ("(.mht), plain text", "margin FOLDER, or drop", "start reading."):
                assert words in " ".join(on_screen.split()), words


async def test_command_palette_opens_an_article(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await choose_in_palette(pilot, "Zebras", "Open Zebras of the Plains")
        reader = await reader_ready(pilot)
        assert reader.article.title == "Zebras of the Plains"


async def test_export_from_palette(make_app, indexed):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = await open_titled(pilot, "A Year with Bees")
        await pilot.press("h")
        await wait_for(pilot, lambda: len(reader.view.highlights) == 1)
        await choose_in_palette(pilot, "export notes as markdown", "Export notes as Markdown")
        await wait_for(pilot, lambda: any((indexed / "exports").glob("*.md")))


def test_only_web_urls_are_offered_for_opening():
    from margin.ui.screens.reader_screen import is_web_url

    assert is_web_url("https://example.com/x")
    assert is_web_url("HTTP://example.com")
    assert not is_web_url("javascript:alert(1)")
    assert not is_web_url("file:///etc/passwd")
    assert not is_web_url("https://")
    assert not is_web_url(None)


async def test_reader_screen_check_actions(make_app):
    """Keys that do not apply now are hidden (None): before the article is
    there, "o" without a web address, "n" before a search, ">" before a highlight."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        waiting = ReaderScreen("not-loaded.md")
        for action in NEED_ARTICLE | {"open_url"}:
            assert waiting.check_action(action, ()) is None, action
        reader = await open_titled(pilot, "The Harbour at Dawn")
        for action in NEED_ARTICLE | {"open_url", "bookmark", "back"}:
            assert reader.check_action(action, ()) is True, action
        assert reader.check_action("next_match", ()) is None
        assert reader.check_action("next_highlight", ()) is None
        await pilot.press("slash", *"boats", "enter")
        assert reader.check_action("next_match", ()) is True
        await pilot.press("h")
        await wait_for(pilot, lambda: len(reader.view.highlights) == 1)
        assert reader.check_action("next_highlight", ()) is True
        await pilot.press("q")
        reader = await open_titled(pilot, "Zebras of the Plains")  # no URL
        assert reader.check_action("open_url", ()) is None
