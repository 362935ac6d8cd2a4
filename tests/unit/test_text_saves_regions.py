"""Plain-text saves: the region of the page that is the article is the one
kept, however long the other runs of text on the page are."""

from __future__ import annotations

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
    firefox_wrap,
    linked,
    save,
)

from margin.ingest.text import extract_text


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


def test_teasers_written_as_links_not_taken_for_the_article() -> None:
    # Other stories' teasers: each a sentence-long summary that is all link
    # text, more of them than the article has paragraphs.
    teasers = [
        linked(
            f"Story {k}: the regional council said on Tuesday that it would review the "
            "timetable for the northern ferries again before the end of the year",
            k,
        )
        for k in range(8)
    ]
    menu = "\n".join(linked(m, k) for k, m in enumerate(MENU.split("\n")))
    got = body(save(menu, *ARTICLE, "\n\n    More stories", *teasers, FOOTER))
    assert_article(got)
    assert "Story 3" not in got


def test_document_with_few_links_kept_whole() -> None:
    # A page that is all document (a specification, a set of notes): short
    # headings, formulas and one-line notes between the paragraphs are part
    # of it, however little running text each stretch has.
    text = save(
        "Timetable notes",
        linked("Harbour Post", 0),
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


def test_lead_above_a_table_of_contents_kept() -> None:
    # A browser's save: the headline, a lead paragraph, then a table of
    # contents (link lines) before the sections: the lead is the article's.
    contents = "\n".join(
        f"  * {k} {name} <https://harbour.example/#s{k}>"
        for k, name in enumerate(
            ("History", "Routes", "Boats", "Crews", "Fares", "Timetable", "Winter", "Notes"), 1
        )
    )
    menu = "\n".join(linked(m, k) for k, m in enumerate(MENU.split("\n")))
    text = save(
        menu,
        "\n  Northern Ferries",
        firefox_wrap(P1 + " " + P2),
        "Contents",
        contents,
        *(firefox_wrap(p) for p in (P3, P4, P5, P3.replace("new boats", "ferries"))),
        "\n".join(linked(f, k) for k, f in enumerate(FOOTER.split("\n"))),
    )
    got = body(text)
    for para in (P1, P2, P3, P4, P5):
        assert para in got
    assert "Timetable" not in got.replace("timetable", "")


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
    menu = "\n".join(linked(m, k) for k, m in enumerate(MENU.split("\n")))
    links = "\n".join(linked(f"Harbour link {k}", k) for k in range(6))
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
    more = "\n".join(linked(f"  * Section {k}", k) for k in range(45))
    second = [p.replace("the ", "the new ") for p in (P1, P2, P3)]
    got = body(save(MENU, P1, P2, P3, P4, player, P5, *second, more, *notice))
    for para in (*ARTICLE, *second):
        assert para in got
    assert "ad blocker" not in got


def test_long_list_of_notes_after_the_article_kept_to_its_end() -> None:
    # Notes under the article: the first are long enough to count as
    # running text, the rest are short references; the list is one piece.
    notes = [f" {k}. ^ {p}" for k, p in enumerate((P1, P2, P3, P4), 1)]
    notes += [
        f" {k}. ^ {linked(f'Harbour Post Ferry Report {k}', k)}, Page {k + 3}."
        for k in range(5, 30)
    ]
    menu = "\n".join(linked(f"{m} Section Front Page", k) for k, m in enumerate(MENU.split("\n")))
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
        linked(f"  * Island Council Votes On Harbour Plan Number {k}", k) for k in range(6)
    ]
    menu = "\n".join(linked(f"{m} Section Front Page", k) for k, m in enumerate(MENU.split("\n")))
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
    menu = "\n".join(linked(m, k) for k, m in enumerate(MENU.split("\n")))
    related = "\n".join(
        linked(f"  * Island Council Votes On Harbour Plan {k}", k) for k in range(8)
    )
    footer = "\n".join(linked(m, k) for k, m in enumerate(FOOTER.split("\n")))
    got = body(save(menu, "\n\n  Ferry operator orders two new boats", *sections, related, footer))
    assert_article(got)
    assert "Council Votes" not in got and "Careers" not in got and "Subscribe" not in got


def test_teasers_with_linked_headlines_over_summaries_not_taken_for_the_article() -> None:
    teasers = []
    for k, topic in enumerate(("harbour", "school", "bridge", "library", "market", "pier")):
        teasers.append(linked(f"\n    Council Report On The {topic.title()} Is Out", k))
        teasers.append(
            f"The long-awaited report on the {topic} was published on Tuesday, and it says "
            "that the work should be finished before the end of the year, and that the "
            "council will pay for most of it out of the harbour fund."
        )
    menu = "\n".join(linked(m, k) for k, m in enumerate(MENU.split("\n")))
    got = body(
        save(menu, "\n\n  Ferry operator orders two new boats", P1, P2, P3, *teasers, FOOTER)
    )
    for para in (P1, P2, P3):
        assert para in got
    assert "long-awaited report" not in got


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


def test_a_caption_set_as_a_heading_does_not_cut_off_the_lead() -> None:
    # A blog that sets a picture's caption as a top-level heading, right after
    # the first paragraph: a sentence, not the article's headline.
    caption = "\n\n  /Passengers wait for the morning ferry at the north pier./"
    got = body(save(MENU, P1, caption, P2, P3, P4, P5, FOOTER))
    assert_article(got)


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
