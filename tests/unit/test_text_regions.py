"""Text saves: the article's region, never the whole wrong one.

A short article (three paragraphs, a recipe of short lines) must not lose to
a longer run of other text on the same page: a legal disclaimer, one long
reader comment, a feed of other stories' summaries. Every page here is
written for the test; each pins one kind of page where the reader would
otherwise see no line of the article.
"""

from __future__ import annotations

import pytest
from text_save_pages import MENU, P1, P2, P3, body, save
from text_save_pages import firefox_wrap as firefox

from margin.ingest.text import extract_text

SHORT_ARTICLE = [P1, P2, P3]
HEADLINE = "Ferry operator orders two new boats for the islands"
# A long index of the site's sections: far enough from the article that what
# comes after it is a region of its own.
SECTIONS = "\n".join(f"Section {k}" for k in range(50))
LEGAL = (
    "The information contained on this website is provided for general information "
    "purposes only and does not constitute legal, financial or professional advice of "
    "any kind. While we endeavour to keep the information up to date and correct, we make "
    "no representations or warranties of any kind, express or implied, about the "
    "completeness, accuracy, reliability, suitability or availability with respect to "
    "the website or the information, products, services, or related graphics contained "
    "on the website for any purpose. Any reliance you place on such information is "
    "therefore strictly at your own risk. In no event will we be liable for any loss or "
    "damage including without limitation, indirect or consequential loss or damage, or "
    "any loss or damage whatsoever arising from loss of data or profits arising out of, "
    "or in connection with, the use of this website. Through this website you are able "
    "to link to other websites which are not under our control, and we have no control "
    "over the nature, content and availability of those sites. The inclusion of any links "
    "does not necessarily imply a recommendation or endorse the views expressed within them."
)


def firefox_menu(items: list[str]) -> str:
    return "\n".join(f"  * {m} <https://harbour.example/{k}/>" for k, m in enumerate(items))


def h1(text: str) -> str:
    """A top-level heading as Firefox's save writes it."""
    return f"\n\n  {text}"


def assert_short_article(got: str) -> None:
    for para in SHORT_ARTICLE:
        assert para in got, para[:40]


def assert_only_the_article(text: str, *others: str) -> None:
    """The save's body holds the short article and none of ``others``."""
    got = body(text)
    assert_short_article(got)
    for other in others:
        assert other not in got, other


def test_short_dated_article_outweighs_a_longer_legal_disclaimer_far_below() -> None:
    # A copy-paste: the headline with its byline and date under it is where
    # the article starts, however much more the footer's disclaimer weighs.
    disclaimer = [LEGAL, LEGAL.replace("website", "site").replace("information", "material")]
    got = body(
        save(MENU, f"{HEADLINE}\nBy Jane Roe\n12 March 2031", *SHORT_ARTICLE, SECTIONS, *disclaimer)
    )
    assert_short_article(got)
    assert "general information purposes" not in got


def test_short_dated_article_outweighs_a_feed_of_summaries_far_below() -> None:
    feed = []
    for topic in ("harbour", "school", "bridge", "library", "market", "pier"):
        feed.append(f"Council report on the {topic} is published early")
        feed.append(
            f"The long-awaited report on the {topic} was published on Tuesday, and it says "
            f"that the work on the {topic} should be finished before the end of the year, "
            "with the cost shared between the council and the government."
        )
    got = body(
        save(
            MENU,
            f"{HEADLINE}\nBy Jane Roe\n12 March 2031",
            *SHORT_ARTICLE,
            SECTIONS,
            "Latest news",
            *feed,
        )
    )
    assert_short_article(got)
    assert "long-awaited report" not in got


def test_article_under_the_saves_headline_outweighs_one_long_comment_far_below() -> None:
    comment = " ".join(
        [
            P3.replace("boats", "buses"),
            P1.replace("ferry", "bus"),
            P2.replace("Residents", "People"),
        ]
        * 2
    )
    menu = firefox_menu([f"Section {k}" for k in range(50)])
    text = save(
        firefox_menu(MENU.split("\n")),
        h1(HEADLINE),
        "By Jane Roe\n12 March 2031",
        *map(firefox, SHORT_ARTICLE),
        menu,
        "Mary Smith says:\n14 March 2031 at 10:12 am",
        *(firefox(f"{comment} That is what I saw in week {k}.") for k in range(3)),
        "Reply",
    )
    assert_only_the_article(text, "buses")


def test_headline_naming_a_date_is_still_the_headline() -> None:
    # "... on 19 August" makes the headline look like a date line; it is the
    # page's one top-level heading all the same.
    text = save(
        firefox_menu(MENU.split("\n")),
        h1("Ferry festival returns to the harbour on 19 August"),
        "By Jane Roe",
        *map(firefox, SHORT_ARTICLE),
        firefox_menu([f"Section {k}" for k in range(50)]),
        *map(firefox, [LEGAL, LEGAL.replace("website", "site")]),
    )
    assert_only_the_article(text, "general information purposes")


def test_the_whole_page_title_again_in_the_footer_is_no_headline() -> None:
    # The page title on the first line, written again whole at the foot of
    # the page (over a newsletter pitch), says nothing of where the article
    # starts: a headline repeats a part of it.
    title = f"{HEADLINE} - Harbour Post"
    pitch = (
        "Give us your email address so that we can keep you up to date with news, updates "
        "and the latest offers from the whole of the islands and from the mainland too."
    )
    got = body(save(title, MENU, *SHORT_ARTICLE, SECTIONS, title, pitch))
    assert_short_article(got)
    assert "email address" not in got


REPLY_FORMS = {
    "en": [
        "Leave a Reply",
        "Your email address will not be published.",
        "Comment",
        "Name *",
        "Email *",
        "Website",
    ],
    "de": ["Schreibe einen Kommentar", "Kommentar", "Name *", "E-Mail *", "Website"],
    "fr": ["Laisser un commentaire", "Commentaire", "Nom *", "Adresse de messagerie *", "Site web"],
    "required": [
        "Antworten",
        "Name (required)",
        "Mail (will not be published) (required)",
        "Website",
    ],
}
# A sidebar box: a party's programme, heading by heading, longer than the
# article above it.
PROGRAMME = [
    line
    for k, topic in enumerate(("schools", "roads", "harbours", "clinics", "libraries", "parks"))
    for line in (
        f"Better {topic}",
        f"We want the {topic} of the islands to be funded by the region and run by the "
        f"towns, with a budget that is set for five years at a time and published in full "
        f"every spring, so that everyone can see where the money for the {topic} goes.",
    )
]


@pytest.mark.parametrize("language", sorted(REPLY_FORMS))
def test_what_follows_a_reply_form_is_not_the_article(language: str) -> None:
    form = "\n".join(REPLY_FORMS[language])
    got = body(save(MENU, HEADLINE, *SHORT_ARTICLE, form, "Our programme", *PROGRAMME, MENU))
    assert_short_article(got)
    assert "funded by the region" not in got
    assert "Website" not in got and "Name *" not in got


def test_a_recipe_of_short_lines_ends_at_its_reply_form() -> None:
    recipe = SHORT_LINE_ARTICLES["recipe"]
    sidebar = "Categories\nDesserts\nBiscuits\nSoups\nArchive\nDecember 2031\nNovember 2031"
    form = "\n".join(REPLY_FORMS["de"])
    got = body(save("Almond biscuits", *recipe, form, sidebar))
    assert "100 g ground almonds" in got and "Bake for 15 minutes" in got
    assert "Biscuits" not in got.split("Bake for 15")[1] and "November 2031" not in got


def test_a_sign_in_form_above_the_article_does_not_end_it() -> None:
    # E-mail and password fields are no reply form: the article after them stays.
    sign_in = "Sign in\nEmail\nPassword\nForgot your password?"
    got = body(save(MENU, sign_in, HEADLINE, *SHORT_ARTICLE, MENU))
    assert_short_article(got)


def _numbered_comments() -> list[str]:
    """Readers' comments, numbered, each signed under its text."""
    out = []
    for k, (name, topic) in enumerate((("Ann", "ferry"), ("Rob", "bus"), ("Sue", "pier")), 1):
        out.append(f" {k}.")
        out.append(
            firefox(
                f"    I have used the {topic} for twenty years and I can tell you that it has "
                "never been as unreliable as it was last winter, when we waited for hours in "
                f"the cold and nobody from the company came to tell us anything about the {topic}."
            )
        )
        out.append(f"    Comment by {name} — posted in the evening")
    return out


@pytest.mark.parametrize(
    "heading",
    [
        h1("  3 Comments » <https://harbour.example/story#comments>"),
        f"3 thoughts on “{HEADLINE}”",
        f"3 Gedanken zu „{HEADLINE}“",
    ],
    ids=["linked-heading", "thoughts-on", "gedanken-zu"],
)
def test_comments_under_a_heading_that_links_or_names_the_article_dropped(heading: str) -> None:
    text = save(
        firefox_menu(MENU.split("\n")),
        h1(HEADLINE),
        *map(firefox, SHORT_ARTICLE),
        heading,
        *_numbered_comments(),
        firefox_menu(["About", "Contact", "Imprint"]),
    )
    assert_only_the_article(text, "twenty years")


def test_categories_with_their_counts_flattened_into_one_line_dropped() -> None:
    # A drop-down of the site's categories written as one long line: more
    # words than a paragraph, with function words in its entries' names.
    entries = [
        "arts and culture", "books of the year", "business and the economy",
        "climate and the weather", "community events in the town", "education and the schools",
        "ferries and transport", "food and drink", "health and care", "housing and planning",
        "island life", "local politics and the council", "opinion and letters",
    ]  # fmt: skip
    categories = "Select Category " + " ".join(f"{e} ({k + 3})" for k, e in enumerate(entries))
    got = body(save(MENU, HEADLINE, *SHORT_ARTICLE, "Categories", categories, MENU))
    assert_short_article(got)
    assert "Select Category" not in got and "island life" not in got


def _legal_far_below() -> list[str]:
    return [
        firefox_menu([f"Section {k}" for k in range(50)]),
        *map(firefox, [LEGAL, LEGAL.replace("website", "site"), LEGAL.replace("any", "all")]),
    ]


def test_a_dated_heading_outweighs_the_sites_name_as_the_top_heading() -> None:
    # The site's name is the page's top-level heading; the article's headline
    # is a second-level one, with its standfirst and its date under it.
    text = save(
        h1("Harbour Post"),
        firefox_menu(MENU.split("\n")),
        f"\n\n    {HEADLINE}",
        "Two boats, three years, and a subsidy saved.",
        "12 March 2031",
        *map(firefox, SHORT_ARTICLE),
        *_legal_far_below(),
    )
    assert_only_the_article(text, "general information purposes")


def test_other_stories_each_with_its_date_are_no_headline() -> None:
    # Two other stories, each a heading with its date and summary, far
    # below an article under an undated headline: the article stays, though
    # one of the headings is not a link and so looks like a headline.
    stories = []
    for k, topic in enumerate(("harbour", "school")):
        link = f" <https://harbour.example/{topic}/>" if k else ""
        stories += [
            f"\n\n      The {topic} report is out{link}",
            f"{k + 3} March 2031",
            firefox(
                f"The long-awaited report on the {topic} was published on Tuesday, and it says "
                f"that the work on the {topic} should be finished before the end of the year, "
                "with the cost shared between the council and the government, which has not "
                "yet said how much of it will come from the fund for the islands."
            ),
        ]
    text = save(
        firefox_menu(MENU.split("\n")),
        h1(HEADLINE),
        *map(firefox, SHORT_ARTICLE),
        firefox_menu([f"Section {k}" for k in range(50)]),
        *stories,
    )
    assert_only_the_article(text, "long-awaited report")


def test_the_top_heading_with_text_under_it_outweighs_the_sites_name_as_another() -> None:
    # Two top-level headings, neither dated: the site's name over its menus
    # and the article's headline over its text. Only the second leads into
    # running text.
    text = save(
        firefox_menu(["Skip to content", "Accessibility help"]),
        h1("Harbour Post"),
        firefox_menu(MENU.split("\n")),
        h1(HEADLINE),
        *map(firefox, SHORT_ARTICLE),
        *_legal_far_below(),
    )
    assert_only_the_article(text, "general information purposes")


def test_a_landing_page_keeps_its_short_sections_under_its_headline() -> None:
    # No stretch of running text long enough to be a piece of article: an
    # introduction and short sections, each a heading, a few sentences and
    # the buttons of a slide show. All of them are the page's text, not only
    # the densest.
    features = {
        "Timetables": "See every crossing of the week at a glance, and plan your trip to the "
        "islands before you leave home.",
        "Tickets": "Buy your ticket on the boat or online before you board, and remember that "
        "children under five travel free.",
        "Cabins": "Book a cabin for the night crossing to the north, where each of the cabins "
        "sleeps up to four people.",
        "Cars": "Bring your car on the larger boats in the summer, and book a place on the "
        "car deck in good time.",
    }
    sections = []
    for name, text in features.items():
        sections += [f"\n\n      {name}", text, "Next\nBack"]
    text = save(
        firefox_menu(["Skip to content", "Accessibility help"]),
        firefox_menu(MENU.split("\n")),
        h1("Travel with the island ferries"),
        "Everything you need for your crossing to the islands is here, in one place: the "
        "times of the boats, the prices of the tickets, and what you may take on board.",
        *sections,
        firefox_menu([f"Footer link {k}" for k in range(12)]),
    )
    got = body(text)
    for kept in features.values():
        assert kept in got


SHORT_LINE_ARTICLES = {
    "recipe": [
        "Preparation: 25 minutes",
        "Ingredients:",
        "300 g flour\n1 tsp baking powder\n100 g ground almonds\n200 g butter\n200 g sugar",
        "Method:",
        "Mix everything into a smooth dough.\nRoll it out and cut out the biscuits.\n"
        "Bake for 15 minutes until golden.",
    ],
    "meal plan": [
        "Monday: porridge with apples\nTuesday: lentil soup and bread\n"
        "Wednesday: baked potatoes with cheese\nThursday: fish pie with peas\n"
        "Friday: vegetable curry and rice\nSaturday: pancakes for everyone",
    ],
}


@pytest.mark.parametrize("kind", sorted(SHORT_LINE_ARTICLES))
def test_an_article_of_short_lines_outweighs_one_long_comment_far_below(kind: str) -> None:
    # No running text under the headline, only short lines: they are the
    # article, not the reader's comment that is the page's longest text.
    comment = " ".join([P3, P1, P2]).replace("boats", "buses")
    text = save(
        firefox_menu(MENU.split("\n")),
        h1("Almond biscuits for the winter"),
        "By Jane Roe\n12 March 2031",
        *SHORT_LINE_ARTICLES[kind],
        firefox_menu([f"Section {k}" for k in range(50)]),
        "Mary Smith says:\n14 March 2031 at 10:12 am",
        *(firefox(f"{comment} That was week {k}.") for k in range(2)),
        "Reply",
    )
    meta, blocks = extract_text(text)
    got = "\n".join(b.text for b in blocks)
    for part in SHORT_LINE_ARTICLES[kind]:
        for line in part.split("\n"):
            assert line in got
    assert "buses" not in got and "Section 3" not in got
    assert meta.title == "Almond biscuits for the winter"
