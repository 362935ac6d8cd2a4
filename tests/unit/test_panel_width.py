"""How wide the reader's side panels are, without a widget."""

from __future__ import annotations

from margin.ui.panel_width import (
    MIN_READING_WIDTH,
    NARROWEST,
    PANEL_WIDTH,
    side_panel_width,
)


def test_a_panel_has_its_width_when_there_is_room():
    assert side_panel_width(200) == PANEL_WIDTH
    assert side_panel_width(MIN_READING_WIDTH + PANEL_WIDTH) == PANEL_WIDTH


def test_a_panel_narrows_and_leaves_a_readable_column():
    for width in range(NARROWEST, MIN_READING_WIDTH + PANEL_WIDTH):
        panel = side_panel_width(width)
        assert 0 < panel < PANEL_WIDTH
        assert width - panel == MIN_READING_WIDTH


def test_no_panel_when_it_would_not_fit():
    assert side_panel_width(NARROWEST - 1) == 0
    assert side_panel_width(40) == 0
    assert side_panel_width(60) > 0  # a common narrow terminal still gets one
