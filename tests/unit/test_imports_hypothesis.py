"""Hypothesis annotations: the export file, an API search result, a bare array."""

from __future__ import annotations

import pytest
from import_files import write_json

from margin.imports import Position, read_export, sniff


def _annotation(uid: str, uri: str, selectors: list[dict], text: str = "", **extra) -> dict:
    return {
        "id": uid,
        "created": "2023-02-01T10:00:00.000000+00:00",
        "updated": "2023-02-02T10:00:00.000000+00:00",
        "user": "acct:reader@hypothes.is",
        "uri": uri,
        "text": text,
        "tags": ["margin", "to-check"],
        "group": "__world__",
        "target": [{"source": uri, "selector": selectors}],
        "document": {"title": ["The Page Title"]},
        **extra,
    }


BOTH = [
    {"type": "RangeSelector", "startContainer": "/div[1]/p[2]", "startOffset": 4,
     "endContainer": "/div[1]/p[2]", "endOffset": 20},
    {"type": "TextPositionSelector", "start": 1204, "end": 1220},
    {"type": "TextQuoteSelector", "exact": "the exact words", "prefix": "before ", "suffix": " after"},
]  # fmt: skip
ANNOTATIONS = [
    _annotation("aaa", "https://example.com/page", BOTH, text="my **note**"),
    _annotation("bbb", "https://example.com/page#frag", [], text="a note on the page"),
    _annotation("ccc", "https://other.example/", [{"type": "TextQuoteSelector", "exact": "x"}]),
]


@pytest.mark.parametrize(
    "shape",
    [
        {"export_date": "2024-01-01", "export_userid": "acct:reader@hypothes.is",
         "annotations": ANNOTATIONS},
        {"total": 3, "rows": ANNOTATIONS},
        ANNOTATIONS,
    ],
    ids=["export", "api", "array"],
)  # fmt: skip
def test_annotations_grouped_by_page(tmp_path, shape):
    path = write_json(tmp_path / "hypothesis.json", shape)
    assert sniff(path) == "hypothesis"
    page, other = read_export(path).items
    assert (page.url, page.title, page.key) == (
        "https://example.com/page",
        "The Page Title",
        "url:https://example.com/page",
    )
    assert [h.key for h in page.highlights] == ["hypothesis:aaa", "hypothesis:bbb"]
    assert other.highlights[0].quote == "x" and other.highlights[0].prefix is None


def test_both_selectors_place_the_quote(tmp_path):
    path = write_json(tmp_path / "h.json", {"annotations": ANNOTATIONS})
    quoted, page_note = read_export(path).items[0].highlights
    assert (quoted.quote, quoted.prefix, quoted.suffix) == ("the exact words", "before ", " after")
    assert quoted.position == Position(start=1204, end=1220)
    assert quoted.note == "my **note**"
    assert quoted.labels == ["margin", "to-check"]
    assert quoted.created == "2023-02-01T10:00:00+00:00"
    assert (page_note.quote, page_note.note, page_note.position) == ("", "a note on the page", None)


def test_an_annotation_without_a_page_is_kept(tmp_path):
    lost = _annotation("ddd", "", [{"type": "TextQuoteSelector", "exact": "orphan"}])
    lost["target"][0]["source"] = ""
    export = read_export(write_json(tmp_path / "h.json", {"annotations": [lost]}))
    (item,) = export.items
    assert item.key == "hypothesis:no-page" and item.highlights[0].quote == "orphan"
    assert any("no page address" in line for line in export.problems)
