"""Bringing articles in from the library screen: ``A`` with pages served by a
real HTTP server on 127.0.0.1, a fetch that never blocks the list and can be
stopped, pending articles fetched with ``enter``, the palette's import."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import choose_in_palette, library_ready, lines, reader_ready, wait_for
from import_files import write_csv
from library_exports import full_page, picture
from local_web import Handler, LocalWeb, drip, local_web, wait_until
from textual.pilot import Pilot

from margin import paths
from margin.library import Library
from margin.ui.dialogs.add_url_dialog import AddUrlDialog
from margin.ui.dialogs.confirm_dialog import ConfirmDialog
from margin.ui.dialogs.prompt_dialog import PromptDialog
from margin.ui.screens.library_screen import LibraryScreen

pytestmark = pytest.mark.usefixtures("no_proxy_env")

SIZE = (100, 30)


def _routes(web: LocalWeb) -> None:
    web.routes["/story"] = lambda h: h.reply(200, full_page("The breakwater").encode())
    web.routes["/later"] = lambda h: h.reply(200, full_page("Read it later").encode())
    web.routes["/slow"] = _slow


def _slow(h: Handler) -> None:
    h.stream(drip(b" ", every=0.2, seconds=30))


def notices(app) -> str:
    # Textual keeps no public list of the notifications it shows.
    return "\n".join(f"{n.title}: {n.message}" for n in app._notifications)


def toasts(app) -> str:
    """What the notifications on the screen show."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def add(pilot: Pilot[int], text: str) -> None:
    """``A``, then ``text`` typed into the dialog, then enter."""
    await pilot.press("A")
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, AddUrlDialog))
    await pilot.press(*text, "enter")


async def job_done(pilot: Pilot[int], screen: LibraryScreen) -> None:
    await wait_for(pilot, lambda: not screen.work_line.running)


async def test_A_adds_a_page_and_selects_it(make_app):
    with local_web() as web:
        _routes(web)
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_ready(pilot)
            before = len(screen.rows)
            await add(pilot, web.url("/story"))
            await wait_for(pilot, lambda: len(screen.rows) == before + 1)
            await job_done(pilot, screen)
            assert screen.article_list.current.row.title == "The breakwater"
            assert "Saved 127.0.0.1" in notices(app) and "Added to the library" in notices(app)
    (saved,) = paths.inbox_path().glob("*.html")
    with Library.open() as lib:
        assert lib.find(web.url("/story")).path == str(saved)


async def test_a_refused_scheme_and_a_404_change_nothing(make_app, margin_home: Path):
    with local_web() as web:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_ready(pilot)
            before = picture(margin_home)
            await add(pilot, "ftp://127.0.0.1/story")
            assert isinstance(app.screen, AddUrlDialog)  # open, to put it right
            assert "ftp: URLs cannot be fetched (only http and https)" in notices(app)
            await pilot.press("escape")
            await add(pilot, web.url("/missing"))
            await job_done(pilot, screen)
            assert "Could not fetch 127.0.0.1" in notices(app) and "404" in notices(app)
            assert [p for _, p, _ in web.seen] == ["/missing"]
        assert picture(margin_home) == before


async def test_the_list_works_while_a_slow_page_comes_and_escape_stops_it(make_app):
    with local_web() as web:
        _routes(web)
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_ready(pilot)
            rows = len(screen.rows)
            await add(pilot, web.url("/slow"))
            await wait_for(pilot, lambda: web.seen and screen.work_line.running)
            assert "127.0.0.1" in str(screen.work_line.render())
            # the list and its keys go on while the page comes
            await pilot.press("j")
            assert screen.article_list.cursor == 1
            await pilot.press("s")
            assert screen.sort == "title"
            await pilot.press("A")  # one fetch at a time, said so
            assert "Already fetching" in notices(app)
            await pilot.press("escape")
            await job_done(pilot, screen)
            assert "Stopped" in notices(app)
            assert len(screen.rows) == rows
        assert wait_until(lambda: "/slow" in web.hung_up)
    assert not list(paths.inbox_path().glob("*.html"))


async def test_q_quits_while_a_page_is_coming(make_app):
    with local_web() as web:
        _routes(web)
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_ready(pilot)
            await add(pilot, web.url("/slow"))
            await wait_for(pilot, lambda: web.seen and screen.work_line.running)
            await pilot.press("q")
        assert app.return_code == 0
        assert wait_until(lambda: "/slow" in web.hung_up)  # the fetch was cut off


def _pending(tmp_path: Path, web: LocalWeb) -> Path:
    """An Instapaper export of one page: it comes in pending."""
    return write_csv(
        tmp_path / "instapaper.csv",
        [
            ["URL", "Title", "Selection", "Folder"],
            [web.url("/later"), "Read it later", "", "Unread"],
        ],
    )


async def test_enter_on_a_pending_article_fetches_and_opens_it(make_app, tmp_path):
    with local_web() as web:
        _routes(web)
        with Library.open() as lib:
            lib.import_export(_pending(tmp_path, web))
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_ready(pilot)
            while screen.filter != "pending":
                await pilot.press("f")
            assert [i.row.title for i in screen.article_list.items] == ["Read it later"]
            assert f"pending · {web.url('/later')}" in lines(screen.article_list)[0]
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            await pilot.press("enter")
            reader = await reader_ready(pilot)
            assert reader.article.title == "Read it later"
    with Library.open() as lib:
        row = lib.find(web.url("/later"))
        assert row.status == "ok" and Path(row.path).parent.parent.name == "imported"


async def test_the_palette_imports_an_export_and_fetches_what_it_left(make_app, tmp_path):
    with local_web() as web:
        _routes(web)
        export = _pending(tmp_path, web)
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            screen = await library_ready(pilot)
            await choose_in_palette(pilot, "import a read", "Import a read-later export")
            await wait_for(pilot, lambda: isinstance(app.screen, PromptDialog))
            await pilot.press(*str(tmp_path / "nothing.csv"), "enter")
            assert "No file at" in notices(app) and isinstance(app.screen, PromptDialog)
            app.screen.query_one("#prompt-input").value = str(export)
            await pilot.press("enter")
            await job_done(pilot, screen)
            assert "1 pending" in notices(app)
            assert any(i.row.status == "pending" for i in screen.article_list.items)
            await choose_in_palette(pilot, "fetch pending", "Fetch pending articles")
            await job_done(pilot, screen)
            assert "Saved 127.0.0.1" in notices(app)
            assert all(i.row.status != "pending" for i in screen.article_list.items)


async def test_titles_and_addresses_are_shown_as_text(make_app, tmp_path):
    """An export's title and an address are untrusted: shown as they are, never
    run as markup (the title would quit the app)."""
    evil = "[@click=app.quit]Later[/]"
    with local_web() as web:
        url = web.url("/[b]gone[/b]")
        export = write_csv(
            tmp_path / "instapaper.csv",
            [["URL", "Title", "Selection", "Folder"], [url, evil, "", "Unread"]],
        )
        with Library.open() as lib:
            lib.import_export(export)
        app = make_app()
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            screen = await library_ready(pilot)
            while screen.filter != "pending":
                await pilot.press("f")
            assert lines(screen.article_list)[0].startswith(f" ◌  {evil}")
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
            assert evil in str(app.screen.query_one("#confirm-detail").render())
            await pilot.press("enter")
            await job_done(pilot, screen)
            await wait_for(pilot, lambda: "404" in toasts(app))
            assert "/[b]gone[/b]: 404 Not Found" in toasts(app)
            assert app.is_running and app.return_code is None
