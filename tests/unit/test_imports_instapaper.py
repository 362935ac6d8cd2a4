"""Instapaper's CSV: folders, and the optional Timestamp and Tags columns."""

from __future__ import annotations

import pytest
from import_files import write_csv

from margin.errors import ImportFileError
from margin.imports import read_export, sniff

HEADER = ["URL", "Title", "Selection", "Folder", "Timestamp", "Tags"]


def test_folders_become_state_or_tags(tmp_path):
    path = write_csv(
        tmp_path / "instapaper-export.csv",
        [
            HEADER,
            ["https://example.com/1", "Unread one", "", "Unread", "1700000000", "[]"],
            ["https://example.com/2", "Archived", "", "Archive", "1700000001", '["history"]'],
            ["https://example.com/3", "Starred", "A summary", "Starred", "", '["a", "b, c"]'],
            ["https://example.com/4", "Filed", "", "Recipes", "1700000003", '["dinner"]'],
        ],
    )
    assert sniff(path) == "instapaper"
    unread, archived, starred, filed = read_export(path).items
    assert (unread.archived, unread.starred, unread.tags) == (False, False, [])
    assert unread.saved == "2023-11-14T22:13:20+00:00"
    assert (archived.archived, archived.tags) == (True, ["history"])
    assert (starred.starred, starred.archived, starred.tags) == (True, False, ["a", "b, c"])
    assert starred.description == "A summary"
    assert (filed.archived, filed.tags) == (False, ["Recipes", "dinner"])


def test_the_older_four_columns(tmp_path):
    path = write_csv(
        tmp_path / "export.csv",
        [HEADER[:4], ["https://example.com/1", "Old", "", "Archive"]],
    )
    (item,) = read_export(path).items
    assert (item.title, item.archived, item.saved, item.tags) == ("Old", True, None, [])


def test_tags_that_are_not_a_list_are_split_and_said(tmp_path):
    path = write_csv(
        tmp_path / "export.csv",
        [HEADER, ["https://example.com/1", "T", "", "Unread", "", '["broken", '], ["", "No URL", "", "Unread", "", ""]],
    )  # fmt: skip
    export = read_export(path)
    assert export.items[0].tags == ["broken"]
    assert any("line 2: Tags is not a list" in line for line in export.problems)
    assert any("line 3: no URL; skipped" in line for line in export.problems)


def test_a_missing_folder_column_is_refused(tmp_path):
    path = write_csv(tmp_path / "export.csv", [["URL", "Title", "Selection", "Timestamp"]])
    with pytest.raises(ImportFileError, match="no 'Folder' column"):
        read_export(path)
