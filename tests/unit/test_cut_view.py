"""The reader's cut view (ui/cut_view.py, and its labels in the layout and
the drawing): the page as one text, offsets mapped both ways, where the
reader's place goes when a cut or an undo changes the article by whole
blocks."""

from __future__ import annotations

from rich.style import Style

from margin.ingest.blocks import assemble
from margin.library.page_view import PageView, ViewBlock
from margin.model import Article, Block, Entity, Highlight
from margin.ui.cut_view import (
    CUT_LABEL,
    DROPPED_LABEL,
    KEPT_LABEL,
    RULE_LABEL,
    BlockChange,
    CutView,
)
from margin.ui.reading_cursor import ReadingCursor
from margin.ui.widgets.article_layout import MARK_CUT, MARK_DROPPED, layout_article
from margin.ui.widgets.article_render import HIDDEN, HIDDEN_GUTTER, LinePainter, TextMarks

#: The page: (text, state, by a site rule).
PAGE = [
    ("Home News Sport", "dropped", False),
    ("Maria Borg runs the harbour office.", "shown", False),
    ("Support us: become a member.", "cut", False),
    ("Repairs take the summer.", "shown", False),
    ("Share this story", "cut", True),
    ("Ferry prices rise", "kept", False),
]


def _article(texts: list[str]) -> Article:
    text, blocks = assemble([Block("paragraph", t) for t in texts])
    return Article(source="p.html", kind="html", title="T", blocks=blocks, text=text)


def _page() -> PageView:
    page_text, page_blocks = assemble([Block("paragraph", t) for t, _, _ in PAGE])
    shown = [t for t, state, _ in PAGE if state in ("shown", "kept")]
    article = _article(shown)
    starts = {b.text: b for b in article.blocks}
    blocks = []
    for n, ((t, state, rule), pb) in enumerate(zip(PAGE, page_blocks, strict=True)):
        at = starts.get(t)
        blocks.append(
            ViewBlock(
                n, "paragraph", t, 0, state, None if state == "shown" else n + 10,
                pb.start, pb.end, at.start if at else None, at.end if at else None, rule,
            )
        )  # fmt: skip
    return PageView(article, blocks, page_text)


def _shown_article(page: PageView) -> Article:
    article = _article([b.text for b in page.article.blocks])
    start = article.text.index("Maria Borg")
    article.entities = [Entity("Maria Borg", "PERSON", start, start + 10)]
    return article


def test_the_cut_view_is_the_whole_page_with_each_hidden_block_marked() -> None:
    page = _page()
    view = CutView.build(page, _shown_article(page))
    assert view.article.text == page.text
    assert [b.text for b in view.article.blocks] == [t for t, _, _ in PAGE]
    assert {i: (m.label, m.hidden) for i, m in view.marks.items()} == {
        0: (DROPPED_LABEL, True),
        2: (CUT_LABEL, True),
        4: (RULE_LABEL, True),
        5: (KEPT_LABEL, False),
    }
    assert view.counts == (2, 1)
    (entity,) = view.article.entities
    assert page.text[entity.start : entity.end] == "Maria Borg"


def test_offsets_go_from_the_article_to_the_page_and_back() -> None:
    page = _page()
    view = CutView.build(page, _shown_article(page))
    article = page.article.text
    for word in ("harbour", "summer", "Ferry"):
        at = article.index(word)
        there = view.to_page(at)
        assert page.text[there : there + len(word)] == word
        assert view.to_article(there) == at
    # in a hidden block: the start of the next block the article shows
    assert view.to_article(page.text.index("become a member")) == article.index("Repairs")
    assert view.to_article(page.text.index("Home")) == 0
    h = Highlight(
        1, "p.html", "summer", "", "", article.index("summer"), article.index("summer") + 6
    )
    (moved,) = view.highlights([h])
    assert page.text[moved.start : moved.end] == "summer"


def test_a_cut_moves_the_place_to_the_next_block_and_an_undo_reveals_it() -> None:
    old = _article(["One.", "Two, to cut.", "Three.", "Four."])
    new = _article(["One.", "Three.", "Four."])
    cut = BlockChange.between(old.blocks, new.blocks)
    assert cut.moved(old.text.index("One")) == 0
    assert cut.moved(old.text.index("to cut")) == new.text.index("Three")
    assert cut.moved(old.text.index("our")) == new.text.index("our")
    assert cut.added is None
    undo = BlockChange.between(new.blocks, old.blocks)
    assert undo.added == old.text.index("Two")
    assert undo.moved(new.text.index("Four")) == old.text.index("Four")
    # the last block cut: the end of the text
    last = BlockChange.between(old.blocks, old.blocks[:3])
    assert last.moved(old.text.index("Four")) == old.blocks[2].end
    same = BlockChange.between(old.blocks, old.blocks)
    assert same.moved(7) == 7 and same.added is None


def test_the_labels_are_lines_of_their_own_and_hidden_text_is_drawn_dimmed() -> None:
    page = _page()
    view = CutView.build(page, _shown_article(page))
    layout = layout_article(view.article, 60, marks=view.marks)
    assert layout is not None
    first = layout.lines[layout.block_first_line[2]]
    assert (first.kind, first.text, first.block) == (MARK_CUT, CUT_LABEL, 2)
    assert layout.lines[layout.block_first_line[0]].kind == MARK_DROPPED
    assert layout.hidden == {0, 2, 4}
    # an offset in a marked block is on its text, not on its label
    line = layout.lines[layout.line_for_offset(page.text.index("Support"))]
    assert line.text.startswith("Support")

    def style(name: str) -> Style:
        return Style(color="red") if name == HIDDEN else Style()

    cursor = ReadingCursor()
    cursor.reset(view.article.blocks)
    painter = LinePainter(layout, cursor, TextMarks(), style, Style(), 4)
    text_line = layout.line_for_offset(page.text.index("Support"))
    segments = painter.paint(text_line)
    assert segments[1].text == HIDDEN_GUTTER
    assert all(s.style.color == Style(color="red").color for s in segments[1:])
    shown = painter.paint(layout.line_for_offset(page.text.index("Repairs")))
    assert HIDDEN_GUTTER not in "".join(s.text for s in shown)
