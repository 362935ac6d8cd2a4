"""Plain-text saves ("Save as text", copy-paste of a whole page): the article
is kept, the page's chrome is removed, title and byline are found.

Every page here is written for the test (never a copied real page); each
test pins one kind of chrome by its shape, at the top, in the middle or at
the end of the body.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from margin.ingest.pipeline import extract_bytes
from margin.ingest.text import extract_text

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"

P1 = (
    "The ferry company that links the northern islands said on Monday that it would "
    "replace its two oldest boats within three years, after a winter in which breakdowns "
    "left villages without a crossing for days at a time."
)
P2 = (
    "Residents of the smallest island, where about four hundred people live, had "
    "complained that the timetable was no longer something they could plan their "
    "lives around, and the regional council had threatened to withhold its subsidy."
)
P3 = (
    "The new boats will be built at a yard on the mainland and will run on batteries "
    "for the shorter crossings, which the company said would cut its fuel bill by "
    "almost a third once both of them are in service."
)
P4 = (
    "Union representatives welcomed the order but said that the crews would need "
    "training for the new engines, and asked for the old boats to be kept in reserve "
    "until the first winter with the new fleet had passed without trouble."
)
P5 = (
    "A spokesperson for the council said the decision was a relief, and that talks "
    "about the subsidy for next year would now go ahead as planned in the autumn."
)
ARTICLE = [P1, P2, P3, P4, P5]

MENU = "Home\nNews\nWorld\nBusiness\nSport\nCulture\nOpinion\nSign in\nSubscribe"
FOOTER = "About us\nContact\nCareers\nAdvertise\nTerms of use\n© 2031 Harbour Post Media Ltd"


def save(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def body(text: str) -> str:
    _meta, blocks = extract_text(text)
    return "\n\n".join(b.text for b in blocks)


def assert_article(got: str) -> None:
    for para in ARTICLE:
        assert para in got, para[:40]


def test_menu_and_footer_removed_article_kept() -> None:
    got = body(save(MENU, "Ferry operator orders two new boats for the islands", *ARTICLE, FOOTER))
    assert_article(got)
    for chrome in ("Subscribe", "Sign in", "Careers", "©", "Opinion"):
        assert chrome not in got


def test_related_headlines_in_the_middle_removed() -> None:
    related = (
        "----------------------------------------\n"
        "Related stories\n"
        "- Island school to close its doors after ninety years\n"
        "- Storm cuts power to three villages on the west coast\n"
        "- Analysis: why the ferry subsidy keeps growing\n"
        "\n"
        "From our partners\n"
        "- Sponsored: five ways to plan your island holiday\n"
        "- Compare travel insurance from 30 providers in a minute\n"
        "- Advertisement\n"
        "----------------------------------------"
    )
    got = body(save(MENU, "Ferry operator orders two new boats", P1, P2, related, P3, P4, P5))
    assert_article(got)
    for chrome in (
        "Related stories",
        "From our partners",
        "Island school",
        "insurance",
        "Sponsored",
    ):
        assert chrome not in got


def test_headline_block_without_bullets_removed() -> None:
    more = (
        "YOU MIGHT ALSO LIKE\n"
        "> Island School To Close Its Doors After Ninety Years\n"
        "> Storm Cuts Power To Three Villages\n"
        "> The Best Walks On The Northern Islands"
    )
    got = body(save(MENU, P1, P2, P3, more, P4, P5))
    assert_article(got)
    assert "MIGHT ALSO" not in got and "Storm Cuts" not in got


def test_topic_tag_and_sister_site_lists_removed() -> None:
    topics = "More on this topic\nFerries\nIsland life\nTransport policy\nRegional councils"
    tags = "Tags: Ferries, Islands, Transport, Council"
    network = (
        "Our network\nThe Harbour Post\nHarbour Post Business\nWeekend Harbour\n"
        "Coast & Country\nHarbour Careers"
    )
    got = body(save(MENU, *ARTICLE, tags, topics, network, FOOTER))
    assert_article(got)
    for chrome in ("Tags:", "Island life", "Our network", "Weekend Harbour", "Transport policy"):
        assert chrome not in got


def test_newsletter_signup_form_and_job_titles_removed() -> None:
    form = (
        "Get the morning brief\n"
        "Sign up for our newsletter and be across the day's news before your first coffee. "
        "Delivered at 6am, seven days a week.\n"
        "Email address\nFirst name\nPostcode\nSelect your job title:\n"
        "- Engineer\n- Manager\n- Teacher\n- Nurse\n- Student\n- Retired\n- Other\n"
        "I agree to the Terms & Conditions\nSign up"
    )
    privacy = (
        "By signing up you agree to receive emails from The Harbour Post and its partners. "
        "Read our Privacy Collection Notice."
    )
    got = body(save(MENU, *ARTICLE, form, privacy, FOOTER))
    assert_article(got)
    for chrome in ("newsletter", "Engineer", "job title", "Email address", "Privacy"):
        assert chrome not in got


def test_privacy_blurb_and_cookie_notice_removed() -> None:
    cookies = (
        "We use cookies and similar technologies to personalise content and advertising, "
        "and to analyse our traffic. You can change your choices at any time.\n"
        "Accept all\nManage choices"
    )
    privacy = (
        "Privacy Policy\n"
        "We collect personal information to provide our services, personalise content and "
        "advertising, and for analytics. See our Privacy Policy for how to access or correct "
        "your information or to make a complaint."
    )
    got = body(
        save(cookies, MENU, "Ferry operator orders two new boats", *ARTICLE, FOOTER, privacy)
    )
    assert_article(got)
    assert "cookies" not in got and "personal information" not in got and "Accept all" not in got


def test_share_and_comment_counters_removed() -> None:
    counters = "Posted 12 May 2031\n214 comments\nShare\nFacebook\nX\nEmail\nCopy link"
    got = body(save(MENU, *ARTICLE, counters, FOOTER))
    assert_article(got)
    for chrome in ("214 comments", "Copy link", "Facebook", "Posted"):
        assert chrome not in got


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


def test_a_note_without_chrome_is_kept_whole() -> None:
    text = save("Shopping", "Milk, eggs and bread.", "Call the plumber about the boiler.")
    meta, blocks = extract_text(text)
    assert meta.title == "Shopping"
    assert [b.text for b in blocks] == [
        "Milk, eggs and bread.",
        "Call the plumber about the boiler.",
    ]


def test_a_document_with_few_links_keeps_a_line_that_is_a_link() -> None:
    # A plain document (hardly any link text) is kept whole bar its chrome:
    # a line that is a link ("The full report") is its text, a list of
    # links is a menu.
    menu = "\n".join(
        f"  * {m} <https://harbour.example/{m.lower()}/>" for m in ("Home", "News", "About")
    )
    report = "The full report <https://council.example/report.pdf>"
    got = body(save(menu, P1, P2, P3, report, P4, P5))
    assert "The full report" in got
    assert "About" not in got.split("\n")


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


def _firefox_wrap(text: str, width: int = 80) -> str:
    """A paragraph wrapped the way Firefox's Save as Text wraps it."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*out, line])


def test_firefox_save_wrapping_link_urls_and_marks_undone() -> None:
    linked = P2.replace("regional council", "*regional* council <https://harbour.example/c/>")
    text = save(
        "Home <https://harbour.example/>\nNews <https://harbour.example/news/>",
        "\n  Ferry operator orders two new boats for the islands",
        *(_firefox_wrap(p) for p in (P1, linked, P3, P4, P5)),
    )
    meta, blocks = extract_text(text)
    got = "\n\n".join(b.text for b in blocks)
    assert_article(got)
    assert "<http" not in got and "*" not in got
    assert meta.title == "Ferry operator orders two new boats for the islands"


def test_teaser_headlines_with_summaries_not_taken_for_the_article() -> None:
    teasers = []
    for k, topic in enumerate(("harbour", "school", "bridge", "library", "market")):
        teasers.append(f"\n    Council report on the {topic} is published {k} days early")
        teasers.append(
            f"The long-awaited report on the {topic} was published on Tuesday, and it "
            "says that the work should be finished before the end of the year."
        )
    got = body(save("Ferry operator orders two new boats", *ARTICLE, MENU, *teasers, FOOTER))
    assert_article(got)
    assert "long-awaited report" not in got


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


def test_notice_before_the_headline_dropped() -> None:
    notice = (
        "We use cookies and similar technologies to improve your browsing experience, "
        "to personalise content and to measure how our pages are used by visitors."
    )
    text = save(MENU, notice, "\n  Ferry operator orders two new boats for the islands", *ARTICLE)
    meta, blocks = extract_text(text)
    got = "\n\n".join(b.text for b in blocks)
    assert_article(got)
    assert "cookies" not in got
    assert meta.title == "Ferry operator orders two new boats for the islands"


def test_gallery_of_captions_in_list_items_not_taken_for_the_article() -> None:
    # A slideshow saved as a list: a bare bullet, then each slide's
    # headline (a heading), caption (a full sentence) and credit.
    slides = []
    for k in range(1, 13):
        slides.append(
            f"  *\n\n\n        {k}/12 Harbour works in pictures\n\n    "
            f"Workers on the harbour wall lifted the {k}th concrete block into place on "
            "Tuesday morning, watched by a crowd of residents who had come to see the "
            "progress of the new breakwater.\n    Photo: Harbour Post"
        )
    got = body(save(MENU, *ARTICLE, MENU, *slides, FOOTER))
    assert_article(got)
    assert "concrete block" not in got


def _islander_comment(n: int) -> str:
    """A reader's comment on the ferry story (tests look for "old boats broke down")."""
    return (
        "I live on the island and I can tell you that the old boats broke down far "
        f"more often than the company admits, at least {n} times last winter alone."
    )


def test_comments_after_the_article_dropped() -> None:
    comments = ["Share this:\nFacebook\nTwitter\nEmail", "There are 4 comments"]
    for name, day in (("Ann Mills", 3), ("Rob Kerr", 4), ("Sue Tan", 5), ("Li Wei", 6)):
        comments.append(f"{name} · March {day}, 2031 at 9:{day}0 AM")
        comments.append(_islander_comment(day))
        comments.append(
            "The council should have asked the people who use the crossing every day "
            "before it agreed to anything, and it should publish the whole contract."
        )
    got = body(save(MENU, *ARTICLE, *comments, FOOTER))
    assert_article(got)
    assert "old boats broke down" not in got


@pytest.mark.parametrize(
    "when",
    ["Hace {n} minutos", "il y a {n} heures", "vor {n} Minuten", "{n} ore fa",
     "{n} de marzo de 2031", "{n}. März 2031", "{n} settembre 2031", "{n}. března 2031"],
)  # fmt: skip
def test_comments_dated_in_other_languages_dropped(when: str) -> None:
    # A comment as many sites write it: the reader's name, the date on the
    # next line, then the comment. The date is in the site's language.
    comments = ["Comments", "Rules for comments\nName (*):\nComment:"]
    for name, n in (("alcalino", 3), ("casper", 4), ("pepedelacalle", 5), ("angel", 6)):
        comments.append(f"{name}\n{when.format(n=n)}")
        comments.append(_islander_comment(n))
    got = body(save(MENU, *ARTICLE, *comments, FOOTER))
    assert_article(got)
    assert "old boats broke down" not in got


def test_gallery_of_captions_written_twice_dropped() -> None:
    # A slideshow above the article: each picture's alt text and then its
    # caption, the same sentence twice on one line.
    captions = [
        "Passengers wait for the morning ferry at the north pier on Monday.",
        "A crane lifts a new gangway onto the harbour wall on Sunday.",
        "The old ferry leaves the island for the last time on Saturday.",
        "Workers paint the hull of a boat at the yard on the mainland.",
    ]
    gallery = "\n".join(f"{c} {c}" for c in captions)
    got = body(save(MENU, gallery, *ARTICLE, FOOTER))
    assert_article(got)
    assert "new gangway" not in got


def test_sign_in_forms_repeating_a_sentence_do_not_outweigh_a_short_article() -> None:
    # A short article, then the site's sign-in dialogs: one sentence under
    # each of four forms, and a long privacy notice.
    note = (
        "If you signed up using a third party account like Facebook or Twitter, "
        "please sign in with it instead of your email address."
    )
    forms = []
    for label in ("Forgot password?", "Forgot username?", "Sign in", "Create account"):
        forms += [label, note]
    privacy = (
        "In order to provide our readers with a better overall experience, we ask for "
        "more information from your social account when you use it to sign in, so that "
        "we can learn more about our audience and provide you with the best experience "
        "possible, and we will never post anything to your account without asking you."
    )
    got = body(save(MENU, P1, P2, P3, FOOTER, MENU, FOOTER, *forms, privacy))
    assert P1 in got and P3 in got
    assert "third party account" not in got


@pytest.mark.parametrize(
    "heading", ["3 Comments", "Reader Comments (3)", "Comentarios", "Kommentare"]
)
def test_comments_under_a_comments_heading_dropped(heading: str) -> None:
    # Comments without dates to tell them by: the heading over them says it.
    comments = [heading, "Show: Newest First"]
    for name, n in (("Richard", 3), ("Eagle 4", 4), ("SalinaDave", 5)):
        comments.append(name)
        comments.append(_islander_comment(n))
    got = body(save(MENU, *ARTICLE, *comments, FOOTER))
    assert_article(got)
    assert "old boats broke down" not in got


def test_a_table_column_named_comment_is_not_a_comments_heading() -> None:
    table = ["Status", "Timeout", "Comment"]
    table += ["started", "30 s", "The task is sent back to the queue when its worker stops."]
    got = body(save(MENU, P1, P2, P3, P4, *table, P5, FOOTER))
    assert_article(got)


def test_teasers_with_picture_captions_after_the_article_dropped() -> None:
    # Other stories after the article, each a headline, its picture's
    # caption, a summary, then its comment count and a topic link.
    stories = [
        ("Storm Closes Three Mountain Passes", "A road under snow.",
         "Snowploughs worked through the night but the police said the passes would stay shut "
         "until the wind dropped, and drivers were told to use the coast road instead."),
        ("Library Reopens After Two Years", "The new reading room.",
         "The town library opened its doors again on Saturday after a renovation that took "
         "twice as long as planned, and the mayor said it had been worth the wait."),
        ("Harbour Seals Return To The Bay", "Seals at low tide.",
         "Volunteers counted more than forty seals on the rocks this spring, the highest "
         "number since records began, and they asked walkers to keep their dogs on a lead."),
        ("School Choir Wins National Prize", "The choir on stage.",
         "The choir of the island school won the national prize for young singers on Sunday, "
         "and the children will travel to the capital in June to sing for the minister."),
    ]  # fmt: skip
    teasers = ["Front page"]
    for k, (headline, caption, summary) in enumerate(stories):
        teasers.append(f"{headline}\n{caption}\n{summary}")
        teasers.append(f"{k + 2} comments <https://harbour.example/{k}/#comments>")
        teasers.append(f"More on this <https://harbour.example/topic/{k}/>")
    got = body(save(MENU, *ARTICLE, *teasers, FOOTER))
    assert_article(got)
    assert "Snowploughs" not in got and "choir" not in got


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


def test_long_headline_repeated_through_the_page_dropped() -> None:
    # A sponsored story's headline, shown under each section of the page.
    promo = "The Gear and Apps You Need to Survive the Next Winter Season"
    got = body(save(MENU, P1, promo, P2, P3, promo, P4, P5, promo, FOOTER))
    assert_article(got)
    assert promo not in got


def test_article_quoting_posts_with_their_dates_kept_whole() -> None:
    # Each section quotes a post, then its attribution, name, handle and
    # date: dated lines next to running text, but not readers' comments.
    posts = [
        ("The ferry was late again this morning and nobody told us why it happened.",
         "Ann Mills (@annmills) 25. September 2031"),
        ("Thirty years on this crossing and I have never seen the boats in such a state.",
         "Rob Kerr (@robkerr) 2 June 2031"),
        ("Good news for the islands at last: two new boats, and quieter ones too.",
         "Sue Tan (@suetan) March 3, 2031"),
    ]  # fmt: skip
    menu = "\n".join(f"  * {m} <https://harbour.example/{m.lower()}/>" for m in MENU.split("\n"))
    parts = [menu, P1, P2]
    for (post, credit), para in zip(posts, (P3, P4, P5), strict=True):
        parts += [post, credit, para]
    headlines = ["Storm Closes Three Mountain Passes", "Library Reopens After Two Years",
                 "Harbour Seals Return To The Bay", "School Choir Wins National Prize",
                 "New Bus Timetable For The Valley", "Council Votes On Parking Charges"]  # fmt: skip
    more = "\n".join(f"  * {t} <https://harbour.example/{k}/>" for k, t in enumerate(headlines))
    got = body(save(*parts, more, FOOTER))
    assert_article(got)
    assert "Subscribe" not in got and "Careers" not in got  # and found as an article


def test_paragraphs_stranded_between_two_boxes_of_other_stories_kept() -> None:
    # Two paragraphs of the article between two "Most popular" boxes: worth
    # less than a piece of article of their own, kept all the same.
    def popular(k: int) -> str:
        items = [("Gear", "Ten Tools Every Home Should Have", "Matt Jones"),
                 ("Business", "A Rebellious Chatbot With Few Rules", "Will King"),
                 ("Culture", "Early Social Media Users Have Nowhere to Go", "Jay Park")]  # fmt: skip
        return "Most Popular\n" + "\n".join(
            f"  *\n{sec}\n{title} <https://harbour.example/{k}/{n}/>\n{name}"
            for n, (sec, title, name) in enumerate(items)
        )

    menu = "\n".join(f"  * {m} <https://harbour.example/{m.lower()}/>" for m in MENU.split("\n"))
    p6 = (
        "The first of the new boats is due in the spring of next year, and the company said "
        "it would publish a timetable for both of them as soon as the yard confirmed the dates."
    )
    p7 = (
        "Until then the older of the two boats will run only in the summer months, and the "
        "council has agreed to pay for a water taxi on the days when the weather is bad."
    )
    p8 = (
        "Residents who want to comment on the plans can write to the council until the end of "
        "the month, and a public meeting will be held in the village hall on the largest island."
    )
    p9 = (
        "The union said it would ask its members about the plans at its annual meeting, which "
        "is held on the mainland every autumn, and would report back to the council after that."
    )
    p10 = (
        "Ferry users on the smallest island said they were pleased with the news, but several "
        "told us that they would believe it when they saw the first of the new boats arrive."
    )
    before, after = [P1, P2, P3, p6], [p7, p8, p9, p10]
    got = body(save(menu, *before, popular(1), P4, P5, popular(2), *after, FOOTER))
    assert all(p in got for p in [*before, P4, P5, *after])
    assert "Rebellious" not in got


def test_page_without_running_text_keeps_its_text_but_not_its_menus() -> None:
    # A shop page: no paragraph long enough to call an article, so the text
    # is kept as it is; but the menus and lists of links are not its text.
    menu = "\n".join(f"  * {m} <https://shop.example/{m.lower()}/>" for m in MENU.split("\n"))
    more = "\n".join(f"Category {k} <https://shop.example/c/{k}/>" for k in range(5))
    note = "Grease for bearings\n\nSuits cars, bikes and garden tools.\n\n250 g tin, 12.90"
    see = "See also: the maker <https://maker.example/>"
    got = body(save(menu, note, see, more, "Delivery in two days."))
    for kept in ("Grease for bearings", "Suits cars, bikes and garden tools.", "250 g tin, 12.90",
                 "See also: the maker", "Delivery in two days."):  # fmt: skip
        assert kept in got
    assert "Subscribe" not in got and "Category 3" not in got


def test_link_urls_of_any_scheme_dropped() -> None:
    from margin.ingest.text.logical_lines import logical_lines

    text = "Share on WhatsApp <whatsapp://send?text=Ferry%20boats%20ordered>\n"
    assert [ln.text for ln in logical_lines(text)] == ["Share on WhatsApp"]


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
        f" <{url}>\n\n" + "\n\n".join(_firefox_wrap(p) for p in ARTICLE)
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


def _linked(line: str, k: int) -> str:
    return f"{line} <https://harbour.example/story/{k}/>"


def test_teasers_written_as_links_not_taken_for_the_article() -> None:
    # Other stories' teasers: each a sentence-long summary that is all link
    # text, more of them than the article has paragraphs.
    teasers = [
        _linked(
            f"Story {k}: the regional council said on Tuesday that it would review the "
            "timetable for the northern ferries again before the end of the year",
            k,
        )
        for k in range(8)
    ]
    menu = "\n".join(_linked(m, k) for k, m in enumerate(MENU.split("\n")))
    got = body(save(menu, *ARTICLE, "\n\n    More stories", *teasers, FOOTER))
    assert_article(got)
    assert "Story 3" not in got


def test_document_with_few_links_kept_whole() -> None:
    # A page that is all document (a specification, a set of notes): short
    # headings, formulas and one-line notes between the paragraphs are part
    # of it, however little running text each stretch has.
    text = save(
        "Timetable notes",
        _linked("Harbour Post", 0),
        "\n  Crossing Times",
        P1,
        "\n    Summer Schedule",
        "North pier 06:40 / 09:10 / 12:30",
        "\n    Winter Schedule",
        "North pier 07:15 / 13:00",
        "\n    Fuel Use",
        "litres = 4.2 × distance + 30",
        "\n    Crew Rota",
        "Two crews, four days on",
        P2,
        P3,
    )
    got = body(text)
    for kept in (P1, "Winter Schedule", "North pier 07:15 / 13:00", "litres = 4.2", P2, P3):
        assert kept in got


def test_article_split_by_a_long_block_of_other_stories_kept_in_both_pieces() -> None:
    # A block of other stories' headlines, long enough that no single run
    # of lines holds the whole article: the pieces on both sides are kept.
    stories = "\n".join(
        f"{topic} Council Votes On Harbour Plan Number {k}"
        for k, topic in enumerate(("Island", "Coast", "Ferry", "Weather", "Schools", "Roads"))
    )
    q1 = (
        "Engineers from the yard are expected on the islands next month to measure the "
        "slipways, which were built for smaller boats and may need to be lengthened "
        "before the first of the new ferries can be tied up overnight."
    )
    q2 = (
        "The company said it would publish a draft timetable for the new boats in the "
        "spring, and that residents would be asked for their views on the early and late "
        "crossings before anything was decided."
    )
    got = body(save(MENU, P1, P2, P3, "More from the islands", stories, P4, P5, q1, q2, FOOTER))
    for para in (P1, P2, P3, P4, P5, q1, q2):
        assert para in got
    assert "Council Votes" not in got


def test_long_comment_thread_not_taken_for_a_shorter_article() -> None:
    # Comments (a dated name line over each piece of prose) outweigh the
    # article in running text; their repeated shape tells them apart.
    comments = ["Share this:\nFacebook\nTwitter\nEmail"]
    for k in range(8):
        comments.append(f"Reader {chr(65 + k)}. Smith · March {k + 3}, 2031 at 9:{k}0 AM")
        comments.append(f"{P4} And that is what I saw {k} times.\n{P2}")
        comments.append("Reply")
    got = body(save(MENU, P1, P3, P5, *comments, FOOTER))
    for para in (P1, P3, P5):
        assert para in got
    assert "Union representatives" not in got


def test_page_without_a_clear_article_kept_whole() -> None:
    # No run of prose worth a piece of article: nothing is cut away.
    items = [f"Added item {k}: stone blocks, with smooth versions" for k in range(6)]
    meta, blocks = extract_text(save("Release notes", *items, P1[:90] + "."))
    got = "\n".join([meta.title, *(b.text for b in blocks)])
    for item in items:
        assert item in got


def test_viterbi_pieces() -> None:
    from margin.ingest.text.segment import pieces, viterbi

    scores = [-1, 4, 4, -1, -1, 4, 4, -9, -9, -9, 4, 4, -1]
    assert pieces(viterbi(scores, 3.0)) == [(1, 6), (10, 11)]
    assert pieces(viterbi([1.0, 1.0, -1.0], 3.0)) == []


def test_lists_and_headings_styled_like_those_kept_readmitted() -> None:
    # A browser's save: a list led in by a sentence is kept; a later list
    # at the same indentation under a heading (no lead-in) is the article's
    # too, and so is its heading, written like the headings already kept.
    menu = "\n".join(_linked(m, k) for k, m in enumerate(MENU.split("\n")))
    text = save(
        menu,
        "\n  Ferry operator orders two new boats for the islands",
        _firefox_wrap(P1),
        "The order covers three things:",
        "  * two boats built at the mainland yard\n"
        "  * battery packs for the shorter crossings\n"
        "  * a new slipway on the smallest island",
        "\n\n    Engines",
        _firefox_wrap(P2),
        "\n\n    Crews",
        "  * training for every crew on the new engines\n"
        "  * the old boats kept in reserve for a winter\n"
        "  * a second crew for the busiest summer weeks",
        _firefox_wrap(P3),
        _firefox_wrap(P4),
        _firefox_wrap(P5),
        "\n".join(_linked(f, k) for k, f in enumerate(FOOTER.split("\n"))),
    )
    got = body(text)
    assert_article(got)
    for kept in ("Engines", "Crews", "battery packs", "old boats kept in reserve"):
        assert kept in got
    assert "Careers" not in got


def test_bare_image_file_names_dropped() -> None:
    # An image without alt text is saved as its file name: not text.
    got = body(save(MENU, P1, P2, "harbour-ferry_2031.JPG", P3, P4, P5, FOOTER))
    assert_article(got)
    assert "harbour-ferry" not in got
    # A page of headings and images only: the headings are all there is.
    got = body(save("\n    Crossing one", "pier.jpg", "\n    Crossing two", "pier.jpg"))
    assert "Crossing one" in got and "Crossing two" in got and "pier" not in got


def test_article_continues_after_a_long_table() -> None:
    # A table of figures (35 rows, none of them prose) inside the article:
    # the prose after it is still the article's.
    table = "\n".join(f"Pier {k} North {k * 7} {k * 1300:,}" for k in range(35))
    more = [f"{P4} The figures for pier {k} were published by the council." for k in range(4)]
    got = body(save(MENU, P1, P2, P3, P5, table, *more, FOOTER))
    for para in (P1, P2, P3, P5, *more):
        assert para in got


def test_slides_of_a_gallery_not_taken_for_the_article() -> None:
    # A picture gallery after the article: "4/20 A headline", a caption
    # that reads like prose, a credit; slide after slide.
    slides = []
    for k in range(1, 9):
        slides += [
            f"{k}/20 Harbour scene number {k}",
            f"Boats tied up in the harbour on a calm morning, picture {k} of the series "
            "taken by readers who sent their photographs to the newsroom this summer.",
            "Reader photo",
        ]
    got = body(save(MENU, *ARTICLE, *slides, FOOTER))
    assert_article(got)
    assert "calm morning" not in got and "/20" not in got


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


def test_lead_above_a_table_of_contents_kept() -> None:
    # A browser's save: the headline, a lead paragraph, then a table of
    # contents (link lines) before the sections: the lead is the article's.
    contents = "\n".join(
        f"  * {k} {name} <https://harbour.example/#s{k}>"
        for k, name in enumerate(
            ("History", "Routes", "Boats", "Crews", "Fares", "Timetable", "Winter", "Notes"), 1
        )
    )
    menu = "\n".join(_linked(m, k) for k, m in enumerate(MENU.split("\n")))
    text = save(
        menu,
        "\n  Northern Ferries",
        _firefox_wrap(P1 + " " + P2),
        "Contents",
        contents,
        *(_firefox_wrap(p) for p in (P3, P4, P5, P3.replace("new boats", "ferries"))),
        "\n".join(_linked(f, k) for k, f in enumerate(FOOTER.split("\n"))),
    )
    got = body(text)
    for para in (P1, P2, P3, P4, P5):
        assert para in got
    assert "Timetable" not in got.replace("timetable", "")


def test_numbered_points_over_their_paragraphs_kept_as_headings() -> None:
    # A listicle: each point a numbered line alone over its paragraph (and
    # one after a list of other stories, set apart by two blank lines).
    related = "\n".join(_linked(f"  * Other story number {k} about the coast", k) for k in range(3))
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


def test_list_without_links_is_the_article_even_without_running_text() -> None:
    # A changelog: items of a few words, none of them linked, in a save
    # whose menus are links. No line is running text, yet the list is the
    # article.
    items = [
        "Added a late crossing on Fridays in summer",
        "Added bicycle racks to both boats",
        "Fixed the booking page for the north pier",
        "Tickets can now be shown on a phone",
        "Removed the paper timetable",
        "Changed the winter fares for islanders",
        "Cafe on the upper deck now open all year",
        "Dogs allowed on the lower deck",
        "Faster boarding for cars with a booking",
        "New signs at the south pier",
        "Lockers for luggage in the waiting room",
    ]
    menu = "\n".join(_linked(m, k) for k, m in enumerate(MENU.split("\n")))
    links = "\n".join(_linked(f"Harbour link {k}", k) for k in range(6))
    text = save(
        menu,
        "\n    Ferry update 2.0",
        "\n".join(f"  + {it}" for it in items),
        "Official links:",
        links,
        FOOTER,
    )
    got = body(text)
    for it in items:
        assert it in got
    assert "Harbour link" not in got and "Careers" not in got


def test_article_in_two_pieces_outweighs_a_longer_notice_elsewhere() -> None:
    # A video player's controls split the article in two; a notice far
    # below (an ad-blocker plea) has more running text than either piece,
    # but less than both together.
    player = "\n".join(
        ("Play Video", "Play", "Mute", "Current Time 0:00", "Duration 0:00", "Loaded: 0%")
        + ("Share", "Playback Rate", "Chapters", "Captions", "Fullscreen", "Close")
        + ("Foreground", "Background", "Window", "Font Size", "Text Edge Style", "Done")
        + ("Font Family", "Reset", "Quality", "Auto", "Picture in picture", "Cast")
    )
    notice = [
        f"We noticed that you are using an ad blocker, number {k}. Advertising helps fund "
        "our journalism and keeps it independent, so we ask you to turn it off for this "
        "site, or to support us in another way if you would rather not see any of it."
        for k in range(5)
    ]
    more = "\n".join(_linked(f"  * Section {k}", k) for k in range(45))
    second = [p.replace("the ", "the new ") for p in (P1, P2, P3)]
    got = body(save(MENU, P1, P2, P3, P4, player, P5, *second, more, *notice))
    for para in (*ARTICLE, *second):
        assert para in got
    assert "ad blocker" not in got


def test_wrapped_items_of_a_long_numbered_list_joined() -> None:
    # Firefox wraps a list item at the list's indentation whatever the
    # width of its number: " 9. " and " 10. " both go on at column 4.
    from margin.ingest.text.logical_lines import logical_lines

    text = (
        " 9. The ferry company that links the northern islands said on Monday that it\n"
        "    would replace its two oldest boats.\n"
        " 10. The new boats will be built at a yard on the mainland and will run on\n"
        "    batteries for the shorter crossings.\n" + "\n".join(_firefox_wrap(p) for p in ARTICLE)
    )
    got = [ln.text for ln in logical_lines(text)]
    joined = (
        "10. The new boats will be built at a yard on the mainland and will run on "
        "batteries for the shorter crossings."
    )
    assert joined in got


def test_long_list_of_notes_after_the_article_kept_to_its_end() -> None:
    # Notes under the article: the first are long enough to count as
    # running text, the rest are short references; the list is one piece.
    notes = [f" {k}. ^ {p}" for k, p in enumerate((P1, P2, P3, P4), 1)]
    notes += [
        f" {k}. ^ {_linked(f'Harbour Post Ferry Report {k}', k)}, Page {k + 3}."
        for k in range(5, 30)
    ]
    menu = "\n".join(_linked(f"{m} Section Front Page", k) for k, m in enumerate(MENU.split("\n")))
    got = body(save(menu, *ARTICLE, "\n\n    Notes", "\n".join(notes), menu, FOOTER))
    assert_article(got)
    assert "Ferry Report 29, Page 32." in got and "Ferry Report 5, Page 8." in got
    assert "Careers" not in got


def test_linked_headlines_right_after_the_articles_list_not_taken_for_more_of_it() -> None:
    steps = [
        "  * Book a crossing online at least a day before the journey.",
        "  * Arrive at the pier half an hour before the boat leaves.",
        "  * Keep the ticket until the end of the crossing.",
    ]
    headlines = [
        _linked(f"  * Island Council Votes On Harbour Plan Number {k}", k) for k in range(6)
    ]
    menu = "\n".join(_linked(f"{m} Section Front Page", k) for k, m in enumerate(MENU.split("\n")))
    got = body(
        save(menu, *ARTICLE, "What travellers should do:", "\n".join(steps + headlines), FOOTER)
    )
    assert_article(got)
    assert "Keep the ticket" in got
    assert "Council Votes" not in got


def test_sections_of_one_paragraph_each_not_taken_for_teasers() -> None:
    # A heading over each paragraph looks like a teaser's headline over its
    # summary; in a save that writes links, a teaser's headline is a link
    # (or a "Read more" link follows it), the article's headings are not.
    sections = []
    for k, para in enumerate(ARTICLE):
        sections += [f"\n\n    What the plan means, part {k}", para]
    menu = "\n".join(_linked(m, k) for k, m in enumerate(MENU.split("\n")))
    related = "\n".join(
        _linked(f"  * Island Council Votes On Harbour Plan {k}", k) for k in range(8)
    )
    footer = "\n".join(_linked(m, k) for k, m in enumerate(FOOTER.split("\n")))
    got = body(save(menu, "\n\n  Ferry operator orders two new boats", *sections, related, footer))
    assert_article(got)
    assert "Council Votes" not in got and "Careers" not in got and "Subscribe" not in got


def test_teasers_with_linked_headlines_over_summaries_not_taken_for_the_article() -> None:
    teasers = []
    for k, topic in enumerate(("harbour", "school", "bridge", "library", "market", "pier")):
        teasers.append(_linked(f"\n    Council Report On The {topic.title()} Is Out", k))
        teasers.append(
            f"The long-awaited report on the {topic} was published on Tuesday, and it says "
            "that the work should be finished before the end of the year, and that the "
            "council will pay for most of it out of the harbour fund."
        )
    menu = "\n".join(_linked(m, k) for k, m in enumerate(MENU.split("\n")))
    got = body(
        save(menu, "\n\n  Ferry operator orders two new boats", P1, P2, P3, *teasers, FOOTER)
    )
    for para in (P1, P2, P3):
        assert para in got
    assert "long-awaited report" not in got


def test_short_closing_sentence_and_lead_in_to_a_video_kept() -> None:
    menu = "\n".join(_linked(m, k) for k, m in enumerate(MENU.split("\n")))
    ads = "\n".join(("Sponsored Links", "MORE FOR YOU", "Promoted Stories", "Undo", "Free Game"))
    got = body(
        save(
            menu, *ARTICLE, "That is the plan.", "See the new boats in the film below:", ads, FOOTER
        )
    )
    assert_article(got)
    assert "That is the plan." in got and "See the new boats in the film below:" in got
    assert "Sponsored" not in got and "Careers" not in got


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


def test_a_long_comment_far_down_the_comments_is_not_the_article() -> None:
    # Comments, one of them longer than the article and far enough from the
    # dated headings around it to stand alone: the comment section runs on to
    # its last dated heading.
    menu = "\n".join(f"  * {m} <https://harbour.example/{m.lower()}/>" for m in MENU.split("\n"))

    def comment(name: str, day: int, topic: str, n: int) -> list[str]:
        points = [
            f"Point {k}: the {topic} was a disgrace again and nobody told us why it happened."
            for k in range(1, n + 1)
        ]
        return [f"{name}\n{day} March 2031 at 10:{day:02}", *points]

    comments = ["Leave a reply <https://harbour.example/#reply>"]
    comments += comment("Ann Mills", 3, "ferry", 1) + comment("Rob Kerr", 4, "bus", 1)
    comments += comment("Sue Tan", 5, "road", 40) + comment("Li Wei", 9, "harbour", 13)
    comments += comment("Jo Park", 10, "pier", 1)
    more = "\n".join(
        f"  * Another story about the islands, number {k} <https://harbour.example/{k}/>"
        for k in range(12)
    )
    got = body(save(menu, *ARTICLE, *comments, more, FOOTER))
    assert_article(got)
    assert "disgrace" not in got


def test_tex_source_of_formulas_dropped() -> None:
    # A picture of a formula carries its TeX source ({\displaystyle ...}),
    # which a save writes out, often twice (the annotation, the alt text),
    # after the formula as the page spelt it out, a letter or sign at a time.
    tex = r"{\displaystyle A^{\mathsf {H}}=\overline {A^{\mathsf {T}}}}"
    line = f"If the conjugate transpose of a matrix A H = A T ¯ {tex} {tex} is denoted, it holds."
    got = body(save(MENU, P1, P2, line, P3, P4, P5, FOOTER))
    assert_article(got)
    assert "displaystyle" not in got and "mathsf" not in got
    assert "If the conjugate transpose of a matrix is denoted, it holds." in got


@pytest.mark.parametrize("heading", ["Related coverage", "You might also like", "Mehr zum Thema"])
def test_stories_run_together_under_a_related_heading_dropped(heading: str) -> None:
    # Under the heading, each story's headline and summary on one line, the
    # lines one block: it reads like running text, but it is other stories.
    stories = "\n".join(
        f"{title} {summary}"
        for title, summary in (
            ("Storm closes three passes", "Snowploughs worked through the night but the police said the passes would stay shut until the wind dropped."),
            ("Library reopens at last", "The town library opened its doors again on Saturday after a renovation that took twice as long as planned."),
            ("Seals return to the bay", "Volunteers counted more than forty seals on the rocks this spring, the highest number since records began."),
        )
    )  # fmt: skip
    got = body(save(MENU, *ARTICLE, heading, stories, FOOTER))
    assert_article(got)
    assert "Snowploughs" not in got and "Volunteers" not in got


def test_a_caption_set_as_a_heading_does_not_cut_off_the_lead() -> None:
    # A blog that sets a picture's caption as a top-level heading, right after
    # the first paragraph: a sentence, not the article's headline.
    caption = "\n\n  /Passengers wait for the morning ferry at the north pier./"
    got = body(save(MENU, P1, caption, P2, P3, P4, P5, FOOTER))
    assert_article(got)


def test_a_table_of_dated_rows_is_not_a_comment_section() -> None:
    # An episode list: each row's air date, then the episode's summary in a
    # cell of its own, like a comment under a dated name; then the article
    # goes on. A save writes the table's rows one to a line.
    rows = ["#\tTitle\tFirst shown"]
    summaries = (
        "The skipper takes the new crew out on a grey morning and loses an engine halfway "
        "across, so the passengers spend the afternoon drifting while help is sent.",
        "A storm keeps every boat in the harbour for a week, and the village shop runs out "
        "of bread, milk and patience long before the weather finally turns.",
        "The council meets to decide on the subsidy while the islanders watch from the back "
        "of the hall, and the vote is closer than anyone there had expected.",
        "At the yard on the mainland the first hull is welded together, and two of the "
        "crew travel across to see the boat they will be sailing next year.",
        "On the last crossing of the old ferry the whole island comes down to the pier to "
        "wave, and the skipper sounds the horn three times as she leaves.",
    )
    for n, summary in enumerate(summaries, 1):
        rows.append(f'{n}\t"A crossing in the fog, part {n}"\tMarch {n + 2}, 2031')
        rows.append(summary)
    after = (
        "Critics praised the series for taking the islanders' worries seriously, and "
        "several of them singled out the episode about the storm as the best of the year."
    )
    got = body(save(MENU, P1, P2, "Episode list", "\n".join(rows), "Reception", after, FOOTER))
    assert after in got
    for summary in summaries:
        assert summary in got


def test_the_lead_above_an_author_box_is_kept() -> None:
    # The lead paragraph, then the authors' cards (name, role, paper, a
    # link), then the rest of the article: the cards are not the article,
    # the lead is.
    cards = "\n".join(
        f"{name}\n{name}\n{role}\nThe Harbour Post\nFollow"
        for name, role in (
            ("Ingrid Solberg", "Transport correspondent."),
            ("Jonas Berg", "Editor."),
        )
    )
    got = body(save(MENU, "Ferry operator orders two new boats", P1, cards, P2, P3, P4, P5, FOOTER))
    assert_article(got)
    assert "Transport correspondent" not in got


# A story on the same subject as a notice: what someone's comments were, what
# cookies do. It keeps its sentences.
_QUOTE = (
    "The minister's comments about the islanders were offensive, the opposition "
    "said, and it asked for an apology before the council meets again."
)
_COOKIE_STORY = (
    "Browsers now block third-party cookies by default, which advertisers once used "
    "to follow readers from one site to the next without their knowledge."
)
_LIABILITY_STORY = (
    "The ferry company said it was not liable for the delays, and its lawyers denied that "
    "any warranty on the old engines had been broken by the yard."
)


@pytest.mark.parametrize(
    ("notice", "story", "inside"),
    [
        # the rules for readers' comments, after the article
        (
            "The opinions expressed in reader comments are those of the author only, and do not "
            "reflect the opinions of the Harbour Post.",
            _QUOTE,
            False,
        ),
        (
            "Harbour Post moderates comments to keep the conversation informed and civil. "
            "Comments that are abusive or off-topic will be removed.",
            _QUOTE,
            False,
        ),
        (
            "We ask that you keep your comments respectful. Comments that break our rules will "
            "be deleted without warning.",
            _QUOTE,
            False,
        ),
        (
            "El contenido de los comentarios es la opinión de los usuarios. El periódico se "
            "reserva el derecho de eliminar cualquier comentario inapropiado.",
            _QUOTE,
            False,
        ),
        # a cookie banner, inside it
        (
            "We use cookies to improve our service for you. You can find more information in "
            "our data protection declaration.",
            _COOKIE_STORY,
            True,
        ),
        (
            "By continuing to browse this site, you accept the use of cookies to offer you "
            "content and services suited to your interests.",
            _COOKIE_STORY,
            True,
        ),
        (
            "Wir verwenden Cookies, um unsere Website zu verbessern. Mit der weiteren Nutzung "
            "unserer Seite stimmen Sie dem zu.",
            _COOKIE_STORY,
            True,
        ),
        # signing in to comment, the authors' responsibility for comments
        (
            "Para poder comentar tenés que ingresar con tu usuario.",
            _QUOTE,
            False,
        ),
        (
            "Los comentarios publicados son de exclusiva responsabilidad de sus autores.",
            _QUOTE,
            False,
        ),
        # a plea: the ad blocker, a membership with its price
        (
            "Using an ad blocker? We depend on ads to pay our reporters; please turn it off.",
            _QUOTE,
            True,
        ),
        (
            "Consider supporting our work by becoming a member for as little as $5 a month.",
            _QUOTE,
            False,
        ),
        # a legal disclaimer, after the article
        (
            "The information on this website is for general information only and does not "
            "constitute legal or other professional advice. We make no representations or "
            "warranties about its accuracy, and any reliance you place on it is at your own risk.",
            _LIABILITY_STORY,
            False,
        ),
        (
            "Through this website you can link to other sites which are not under the control "
            "of the publisher; a link does not imply that we endorse the views expressed there.",
            _LIABILITY_STORY,
            False,
        ),
    ],
)
def test_a_sites_notice_to_its_readers_dropped(notice: str, story: str, inside: bool) -> None:
    article = (
        [P1, P2, notice, P3, story, P4, P5] if inside else [P1, P2, story, *ARTICLE[2:], notice]
    )
    got = body(save(MENU, *article, FOOTER))
    assert_article(got)
    assert story in got
    assert notice not in got


@pytest.mark.parametrize(
    "box",
    [
        "Newsletter\n\n{pitch}\n\nSubscribe\n\n{small_print}",
        # the label last on its line (after a word, an icon's name, a form's token)
        "Weekly Newsletter\n\n{pitch}\n\n{small_print}",
    ],
)
def test_a_newsletter_box_after_the_article_dropped(box: str) -> None:
    pitch = "Get the Harbour Post's best stories of the week delivered to your inbox every Friday."
    small_print = "By signing up, you agree to our Privacy Policy and to receive our emails."
    box = box.format(pitch=pitch, small_print=small_print)
    # A story that mentions subscribers keeps its sentence.
    p6 = "The company said it would offer its subscribers a cheaper winter fare next year."
    got = body(save(MENU, *ARTICLE, p6, box, FOOTER))
    assert_article(got)
    assert p6 in got
    assert pitch not in got and small_print not in got


def test_a_song_without_running_text_is_kept_without_the_page_around_it() -> None:
    # Lyrics: short lines, none of them a sentence, so no running text on the
    # page at all; they still stand out from the menus, the other songs and
    # the footer around them.
    menu = "\n".join(f"  * {m} <https://lyrics.example/{m.lower()}/>" for m in MENU.split("\n"))
    places = ("harbour", "north pier", "lighthouse", "boatyard", "island", "mainland")
    times = ("in the rain", "before the dawn", "when the lights go out", "as the tide comes in",
             "on a Sunday morning", "with a letter in my hand")  # fmt: skip
    verses = [
        [f"I walked down to the {p} {t}" for p in places] for t in times
    ]  # six verses of six lines
    chorus = [
        "Oh the ferry, the ferry",
        "Bring my darling back to me",
        "Over the grey and the cold",
    ]
    song = "\n".join(line for verse in verses for line in [*verse, "Chorus:", *chorus])
    others = "\n".join(
        f"“{t}” Lyrics : The Harbour Band <https://lyrics.example/{k}/>"
        for k, t in enumerate(("Low Tide", "North Pier", "Winter Crossing", "Lighthouse"))
    )
    footer = "© 2031 All The Lyrics | Contact Us\n114 views"
    got = body(
        save(menu, "Ferry Song Lyrics : The Harbour Band", song, "Popular posts", others, footer)
    )
    assert "Bring my darling back to me" in got and "the boatyard before the dawn" in got
    assert "Low Tide" not in got and "Contact Us" not in got and "114 views" not in got


def test_a_gallery_in_the_middle_of_the_article_does_not_cut_it() -> None:
    # Fifty slides between two parts of the article: each "k/50" headline,
    # a caption and a credit, with the gallery's separators.
    slides = ["Business news in pictures\n  *\n  *\n  *\n50 show all"]
    for k in range(1, 51):
        slides.append(
            f"{k}/50 Harbour works, part {k}\n"
            f"Workers lifted concrete block number {k} onto the new breakwater on Tuesday.\n"
            "GETTY IMAGES\n  *"
        )
    menu = "\n".join(f"  * {m} <https://harbour.example/{m.lower()}/>" for m in MENU.split("\n"))
    more = "\n".join(
        f"  * Harbour story number {k} <https://harbour.example/news/{k}/>" for k in range(30)
    )
    got = body(save(menu, P1, P2, *slides, P3, P4, P5, "More news", more, FOOTER))
    assert_article(got)
    assert "concrete block number" not in got


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


_TEASERS = [
    ("Island school to close its doors", "The school on the smallest island has taught its last"),
    (
        "Storm cuts power to three villages",
        "Engineers worked through the night to restore the lines,",
    ),
    (
        "Why the ferry subsidy keeps growing",
        "Every year the council pays a little more for the same",
    ),
    (
        "The best walks on the northern islands",
        "From the lighthouse to the old quarry, these are the",
    ),
]


@pytest.mark.parametrize("tail", ["…", "... Read more", "[…] Weiterlesen"])
def test_a_feed_of_cut_off_teasers_dropped(tail: str) -> None:
    feed = [f"{head}\n{summary}{tail}" for head, summary in _TEASERS]
    # cards for other stories set between the paragraphs, and a feed after them
    got = body(
        save(
            MENU,
            "Ferry operator orders two new boats",
            P1,
            feed[0],
            P2,
            P3,
            feed[1],
            P4,
            P5,
            *feed[2:],
            FOOTER,
        )
    )
    assert_article(got)
    for head, summary in _TEASERS:
        assert head not in got and summary not in got


def test_a_sentence_that_trails_off_is_kept() -> None:
    trailing = "The skipper looked at the sky and said that the new boats would have to wait…"
    got = body(save(MENU, "Ferry operator orders two new boats", P1, trailing, P2, P3, P4, FOOTER))
    assert trailing in got


def test_a_dated_headline_starts_the_article_after_a_sites_introduction() -> None:
    # The site's introduction (running text too) just above the article: the
    # headline as a browser's save writes it, with its date under it, is
    # where the article starts.
    intro = (
        "The Harbour Post is written by a group of volunteers who live on the islands and "
        "who wanted a paper that covers the ferries, the schools and the council in detail.",
        "Anyone may write for us: send your story to the editors, who read every piece and "
        "answer within the week, whether or not it is published in the end.",
    )
    got = body(
        save(
            MENU,
            "\n  About us",
            *intro,
            "\n\n  Ferry operator orders two new boats",
            "Published on 12 March 2031",
            *ARTICLE,
            FOOTER,
        )
    )
    assert_article(got)
    assert "volunteers" not in got and "send your story" not in got


def test_a_page_kept_whole_drops_what_is_chrome_by_what_it_says() -> None:
    rights = "All rights reserved. No part of this page may be reproduced."
    # a note with no running text, and a document with hardly a link
    note = extract_text(save("Shopping", "Milk, eggs and bread.", "Call the plumber.", rights))[1]
    assert [b.text for b in note] == ["Milk, eggs and bread.", "Call the plumber."]
    doc = body(save("Timetable notes", P1, "Tags: Ferries, Timetables", P2, P3, rights))
    assert P1 in doc and P3 in doc
    assert "Tags:" not in doc and rights not in doc


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


def test_a_drop_down_flattened_into_one_line_is_not_running_text() -> None:
    # A category menu's entries written as one long line: Title Case, no
    # sentence in it, some "and"s and "of"s in the names.
    names = [
        "Arts and Culture", "Books of the Week", "Business and Money", "Food and Drink",
        "Health and Care", "History of the Islands", "Law and Order", "Life on the Coast",
        "Politics and Power", "Science and Nature", "Sport on the Islands", "The Harbour",
        "Travel and Ferries", "Weather and Tides", "World and Nation", "Letters to the Editor",
    ]  # fmt: skip
    drop_down = "Select Category " + " ".join(names)
    got = body(save(MENU, drop_down, "Ferry operator orders two new boats", P1, P2, P3, FOOTER))
    assert "Select Category" not in got
    assert P1 in got and P3 in got
