"""Export: Obsidian Markdown and W3C Web Annotation JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_library import page, write

from margin import export
from margin.library import ArticleRow, Library


def _library(tmp_path: Path) -> tuple[Path, Library]:
    folder = tmp_path / "lib"
    art = write(folder / "a.html", page())
    lib = Library.open()
    lib.scan([folder], jobs=1)
    lib.annotate(art, "a firm from Catania", "who owns it?")
    lib.annotate(art, "wave tank")
    return folder, lib


def test_markdown_one_file_per_article_with_stable_block_ids(tmp_path: Path) -> None:
    _, lib = _library(tmp_path)
    out = tmp_path / "vault"
    files = export.write(lib, "markdown", out)
    assert [f.name for f in files] == ["Repairs begin on the Valletta breakwater.md"]
    text = files[0].read_text()
    assert "\n# Repairs begin on the Valletta breakwater\n" in text
    assert 'author: "Joseph Camilleri"' in text and 'site: "Harbour Times"' in text
    assert "> a firm from Catania\n\n^hl-" in text and "who owns it?" in text
    ids = [line for line in text.splitlines() if line.startswith("^hl-")]
    assert len(ids) == 2
    again = export.write(lib, "markdown", out)[0].read_text()
    assert again == text  # same ids on every export
    lib.close()


def test_json_is_web_annotation_shaped(tmp_path: Path) -> None:
    _, lib = _library(tmp_path)
    doc = export.to_json(lib)
    assert doc["type"] == "AnnotationCollection" and doc["total"] == 2
    items = doc["first"]["items"]
    noted = next(i for i in items if "body" in i)
    assert noted["type"] == "Annotation" and noted["motivation"] == "commenting"
    assert noted["body"] == {
        "type": "TextualBody",
        "value": "who owns it?",
        "format": "text/plain",
        "purpose": "commenting",
    }
    quote, position = noted["target"]["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "a firm from Catania"
    assert quote["prefix"] and quote["suffix"]
    assert position["type"] == "TextPositionSelector"
    assert position["end"] - position["start"] == len("a firm from Catania")
    assert noted["target"]["source"].startswith("file://")
    lib.close()


def test_cli_export_refuses_library_folder_and_writes_json(tmp_path: Path) -> None:
    folder, lib = _library(tmp_path)
    lib.close()
    res = subprocess.run(
        [sys.executable, "-m", "margin", "export", "--out", str(folder / "notes")],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 2 and not (folder / "notes").exists()
    res = subprocess.run(
        [sys.executable, "-m", "margin", "export", "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert res.returncode == 0 and json.loads(res.stdout)["total"] == 2


NASTY_TITLES = [
    'He said: "no" # not a comment',
    "- a list? [not] {a map}: & *alias !tag |",
    "Line one\nline two",
    "yes",
    "2024-01-02",
    "  spaces around  ",
    "tab\there, a DEL \x7f, a C1 \x85 and a separator \u2028",
    "'single' and \\ backslash",
]


@pytest.mark.parametrize("title", NASTY_TITLES)
def test_front_matter_is_valid_yaml_for_any_title(title: str) -> None:
    yaml = pytest.importorskip("yaml")  # a test extra: skips only outside '.[test]'
    row = ArticleRow(
        id=1,
        path="/lib/a.html",
        title=title,
        byline='Jo "JJ" Roe',
        site="Site: The",
        published="2015-08-04",
        word_count=10,
        reading_minutes=1,
        bookmarked=False,
        progress=0.0,
        highlights=1,
        status="ok",
        reason=None,
        added="2024-01-02T03:04:05+00:00",
    )
    notes = export.ArticleNotes(
        "/lib/a.html", title, row, "https://example.com/a?b=c#d", [], tags=["x: y", "#z"]
    )
    text = export.markdown_for(notes)
    assert text.startswith("---\n")
    head = text.split("\n---\n", 1)[0].removeprefix("---\n")
    props = yaml.safe_load(head)
    assert props["title"] == title
    assert props["author"] == 'Jo "JJ" Roe' and props["site"] == "Site: The"
    assert props["url"] == "https://example.com/a?b=c#d"
    assert str(props["saved"]) == "2024-01-02" and str(props["published"]) == "2015-08-04"
    assert props["tags"] == ["x: y", "#z"]


def test_markdown_export_keeps_block_ids_after_the_front_matter(tmp_path: Path) -> None:
    _, lib = _library(tmp_path)
    text = export.to_markdown(lib)[0][1]
    head, body = text.split("\n---\n", 1)
    assert "title: " in head and "author: " in head
    assert body.lstrip().startswith("# Repairs begin on the Valletta breakwater")
    assert len([ln for ln in body.splitlines() if ln.startswith("^hl-")]) == 2
    lib.close()


def test_json_declares_margins_own_terms_in_its_context(tmp_path: Path) -> None:
    _, lib = _library(tmp_path)
    doc = export.to_json(lib)
    context = doc["@context"]
    assert context[0] == "http://www.w3.org/ns/anno.jsonld"
    declared = {k for c in context if isinstance(c, dict) for k in c}
    used = {
        key.split(":", 1)[0]
        for item in doc["first"]["items"]
        for key in item
        if ":" in key and not key.startswith("@")
    }
    assert used and used <= declared
    lib.close()


def test_exporting_nothing_says_so_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    """Markdown of no highlights is no text at all: the reader is told why
    (JSON is an empty collection, which says it itself)."""
    from margin.cli import main

    assert main(["export"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and err == "margin: no highlights or notes to export\n"
    assert main(["export", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["total"] == 0 and err == ""
