"""The library: scanning, listing, search, bookmarks, positions."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from margin.library import Library, ScanProgress
from margin.library.workers import Job, Outcome, run_jobs

PARAGRAPHS = [
    "The harbour at Valletta was quiet on Tuesday morning when the first ferry of the season "
    "pulled in, carrying a handful of engineers who had come to inspect the breakwater.",
    "Maria Borg, who has run the harbour office for eleven years, said the storms of the past "
    "winter had shifted several of the concrete blocks by almost a metre.",
    "Repairs are expected to take most of the summer. The contractor, a firm from Catania, "
    "will work at night so that the morning fishing boats can still leave on time.",
    "Fishermen are sceptical. They have heard promises before, and the last repair, finished "
    "in a hurry before an election, lasted barely three seasons.",
    "The ministry says the new design uses heavier blocks and a gentler slope, which should "
    "spread the force of the waves rather than meeting them head on.",
    "Engineers at the University of Malta have modelled the harbour in a wave tank and say the "
    "design should survive a storm of the kind expected once in fifty years.",
    "For now the ferry timetable is unchanged, and the cafés along the waterfront are setting "
    "out their tables for a season that everyone hopes will be calmer than the last.",
]


def page(
    title: str = "Repairs begin on the Valletta breakwater",
    paragraphs: list[str] | None = None,
    *,
    chrome: str = "Subscribe to our newsletter",
    byline: str = "Joseph Camilleri",
) -> str:
    """A realistic saved news page: head metadata, navigation, article, footer."""
    paras = PARAGRAPHS if paragraphs is None else paragraphs
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | Harbour Times</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="Harbour Times">
<meta name="author" content="{html.escape(byline)}">
<meta property="article:published_time" content="2024-04-02T08:00:00Z">
<link rel="canonical" href="https://harbourtimes.example/news/breakwater">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/subscribe">{html.escape(chrome)}</a></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
<p class="byline">By {html.escape(byline)}</p>
{body}
</article></main>
<aside><h2>Related</h2><ul><li><a href="/a">Ferry prices rise</a></li>
<li><a href="/b">New marina plan</a></li></ul></aside>
<footer><p>{html.escape(chrome)}. &copy; Harbour Times. Privacy policy.</p></footer>
</body></html>
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_margin(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "margin", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
    )


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


def test_scan_lists_articles_with_metadata(tmp_path: Path, lib: Library) -> None:
    write(tmp_path / "lib" / "breakwater.html", page())
    write(tmp_path / "lib" / "sub" / "ferry.html", page("Ferry season opens early"))
    summary = lib.scan([tmp_path / "lib"], jobs=1)
    assert summary.indexed == 2 and not summary.failed
    rows = lib.articles(sort="title")
    assert [r.title for r in rows] == [
        "Ferry season opens early",
        "Repairs begin on the Valletta breakwater",
    ]
    row = rows[1]
    assert row.status == "ok" and row.word_count > 100 and row.reading_minutes >= 1
    assert row.bookmarked is False and row.progress == 0.0 and row.highlights == 0
    assert Path(tmp_path / "lib").resolve() in lib.folders()


def test_unchanged_rescan_extracts_nothing(tmp_path: Path, lib: Library) -> None:
    write(tmp_path / "lib" / "a.html", page())
    lib.scan([tmp_path / "lib"], jobs=1)
    calls: list[ScanProgress] = []
    again = lib.scan([tmp_path / "lib"], jobs=1, progress=calls.append)
    assert (again.indexed, again.unchanged) == (0, 1)
    assert calls == [ScanProgress(0, 0, None)]


def test_bad_files_fail_with_reasons_and_scan_goes_on(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "lib"
    write(folder / "good.html", page())
    (folder / "binary.html").write_bytes(b"\x00\x01\x02" * 500)
    write(folder / "empty.txt", "")
    os.mkfifo(folder / "pipe.html")  # would hang a naive reader
    summary = lib.scan([folder], jobs=2)
    assert summary.indexed == 1
    reasons = dict(summary.failed)
    assert set(map(os.path.basename, reasons)) == {"binary.html", "empty.txt"}
    failed = lib.articles(filter="failed")
    assert {r.status for r in failed} == {"failed"} and all(r.reason for r in failed)


def test_symlink_loop_and_non_utf8_name(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "lib"
    write(folder / "inner" / "a.html", page())
    os.symlink(folder, folder / "inner" / "loop")
    odd = os.fsencode(str(folder)) + b"/caf\xe9.html"
    with open(odd, "wb") as fh:
        fh.write(page("A name in Latin-1").encode())
    summary = lib.scan([folder], jobs=1)
    assert summary.indexed == 2 and not summary.failed
    titles = {r.title for r in lib.articles()}
    assert "A name in Latin-1" in titles
    odd_row = next(r for r in lib.articles() if r.title == "A name in Latin-1")
    assert os.fsencode(odd_row.path) == odd
    lib.set_bookmark(odd_row.path, True)
    assert lib.articles(filter="bookmarked")[0].title == "A name in Latin-1"
    listed = json.dumps([r.to_dict() for r in lib.articles()])
    assert "\\udce9" not in listed  # shown escaped, not as a lone surrogate


def test_vanished_file_is_dropped_unless_it_has_user_data(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "lib"
    a = write(folder / "a.html", page())
    b = write(folder / "b.html", page("Second article"))
    lib.scan([folder], jobs=1)
    lib.set_bookmark(b, True)
    lib.set_position(a, 0, 0.0)  # a reading row with nothing in it is no user data
    a.unlink()
    b.unlink()
    summary = lib.scan([folder], jobs=1)
    assert summary.removed == 2
    assert lib.articles() == []
    # The bookmarked article was kept, out of the list, until its file is back;
    # the other one was forgotten: back, it is a new unread article.
    assert lib.article_row(b) is not None and lib.article_row(a) is None
    write(a, page())
    write(b, page("Second article"))
    assert lib.scan([folder], jobs=1).indexed == 2
    assert [r.title for r in lib.articles(filter="bookmarked")] == ["Second article"]


def test_search_ranks_and_returns_plain_snippets(tmp_path: Path, lib: Library) -> None:
    folder = tmp_path / "lib"
    write(folder / "a.html", page())
    write(
        folder / "b.html",
        page("Wave tank experiments", ["The wave tank at the university ran all night. " * 5]),
    )
    lib.scan([folder], jobs=1)
    hits = lib.search("wave tank")
    assert [h.row.title for h in hits][0] == "Wave tank experiments"
    assert len(hits) == 2
    for h in hits:
        assert "\x01" not in h.snippet and "[" not in h.snippet
        assert h.matches and all(h.snippet[s:e].lower() in {"wave", "tank"} for s, e in h.matches)
    # Invalid FTS5 syntax falls back to the words.
    assert lib.search('wave "tank') and lib.search("(((") == []
    lib.set_bookmark(folder / "a.html", True)
    assert [h.row.title for h in lib.search("wave", bookmarked=True)] == [
        "Repairs begin on the Valletta breakwater"
    ]
    assert [h.row.title for h in lib.search("wave", site="harbour times")]


def test_a_batch_of_articles_enters_the_full_text_index_as_one_segment(
    tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scan adds a batch's articles to FTS5 together (not one segment per
    article, which FTS5 then spends the scan merging), and a re-saved article
    is found by its new words only."""
    from margin.library import indexer, store

    monkeypatch.setattr(indexer, "_BATCH_SECONDS", 1e9)  # one batch
    folder = tmp_path / "lib"
    for i in range(12):
        write(folder / f"a{i}.html", page(f"Harbour report number {i}"))
    assert lib.scan([folder], jobs=1).indexed == 12
    conn = store.connect(lib.db_path)
    try:
        assert conn.execute("SELECT count(DISTINCT segid) FROM fts_idx").fetchone()[0] == 1
    finally:
        conn.close()
    assert len(lib.search("breakwater")) == 12
    write(folder / "a3.html", page("Harbour report number 3", ["Lighthouse keepers went home."]))
    assert lib.scan([folder], jobs=1).indexed == 1
    assert [h.row.title for h in lib.search("lighthouse")] == ["Harbour report number 3"]
    assert len(lib.search("breakwater")) == 11


def test_an_article_written_twice_in_one_batch_keeps_the_full_text_index_sound(
    tmp_path: Path, lib: Library
) -> None:
    """Its first version's words are still waiting to be added when the
    second replaces them: they are added before the trigger removes them."""
    from margin.library import recording, store
    from margin.library.rows import ScanSummary
    from margin.library.workers import extract_for_index

    def extract(path: Path) -> Outcome:
        st = path.stat()
        return extract_for_index(Job(str(path), st.st_size, st.st_mtime_ns))

    path = write(tmp_path / "lib" / "a.html", page())
    first = extract(path)
    write(path, page("Lighthouse keepers", ["Lighthouse keepers went home early. " * 8]))
    second = extract(path)
    assert first.record is not None and second.record is not None
    conn = store.connect(lib.db_path)
    try:
        fts: list[tuple[int, str, str, str, str]] = []
        with store.transaction(conn):
            for outcome in (first, second):
                recording.record(conn, outcome, lib.extractor, ScanSummary(), fts)
            recording.add_to_fts(conn, fts)
        conn.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
    assert [h.row.title for h in lib.search("lighthouse")] == ["Lighthouse keepers"]
    assert lib.search("breakwater") == []


def test_bookmark_and_position_persist(tmp_path: Path) -> None:
    art = write(tmp_path / "a.html", page())
    with Library.open() as lib:
        lib.set_bookmark(art, True)
        lib.set_position(art, 1234, 0.4)
    with Library.open() as lib:
        assert lib.get_position(art) == (1234, 0.4)
        row = lib.article_row(art)
        assert row is not None and row.bookmarked and row.progress == 0.4
        assert lib.articles(filter="unread") == []


def test_load_article_uses_index_when_fresh(tmp_path: Path, lib: Library) -> None:
    art = write(tmp_path / "a.html", page())
    first = lib.load_article(art)
    second = lib.load_article(art)
    assert second.text == first.text and second.title == first.title
    assert [(b.kind, b.start, b.end, b.text) for b in second.blocks] == [
        (b.kind, b.start, b.end, b.text) for b in first.blocks
    ]
    write(art, page(paragraphs=PARAGRAPHS[:3]))
    os.utime(art, ns=(1, 1))
    assert lib.load_article(art).text != first.text


def _hang(job: Job, soft: float | None) -> Outcome:
    if job.path.endswith("hang.html"):
        threading.Event().wait()
    return Outcome(job.path, job.size, job.mtime_ns, reason="fine")


def test_hanging_page_is_stopped(tmp_path: Path) -> None:
    jobs = [Job(str(tmp_path / n), 1, 1) for n in ("a.html", "hang.html", "b.html", "c.html")]
    results: list[Outcome] = []
    run_jobs(jobs, results.append, processes=2, timeout=1.5, extract=_hang)
    by_name = {os.path.basename(o.path): o.reason for o in results}
    assert len(by_name) == 4
    assert "longer than 1.5 s" in (by_name["hang.html"] or "")
    assert by_name["a.html"] == by_name["c.html"] == "fine"


def _crash(job: Job, soft: float | None) -> Outcome:
    if job.path.endswith("crash.html"):
        os._exit(3)
    return Outcome(job.path, job.size, job.mtime_ns, reason="fine")


@pytest.mark.parametrize("slow_parent", [False, True])
def test_a_crash_costs_only_its_file_not_the_ones_queued_behind_it(
    tmp_path: Path, slow_parent: bool
) -> None:
    # One worker holds two files at a time: the one after the crash was in
    # its pipe, never started, and must be extracted by the replacement.
    # With a slow parent (a long database write) the worker finishes a file
    # and dies on the next before the parent hands it another: that result
    # must still arrive, and the file handed to the dead worker be redone.
    names = ("a.html", "crash.html", "b.html", "c.html", "crash2-crash.html", "d.html")
    jobs = [Job(str(tmp_path / n), 1, 1) for n in names]
    results: list[Outcome] = []

    def on_result(o: Outcome) -> None:
        if slow_parent:
            time.sleep(0.3)
        results.append(o)

    run_jobs(jobs, on_result, processes=1, timeout=20, extract=_crash)
    by_name = {os.path.basename(o.path): o.reason or "" for o in results}
    assert sorted(by_name) == sorted(names) and len(results) == len(names)
    assert "crashed (exit status 3)" in by_name["crash.html"]
    assert "crashed" in by_name["crash2-crash.html"]
    assert {by_name[n] for n in ("a.html", "b.html", "c.html", "d.html")} == {"fine"}


def test_cli_index_list_search(tmp_path: Path) -> None:
    folder = tmp_path / "lib"
    write(folder / "a.html", page("Title with [bold]markup[/bold]"))
    (folder / "junk.html").write_bytes(b"\x00" * 100)
    res = run_margin("index", str(folder))
    assert res.returncode == 0, res.stderr
    assert "indexed 1" in res.stdout and "failed 1" in res.stdout and "junk.html" in res.stdout
    res = run_margin("list", "--json")
    data = json.loads(res.stdout)
    assert {d["status"] for d in data} == {"ok", "failed"}
    ok = next(d for d in data if d["status"] == "ok")
    assert ok["title"] == "Title with [bold]markup[/bold]"
    for key in (
        "path",
        "byline",
        "site",
        "published",
        "word_count",
        "reading_minutes",
        "bookmarked",
        "progress",
        "highlights",
    ):
        assert key in ok
    res = run_margin("search", "breakwater", "--json")
    assert json.loads(res.stdout)[0]["snippet"]
    res = run_margin("index", str(tmp_path / "nope"))
    assert res.returncode == 1 and res.stderr.startswith("margin: ")


def test_importing_the_library_does_not_load_the_extractor() -> None:
    # The app imports margin.library at start-up; lxml, readability and
    # charset-normalizer cost ~0.2 s and are only needed to read a file.
    code = (
        "import sys, margin.library, margin.library.records, margin.library.workers\n"
        "heavy = ('lxml', 'readability', 'charset_normalizer', 'margin.ingest')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in heavy[:3]\n"
        "             or m == heavy[3] or m.startswith(heavy[3] + '.'))\n"
        "print(bad[:5]); sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_highlights_carry_their_stable_uid_into_export(tmp_path: Path, lib: Library) -> None:
    from margin import export

    art = write(tmp_path / "lib" / "a.html", page())
    made = lib.annotate(art, "Maria Borg", note="ask her")
    assert len(made.uid) == 32
    (listed,) = lib.highlights(art)
    assert listed.uid == made.uid == lib.highlight_uids()[listed.id or 0]
    ((_, markdown),) = export.to_markdown(lib)
    assert f"^hl-{made.uid[:10]}" in markdown
    (item,) = export.to_json(lib)["first"]["items"]
    assert item["id"] == "urn:uuid:" + str(uuid.UUID(made.uid))


def test_the_size_limit_is_the_one_passed_in(tmp_path: Path) -> None:
    """The library reads no file above the limit it was given: not in a
    scan, not when an article is opened."""
    from margin.errors import IngestError

    folder = tmp_path / "lib"
    write(folder / "small.html", page())
    write(folder / "big.html", page(paragraphs=PARAGRAPHS * 1000))  # 1.1 MB
    with Library.open() as lib:
        summary = lib.scan([folder], jobs=1, max_file_mb=1)
        assert summary.indexed == 1
        ((path, reason),) = summary.failed
        assert path.endswith("big.html")
        assert "above the 1.0 MB limit" in reason and "max_file_mb" in reason
    other = write(tmp_path / "other.html", page(paragraphs=PARAGRAPHS * 1000))
    with Library.open(max_file_mb=1) as lib, pytest.raises(IngestError, match="1.0 MB limit"):
        lib.load_article(other)
    with Library.open(tmp_path / "fresh.db") as lib:  # the default limit, 32 MB
        assert lib.load_article(other).word_count > 50_000


def test_margin_index_obeys_max_file_mb_from_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from margin import paths
    from margin.cli import main

    paths.config_path().parent.mkdir(parents=True, exist_ok=True)
    paths.config_path().write_text("max_file_mb = 1\n", encoding="utf-8")
    folder = tmp_path / "lib"
    write(folder / "small.html", page())
    write(folder / "big.html", page(paragraphs=PARAGRAPHS * 1000))  # 1.1 MB
    assert main(["index", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("indexed 1, unchanged 0, failed 1")
    assert "big.html: the file is 1.1 MB, above the 1.0 MB limit" in out


def test_first_rows_come_in_the_same_order_as_the_whole_list(tmp_path: Path, lib: Library) -> None:
    for i in range(7):
        write(tmp_path / "a" / f"p{i}.html", page(title=f"Article number {i} about harbours"))
    for i in range(3):
        write(tmp_path / "b" / f"q{i}.html", page(title=f"Other article {i} about rivers"))
    lib.scan([tmp_path])
    for reverse in (False, True):
        whole = [r.path for r in lib.articles(reverse=reverse)]
        assert [r.path for r in lib.articles(limit=4, reverse=reverse)] == whole[:4]
        under = [r.path for r in lib.articles(folder=tmp_path / "b", reverse=reverse)]
        first = lib.articles(folder=tmp_path / "b", limit=2, reverse=reverse)
        assert [r.path for r in first] == under[:2] and len(under) == 3
    assert [r.path for r in lib.articles(sort="title", limit=3)] == [
        r.path for r in lib.articles(sort="title")
    ][:3]
    assert lib.article_count() == 10 and lib.article_count(folder=tmp_path / "a") == 7
