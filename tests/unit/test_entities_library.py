"""Entities across the library: stored by the index, listed library-wide,
used to filter search and list, and reused by ``margin entities FILE``."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from test_library import page, run_margin, write

from margin import paths
from margin.library import Library
from margin.library.workers import Job, Outcome, run_jobs

BORG = (
    "Maria Borg, who runs the harbour office in Valletta, said the storm had moved the "
    "breakwater blocks. Maria Borg has worked there for eleven years."
)
FERRY = (
    "The ferry from Valletta to Catania was cancelled on Monday. Maria Borg said the "
    "harbour would reopen once the waves eased."
)
MARKET = "The fish market in Catania opened late because of the weather, traders said."


@pytest.fixture
def library(tmp_path: Path):
    folder = tmp_path / "lib"
    write(folder / "borg.html", page("Harbour chief on the storm", [BORG]))
    write(folder / "ferry.html", page("Ferry cancelled", [FERRY]))
    write(folder / "market.html", page("Fish market opens late", [MARKET]))
    lib = Library.open()
    summary = lib.scan([folder], jobs=1)
    assert summary.indexed == 3, summary.failed
    yield lib, folder
    lib.close()


def test_library_entities_count_mentions_and_articles(library) -> None:
    lib, folder = library
    top = {(e.text, e.label): e for e in lib.library_entities(50)}
    borg = top[("Maria Borg", "PERSON")]
    assert (borg.count, borg.articles) == (3, 2)
    assert top[("Valletta", "PLACE")].articles == 2
    counts = [e.count for e in lib.library_entities(50)]
    assert counts == sorted(counts, reverse=True)  # most mentioned first
    assert len(lib.library_entities(1)) == 1
    arts = lib.entity_articles("maria borg", "PERSON")  # any case
    assert [(os.path.basename(r.path), n) for r, n in arts] == [
        ("borg.html", 2),
        ("ferry.html", 1),
    ]
    assert lib.entity_articles("Nobody Atall") == []


def test_a_deleted_article_leaves_the_library_entities(library) -> None:
    lib, folder = library
    (folder / "borg.html").unlink()
    lib.scan([folder], jobs=1)
    top = {(e.text, e.label): e for e in lib.library_entities(50)}
    assert (top[("Maria Borg", "PERSON")].count, top[("Maria Borg", "PERSON")].articles) == (1, 1)


def test_search_and_list_filter_by_entity(library) -> None:
    lib, folder = library
    assert {os.path.basename(h.row.path) for h in lib.search("Valletta")} == {
        "borg.html",
        "ferry.html",
    }
    hits = lib.search("Valletta OR Catania", entity="catania")
    assert {os.path.basename(h.row.path) for h in hits} == {"ferry.html", "market.html"}
    rows = lib.articles(entity="Maria Borg", sort="title")
    assert [os.path.basename(r.path) for r in rows] == ["ferry.html", "borg.html"]
    assert lib.articles(entity="Nobody Atall") == []

    res = run_margin("search", "Valletta", "--entity", "Catania", "--json")
    assert res.returncode == 0, res.stderr
    assert [os.path.basename(d["path"]) for d in json.loads(res.stdout)] == ["ferry.html"]
    res = run_margin("list", "--entity", "Maria Borg", "--json")
    assert res.returncode == 0, res.stderr
    assert {os.path.basename(d["path"]) for d in json.loads(res.stdout)} == {
        "borg.html",
        "ferry.html",
    }


def test_cli_entities_library(library) -> None:
    res = run_margin("entities", "--library", "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    borg = next(d for d in data if d["text"] == "Maria Borg")
    assert borg["label"] == "PERSON" and borg["mentions"] == 3 and borg["article_count"] == 2
    assert [(os.path.basename(a["path"]), a["mentions"]) for a in borg["articles"]] == [
        ("borg.html", 2),
        ("ferry.html", 1),
    ]
    assert borg["articles"][0]["title"] == "Harbour chief on the storm"

    res = run_margin("entities", "--library", "--limit", "1", "--json")
    assert res.returncode == 0, res.stderr
    assert len(json.loads(res.stdout)) == 1

    res = run_margin("entities", "--library")
    assert res.returncode == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["entity", "label", "mentions", "articles"]
    assert any(ln.startswith("Maria Borg") and ln.split()[-2:] == ["3", "2"] for ln in lines)
    assert "    Harbour chief on the storm (2)" in lines

    res = run_margin("entities", "--library", "--limit", "0")
    assert res.returncode == 2 and "limit" in res.stderr


def test_cli_entities_library_on_an_empty_library() -> None:
    res = run_margin("entities", "--library")
    assert res.returncode == 0, res.stderr
    assert "no entities" in res.stdout
    res = run_margin("entities", "--library", "--json")
    assert json.loads(res.stdout) == []


def test_entities_of_an_indexed_file_come_from_the_index(library) -> None:
    lib, folder = library
    path = folder / "market.html"
    # Make the stored entities differ from what recognition would find, to
    # see which ones the command prints.
    conn = sqlite3.connect(paths.database_path())
    with conn:
        conn.execute(
            "UPDATE texts SET entities = '[[4,15,\"OTHER\"]]' WHERE article_id = "
            "(SELECT id FROM articles WHERE path = ?)",
            (str(path.resolve()),),
        )
    conn.close()
    res = run_margin("entities", str(path), "--json")
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout) == [
        {"text": "fish market", "label": "OTHER", "start": 4, "end": 15}
    ]
    # Once the file changes, the stored entities are stale: it is read again.
    write(path, page("Fish market opens late", [MARKET]))
    os.utime(path, ns=(1, 1))
    res = run_margin("entities", str(path), "--json")
    assert res.returncode == 0, res.stderr
    found = {(d["text"], d["label"]) for d in json.loads(res.stdout)}
    assert ("Catania", "PLACE") in found and ("fish market", "OTHER") not in found


def test_entities_of_a_file_outside_the_library_create_no_database(tmp_path: Path) -> None:
    path = write(tmp_path / "loose.html", page("Ferry cancelled", [FERRY]))
    res = run_margin("entities", str(path))
    assert res.returncode == 0, res.stderr
    assert "Maria Borg" in res.stdout and "PERSON" in res.stdout
    assert not paths.database_path().exists()


def _report_entity_settings(job: Job, soft: float | None) -> Outcome:
    from margin import entities

    chosen = entities.settings()
    return Outcome(job.path, job.size, job.mtime_ns, reason=f"{chosen.backend} {chosen.pipeline}")


def test_the_indexers_worker_processes_use_the_configured_backend(tmp_path: Path) -> None:
    # A worker process starts from the forkserver, not from this process:
    # the settings the edge gave this process must travel with it.
    from margin import entities

    jobs = [Job(str(tmp_path / n), 1, 1) for n in ("a.html", "b.html")]
    entities.configure(backend="spacy", pipeline="my_pipeline")
    try:
        results: list[Outcome] = []
        run_jobs(jobs, results.append, processes=2, timeout=20, extract=_report_entity_settings)
    finally:
        entities.configure()
    assert [o.reason for o in results] == ["spacy my_pipeline"] * 2
