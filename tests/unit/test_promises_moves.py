"""Promise 1: highlights follow moved, renamed and re-saved files; orphans are kept."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from test_library import PARAGRAPHS, page, write

from margin.library import Library
from margin.library import highlights as hls
from margin.model import Article

QUOTE = "a firm from Catania"
NOTE = "check who owns it"


def _setup(tmp_path: Path) -> tuple[Path, Path, Library]:
    folder = tmp_path / "lib"
    art = write(folder / "breakwater.html", page())
    lib = Library.open()
    lib.scan([folder], jobs=1)
    lib.annotate(art, QUOTE, NOTE)
    lib.set_bookmark(art, True)
    return folder, art, lib


def _only(lib: Library):
    hls = lib.highlights()
    assert len(hls) == 1
    return hls[0]


def test_rename_and_move_keep_highlights(tmp_path: Path) -> None:
    folder, art, lib = _setup(tmp_path)
    renamed = folder / "renamed.html"
    os.rename(art, renamed)
    summary = lib.scan([folder], jobs=1)
    assert summary.moved == 1
    h = _only(lib)
    assert h.article_path == str(renamed.resolve()) and h.state == "anchored" and h.note == NOTE
    (folder / "archive" / "2024").mkdir(parents=True)
    moved = folder / "archive" / "2024" / "kept.html"
    shutil.move(renamed, moved)
    lib.scan(jobs=1)
    h = _only(lib)
    assert h.article_path == str(moved.resolve())
    assert lib.load_article(moved).text[h.start : h.end] == QUOTE  # type: ignore[index,misc]
    row = lib.article_row(moved)
    assert row is not None and row.bookmarked and row.highlights == 1
    lib.close()


def test_resave_with_new_chrome_and_inserted_paragraph(tmp_path: Path) -> None:
    folder, art, lib = _setup(tmp_path)
    before = _only(lib).start
    paras = [PARAGRAPHS[0], "A new opening paragraph that the site added later."] + PARAGRAPHS[1:]
    write(art, page(paragraphs=paras, chrome="Sign up for our weekly digest"))
    os.utime(art, ns=(10**18, 10**18))
    summary = lib.scan([folder], jobs=1)
    assert summary.indexed == 1 and summary.orphaned == 0
    h = _only(lib)
    assert h.state == "anchored" and h.start is not None and before is not None
    assert h.start > before
    assert lib.load_article(art).text[h.start : h.end] == QUOTE  # type: ignore[misc]
    lib.close()


def test_resave_without_the_paragraph_orphans_but_keeps(tmp_path: Path) -> None:
    folder, art, lib = _setup(tmp_path)
    write(art, page(paragraphs=[p for p in PARAGRAPHS if "Catania" not in p]))
    os.utime(art, ns=(10**18, 10**18))
    summary = lib.scan([folder], jobs=1)
    assert summary.orphaned == 1
    h = _only(lib)
    assert (h.state, h.start, h.end, h.note, h.exact) == ("orphaned", None, None, NOTE, QUOTE)
    lib.close()
    res = subprocess.run(
        [sys.executable, "-m", "margin", "notes", "--json"], capture_output=True, text=True
    )
    (item,) = json.loads(res.stdout)
    assert item["state"] == "orphaned" and item["start"] is None and item["note"] == NOTE
    assert item["quote"] == QUOTE
    # Restoring the paragraph places it again.
    write(art, page())
    os.utime(art, ns=(2 * 10**18, 2 * 10**18))
    with Library.open() as lib2:
        lib2.scan([folder], jobs=1)
        assert _only(lib2).state == "anchored"


def test_deleted_file_keeps_its_notes(tmp_path: Path) -> None:
    folder, art, lib = _setup(tmp_path)
    art.unlink()
    lib.scan([folder], jobs=1)
    assert lib.articles() == []
    h = _only(lib)
    assert h.note == NOTE and h.exact == QUOTE
    lib.close()


def test_reextraction_by_a_new_extractor_reanchors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgraded extractor (a new version, a different text from the same
    file) re-reads the article, and its highlight is placed in the new text."""
    from margin.ingest import pipeline

    folder, art, lib = _setup(tmp_path)
    before = _only(lib)
    lib.close()
    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "a-better-extractor/2")
    with Library.open() as lib:
        summary = lib.scan([folder], jobs=1)  # the same text, from the new version
        assert summary.indexed == 1 and summary.unchanged == 0 and _only(lib) == before
    lead = "A paragraph the better extractor finds that the old one missed."
    extract_bytes = pipeline.extract_bytes

    def better(data: bytes, **kwargs: Any) -> Article:
        found = extract_bytes(
            data.replace(b"<article>", f"<article><p>{lead}</p>".encode()), **kwargs
        )
        assert found.text.startswith(lead)  # the text did change
        return found

    monkeypatch.setattr(pipeline, "EXTRACTOR_VERSION", "a-better-extractor/3")
    monkeypatch.setattr(pipeline, "extract_bytes", better)
    with Library.open() as lib:
        article = lib.load_article(art)  # re-extracted in this process, by `better`
        (h,) = lib.highlights(art)
        assert h.state == "anchored" and h.note == NOTE and h.uid == before.uid
        assert before.start is not None and h.start == before.start + len(lead) + 2
        assert article.text[h.start : h.end] == QUOTE  # type: ignore[misc]
        # Placed once, when the text changed: it now refers to the new text.
        monkeypatch.setattr(hls, "reanchor", _must_not_run)
        assert lib.highlights(art) == [h] and lib.load_article(art).text == article.text


def _must_not_run(*args: object) -> int:
    raise AssertionError("highlights were placed again in a text that did not change")
