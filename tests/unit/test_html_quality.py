"""Extraction quality: each failure mode of readability-lxml that margin fixes,
pinned by a small page built here (never a copied real page)."""

from __future__ import annotations

from dataclasses import fields

import pytest

from margin.ingest.datelines import clean_byline
from margin.ingest.html import extract_html
from margin.model import Metadata

LOREM = (
    "The committee met on Tuesday to weigh the proposal, and its members argued "
    "for several hours about the cost, the schedule and the likely effect on the "
    "residents of the valley, who had written hundreds of letters about it. "
)


def para(n: int) -> str:
    return f"<p>{LOREM}Paragraph {n} adds its own detail, with a number: {n * 17}.</p>"


def page(body: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Valley committee weighs the reservoir plan | The Gazette</title>"
        f"{head}</head><body>{body}</body></html>"
    )


def text_of(html: str) -> tuple[str, str | None]:
    meta, blocks = extract_html(html)
    return "\n\n".join(b.text for b in blocks), meta.byline


def test_share_buttons_removed() -> None:
    html = page(
        "<article><h1>Valley committee weighs the reservoir plan</h1>"
        "<div class='share-tools'><a href='#'>Share on Facebook</a><a href='#'>Tweet</a>"
        "<a href='#'>WhatsApp</a></div>"
        f"{para(1)}{para(2)}<ul class='x'><li><a href='#'>Share</a></li><li><a href='#'>Email</a>"
        f"</li></ul>{para(3)}</article>"
    )
    text, _ = text_of(html)
    assert "Paragraph 3" in text
    for label in ("Share", "Tweet", "WhatsApp", "Email"):
        assert label not in text


def test_related_posts_list_not_chosen_over_the_article() -> None:
    related = "".join(
        f"<div class='related-post'><h3><a href='/p{i}'>Another story number {i} about "
        f"something else entirely</a></h3><p>{LOREM[:150]}</p><span class='share'>Share Tweet</span>"
        "</div>"
        for i in range(8)
    )
    html = page(
        f"<div class='post'>{para(1)}{para(2)}{para(3)}</div>"
        f"<div class='related-posts'><h2>Related</h2>{related}</div>"
    )
    text, _ = text_of(html)
    assert "Paragraph 1" in text and "Paragraph 3" in text
    assert "Another story number" not in text
    assert "Related" not in text


def test_photo_credits_removed_caption_kept() -> None:
    html = page(
        f"<article>{para(1)}<figure><img src='a.jpg' alt=''>"
        "<figcaption>Residents gather at the dam on Monday. "
        "<span class='credit'>Photo: Jane Roe, AP</span></figcaption></figure>"
        f"{para(2)}<figure><img src='b.jpg' alt=''><figcaption>The valley at dawn. "
        f"Photo: John Doe / Reuters</figcaption></figure>{para(3)}</article>"
    )
    text, _ = text_of(html)
    assert "Residents gather at the dam on Monday." in text
    assert "The valley at dawn." in text
    assert "Jane Roe" not in text and "John Doe" not in text and "Photo:" not in text


def test_breadcrumb_dateline_and_updated_lines_removed() -> None:
    html = page(
        "<article><nav class='crumbs'><a href='/'>Home</a> › <a href='/news'>News</a> › "
        "<span>Local</span></nav><h1>Valley committee weighs the reservoir plan</h1>"
        "<p class='meta'>By <a rel='author' href='/a'>Maria Lopez</a> · March 2, 2026 · 6 min read</p>"
        f"<p>Updated March 3, 2026 at 9:14 am</p>{para(1)}{para(2)}{para(3)}</article>"
    )
    text, byline = text_of(html)
    assert byline == "Maria Lopez"
    assert text.startswith("The committee met")
    for chrome in ("Home", "Maria Lopez", "6 min read", "Updated"):
        assert chrome not in text


@pytest.mark.parametrize(
    "date",
    ["12. März 2026", "3 de mayo de 2026", "1er avril 2026", "5 maggio 2026", "2. května 2026"],
)
def test_dateline_in_another_language_removed(date: str) -> None:
    html = page(
        "<article><h1>Valley committee weighs the reservoir plan</h1>"
        f"<p class='meta'>By <a rel='author' href='/a'>Maria Lopez</a> · {date} · 6 min</p>"
        f"{para(1)}{para(2)}{para(3)}</article>"
    )
    text, _ = text_of(html)
    assert text.startswith("The committee met")
    assert date not in text


def test_newsletter_box_and_ad_label_removed() -> None:
    html = page(
        f"<article>{para(1)}<div class='ad-slot'><span>Advertisement</span></div>{para(2)}"
        "<section class='newsletter-signup'><h2>The Morning Brief</h2><p>Our best stories, "
        "every morning.</p><form><input type='email'><button>Subscribe</button></form></section>"
        f"{para(3)}<p>Advertisement</p></article>"
    )
    text, _ = text_of(html)
    assert "Paragraph 3" in text
    assert "Advertisement" not in text
    assert "Morning Brief" not in text and "every morning" not in text


def test_inline_link_named_like_a_share_button_is_kept() -> None:
    html = page(
        f"<article>{para(1)}<p>The mayor said on <a href='https://x.test/m'>Twitter</a> that "
        f"the plan would go ahead, whatever the committee decided next week.</p>{para(2)}</article>"
    )
    text, _ = text_of(html)
    assert "said on Twitter that" in text


def test_embedded_tweet_and_quote_kept() -> None:
    html = page(
        f"<article>{para(1)}<blockquote class='twitter-tweet'><p>We will not let them flood "
        "the valley without a fight, and we will be at the hearing.</p>&mdash; Valley Action "
        f"(@valleyaction)</blockquote>{para(2)}<blockquote><p>Water is the one thing this "
        f"valley has always had.</p></blockquote>{para(3)}</article>"
    )
    text, _ = text_of(html)
    assert "We will not let them flood the valley" in text
    assert "Water is the one thing this valley has always had." in text


def test_hidden_and_aria_hidden_content_removed() -> None:
    html = page(
        f"<article>{para(1)}<div aria-hidden='true'><p>Screen-reader-hidden duplicate "
        f"teaser text that nobody sees.</p></div><div hidden><p>A hidden paywall prompt "
        f"asking for money.</p></div>{para(2)}</article>"
    )
    text, _ = text_of(html)
    assert "Paragraph 2" in text
    assert "teaser" not in text and "paywall" not in text


def test_byline_from_the_dom_prefers_the_name_and_skips_chrome() -> None:
    html = page(
        "<header class='site-header'><div class='author-menu'>Log in</div></header>"
        "<article><div class='byline'>Words by <span itemprop='name'>Ana Ruiz</span> "
        f"&middot; 1 day ago &middot; Share Tweet</div>{para(1)}{para(2)}</article>"
    )
    _, byline = text_of(html)
    assert byline == "Ana Ruiz"


def test_byline_cleaned() -> None:
    assert clean_byline("By Joshua Carter May 20, 2019") == "Joshua Carter"
    assert clean_byline("Dan Smith - Apr 16, 2015 8:02 pm UTC") == "Dan Smith"
    assert clean_byline("Jane Doe • Staff Writer") == "Jane Doe"
    assert clean_byline("by: Laura Oaks") == "Laura Oaks"
    assert clean_byline("Nicola Perri —") == "Nicola Perri"
    assert clean_byline("By Ana Ruiz and Tom Berg") == "Ana Ruiz and Tom Berg"
    assert clean_byline("Updated April 28, 2019 at 6:01 am") is None
    assert clean_byline("Mayday Parade") == "Mayday Parade"
    assert clean_byline("Analysis by Ana Ruiz") == "Ana Ruiz"


@pytest.mark.parametrize(
    "value",
    [
        "Hans Meier · 12. März 2024",
        "Hans Meier, vor 5 Minuten",
        "Hans Meier - 3 de mayo de 2024",
        "Hans Meier | 1er avril 2024",
        "Hans Meier · 5 maggio 2024",
    ],
)
def test_byline_cleaned_of_a_date_in_another_language(value: str) -> None:
    assert clean_byline(value) == "Hans Meier"


def test_metadata_byline_date_site_language() -> None:
    head = (
        "<meta property='og:site_name' content='The Gazette'>"
        "<meta property='article:published_time' content='2026-03-02T08:15:00+01:00'>"
        "<meta name='author' content='By Maria Lopez'>"
    )
    meta, _ = extract_html(page(f"<article>{para(1)}{para(2)}</article>", head))
    assert meta.byline == "Maria Lopez"
    assert meta.site == "The Gazette"
    assert meta.published == "2026-03-02"
    assert meta.lang == "en"


def test_every_field_the_page_states_reaches_the_article(tmp_path) -> None:
    from margin.ingest.pipeline import extract_file

    head = (
        "<meta property='og:site_name' content='The Gazette'>"
        "<meta property='article:published_time' content='2026-03-02T08:15:00+01:00'>"
        "<meta name='author' content='By Maria Lopez'>"
        "<link rel='canonical' href='https://gazette.example/valley'>"
    )
    html = page(f"<article>{para(1)}{para(2)}</article>", head)
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    article = extract_file(tmp_path / "page.html")
    meta, _ = extract_html(html)
    for field in fields(Metadata):
        assert getattr(article, field.name) == getattr(meta, field.name), field.name
    assert meta.url == "https://gazette.example/valley"


def segment(n: int) -> str:
    return (
        f"<div class='story-part'><div class='text'>{para(n)}{para(n + 1)}{para(n + 2)}</div></div>"
    )


def test_captions_between_article_segments_kept() -> None:
    # The article is split into same-class blocks by figures: Readability.js
    # takes the blocks' shared parent, captions and all.
    figure = (
        "<figure><img src='{0}.jpg' alt=''><figcaption>Figure {0}: the dam seen from "
        "the northern ridge in the early morning.</figcaption></figure>"
    )
    body = "".join(segment(10 * i) + figure.format(i) for i in range(1, 5))
    html = page(f"<div class='wrap'>{body}</div><div class='foot'>About us</div>")
    text, _ = text_of(html)
    assert "Paragraph 10 " in text and "Paragraph 42 " in text
    for i in range(1, 5):
        assert f"Figure {i}: the dam seen from the northern ridge" in text


def test_opening_paragraphs_before_a_read_more_block_kept() -> None:
    more = "".join(para(n) for n in range(10, 17))
    html = page(
        "<div class='story-body'><div class='story-intro'><p>The opening paragraph, which "
        "sets out what the committee decided and why it matters to the valley, comes "
        f"first.</p></div>{para(1)}{para(2)}{para(3)}"
        "<div id='read-more'><div class='read-more-link'>Read more</div>"
        f"<div id='read-more-content'>{more}</div></div></div>"
    )
    text, _ = text_of(html)
    assert "The opening paragraph" in text
    assert "Paragraph 1 " in text and "Paragraph 16 " in text


def test_link_list_inside_the_article_kept() -> None:
    links = "".join(
        f"<li><a href='https://x.test/{i}'>Report number {i} on the reservoir</a></li>"
        for i in range(6)
    )
    html = page(
        f"<article>{para(1)}{para(2)}<p>The documents:</p><ul>{links}</ul>{para(3)}</article>"
    )
    text, _ = text_of(html)
    assert "Report number 0 on the reservoir" in text
    assert "Report number 5 on the reservoir" in text


def test_data_table_of_links_kept() -> None:
    rows = "".join(
        f"<tr><td><a href='/v{y}'>{y}</a></td><td><a href='/r{y}'>Vote</a></td></tr>"
        for y in range(2019, 2024)
    )
    html = page(
        f"<article>{para(1)}<table><tr><th>Year</th><th>Record</th></tr>{rows}</table>"
        f"{para(2)}</article>"
    )
    text, _ = text_of(html)
    assert "2019" in text and "2023" in text


def test_posted_by_and_bare_date_lines_kept() -> None:
    # Reader modes keep them (only a "By … date" line is chrome), and the
    # reference texts do too.
    html = page(
        "<article><p>Posted by Maria Lopez on 2026-03-02</p><p>2 Mar 2026</p>"
        f"{para(1)}{para(2)}{para(3)}</article>"
    )
    text, _ = text_of(html)
    assert "Posted by Maria Lopez on 2026-03-02" in text
    assert "2 Mar 2026" in text


def test_fast_clean_matches_readabilitys_clean():
    """margin's faster stand-in for readability-lxml's clean() gives the same
    text on whitespace of every kind and run length."""
    import random

    from readability.readability import clean

    from margin.ingest.html import fast_clean

    rng = random.Random(5)
    pieces = [" ", "\t", "\n", "\r", "\xa0", "\u2003", "\x0b", "word", "x", ". ", "\n\n"]
    for _ in range(600):
        text = "".join(
            rng.choice(pieces) * (rng.choice([1, 1, 2, 3, 40, 254, 255, 300]))
            for _ in range(rng.randint(0, 30))
        )
        assert fast_clean(text) == clean(text)


def test_fast_text_length_matches_readabilitys_text_length():
    """margin's stand-in for readability-lxml's text_length() counts the
    same characters, whatever whitespace the element's text holds."""
    import random

    import lxml.html
    from readability.readability import text_length

    from margin.ingest.html import fast_text_length

    rng = random.Random(6)
    pieces = [" ", "\t", "\n", "\r", "\xa0", "\u2003", "\u3000", "word", "ü", ". ", "\n\n"]
    for _ in range(600):
        parts = [
            rng.choice(pieces) * rng.choice([1, 1, 2, 3, 40, 254, 255, 300])
            for _ in range(rng.randint(0, 30))
        ]
        elem = lxml.html.fragment_fromstring("<div></div>")
        elem.text = "".join(parts[: len(parts) // 2])
        child = lxml.html.fragment_fromstring("<b></b>")
        child.text = "".join(parts[len(parts) // 2 :])
        child.tail = rng.choice(["", " ", "\n tail  ", "\xa0"])
        elem.append(child)
        assert fast_text_length(elem) == text_length(elem)


def test_readability_is_left_as_it_ships_outside_margins_extraction(tmp_path):
    import readability.readability as rr

    from margin.ingest.pipeline import extract_file

    original, cleaner, length = rr.clean, rr.html_cleaner, rr.text_length
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><article>"
        + "<p>The council met on Tuesday to discuss the harbour, again and again.</p>" * 20
        + "</article></body></html>",
        encoding="utf-8",
    )
    extract_file(page)
    assert rr.clean is original and rr.html_cleaner is cleaner and rr.text_length is length


def test_lighter_cleaner_gives_the_same_article(tmp_path, monkeypatch):
    """margin runs readability's Cleaner without its javascript pass: the
    article (text, blocks, links) is the same as with readability's own."""
    from margin.ingest import html
    from margin.ingest.pipeline import extract_file

    para = (
        "<p onclick='steal()'>The ferry to <a href='javascript:alert(1)'>Gozo</a> leaves "
        "from <a href='https://example.org/cirkewwa'>Cirkewwa</a> every 45 minutes, and "
        "<img src='data:image/png;base64,AAAA' alt='x'> the crossing takes twenty-five "
        "minutes in good weather, longer when the wind is up.</p>"
    )
    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><style>p{color:red}</style><script>var a=1</script>"
        "<link rel=stylesheet href='x.css'></head><body><article style='color:blue'>"
        + para * 12
        + "</article></body></html>",
        encoding="utf-8",
    )
    light = extract_file(page)
    monkeypatch.setattr(html, "_fast_cleaner", html._original_cleaner)
    full = extract_file(page)
    assert light.text == full.text and "Gozo" in light.text
    assert [(b.kind, b.text, [(k.start, k.end, k.url) for k in b.links]) for b in light.blocks] == [
        (b.kind, b.text, [(k.start, k.end, k.url) for k in b.links]) for b in full.blocks
    ]


def test_cookie_banner_and_comment_policy_inside_the_article_removed() -> None:
    cookies = (
        "We use cookies to improve our service for you. You can find more information in "
        "our data protection declaration."
    )
    policy = (
        "The opinions expressed in reader comments are those of the author only, and do not "
        "reflect the opinions of the Gazette."
    )
    disclaimer = (
        "The Gazette takes no responsibility for the content of external sites linked from "
        "this website and is not liable for any loss arising from their use."
    )
    # Stories about cookies, about what someone said, about who is liable keep their sentences.
    story = (
        "<p>Under the new law users must consent to tracking cookies, and the minister's "
        "comments on it were called offensive by the opposition on Tuesday.</p>"
        "<p>The water board said it was not liable for the flooding, and denied that any "
        "warranty on the old dam had been broken.</p>"
    )
    html = page(
        f"<article>{para(1)}<p>{cookies}</p>{para(2)}{story}{para(3)}<p>{policy}</p>"
        f"<p>{disclaimer}</p></article>"
    )
    text, _ = text_of(html)
    assert "Paragraph 1" in text and "Paragraph 3" in text
    assert "users must consent to tracking cookies" in text
    assert "not liable for the flooding" in text
    assert cookies not in text and policy not in text and disclaimer not in text


_DEK = "The council will decide in May whether the valley floods for good."


@pytest.mark.parametrize(
    "header",
    [
        # named a standfirst by the page, after the byline
        "<h1>Valley committee weighs the reservoir plan</h1>"
        "<p class='byline'>By Maria Lopez, March 2, 2026</p>"
        f"<div class='article__standfirst'><p>{_DEK}</p></div>",
        # in the headline's own group, set as a subheading
        f"<header><h1>Valley committee weighs the reservoir plan</h1><h2>{_DEK}</h2></header>",
    ],
)
def test_the_standfirst_is_its_own_field_not_body(header: str) -> None:
    html = page(f"<article>{header}<div class='body'>{para(1)}{para(2)}{para(3)}</div></article>")
    meta, blocks = extract_html(html)
    assert meta.dek == _DEK
    text = "\n\n".join(b.text for b in blocks)
    assert "floods for good" not in text
    assert "Paragraph 1" in text and "Paragraph 3" in text


@pytest.mark.parametrize("short", [False, True])
def test_a_lead_running_on_into_the_story_is_not_a_standfirst(short: bool) -> None:
    # The first paragraph beside the headline, with the story after it in
    # the same group (in long paragraphs or in short ones): the story's lead.
    lead = f"<p>{_DEK} The committee heard from forty residents on Tuesday.</p>"
    rest = (
        "<p>Most of them asked for the plan to be dropped before the summer.</p>" * 4
        if short
        else f"{para(1)}{para(2)}"
    )
    html = page(
        f"<article><h1>Valley committee weighs the reservoir plan</h1>{lead}{rest}</article>"
    )
    meta, blocks = extract_html(html)
    assert meta.dek is None
    assert "floods for good" in "\n\n".join(b.text for b in blocks)


def test_the_standfirst_reaches_the_json(tmp_path, capsys) -> None:
    import json

    from margin.cli import main

    header = f"<h1>Valley committee weighs the reservoir plan</h1><p class='dek'>{_DEK}</p>"
    (tmp_path / "page.html").write_text(page(f"<article>{header}{para(1)}{para(2)}</article>"))
    assert main(["extract", str(tmp_path / "page.html"), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["dek"] == _DEK and "floods for good" not in data["text"]
    assert list(data)[:4] == ["source", "kind", "title", "dek"]


def test_a_story_of_one_paragraph_has_no_standfirst() -> None:
    html = page(
        "<article><h1>Valley committee weighs the reservoir plan</h1>"
        f"<p class='byline'>By Maria Lopez</p><p>{_DEK}</p></article>"
    )
    meta, blocks = extract_html(html)
    assert meta.dek is None
    assert [b.text for b in blocks] == [_DEK]


@pytest.mark.parametrize("tail", ["…", "… <a href='/s'>Read more</a>"])
def test_a_feed_of_cut_off_teasers_inside_the_article_removed(tail: str) -> None:
    def card(n: int) -> str:
        return (
            f"<div class='card'><h3><a href='/s{n}'>Another story number {n}</a></h3>"
            f"<p>The reservoir on the other side of the hill was drained in spring, and{tail}</p></div>"
        )

    html = page(
        f"<article>{para(1)}{card(1)}{para(2)}{card(2)}{para(3)}{card(3)}{para(4)}</article>"
    )
    text, _ = text_of(html)
    assert "Paragraph 1" in text and "Paragraph 4" in text
    assert "drained in spring" not in text and "Another story number" not in text


def test_a_paragraph_that_trails_off_is_kept() -> None:
    trailing = (
        "<p>The chair looked at the plans for a long while and said only that the valley…</p>"
    )
    text, _ = text_of(page(f"<article>{para(1)}{trailing}{para(2)}{para(3)}</article>"))
    assert "said only that the valley…" in text
