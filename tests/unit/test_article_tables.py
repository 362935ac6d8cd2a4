"""Tables and right-to-left paragraphs in the reading column, without a widget."""

from __future__ import annotations

from make_article import make_article
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from margin.ui.reading_cursor import ReadingCursor
from margin.ui.text_direction import is_rtl
from margin.ui.widgets.article_layout import Layout, layout_article
from margin.ui.widgets.article_render import MATCH, LinePainter, Spans, TextMarks
from margin.ui.widgets.article_tables import cell_spans, column_widths

ROWS = ("Name | Age | City", "Ada | 36 | London", "Grace Hopper | 85 | New York")
TABLE = make_article(
    "A paragraph before the table.",
    *[("table_row", row) for row in ROWS],
    "A paragraph after it.",
)
LEFT = 4


def named(name: str) -> Style:
    return Style(meta={name: True})


def painter(layout: Layout, marks: TextMarks | None = None) -> LinePainter:
    cursor = ReadingCursor()
    cursor.reset(TABLE.blocks)
    cursor.move(4)  # the cursor on the last paragraph, out of the way
    return LinePainter(layout, cursor, marks or TextMarks(), named, Style(), LEFT)


def drawn(p: LinePainter, index: int) -> str:
    return "".join(segment.text for segment in p.paint(index))


def table_lines(layout: Layout) -> list[int]:
    return [i for i, line in enumerate(layout.lines) if line.kind == "table_row"]


def test_cell_spans_split_a_row_on_the_separator():
    text = "Grace Hopper | 85 | New York"
    assert [text[s:e] for s, e in cell_spans(text)] == ["Grace Hopper", "85", "New York"]
    assert column_widths(ROWS, 80) == [12, 3, 8]
    assert column_widths(ROWS, 20) is None  # 12 + 3 + 8 and two separators: 29 cells


def test_table_rows_are_drawn_in_aligned_columns_and_keep_their_offsets():
    layout = layout_article(TABLE, 60)
    assert layout is not None
    rows = table_lines(layout)
    assert len(rows) == 3 and rows == list(range(rows[0], rows[0] + 3))  # one line each, tight
    p = painter(layout)
    shown = [drawn(p, i)[LEFT:] for i in rows]
    assert shown == [
        "Name         | Age | City",
        "Ada          | 36  | London",
        "Grace Hopper | 85  | New York",
    ]
    for i in rows:  # the text form is untouched: offsets still slice the article
        line = layout.lines[i]
        assert TABLE.text[line.start : line.end] == line.text


def test_a_match_inside_a_table_marks_the_right_words():
    layout = layout_article(TABLE, 60)
    assert layout is not None
    start = TABLE.text.index("London")
    p = painter(layout, TextMarks(matches=Spans.build([(start, start + 6, MATCH)])))
    row = table_lines(layout)[1]
    marked = [s.text for s in p.paint(row) if s.style and MATCH in (s.style.meta or {})]
    assert marked == ["London"]


def test_clicking_a_padded_cell_finds_its_characters():
    layout = layout_article(TABLE, 60)
    assert layout is not None
    line = layout.lines[table_lines(layout)[2]]
    shown = "Grace Hopper | 85  | New York"
    for word in ("Grace", "85", "New", "York"):
        assert line.text[line.index_at(shown.index(word)) :].startswith(word)


def test_a_table_too_wide_for_the_column_is_wrapped_as_text_not_clipped():
    layout = layout_article(TABLE, 20)
    assert layout is not None
    p = painter(layout)
    lines = [layout.lines[i] for i in table_lines(layout)]
    assert len(lines) > 3  # some rows took two lines
    assert all(not line.pads for line in lines)
    assert all(len(drawn(p, i)) <= LEFT + 20 for i in table_lines(layout))


ARABIC = "ذهب الصياد إلى البحر في الصباح الباكر ليصطاد السمك مع أصدقائه من القرية"
HEBREW = "Google פרסמה היום דוח חדש על מצב השוק"


def test_right_to_left_paragraphs_are_told_by_their_strong_characters():
    assert is_rtl(ARABIC) and is_rtl(HEBREW)
    assert not is_rtl("An English paragraph quoting one word, שלום, in Hebrew.")
    assert not is_rtl("Plain ASCII.") and not is_rtl("12 + 3 = 15")


def test_right_to_left_paragraphs_end_at_the_right_edge_of_the_column():
    article = make_article(ARABIC, "An English paragraph.", ("heading", HEBREW))
    layout = layout_article(article, 30)
    assert layout is not None
    cursor = ReadingCursor()
    cursor.reset(article.blocks)
    cursor.move(1)
    p = LinePainter(layout, cursor, TextMarks(), named, Style(), LEFT)
    for i, line in enumerate(layout.lines):
        if line.block < 0 or not line.text:
            continue
        segments: list[Segment] = p.paint(i)
        used = sum(cell_len(s.text) for s in segments)
        if line.block == 1:
            assert line.indent == 0 and used < LEFT + 30
        else:
            assert used == LEFT + 30, line.text  # flush right
            assert line.text[line.index_at(line.indent)] == line.text[0]
