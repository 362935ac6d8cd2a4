"""What the reader's status line says, from plain facts about the reading.

Pure code (no widgets). Search queries and entity names are the reader's or
the article's text: they are flattened to one line here and shown as plain
text, never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from margin.sanitize import one_line
from margin.wording import counted, percent

SEPARATOR = "  ·  "
SELECTING = "selecting (h highlight, a note, v/escape stop)"
NOT_SAVED = "not in the library: notes are not saved"
CUT_VIEW = "✂ cut view:"


@dataclass(frozen=True, slots=True)
class ReadingFacts:
    #: How far the article has been read, 0.0 to 1.0 (1.0: to its end).
    progress: float
    reading_minutes: int = 0
    bookmarked: bool = False
    selecting: bool = False
    search_query: str = ""
    matches: Sequence[tuple[int, int]] = ()
    #: The match the cursor is on, if any.
    current_match: tuple[int, int] | None = None
    #: The (name, mention count) of the entity whose mentions ``n`` steps through.
    entity: tuple[str, int] | None = None
    highlights: int = 0
    show_entities: bool = True
    in_library: bool = True
    #: In the cut view: how many blocks were cut, and dropped by margin.
    cut_view: tuple[int, int] | None = None


def status_text(facts: ReadingFacts) -> str:
    """The status line: the cut view when it is on (the text is not the
    article's), progress, then whatever is going on."""
    parts = []
    if facts.cut_view is not None:
        cut, dropped = facts.cut_view
        parts.append(f"{CUT_VIEW} {cut} cut, {dropped} dropped (K keeps, z leaves)")
    parts.append(f"{percent(facts.progress)}%")
    if facts.progress >= 1.0:
        parts.append("done")
    elif facts.reading_minutes:
        left = max(1, round(facts.reading_minutes * (1 - facts.progress)))
        parts.append(f"{left} min left")
    if facts.bookmarked:
        parts.append("★ bookmarked")
    if facts.selecting:
        parts.append(SELECTING)
    stepping = _stepping(facts)
    if stepping:
        parts.append(stepping)
    if facts.highlights:
        parts.append(counted(facts.highlights, "highlight"))
    if not facts.show_entities:
        parts.append("entities off")
    if not facts.in_library:
        parts.append(NOT_SAVED)
    return SEPARATOR.join(parts)


def _stepping(facts: ReadingFacts) -> str:
    """What ``n``/``N`` step through: search matches (which one of how many),
    or an entity's mentions."""
    if facts.search_query and facts.matches:
        current = 0
        if facts.current_match in facts.matches:
            current = facts.matches.index(facts.current_match) + 1
        return f"“{one_line(facts.search_query)}” {current}/{len(facts.matches)}"
    if facts.entity is not None:
        name, count = facts.entity
        return f"{one_line(name)}: {counted(count, 'mention')}"
    return ""
