"""The block helpers' fast paths give exactly what their regular expressions give."""

from __future__ import annotations

import random

from margin.ingest import blocks

PIECES = list("ab c_1-.’'\n\t") + ["\xa0", "日", "本", "é", "—", "ß", "٣", "\u200b", "  ", "x y"]


def texts(seed: int, count: int = 5000) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40))) for _ in range(count)]


def test_count_words_counts_the_runs_the_pattern_finds():
    for text in texts(1) + ["", "The harbour, at 6 a.m., was quiet."]:
        expected = len(blocks._WORD_RE.findall(text)) + len(blocks._CJK_RE.findall(text))
        assert blocks.count_words(text) == expected, repr(text)


def test_inline_text_collapses_whitespace_as_the_pattern_does():
    for text in texts(2):
        inline = blocks.InlineText()
        inline.add("x")
        inline.add(text)
        out, _ = inline.take()
        assert out == ("x" + blocks._WS_RE.sub(" ", text)).strip(), repr(text)
