"""How far an article has been read, without a widget."""

from __future__ import annotations

from margin.ui.reading_progress import ReadingProgress, read_line
from margin.wording import percent


def test_nothing_is_read_until_the_reader_moves_on():
    progress = ReadingProgress(1000)
    assert progress.fraction == 0.0
    progress.read_to(250)
    assert progress.fraction == 0.25
    progress.read_to(100)  # reading back up does not unread
    assert progress.fraction == 0.25


def test_done_only_at_the_end():
    progress = ReadingProgress(1000)
    progress.read_to(1000)  # every line read, but the end was not reached by scrolling
    assert progress.fraction < 1.0
    progress.finish()
    assert progress.fraction == 1.0


def test_a_saved_progress_is_resumed():
    assert ReadingProgress.resumed(1000, 0.4).fraction == 0.4
    assert ReadingProgress.resumed(1000, 1.0).finished
    assert ReadingProgress.resumed(1000, 0.0).fraction == 0.0
    assert ReadingProgress.resumed(0, 0.0).fraction == 0.0


def test_the_top_third_of_the_screen_is_read():
    assert read_line(top=0, height=30, lines=500) == 9
    assert read_line(top=100, height=30, lines=500) == 109
    assert read_line(top=0, height=2, lines=500) == 0
    assert read_line(top=490, height=30, lines=500) == 499


def test_percent_is_100_only_when_done_and_1_once_started():
    assert percent(0.0) == 0
    assert percent(0.001) == 1
    assert percent(0.996) == 99
    assert percent(0.5) == 50
    assert percent(1.0) == 100
