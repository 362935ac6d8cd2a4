"""A saved page as the reader corrected it: which blocks margin shows, and why.

The reader's corrections (``margin cut``/``keep``) are placed in the page's
whole text (:class:`~margin.ingest.page.Page`), never in the article as one
extractor cut it, so they hold when a better extractor, or a re-saved page
with other chrome, changes the cut. The rules, in this order:

- The reader's own corrections to this article, oldest first, each placed
  by its quote (see :mod:`margin.library.anchoring`): a keep shows the block
  holding its quote, a cut hides it; a newer one on the same block
  overrides an older one (which is listed ``overridden``).
- Then the site rules (cuts made with ``--site``): every shown block that
  holds a rule's text is hidden, unless the reader kept that block here.

A correction whose quote is no longer on the page is ``unmatched`` (a site
rule: no block margin would show holds its text); one whose block the
extraction already treats as asked is ``redundant``. None is ever dropped
for that: they are listed, and apply again if the page changes back.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field

from margin.errors import MarginError
from margin.ingest.blocks import assemble, count_words, reading_minutes
from margin.ingest.page import Page, PageBlock, key
from margin.library import anchoring
from margin.library.corrections import (
    APPLIED,
    CUT,
    CUT_BY_READER,
    DROPPED,
    KEEP,
    KEPT_BY_READER,
    OVERRIDDEN,
    REDUNDANT,
    SHOWN,
    UNMATCHED,
    Correction,
)
from margin.model import Article, Block, BlockKind, Link
from margin.sanitize import display_path


@dataclass(slots=True)
class ViewBlock:
    """One block of the page and what margin does with it."""

    index: int
    kind: BlockKind
    text: str
    level: int
    state: str  # SHOWN | DROPPED | CUT_BY_READER | KEPT_BY_READER
    correction: int | None  # the correction (or site rule) that cut or kept it
    page_start: int  # offsets into PageView.text
    page_end: int
    start: int | None = None  # offsets into article.text, when shown
    end: int | None = None
    by_rule: bool = False  # cut by a site rule (not by a correction of this article)

    @property
    def shown(self) -> bool:
        return self.state in (SHOWN, KEPT_BY_READER)


@dataclass(slots=True)
class PageView:
    """The corrected article, the whole page with each block's state, and
    each correction's state in this article (by id)."""

    article: Article
    blocks: list[ViewBlock]
    text: str  # the page's whole text
    states: dict[int, str] = field(default_factory=dict)

    def shown_start(self, page_offset: int) -> int | None:
        """Where the shown block holding ``page_offset`` of the page's text
        starts in the article's text (None: no shown block holds it)."""
        for b in self.blocks:
            if b.start is not None and b.page_start <= page_offset <= b.page_end:
                return b.start
        return None

    def block_at(self, offset: int) -> ViewBlock | None:
        """The shown block holding ``offset`` of the article's text."""
        for b in self.blocks:
            if b.start is not None and b.end is not None and b.start <= offset <= b.end:
                return b
        return None


@dataclass(slots=True)
class _Marks:
    """Blocks' states while corrections are applied."""

    states: list[str]
    by: list[int | None]
    pinned: dict[int, int] = field(default_factory=dict)  # shown block -> the keep
    rules: set[int] = field(default_factory=set)  # the site rules' ids
    result: dict[int, str] = field(default_factory=dict)  # correction -> state
    keys: list[str] = field(default_factory=list)  # the blocks' keys, once a rule needs them


def apply(page: Page, corrections: list[Correction]) -> PageView:
    """The page with ``corrections`` applied (see the module docstring)."""
    marks = _Marks([SHOWN if b.kept else DROPPED for b in page.blocks], [None] * len(page.blocks))
    ordered = sorted(corrections, key=lambda c: c.id)
    for c in ordered:
        if not c.is_rule:
            _apply_one(page, c, marks)
    for c in ordered:
        if c.is_rule:
            marks.rules.add(c.id)
            marks.result[c.id] = _apply_rule(page, c, marks)
    return _view(page, marks)


def _apply_one(page: Page, c: Correction, marks: _Marks) -> None:
    placed = anchoring.anchor(page.text, anchoring.Selector(c.exact, c.prefix, c.suffix), c.hint)
    if placed is None or not page.blocks:
        marks.result[c.id] = UNMATCHED
        return
    i = page.block_index(placed.start)
    state, by = marks.states[i], marks.by[i]
    hidden = state in (DROPPED, CUT_BY_READER)
    if hidden != (c.action == KEEP):  # the block is already as the correction asks
        if c.action == KEEP and state == SHOWN:
            marks.pinned[i] = c.id  # a site rule must not hide it
        marks.result[c.id] = REDUNDANT
        return
    if by is not None:
        marks.result[by] = OVERRIDDEN
    if c.action == CUT and i in marks.pinned:
        marks.result[marks.pinned.pop(i)] = OVERRIDDEN
    marks.states[i] = KEPT_BY_READER if c.action == KEEP else CUT_BY_READER
    marks.by[i] = c.id
    marks.result[c.id] = APPLIED


def _apply_rule(page: Page, rule: Correction, marks: _Marks) -> str:
    """Hide every shown block holding the rule's text: applied, or unmatched
    where no block margin would show holds it (a site rule judges only what
    the extraction keeps, so the index's record of an article is enough)."""
    want = key(rule.exact)
    if not marks.keys:
        marks.keys = [key(b.text) for b in page.blocks]
    hidden = 0
    for i, block_key in enumerate(marks.keys):
        if not want or want not in block_key or marks.states[i] != SHOWN:
            continue
        if i in marks.pinned:
            marks.result[marks.pinned[i]] = APPLIED  # the keep is what shows it
            continue
        marks.states[i], marks.by[i] = CUT_BY_READER, rule.id
        hidden += 1
    return APPLIED if hidden else UNMATCHED


def _view(page: Page, marks: _Marks) -> PageView:
    shown = [i for i, s in enumerate(marks.states) if s in (SHOWN, KEPT_BY_READER)]
    article_blocks = [_article_block(page.blocks[i]) for i in shown]
    text, _ = assemble(article_blocks)
    article = dataclasses.replace(
        page.article,
        text=text,
        blocks=article_blocks,
        entities=[],
        word_count=count_words(text),
        reading_minutes=reading_minutes(count_words(text)),
    )
    places = dict(zip(shown, article_blocks, strict=True))
    blocks = []
    for i, b in enumerate(page.blocks):
        at = places.get(i)
        blocks.append(
            ViewBlock(
                i, b.kind, b.text, b.level, marks.states[i], marks.by[i], b.start, b.end,
                None if at is None else at.start, None if at is None else at.end,
                marks.by[i] in marks.rules,
            )
        )  # fmt: skip
    return PageView(article, blocks, page.text, marks.result)


def _article_block(b: PageBlock) -> Block:
    return Block(b.kind, b.text, b.level, links=[Link(lk.start, lk.end, lk.url) for lk in b.links])


# -- where a new correction goes --------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """Where a new correction is made: its block and its quote selector in
    the page's text."""

    block: ViewBlock
    selector: anchoring.Selector
    hint: int


def cut_target(view: PageView, quote: str, at: int | None = None) -> Target:
    """The shown block holding ``quote`` (the first at or after offset ``at``
    of the article's text, if given). MarginError if the article does not
    hold it, or holds it only across blocks."""
    shown = [b for b in view.blocks if b.shown]
    found = _find(view, shown, quote, None if at is None else lambda b: (b.end or 0) >= at)
    if found is None:
        where = display_path(view.article.source)
        if anchoring.find_quote(view.article.text, quote) is not None:
            raise MarginError(f"the quote runs over more than one paragraph of {where}")
        raise MarginError(f"the quote is not in {where}")
    return found


def keep_target(view: PageView, quote: str, at: int | None = None) -> Target:
    """The hidden block holding ``quote`` (the first at or after offset ``at``
    of the page's text, if given). MarginError if it is not on the page, or
    only in blocks margin shows already."""
    hidden = [b for b in view.blocks if not b.shown]
    found = _find(view, hidden, quote, None if at is None else lambda b: b.page_end >= at)
    if found is None:
        where = display_path(view.article.source)
        if _find(view, [b for b in view.blocks if b.shown], quote, None) is not None:
            raise MarginError(f"the quote is already shown in {where}")
        raise MarginError(f"the quote is not on the page {where}")
    return found


def _find(
    view: PageView, blocks: list[ViewBlock], quote: str, first: Callable[[ViewBlock], bool] | None
) -> Target | None:
    """The first of ``blocks`` holding ``quote`` (from the first that passes
    ``first``, then from the start), its selector in the page's text."""
    start = 0 if first is None else next((n for n, b in enumerate(blocks) if first(b)), 0)
    for b in blocks[start:] + blocks[:start]:
        span = anchoring.find_quote(b.text, quote)
        if span is not None:
            s, e = b.page_start + span[0], b.page_start + span[1]
            return Target(b, anchoring.make_selector(view.text, s, e), s)
    return None
