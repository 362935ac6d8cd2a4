"""Plain-text saves ("Save as text", copy-paste of a whole page): the lines
of the article come out as its paragraphs, lists, headings, tables and
code, and the bundled samples give their articles."""

from __future__ import annotations

import pytest
from text_save_pages import (
    ARTICLE,
    FOOTER,
    MENU,
    P1,
    P2,
    P3,
    P4,
    P5,
    SAMPLES,
    assert_article,
    body,
    firefox_wrap,
    linked,
    save,
)

from margin.ingest.pipeline import extract_bytes
from margin.ingest.text import extract_text


def test_headings_and_led_in_lists_kept() -> None:
    lst = (
        "The main changes at a glance:\n"
        "- Two new boats for the longest crossings\n"
        "- Battery power on the short routes from next summer\n"
        "- A reserve boat kept on standby through the winter"
    )
    text = save(MENU, P1, P2, "What the council wants", P3, lst, P4, P5, FOOTER)
    _meta, blocks = extract_text(text)
    kinds = {b.text: b.kind for b in blocks}
    assert kinds.get("What the council wants") == "heading"
    assert kinds.get("Battery power on the short routes from next summer") == "list_item"
    assert_article(body(text))


def test_hard_wrapped_prose_is_joined() -> None:
    wrapped = (
        "The ferry company that links the northern islands said on Monday that it\n"
        "would replace its two oldest boats within three years, after a winter in\n"
        "which breakdowns left villages without a crossing for days at a time."
    )
    got = body(save(MENU, wrapped, P2, P3, FOOTER))
    assert P1 in got


def test_code_blocks_inside_the_article_kept() -> None:
    code = "def crossings(day):\n    boats = fleet(day)\n    return [b for b in boats if b.ok]"
    got = body(save(MENU, P1, P2, code, P3, P4, FOOTER))
    assert "boats = fleet(day)" in got
    assert P3 in got


def test_a_page_repeating_itself_gives_its_article_once() -> None:
    # (bench/text_speed.py times a page of this shape)
    text = save(*([MENU, *ARTICLE, "Related\n- One headline here\n- Another one there"] * 40))
    _meta, blocks = extract_text(text)
    assert [b.text for b in blocks] == ARTICLE


@pytest.mark.parametrize(
    ("name", "title", "dek", "byline", "first", "last"),
    [
        (
            "text-save-canberra-budget.txt",
            "Treasurer bets on housing and hospitals as Canberra budget lands with a smaller surplus",
            None,
            "Jane Doe",
            "The federal Treasurer has handed down a budget",
            "Jane Doe is The Southern Record's chief political correspondent",
        ),
        (
            "text-save-cocoa-prices.txt",
            "From Accra to Hershey, Chocolate Makers Learn to Live With Expensive Cocoa",
            "Two years after prices went vertical, the industry is reformulating recipes,"
            " shrinking bars and rethinking where its beans come from",
            "Daniel Ortega Reyes",
            "When cocoa prices tripled",
            "They buy less of it, or they buy it on promotion.",
        ),
        (
            "text-save-edinburgh-fringe.txt",
            "The Fringe at a crossroads: rents, rain and a record number of shows",
            "As the world's largest arts festival braces for another summer, performers are"
            " asking whether they can still afford to take part",
            "Isla MacLeod",
            "In a rehearsal room above a chip shop",
            "Isla MacLeod is Greenroom Review's Scotland editor.",
        ),
    ],
)
def test_sample_text_saves(
    name: str, title: str, dek: str | None, byline: str, first: str, last: str
) -> None:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"{name} not present")
    art = extract_bytes(path.read_bytes(), source=str(path), suffix=".txt")
    assert art.kind == "text"
    assert art.title == title
    assert art.dek == dek
    assert art.byline == byline
    assert art.text.startswith(first)
    assert last in art.text[-400:]
    for chrome in (
        "Related stories", "From our partners", "SPONSORED", "PARTNER CONTENT", "YOU MIGHT",
        "Sponsored", "newsletter", "job title", "Privacy", "cookies", "Subscribe", "©",
        "Tags:", "comments", "Share it", "Popular on", "Our network", "Explore topics",
        "Updated", "Words by", "By Jane Doe", "Reading time", "Listen to this article",
    ):  # fmt: skip
        assert chrome not in art.text, chrome
    for line in art.text.split("\n"):
        assert line.strip() not in ("Share", "Facebook", "Email address", "Sign up"), line


def test_firefox_save_wrapping_link_urls_and_marks_undone() -> None:
    linked = P2.replace("regional council", "*regional* council <https://harbour.example/c/>")
    text = save(
        "Home <https://harbour.example/>\nNews <https://harbour.example/news/>",
        "\n  Ferry operator orders two new boats for the islands",
        *(firefox_wrap(p) for p in (P1, linked, P3, P4, P5)),
    )
    meta, blocks = extract_text(text)
    got = "\n\n".join(b.text for b in blocks)
    assert_article(got)
    assert "<http" not in got and "*" not in got
    assert meta.title == "Ferry operator orders two new boats for the islands"


def test_url_wrapped_over_two_lines_dropped_whole() -> None:
    from margin.ingest.text.logical_lines import logical_lines

    text = (
        "Read the council's report <https://harbour.example/reports/2031/\n"
        "ferries.html> before the meeting.\n"
    )
    lines = [ln.text for ln in logical_lines(text)]
    assert lines == ["Read the council's report before the meeting."]


def test_preformatted_query_and_separators_inside_the_article_kept() -> None:
    # A <pre> block keeps its own indentation; its short lines ("SELECT",
    # "FROM") come back in every query, and horizontal rules separate the
    # sections: none of it ends the article.
    query = "SELECT\n   crossing,\n   count(*) AS trips\nFROM\n   timetable\nGROUP BY\n   crossing;"
    rule = "-" * 80
    got = body(save(MENU, P1, query, rule, P2, query, rule, P3, query, rule, P4, query, P5, FOOTER))
    assert_article(got)
    assert "count(*) AS trips" in got


def test_sentences_that_name_a_web_address_kept() -> None:
    # A copy-paste (no link marks) of a press release: sentences may give a
    # web address; a short line with one is a link list or an address.
    web = (
        "The company will hold a public meeting about the new boats on Thursday, and "
        "the timetable for the winter is on its web site at www.harbourferries.example "
        "from today, together with the fares for next year."
    )
    got = body(
        save(
            MENU,
            *ARTICLE,
            "Winter Timetable Information",
            web,
            "www.harbourferries.example",
            FOOTER,
        )
    )
    assert_article(got)
    assert web in got
    assert "www.harbourferries.example\n" not in got + "\n"


def test_list_of_single_words_after_a_lead_in_kept() -> None:
    # A how-to in a save that writes links: the tools it needs, one or two
    # words each and not linked, after a lead-in, before the first step.
    menu = "\n".join(f"  * {m} <https://harbour.example/{m.lower()}/>" for m in MENU.split("\n"))
    tools = "What you'll need:\n\n" + "\n".join(
        f"  * {t}" for t in ("Rope", "Sandpaper", "Varnish", "Brushes", "Gloves")
    )
    teasers = "Other People Are Reading\n\n" + "\n".join(
        f"  * {t} <https://harbour.example/{k}/>"
        for k, t in enumerate(("How to Varnish a Boat", "How to Tie a Bowline Knot"))
    )
    got = body(save(menu, P1, teasers, tools, P2, P3, P4, P5, FOOTER))
    assert all(p in got for p in (P2, P3, P4, P5))
    assert "Sandpaper" in got and "Gloves" in got


def test_link_text_share_recorded_per_line() -> None:
    from margin.ingest.text.logical_lines import logical_lines

    text = save(
        "Home <https://harbour.example/> News <https://harbour.example/news/>",
        "Ferry operator orders two new boats for the islands <https://harbour.example/a/>",
        "The council <https://council.example/> said on Monday that talks would go ahead.",
        "The plan was agreed. Read the council's report <https://council.example/r.pdf>",
    )
    shares = [ln.links for ln in logical_lines(text)]
    assert shares[0] == shares[1] == 1.0  # a menu, a teaser: all link text
    assert 0 < shares[2] < 0.3  # a link inside a sentence: a few words
    assert 0.3 < shares[3] < 1.0  # a link after the last sentence break


def test_link_url_pushed_onto_the_next_line_counts_for_the_link() -> None:
    # A teaser headline as Firefox writes it: its URL does not fit on the
    # line, so the wrap puts " <url>" (with the space) on a line of its
    # own, and an image's empty link may follow it.
    from margin.ingest.text.logical_lines import logical_lines

    url = "https://harbour.example/story/ferry-operator-orders-two-new-boats/"
    text = (
        "Ferry Operator Orders Two New Boats for the Northern Islands\n"
        f" <{url}>\n"
        "The island councils welcomed the order on Monday.\n"
        f"A caption under the picture of the harbour <{url}>\n"
        f" <{url}>\n\n" + "\n\n".join(firefox_wrap(p) for p in ARTICLE)
    )
    lines = logical_lines(text)[:3]
    assert [ln.text for ln in lines] == [
        "Ferry Operator Orders Two New Boats for the Northern Islands",
        "The island councils welcomed the order on Monday.",
        "A caption under the picture of the harbour",
    ]
    assert lines[0].links == 1.0  # the headline is the link's text
    assert lines[1].links == 0.0
    assert lines[2].links == 1.0  # an image's empty link after it changes nothing


def test_lists_and_headings_styled_like_those_kept_readmitted() -> None:
    # A browser's save: a list led in by a sentence is kept; a later list
    # at the same indentation under a heading (no lead-in) is the article's
    # too, and so is its heading, written like the headings already kept.
    menu = "\n".join(linked(m, k) for k, m in enumerate(MENU.split("\n")))
    text = save(
        menu,
        "\n  Ferry operator orders two new boats for the islands",
        firefox_wrap(P1),
        "The order covers three things:",
        "  * two boats built at the mainland yard\n"
        "  * battery packs for the shorter crossings\n"
        "  * a new slipway on the smallest island",
        "\n\n    Engines",
        firefox_wrap(P2),
        "\n\n    Crews",
        "  * training for every crew on the new engines\n"
        "  * the old boats kept in reserve for a winter\n"
        "  * a second crew for the busiest summer weeks",
        firefox_wrap(P3),
        firefox_wrap(P4),
        firefox_wrap(P5),
        "\n".join(linked(f, k) for k, f in enumerate(FOOTER.split("\n"))),
    )
    got = body(text)
    assert_article(got)
    for kept in ("Engines", "Crews", "battery packs", "old boats kept in reserve"):
        assert kept in got
    assert "Careers" not in got


def test_sentence_signed_with_initials_ends_like_a_sentence() -> None:
    last = "The company will publish the timetable for the new boats in the spring. (abc)"
    got = body(save(MENU, *ARTICLE, last, FOOTER))
    assert_article(got)
    assert last in got


def test_closing_tags_in_quoted_markup_kept() -> None:
    # A relative link is written " </path>" after a space; "</div>" inside
    # quoted markup is not a link and stays.
    markup = '<div id="harbour">\n  <p>Timetable</p>\n</div>\n<script src="ferry.js"></script>'
    got = body(save(MENU, P1, P2, markup, P3, P4, P5, FOOTER))
    assert_article(got)
    assert "</div>" in got and "<p>Timetable</p>" in got and "</script>" in got


def test_numbered_points_over_their_paragraphs_kept_as_headings() -> None:
    # A listicle: each point a numbered line alone over its paragraph (and
    # one after a list of other stories, set apart by two blank lines).
    related = "\n".join(linked(f"  * Other story number {k} about the coast", k) for k in range(3))
    text = save(
        MENU,
        "\n  Five things the ferry company will change",
        P1,
        "1. Take the old boats out of service",
        P2,
        "2. Build two new ones on the mainland",
        P3,
        related,
        "\n\n      3. Train the crews for the new engines",
        P4,
        FOOTER,
    )
    got = body(text)
    for para in (P1, P2, P3, P4):
        assert para in got
    for point in (
        "1. Take the old boats out of service",
        "2. Build two new ones on the mainland",
        "3. Train the crews for the new engines",
    ):
        assert point in got
    assert "Other story" not in got


def test_wrapped_items_of_a_long_numbered_list_joined() -> None:
    # Firefox wraps a list item at the list's indentation whatever the
    # width of its number: " 9. " and " 10. " both go on at column 4.
    from margin.ingest.text.logical_lines import logical_lines

    text = (
        " 9. The ferry company that links the northern islands said on Monday that it\n"
        "    would replace its two oldest boats.\n"
        " 10. The new boats will be built at a yard on the mainland and will run on\n"
        "    batteries for the shorter crossings.\n" + "\n".join(firefox_wrap(p) for p in ARTICLE)
    )
    got = [ln.text for ln in logical_lines(text)]
    joined = (
        "10. The new boats will be built at a yard on the mainland and will run on "
        "batteries for the shorter crossings."
    )
    assert joined in got


def test_short_closing_sentence_and_lead_in_to_a_video_kept() -> None:
    menu = "\n".join(linked(m, k) for k, m in enumerate(MENU.split("\n")))
    ads = "\n".join(("Sponsored Links", "MORE FOR YOU", "Promoted Stories", "Undo", "Free Game"))
    got = body(
        save(
            menu, *ARTICLE, "That is the plan.", "See the new boats in the film below:", ads, FOOTER
        )
    )
    assert_article(got)
    assert "That is the plan." in got and "See the new boats in the film below:" in got
    assert "Sponsored" not in got and "Careers" not in got


def test_table_in_the_article_kept_with_its_cells_apart() -> None:
    # Firefox writes a table row a line, its cells separated by tabs.
    table = "Boat\tSeats\tCrossing\nIsland Star\t240\t35 min\nNorth Light\t180\t40 min\nNew boat\t300\t30 min"
    text = save(MENU, P1, P2, "The fleet:", table, P3, P4, P5, FOOTER)
    _meta, blocks = extract_text(text)
    rows = [b.text for b in blocks if b.kind == "table_row"]  # as the HTML path writes rows
    assert rows == [row.replace("\t", " | ") for row in table.split("\n")]
    assert "The fleet:" in [b.text for b in blocks]  # and its lead-in
    got = "\n\n".join(b.text for b in blocks)
    assert_article(got)
    assert not any("\t" in b.text for b in blocks)


def test_running_text_in_table_cells_is_not_taken_for_a_menu() -> None:
    # A page laid out with a table: the save puts a tab between the cells,
    # and a row of prose stays prose ("a | b | c" separators make a menu).
    row = f"{P2}\t{P3}\t{P4}\tPhoto by Jane Doe"
    got = body(save(MENU, P1, row, P5, FOOTER))
    assert all(p in got for p in (P1, P2, P3, P4, P5))
    assert "Careers" not in got  # found as the article, not kept whole for want of one


def test_a_sentence_that_trails_off_is_kept() -> None:
    trailing = "The skipper looked at the sky and said that the new boats would have to wait…"
    got = body(save(MENU, "Ferry operator orders two new boats", P1, trailing, P2, P3, P4, FOOTER))
    assert trailing in got
