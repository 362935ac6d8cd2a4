"""The reader's cut view, and where the reader's place goes when the
article's text changes under it.

Pure code (no widgets). The reader shows the article as corrected; the cut
view shows the whole saved page (a :class:`~margin.library.page_view.PageView`),
every block in its place, the ones margin does not show dimmed and marked.
Its offsets are into the page's whole text, so :class:`CutView` builds that
text as an :class:`~margin.model.Article` (entities, links and highlights
moved onto it) and maps offsets between the two texts: turning the view on
or off keeps the screen and the cursor on the same words.

A cut, a keep or an undo changes the article by whole blocks:
:class:`BlockChange` finds where an offset of the old text is in the new.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from margin.library.corrections import CUT_BY_READER, DROPPED, KEPT_BY_READER
from margin.model import Article, Block, Highlight, Link
from margin.ui.widgets.article_layout import MARK_CUT, MARK_DROPPED, MARK_KEPT, BlockMark

if TYPE_CHECKING:
    from margin.library.page_view import PageView, ViewBlock

#: The label before each block the cut view marks (plain text).
DROPPED_LABEL = "┄ dropped by margin"
CUT_LABEL = "✂ cut by you"
RULE_LABEL = "✂ cut by a site rule"
KEPT_LABEL = "+ kept by you"


def block_mark(block: ViewBlock) -> BlockMark | None:
    """How the cut view marks ``block`` (None: shown, as margin extracted it)."""
    if block.state == DROPPED:
        return BlockMark(MARK_DROPPED, DROPPED_LABEL, hidden=True)
    if block.state == CUT_BY_READER:
        return BlockMark(MARK_CUT, RULE_LABEL if block.by_rule else CUT_LABEL, hidden=True)
    if block.state == KEPT_BY_READER:
        return BlockMark(MARK_KEPT, KEPT_LABEL, hidden=False)
    return None


@dataclass(slots=True)
class CutView:
    """The page of an article as the cut view shows it."""

    page: PageView
    #: The whole page as one article: one block per page block, in order.
    article: Article
    marks: dict[int, BlockMark]
    _shown: list[ViewBlock] = field(default_factory=list)
    _shown_starts: list[int] = field(default_factory=list)
    _page_starts: list[int] = field(default_factory=list)

    @classmethod
    def build(cls, page: PageView, shown: Article) -> CutView:
        """The cut view of ``page``; ``shown`` is the article as the reader
        has it (its entities recognised), when its text is the page's
        corrected text."""
        visible = [b for b in page.blocks if b.start is not None]
        marks = {b.index: m for b in page.blocks if (m := block_mark(b)) is not None}
        view = cls(page, page.article, marks, visible, [b.start or 0 for b in visible])
        view._page_starts = [b.page_start for b in page.blocks]
        view.article = view._page_article(shown)
        return view

    def _page_article(self, shown: Article) -> Article:
        page = self.page
        blocks = [Block(b.kind, b.text, b.level, b.page_start, b.page_end) for b in page.blocks]
        for view_block, block in zip(self._shown, page.article.blocks, strict=False):
            blocks[view_block.index].links = [
                Link(self.to_page(lk.start), self.to_page(lk.end), lk.url) for lk in block.links
            ]
        entities = []
        if shown.text == page.article.text:  # else its entities are not this text's
            entities = [
                replace(e, start=self.to_page(e.start), end=self.to_page(e.end))
                for e in shown.entities
            ]
        return replace(shown, blocks=blocks, text=page.text, entities=entities)

    @property
    def counts(self) -> tuple[int, int]:
        """How many blocks the reader (or a site rule) cut, and margin dropped."""
        states = [b.state for b in self.page.blocks]
        return states.count(CUT_BY_READER), states.count(DROPPED)

    def block(self, index: int) -> ViewBlock | None:
        """The page's block ``index`` (the cut view's block of that index)."""
        blocks = self.page.blocks
        return blocks[index] if 0 <= index < len(blocks) else None

    def to_page(self, offset: int) -> int:
        """Where the article's offset ``offset`` is in the page's text."""
        if not self._shown:
            return 0
        b = self._shown[max(0, bisect_right(self._shown_starts, offset) - 1)]
        return b.page_start + max(0, min(offset - (b.start or 0), b.page_end - b.page_start))

    def to_article(self, offset: int) -> int:
        """Where the page's offset ``offset`` is in the article's text: in a
        block margin does not show, the start of the next one it shows (at
        the end, the end of the article)."""
        index = max(0, bisect_right(self._page_starts, offset) - 1)
        for b in self.page.blocks[index:]:
            if b.start is None or b.end is None:
                continue
            if b.index != index:
                return b.start
            return b.start + max(0, min(offset - b.page_start, b.end - b.start))
        return len(self.page.article.text)

    def highlights(self, highlights: Sequence[Highlight]) -> list[Highlight]:
        """``highlights`` (placed in the article) moved onto the page's text."""
        return [
            h
            if h.start is None or h.end is None
            else replace(h, start=self.to_page(h.start), end=self.to_page(h.end))
            for h in highlights
        ]


@dataclass(frozen=True, slots=True)
class BlockChange:
    """How a new version of an article differs from the old one: blocks
    ``[first, len(old) - same_after)`` of the old became blocks
    ``[first, len(new) - same_after)`` of the new (each a run of whole
    blocks; either may be empty), the others are the same text."""

    old: Sequence[Block]
    new: Sequence[Block]
    first: int
    same_after: int

    @classmethod
    def between(cls, old: Sequence[Block], new: Sequence[Block]) -> BlockChange:
        shorter = min(len(old), len(new))
        first = 0
        while first < shorter and old[first].text == new[first].text:
            first += 1
        after = 0
        while after < shorter - first and old[-1 - after].text == new[-1 - after].text:
            after += 1
        return cls(old, new, first, after)

    def moved(self, offset: int) -> int:
        """Where the old text's ``offset`` is in the new text: the same words,
        or, in a block that went, the start of the block after it (at the
        end, the end of the new text)."""
        old, new = self.old, self.new
        if not old or not new:
            return 0
        index = max(0, bisect_right([b.start for b in old], offset) - 1)
        if index < self.first:
            return offset
        if index >= len(old) - self.same_after:
            there = new[index + len(new) - len(old)]
            return there.start + (offset - old[index].start)
        if self.first < len(new):
            return new[self.first].start
        return new[-1].end

    @property
    def added(self) -> int | None:
        """The start of the first block the new text has in place of the old
        (a block brought back), or None when only blocks went."""
        if self.first < len(self.new) - self.same_after:
            return self.new[self.first].start
        return None
