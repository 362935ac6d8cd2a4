"""Placing highlights in changed text (TextQuoteSelector, fuzzy fallback)."""

from __future__ import annotations

from margin.library.anchoring import anchor, find_quote, make_selector

TEXT = (
    "The first paragraph sets the scene.\n\n"
    "Engineers modelled the harbour in a wave tank and found the design sound.\n\n"
    "The harbour office opens at nine. The harbour office closes at five.\n\n"
    "A closing paragraph with nothing much in it."
)


def _sel(text: str, quote: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return make_selector(text, start, start + len(quote)), start


def test_unchanged_text_keeps_the_same_place() -> None:
    sel, start = _sel(TEXT, "wave tank")
    placed = anchor(TEXT, sel, start)
    assert placed is not None and (placed.start, placed.end) == (start, start + 9)


def test_inserted_paragraph_shifts_the_highlight() -> None:
    sel, start = _sel(TEXT, "found the design sound")
    new = "An inserted paragraph of new chrome.\n\n" + TEXT
    placed = anchor(new, sel, start)
    assert placed is not None and new[placed.start : placed.end] == "found the design sound"


def test_repeated_quote_is_told_apart_by_context() -> None:
    sel, start = _sel(TEXT, "The harbour office", nth=1)
    new = TEXT.replace("The first paragraph sets the scene.", "Short.")
    placed = anchor(new, sel, None)
    assert placed is not None
    assert new[placed.end : placed.end + 10] == " closes at"


def test_small_edit_is_found_fuzzily() -> None:
    sel, start = _sel(
        TEXT, "Engineers modelled the harbour in a wave tank and found the design sound."
    )
    new = TEXT.replace("modelled", "modeled").replace("sound.", "sound!")
    placed = anchor(new, sel, start)
    assert placed is not None and not placed.exact_match
    assert new[placed.start : placed.end].startswith("Engineers modeled the harbour")


def test_rewrapped_whitespace_still_matches_exactly() -> None:
    sel, start = _sel(TEXT, "in a wave tank and found")
    new = TEXT.replace("in a wave tank and found", "in a\nwave  tank and found")
    placed = anchor(new, sel, start)
    assert placed is not None and placed.exact_match
    assert new[placed.start : placed.end] == "in a\nwave  tank and found"


def test_deleted_paragraph_is_orphaned_not_moved() -> None:
    sel, start = _sel(TEXT, "Engineers modelled the harbour in a wave tank")
    new = TEXT.replace(
        "Engineers modelled the harbour in a wave tank and found the design sound.\n\n", ""
    )
    assert anchor(new, sel, start) is None


def test_find_quote_ignores_spacing_and_case() -> None:
    assert find_quote(TEXT, "WAVE   tank") == (TEXT.index("wave tank"), TEXT.index("wave tank") + 9)
    assert find_quote(TEXT, "not in here") is None
