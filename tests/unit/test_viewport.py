"""Where the screen is in a laid-out article: the first line's offset, the
end on screen, and the block a scrolled-away cursor goes to."""

from __future__ import annotations

from make_article import make_article

from margin.ui.viewport import block_on_screen, end_on_screen, top_offset
from margin.ui.widgets.article_layout import layout_article

WIDTH = 40


def _layout(paragraphs: int = 12):
    article = make_article(*[f"Paragraph {i} " + "words " * 30 for i in range(paragraphs)])
    layout = layout_article(article, WIDTH)
    assert layout is not None
    return article, layout


def test_top_offset_is_where_the_first_line_on_screen_starts() -> None:
    _, layout = _layout()
    assert top_offset(layout, 0) == 0
    assert top_offset(None, 5) == 0
    line = layout.lines[10]
    assert top_offset(layout, 10) == line.start
    assert top_offset(layout, 10_000) == layout.lines[-1].start


def test_the_end_is_on_screen_only_when_the_last_line_is() -> None:
    article, layout = _layout()
    last = len(layout.lines) - 1
    assert end_on_screen(layout, len(article.blocks), last - 5, 10)
    assert not end_on_screen(layout, len(article.blocks), 0, 10)
    # a long article's head alone: its end is not the article's
    assert not end_on_screen(layout, len(article.blocks) + 5, last - 5, 10)


def test_a_cursor_left_behind_goes_to_the_first_block_on_screen() -> None:
    _, layout = _layout()
    firsts = layout.block_first_line
    top = firsts[5]
    assert block_on_screen(layout, 5, top, 6) == 5  # on screen: stays
    assert block_on_screen(layout, 0, top, 6) == 5  # above: the first starting on screen
    # a screen inside one long block: the block covering the top
    assert block_on_screen(layout, 0, firsts[5] + 1, 2) == 5
