"""The whole page around an article: every text block of the saved page, in
page order, each marked kept or dropped by margin's extraction.

The reader's corrections to the cut (``margin cut``/``keep``, the reader's
view of what was cut) work on this view. It is built beside the extraction,
not inside it: the page is walked whole (HTML: every text block of the
document before the article is chosen; text saves: every logical line
before any is selected; Markdown: every block, all kept), then the article's
blocks are found in it by their normalised text (:func:`align`). The kept
blocks, in order, are exactly the article's blocks, text and all, so an
article with no corrections reads the same as the extractor's.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from margin import config
from margin.ingest.blocks import assemble, make_block
from margin.ingest.pipeline import decoded, extract_bytes
from margin.model import Article, Block, BlockKind, Link
from margin.sanitize import clean_field, clean_text

HTML_KINDS = ("html", "mhtml", "webarchive", "warc")

#: A text that many blocks share ("Share", "Advertisement") anchors nothing.
_COMMON = 20

#: How far past the last matched block an article block that matches no
#: page block exactly is looked for inside one (captions, merged lines).
_REACH = 200

#: An article block this long (in characters of its words) is the page
#: block that holds this share of its words, if they are this share of the
#: page block's: one block with a little text more or less.
_SIMILAR_LENGTH = 40
_OF_ARTICLE = 0.9
_OF_PAGE = 0.6

_WORD_RE = re.compile(r"\w+")


@dataclass(slots=True)
class PageBlock:
    """One text block of the saved page."""

    kind: BlockKind
    text: str
    level: int = 0
    links: list[Link] = field(default_factory=list)  # offsets into this block's text
    kept: bool = False  # margin's extraction shows it
    start: int = 0  # offsets into Page.text
    end: int = 0


@dataclass(slots=True)
class Page:
    """A saved page: the article as extracted, and every block of the page."""

    article: Article
    blocks: list[PageBlock]
    text: str = ""  # every block's text, one blank line apart

    def block_index(self, offset: int) -> int:
        """The index of the block holding ``offset`` of :attr:`text` (the
        one before it, for an offset between two blocks)."""
        starts = [b.start for b in self.blocks]
        return max(0, bisect.bisect_right(starts, offset) - 1)


def key(text: str) -> str:
    """A block's text as compared: its words, lower case, one space apart."""
    return " ".join(_WORD_RE.findall(text.lower()))


def extract_page(
    data: bytes,
    *,
    source: str,
    suffix: str = "",
    max_bytes: int = config.DEFAULT_MAX_BYTES,
    timeout: float | None = config.DEFAULT_EXTRACT_TIMEOUT,
) -> Page:
    """The article in ``data`` (see :func:`~margin.ingest.pipeline.extract_bytes`,
    whose errors this raises) and the page around it."""
    article = extract_bytes(
        data, source=source, suffix=suffix, max_bytes=max_bytes, timeout=timeout
    )
    return page_of(article, data, suffix, max_bytes)


def page_of(article: Article, data: bytes, suffix: str, max_bytes: int) -> Page:
    """The page around ``article``, extracted from ``data`` already."""
    try:
        whole = whole_page(data, article.kind, suffix, max_bytes)
    except (ValueError, RecursionError, MemoryError):
        whole = []  # read once already: the article alone stands for the page
    return build(article, align(article, whole))


def whole_page(data: bytes, kind: str, suffix: str, max_bytes: int) -> list[Block]:
    """Every text block of the page in ``data``, in order, before the
    extraction chooses any (block offsets not set)."""
    _kind, text, _url = decoded(data, suffix, max_bytes)
    if kind in HTML_KINDS:
        from margin.ingest.html import blocks_from_fragment, parse

        blocks = blocks_from_fragment(parse(text)[0])
    elif kind == "markdown":
        return []  # a Markdown file is all article: every block is kept
    else:
        from margin.ingest.text.lines import read_lines
        from margin.ingest.text.logical_lines import logical_lines

        blocks = [
            make_block(
                "list_item" if ln.bullet else "paragraph",
                f"{ln.number} {ln.text}".lstrip().replace("\t", " "),  # a numbered heading's
            )
            for ln in read_lines(logical_lines(text))
        ]
    for block in blocks:
        block.text = clean_text(block.text)
        for link in block.links:
            link.url = clean_field(link.url) or ""
    return blocks


def build(article: Article, blocks: list[PageBlock]) -> Page:
    """The page of ``blocks`` (empty ones dropped), offsets set."""
    copies = [make_block(b.kind, b.text, b.level) for b in blocks]
    text, _ = assemble(copies)
    out = []
    for b, c in zip(blocks, copies, strict=True):
        if c.end > c.start:
            b.text, b.start, b.end = c.text, c.start, c.end
            out.append(b)
    return Page(article, out, text)


def from_article(block: Block) -> PageBlock:
    """An article block as a kept page block (its links made relative)."""
    links = [Link(lk.start - block.start, lk.end - block.start, lk.url) for lk in block.links]
    return PageBlock(block.kind, block.text, block.level, links, kept=True)


def _dropped(block: Block) -> PageBlock:
    return PageBlock(block.kind, block.text, block.level, list(block.links))


# -- finding the article's blocks in the page ---------------------------------


def align(article: Article, whole: list[Block]) -> list[PageBlock]:
    """The page's blocks in order, the article's among them: each article
    block takes the place of the page block with its text (the longest
    chain of such matches in order), or of a page block that holds its
    text or whose text it holds; one found nowhere stays next to the one
    before it. Page blocks no article block took are dropped."""
    at, absorbed = placements(article, whole)
    groups: dict[int, list[int]] = {}
    last = -1
    for i, m in enumerate(at):
        last = m if m is not None else last
        groups.setdefault(last, []).append(i)
    out = [from_article(article.blocks[i]) for i in groups.get(-1, ())]
    for m, block in enumerate(whole):
        if m in groups:
            out.extend(from_article(article.blocks[i]) for i in groups[m])
        elif m not in absorbed:
            out.append(_dropped(block))
    return out


def placements(article: Article, whole: list[Block]) -> tuple[list[int | None], set[int]]:
    """For each article block, the page block whose place it takes (None:
    found nowhere); and the page blocks absorbed into the one before them."""
    arts = [key(b.text) for b in article.blocks]
    pages = [key(b.text) for b in whole]
    at = _chain(arts, pages)
    return at, _fill_gaps(arts, pages, at)


def _chain(arts: list[str], pages: list[str]) -> list[int | None]:
    """Each article block's page block by equal text: the matches that form
    the longest chain in order on both sides (weighed by length), so that
    a menu entry equal to a heading of the article does not pull it away."""
    where: dict[str, list[int]] = {}
    for m, k in enumerate(pages):
        if k:
            where.setdefault(k, []).append(m)
    pairs = [
        (i, m)
        for i, k in enumerate(arts)
        if k and len(where.get(k, ())) <= _COMMON
        for m in reversed(where.get(k, ()))
    ]
    best = _heaviest_chain(pairs, [len(arts[i]) + 1 for i, _ in pairs], len(pages))
    at: list[int | None] = [None] * len(arts)
    bound = len(pages)
    for i, m in reversed(best):
        # Of the copies of a text the chain could take, the one nearest the
        # next block: the article's own heading, not the menu's entry.
        at[i] = bound = max(n for n in where[arts[i]] if m <= n < bound)
    return at


def _heaviest_chain(
    pairs: list[tuple[int, int]], weights: list[int], size: int
) -> list[tuple[int, int]]:
    """The chain of ``pairs`` (sorted by first item, the second descending
    within one) increasing in both items with the greatest total weight: a
    Fenwick tree of the best chain ending below each page index."""
    tree = [(0, -1)] * (size + 1)
    back = [-1] * len(pairs)
    best: tuple[int, int] = (0, -1)
    for n, ((_, m), w) in enumerate(zip(pairs, weights, strict=True)):
        prior = (0, -1)
        j = m  # the best chain ending at a page index below m
        while j > 0:
            prior = max(prior, tree[j])
            j -= j & -j
        total = (prior[0] + w, n)
        back[n] = prior[1]
        best = max(best, total)
        j = m + 1
        while j <= size:
            tree[j] = max(tree[j], total)
            j += j & -j
    chain = []
    n = best[1]
    while n >= 0:
        chain.append(pairs[n])
        n = back[n]
    return chain[::-1]


def _fill_gaps(arts: list[str], pages: list[str], at: list[int | None]) -> set[int]:
    """Place the article blocks the chain left out, between the page blocks
    of their neighbours: in a page block that holds their text (a caption
    whose credit was cut; several article blocks may share it), or over the
    page blocks their text holds (lines of code joined into one block).
    Returns the page blocks so absorbed into the one before them."""
    absorbed: set[int] = set()
    floor = 0  # the first page block free for the next article block
    shared: int | None = None  # the page block holding the last article block
    for i, k in enumerate(arts):
        if at[i] is not None:
            floor, shared = at[i] + 1, None  # type: ignore[operator]
            continue
        ceiling = next((m for m in at[i + 1 :] if m is not None), len(pages))
        found = _holder(k, pages, shared, floor, min(ceiling, floor + _REACH))
        if found is None:
            continue
        first, end = found
        at[i] = first
        absorbed.update(range(first + 1, end))
        shared = first if end == first + 1 and k in pages[first] else None
        floor = end
    return absorbed


def _holder(
    k: str, pages: list[str], shared: int | None, floor: int, ceiling: int
) -> tuple[int, int] | None:
    """(first, past last) of the page blocks that hold ``k`` (one) or that
    ``k`` holds (a run starting with it), at ``shared`` or in [floor, ceiling)."""
    if not k:
        return None
    if shared is not None and k in pages[shared]:
        return shared, shared + 1
    for m in range(floor, ceiling):
        p = pages[m]
        if not p:
            continue
        if k in p:
            return m, m + 1
        if k.startswith(p):
            end = m + 1
            while end < ceiling and pages[end] in k:
                end += 1
            return m, end
        if _similar(k, p):
            return m, m + 1
    return None


def _similar(art: str, page: str) -> bool:
    """Nearly the same words: a paragraph whose page version holds a little
    the article's lacks (a pronunciation, a formula's source)."""
    if min(len(art), len(page)) < _SIMILAR_LENGTH:
        return False
    wa, wp = Counter(art.split()), Counter(page.split())
    common = sum((wa & wp).values())
    return common >= _OF_ARTICLE * wa.total() and common >= _OF_PAGE * wp.total()
