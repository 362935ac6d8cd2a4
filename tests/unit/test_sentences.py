"""Sentence boundaries for the reader's sentence cursor, and the setting that turns it on."""

from __future__ import annotations

from margin.config import parse_config
from margin.ui.sentences import sentence_spans


def test_sentence_spans() -> None:
    text = 'Dr. Smith met J. R. Tolkien in Oxford. Was it 1950? "Yes!" he said. Then... nothing.'
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "Dr. Smith met J. R. Tolkien in Oxford.",
        "Was it 1950?",
        '"Yes!" he said.',
        "Then... nothing.",
    ]
    assert sentence_spans("No full stop") == [(0, 12)]
    assert sentence_spans("  ") == []
    assert [
        t for s, e in sentence_spans("東京に行った。次。") for t in ["東京に行った。次。"[s:e]]
    ] == [
        "東京に行った。",
        "次。",
    ]


def test_config_cursor_setting() -> None:
    assert parse_config({"cursor": "sentence"}).cursor == "sentence"
    assert parse_config({}).cursor == "paragraph"
    bad = parse_config({"cursor": "word"})
    assert bad.cursor == "paragraph" and bad.problems
