"""Placing highlights in changed text (TextQuoteSelector, fuzzy fallback)."""

from __future__ import annotations

import pytest

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


# -- a note never moves to the wrong words -------------------------------------


def _placed_after(text: str, quote: str, old: str, new: str) -> str | None:
    """The words ``quote`` is placed on once ``old`` became ``new`` in ``text``."""
    sel, start = _sel(text, quote)
    edited = text.replace(old, new)
    placed = anchor(edited, sel, start)
    return None if placed is None else edited[placed.start : placed.end]


SAME_SHAPE = "\n\n".join(
    f"Sentence number {n} opens paragraph {n} about the {topic}."
    for n, topic in [(1, "harbour walls"), (2, "cranes"), (3, "fishing fleets"), (4, "lighthouse")]
)


def test_deleted_sentence_does_not_move_to_a_sentence_of_the_same_shape() -> None:
    quote = "Sentence number 3 opens paragraph 3 about the fishing fleets"
    assert _placed_after(SAME_SHAPE, quote, quote + ".\n\n", "") is None


HARBOUR = (
    "Rotterdam Harbour Report\n\n"
    "The port authority met on Monday. Engineers from Delft modelled the new "
    "breakwater in a wave tank in 1998 and found the design sound. The council "
    "then approved 3 new cranes for the container terminal in March.\n\n"
    "Dock workers said the cranes would arrive by ship from Shanghai before the "
    "summer, weather permitting. The new cranes are taller than the old ones, and "
    "they can lift a container from a ship in less than a minute.\n\n"
    "The old cranes will be sold to a port in the north, where they will work for "
    "a few more years. Most of the dock workers will be trained on the new cranes "
    "in the spring, and a few of them will travel to the factory to see them built.\n\n"
    "A closing paragraph with nothing much in it."
)


@pytest.mark.parametrize(
    ("quote", "old", "new"),
    [
        ("The council then approved 3 new cranes for the container", "3 new", "4 new"),
        ("by ship from Shanghai before the summer", "Shanghai", "Busan"),
        # The frame is kept, but its rarer words now name other things.
        (
            "Most of the dock workers will be trained on the new cranes in the spring",
            "dock workers will be trained",
            "harbour pilots will be tested",
        ),
    ],
    ids=["number", "name", "rare words"],
)
def test_a_sentence_whose_distinctive_words_changed_is_orphaned(
    quote: str, old: str, new: str
) -> None:
    assert _placed_after(HARBOUR, quote, old, new) is None


def test_reworded_frame_with_the_distinctive_words_kept_still_places_right() -> None:
    quote = "Engineers from Delft modelled the new breakwater in a wave tank in 1998"
    reworded = (
        "Engineers at Delft first tried out a scale breakwater inside a big wave tank back in 1998"
    )
    assert _placed_after(HARBOUR, quote, quote, reworded) == reworded


def test_typo_fixed_inside_the_quote_still_places_right() -> None:
    # The same misspelling is left in a later paragraph: the quote's words
    # are found there word for word, but beside other words.
    text = (
        "Heavy rain in spring flooded the Mississipi delta for weeks.\n\n"
        "Farmers waited for the water to go down.\n\n"
        "Maps of the Mississipi delta were redrawn the next year."
    )
    placed = _placed_after(
        text, "the Mississipi delta", "flooded the Mississipi", "flooded the Mississippi"
    )
    assert placed == "the Mississippi delta"


def test_short_quote_found_elsewhere_beside_other_words_is_orphaned() -> None:
    # Its own words were reworded; the same three words elsewhere are
    # another passage.
    text = (
        "The ferry was late after the initial inspection of its hull.\n\n"
        "Passengers waited on the quay for an hour.\n\n"
        "Nobody was told what went wrong after the initial delay."
    )
    assert (
        _placed_after(text, "after the initial", "after the initial insp", "after a first insp")
        is None
    )


def test_quote_repeated_in_the_same_frame_is_orphaned_not_guessed() -> None:
    # A caption printed twice: the copies and their context are the same, and
    # after new chrome at the top the hint points at neither.
    caption = (
        "At first light on Tuesday, a yellow crane lifts a container onto the deck "
        "of a ship at the terminal, watched by the night shift."
    )
    text = f"Photos\n\n{caption}\n\n{caption}\n\nThe article starts here."
    quote = "container onto the deck of a ship"
    second = text.rindex(quote)
    sel = make_selector(text, second, second + len(quote))
    new = "Skip to main content | Home | News | Sport | Weather | Sign in\n\n" * 2 + text
    assert anchor(new, sel, second) is None


def test_deleted_caption_does_not_move_to_the_heading_after_it() -> None:
    text = (
        "The crane was built in 1921 and still works.\n\n"
        "Harbour crane logo\n\n"
        "Harbour crane history\n\n"
        "Its first job was to lift the lighthouse lamp."
    )
    assert _placed_after(text, "Harbour crane logo", "Harbour crane logo\n\n", "") is None


NOTICE = (
    "The harbour board said on Monday that the north quay will be closed to lorries and vans "
    "from the first of June until the end of the summer season. Repairs to the sea wall, "
    "which was damaged in the storms of the winter, are expected to take most of that time, "
    "and the board has asked the ferry company to move its evening sailings to the south quay. "
    "Fishing boats will still be able to land their catch at the north quay in the early "
    "morning, before the contractors arrive, but the fish market will move to the car park "
    "behind the lifeboat station until the work is done."
)
NOTICE_AS_PRINTED = (
    "The harbour board said on Monday the north quay is to be closed to lorries or vans "
    "from the first of June until the end of the summer season. Repairs to the sea wall, "
    "damaged in the storms of the winter, is likely to take most of it, "
    "so the board has asked the ferry company to shift its evening sailings to the south quay. "
    "Fishing boats can still land their catch at the north quay early in the "
    "morning, before the contractors arrive, and the fish market will move to the car park "
    "behind the lifeboat station for now."
)


def test_changed_quote_beside_changed_context_is_orphaned() -> None:
    # The notice was deleted; a later, reworded printing of it stands beside
    # other paragraphs. Neither the quote nor its context is what was seen.
    text = (
        f"Notices\n\n{NOTICE}\n\nOther news from the town hall and the market.\n\n"
        f"A later notice, as printed:\n\n{NOTICE_AS_PRINTED}\n\nThe end of the notices."
    )
    assert _placed_after(text, NOTICE, f"Notices\n\n{NOTICE}\n\n", "") is None
