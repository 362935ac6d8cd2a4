"""Aligning the rows of a table into columns for :class:`ArticleView`.

Ingest keeps a table row as the text of its cells joined by ``" | "`` (that
text is what search, highlights and exports see). The reader shows a run of
rows with each cell padded to its column's width: the padding is display
only, recorded as (index into the row's text, spaces) pairs, so every
character on screen still maps to its offset in ``Article.text``.

Pure code (no widgets), like the layout that calls it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len

#: How ingest joins the cells of a table row.
CELL_SEPARATOR = " | "

#: (index into a line's text, spaces shown before that character).
Pads = tuple[tuple[int, int], ...]


def cell_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each cell of a row's text, separators excluded."""
    spans: list[tuple[int, int]] = []
    at = 0
    while True:
        cut = text.find(CELL_SEPARATOR, at)
        if cut < 0:
            spans.append((at, len(text)))
            return spans
        spans.append((at, cut))
        at = cut + len(CELL_SEPARATOR)


def _cells(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def column_widths(rows: Sequence[str], width: int) -> list[int] | None:
    """The width of each column of ``rows``; None when the aligned rows would
    not fit in ``width`` cells (or a row spans lines): they are then wrapped
    as ordinary text, since a table is never clipped."""
    widths: list[int] = []
    for text in rows:
        if "\n" in text:
            return None
        for column, (start, end) in enumerate(cell_spans(text)):
            used = _cells(text[start:end])
            if column == len(widths):
                widths.append(used)
            elif used > widths[column]:
                widths[column] = used
    total = sum(widths) + len(CELL_SEPARATOR) * max(0, len(widths) - 1)
    return widths if widths and total <= width else None


def row_pads(text: str, widths: Sequence[int]) -> Pads:
    """The spaces that pad each cell of ``text`` (but the last) to its column."""
    spans = cell_spans(text)
    pads = []
    for column, (start, end) in enumerate(spans[:-1]):
        short = widths[column] - _cells(text[start:end])
        if short > 0:
            pads.append((end, short))
    return tuple(pads)
