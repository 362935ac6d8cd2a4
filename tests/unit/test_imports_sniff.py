"""The format is told by content: a CSV header, a JSON shape, a doctype."""

from __future__ import annotations

import json

import pytest

from margin.imports import sniff

CASES = {
    "pocket": "title,url,time_added,cursor,tags\r\nT,https://x.example/,1,2,\r\n",
    "instapaper": "URL,Title,Selection,Folder\r\nhttps://x.example/,T,,Unread\r\n",
    "readwise-reader": "Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen\r\n",
    "readwise-highlights": "Highlight,Book Title,Book Author,Amazon Book ID,Note,Color,Tags,"
    "Location Type,Location,Highlighted at\r\n",
    "wallabag-csv": "\ufeffTitle;URL;Content;Tags;MIME Type;Language;Creation date\r\n",
    "wallabag": json.dumps([{"id": 1, "is_archived": True, "is_starred": False}]),
    "hypothesis": json.dumps({"annotations": []}),
    "netscape": "\n<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p></DL>",
    "pocket-html": "<!DOCTYPE html><html><head><title>Pocket Export</title></head></html>",
}
NOT_EXPORTS = {
    "a csv of something else": "name,age,city\r\nAnn,40,Oslo\r\n",
    "a csv sharing two columns": "url,title,rating,comment\r\n",
    "a web page": "<!DOCTYPE html><html><body><a href='https://x.example/'>x</a></body></html>",
    "other json": json.dumps({"users": [1, 2]}),
    "an empty array": "[]",
    "empty": "",
}


@pytest.mark.parametrize("expected", list(CASES))
def test_each_format_by_its_content_under_a_misleading_name(tmp_path, expected):
    path = tmp_path / "download.txt"
    path.write_text(CASES[expected], encoding="utf-8", newline="")
    assert sniff(path) == expected


@pytest.mark.parametrize("what", list(NOT_EXPORTS))
def test_other_files_are_no_export(tmp_path, what):
    path = tmp_path / "file.csv"
    path.write_text(NOT_EXPORTS[what], encoding="utf-8", newline="")
    assert sniff(path) is None
