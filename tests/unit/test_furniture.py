"""A page's furniture, told by what a line says, goes on both paths: inside
the article's markup (HTML) and between its paragraphs (text saves); a
story's sentence that uses the same words stays."""

from __future__ import annotations

import pytest
from test_html_quality import page, para
from text_save_pages import ARTICLE, FOOTER, MENU, P1, P2, P3, P4, P5, save

from margin.ingest.html import extract_html
from margin.ingest.text import extract_text

FURNITURE = [
    "Topics:",
    "Tags: Ferries, Islands, Transport",
    "Filed under: Ports, Shipping, Weather",
    "Schlagwörter: Fähren, Inseln",
    "Compartir Facebook WhatsApp",
    "Teilen Facebook Twitter E-Mail",
    "DOWNLOAD OUR APP BY CLICKING HERE",
    "WATCH: The ferry arrives in a storm",
    "Photo: Jane Roe, Reuters",
    "Photograph: Dan Kitwood/Getty Images",
    "(Foto: Hersteller)",
    "How to cite this article: Roe, J. (2031). Ferry orders. Harbour Post. Retrieved 12 March"
    " 2031 from https://harbour.example/ferry",
    "© 2031 Harbour Post",
    "All rights reserved. No part of this article may be reproduced without permission.",
    "This material may not be published, broadcast, rewritten or redistributed.",
    "Read more",
    "Read on The Harbour Post",
    "14 min read",
    "Reading time: 6 minutes",
    "Content on this site is available under a Creative Commons license.",
    "A version of this article appears in print on March 13, 2031, on Page A7.",
    "42",
]
# Sentences of a story that use the same words.
STORY = [
    "Topics: the council discussed the ferries, the schools and the harbour for three hours.",
    "The minister said a share of the tax, which Facebook and WhatsApp pay, would go to the islands.",
    "Residents can download the new timetable from the council's site or click through to it.",
    "The old charter says all rights reserved to the harbour board pass to the town in 2040.",
]


def html_body(*inner: str) -> str:
    html = page(
        "<article><h1>Valley committee weighs the reservoir plan</h1>"
        f"{para(1)}{para(2)}{''.join(inner)}{para(3)}{para(4)}</article>"
    )
    return "\n\n".join(b.text for b in extract_html(html)[1])


def text_body(*inner: str) -> str:
    text = save(MENU, "Ferry operator orders two new boats", P1, P2, *inner, P3, P4, P5, FOOTER)
    return "\n\n".join(b.text for b in extract_text(text)[1])


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_inside_the_html_article_removed(line: str) -> None:
    text = html_body(f"<p>{line}</p>")
    assert "Paragraph 2" in text and "Paragraph 3" in text
    assert line not in text


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_between_a_text_saves_paragraphs_dropped(line: str) -> None:
    got = text_body(line)
    for para_text in ARTICLE:
        assert para_text in got
    assert line not in got.split("\n\n")


@pytest.mark.parametrize("line", STORY)
def test_a_storys_sentence_with_the_same_words_kept(line: str) -> None:
    assert line in html_body(f"<p>{line}</p>")
    assert line in text_body(line)


def test_a_heading_in_capitals_that_calls_for_nothing_kept() -> None:
    heading = "WHAT THE COUNCIL WANTS FROM THE NEW FERRY COMPANY"
    assert heading in html_body(f"<h2>{heading}</h2>")


def test_a_number_heading_its_section_kept() -> None:
    text = html_body(
        "<h3>1775</h3><p>The village had forty houses then, and a mill on the river.</p>"
    )
    assert "1775" in text.split("\n\n")


HEADLINES = [
    "Island school to close its doors after ninety years",
    "Storm cuts power to three villages on the west coast",
    "Why the ferry subsidy keeps growing every year",
]
LABELS = ["From our partners", "Sponsored", "Most read", "More from The Harbour Post", "Lire aussi"]


@pytest.mark.parametrize("label", LABELS)
def test_a_labelled_block_of_other_stories_inside_the_html_article_removed(label: str) -> None:
    items = "".join(
        f"<li><a href='https://harbour.example/{k}'>{h}</a></li>" for k, h in enumerate(HEADLINES)
    )
    text = html_body(f"<h3>{label}</h3><ul>{items}</ul>")
    assert "Paragraph 2" in text and "Paragraph 3" in text
    assert label not in text and not any(h in text for h in HEADLINES)


@pytest.mark.parametrize("label", LABELS)
def test_a_labelled_block_of_other_stories_between_a_text_saves_paragraphs_dropped(
    label: str,
) -> None:
    got = text_body("\n".join([label, *HEADLINES]))
    for para_text in ARTICLE:
        assert para_text in got
    assert label not in got and not any(h in got for h in HEADLINES)


def test_the_articles_own_heading_after_a_block_of_other_stories_kept() -> None:
    # The block ends where two blank lines set a heading of the article's own apart.
    heading = "What the council wants from the ferry company"
    text = save(
        MENU,
        "Ferry operator orders two new boats",
        P1,
        P2,
        "\n".join(["Most read", *HEADLINES]),
        f"\n\n{heading}",
        P3,
        P4,
        P5,
        FOOTER,
    )
    got = "\n\n".join(b.text for b in extract_text(text)[1])
    assert heading in got and P3 in got
    assert not any(h in got for h in HEADLINES)


KICKED = [
    ("ISLAND LIFE", "Storm cuts power to three villages on the west coast"),
    ("OPINION", "Why the ferry subsidy keeps growing every year"),
    ("TRAVEL", "The best walks on the northern islands"),
]


def test_other_stories_kickers_and_headlines_removed_on_both_paths() -> None:
    # A kicker in capitals over each headline, a comment count under it.
    html = "".join(f"<p>{k}</p><h3>{h}</h3><p>{n}</p>" for n, (k, h) in enumerate(KICKED, 4))
    lines = "\n".join(f"{k}\n{h}\n{n}" for n, (k, h) in enumerate(KICKED, 4))
    for got in (html_body(html), text_body(lines)):
        assert "Paragraph 2" in got or P2 in got
        assert not any(k in got or h in got for k, h in KICKED)


def test_a_sections_kicker_and_title_over_its_text_kept() -> None:
    text = html_body("<p>PART TWO</p><h2>The long winter on the islands</h2>")
    assert "PART TWO" in text and "The long winter on the islands" in text


def test_a_hover_card_glued_into_a_sentence_removed_on_both_paths() -> None:
    glued = (
        "The bill was written by Sen. Jane RoeJane RoeBudget talks stall as the ferry subsidy "
        "row deepens … who said on Monday that the islands would not be forgotten."
    )
    clean = "The bill was written by Sen. Jane Roe who said on Monday that the islands would not be forgotten."
    assert clean in html_body(f"<p>{glued}</p>")
    assert clean in text_body(glued)
