"""Counts and quotes as the reader shows them: "1 word", "3 highlights",
a long quote cut with "…".

Pure code (no widgets), shared by every screen so the same rule is used
wherever a count or a cut quote is shown.
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
