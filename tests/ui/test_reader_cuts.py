"""The reader's corrections to the cut, on keys: X cuts the paragraph under
the cursor and U brings it back, a cut of text the site's other articles
show offers a site rule, z shows what margin drops and what was cut, K
keeps a hidden paragraph, and the palette lists and removes corrections.
Each checks what the reader shows and what the library stored."""

from __future__ import annotations

from pathlib import Path

from conftest import EVIL_BODY
from helpers import choose_in_palette, lines, open_titled, wait_for, writes_done
from site_pages import APPEAL, BREAKWATER, FISHERMEN, RELATED, news_page

from margin.library import Library
from margin.ui.cut_view import CUT_LABEL, DROPPED_LABEL, KEPT_LABEL
from margin.ui.dialogs.confirm_dialog import ConfirmDialog
from margin.ui.dialogs.corrections_dialog import CorrectionsDialog
from margin.ui.screens.reader_cuts import KEEP_HINT
from margin.ui.screens.reader_screen import ReaderScreen

SIZE = (100, 60)
TITLE = "Repairs begin on the breakwater"


def _said(app) -> list[str]:
    # Textual keeps no public list of the notifications it shows.
    return [n.message for n in app._notifications]


async def _cursor_to(pilot, screen: ReaderScreen, text: str) -> None:
    """Move the cursor, a paragraph at a time, to the block starting with ``text``."""
    view = screen.view
    blocks = view.article.blocks
    index = next(n for n, b in enumerate(blocks) if b.text.startswith(text))
    while view.cursor.block != index:
        await pilot.press(
            "right_square_bracket" if view.cursor.block < index else "left_square_bracket"
        )
    await pilot.pause()


async def _press_and_wait(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await writes_done(pilot)
    await pilot.pause()


def _on_screen(screen: ReaderScreen) -> str:
    return "\n".join(lines(screen.view))


def _cursor_text(screen: ReaderScreen) -> str:
    view = screen.view
    return view.article.blocks[view.cursor.block].text


async def test_x_cuts_the_paragraph_under_the_cursor_and_u_brings_it_back(make_site_app, site_dir):
    path = site_dir / "breakwater.html"
    cut = BREAKWATER[1]
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        before = screen.article.text
        await _cursor_to(pilot, screen, cut[:30])
        await _press_and_wait(pilot, "X")
        assert cut not in screen.article.text and "Maria Borg" not in _on_screen(screen)
        # the cursor stays at the same place in the text: the next paragraph
        assert _cursor_text(screen) == APPEAL
        (made,) = app.library.corrections(path)
        assert (made.action, made.exact, made.state) == ("cut", cut, "applied")
        assert any("Cut “" in said and "U undoes it" in said for said in _said(app))
        assert app.library.load_article(path).text == screen.article.text
        await _press_and_wait(pilot, "U")
        assert screen.article.text == before and "Maria Borg" in _on_screen(screen)
        assert _cursor_text(screen) == cut
        assert app.library.corrections(path) == []
        await _press_and_wait(pilot, "U")
        assert any("Nothing to undo" in said for said in _said(app))


async def test_a_cut_keeps_the_other_highlights_where_they_were(make_site_app, site_dir):
    path = site_dir / "breakwater.html"
    with Library.open() as lib:
        lib.annotate(path, "a firm from Catania", "who?")
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        await _cursor_to(pilot, screen, BREAKWATER[0][:30])
        await _press_and_wait(pilot, "X")
        (h,) = screen.view.highlights
        assert screen.article.text[h.start : h.end] == "a firm from Catania"
        (stored,) = app.library.highlights(path)
        assert stored.state == "anchored" and stored.start == h.start


async def test_x_on_a_highlighted_paragraph_asks_and_keeps_the_highlight_orphaned(
    make_site_app, site_dir
):
    path = site_dir / "breakwater.html"
    with Library.open() as lib:
        lib.annotate(path, "Fishermen are sceptical", "count the seasons")
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        await _cursor_to(pilot, screen, "Fishermen are sceptical")
        await pilot.press("X")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "orphaned" in app.screen.question
        await pilot.press("escape")
        await writes_done(pilot)
        assert app.library.corrections(path) == [] and "Fishermen are" in screen.article.text
        await pilot.press("X")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await writes_done(pilot)
        await wait_for(pilot, lambda: "Fishermen are" not in screen.article.text)
        (h,) = app.library.highlights(path)
        assert (h.state, h.exact, h.note) == (
            "orphaned",
            "Fishermen are sceptical",
            "count the seasons",
        )
        assert screen.view.highlights[0].start is None
        # undone: the paragraph is back, and its highlight placed in it again
        await _press_and_wait(pilot, "U")
        (h,) = app.library.highlights(path)
        assert h.state == "anchored" and screen.article.text[h.start : h.end] == h.exact


async def test_a_cut_the_site_shows_elsewhere_offers_a_site_rule(make_site_app, site_dir):
    here, there = site_dir / "breakwater.html", site_dir / "fishermen.html"
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        # a paragraph of this article only: no offer
        await _cursor_to(pilot, screen, BREAKWATER[0][:30])
        await _press_and_wait(pilot, "X")
        assert isinstance(app.screen, ReaderScreen)
        await _cursor_to(pilot, screen, APPEAL[:30])
        await _press_and_wait(pilot, "X")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        dialog = app.screen
        assert dialog.question == "Also cut it from 1 other article of harbourtimes.example?"
        await pilot.press("y")
        await writes_done(pilot)
        await wait_for(pilot, lambda: app.library.site_rules() != [])
        (rule,) = app.library.site_rules()
        assert (rule.exact, rule.scope, rule.site, rule.articles) == (
            APPEAL,
            "host",
            "harbourtimes.example",
            2,
        )
        assert APPEAL not in app.library.load_article(there).text
        assert APPEAL not in screen.article.text
        # the article's own cut made way for the rule
        own = [c for c in app.library.corrections(here) if not c.is_rule]
        assert [c.exact for c in own] == [BREAKWATER[0]]
        # U undoes the rule: the appeal is back in both articles
        await _press_and_wait(pilot, "U")
        assert app.library.site_rules() == []
        assert APPEAL in screen.article.text and APPEAL in app.library.load_article(there).text


async def test_declining_the_site_rule_keeps_the_cut_to_this_article(make_site_app, site_dir):
    here, there = site_dir / "breakwater.html", site_dir / "fishermen.html"
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        await _cursor_to(pilot, screen, APPEAL[:30])
        await _press_and_wait(pilot, "X")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")
        await writes_done(pilot)
        assert app.library.site_rules() == []
        assert [(c.exact, c.is_rule) for c in app.library.corrections(here)] == [(APPEAL, False)]
        assert APPEAL in app.library.load_article(there).text
        assert APPEAL not in screen.article.text


async def test_z_shows_what_was_cut_and_dropped_and_k_brings_it_back(make_site_app, site_dir):
    path = site_dir / "breakwater.html"
    with Library.open() as lib:
        lib.cut(path, BREAKWATER[3])
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        await pilot.press("K")
        assert KEEP_HINT in _said(app) and screen.cut_view is None
        assert BREAKWATER[3][:20] not in _on_screen(screen)
        await _press_and_wait(pilot, "z")
        assert screen.cut_view is not None
        shown = _on_screen(screen)
        assert CUT_LABEL in shown and DROPPED_LABEL in shown and BREAKWATER[3][:20] in shown
        assert "Home News Sport" in shown and RELATED in shown
        assert "✂ cut view: 1 cut, 6 dropped (K keeps, z leaves)  ·  0%" in str(
            screen.query_one("#reader-status").render()
        )
        _assert_dimmed(screen, RELATED, BREAKWATER[3][:20])
        # K on what margin dropped keeps it
        await _cursor_to(pilot, screen, RELATED)
        await _press_and_wait(pilot, "K")
        (keep,) = [c for c in app.library.corrections(path) if c.action == "keep"]
        assert (keep.exact, keep.state) == (RELATED, "applied")
        assert KEPT_LABEL in _on_screen(screen) and _cursor_text(screen) == RELATED
        # K on what the reader cut removes the cut
        await _cursor_to(pilot, screen, BREAKWATER[3][:20])
        await _press_and_wait(pilot, "K")
        assert [c.action for c in app.library.corrections(path)] == ["keep"]
        await pilot.press("z")
        await pilot.pause()
        assert screen.cut_view is None
        assert RELATED in screen.article.text and BREAKWATER[3] in screen.article.text
        assert CUT_LABEL not in _on_screen(screen) and "cut view" not in str(
            screen.query_one("#reader-status").render()
        )


async def test_x_in_the_cut_view_cuts_what_is_shown_and_hides_what_was_kept(
    make_site_app, site_dir
):
    path = site_dir / "breakwater.html"
    with Library.open() as lib:
        lib.keep(path, RELATED)
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        await _press_and_wait(pilot, "z")
        await _cursor_to(pilot, screen, "Home News Sport")
        await _press_and_wait(pilot, "X")
        assert "Hidden already: margin drops it." in _said(app)
        await _cursor_to(pilot, screen, RELATED)
        await _press_and_wait(pilot, "X")
        assert app.library.corrections(path) == [] and RELATED not in screen.article.text
        await _cursor_to(pilot, screen, BREAKWATER[0][:30])
        await _press_and_wait(pilot, "X")
        (cut,) = app.library.corrections(path)
        assert (cut.action, cut.exact) == ("cut", BREAKWATER[0])
        # the cut view shows it in place, cut, the cursor still on it
        assert _cursor_text(screen) == BREAKWATER[0] and CUT_LABEL in _on_screen(screen)


async def test_u_takes_back_a_bring_back_and_a_hide_again(make_site_app, site_dir):
    """U undoes the last change whatever it was: a cut brought back with K
    is cut again, a keep hidden again with X is kept again."""
    path = site_dir / "breakwater.html"
    with Library.open() as lib:
        lib.cut(path, BREAKWATER[3])
        lib.keep(path, RELATED)
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_titled(pilot, TITLE)
        await _press_and_wait(pilot, "z")
        await _cursor_to(pilot, screen, BREAKWATER[3][:20])
        await _press_and_wait(pilot, "K")
        await _cursor_to(pilot, screen, RELATED)
        await _press_and_wait(pilot, "X")
        assert app.library.corrections(path) == []
        assert any("Hidden again: “Ferry prices" in said for said in _said(app))
        await _press_and_wait(pilot, "U")
        (keep,) = app.library.corrections(path)
        assert (keep.action, keep.exact, keep.state) == ("keep", RELATED, "applied")
        assert "Undone: hiding “Ferry prices" in "\n".join(_said(app))
        await _press_and_wait(pilot, "U")
        cuts = [c for c in app.library.corrections(path) if c.action == "cut"]
        assert [(c.exact, c.state) for c in cuts] == [(BREAKWATER[3], "applied")]
        assert BREAKWATER[3] not in screen.article.text and RELATED in screen.article.text
        assert CUT_LABEL in _on_screen(screen)
        await _press_and_wait(pilot, "U")
        assert any("Nothing to undo" in said for said in _said(app))


def _style_of(screen: ReaderScreen, text: str):
    """The style ``text`` is drawn in, on screen."""
    view = screen.view
    for y in range(view.scrollable_content_region.height):
        for segment in view.render_line(y):
            if text in segment.text:
                return segment.style
    raise AssertionError(f"{text!r} is not on screen")


def _assert_dimmed(screen: ReaderScreen, *hidden: str) -> None:
    """The hidden blocks' text is drawn dimmed, a shown one's is not."""
    dim = screen.view._style("article-view--hidden").color
    assert dim is not None
    for text in hidden:
        assert _style_of(screen, text).color == dim, text
    assert _style_of(screen, "who has run the harbour office").color != dim


async def test_the_palette_lists_the_site_rules_and_removes_one(make_site_app, site_dir):
    there = site_dir / "fishermen.html"
    with Library.open() as lib:
        lib.cut(site_dir / "breakwater.html", APPEAL, site=True)
    app = make_site_app()
    async with app.run_test(size=SIZE) as pilot:
        await choose_in_palette(pilot, "site rules", "Site rules")
        await wait_for(pilot, lambda: isinstance(app.screen, CorrectionsDialog))
        listed = [str(o.prompt) for o in app.screen.query_one("OptionList").options]
        assert len(listed) == 1
        assert "harbourtimes.example (web site)" in listed[0] and "2 articles" in listed[0]
        assert "“Support independent journalism" in listed[0]
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await wait_for(pilot, lambda: app.library.site_rules() == [])
        assert APPEAL in app.library.load_article(there).text


async def test_the_palette_lists_this_articles_corrections_unmatched_ones_too(
    make_site_app, site_dir, tmp_path: Path
):
    """A cut whose text is no longer on the page (the page was saved again
    without it) is listed as unmatched, not dropped."""
    folder = tmp_path / "site"
    folder.mkdir()
    path = folder / "breakwater.html"
    path.write_text(news_page(TITLE, "breakwater", BREAKWATER), encoding="utf-8")
    with Library.open() as lib:
        lib.add_folder(folder)
        lib.scan([folder], jobs=1)
        lib.cut(path, BREAKWATER[4])
        lib.keep(path, RELATED)
    path.write_text(
        news_page(TITLE, "breakwater", BREAKWATER[:4] + FISHERMEN[:1]), encoding="utf-8"
    )
    app = make_site_app(file=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.view.ready
        )
        await choose_in_palette(pilot, "corrections", "Corrections in this article")
        await wait_for(pilot, lambda: isinstance(app.screen, CorrectionsDialog))
        listed = [str(o.prompt) for o in app.screen.query_one("OptionList").options]
        assert len(listed) == 2
        assert listed[0].startswith("cut “The ministry says") and "unmatched" in listed[0]
        assert listed[1].startswith("keep “Ferry prices") and "· applied" in listed[1]
        await pilot.press("j", "enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        await writes_done(pilot)
        await wait_for(pilot, lambda: RELATED not in app.screen.article.text)
        assert [c.action for c in app.library.corrections(path)] == ["cut"]
        assert any("Removed the keep: “Ferry prices" in said for said in _said(app))
        # U makes the keep again
        await _press_and_wait(pilot, "U")
        assert RELATED in app.screen.article.text
        assert sorted(c.action for c in app.library.corrections(path)) == ["cut", "keep"]


async def test_the_text_cut_is_never_read_as_markup(make_app, library_dir):
    """The paragraph cut holds markup: the notification and the corrections'
    list show it as text, and the app keeps running."""
    path = library_dir / "evil.md"
    app = make_app(file=path)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(
            pilot, lambda: isinstance(app.screen, ReaderScreen) and app.screen.view.ready
        )
        screen = app.screen
        await _cursor_to(pilot, screen, "Press [link=")
        await _press_and_wait(pilot, "X")
        assert any(EVIL_BODY[:40] in said for said in _said(app)) and app.is_running
        (cut,) = app.library.corrections(path)
        assert cut.exact == EVIL_BODY
        await choose_in_palette(pilot, "corrections", "Corrections in this article")
        await wait_for(pilot, lambda: isinstance(app.screen, CorrectionsDialog))
        (listed,) = [str(o.prompt) for o in app.screen.query_one("OptionList").options]
        assert "[link=file:///etc/passwd]x[/link] then [/bold]" in listed
        await pilot.press("escape")
        assert app.is_running


async def test_leaving_from_the_cut_view_saves_a_place_in_the_article(make_site_app, site_dir):
    path = site_dir / "breakwater.html"
    app = make_site_app()
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await open_titled(pilot, TITLE)
        await _press_and_wait(pilot, "z")
        await pilot.press("G")
        await pilot.pause()
        article = screen.article.text
        assert screen.view.top_offset > len(article)  # the page's text is longer
        await pilot.press("q")
        await pilot.pause()
    position, _ = app.library.get_position(path)
    assert 0 < position <= len(article)
