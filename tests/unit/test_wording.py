"""Counts and cut quotes as the reader shows them."""

from __future__ import annotations

from make_article import make_article

from margin.ui.reader_status import ReadingFacts, status_text
from margin.ui.widgets.article_layout import META, layout_article
from margin.wording import counted, shortened


def test_counts_are_singular_for_one_only():
    assert counted(1, "word") == "1 word"
    assert counted(0, "word") == "0 words"
    assert counted(1204, "word") == "1,204 words"
    assert counted(2, "match", "matches") == "2 matches"


def test_a_cut_quote_ends_in_an_ellipsis_after_a_whole_word():
    quote = "the harbour master counted the boats again at noon " * 10
    cut = shortened(quote, 60)
    assert len(cut) <= 60 and cut.endswith("…")
    assert quote.startswith(cut[:-1]) and cut[-2] != " "
    assert quote[len(cut) - 1] == " "  # cut between words
    assert shortened("short", 60) == "short"
    assert shortened("x" * 100, 10) == "x" * 9 + "…"  # one long word: cut inside it


def test_one_word_one_mention_one_highlight():
    article = make_article("Hello")
    article.word_count = 1
    article.reading_minutes = 1
    layout = layout_article(article, 40)
    assert layout is not None
    meta = next(line.text for line in layout.lines if line.kind == META)
    assert meta == "1 min read · 1 word"
    text = status_text(ReadingFacts(progress=0.0, highlights=1, entity=("Paris", 1)))
    assert "1 highlight" in text and "Paris: 1 mention" in text
    assert "highlights" not in text and "mentions" not in text
