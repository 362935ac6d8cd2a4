"""Omnivore's export ZIP, written here to its specification."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from import_files import write_zip

from margin.imports import read_export, sniff
from margin.imports.omnivore import parse_highlights

FIRST = {
    "id": "a1",
    "slug": "first-post",
    "title": "First \x1b[31mpost",
    "description": "What it says",
    "author": "Ann Author",
    "url": "https://example.com/first?utm_source=omnivore",
    "state": "Archived",
    "readingProgress": 42,
    "thumbnail": "https://proxy-prod.omnivore-image-cache.app/320x320,sabc/https://x/y.png",
    "labels": ["Tech", {"name": "Later", "color": "#fff"}],
    "savedAt": "2024-05-01T10:00:00.000Z",
    "updatedAt": "2024-05-02T10:00:00.000Z",
    "publishedAt": "2024-04-30T08:00:00+02:00",
}
NEWSLETTER = {
    "id": "b2",
    "slug": "weekly-letter",
    "title": "Weekly letter",
    "url": "https://omnivore.app/no_url?q=0a1b2c",
    "state": "Active",
    "readingProgress": 0,
    "labels": [],
    "savedAt": "2024-05-03T10:00:00.000Z",
}
PAPER = {"id": "c3", "slug": "paper", "url": "https://example.org/paper.pdf", "state": "Unknown"}
PENDING = {"id": "d4", "slug": "no-content", "url": "https://example.net/later", "state": "Active"}

HIGHLIGHTS_MD = """> The first quote \n> spans two lines

#important #to-do

My note on it.

Its second paragraph.

> Second quote

> Third quote, no labels

just a note
"""
FIRST_HTML = "<html><body><p>The first quote spans two lines. Café.</p></body></html>"


def _export(tmp_path: Path, entries: list[tuple[str, str | bytes]]) -> Path:
    return write_zip(tmp_path / "omnivore-export.zip", entries)


def _standard(tmp_path: Path) -> Path:
    return _export(
        tmp_path,
        [
            ("metadata_0_to_2.json", json.dumps([FIRST, NEWSLETTER])),
            ("metadata_2_to_4.json", json.dumps([PAPER, PENDING])),
            ("content/first-post.html", FIRST_HTML.encode("utf-8")),
            ("content/weekly-letter.html", "<p>Newsletter text</p>"),
            ("content/paper.pdf", b"%PDF-1.4\n%fake\n"),
            ("highlights/first-post.md", HIGHLIGHTS_MD),
        ],
    )


def test_sniffed_by_entry_names_not_file_name(tmp_path):
    path = _standard(tmp_path)
    renamed = path.rename(tmp_path / "backup.bin")
    assert sniff(renamed) == "omnivore"


def test_items_carry_their_metadata(tmp_path):
    export = read_export(_standard(tmp_path))
    assert export.format == "omnivore"
    items = {item.key: item for item in export.items}
    assert set(items) == {"omnivore:a1", "omnivore:b2", "omnivore:c3", "omnivore:d4"}
    first = items["omnivore:a1"]
    assert first.title == "First [31mpost"  # the escape byte is gone
    assert first.url == "https://example.com/first?utm_source=omnivore"
    assert (first.author, first.description) == ("Ann Author", "What it says")
    assert first.archived and not first.starred
    assert first.progress == pytest.approx(0.42)
    assert first.tags == ["Tech", "Later"]
    assert first.saved == "2024-05-01T10:00:00+00:00"
    assert first.published == "2024-04-30T06:00:00+00:00"
    assert first.updated == "2024-05-02T10:00:00+00:00"
    assert not items["omnivore:d4"].archived  # Active
    assert not items["omnivore:c3"].archived  # Unknown


def test_content_html_pdf_and_pending(tmp_path):
    items = {item.key: item for item in read_export(_standard(tmp_path)).items}
    first = items["omnivore:a1"]
    assert first.content_type == "html" and "Café" in (first.html or "")
    assert first.html_document().startswith(b'<meta charset="utf-8">')
    paper = items["omnivore:c3"]
    assert paper.content_type == "pdf" and paper.pdf == b"%PDF-1.4\n%fake\n"
    pending = items["omnivore:d4"]
    assert pending.content_type is None and pending.fetchable


def test_newsletters_are_never_fetchable(tmp_path):
    export = read_export(_standard(tmp_path))
    letter = next(item for item in export.items if item.key == "omnivore:b2")
    assert not letter.fetchable
    assert letter.html == "<p>Newsletter text</p>"
    # one without its text in the ZIP is kept, and said to be beyond reach
    path = _export(tmp_path, [("metadata_0_to_1.json", json.dumps([NEWSLETTER]))])
    export = read_export(path)
    assert [item.key for item in export.items] == ["omnivore:b2"]
    assert any("no address to fetch" in line for line in export.problems)


def test_highlights_with_labels_and_notes(tmp_path):
    first = next(i for i in read_export(_standard(tmp_path)).items if i.key == "omnivore:a1")
    quotes = [(h.quote, h.labels, h.note) for h in first.highlights]
    assert quotes == [
        (
            "The first quote\nspans two lines",
            ["important", "to-do"],
            "My note on it.\n\nIts second paragraph.",
        ),
        ("Second quote", [], None),
        ("Third quote, no labels", [], "just a note"),
    ]


def test_text_before_the_first_quote_is_kept_as_a_note():
    highlights = parse_highlights("A thought on the whole piece.\n\n> a quote\n")
    assert [(h.quote, h.note) for h in highlights] == [
        ("", "A thought on the whole piece."),
        ("a quote", None),
    ]


def test_a_hash_line_inside_a_note_is_not_labels():
    highlights = parse_highlights("> quote\n\nsee #3 below\n")
    assert highlights[0].labels == [] and highlights[0].note == "see #3 below"


def test_metadata_highlights_from_other_exporters_are_read(tmp_path):
    record = dict(PENDING, highlights=[{"id": "h1", "quote": "Q", "annotation": "N"}])
    path = _export(
        tmp_path,
        [
            ("metadata_0_to_1.json", json.dumps([record])),
            ("highlights/no-content.md", "> Q\n\nN\n\n> Other\n"),
        ],
    )
    (item,) = read_export(path).items
    assert [(h.quote, h.note) for h in item.highlights] == [("Q", "N"), ("Other", None)]
    assert item.highlights[0].key == "omnivore-highlight:h1"


def test_repeated_entries_are_read_once(tmp_path):
    path = _export(
        tmp_path,
        [
            ("metadata_0_to_1.json", json.dumps([FIRST])),
            ("content/first-post.html", FIRST_HTML),
            ("highlights/first-post.md", HIGHLIGHTS_MD),
            ("metadata_0_to_1.json", json.dumps([FIRST])),
            ("content/first-post.html", FIRST_HTML),
            ("highlights/first-post.md", HIGHLIGHTS_MD),
        ],
    )
    export = read_export(path)
    (item,) = export.items
    assert item.html == FIRST_HTML
    assert len(item.highlights) == 3


def test_two_items_with_one_slug_get_their_own_content(tmp_path):
    one = dict(FIRST, id="x1", slug="same", url="https://a.example/1")
    two = dict(FIRST, id="x2", slug="same", url="https://a.example/2")
    path = _export(
        tmp_path,
        [
            ("metadata_0_to_2.json", json.dumps([one, two])),
            ("content/same.html", "<p>one</p>"),
            ("content/same.html", "<p>two</p>"),
            ("highlights/same.md", "> one\n"),
            ("highlights/same.md", "> two\n"),
        ],
    )
    items = {item.key: item for item in read_export(path).items}
    assert items["omnivore:x1"].html == "<p>one</p>"
    assert items["omnivore:x2"].html == "<p>two</p>"
    assert [h.quote for h in items["omnivore:x1"].highlights] == ["one"]
    assert [h.quote for h in items["omnivore:x2"].highlights] == ["two"]


def test_highlights_without_metadata_are_not_lost(tmp_path):
    path = _export(
        tmp_path,
        [
            ("metadata_0_to_1.json", json.dumps([PENDING])),
            ("highlights/ghost.md", "> a quote nobody listed\n\nits note\n"),
        ],
    )
    export = read_export(path)
    ghost = next(item for item in export.items if item.key == "omnivore-slug:ghost")
    assert [(h.quote, h.note) for h in ghost.highlights] == [("a quote nobody listed", "its note")]
    assert any("ghost" in line for line in export.problems)


def test_a_second_read_gives_the_same_keys(tmp_path):
    path = _standard(tmp_path)
    assert [i.key for i in read_export(path).items] == [i.key for i in read_export(path).items]


def test_a_quote_highlighted_twice_is_two_highlights_even_in_a_repeated_file(tmp_path):
    twice = "> the same words\n\n> the same words\n"
    path = _export(
        tmp_path,
        [
            ("metadata_0_to_1.json", json.dumps([PENDING])),
            ("highlights/no-content.md", twice),
            ("highlights/no-content.md", twice),
        ],
    )
    (item,) = read_export(path).items
    assert [h.quote for h in item.highlights] == ["the same words", "the same words"]
