"""Small articles built in memory for the reader's pure-logic tests."""

from __future__ import annotations

from margin.model import Article, Block


def make_article(*blocks: str | tuple[str, str], title: str = "A Title") -> Article:
    """An article of ``blocks`` (text, or (kind, text)), one blank line apart
    in its text as ingest joins them."""
    made: list[Block] = []
    parts: list[str] = []
    pos = 0
    for item in blocks:
        kind, text = ("paragraph", item) if isinstance(item, str) else item
        made.append(Block(kind, text, 1 if kind == "heading" else 0, pos, pos + len(text)))  # type: ignore[arg-type]
        parts.append(text)
        pos += len(text) + 2
    return Article(
        source="x.md", kind="markdown", title=title, blocks=made, text="\n\n".join(parts)
    )
