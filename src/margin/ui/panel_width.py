"""How wide the reader's side panels (entities, notes) are.

Pure code. A panel narrows the reading column rather than cover it, but the
column stays wide enough to read: with too little room the panel does not
open (and an open one closes), so text is never cut off at the panel's edge.
"""

from __future__ import annotations

#: A panel's width when there is room.
PANEL_WIDTH = 40
#: Narrower than this, a panel's entries would wrap word by word.
MIN_PANEL_WIDTH = 24
#: What the reading pane keeps beside a panel: a column of about 30 cells.
MIN_READING_WIDTH = 34


def side_panel_width(screen_width: int) -> int:
    """The panel's width on a screen ``screen_width`` cells wide; 0 when a
    panel and a readable column do not both fit."""
    width = min(PANEL_WIDTH, screen_width - MIN_READING_WIDTH)
    return width if width >= MIN_PANEL_WIDTH else 0


#: The narrowest screen a panel opens on.
NARROWEST = MIN_READING_WIDTH + MIN_PANEL_WIDTH
#: What the reader is told when a panel does not fit.
TOO_NARROW = f"The side panels need a terminal at least {NARROWEST} columns wide."
