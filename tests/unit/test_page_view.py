"""The whole page around an article (ingest/page.py) and the reader's
corrections applied to it (library/page_view.py): pure functions, real pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from cut_pages import CHROME, RELATED, news_page

from margin.errors import MarginError
from margin.ingest.page import Page, extract_page
from margin.ingest.pipeline import extract_bytes, read_file
from margin.library import anchoring
from margin.library.corrections import (
    APPLIED,
    CUT,
    CUT_BY_READER,
    DROPPED,
    KEEP,
    KEPT_BY_READER,
    OVERRIDDEN,
    REDUNDANT,
    SHOWN,
    UNMATCHED,
    Correction,
)
from margin.library.page_view import PageView, apply, cut_target, keep_target

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "sample_articles"
CORPUS = REPO.parent / "shared" / "corpus" / "readability-test-pages"


def _page(text: str, suffix: str = ".html") -> Page:
    return extract_page(text.encode(), source=f"page{suffix}", suffix=suffix)


def _states(view: PageView) -> list[tuple[str, str]]:
    return [(b.state, b.text) for b in view.blocks]


def _kept_are_the_article(page: Page) -> None:
    assert [b.text for b in page.blocks if b.kept] == [b.text for b in page.article.blocks]
    assert apply(page, []).article.text == page.article.text


def test_the_page_holds_the_article_in_page_order_with_the_chrome_around_it() -> None:
    view = apply(_page(news_page()), [])
    states = _states(view)
    assert states[0] == (DROPPED, "Home News Sport")
    shown = [i for i, (s, _) in enumerate(states) if s == SHOWN]
    assert shown == list(range(shown[0], shown[-1] + 1))  # the article, in one run
    assert (SHOWN, CHROME) in states and (DROPPED, RELATED) in states
    assert states.index((DROPPED, RELATED)) > shown[-1]
    assert view.text.index(RELATED) > view.text.index(CHROME)


@pytest.mark.parametrize(
    "name",
    [p.name for p in sorted(SAMPLES.iterdir()) if p.is_file() and p.suffix != ".svg"],
)
def test_every_sample_page_keeps_exactly_its_article(name: str) -> None:
    path = SAMPLES / name
    page = extract_page(read_file(path), source=str(path), suffix=path.suffix.lower())
    _kept_are_the_article(page)
    if page.article.kind != "markdown":
        assert any(not b.kept for b in page.blocks), "a saved page has chrome around its article"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not found")
def test_every_corpus_page_keeps_exactly_its_article_and_places_it() -> None:
    """The article's blocks are found in the page: nearly all of them take
    the place of a page block, not the place after their neighbour."""
    placed = total = 0
    for source in sorted(CORPUS.glob("*/source.html")):
        page = extract_page(read_file(source), source=str(source), suffix=".html")
        _kept_are_the_article(page)
        keys = {b.text for b in page.blocks if not b.kept}
        total += len(page.article.blocks)
        placed += sum(1 for b in page.article.blocks if b.text not in keys)
    assert total > 4000 and placed / total > 0.97


def test_a_menu_entry_like_a_heading_does_not_pull_the_article_into_the_menu() -> None:
    """The article's heading "Background" and the menu's "Background" link:
    the heading is found right before the paragraphs after it, not in the menu."""
    paras = "".join(
        f"<p>Paragraph {n} of the story tells what happened at the harbour that week, "
        f"and why the repairs matter to the town.</p>"
        for n in range(4)
    )
    page = _page(
        "<html><head><title>Story</title></head><body>"
        "<nav><ul><li><a href='/b'>Background</a></li>"
        "<li><a href='/n'>News</a></li></ul></nav>"
        f"<article><h1>Story</h1><h2>Background</h2>{paras}</article></body></html>"
    )
    states = _states(apply(page, []))
    assert states[:2] == [(DROPPED, "Background"), (DROPPED, "News")]
    assert states[2:4] == [(DROPPED, "Story"), (SHOWN, "Background")]
    assert page.article.blocks[0].text == "Background"  # the article starts with it


def test_a_text_save_page_is_its_logical_lines() -> None:
    path = SAMPLES / "text-save-cocoa-prices.txt"
    view = apply(extract_page(read_file(path), source=str(path), suffix=".txt"), [])
    states = _states(view)
    assert (DROPPED, "ADVERTISEMENT") in states
    assert any(s == SHOWN and t.startswith("When cocoa prices tripled") for s, t in states)
    assert view.article.text == extract_bytes(read_file(path), source=str(path), suffix=".txt").text


# -- corrections applied -------------------------------------------------------


def _made(view: PageView, cid: int, action: str, quote: str) -> Correction:
    target = (cut_target if action == CUT else keep_target)(view, quote)
    sel = target.selector
    return Correction(cid, action, sel.exact, sel.prefix, sel.suffix, target.hint)


def test_a_cut_hides_its_block_and_a_keep_shows_one_back_in_place() -> None:
    page = _page(news_page())
    cut = _made(apply(page, []), 1, CUT, "Carmelo Vella")
    keep = _made(apply(page, []), 2, KEEP, "Ferry prices rise")
    view = apply(page, [cut, keep])
    assert view.states == {1: APPLIED, 2: APPLIED}
    assert CHROME not in view.article.text
    assert view.article.text.endswith("calmer than the last.\n\n" + RELATED)
    by_text = {b.text: b for b in view.blocks}
    assert (by_text[CHROME].state, by_text[CHROME].correction) == (CUT_BY_READER, 1)
    assert not by_text[CHROME].by_rule
    assert (by_text[RELATED].state, by_text[RELATED].correction) == (KEPT_BY_READER, 2)
    kept = by_text[RELATED]
    assert kept.start is not None and view.article.text[kept.start : kept.end] == RELATED
    assert view.block_at(kept.start) is kept


def test_corrections_hold_when_the_chrome_around_the_article_changes() -> None:
    page = _page(news_page())
    made = [_made(apply(page, []), 1, CUT, CHROME), _made(apply(page, []), 2, KEEP, RELATED)]
    resaved = _page(news_page(menu="Start Politics Business Culture Weather", footer="Cookies"))
    view = apply(resaved, made)
    assert view.states == {1: APPLIED, 2: APPLIED}
    assert CHROME not in view.article.text and RELATED in view.article.text


def test_a_correction_whose_text_left_the_page_is_unmatched_not_lost() -> None:
    page = _page(news_page())
    made = [_made(apply(page, []), 1, CUT, CHROME)]
    view = apply(_page(news_page(chrome="")), made)
    assert view.states == {1: UNMATCHED}
    assert view.article.text == _page(news_page(chrome="")).article.text


def test_a_newer_correction_of_the_same_block_overrides_the_older() -> None:
    page = _page(news_page())
    keep = _made(apply(page, []), 1, KEEP, RELATED)
    cut = _made(apply(page, [keep]), 2, CUT, RELATED)
    view = apply(page, [keep, cut])
    assert view.states == {1: OVERRIDDEN, 2: APPLIED} and RELATED not in view.article.text


def test_a_cut_the_extraction_already_makes_is_redundant() -> None:
    page = _page(news_page())
    cut = _made(apply(page, []), 1, CUT, CHROME)
    # The same page where the extractor drops the block on its own.
    better = _page(
        news_page().replace(f"<p>{CHROME}</p>", f'<div class="sidebar"><p>{CHROME}</p></div>')
    )
    assert CHROME not in better.article.text
    assert apply(better, [cut]).states == {1: REDUNDANT}


def test_a_site_rule_hides_every_block_holding_its_text_unless_kept_here() -> None:
    page = _page(news_page(paragraphs=["Sponsored: the Gozo ferry card.", *news_page_paras()]))
    rule = Correction(5, CUT, "Sponsored:", scope="host", site="harbourtimes.example")
    view = apply(page, [rule])
    assert view.states == {5: APPLIED} and "Sponsored" not in view.article.text
    (hidden,) = [b for b in view.blocks if b.state == CUT_BY_READER]
    assert (hidden.correction, hidden.by_rule) == (5, True)
    keep = _made(view, 6, KEEP, "Sponsored: the Gozo")
    assert keep.id == 6
    kept = apply(page, [rule, keep])
    assert kept.states == {5: UNMATCHED, 6: APPLIED}
    assert "Sponsored: the Gozo ferry card." in kept.article.text


def news_page_paras() -> list[str]:
    from test_library import PARAGRAPHS

    return PARAGRAPHS


def test_cut_and_keep_targets_refuse_what_they_cannot_do() -> None:
    view = apply(_page(news_page()), [])
    with pytest.raises(MarginError, match="not in"):
        cut_target(view, "words that are nowhere")
    with pytest.raises(MarginError, match="more than one paragraph"):
        cut_target(view, "almost a metre. The Harbour Times thanks")
    with pytest.raises(MarginError, match="not in"):
        cut_target(view, RELATED)  # on the page, not in the article
    with pytest.raises(MarginError, match="already shown"):
        keep_target(view, "Maria Borg")
    with pytest.raises(MarginError, match="not on the page"):
        keep_target(view, "words that are nowhere")


def test_a_target_at_an_offset_picks_that_copy_of_a_repeated_text() -> None:
    twice = "The harbour master would say no more."
    paras = [twice, *news_page_paras()[:3], twice, *news_page_paras()[3:]]
    view = apply(_page(news_page(paragraphs=paras, chrome="")), [])
    second = [b for b in view.blocks if b.text == twice][1]
    assert second.start is not None
    target = cut_target(view, twice, at=second.start)
    assert target.block.index == second.index
    assert anchoring.anchor(view.text, target.selector, target.hint) is not None
    made = Correction(1, CUT, target.selector.exact, target.selector.prefix,
                      target.selector.suffix, target.hint)  # fmt: skip
    cut = apply(_page(news_page(paragraphs=paras, chrome="")), [made])
    assert cut.article.text.startswith(twice) and cut.article.text.count(twice) == 1
