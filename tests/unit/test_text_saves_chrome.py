"""Plain-text saves: the page's chrome is removed by its shape (menus,
related stories, notices, comments, teasers, galleries), at the top, in
the middle or at the end of the body, and a story with the same words stays."""

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
    assert_article,
    body,
    islander_comment,
    save,
)

from margin.ingest.text import extract_text


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


def test_comments_after_the_article_dropped() -> None:
    comments = ["Share this:\nFacebook\nTwitter\nEmail", "There are 4 comments"]
    for name, day in (("Ann Mills", 3), ("Rob Kerr", 4), ("Sue Tan", 5), ("Li Wei", 6)):
        comments.append(f"{name} · March {day}, 2031 at 9:{day}0 AM")
        comments.append(islander_comment(day))
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
        comments.append(islander_comment(n))
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


@pytest.mark.parametrize(
    "heading", ["3 Comments", "Reader Comments (3)", "Comentarios", "Kommentare"]
)
def test_comments_under_a_comments_heading_dropped(heading: str) -> None:
    # Comments without dates to tell them by: the heading over them says it.
    comments = [heading, "Show: Newest First"]
    for name, n in (("Richard", 3), ("Eagle 4", 4), ("SalinaDave", 5)):
        comments.append(name)
        comments.append(islander_comment(n))
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


def test_long_headline_repeated_through_the_page_dropped() -> None:
    # A sponsored story's headline, shown under each section of the page.
    promo = "The Gear and Apps You Need to Survive the Next Winter Season"
    got = body(save(MENU, P1, promo, P2, P3, promo, P4, P5, promo, FOOTER))
    assert_article(got)
    assert promo not in got


def test_link_urls_of_any_scheme_dropped() -> None:
    from margin.ingest.text.logical_lines import logical_lines

    text = "Share on WhatsApp <whatsapp://send?text=Ferry%20boats%20ordered>\n"
    assert [ln.text for ln in logical_lines(text)] == ["Share on WhatsApp"]


def test_bare_image_file_names_dropped() -> None:
    # An image without alt text is saved as its file name: not text.
    got = body(save(MENU, P1, P2, "harbour-ferry_2031.JPG", P3, P4, P5, FOOTER))
    assert_article(got)
    assert "harbour-ferry" not in got
    # A page of headings and images only: the headings are all there is.
    got = body(save("\n    Crossing one", "pier.jpg", "\n    Crossing two", "pier.jpg"))
    assert "Crossing one" in got and "Crossing two" in got and "pier" not in got


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
