"""The reader at its edges: small counts and cut quotes, the page keys from
``less``, side panels on a narrow terminal, tables and right-to-left text."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import lines, open_titled, reader_ready, shown, wait_for, writes_done

from margin.library import Library
from margin.ui.dialogs.confirm_dialog import ConfirmDialog
from margin.ui.screens.help_screen import HelpScreen

SIZE = (100, 30)


def highlight_two_paragraphs(library_dir: Path, note: str | None) -> str:
    with Library.open() as lib:
        article = lib.load_article(library_dir / "harbour.md")
        start, end = article.blocks[1].start, article.blocks[2].end  # two paragraphs
        lib.add_highlight(library_dir / "harbour.md", start, end, note)
        return article.text[start:end]


async def ask_to_delete(pilot) -> ConfirmDialog:
    await pilot.press("right_square_bracket", "x")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))
    dialog = pilot.app.screen
    assert isinstance(dialog, ConfirmDialog)
    return dialog


async def test_the_delete_prompt_mentions_a_note_only_when_there_is_one(make_app, library_dir):
    quote = highlight_two_paragraphs(library_dir, None)
    assert len(" ".join(quote.split())) > 200
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_titled(pilot, "The Harbour at Dawn")
        dialog = await ask_to_delete(pilot)
        assert dialog.question == "Delete this highlight?"
        detail = shown(dialog.query_one("#confirm-detail"))
        assert detail.endswith("…") and len(detail) <= 200
        assert " ".join(quote.split()).startswith(detail[:-1])


async def test_the_delete_prompt_names_the_note(make_app, library_dir):
    highlight_two_paragraphs(library_dir, "Count them again.")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_titled(pilot, "The Harbour at Dawn")
        dialog = await ask_to_delete(pilot)
        assert dialog.question == "Delete this highlight and its note?"
        await pilot.press("y")
        await writes_done(pilot)


async def test_a_one_word_file_shows_1_word(make_app, tmp_path):
    page = tmp_path / "one.txt"
    page.write_text("Hello\n")
    app = make_app(file=page)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        text = "\n".join(lines(reader.view))
        assert "1 word" in text and "1 words" not in text


# ------------------------------------------------------------------ keys


async def test_page_keys_from_less_move_a_page(make_app):
    app = make_app()
    async with app.run_test(size=(80, 20)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        view = reader.view
        page = view.scrollable_content_region.height - 1
        for down, up in (("ctrl+f", "ctrl+b"), ("pagedown", "pageup"), ("space", "pageup")):
            await pilot.press(down)
            assert view.scroll_y == page, down
            await pilot.press(up)
            assert view.scroll_y == 0, up
        await pilot.press("b")  # still the bookmark
        await writes_done(pilot)
        assert reader.bookmarked


async def test_help_lists_the_page_keys(make_app):
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        svg = app.export_screenshot().replace("&#160;", " ")
        assert "space pgdn ^f" in svg and "Page down" in svg
        assert "shift+space pgup ^b" in svg and "Page up" in svg


# ------------------------------------------------------------------ side panels


def assert_text_not_cut(reader) -> None:
    """Every line of text on screen is shown whole, inside the reading pane."""
    view = reader.view
    width = view.scrollable_content_region.width
    layout = view.text_layout
    top = int(view.scroll_y)
    drawn = lines(view)
    for y, text in enumerate(drawn):
        if top + y >= len(layout.lines):
            break
        line = layout.lines[top + y]
        if not line.text:
            continue
        assert line.text in text, (line.text, text)
        end = view.text_left(width) + line.indent + len(line.prefix) + len(line.text)
        assert end <= width, (line.text, width)


async def test_side_panels_narrow_the_column_at_60_columns(make_app):
    app = make_app()
    async with app.run_test(size=(60, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        for key in ("e", "m"):
            await pilot.press(key)
            await pilot.pause()
            panel = reader.query_one("#entity-panel" if key == "e" else "#notes-panel")
            assert panel.display and panel.outer_size.width < 40
            assert reader.view.outer_size.width + panel.outer_size.width == 60
            assert_text_not_cut(reader)
            assert reader.view.text_layout.width >= 24  # still a column to read
            words = " ".join(lines(reader.view)).split()
            assert "Paragraph" in words and "Barack" in words


async def test_side_panels_keep_their_width_at_200_columns(make_app):
    app = make_app()
    async with app.run_test(size=(200, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        column = reader.view.text_layout.width
        await pilot.press("e")
        await pilot.pause()
        assert reader.query_one("#entity-panel").outer_size.width == 40
        assert reader.view.text_layout.width == column  # room to spare: the column stays
        assert_text_not_cut(reader)


async def test_a_panel_closes_when_the_terminal_gets_too_narrow(make_app, monkeypatch):
    app = make_app()
    said: list[str] = []
    monkeypatch.setattr(app, "say", lambda message, **_: said.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("e")
        panel = reader.query_one("#entity-panel")
        assert panel.display
        await pilot.resize_terminal(50, 30)
        await pilot.pause()
        assert not panel.display and reader.view.has_focus
        assert said == [
            "Side panel closed. The side panels need a terminal at least 58 columns wide."
        ]
        assert_text_not_cut(reader)
        await pilot.press("m")  # too narrow to open: said why
        await pilot.pause()
        assert not reader.query_one("#notes-panel").display
        assert said and "58 columns" in said[-1]


# ------------------------------------------------------------------ tables, right to left

TABLE_PAGE = """---
title: Ports
---

The ports by tonnage.

| Port | Tonnes | Country |
|---|---|---|
| Rotterdam | 440 | Netherlands |
| Antwerp | 231 | Belgium |
| Hamburg | 114 | Germany |

A paragraph after the table.

ذهب الصياد إلى البحر في الصباح الباكر ليصطاد السمك مع أصدقائه من القرية.
"""


@pytest.fixture
def ports_app(make_app, tmp_path):
    """The app opened on a page with a table and right-to-left paragraphs."""
    page = tmp_path / "ports.md"
    page.write_text(TABLE_PAGE)
    return make_app(file=page)


def row_on_screen(reader, needle: str) -> tuple[int, str]:
    drawn = lines(reader.view)
    return next((y, text) for y, text in enumerate(drawn) if needle in text)


async def open_table_page(pilot) -> object:
    reader = await reader_ready(pilot)
    assert [b.kind for b in reader.article.blocks].count("table_row") == 4
    return reader


async def test_a_table_is_drawn_in_columns_and_search_lands_on_its_words(ports_app):
    async with ports_app.run_test(size=SIZE) as pilot:
        reader = await open_table_page(pilot)
        rows = [row_on_screen(reader, port)[1] for port in ("Tonnes", "Rotterdam", "Antwerp")]
        bars = {tuple(i for i, ch in enumerate(text) if ch == "|") for text in rows}
        assert len(bars) == 1  # the separators line up, row after row
        assert "Antwerp   | 231    | Belgium" in rows[2]
        # search inside the table: the current match is exactly the word
        await pilot.press("slash", *"belgium", "enter")
        start = reader.article.text.index("Belgium")
        assert reader.view.cursor.match == (start, start + 7)
        y, _ = row_on_screen(reader, "Antwerp")
        strip = reader.view.render_line(y)
        styles = {segment.text: segment.style for segment in strip}
        assert "Belgium" in styles  # drawn as one piece, cut at the match
        assert styles["Belgium"] != styles.get("231")
        await pilot.press("escape")


async def test_the_cursor_and_a_highlight_in_a_table_cover_the_row(ports_app):
    async with ports_app.run_test(size=SIZE) as pilot:
        reader = await open_table_page(pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "h")  # Rotterdam
        await wait_for(pilot, lambda: len(reader.view.highlights) == 1)
        (h,) = reader.view.highlights
        assert h.exact == "Rotterdam | 440 | Netherlands"
        _, text = row_on_screen(reader, "Rotterdam")
        assert "Rotterdam | 440    | Netherlands" in text


async def test_a_right_to_left_paragraph_is_flush_right(ports_app):
    async with ports_app.run_test(size=SIZE) as pilot:
        reader = await open_table_page(pilot)
        view = reader.view
        width = view.scrollable_content_region.width
        right = view.text_left(width) + view.text_layout.width
        _, arabic = row_on_screen(reader, "الصياد")
        _, english = row_on_screen(reader, "A paragraph after")
        assert len(arabic.rstrip()) == right
        assert len(english.rstrip()) < right
        assert english.index("A paragraph") == view.text_left(width)
