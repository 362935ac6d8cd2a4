"""Pocket's exports: the ZIP of CSV parts (three headers), its 2025
highlights, and the older ril_export.html."""

from __future__ import annotations

import json

import pytest
from import_files import csv_text, write_csv, write_zip

from margin.errors import ImportFileError
from margin.imports import read_export, sniff

LONG_TITLE = "A" * 75
HEADERS = {
    "oldest": ["title", "url", "time_added", "cursor", "tags"],
    "with status": ["title", "url", "time_added", "cursor", "tags", "status"],
    "2025": ["title", "url", "time_added", "tags", "status"],
}


def _row(header: list[str], **cells: str) -> list[str]:
    return [cells.get(column, "") for column in header]


def _part(header: list[str]) -> str:
    return csv_text(
        [
            header,
            _row(header, title="Read me", url="https://example.com/a", time_added="1700000000",
                 tags="python|long reads", status="unread", cursor="1"),
            _row(header, title=LONG_TITLE, url="https://example.com/b", time_added="1600000000",
                 status="archive", cursor="2"),
            _row(header, title="No address", time_added="1600000000"),
        ]
    )  # fmt: skip


@pytest.mark.parametrize("version", list(HEADERS))
def test_every_header_version(tmp_path, version):
    header = HEADERS[version]
    path = write_zip(tmp_path / "pocket.zip", [("part_000000.csv", _part(header))])
    assert sniff(path) == "pocket"
    export = read_export(path)
    a, b = export.items
    assert (a.url, a.title, a.tags) == (
        "https://example.com/a",
        "Read me",
        ["python", "long reads"],
    )
    assert a.saved == "2023-11-14T22:13:20+00:00"
    assert a.content_type is None and a.fetchable  # Pocket exports no text
    assert not a.archived
    assert b.archived == ("status" in header)  # the oldest header has no status
    assert b.title_partial and not a.title_partial
    assert any("line 4: no URL" in line for line in export.problems)


def test_parts_are_read_in_turn(tmp_path):
    header = HEADERS["2025"]
    second = csv_text([header, _row(header, url="https://example.com/c", title="Third")])
    path = write_zip(
        tmp_path / "pocket.zip",
        [("part_000000.csv", _part(header)), ("part_000001.csv", second)],
    )
    assert [i.url for i in read_export(path).items] == [
        "https://example.com/a",
        "https://example.com/b",
        "https://example.com/c",
    ]


def test_highlights_join_their_article_and_empty_quotes_are_kept(tmp_path):
    annotations = [
        {
            "url": "https://example.com/a#section",
            "title": "Read me",
            "highlights": [
                {"quote": "a fine line", "created_at": 1700000100},
                {"quote": "", "created_at": 1700000200},
            ],
        },
        {
            "url": "https://elsewhere.example/x",
            "title": "Only highlighted",
            "highlights": [{"quote": "kept anyway", "created_at": 1700000300}],
        },
    ]
    path = write_zip(
        tmp_path / "pocket.zip",
        [
            ("part_000000.csv", _part(HEADERS["2025"])),
            ("annotations/part_000000.json", json.dumps(annotations)),
        ],
    )
    export = read_export(path)
    items = {item.url: item for item in export.items}
    a = items["https://example.com/a"]
    assert [(h.quote, h.created) for h in a.highlights] == [
        ("a fine line", "2023-11-14T22:15:00+00:00"),
        ("", "2023-11-14T22:16:40+00:00"),
    ]
    other = items["https://elsewhere.example/x"]
    assert other.title == "Only highlighted" and other.highlights[0].quote == "kept anyway"
    assert any("1 highlight with an empty quote" in line for line in export.problems)
    assert export.highlight_count == 3
    assert not any("repeated" in line for line in export.problems)  # joined, not merged later


def test_one_part_unzipped_by_hand(tmp_path):
    path = tmp_path / "part_000000.csv"
    path.write_text(_part(HEADERS["with status"]), encoding="utf-8")
    export = read_export(path)
    assert export.format == "pocket" and len(export.items) == 2


def test_a_part_missing_its_url_column_is_refused(tmp_path):
    path = write_zip(
        tmp_path / "pocket.zip",
        [("part_000000.csv", csv_text([["title", "time_added", "tags"], ["x", "1", ""]]))],
    )
    with pytest.raises(ImportFileError, match=r"part_000000.csv: no 'url' column"):
        read_export(path)


def test_a_bad_time_added_is_a_problem_not_a_failure(tmp_path):
    path = write_csv(
        tmp_path / "pocket.csv",
        [HEADERS["2025"], ["T", "https://example.com/t", "yesterday", "", "unread"]],
    )
    export = read_export(path)
    assert export.items[0].saved is None
    assert any("time_added 'yesterday'" in line for line in export.problems)


RIL_EXPORT = """<!DOCTYPE html>
<html>
	<!--So long and thanks for all the fish-->
	<head>
		<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
		<title>Pocket Export</title>
	</head>
	<body>
		<h1>Unread</h1>
		<ul>
			<li><a href="https://example.com/u" time_added="1500000000" tags="news,to read">Unread &amp; new</a></li>
			<li><a href="https://example.com/v" time_added="1500000001" tags="">https://example.com/v</a></li>
		</ul>

		<h1>Read Archive</h1>
		<ul>
			<li><a href="https://example.com/r" time_added="1400000000" tags="old">Done</a></li>
		</ul>
	</body>
</html>
"""


def test_the_older_html_export(tmp_path):
    path = tmp_path / "ril_export.html"
    path.write_text(RIL_EXPORT, encoding="utf-8")
    assert sniff(path) == "pocket-html"
    u, v, r = read_export(path).items
    assert (u.title, u.tags, u.archived) == ("Unread & new", ["news", "to read"], False)
    assert u.saved == "2017-07-14T02:40:00+00:00"
    assert v.title is None  # the URL where a title should be is no title
    assert (r.title, r.tags, r.archived) == ("Done", ["old"], True)


def test_the_same_url_twice_is_one_item(tmp_path):
    header = HEADERS["2025"]
    path = write_csv(
        tmp_path / "part_000000.csv",
        [
            header,
            ["Saved", "https://example.com/a", "1700000000", "one", "unread"],
            ["Saved again", "https://EXAMPLE.com/a#top", "1700000001", "two", "archive"],
        ],
    )
    export = read_export(path)
    (item,) = export.items
    assert (item.title, item.tags, item.archived) == ("Saved", ["one", "two"], True)
    assert any("1 repeated item merged" in line for line in export.problems)
