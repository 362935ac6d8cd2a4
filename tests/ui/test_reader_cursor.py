"""The sentence cursor, and notes beside the text on a wide terminal."""

from __future__ import annotations

from pathlib import Path

from helpers import choose_in_palette, lines, open_titled, reader_ready, wait_for

from margin.config import Config
from margin.library import Library

NOTE = "count the boats again tomorrow"


async def test_sentence_cursor_moves_and_highlights_a_sentence(make_app):
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        view = reader.view
        await pilot.press("right_square_bracket")  # the first paragraph after the heading
        block = reader.article.blocks[view.cursor.block]
        text = reader.article.text
        await pilot.press("right_parenthesis")  # sentence mode: its first sentence
        assert view.cursor.sentence_mode
        assert text[slice(*view.cursor.sentence)] == "Paragraph 1."
        await pilot.press("right_parenthesis")
        second = view.cursor.sentence
        assert text[slice(*second)].startswith("Barack Obama met Angela Merkel")
        assert text[slice(*second)].endswith("in the cold.")
        # the gutter marks only the lines of that sentence, not the whole paragraph
        shown = lines(view)
        marked = [line for line in shown if "▎" in line]
        assert any("Barack Obama" in line for line in marked)
        assert any("in the cold." in line for line in marked)
        last_line = next(line for line in shown if "master counted 1 boats" in line)
        assert "▎" not in last_line
        await pilot.press("h")
        await wait_for(pilot, lambda: len(view.highlights) == 1)
        (h,) = view.highlights
        assert (h.start, h.end) == second
        # ( goes back; past the paragraph's last sentence is the next paragraph
        await pilot.press("left_parenthesis")
        assert text[slice(*view.cursor.sentence)] == "Paragraph 1."
        await pilot.press("right_parenthesis", "right_parenthesis", "right_parenthesis")
        assert view.cursor.block == reader.article.blocks.index(block) + 1
        assert text[slice(*view.cursor.sentence)] == "Paragraph 2."
        # v then ) selects two sentences
        await pilot.press("v", "right_parenthesis", "a")
        await wait_for(pilot, lambda: app.screen is not reader)
        await pilot.press(*"two", "ctrl+s")
        await wait_for(pilot, lambda: len(view.highlights) == 2)
        h2 = max(view.highlights, key=lambda h: h.start or 0)
        assert text[h2.start : h2.end].startswith("Paragraph 2. Barack Obama")
        assert text[h2.end - 1] == "."
        # ] goes back to a paragraph cursor
        await pilot.press("right_square_bracket")
        assert not view.cursor.sentence_mode
        assert view.selected_range() == (
            reader.article.blocks[view.cursor.block].start,
            reader.article.blocks[view.cursor.block].end,
        )


async def test_sentence_cursor_from_config(make_app):
    app = make_app(config=Config(cursor="sentence"))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_titled(pilot, "A Year with Bees")
        view = reader.view
        await pilot.press("right_square_bracket", "left_square_bracket")
        assert view.cursor.sentence_mode
        assert reader.article.text[slice(*view.cursor.sentence)] == "Bees are busy."
        await pilot.press("h")
        await wait_for(pilot, lambda: len(view.highlights) == 1)
        assert view.highlights[0].exact == "Bees are busy."


def _add_note(library_dir: Path) -> tuple[int, int]:
    path = library_dir / "harbour.md"
    with Library.open() as lib:
        article = lib.load_article(path)
        paragraph = next(b for b in article.blocks if b.text.startswith("Paragraph 2."))
        start = article.text.index("Barack Obama", paragraph.start)
        lib.add_highlight(path, start, start + len("Barack Obama"), NOTE)
    return paragraph.start, paragraph.end


def _note_lines(shown: list[str]) -> list[str]:
    return [line for line in shown if "✎" in line]


def _text_column(line: str) -> int:
    """Where a line's text starts, past the margin and the cursor's gutter bar."""
    return len(line) - len(line.lstrip(" ▎"))


async def test_notes_beside_the_text_when_wide_under_it_when_narrow(make_app, library_dir):
    _add_note(library_dir)
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        view = reader.view
        assert view.text_layout is not None and view.text_layout.side_width > 0
        view.jump_to(*next((h.start, h.end) for h in view.highlights))
        await pilot.pause()
        (beside,) = _note_lines(lines(view))
        # on the same display line as the paragraph's text, to its right
        assert "Paragraph 2." in beside or "Obama" in beside
        assert beside.index("✎") > beside.index(
            "Paragraph 2." if "Paragraph" in beside else "Obama"
        )
        assert NOTE in beside
        # the text column does not move when the note is there: every line of
        # text starts where a line without a note starts; the note keeps clear
        # of the text, and text and notes are centred together
        shown = [line for line in lines(view) if line.strip()]
        assert {_text_column(line) for line in shown} == {_text_column(beside)}
        text_ends = [len(line.split("✎")[0].rstrip()) for line in shown]
        assert beside.index("✎") >= max(text_ends) + 2
        width = view.scrollable_content_region.width
        assert _text_column(beside) < (width - view.text_layout.width) // 2
        await pilot.resize_terminal(100, 40)
        await wait_for(
            pilot, lambda: view.text_layout is not None and not view.text_layout.side_width
        )
        view.jump_to(*next((h.start, h.end) for h in view.highlights))
        await pilot.pause()
        (under,) = _note_lines(lines(view))
        assert NOTE in under
        assert "Paragraph" not in under and "Obama" not in under  # a line of its own


async def test_long_side_notes_push_the_next_one_down(make_app, library_dir):
    path = library_dir / "bees.md"
    with Library.open() as lib:
        lib.load_article(path)
        lib.add_highlight(path, 0, 4, "first note " * 12)
        lib.add_highlight(path, 5, 8, "second note")
    app = make_app()
    async with app.run_test(size=(150, 30)) as pilot:
        reader = await open_titled(pilot, "A Year with Bees")
        shown = lines(reader.view)
        notes = [i for i, line in enumerate(shown) if "✎" in line]
        assert len(notes) == 2
        first, second = notes
        # both highlights are on the first line: the first note starts beside
        # it and wraps over several lines; the second starts one blank line
        # below the first's last line, in the same column
        assert "Bees are busy" in shown[first]
        wrapped = [i for i, line in enumerate(shown) if "first note" in line]
        assert wrapped == list(range(first, first + len(wrapped))) and len(wrapped) > 2
        assert second == wrapped[-1] + 2 and "second note" in shown[second]
        assert not shown[second - 1][shown[first].index("✎") :].strip()
        assert shown[second].index("✎") == shown[first].index("✎")


async def test_single_file_sentence_keys_work_before_highlights(make_app, library_dir):
    app = make_app(file=library_dir / "zebra.md")
    async with app.run_test(size=(80, 24)) as pilot:
        reader = await reader_ready(pilot)
        await pilot.press("right_parenthesis", "right_parenthesis", "right_parenthesis")
        text = reader.article.text
        assert text[slice(*reader.view.cursor.sentence)] == "Their stripes confuse flies."


async def test_theme_switch_keeps_reader_colours_readable(make_app):
    """Theme colours with alpha or "auto" are blended, not dropped: the dark
    theme's cursor is not a white bar, the light theme's muted text not white."""
    from rich.color import Color as RichColor

    def luminance(color: RichColor | None) -> float:
        assert color is not None
        r, g, b = color.get_truecolor()
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        view = reader.view
        assert app.current_theme.dark
        assert luminance(view._style("article-view--cursor").bgcolor) < 0.3
        assert luminance(view._style("article-view--highlight").bgcolor) < 0.5
        assert luminance(view._style("article-view--meta").color) > 0.4
        await choose_in_palette(pilot, "light theme", "Switch to the light theme")
        await wait_for(pilot, lambda: not app.current_theme.dark)
        assert luminance(view._style("article-view--meta").color) < 0.5
        assert luminance(view._style("article-view--cursor").bgcolor) > 0.5
        assert luminance(view._style("article-view--person").color) < 0.5
        # and what is drawn follows the theme at once
        assert "The Harbour at Dawn" in "\n".join(lines(view))
