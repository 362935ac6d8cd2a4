"""``margin import``: exports written to the services' specifications, brought
into a real library (the SQLite file, files in the inbox, the extractor in
its worker processes); pending pages fetched from a real HTTP server."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from import_files import csv_text, write_csv, write_json, write_zip
from library_exports import (
    PARAGRAPHS,
    article_html,
    full_page,
    omnivore_item,
    omnivore_zip,
    picture,
    pocket_zip,
)
from local_web import LocalWeb, local_web
from test_web_archives import warc

from margin import paths
from margin.cli import main
from margin.fetching import saved_from
from margin.library import Library
from margin.library.reports import WorkProgress

pytestmark = pytest.mark.usefixtures("no_proxy_env")

NOTES_MD = f"""> {PARAGRAPHS[1][:42]}
> {PARAGRAPHS[1][43:]}

#work #to-do

Who pays for it?

> A sentence the article does not hold.

kept all the same
"""


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


def _standard_omnivore(tmp_path: Path) -> Path:
    items = [
        omnivore_item(
            1,
            title="The breakwater",
            state="Archived",
            readingProgress=42,
            labels=["Harbour", {"name": "Later"}],
            savedAt="2023-02-03T04:05:06.000Z",
        ),
        omnivore_item(2, title="Weekly letter", url="https://omnivore.app/no_url?q=abc"),
        omnivore_item(3, title="A paper", url="https://example.org/paper.pdf"),
        omnivore_item(4, title="Read it later", url="https://example.net/later"),
    ]
    contents: dict[str, str | bytes] = {
        "item-1": article_html(),
        "item-2": article_html("Weekly letter", ["The newsletter's only paragraph, in the ZIP."]),
        "item-3": b"%PDF-1.4\n%fake\n",
    }
    return omnivore_zip(tmp_path / "omnivore.zip", items, contents, {"item-1": NOTES_MD})


def _inbox_files() -> list[Path]:
    return sorted(p for p in paths.inbox_path().rglob("*") if p.is_file())


def test_an_omnivore_export_comes_in_whole(tmp_path: Path, lib: Library) -> None:
    summary = lib.import_export(_standard_omnivore(tmp_path))
    assert (summary.imported, summary.pending, len(summary.failed)) == (2, 1, 1)
    rows = {r.title: r for r in lib.articles()}
    article = rows["The breakwater"]
    assert article.status == "ok" and article.archived and article.progress == 0.42
    assert article.tags == ["Harbour", "Later"] and article.added.startswith("2023-02-03")
    assert article.url == "https://example.com/1"
    assert Path(article.path).parent == paths.inbox_path() / "imported" / "omnivore"
    placed, orphan = sorted(lib.highlights(article.path), key=lambda h: h.state)
    assert placed.state == "anchored" and placed.exact == PARAGRAPHS[1]
    assert placed.note == "Who pays for it?\n\n#work #to-do"
    assert orphan.state == "orphaned" and orphan.note == "kept all the same"
    assert orphan.exact == "A sentence the article does not hold."
    # The newsletter's text came in the ZIP; its address leads nowhere.
    assert rows["Weekly letter"].status == "ok" and rows["Weekly letter"].url is None
    pdf = rows["A paper"]
    assert pdf.status == "failed" and "not PDF" in (pdf.reason or "")
    assert Path(pdf.path).read_bytes().startswith(b"%PDF")
    later = rows["Read it later"]
    assert (later.status, later.path, later.url) == ("pending", "", "https://example.net/later")
    assert [h.row.id for h in lib.search("later")] == [later.id]


def test_the_saved_file_says_where_it_came_from(tmp_path: Path, lib: Library) -> None:
    lib.import_export(_standard_omnivore(tmp_path))
    (row,) = [r for r in lib.articles() if r.title == "The breakwater"]
    head = Path(row.path).read_text("utf-8")[:4096]
    assert saved_from(head) == ("https://example.com/1", "2023-02-03T04:05:06+00:00")


def test_a_second_import_adds_nothing(tmp_path: Path, lib: Library) -> None:
    export = _standard_omnivore(tmp_path)
    lib.import_export(export)
    before = picture(paths.home())
    again = lib.import_export(export)
    assert again.skipped == 4 and again.imported == again.pending == 0
    assert again.highlights.total() == 0
    assert picture(paths.home()) == before


def test_an_interrupted_import_goes_on_where_it_stopped(tmp_path: Path, lib: Library) -> None:
    items = [omnivore_item(n, title=f"Story {n}") for n in range(12)]
    contents: dict[str, str | bytes] = {f"item-{n}": article_html(f"Story {n}") for n in range(6)}
    notes = {f"item-{n}": f"> {PARAGRAPHS[n % 5]}\n" for n in range(12)}
    export = omnivore_zip(tmp_path / "omnivore.zip", items, contents, notes)
    stop = threading.Event()

    def stop_after_three(p: WorkProgress) -> None:
        if p.done >= 3:
            stop.set()

    first = lib.import_export(export, progress=stop_after_three, cancel=stop)
    assert first.cancelled and 0 < first.imported + first.pending < 12
    rest = lib.import_export(export)
    assert rest.skipped + rest.imported + rest.pending == 12 and not rest.cancelled
    rows = lib.articles()
    assert len(rows) == 12 and len({r.title for r in rows}) == 12
    assert len(lib.highlights()) == 12
    assert len(_inbox_files()) == 6


#: A sentence page "/one" holds twice: a quote of it, with no context, is
#: the same words at either place.
TWICE = "The quay was busy all day."


def _pocket_routes(web: LocalWeb) -> None:
    one = full_page("One", [PARAGRAPHS[0], TWICE, *PARAGRAPHS[1:], TWICE])
    web.routes["/one"] = lambda h: h.reply(200, one.encode())
    web.routes["/two"] = lambda h: h.reply(200, full_page("Two", PARAGRAPHS[2:]).encode())


def _pocket(tmp_path: Path, web: LocalWeb) -> Path:
    rows = [
        ["One", web.url("/one"), "1700000000", "harbour|news", "archive"],
        ["Two", web.url("/two"), "1700000100", "", "unread"],
        ["Gone", web.url("/gone"), "1700000200", "", "unread"],
    ]
    notes = [
        {
            "url": web.url("/one"),
            "title": "One",
            "highlights": [
                {"quote": PARAGRAPHS[3], "created_at": 1700000300},
                {"quote": "", "created_at": 1700000400},
                {"quote": TWICE, "created_at": 1700000500},
            ],
        }
    ]
    return pocket_zip(tmp_path / "pocket.zip", rows, notes)


def test_pocket_items_wait_then_come_with_their_highlights(tmp_path: Path, lib: Library) -> None:
    with local_web() as web:
        _pocket_routes(web)
        summary = lib.import_export(_pocket(tmp_path, web))
        assert summary.pending == 3 and summary.highlights.pending == 3
        (waiting,) = [r for r in lib.articles() if r.title == "One"]
        assert (
            waiting.status == "pending" and waiting.archived and waiting.tags == ["harbour", "news"]
        )
        assert {h.state for h in lib.highlights()} == {"pending"}
        fetched = lib.fetch_pending()
    assert len(fetched.saved) == 2 and [u for u, _ in fetched.failed] == [web.url("/gone")]
    assert "404" in fetched.failed[0][1]
    (one,) = [r for r in lib.articles() if r.id == waiting.id]
    assert one.status == "ok" and one.archived and one.tags == ["harbour", "news"]
    assert one.added.startswith("2023-11-14") and one.word_count > 20
    assert Path(one.path).parent == paths.inbox_path() / "imported" / "pocket"
    empty, quote, twice = sorted(lib.highlights(one.path), key=lambda h: h.exact)
    assert quote.state == "anchored" and quote.exact == PARAGRAPHS[3]
    first = lib.load_article(one.path).text.index(TWICE)
    assert twice.state == "anchored" and twice.start == first
    assert empty.state == "orphaned" and empty.exact == ""  # kept, with its date
    assert empty.created.startswith("2023-11-14")
    gone = lib.find(web.url("/gone"))
    assert gone is not None and gone.status == "failed" and gone.path == ""


def test_import_fetch_and_retry_from_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with local_web() as web:
        _pocket_routes(web)
        export = _pocket(tmp_path, web)
        assert main(["import", str(export), "--fetch", "--json"]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert (summary["format"], summary["pending"], summary["fetched"]) == ("pocket", 3, 2)
        assert summary["failed"][0]["item"] == web.url("/gone")
        assert summary["highlights"] == {"anchored": 2, "orphaned": 1, "pending": 0, "repeated": 0}
        assert main(["fetch"]) == 0  # nothing pending: the failed one waits for --retry-failed
        web.routes["/gone"] = lambda h: h.reply(200, full_page("Back again").encode())
        assert main(["fetch", "--retry-failed"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("fetched 0, failed 0") and "fetched 1, failed 0" in out
    with Library.open() as lib:
        assert {r.status for r in lib.articles()} == {"ok"}


def test_omnivore_newsletters_are_never_fetched(tmp_path: Path, lib: Library) -> None:
    with local_web() as web:
        item = omnivore_item(1, url="https://omnivore.app/no_url?q=1", title="Letter")
        export = omnivore_zip(tmp_path / "o.zip", [item], {}, {"item-1": "> a quote\n"})
        lib.import_export(export)
        summary = lib.fetch_pending()
    assert summary.unfetchable == 1 and not summary.saved and not web.seen
    (row,) = lib.articles()
    assert row.status == "pending" and "no address" in (row.reason or "")
    assert [h.state for h in lib.highlights()] == ["orphaned"]


def test_wallabag_ranges_choose_between_two_copies_of_a_quote(tmp_path: Path, lib: Library) -> None:
    twice = [PARAGRAPHS[0], "It was said once.", PARAGRAPHS[1], "It was said once.", PARAGRAPHS[2]]
    entry = {
        "id": 7,
        "title": "Twice",
        "url": "https://example.com/twice",
        "is_archived": 0,
        "is_starred": 1,
        "content": article_html("Twice", twice),
        "tags": ["quotes"],
        "annotations": [
            {
                "text": "the second time",
                "quote": "It was said once.",
                "ranges": [
                    {
                        "start": "/article/p[4]",
                        "startOffset": "0",
                        "end": "/article/p[4]",
                        "endOffset": 17,
                    }
                ],
            },
            {"text": "no range", "quote": "It was said once.", "ranges": []},
        ],
    }
    lib.import_export(write_json(tmp_path / "wallabag.json", [entry]))
    (row,) = lib.articles()
    assert row.bookmarked and row.tags == ["quotes"]
    text = lib.load_article(row.path).text
    second, first = sorted(lib.highlights(row.path), key=lambda h: h.note or "", reverse=True)
    assert second.note == "the second time" and second.start == text.rindex("It was said once.")
    assert first.note == "no range" and first.start == text.index("It was said once.")


def test_hypothesis_highlights_go_to_the_page_the_library_has(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    page = full_page("Harbour news", canonical="https://news.example/harbour")
    (folder / "harbour.html").write_text(page, encoding="utf-8")
    lib.scan([folder], jobs=1)
    quote = "the building site"
    annotations = [
        _hypothesis(quote, "Fishermen worry that ", " will close the", "theirs"),
        _hypothesis(quote, "a different context ", " altogether here", "wrong words"),
    ]
    summary = lib.import_export(write_json(tmp_path / "h.json", {"annotations": annotations}))
    assert summary.merged == 1 and summary.pending == 0
    (row,) = lib.articles()
    placed, orphan = sorted(lib.highlights(row.path), key=lambda h: h.state)
    # Hypothesis tags its annotations: kept as the note's last line.
    assert placed.state == "anchored" and placed.note == "theirs\n\n#harbour"
    assert orphan.state == "orphaned" and orphan.note == "wrong words\n\n#harbour"


def _hypothesis(exact: str, prefix: str, suffix: str, note: str) -> dict[str, object]:
    return {
        "id": note,
        "created": "2024-01-02T03:04:05Z",
        "uri": "https://NEWS.example/harbour?utm_source=feed#top",
        "text": note,
        "tags": ["harbour"],
        "document": {"title": ["Harbour news"]},
        "target": [
            {
                "source": "https://news.example/harbour",
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": exact,
                        "prefix": prefix,
                        "suffix": suffix,
                    },
                    {"type": "TextPositionSelector", "start": 10, "end": 27},
                ],
            }
        ],
    }


def test_readwise_highlights_find_their_article_by_title(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "b.html").write_text(full_page("The Breakwater Story"), encoding="utf-8")
    lib.scan([folder], jobs=1)
    header = ["Highlight", "Book Title", "Book Author", "Amazon Book ID", "Note", "Color",
              "Tags", "Location Type", "Location", "Highlighted at"]  # fmt: skip
    rows = [
        header,
        [PARAGRAPHS[4], "the breakwater story", "", "", "lighthouse!", "yellow", "", "", "", ""],
        ["A line from a book", "A Book", "An Author", "B00X", "", "", "", "page", "12", ""],
    ]
    summary = lib.import_export(write_csv(tmp_path / "readwise.csv", rows))
    assert summary.merged == 1 and summary.pending == 1
    listed = {r.title: r for r in lib.articles()}
    states = {h.title: (h.state, h.note) for h in lib.highlights()}
    assert states["The Breakwater Story"] == ("anchored", "lighthouse!")
    book = listed["A Book"]
    assert (book.status, book.url, book.path) == ("pending", None, "")
    assert states["A Book"] == ("orphaned", None)  # no address: kept, with its quote


def test_instapaper_and_bookmark_folders_become_tags(tmp_path: Path, lib: Library) -> None:
    rows = [
        ["URL", "Title", "Selection", "Folder", "Timestamp", "Tags"],
        ["https://a.example/1", "Starred one", "", "Starred", "1700000000", '["x"]'],
        ["https://a.example/2", "Read one", "", "Archive", "1700000000", "[]"],
        ["https://a.example/3", "Filed one", "", "Boats", "1700000000", "[]"],
    ]
    lib.import_export(write_csv(tmp_path / "instapaper.csv", rows))
    bookmarks = tmp_path / "bookmarks.html"
    bookmarks.write_text(
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><H3>Harbour</H3><DL><p>"
        '<DT><A HREF="https://a.example/3" ADD_DATE="1700000000" TAGS="ferries">Filed one</A>'
        "</DL><p></DL>",
        encoding="utf-8",
    )
    summary = lib.import_export(bookmarks)
    assert summary.merged == 1  # the same address: the same article
    rows_by_title = {r.title: r for r in lib.articles()}
    assert rows_by_title["Starred one"].bookmarked and rows_by_title["Starred one"].tags == ["x"]
    assert rows_by_title["Read one"].archived
    assert rows_by_title["Filed one"].tags == ["Boats", "ferries", "Harbour"]
    assert [r.title for r in lib.articles(tag="harbour")] == ["Filed one"]


def test_a_warc_of_many_pages_imports_as_many_articles(tmp_path: Path, lib: Library) -> None:
    capture = tmp_path / "crawl.warc.gz"
    capture.write_bytes(warc(gzipped=True, pages=3))
    summary = lib.import_export(capture)
    assert (summary.format, summary.imported) == ("warc", 3)
    urls = sorted(r.url or "" for r in lib.articles())
    assert urls == [f"https://example.org/story{s}" for s in ("", "-1", "-2")]
    assert lib.import_export(capture).skipped == 3


BAD = {
    "truncated zip": lambda p: p.write_bytes(_omnivore_bytes(p)[:200]),
    "missing column": lambda p: p.write_text(csv_text([["URL", "Title", "Folder"], ["https://a/", "t", "Unread"]])),
    "zip bomb": lambda p: write_zip(p, [("metadata_0_to_1.json", "[]"), ("content/a.html", b"\0" * (300 << 20))]),
    "path traversal": lambda p: write_zip(p, [("metadata_0_to_1.json", "[]"), ("../../x", "<p>x</p>")]),
}  # fmt: skip


def _omnivore_bytes(p: Path) -> bytes:
    item = omnivore_item(1)
    omnivore_zip(p, [item], {"item-1": article_html() * 50})
    return p.read_bytes()


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_bad_export_is_one_line_and_changes_nothing(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "a.html").write_text(full_page("Kept as it is"), encoding="utf-8")
    assert main(["index", str(folder)]) == 0
    export = tmp_path / "export.bin"
    BAD[kind](export)
    before = picture(paths.home(), tmp_path)
    capsys.readouterr()
    assert main(["import", str(export)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"margin: cannot import {export}"), err
    assert picture(paths.home(), tmp_path) == before


def test_a_bad_export_makes_no_database_either(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_zip(tmp_path / "x.zip", [("../../x", "<p>x</p>")])
    assert main(["import", str(export)]) == 1
    assert not paths.database_path().exists() and not paths.inbox_path().exists()


def test_titles_cannot_lead_files_out_of_the_inbox(tmp_path: Path, lib: Library) -> None:
    hostile = ["../../../../escape", "/etc/passwd", "..", "a/../../b", "\x1b]0;owned\x07title"]
    items = [omnivore_item(n, title=t, url=f"https://e.example/{n}") for n, t in enumerate(hostile)]
    contents: dict[str, str | bytes] = {f"item-{n}": article_html() for n in range(len(hostile))}
    export = omnivore_zip(tmp_path / "o.zip", items, contents)
    outside = picture(tmp_path)
    summary = lib.import_export(export)
    assert summary.imported == len(hostile)
    written = _inbox_files()
    assert len(written) == len(hostile)
    folder = paths.inbox_path() / "imported" / "omnivore"
    assert all(p.parent == folder and "\x1b" not in p.name for p in written)
    assert picture(tmp_path) == outside


def test_pending_articles_in_list_notes_and_export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = "https://example.com/later"
    rows = [["Later, maybe", url, "1700000000", "boats", "unread"]]
    notes = [{"url": url, "title": "Later", "highlights": [{"quote": "a quote", "created_at": 1}]}]
    assert main(["import", str(pocket_zip(tmp_path / "p.zip", rows, notes))]) == 0
    out = capsys.readouterr().out
    assert "pending 1" in out and "1 pending" in out and "margin fetch" in out
    assert main(["list", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert (row["status"], row["path"], row["url"], row["tags"]) == (
        "pending",
        None,
        url,
        ["boats"],
    )
    assert main(["list", "--filter", "pending"]) == 0
    assert "PENDING Later, maybe #boats" in capsys.readouterr().out
    assert main(["notes", "--json"]) == 0
    (note,) = json.loads(capsys.readouterr().out)
    assert (note["state"], note["article"], note["quote"], note["start"]) == (
        "pending",
        None,
        "a quote",
        None,
    )
    assert main(["export", "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)["first"]["items"]
    assert item["target"]["source"] == url and item["margin:state"] == "pending"


def test_an_article_a_service_chose_is_read_whole(tmp_path: Path, lib: Library) -> None:
    # Omnivore's reader showed the caption and the list of links; its user
    # highlighted them there. margin's own cut would drop both.
    caption = "The old breakwater in 1921, before the storm that broke it."
    links = ["Read the council minutes", "See the ferry timetable"]
    content = (
        article_html()
        + f"<figure><img src='x.jpg'><figcaption>{caption}</figcaption></figure>"
        + "<ul>"
        + "".join(f"<li><a href='https://x.example/{n}'>{t}</a></li>" for n, t in enumerate(links))
        + "</ul>"
    )
    notes = f"> {caption}\n\n> {links[1]}\n"
    item = omnivore_item(1, title="The breakwater")
    export = omnivore_zip(tmp_path / "o.zip", [item], {"item-1": content}, {"item-1": notes})
    summary = lib.import_export(export)
    assert summary.highlights.anchored == 2 and summary.highlights.orphaned == 0
    (row,) = lib.articles()
    text = lib.load_article(row.path).text
    assert caption in text and links[1] in text and text.startswith(PARAGRAPHS[0])


def test_a_warc_page_is_cut_as_any_page(tmp_path: Path, lib: Library) -> None:
    capture = tmp_path / "crawl.warc"
    capture.write_bytes(warc(gzipped=False, pages=2))
    lib.import_export(capture)
    for row in lib.articles():
        head = Path(row.path).read_text("utf-8")[:4096]
        assert "margin-article" not in head  # pages as served: margin chooses the article


def test_readwise_reader_documents_wait_with_their_state(tmp_path: Path, lib: Library) -> None:
    rows = [
        ["Title", "URL", "ID", "Document tags", "Saved date", "Reading progress", "Location", "Seen"],
        ["Kept", "https://r.example/1", "r1", "['boats', 'harbour']", "2024-03-04 05:06", "0.5", "archive", "true"],
        ["Feed", "https://r.example/2", "r2", "[]", "2024-03-04 05:06", "0", "feed", "false"],
    ]  # fmt: skip
    summary = lib.import_export(write_csv(tmp_path / "reader.csv", rows))
    assert summary.pending == 1 and summary.problems  # the feed entry left out, said once
    (row,) = lib.articles()
    assert (row.status, row.archived, row.progress, row.tags) == (
        "pending",
        True,
        0.5,
        ["boats", "harbour"],
    )
    assert row.added.startswith("2024-03-04")


def test_warcs_in_a_library_folder(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "captures"
    folder.mkdir()
    (folder / "one.warc.gz").write_bytes(warc(gzipped=True))
    (folder / "many.warc.gz").write_bytes(warc(gzipped=True, pages=2))
    summary = lib.scan([folder], jobs=1)
    assert summary.seen == 2
    rows = {Path(r.path).name: r for r in lib.articles()}
    assert rows["one.warc.gz"].status == "ok"
    assert rows["one.warc.gz"].url == "https://example.org/story"
    assert rows["many.warc.gz"].status == "failed"
    assert "'margin import' it" in (rows["many.warc.gz"].reason or "")


def test_an_import_killed_midway_goes_on_when_run_again(tmp_path: Path) -> None:
    count = 150
    items = [omnivore_item(n, title=f"Story {n}") for n in range(count)]
    contents: dict[str, str | bytes] = {
        f"item-{n}": article_html(f"Story {n}") for n in range(0, count, 2)
    }
    notes = {f"item-{n}": f"> {PARAGRAPHS[n % 5]}\n\nnote {n}\n" for n in range(count)}
    export = omnivore_zip(tmp_path / "omnivore.zip", items, contents, notes)
    cmd = [sys.executable, "-m", "margin", "import", str(export), "--quiet"]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    done = 0
    ends = time.monotonic() + 60
    while proc.poll() is None and time.monotonic() < ends and done == 0:
        time.sleep(0.01)
        done = _imported(paths.database_path())
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    # The kill landed mid-import, between two batches or inside one.
    assert proc.returncode == -signal.SIGKILL and 0 < _imported(paths.database_path()) < count
    assert main(["import", str(export), "--quiet"]) == 0
    with Library.open() as lib:
        rows = lib.articles()
        assert len(rows) == count and len({r.title for r in rows}) == count
        assert sorted(h.note or "" for h in lib.highlights()) == sorted(
            f"note {n}" for n in range(count)
        )
    assert len(_inbox_files()) == count // 2


def _imported(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1) as conn:
            return int(conn.execute("SELECT count(*) FROM imports").fetchone()[0])
    except sqlite3.Error:
        return 0  # not made yet


def test_a_pending_page_with_no_article_in_it_stays_without_a_file(
    tmp_path: Path, lib: Library
) -> None:
    with local_web() as web:
        web.routes["/stub"] = lambda h: h.reply(
            200, b"<html><body><p>Three words here.</p></body></html>"
        )
        rows = [["Stub", web.url("/stub"), "1700000000", "keep", "unread"]]
        notes = [{"url": web.url("/stub"), "highlights": [{"quote": "words", "created_at": 1}]}]
        lib.import_export(pocket_zip(tmp_path / "p.zip", rows, notes))
        summary = lib.fetch_pending()
    assert [why for _, why in summary.failed] == ["no article in it (3 words, no title)"]
    (row,) = lib.articles()
    assert (row.status, row.path, row.tags) == ("failed", "", ["keep"])
    assert [h.state for h in lib.highlights()] == ["pending"]
    assert not _inbox_files()
