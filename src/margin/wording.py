"""Counts, percentages and quotes as margin shows them: "1 word", "3
highlights", "99%" until the very end, a long quote cut with "…".

Pure code, shared by the CLI and every screen, so the same rule is used
wherever a count, a reading progress or a cut quote is shown.
"""

from __future__ import annotations


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and ``noun``, in the plural unless there is exactly one:
    ``counted(1, "word")`` is "1 word", ``counted(1204, "word")`` "1,204 words"."""
    word = noun if count == 1 else (plural or noun + "s")
    return f"{count:,} {word}"


def shortened(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, ending in "…" when cut
    (after the last whole word when one ends near the limit)."""
    if len(text) <= limit:
        return text
    cut = text[: max(0, limit - 1)]
    space = cut.rfind(" ")
    if space >= limit * 3 // 4:
        cut = cut[:space]
    return cut.rstrip() + "…"


def percent(progress: float) -> int:
    """``progress`` as a whole percentage: 100 only when done, 1 or more once
    reading has started (a rounded 99.6 % is not "100 %")."""
    if progress >= 1.0:
        return 100
    if progress <= 0.0:
        return 0
    return max(1, min(99, int(progress * 100)))
