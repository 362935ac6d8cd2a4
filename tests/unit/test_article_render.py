"""Drawing reader lines as Rich segments, without a widget.

Every component class is drawn here as a style carrying its own name, so a
test can ask which classes style a piece of text.
"""

from __future__ import annotations

from make_article import make_article
from rich.segment import Segment
from rich.style import Style

from margin.ui.entity_colours import entity_colour
from margin.ui.reading_cursor import ReadingCursor
from margin.ui.widgets.article_layout import layout_article
from margin.ui.widgets.article_render import (
    CURSOR,
    MATCH,
    MATCH_CURRENT,
    SELECTION,
    SIDE_GAP,
    LinePainter,
    Spans,
    TextMarks,
)

FIRST = "Barack Obama met Angela Merkel in Berlin. The talks went on."
ARTICLE = make_article(FIRST, "Press [@click=app.quit]here[/] and [b]bold[/b].", "Last.")
TEXT = ARTICLE.text
LEFT = 6
PERSON = entity_colour("PERSON").component


def named(name: str) -> Style:
    return Style(meta={name: True})


def painter(side_notes: bool = False, **cursor_options: bool) -> LinePainter:
    notes = {0: [(1, "a note", 0)]} if side_notes else None
    layout = layout_article(ARTICLE, 30, notes, side_width=12 if side_notes else 0)
    assert layout is not None
    cursor = ReadingCursor(**cursor_options)
    cursor.reset(ARTICLE.blocks)
    obama = TEXT.index("Obama")
    marks = TextMarks(entities=Spans.build([(obama - 7, obama + 5, PERSON)]))
    return LinePainter(layout, cursor, marks, named, Style(), LEFT)


def lines_of(p: LinePainter, block: int) -> list[list[Segment]]:
    return [p.paint(i) for i, line in enumerate(p.layout.lines) if line.block == block]


def text(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments)


def classes_at(segments: list[Segment], needle: str) -> set[str]:
    """The classes styling the segment that holds ``needle``."""
    for segment in segments:
        if needle in segment.text:
            return set((segment.style.meta if segment.style else {}) or {})
    raise AssertionError(f"{needle!r} not drawn")


def test_the_cursor_paragraph_has_a_gutter_bar_and_the_cursor_colour():
    p = painter()
    p.cursor.move(0)
    for segments in lines_of(p, 0)[:2]:  # (the paragraph's lines, not the blank after it)
        assert text(segments).startswith(" " * (LEFT - 2) + "▎ ")
        assert CURSOR in classes_at(segments, text(segments).strip(" ▎")[:4])
    other = lines_of(p, 2)[0]
    assert text(other).startswith(" " * LEFT + "Last.")
    assert CURSOR not in classes_at(other, "Last.")


def test_a_sentence_cursor_marks_only_that_sentence():
    p = painter(sentence_mode=True)
    p.cursor.move_sentence(1)  # "Barack Obama ... Berlin."
    p.cursor.move_sentence(1)  # "The talks went on."
    drawn = lines_of(p, 0)
    marked = [text(s) for s in drawn if "▎" in text(s)]
    assert marked and all("talks" in t or "went on" in t for t in marked)
    talks = next(s for s in drawn if "talks" in text(s))
    assert CURSOR in classes_at(talks, "talks")
    assert not any(CURSOR in classes_at(s, "Obama") for s in drawn if "Obama" in text(s))


def test_entities_are_coloured_only_when_shown():
    p = painter()
    p.cursor.move(2)
    line = next(p.paint(i) for i, ln in enumerate(p.layout.lines) if "Obama" in ln.text)
    assert PERSON in classes_at(line, "Obama")
    assert PERSON not in classes_at(line, "met")
    p.marks.show_entities = False
    line = next(p.paint(i) for i, ln in enumerate(p.layout.lines) if "Obama" in ln.text)
    assert PERSON not in classes_at(line, "Obama")


def test_matches_and_the_current_match_and_a_selection():
    p = painter()
    start = TEXT.index("Last")
    p.marks.matches = Spans.build([(start, start + 4, MATCH)])
    (line,) = [s for s in lines_of(p, 2) if "Last" in text(s)]
    assert MATCH in classes_at(line, "Last") and MATCH_CURRENT not in classes_at(line, "Last")
    p.cursor.jump_to(start, start + 4)
    (line,) = [s for s in lines_of(p, 2) if "Last" in text(s)]
    assert {MATCH, MATCH_CURRENT} <= classes_at(line, "Last")
    assert MATCH_CURRENT not in classes_at(line, ".")
    p.cursor.move(-2)
    p.cursor.toggle_selection()
    p.cursor.move(1)
    for segments in lines_of(p, 0)[:2] + lines_of(p, 1)[:1]:
        assert "▎" in text(segments)
        assert SELECTION in classes_at(segments, text(segments).strip(" ▎")[:3])


def test_markup_in_the_text_is_drawn_literally():
    p = painter()
    drawn = lines_of(p, 1)
    words = " ".join(text(segments).strip() for segments in drawn).split()
    assert words == ARTICLE.blocks[1].text.split()
    for segments in drawn:
        for segment in segments:
            style = segment.style or Style()
            assert style.link is None and "@click" not in (style.meta or {})


def test_a_note_beside_the_text_starts_a_gap_after_the_column():
    p = painter(side_notes=True)
    row = min(p.layout.side)
    segments = p.paint(row)
    drawn = text(segments)
    assert drawn.index("✎ a note") == LEFT + p.layout.width + SIDE_GAP
    assert "Barack" in drawn and drawn.index("Barack") == LEFT
    assert "article-view--note" in classes_at(segments, "a note")
