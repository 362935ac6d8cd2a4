"""The reading cursor on its own: blocks, sentences, selection, matches, highlights."""

from __future__ import annotations

from make_article import make_article

from margin.model import Highlight
from margin.ui.reading_cursor import ReadingCursor

ARTICLE = make_article(
    ("heading", "Arrival"),
    "Dr. Smith came. He saw the boats. Then he left.",
    "One sentence only",
    "Last one. Really.",
)
TEXT = ARTICLE.text
BLOCKS = ARTICLE.blocks


def cursor(*, sentence_mode: bool = False) -> ReadingCursor:
    c = ReadingCursor(sentence_mode=sentence_mode)
    c.reset(BLOCKS)
    return c


def said(span: tuple[int, int] | None) -> str:
    assert span is not None
    return TEXT[span[0] : span[1]]


def highlight(start: int, end: int, id: int = 1) -> Highlight:
    return Highlight(id, "x.md", TEXT[start:end], "", "", start, end)


def test_moves_by_blocks_and_stops_at_either_end():
    c = cursor()
    assert said(c.span()) == "Arrival"
    assert c.move(1) and said(c.span()).startswith("Dr. Smith")
    c.move(10)
    assert c.block == 3
    c.move(-10)
    assert c.block == 0


def test_an_empty_article_has_no_cursor():
    c = ReadingCursor()
    assert not c.move(1) and not c.move_sentence(1)
    assert c.span() is None and c.selected_range() is None
    assert c.block_at(5) is None and c.offset() == 0


def test_sentence_steps_cross_paragraphs_and_stop_at_the_last():
    c = cursor()
    c.move(1)
    c.move_sentence(1)  # from a paragraph cursor: its first sentence
    assert c.sentence_mode and said(c.span()) == "Dr. Smith came."
    c.move_sentence(2)
    assert said(c.span()) == "Then he left."
    c.move_sentence(1)
    assert c.block == 2 and said(c.span()) == "One sentence only"
    c.move_sentence(5)
    assert said(c.span()) == "Really."
    c.move_sentence(-2)
    assert said(c.span()) == "One sentence only"


def test_block_moves_in_sentence_mode_land_on_the_first_sentence():
    c = cursor(sentence_mode=True)
    c.move(3)
    assert said(c.span()) == "Last one."
    c.paragraph_mode()
    assert said(c.span()) == "Last one. Really."


def test_block_at_and_land_on_find_the_block_and_sentence_of_an_offset():
    c = cursor(sentence_mode=True)
    boats = TEXT.index("boats")
    assert c.block_at(boats) == 1
    assert c.block_at(BLOCKS[1].end + 1) == 1  # between two blocks: the one before
    c.land_on(boats)
    assert said(c.span()) == "He saw the boats."


def test_selection_spans_from_the_anchor_to_the_cursor_either_way():
    c = cursor()
    c.move(1)
    assert c.toggle_selection()
    c.move(2)
    assert c.selected_range() == (BLOCKS[1].start, BLOCKS[3].end)
    c.move(-3)
    assert c.selected_range() == (BLOCKS[0].start, BLOCKS[1].end)
    assert not c.toggle_selection()
    assert c.selected_range() == (BLOCKS[0].start, BLOCKS[0].end)


def test_a_jump_selects_the_match_until_the_cursor_moves():
    c = cursor()
    start = TEXT.index("boats")
    c.jump_to(start, start + 5)
    assert c.block == 1 and c.selected_range() == (start, start + 5)
    c.move(1)
    assert c.match is None and c.selected_range() == (BLOCKS[2].start, BLOCKS[2].end)


def test_next_match_wraps_round_and_counts_a_match_at_the_cursor():
    c = cursor()
    matches = [(s, s + 1) for s in (BLOCKS[0].start, BLOCKS[1].start + 4, BLOCKS[3].start)]
    assert c.next_match(matches, True) == 0  # the cursor's own start counts as next
    c.jump_to(*matches[0])
    assert c.next_match(matches, True) == 1
    c.jump_to(*matches[2])
    assert c.next_match(matches, True) == 0
    assert c.next_match(matches, False) == 1
    c.jump_to(*matches[0])
    assert c.next_match(matches, False) == 2
    assert c.next_match([], True) is None


def test_next_highlight_skips_orphans_and_wraps_round():
    c = cursor()
    first = highlight(BLOCKS[1].start, BLOCKS[1].start + 3, 1)
    second = highlight(BLOCKS[3].start, BLOCKS[3].start + 4, 2)
    orphan = Highlight(3, "x.md", "gone", "", "", None, None)
    found = [first, orphan, second]
    assert c.next_highlight(found, True) is first
    c.jump_to(first.start or 0, first.end or 0)
    assert c.next_highlight(found, True) is second
    assert c.next_highlight(found, False) is second  # before the first: round to the last
    assert c.next_highlight([orphan], True) is None


def test_highlights_here_are_the_ones_overlapping_the_cursor():
    c = cursor()
    c.move(1)
    inside = highlight(BLOCKS[1].start + 4, BLOCKS[1].start + 9, 1)
    elsewhere = highlight(BLOCKS[2].start, BLOCKS[2].start + 3, 2)
    assert c.highlights_here([inside, elsewhere]) == [inside]


def test_reset_starts_over_on_a_new_article():
    c = cursor()
    c.move(2)
    c.toggle_selection()
    c.jump_to(BLOCKS[3].start, BLOCKS[3].start + 4)
    other = make_article("Only paragraph. Two sentences.")
    c.reset(other.blocks)
    assert (c.block, c.anchor, c.match) == (0, None, None)
    c.move_sentence(1)
    assert c.sentences(0) == [(0, 15), (16, 30)]
    assert c.sentence == (0, 15)
