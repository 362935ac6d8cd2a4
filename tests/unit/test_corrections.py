"""The reader's corrections to the cut, through the Library: stored as user
data, applied wherever margin shows the article (the index, search,
entities, highlights), and kept across rescans, re-saves, moves and a new
extractor. Real files, the real SQLite file."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from cut_pages import CHROME, QUOTE, RELATED, news_page, save
from test_library import PARAGRAPHS

from margin.errors import MarginError
from margin.library import Library
from margin.library import correcting as correcting_module
from margin.library.corrections import (
    APPLIED,
    CUT_BY_READER,
    DROPPED,
    KEPT_BY_READER,
    PENDING,
    REDUNDANT,
    REMOVED,
    UNMATCHED,
)


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


def _library(tmp_path: Path, lib: Library, **page: Any) -> tuple[Path, Path]:
    folder = tmp_path / "lib"
    art = save(folder / "breakwater.html", news_page(**page))
    lib.scan([folder], jobs=1)
    return folder, art


def _text(lib: Library, art: Path) -> str:
    return lib.load_article(art).text


def _highlight_in_place(lib: Library, art: Path) -> None:
    (h,) = lib.highlights(art)
    assert h.state == "anchored" and h.start is not None
    assert _text(lib, art)[h.start : h.end] == QUOTE


def test_a_cut_leaves_the_index_search_entities_and_highlights(
    tmp_path: Path, lib: Library
) -> None:
    folder, art = _library(tmp_path, lib)
    lib.annotate(art, QUOTE, "who owns it?")
    before = lib.highlights(art)[0].start
    assert {e.text for e in lib.entity_counts(art)} >= {"Carmelo Vella"}
    assert lib.search("Carmelo")
    made = lib.cut(art, "Carmelo Vella")
    assert (made.action, made.state, made.exact) == ("cut", APPLIED, "Carmelo Vella")
    assert CHROME not in _text(lib, art) and "Maria Borg" in _text(lib, art)
    assert lib.search("Carmelo") == []
    assert "Carmelo Vella" not in {e.text for e in lib.entity_counts(art)}
    (h,) = lib.highlights(art)
    assert before is not None and h.start == before - len(CHROME) - 2
    _highlight_in_place(lib, art)
    row = lib.article_row(art)
    assert row is not None and row.word_count == len(_text(lib, art).split())


def test_a_keep_brings_back_a_dropped_block_in_page_order(tmp_path: Path, lib: Library) -> None:
    _, art = _library(tmp_path, lib)
    lib.annotate(art, QUOTE)
    made = lib.keep(art, "Ferry prices rise")
    assert (made.action, made.state) == ("keep", APPLIED)
    assert _text(lib, art).endswith("will be calmer than the last.\n\n" + RELATED)
    assert lib.search('"timetable starts"')[0].row.path == str(art.resolve())
    _highlight_in_place(lib, art)
    # What the reader kept can be highlighted, and is exported like the rest.
    from margin import export

    lib.annotate(art, "timetable starts", "kept it for this")
    exported = export.to_json(lib)["first"]["items"]
    assert {a["target"]["selector"][0]["exact"] for a in exported} == {QUOTE, "timetable starts"}


def test_what_cannot_be_cut_or_kept_is_refused_and_nothing_is_stored(
    tmp_path: Path, lib: Library
) -> None:
    _, art = _library(tmp_path, lib)
    text = _text(lib, art)
    with pytest.raises(MarginError, match="not in"):
        lib.cut(art, "a sentence from another story")
    with pytest.raises(MarginError, match="already shown"):
        lib.keep(art, "Maria Borg")
    with pytest.raises(MarginError, match="not on the page"):
        lib.keep(art, "a sentence from another story")
    assert lib.corrections() == [] and _text(lib, art) == text


def test_undo_restores_the_text_and_the_highlights(tmp_path: Path, lib: Library) -> None:
    _, art = _library(tmp_path, lib)
    lib.annotate(art, QUOTE)
    text = _text(lib, art)
    cut = lib.cut(art, CHROME)
    keep = lib.keep(art, RELATED)
    assert lib.remove_correction(cut.id).state == REMOVED
    assert lib.remove_correction(keep.id).action == "keep"
    assert _text(lib, art) == text and lib.corrections() == []
    _highlight_in_place(lib, art)
    with pytest.raises(MarginError, match="no correction"):
        lib.remove_correction(cut.id)


def test_the_page_view_shows_every_block_with_what_margin_does_with_it(
    tmp_path: Path, lib: Library
) -> None:
    _, art = _library(tmp_path, lib)
    cut = lib.cut(art, "Carmelo Vella")
    keep = lib.keep(art, RELATED)
    view = lib.page_view(art)
    by_text = {b.text: b for b in view.blocks}
    assert (by_text[CHROME].state, by_text[CHROME].correction) == (CUT_BY_READER, cut.id)
    assert (by_text[RELATED].state, by_text[RELATED].correction) == (KEPT_BY_READER, keep.id)
    assert by_text["Home News Sport"].state == DROPPED
    assert view.article.text == _text(lib, art)
    shown = by_text[RELATED]
    assert shown.start is not None and view.article.text[shown.start : shown.end] == RELATED
    # The reader's "keep the block under the cursor", at its place in the page.
    lib.remove_correction(keep.id)
    again = lib.keep(art, RELATED, at=lib.page_view(art).text.index(RELATED))
    assert again.state == APPLIED


def test_a_cut_placed_by_the_pages_text_hides_that_block_of_two_alike(
    tmp_path: Path, lib: Library
) -> None:
    """The reader's undo of a bring-back cuts again by where the block is in
    the page: of a paragraph printed twice, the second one."""
    twice = PARAGRAPHS[3]
    _, art = _library(tmp_path, lib, paragraphs=[*PARAGRAPHS, twice])
    page = lib.page_view(art).text
    second = page.index(twice, page.index(twice) + 1)
    lib.cut(art, twice, page_at=second)
    text = _text(lib, art)
    assert text.count(twice) == 1 and text.index(twice) < text.index(PARAGRAPHS[4])
    (hidden,) = [b for b in lib.page_view(art).blocks if b.state == CUT_BY_READER]
    assert hidden.page_start == second


# -- survival --------------------------------------------------------------------


def _corrected(tmp_path: Path, lib: Library) -> tuple[Path, Path]:
    folder, art = _library(tmp_path, lib)
    lib.annotate(art, QUOTE)
    lib.cut(art, CHROME)
    lib.keep(art, RELATED)
    return folder, art


def _still_corrected(lib: Library, art: Path) -> None:
    text = _text(lib, art)
    assert CHROME not in text and text.endswith(RELATED), text[-200:]
    assert [c.state for c in lib.corrections(art)] == [APPLIED, APPLIED]
    _highlight_in_place(lib, art)


def test_corrections_survive_a_rescan(tmp_path: Path, lib: Library) -> None:
    folder, art = _corrected(tmp_path, lib)
    assert lib.scan([folder], jobs=1).unchanged == 1
    os.utime(art, ns=(10**18, 10**18))  # touched: read again
    assert lib.scan([folder], jobs=1).indexed == 1
    _still_corrected(lib, art)


def test_corrections_survive_a_resave_with_other_chrome(tmp_path: Path, lib: Library) -> None:
    folder, art = _corrected(tmp_path, lib)
    resaved = news_page(menu="Start Politics Business Culture", footer="Cookie settings")
    save(art, resaved.replace("<main>", "<main><p>Live: storm warning.</p>"), stamp=10**18)
    summary = lib.scan([folder], jobs=1)
    assert summary.indexed == 1 and summary.orphaned == 0
    _still_corrected(lib, art)


def test_corrections_follow_a_moved_and_renamed_file(tmp_path: Path, lib: Library) -> None:
    folder, art = _corrected(tmp_path, lib)
    moved = folder / "2024" / "harbour.html"
    moved.parent.mkdir()
    shutil.move(art, moved)
    assert lib.scan([folder], jobs=1).moved == 1
    _still_corrected(lib, moved)
    assert {c.article_path for c in lib.corrections()} == {str(moved.resolve())}


def test_corrections_survive_a_new_extractor(
    tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from margin.ingest import pipeline

    folder, art = _corrected(tmp_path, lib)
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "a-better-extractor/2")
    with Library.open() as fresh:
        summary = fresh.scan([folder], jobs=1)
        assert (summary.indexed, summary.unchanged) == (1, 0)
        _still_corrected(fresh, art)


def test_a_new_extractor_that_does_the_cut_itself_makes_it_redundant(
    tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from margin.ingest import pipeline

    folder, art = _corrected(tmp_path, lib)
    extract_bytes = pipeline.extract_bytes

    def better(data: bytes, **kwargs: Any) -> Any:
        chrome = f"<p>{CHROME}</p>".encode()
        return extract_bytes(
            data.replace(chrome, b'<div class="sidebar">' + chrome + b"</div>"), **kwargs
        )

    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "a-better-extractor/3")
    monkeypatch.setattr(pipeline, "extract_bytes", better)
    with Library.open() as fresh:
        assert CHROME not in _text(fresh, art)  # re-extracted in this process, by `better`
        states = {c.action: c.state for c in fresh.corrections(art)}
        assert states == {"cut": REDUNDANT, "keep": APPLIED}


def test_a_correction_whose_text_left_the_page_is_listed_unmatched(
    tmp_path: Path, lib: Library
) -> None:
    folder, art = _corrected(tmp_path, lib)
    save(art, news_page(chrome=""), stamp=10**18)
    lib.scan([folder], jobs=1)
    states = {c.action: c.state for c in lib.corrections(art)}
    assert states == {"cut": UNMATCHED, "keep": APPLIED}
    assert {c.state for c in lib.corrections()} == {UNMATCHED, APPLIED}
    save(art, news_page(), stamp=2 * 10**18)  # the page changes back: the cut applies again
    lib.scan([folder], jobs=1)
    _still_corrected(lib, art)


def test_a_deleted_file_keeps_its_corrections(tmp_path: Path, lib: Library) -> None:
    folder, art = _library(tmp_path, lib)
    lib.cut(art, CHROME)
    art.unlink()
    lib.scan([folder], jobs=1)  # its row holds user data: kept, marked missing
    assert lib.articles() == []
    (c,) = lib.corrections()
    assert c.exact == CHROME and c.article_path == str(art.resolve())
    save(art, news_page())
    lib.scan([folder], jobs=1)
    assert CHROME not in _text(lib, art)


def test_an_interrupted_correction_is_applied_at_the_next_opening(
    tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cut is saved, then the process dies before the text is derived
    again: the next opening of the article notices and derives it."""
    _, art = _library(tmp_path, lib)
    rederive = correcting_module.rederive

    def killed(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(correcting_module, "rederive", killed)
    with pytest.raises(KeyboardInterrupt):
        lib.cut(art, CHROME)
    monkeypatch.setattr(correcting_module, "rederive", rederive)
    with Library.open() as again:
        (c,) = again.corrections()  # all of them: nothing is read
        assert c.state == PENDING and CHROME in (again.cached_article(art) or _fail()).text
        assert CHROME not in _text(again, art)
        assert again.corrections(art)[0].state == APPLIED


def _fail() -> Any:
    raise AssertionError("the article is not in the index")


# -- site rules ------------------------------------------------------------------


def _site(tmp_path: Path, lib: Library) -> tuple[Path, Path, Path, Path]:
    """Two articles of one site, one of another, all with the same chrome."""
    folder = tmp_path / "lib"
    one = save(folder / "one.html", news_page())
    two = save(folder / "two.html", news_page(title="Ferry season opens early", slug="ferry"))
    other = save(folder / "other.html", news_page(host="another.example", slug="x"))
    lib.scan([folder], jobs=1)
    return folder, one, two, other


def test_a_site_rule_cuts_every_article_of_the_site_and_no_other(
    tmp_path: Path, lib: Library
) -> None:
    folder, one, two, other = _site(tmp_path, lib)
    offer = lib.site_offer(one, "Carmelo Vella")
    assert (offer.scope, offer.site, offer.paths) == (
        "host",
        "harbourtimes.example",
        [str(two.resolve())],
    )
    rule = lib.cut(one, "Carmelo Vella", site=True)
    assert (rule.scope, rule.site, rule.articles, rule.state) == (
        "host", "harbourtimes.example", 2, APPLIED,
    )  # fmt: skip
    assert CHROME not in _text(lib, one) and CHROME not in _text(lib, two)
    assert CHROME in _text(lib, other)
    assert [h.row.path for h in lib.search("Carmelo")] == [str(other.resolve())]
    assert [r.id for r in lib.site_rules()] == [rule.id]
    # A new article of the site, found by a later scan, is cut too.
    three = save(folder / "three.html", news_page(title="Marina plan approved", slug="marina"))
    lib.scan([folder], jobs=1)
    assert CHROME not in _text(lib, three) and lib.site_rules()[0].articles == 3
    # Removing the rule brings the text back everywhere at once.
    lib.remove_correction(rule.id)
    assert all(CHROME in _text(lib, a) for a in (one, two, three))
    assert lib.corrections() == []


def test_a_keep_in_one_article_beats_its_site_rule(tmp_path: Path, lib: Library) -> None:
    folder, one, two, _ = _site(tmp_path, lib)
    lib.cut(one, CHROME, site=True)
    kept = lib.keep(two, "Carmelo Vella")
    assert kept.state == APPLIED
    assert CHROME in _text(lib, two) and CHROME not in _text(lib, one)
    os.utime(two, ns=(10**18, 10**18))
    lib.scan([folder], jobs=1)
    assert CHROME in _text(lib, two)


def test_a_folder_is_the_site_of_pages_without_url_or_site_name(
    tmp_path: Path, lib: Library
) -> None:
    folder = tmp_path / "notes"
    body = "\n\n".join(PARAGRAPHS[:4])
    one = save(folder / "one.txt", f"{body}\n\nFiled from the harbour office.\n")
    two = save(folder / "two.txt", f"{PARAGRAPHS[5]}\n\nFiled from the harbour office.\n")
    lib.scan([folder], jobs=1)
    rule = lib.cut(one, "Filed from the harbour office.", site=True)
    assert (rule.scope, rule.site) == ("folder", str(folder.resolve()))
    assert "Filed from" not in _text(lib, two)
