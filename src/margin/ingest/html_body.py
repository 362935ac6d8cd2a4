"""What of readability's article is not its body, told block by block once
the article is blocks: the title, standfirst and byline (fields of their
own), a site's notices to its readers (notices.py), its furniture (a tag
line, a share bar, a photo credit, a call to action in capitals, a
copyright footer, other stories under a label or a kicker, a hover card
glued into a sentence: furniture.py) and a feed of other posts' teasers
(teasers.py).
"""

from __future__ import annotations

import re

from margin.ingest.datelines import clean_byline
from margin.ingest.furniture import (
    drop_hover_cards,
    is_count,
    is_furniture,
    is_other_stories_label,
    kicker_pairs,
)
from margin.ingest.notices import is_site_notice
from margin.ingest.teasers import teaser_feed
from margin.model import Block, Link, Metadata


def body_blocks(blocks: list[Block], meta: Metadata) -> list[Block]:
    """The article's blocks without what is not its body."""
    blocks = _drop_teasers([_unglued(b) for b in blocks])
    blocks = _drop_kicker_pairs(_drop_other_stories(blocks))
    blocks = [b for b in blocks if not _not_body(b)]
    return _drop_dek(drop_title_and_byline(blocks, meta), meta)


_FURNITURE_KINDS = ("paragraph", "heading", "list_item", "caption")


def _not_body(block: Block) -> bool:
    """A site's notice (a cookie banner, the rules for comments), a line
    of the page's furniture, a count alone in a paragraph (a heading's
    number heads its section)."""
    words = len(block.text.split())
    if block.kind == "paragraph" and (is_site_notice(block.text, words) or is_count(block.text)):
        return True
    return block.kind in _FURNITURE_KINDS and is_furniture(block.text, words)


_TEASER_KINDS = ("paragraph", "list_item", "quote")
_FEED_REACH = 6  # blocks between two cut-off teasers of one feed (with the story between)


def _drop_teasers(blocks: list[Block]) -> list[Block]:
    """Other posts' summaries cut off with "…" or a "Read more" link, three
    or more close together in the article, and the headline right above each."""
    texts = [b.text if b.kind in _TEASER_KINDS else None for b in blocks]
    feed = teaser_feed(texts, _FEED_REACH)
    doomed = set(feed)
    for i in feed:
        if i and i - 1 not in doomed and _headline_like(blocks[i - 1]):
            doomed.add(i - 1)
    return [b for i, b in enumerate(blocks) if i not in doomed]


def _unglued(block: Block) -> Block:
    """The block without the hover cards glued into its sentences, its
    links moved with the text."""
    if block.kind in ("code", "table_row"):
        return block
    text, cuts = drop_hover_cards(block.text)
    if not cuts:
        return block

    def moved(offset: int) -> int:
        return offset - sum(min(end, offset) - start for start, end in cuts if start < offset)

    links = [Link(moved(lk.start), moved(lk.end), lk.url) for lk in block.links]
    return Block(block.kind, text, block.level, links=[lk for lk in links if lk.end > lk.start])


def _drop_kicker_pairs(blocks: list[Block]) -> list[Block]:
    """Other stories' kickers in capitals and the headlines under them."""
    texts = [b.text if b.kind in _HEADLINE_KINDS else None for b in blocks]
    doomed = set(kicker_pairs(texts))
    return [b for i, b in enumerate(blocks) if i not in doomed]


_HEADLINE_RUN = 2  # headlines under a label that make a block of other stories
_HEADLINE_KINDS = ("paragraph", "list_item", "heading")


def _drop_other_stories(blocks: list[Block]) -> list[Block]:
    """A label of other stories ("Most read", "From our partners",
    "More from ...") and the run of headlines under it (the label alone,
    when nothing is left under it)."""
    doomed: set[int] = set()
    for i, block in enumerate(blocks):
        if block.kind not in ("heading", "paragraph") or not is_other_stories_label(
            block.text, len(block.text.split())
        ):
            continue
        j = i + 1
        while j < len(blocks) and blocks[j].kind in _HEADLINE_KINDS and _headline_like(blocks[j]):
            j += 1
        doomed.update(range(i, j) if j - i - 1 >= _HEADLINE_RUN else (i,))
    return [b for i, b in enumerate(blocks) if i not in doomed]


def _headline_like(block: Block) -> bool:
    text = block.text.strip()
    return len(text.split()) <= 20 and not text.endswith((".", "!", "?", ":"))


def _normalised(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _is_kicker(block: Block) -> bool:
    text = block.text.strip()
    return len(text) < 50 and len(text.split()) <= 6 and not text.endswith((".", "!", "?", ":"))


def _drop_dek(blocks: list[Block], meta: Metadata) -> list[Block]:
    """The standfirst is a field, not body text; but a story that is that
    one paragraph has no standfirst."""
    dek = _normalised(meta.dek or "")
    out = [b for b in blocks[:6] if not dek or _normalised(b.text) != dek] + blocks[6:]
    if not any(b.kind != "heading" for b in out):
        out, meta.dek = blocks, None
    return out


def drop_title_and_byline(blocks: list[Block], meta: Metadata) -> list[Block]:
    """The title and byline are fields, not body text."""
    title = _normalised(meta.title)
    byline = _normalised(meta.byline or "")
    out = list(blocks)
    for i, block in enumerate(out[:4]):
        norm = _normalised(block.text)
        if not norm:
            continue
        if (
            block.kind == "heading"
            and title
            and (norm == title or norm in title and len(norm) > 20)
        ):
            # A rubric or kicker above the headline ("Earth · Climate") goes too.
            kept = [b for b in out[:i] if not _is_kicker(b)]
            out = kept + out[i + 1 :]
            break
    for i, block in enumerate(out[:4]):
        norm = _normalised(block.text)
        if (
            byline
            and len(block.text) < 120
            and (norm == byline or _normalised(clean_byline(block.text) or "") == byline)
        ):
            del out[i]
            break
    return out
