"""Placing highlights other services made (margin.library.placing), and
where their exports say the highlights were (position_hints)."""

from __future__ import annotations

from margin.imports import ImportedHighlight, Item, Position
from margin.library.placing import place, plain_markdown
from margin.library.position_hints import Hints

TEXT = (
    "The council met on Tuesday.\n\nIt was said once.\n\n"
    "The ferry will run all winter.\n\nIt was said once.\n\nNothing else was decided."
)
SECOND = TEXT.rindex("It was said once.")


def test_a_quote_spread_over_lines_is_found() -> None:
    assert place(TEXT, "The ferry will\nrun all winter.") == (
        TEXT.index("The ferry"),
        TEXT.index("The ferry") + len("The ferry will run all winter."),
    )


def test_a_repeated_quote_without_context_goes_to_the_copy_nearest_the_hint() -> None:
    first = TEXT.index("It was said once.")
    assert place(TEXT, "It was said once.") == (first, first + 17)
    assert place(TEXT, "It was said once.", hint=SECOND - 5) == (SECOND, SECOND + 17)


def test_context_decides_and_a_context_that_fits_no_copy_places_nothing() -> None:
    assert place(TEXT, "It was said once.", "run all winter.\n\n", "\n\nNothing else") == (
        SECOND,
        SECOND + 17,
    )
    assert place(TEXT, "It was said once.", "a page margin never saw ", "") is None


def test_markdown_in_a_quote_is_read_as_its_text() -> None:
    assert plain_markdown("The **ferry** will [run](https://x.example/) all _winter_.") == (
        "The ferry will run all winter."
    )
    assert place(TEXT, "The **ferry** will [run](https://x.example/) all winter.") is not None


def test_an_empty_quote_and_a_missing_one_have_no_place() -> None:
    assert place(TEXT, "") is None and place(TEXT, "   ") is None
    assert place(TEXT, "The harbour was dredged in May.") is None


def test_hints_from_hypothesis_offsets_and_wallabag_xpaths() -> None:
    html = "<div><p>One two.</p>\n   <p>Three   four.</p><p>Five.</p></div>"
    hints = Hints(Item(key="k", url=None, html=html))
    assert hints.hint(ImportedHighlight("x", position=Position(start=42))) == 42
    at_p2 = ImportedHighlight("four", position=Position(start=6, start_xpath="/div/p[2]"))
    assert hints.hint(at_p2) == len("One two. ") + 6
    inner = ImportedHighlight("Five", position=Position(start=0, start_xpath="/p[3]"))
    assert hints.hint(inner) == len("One two. Three four.")  # one level down: the wrapper
    nowhere = ImportedHighlight("x", position=Position(start=0, start_xpath="/table[9]"))
    assert hints.hint(nowhere) is None
    assert hints.hint(ImportedHighlight("x")) is None
