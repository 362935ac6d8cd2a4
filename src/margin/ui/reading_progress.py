"""How far the reader has read an article: the progress the status line, the
library's "unread" filter and ``margin list`` show.

Pure code (no widgets). Progress counts what was read, not what was shown:

- opening an article reads nothing, so it stays unread (0.0) until its
  reader scrolls or moves the cursor, even when it all fits on the screen;
- a line is read once it has reached the top part of the screen (the top
  third: eyes move down the page as it scrolls), or once the cursor has
  moved past it;
- 1.0 ("done") only when the end was reached: the last line on screen after
  the reader scrolled forward.

It is a fraction of the article's characters, so it does not change with the
terminal's width, and it never goes down (reading back up is re-reading).
"""

from __future__ import annotations

from dataclasses import dataclass

#: The part of the screen, from the top, whose lines count as read.
READ_PART = 1 / 3


@dataclass(slots=True)
class ReadingProgress:
    #: Characters in the article's text.
    length: int = 0
    #: Text offset up to which the article has been read.
    furthest: int = 0
    #: The end was reached.
    finished: bool = False
    #: Nothing counts as read (the reader shows something else than the
    #: article's text: the cut view).
    frozen: bool = False

    @classmethod
    def resumed(cls, length: int, progress: float) -> ReadingProgress:
        """Progress saved by an earlier reading (0.0 to 1.0)."""
        if progress >= 1.0:
            return cls(length, length, True)
        return cls(length, max(0, min(length, round(progress * length))))

    @property
    def fraction(self) -> float:
        if self.finished:
            return 1.0
        if self.length <= 0:
            return 0.0
        # 1.0 is kept for the true end, reached by scrolling there
        return min(self.furthest / self.length, 0.999)

    def read_to(self, offset: int) -> None:
        """The text up to ``offset`` has been read."""
        if self.frozen:
            return
        self.furthest = max(self.furthest, min(offset, self.length))

    def finish(self) -> None:
        if self.frozen:
            return
        self.furthest = self.length
        self.finished = True


def read_line(top: int, height: int, lines: int) -> int:
    """The last display line in the top part of a screen ``height`` lines high
    whose first line is ``top`` (of ``lines`` lines in all)."""
    return max(0, min(lines - 1, top + max(1, round(height * READ_PART)) - 1))
