"""Wallabag's JSON export (with annotations) and its ;-separated CSV."""

from __future__ import annotations

import pytest
from import_files import write_csv, write_json

from margin.errors import ImportFileError
from margin.imports import Position, read_export, sniff

ENTRIES = [
    {
        "is_archived": 1,
        "is_starred": 0,
        "tags": ["python", "web"],
        "is_public": False,
        "id": 12,
        "title": "An article",
        "url": "https://example.com/article",
        "content": "<p>The body of the article, with a quote in it.</p>",
        "created_at": "2019-03-09T12:34:56+0100",
        "updated_at": "2019-03-10T08:00:00+0100",
        "published_at": "2019-03-01T00:00:00+0000",
        "published_by": ["Jane Doe", "John Roe"],
        "mimetype": "text/html",
        "language": "en",
        "reading_time": 3,
        "domain_name": "example.com",
        "preview_picture": "https://example.com/p.png",
        "annotations": [
            {
                "id": 7,
                "annotator_schema_version": "v1.0",
                "text": "my note",
                "quote": "a quote in it",
                "ranges": [{"start": "/p[1]", "startOffset": "40", "end": "/p[1]", "endOffset": "53"}],
                "created_at": "2019-03-11T09:00:00+0100",
                "updated_at": "2019-03-11T09:00:00+0100",
            },
            {
                "id": 8,
                "text": "",
                "quote": "The body",
                "ranges": [{"start": "/p[1]", "startOffset": 0, "end": "/p[1]", "endOffset": 8}],
            },
        ],
    },
    {
        "is_archived": False,
        "is_starred": True,
        "tags": [{"id": 3, "label": "later", "slug": "later"}],
        "id": 13,
        "title": "Never fetched",
        "url": "https://example.com/failed",
        "content": "wallabag can't retrieve contents for this article. Please <a href=\"https://doc.wallabag.org/\">troubleshoot this issue</a>.",
        "created_at": "2020-01-01T00:00:00+0000",
        "published_by": None,
        "annotations": [],
    },
]  # fmt: skip


def test_json_entries(tmp_path):
    path = write_json(tmp_path / "export.json", ENTRIES)
    assert sniff(path) == "wallabag"
    export = read_export(path)
    article, failed = export.items
    assert article.key == "wallabag:12"
    assert (article.archived, article.starred) == (True, False)
    assert article.tags == ["python", "web"]
    assert article.author == "Jane Doe, John Roe"
    assert article.language == "en"
    assert article.saved == "2019-03-09T11:34:56+00:00"
    assert article.published == "2019-03-01T00:00:00+00:00"
    assert article.content_type == "html" and "quote in it" in (article.html or "")
    assert (failed.archived, failed.starred, failed.tags) == (False, True, ["later"])
    assert failed.content_type is None and failed.fetchable
    assert any("never fetched" in line for line in export.problems)


def test_annotations_keep_note_quote_and_ranges_as_numbers(tmp_path):
    article = read_export(write_json(tmp_path / "export.json", ENTRIES)).items[0]
    noted, plain = article.highlights
    assert (noted.quote, noted.note, noted.key) == (
        "a quote in it",
        "my note",
        "wallabag-annotation:7",
    )
    assert noted.position == Position(start=40, end=53, start_xpath="/p[1]", end_xpath="/p[1]")
    assert noted.created == "2019-03-11T08:00:00+00:00"
    assert (plain.note, plain.position) == (
        None,
        Position(start=0, end=8, start_xpath="/p[1]", end_xpath="/p[1]"),
    )


def test_entries_that_are_not_objects_are_skipped_with_a_reason(tmp_path):
    export = read_export(write_json(tmp_path / "export.json", [ENTRIES[1], "junk"]))
    assert len(export.items) == 1
    assert any("entry 2: not an object" in line for line in export.problems)


CSV_HEADER = ["Title", "URL", "Content", "Tags", "MIME Type", "Language", "Creation date"]


def test_csv_export(tmp_path):
    path = write_csv(
        tmp_path / "export.csv",
        [
            CSV_HEADER,
            ["Semi; colon", "https://example.com/s", "<p>body; with a semicolon</p>", "a, b",
             "text/html", "fr", "09/03/2019 12:34:56"],
            ["No URL", "", "<p>x</p>", "", "text/html", "en", ""],
        ],
        delimiter=";",
    )  # fmt: skip
    assert sniff(path) == "wallabag-csv"
    export = read_export(path)
    (item,) = export.items
    assert item.title == "Semi; colon"
    assert item.html == "<p>body; with a semicolon</p>"
    assert item.tags == ["a", "b"] and item.language == "fr"
    assert item.saved == "2019-03-09T12:34:56"
    assert any("line 3: no URL" in line for line in export.problems)


def test_csv_without_content_column_is_refused(tmp_path):
    header = [c for c in CSV_HEADER if c != "Content"]
    path = write_csv(tmp_path / "export.csv", [header, ["t", "https://x.example/"] + [""] * 4], ";")
    with pytest.raises(ImportFileError, match="no 'Content' column"):
        read_export(path)


def test_a_utf8_csv_is_read_as_utf8_whatever_a_page_inside_declares(tmp_path):
    path = write_csv(
        tmp_path / "export.csv",
        [CSV_HEADER, ["Café", "https://example.com/c", '<meta charset="shift_jis"><p>Café</p>', "", "text/html", "fr", ""]],
        delimiter=";",
    )  # fmt: skip
    (item,) = read_export(path).items
    assert item.title == "Café" and "Café" in (item.html or "")


def test_a_csv_in_a_legacy_encoding_is_still_read(tmp_path):
    title = "Café crème : déjà vu à la française, un été très élégant où l'on fête Noël"
    path = tmp_path / "export.csv"
    row = f"{title};https://example.com/c;<p>x</p>;;;;\r\n"
    path.write_bytes(";".join(CSV_HEADER).encode() + b"\r\n" + row.encode("cp1252"))
    (item,) = read_export(path).items
    assert item.title == title
