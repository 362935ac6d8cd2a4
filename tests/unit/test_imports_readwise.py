"""Readwise Reader's library CSV and the Readwise highlights CSV."""

from __future__ import annotations

import pytest
from import_files import write_csv

from margin.errors import ImportFileError
from margin.imports import Position, read_export, sniff

READER = [
    "Title",
    "URL",
    "ID",
    "Document tags",
    "Saved date",
    "Reading progress",
    "Location",
    "Seen",
]
HIGHLIGHTS = [
    "Highlight", "Book Title", "Book Author", "Amazon Book ID", "Note", "Color", "Tags",
    "Location Type", "Location", "Highlighted at", "Document tags",
]  # fmt: skip


def test_reader_library(tmp_path):
    path = write_csv(
        tmp_path / "reader.csv",
        [
            READER,
            ["New one", "https://example.com/n", "01abc", "['python', \"rock'n'roll\", 'a, b']",
             "2024-01-15 10:30:00+00:00", "0.35", "new", "True"],
            ["Done", "https://example.com/d", "02def", "[]", "2024-01-16 10:30:00+01:00",
             "1", "archive", "True"],
            ["Feed entry", "https://feed.example/f", "03ghi", "[]", "", "0", "feed", "False"],
            ["Later", "https://example.com/l", "04jkl", "", "", "", "later", "False"],
        ],
    )  # fmt: skip
    assert sniff(path) == "readwise-reader"
    export = read_export(path)
    new, done, later = export.items
    assert new.key == "readwise:01abc"
    assert new.tags == ["python", "rock'n'roll", "a, b"]
    assert new.progress == pytest.approx(0.35) and not new.archived
    assert new.saved == "2024-01-15T10:30:00+00:00"
    assert done.archived and done.progress == 1.0
    assert done.saved == "2024-01-16T09:30:00+00:00"
    assert (later.archived, later.progress, later.tags) == (False, None, [])
    assert export.problems == [
        "reader.csv: 1 item in Reader's feed (shown to you, never saved) left out"
    ]


def test_reader_progress_written_as_percent(tmp_path):
    path = write_csv(
        tmp_path / "reader.csv",
        [READER, ["P", "https://example.com/p", "9", "", "", "35", "new", ""],
         ["Q", "https://example.com/q", "10", "", "", "35%", "new", ""]],
    )  # fmt: skip
    assert [i.progress for i in read_export(path).items] == [pytest.approx(0.35)] * 2


def test_highlights_grouped_by_book(tmp_path):
    path = write_csv(
        tmp_path / "readwise-data.csv",
        [
            HIGHLIGHTS,
            ["First line", "A Book", "An Author", "B00X", "", "yellow", "", "page", "12",
             "2023-05-01 10:00:00+00:00", "['fiction']"],
            ["", "A Book", "An Author", "B00X", "a note with no quote", "", "idea, later",
             "location", "345", "", "['fiction', 'kept']"],
            ["Other's line", "An Article", "", "", "Why it matters", "blue", "", "order", "1",
             "", ""],
        ],
    )  # fmt: skip
    assert sniff(path) == "readwise-highlights"
    book, article = read_export(path).items
    assert (book.key, book.url, book.fetchable) == ("readwise-book:A Book|An Author", None, False)
    assert (book.title, book.author, book.tags) == ("A Book", "An Author", ["fiction", "kept"])
    first, note = book.highlights
    assert (first.quote, first.color, first.created) == (
        "First line",
        "yellow",
        "2023-05-01T10:00:00+00:00",
    )
    assert first.position == Position(location="page 12")
    assert (note.quote, note.note, note.labels) == ("", "a note with no quote", ["idea", "later"])
    assert note.position == Position(location="location 345")
    assert article.highlights[0].note == "Why it matters"


def test_highlights_csv_without_its_text_column_is_refused(tmp_path):
    header = [c for c in HIGHLIGHTS if c != "Highlight"]
    path = write_csv(tmp_path / "readwise.csv", [header, ["B"] + [""] * 9])
    with pytest.raises(ImportFileError, match="no 'Highlight' column"):
        read_export(path)
