"""Export: Obsidian Markdown and W3C Web Annotation JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_library import page, write

from margin import export
from margin.library import Library


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
    assert text.startswith("# Repairs begin on the Valletta breakwater\n")
    assert "- Author: Joseph Camilleri" in text and "- Site: Harbour Times" in text
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
