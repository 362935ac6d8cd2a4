"""Highlight calls on a ~110,000-word article: listing, adding, annotating.

    .venv/bin/python bench/highlight_speed.py [--words 110000] [--calls 30]

The article (bench/index_speed.py's generator: prose with names, places and
organisations, headings and quotes) is indexed once; then each call is timed
the way the reader makes it, on an unchanged file: ``highlights(path)``
(after every save and at every open), ``add_highlight`` and ``annotate``.
Medians and the best of ``--calls`` calls are printed, in milliseconds.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from index_speed import paragraphs, sentence  # noqa: E402


def long_article(words: int, seed: int = 5) -> tuple[str, list[str]]:
    """The page and its paragraphs."""
    rng = random.Random(seed)
    paras = paragraphs(rng, words)
    body = []
    for k, p in enumerate(paras):
        if k and k % 8 == 0:
            body.append(f"<h2>{html.escape(sentence(rng)[:60])}</h2>")
        body.append(f"<p>{html.escape(p)}</p>")
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>A very long report</title></head><body><main><article>"
        "<h1>A very long report</h1>" + "".join(body) + "</article></main></body></html>"
    )
    return page, paras


def timed(fn: Callable[[int], object], calls: int) -> tuple[float, float]:
    """Median and best milliseconds of ``fn(i)`` over ``calls`` calls."""
    took = []
    for i in range(calls):
        t = time.perf_counter()
        fn(i)
        took.append((time.perf_counter() - t) * 1000)
    return statistics.median(took), min(took)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=110_000)
    ap.add_argument("--calls", type=int, default=30)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MARGIN_HOME"] = str(Path(tmp) / "home")
        from margin.library import Library

        folder = Path(tmp) / "lib"
        folder.mkdir()
        path = folder / "long.html"
        page, paras = long_article(args.words)
        path.write_text(page, encoding="utf-8")
        with Library.open() as lib:
            summary = lib.scan([folder], jobs=1)
            assert summary.indexed == 1, summary
            article = lib.load_article(path)
            print(
                f"article: {article.word_count} words, {len(article.text)} characters, "
                f"{len(article.blocks)} blocks, {len(article.entities)} entities"
            )
            text = article.text
            # Quotes spread over the article, each found once.
            starts = [text.index(paras[k * len(paras) // args.calls]) for k in range(args.calls)]
            quotes = [text[s : s + 40] for s in starts]
            rows = [
                (
                    "add_highlight(path, start, end)",
                    lambda i: lib.add_highlight(path, starts[i], starts[i] + 30),
                ),
                ("annotate(path, quote, note)", lambda i: lib.annotate(path, quotes[i], "a note")),
                ("highlights(path)", lambda i: lib.highlights(path)),
            ]
            for name, fn in rows:
                med, best = timed(fn, args.calls)
                print(f"{name}: median {med:.2f} ms, best {best:.2f} ms over {args.calls} calls")
            print(f"highlights now: {len(lib.highlights(path))}")


if __name__ == "__main__":
    main()
