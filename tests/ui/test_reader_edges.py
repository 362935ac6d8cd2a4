"""The reader at its edges: small counts and cut quotes, the page keys from
``less``, side panels on a narrow terminal, tables and right-to-left text."""

from __future__ import annotations

from pathlib import Path

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
