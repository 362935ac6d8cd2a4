"""Wrapping an article into display lines, without a widget."""

from __future__ import annotations

from make_article import make_article
from rich.cells import cell_len

from margin.ui.widgets.article_layout import (
    BLANK,
    META,
    NOTE,
    RULE,
    TITLE,
    layout_article,
    wrap_offsets,
)


def pieces(text: str, width: int) -> list[str]:
    return [text[s:e] for s, e in wrap_offsets(text, width)]


def test_wrap_offsets_breaks_between_words_and_keeps_every_character():
    text = "the harbour master counted the boats again at noon"
    shown = pieces(text, 16)
    assert "".join(shown) == text
    assert [p.rstrip(" ") for p in shown] == [
        "the harbour",
        "master counted",
        "the boats again",
        "at noon",
    ]
    assert all(len(p.rstrip(" ")) <= 16 for p in shown)


def test_wrap_offsets_cuts_a_word_wider_than_the_column():
    url = "https://example.com/" + "x" * 30
    shown = pieces(f"see {url} now", 12)
    assert "".join(shown) == f"see {url} now"
    assert all(len(p.rstrip(" ")) <= 12 for p in shown)
    assert shown[0] == "see "


def test_wrap_offsets_measures_wide_characters_in_cells():
    text = "東京に行った" * 4  # 24 characters, 48 cells, no spaces
    shown = pieces(text, 10)
    assert "".join(shown) == text
    assert all(cell_len(p) <= 10 for p in shown)
    assert len(shown) == 5


def test_wrap_offsets_short_and_empty_text_is_one_line():
    assert wrap_offsets("short", 80) == [(0, 5)]
    assert wrap_offsets("", 80) == [(0, 0)]


def test_layout_maps_every_text_line_back_to_its_offsets():
    article = make_article(
        ("heading", "Arrival"),
        "Barack Obama met Angela Merkel in Berlin to talk about trade for a long time.",
        ("list_item", "first item"),
        ("list_item", "second item"),
    )
    article.byline = "Ada Lovelace"
    article.reading_minutes = 2
    layout = layout_article(article, 30)
    assert layout is not None
    kinds = [line.kind for line in layout.lines]
    assert kinds[:4] == [TITLE, META, RULE, BLANK]
    assert layout.lines[1].text == "Ada Lovelace · 2 min read"
    for line in layout.lines:
        if line.block >= 0 and line.kind not in (BLANK, NOTE):
            assert article.text[line.start : line.end] == line.text
            assert len(line.prefix) + len(line.text) <= 30
    items = [line for line in layout.lines if line.kind == "list_item"]
    assert [(i.prefix, i.text) for i in items] == [("• ", "first item"), ("• ", "second item")]
    # list items sit tight, other blocks get a blank line between them
    first_item = layout.block_first_line[2]
    assert layout.lines[first_item - 1].kind == BLANK
    assert layout.block_first_line[3] == first_item + 1


def test_line_for_offset_finds_the_text_line_not_the_note_under_it():
    article = make_article("First paragraph here.", "Second one.")
    notes = {0: [(7, "a note on the first", 0)]}
    layout = layout_article(article, 40, notes)
    assert layout is not None
    note = next(i for i, line in enumerate(layout.lines) if line.kind == NOTE)
    assert layout.lines[note].text == "a note on the first"
    assert layout.lines[note].prefix == "  ✎ "
    end = article.blocks[0].end
    assert layout.line_for_offset(end) == note - 1
    assert layout.line_for_offset(article.blocks[1].start) == layout.block_first_line[1]


def test_notes_beside_the_text_are_pushed_below_an_earlier_note():
    article = make_article("One.", "Two.", "Three.", "Four.", "Five.", "Six.")
    notes = {
        0: [(1, "a long note " * 4, 0)],
        1: [(2, "short", article.blocks[1].start)],
    }
    layout = layout_article(article, 30, notes, side_width=14)
    assert layout is not None
    assert not any(line.kind == NOTE for line in layout.lines)
    rows = sorted(layout.side)
    first = [i for i in rows if layout.side[i][2] == 1]
    second = [i for i in rows if layout.side[i][2] == 2]
    assert first[0] == layout.block_first_line[0]  # beside the line it annotates
    assert first == list(range(first[0], first[0] + len(first))) and len(first) > 1
    assert second == [first[-1] + 2]  # below the first note, one blank line between
    assert layout.side[first[0]][0] == "✎ " and layout.side[first[1]][0] == "  "


def test_layout_stops_when_cancelled():
    article = make_article(*[f"Paragraph {i}." for i in range(2000)])
    assert layout_article(article, 40, cancelled=lambda: True) is None


def test_control_characters_in_the_title_become_visible_one_for_one():
    article = make_article("Body.", title="T \x1b[2J")
    layout = layout_article(article, 40)
    assert layout is not None
    assert "\x1b" not in layout.lines[0].text
    assert len(layout.lines[0].text) == len("T \x1b[2J")


def test_the_standfirst_shows_under_the_title_as_plain_text():
    article = make_article("The harbour opened at dawn.", title="Harbour opens")
    article.dek = "A [b]new[/b] pier, and\x1b[31m a ferry to every island"
    article.byline = "Ada Lovelace"
    layout = layout_article(article, 30)
    assert layout is not None
    head = layout.lines[:5]
    assert [line.kind for line in head] == [TITLE, META, META, META, RULE]
    dek = " ".join(line.text for line in head[1:3])
    assert dek.startswith("A [b]new[/b] pier, and") and dek.endswith("a ferry to every island")
    assert "\x1b" not in dek  # shown as plain text, never as markup or a control
    assert head[3].text == "Ada Lovelace"


def test_list_items_and_table_rows_sit_tight_with_notes_beside_the_text():
    """With a note in the article and room for notes beside the text, list
    items and table rows still sit tight, as they do without notes."""
    article = make_article(
        "A paragraph with a note.",
        ("list_item", "first item"),
        ("list_item", "second item"),
        ("table_row", "a | b"),
        ("table_row", "c | d"),
    )
    notes = {0: [(1, "the note", 0)]}
    for side in (0, 14):
        layout = layout_article(article, 40, notes if side else None, side_width=side)
        assert layout is not None
        firsts = layout.block_first_line
        assert firsts[2] == firsts[1] + 1, side
        assert firsts[4] == firsts[3] + 1, side
