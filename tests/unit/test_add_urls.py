"""``margin add URL...``: pages fetched from a real HTTP server on 127.0.0.1,
saved in margin's inbox and indexed; every failure one line, and a failed
add leaves the library as it was."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from library_exports import PARAGRAPHS, full_page, picture
from local_web import Handler, LocalWeb, drip, local_web

from margin import paths
from margin.cli import main
from margin.fetching import saved_from
from margin.ingest.pipeline import extract_file
from margin.library import Library, fetch_into

pytestmark = pytest.mark.usefixtures("no_proxy_env")


def _routes(web: LocalWeb) -> None:
    r = web.routes
    r["/story"] = lambda h: h.reply(200, full_page("The breakwater").encode())
    r["/moved"] = lambda h: h.redirect(301, "/story-2")
    r["/story-2"] = lambda h: h.reply(
        200,
        gzip.compress(full_page("Second story", PARAGRAPHS[1:]).encode("cp1252")),
        "text/html; charset=windows-1252",
        {"Content-Encoding": "gzip"},
    )
    r["/empty"] = lambda h: h.reply(200, b"<html><body></body></html>")
    r["/stub"] = lambda h: h.reply(200, b"<html><body><p>Only a few words.</p></body></html>")
    r["/huge"] = lambda h: h.reply(200, b"<p>" + b"word " * 300_000 + b"</p>")
    r["/slow"] = _slow


def _slow(h: Handler) -> None:
    h.stream(drip(b" ", every=1.0, seconds=3))


def _err_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    err = capsys.readouterr().err.strip().splitlines()
    assert all(line.startswith("margin: ") for line in err) and "Traceback" not in "".join(err)
    return err


def test_a_page_is_saved_in_the_inbox_and_listed_at_once(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with local_web() as web:
        _routes(web)
        assert main(["add", web.url("/story")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("saved 1, failed 0")
    with Library.open() as lib:
        (row,) = lib.articles()
    assert row.title == "The breakwater" and row.url == web.url("/story")
    assert Path(row.path).parent == paths.inbox_path()
    url, fetched_at = saved_from(Path(row.path).read_text("utf-8")) or ("", None)
    assert url == web.url("/story") and fetched_at and fetched_at.endswith("Z")
    assert extract_file(row.path).url == web.url("/story")  # read from the file itself


def test_redirects_gzip_and_the_header_charset(capsys: pytest.CaptureFixture[str]) -> None:
    with local_web() as web:
        _routes(web)
        assert main(["add", web.url("/moved")]) == 0
    with Library.open() as lib:
        (row,) = lib.articles()
        text = lib.load_article(row.path).text
    assert row.url == web.url("/story-2") and text.startswith(PARAGRAPHS[1])


def test_many_addresses_from_stdin_each_failure_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with local_web() as web:
        _routes(web)
        given = [web.url("/story"), web.url("/nope"), "file:///etc/passwd", "# a comment", ""]
        monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(given) + "\n"))
        assert main(["add", web.url("/moved"), "-", "ftp://example.org/x", "--json"]) == 1
    summary = json.loads(capsys.readouterr().out)
    assert len(summary["saved"]) == 2
    reasons = {f["url"]: f["reason"] for f in summary["failed"]}
    assert reasons[web.url("/nope")].startswith("404 Not Found")
    assert "only http and https" in reasons["file:///etc/passwd"]
    assert "only http and https" in reasons["ftp://example.org/x"]
    with Library.open() as lib:
        assert sorted(r.url or "" for r in lib.articles()) == sorted(
            [web.url("/story"), web.url("/story-2")]
        )
    assert len(list(paths.inbox_path().iterdir())) == 2


@pytest.mark.parametrize(
    ("route", "why"),
    [
        ("/nope", "404 Not Found"),
        ("/empty", "no article text found"),
        ("/stub", "no article in it"),
        ("/huge", "above the 1.0 MB limit"),
        ("/slow", "sent nothing for 0.5 s"),
    ],
)
def test_a_failed_add_is_one_line_and_changes_nothing(
    route: str,
    why: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths.ensure_home()
    paths.config_path().write_text("max_file_mb = 1\n")
    monkeypatch.setattr(fetch_into, "TIMEOUT", 0.5)
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_text(full_page("Kept"), encoding="utf-8")
    assert main(["index", str(folder)]) == 0
    before = picture(paths.home())
    with local_web() as web:
        _routes(web)
        capsys.readouterr()
        assert main(["add", web.url(route)]) == 1
    out, err = capsys.readouterr()
    assert out == ""  # no summary of one failed page: its one line says it
    (line,) = err.splitlines()
    assert line.startswith(f"margin: cannot fetch {web.url(route)}: ") and why in line
    assert picture(paths.home()) == before


def test_extraction_is_bounded_by_extract_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    paths.ensure_home()
    paths.config_path().write_text("extract_timeout = 0.01\n")
    with local_web() as web:
        _routes(web)
        assert main(["add", web.url("/story")]) == 1
    (line,) = _err_lines(capsys)
    assert "took longer than 0.01 s" in line
    assert not list(paths.inbox_path().glob("*.html"))


def test_one_site_gets_two_fetches_at_a_time(capsys: pytest.CaptureFixture[str]) -> None:
    with local_web() as web:

        def counted(h: Handler) -> None:
            with h.counted():
                h.stream(drip(b"<p>Nothing much here at all.</p>", every=0.05, seconds=0.3))

        for n in range(8):
            web.routes[f"/p{n}"] = counted
        main(["add", *(web.url(f"/p{n}") for n in range(8))])
    assert web.most["127.0.0.1"] == fetch_into.PER_HOST


def test_an_address_the_library_has_is_not_fetched_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with local_web() as web:
        _routes(web)
        assert main(["add", web.url("/story")]) == 0
        asked = len(web.seen)
        assert main(["add", web.url("/story") + "?utm_source=feed"]) == 0
        assert len(web.seen) == asked
    assert "is in the library" in capsys.readouterr().out


def test_adding_a_pending_articles_address_fetches_that_article(tmp_path: Path) -> None:
    with local_web() as web:
        _routes(web)
        rows = [["title", "url", "time_added", "tags", "status"]]
        rows.append(["Later", web.url("/story"), "1700000000", "boats", "unread"])
        export = tmp_path / "part_000000.csv"
        export.write_text("\n".join(",".join(r) for r in rows) + "\n")
        with Library.open() as lib:
            lib.import_export(export)
            (waiting,) = lib.articles()
            summary = lib.add_urls([web.url("/story")])
            (row,) = lib.articles()
    assert len(summary.saved) == 1
    assert (row.id, row.status, row.tags) == (waiting.id, "ok", ["boats"])


def test_a_saved_from_line_in_the_text_is_not_the_pages_address(tmp_path: Path) -> None:
    # Only the browsers' comment says where a page came from; the words in
    # an article about it do not.
    page = tmp_path / "a.html"
    page.write_text(
        "<html><body><p>Browsers write saved from url=(0019)https://evil.test/ in a"
        " comment at the top of a saved page, and margin reads it there.</p></body></html>",
        encoding="utf-8",
    )
    assert extract_file(page).url is None


def test_an_address_that_redirects_or_names_another_is_known_again(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with local_web() as web:
        _routes(web)
        canonical = full_page("Named", canonical="https://news.example/named")
        web.routes["/named"] = lambda h: h.reply(200, canonical.encode())
        assert main(["add", web.url("/moved"), web.url("/named")]) == 0
        asked = len(web.seen)
        assert main(["add", web.url("/moved"), web.url("/named")]) == 0
        assert len(web.seen) == asked
    with Library.open() as lib:
        assert len(lib.articles()) == 2
        assert lib.find(web.url("/named")) == lib.find("https://news.example/named")


def test_stopping_keeps_the_pages_already_fetched() -> None:
    """A reader who stops a long add keeps what had come: the page fetched
    before the stop is saved and listed; the one still coming is not."""
    import threading

    with local_web() as web:
        _routes(web)
        stop = threading.Event()

        def progress(p: object) -> None:
            if getattr(p, "phase", "") == "fetch" and getattr(p, "done", 0) >= 1:
                stop.set()  # the story has come; the slow page is still coming

        with Library.open() as lib:
            summary = lib.add_urls(
                [web.url("/story"), web.url("/slow")], progress=progress, cancel=stop
            )
            titles = [r.title for r in lib.articles()]
    assert summary.cancelled
    assert [url for url, _ in summary.saved] == [web.url("/story")]
    assert titles == ["The breakwater"]
    assert len(list(paths.inbox_path().glob("*.html"))) == 1
