"""Where the screen is in a laid-out article: pure geometry over a
:class:`~margin.ui.widgets.article_layout.Layout` and the scroll position,
so the reading pane only asks (and the rules are unit-tested)."""

from __future__ import annotations

from bisect import bisect_left

from margin.ui.widgets.article_layout import Layout


def top_offset(layout: Layout | None, top: int) -> int:
    """Text offset of the first line on screen (a width-independent position)."""
    if layout is None or not layout.lines:
        return 0
    index = min(top, len(layout.lines) - 1)
    return layout.lines[index].start if index > 0 else 0


def end_on_screen(layout: Layout | None, blocks: int, top: int, height: int) -> bool:
    """The article's last line is on screen; not when only a long article's
    head (fewer than its ``blocks``) is laid out yet."""
    if layout is None or len(layout.block_first_line) < blocks:
        return False
    return top + height >= len(layout.lines) - 1


def block_on_screen(layout: Layout, block: int, top: int, height: int) -> int:
    """``block`` when any of it is on screen, else the first block that
    starts on screen (or the one covering the top): where a cursor left
    behind by a scroll goes."""
    firsts = layout.block_first_line
    nxt = block + 1
    end = firsts[nxt] if nxt < len(firsts) else len(layout.lines)
    if end > top and firsts[block] < top + height:
        return block
    index = bisect_left(firsts, top)
    if index >= len(firsts) or firsts[index] >= top + height:
        index = max(0, index - 1)
    return index
