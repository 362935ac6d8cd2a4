"""Plain-text saves: the title, the byline and the standfirst are found
and kept out of the body."""

from __future__ import annotations

import pytest
from text_save_pages import (
    ARTICLE,
    FOOTER,
    MENU,
    P1,
    assert_article,
    body,
    save,
)

from margin.ingest.text import extract_text


@pytest.mark.parametrize(
    ("lines", "byline"),
    [
        (["By Ingrid Solberg", "Updated 3 hours ago"], "Ingrid Solberg"),
        (["Ingrid Solberg, Chief Transport Correspondent", "12 March 2031"], "Ingrid Solberg"),
        (["Words by Ingrid Solberg", "Tromsø, Monday 6 July 2031"], "Ingrid Solberg"),
        (["Ingrid Solberg - Apr 16, 2031 8:02 pm UTC"], "Ingrid Solberg"),
        (["Par Ingrid Solberg et Jonas Berg", "12 mars 2031"], "Ingrid Solberg et Jonas Berg"),
        # a writer's note after the name; the role between the name and the date
        (
            [
                "By Ingrid Solberg, a transport correspondent who has covered the ferries for "
                "the paper since 2020 and lives on the smallest island herself.",
                "12 March 2031",
            ],
            "Ingrid Solberg",
        ),
        (["Ingrid Solberg", "Transport Editor", "Harbour PostMarch 12, 2031"], "Ingrid Solberg"),
        (["Analysis by Ingrid Solberg, Harbour Post transport analyst"], "Ingrid Solberg"),
        (["  * by: Ingrid Solberg\n  * From: Harbour Post\n  * March 12, 2031"], "Ingrid Solberg"),
        (['By Ingrid "Inga" Solberg March 12, 2031 7:18 pm'], 'Ingrid "Inga" Solberg'),
    ],
)
def test_title_and_byline_found_and_out_of_the_body(lines: list[str], byline: str) -> None:
    headline = "Ferry operator orders two new boats as island villages lose patience"
    text = save(MENU, "Transport", headline, "\n".join(lines), *ARTICLE, FOOTER)
    meta, blocks = extract_text(text)
    assert meta.title == headline
    assert meta.byline == byline
    got = "\n\n".join(b.text for b in blocks)
    assert headline not in got and byline not in got
    for line in lines:
        assert line not in got
    assert_article(got)


def test_byline_above_the_headline_found() -> None:
    # The writer, the section, the date, then the headline.
    headline = "Ferry operator orders two new boats as island villages lose patience"
    text = save(MENU, "Ingrid Solberg\nTransport\nMarch 12, 2031 2:00 AM", headline, *ARTICLE)
    meta, blocks = extract_text(text)
    assert (meta.title, meta.byline) == (headline, "Ingrid Solberg")
    assert_article("\n\n".join(b.text for b in blocks))


def test_page_title_on_the_first_line_gives_the_title() -> None:
    headline = "Ferry operator orders two new boats"
    text = save(f"{headline} | The Harbour Post", MENU, headline, *ARTICLE, FOOTER)
    meta, _blocks = extract_text(text)
    assert meta.title == headline


def test_headline_far_above_the_body_is_the_title() -> None:
    # A top-level heading, then a subtitle, a table of contents and a notice
    # before the first paragraph: the headline is still the title.
    toc = "Table of Contents\n" + "\n".join(
        f"  * Part {k} of the Timetable Review" for k in range(1, 16)
    )
    text = save(
        MENU,
        "\n  Ferry Operator Orders Two New Boats — Why It Matters",
        "\n    What the islands get, and when",
        toc,
        "\n    The order",
        *ARTICLE,
        FOOTER,
    )
    meta, _blocks = extract_text(text)
    assert meta.title == "Ferry Operator Orders Two New Boats — Why It Matters"
    assert meta.byline is None


def test_headline_written_twice_in_a_row_is_a_teaser() -> None:
    # Other stories under the article: each headline twice (the picture's
    # text, then the link), which the article's own lines never are.
    teasers = []
    for k in range(3):
        line = f"Storm closes the crossing, and the ferries stay in port for the {k + 2}th time."
        teasers.append(f"{line}\n{line}")
    got = body(save(MENU, *ARTICLE, *teasers, FOOTER))
    assert_article(got)
    assert "Storm closes" not in got


def test_a_line_saying_by_outweighs_a_name_told_by_its_shape() -> None:
    # "Sign In | Join Harbour Club" is shaped like "Jane Doe | Role".
    headline = "Ferry operator orders two new boats as island villages lose patience"
    text = save(
        MENU, "Sign In | Join Harbour Club", headline, "By Ingrid Solberg", *ARTICLE, FOOTER
    )
    meta, _blocks = extract_text(text)
    assert meta.byline == "Ingrid Solberg"


@pytest.mark.parametrize(
    "lines",
    [
        ["By Ingrid Solberg@isolberg"],  # a handle run into the name
        ["Ingrid Solberg Ingrid Solberg", "12 March 2031"],  # the name as link, then as text
    ],
)
def test_byline_tidied(lines: list[str]) -> None:
    # (the headline as Firefox writes an <h1>: two blank lines, indented 2)
    headline = "\n  Ferry operator orders two new boats as island villages lose patience"
    meta, _blocks = extract_text(save(MENU, headline, *lines, *ARTICLE, FOOTER))
    assert meta.byline == "Ingrid Solberg"


_DEK = "Two boats from a mainland yard, and a crossing every hour by the summer of 2028"
# Over a byline a standfirst may run longer than over other chrome.
_LONG_DEK = (
    _DEK + ", the company says, after a winter in which breakdowns left villages without"
    " a boat for days on end"
)


@pytest.mark.parametrize(
    "head",
    [
        # over the byline
        ["Ferry operator orders two new boats", _LONG_DEK, "By Ingrid Solberg", "12 March 2031"],
        # under the byline and date, over a picture's caption
        [
            "Ferry operator orders two new boats",
            "By Ingrid Solberg",
            "12 March 2031",
            _DEK + ".",
            "Photo",
        ],
    ],
)
def test_the_standfirst_is_its_own_field_not_body(head: list[str]) -> None:
    meta, blocks = extract_text(save(MENU, *head, *ARTICLE, FOOTER))
    assert meta.dek is not None and meta.dek.startswith(_DEK)
    got = "\n\n".join(b.text for b in blocks)
    assert "every hour" not in got
    assert_article(got)


def test_a_lead_running_on_into_the_story_is_not_a_standfirst() -> None:
    lead = "The ferry company said on Monday it would replace its two oldest boats."
    meta, blocks = extract_text(save(MENU, "Ferry operator orders two new boats", lead, *ARTICLE))
    assert meta.dek is None
    assert lead in "\n\n".join(b.text for b in blocks)


def test_a_story_of_one_paragraph_has_no_standfirst() -> None:
    meta, blocks = extract_text(
        save("Harbour Post", "\n  Ferry operator orders two new boats", P1, "By Ingrid Solberg")
    )
    assert meta.dek is None
    assert [b.text for b in blocks] == [P1]


def test_the_title_over_its_standfirst_is_the_title_not_the_standfirst() -> None:
    # A kicker, the headline, its standfirst (a longer sentence), then the
    # byline and a reading time: the headline is the title.
    headline = "The ferry crossing at a crossroads: boats, crews and a timetable"
    dek = "As the islands brace for another winter, villagers ask whether the boats will ever be replaced"
    meta, _blocks = extract_text(
        save(
            MENU,
            "ISLAND LIFE",
            headline,
            dek,
            "By Ingrid Solberg",
            "12 March 2031",
            "Reading time: 6 minutes",
            *ARTICLE,
            FOOTER,
        )
    )
    assert (meta.title, meta.dek) == (headline, dek)
