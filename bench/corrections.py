"""The reader's corrections to the cut: what the page view costs and how well
it places the article, and how long cutting, keeping and undoing take.

    .venv/bin/python bench/corrections.py [--articles 200] [--calls 10]

Prints:

- the page view (ingest/page.py) on the corpus's HTML pages and on their
  "save as text" variants: median ms of the extraction alone and of the
  page walk and alignment added to it, and where the article's blocks were
  found in the page (in the in-order chain of equal blocks, in a page block
  holding them or near-equal to them, or nowhere: placed after their
  neighbour); ``skipped`` without the corpus;
- ``lib.cut``/``keep``/``remove_correction`` on a news page and on a
  ~110,000-word article (median and best ms: each saves, extracts the page
  once, derives the text, recognises its entities and re-anchors);
- what recording an extraction costs more to look its corrections up;
- a rescan by a new extractor of ``--articles`` pages of one site, without
  corrections and with a site rule that cuts a paragraph from each (the
  scan derives each article's text again and recognises its entities).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent / "tests" / "unit"))

from _corpus import corpus_pages  # noqa: E402

T = TypeVar("T")


def _ms(fn: Callable[..., T], *args: Any, **kwargs: Any) -> tuple[float, T]:
    """Milliseconds ``fn(*args, **kwargs)`` took, and what it returned."""
    t = time.perf_counter()
    out = fn(*args, **kwargs)
    return (time.perf_counter() - t) * 1000, out


def page_view_figures(name: str, pages: list[tuple[bytes, str]]) -> None:
    """Extraction and page view times, and where article blocks were found."""
    from margin.ingest.page import placements, whole_page
    from margin.ingest.pipeline import extract_bytes

    extract_ms, page_ms = [], []
    found = {"chain": 0, "held or near": 0, "nowhere": 0}
    for data, suffix in pages:
        try:
            took, article = _ms(extract_bytes, data, source="p" + suffix, suffix=suffix)
        except Exception:  # noqa: BLE001 - a page with no article: not measured
            continue
        extract_ms.append(took)
        t = time.perf_counter()
        whole = whole_page(data, article.kind, suffix, 64 * 1024 * 1024)
        at, _ = placements(article, whole)
        page_ms.append((time.perf_counter() - t) * 1000)
        for c, a in zip(_chain_only(article, whole), at, strict=True):
            found["chain" if c is not None else "held or near" if a is not None else "nowhere"] += 1
    total = sum(found.values())
    shares = ", ".join(f"{k} {v / total:.1%}" for k, v in found.items())
    print(
        f"{name}: {len(extract_ms)} pages; extraction median {statistics.median(extract_ms):.1f} ms, "
        f"page view adds median {statistics.median(page_ms):.1f} ms "
        f"({statistics.median(p / e for p, e in zip(page_ms, extract_ms, strict=True)):.2f}x); "
        f"{total} article blocks found: {shares}"
    )


def _chain_only(article: object, whole: list[object]) -> list[int | None]:
    from margin.ingest import page

    arts = [page.key(b.text) for b in article.blocks]  # type: ignore[attr-defined]
    return page._chain(arts, [page.key(b.text) for b in whole])  # type: ignore[attr-defined]


def corpus_figures() -> None:
    pages = corpus_pages()
    if not pages:
        print("page view on the corpus: skipped (../shared/corpus not found)")
        return
    from _textsave import text_save

    page_view_figures(
        "page view, corpus HTML", [((p / "source.html").read_bytes(), ".html") for p in pages]
    )
    page_view_figures(
        "page view, corpus text saves", [(text_save(p).encode(), ".txt") for p in pages]
    )


def library_figures(tmp: Path, calls: int, articles: int) -> None:
    from cut_pages import CHROME, RELATED, news_page
    from highlight_speed import long_article

    from margin.library import Library

    folder = tmp / "lib"
    folder.mkdir()
    news = folder / "news.html"
    news.write_text(news_page(), encoding="utf-8")
    long_page, paras = long_article(110_000)
    long = folder / "long.html"
    long.write_text(long_page.replace("</article>", f"<p>{CHROME}</p></article>"), encoding="utf-8")
    with Library.open() as lib:
        lib.scan([folder], jobs=1)
        hook_figure(lib, news, "no corrections stored")
        other = tmp / "other" / "x.html"
        other.parent.mkdir()
        other.write_text(news_page(host="other.example"), encoding="utf-8")
        lib.cut(other, CHROME, site=True)
        hook_figure(lib, news, "a site rule of another site stored")
        for name, path, keep in (("news page", news, RELATED), ("110,000 words", long, None)):
            times: dict[str, list[float]] = {"cut": [], "keep": [], "remove": []}
            for _ in range(calls):
                took, made = _ms(lib.cut, path, CHROME)
                times["cut"].append(took)
                times["remove"].append(_ms(lib.remove_correction, made.id)[0])
                if keep:
                    took, kept = _ms(lib.keep, path, keep)
                    times["keep"].append(took)
                    lib.remove_correction(kept.id)
            shown = "; ".join(
                f"{k} median {statistics.median(v):.0f} ms, best {min(v):.0f} ms"
                for k, v in times.items()
                if v
            )
            print(f"{name} ({lib.load_article(path).word_count} words): {shown}")
    del paras
    scan_figures(tmp, articles)


def hook_figure(lib: Any, path: Path, label: str) -> None:
    """What recording an extraction of ``path`` costs more for its
    corrections to be looked up (none apply to it)."""
    from margin.library import corrections, store
    from margin.library.filenames import normpath
    from margin.library.records import record_from_article

    rec = record_from_article(lib.load_article(path))
    p = normpath(path)
    with lib._locked() as conn:  # noqa: SLF001 - the scan's own call, timed alone
        aid = conn.execute("SELECT id FROM articles WHERE path = ?", (p,)).fetchone()[0]
        took = []
        for _ in range(2000):
            with store.transaction(conn):
                took.append(_ms(corrections.correct, conn, aid, p, rec)[0] * 1000)
    print(f"recording an extraction, {label}: median {statistics.median(took):.0f} µs more")


def scan_figures(tmp: Path, articles: int) -> None:
    """A new extractor's rescan of one site's pages, with and without a rule."""
    from cut_pages import CHROME, news_page

    from margin.ingest import pipeline
    from margin.library import Library

    folder = tmp / "site"
    folder.mkdir()
    for n in range(articles):
        text = news_page(title=f"Harbour story number {n}", slug=f"s{n}")
        (folder / f"s{n}.html").write_text(text, encoding="utf-8")
    with Library.open() as lib:
        lib.scan([folder], jobs=1)
        results = []
        for label, rule in (("no corrections", False), ("a site rule cutting each", True)):
            if rule:
                made = lib.cut(folder / "s0.html", CHROME, site=True)
                assert made.articles >= articles, made  # (and the news page)
            pipeline.EXTRACTOR_VERSION = f"bench-{label}"  # type: ignore[assignment]
            lib._extractor = None  # the new version string  # noqa: SLF001
            took, summary = _ms(lib.scan, [folder], jobs=1)
            results.append(f"{label} {took / 1000:.1f} s")
            assert summary.indexed == articles, summary
        print(
            f"rescan of {articles} pages of one site by a new extractor (1 worker): "
            + ", ".join(results)
        )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--calls", type=int, default=10)
    args = ap.parse_args()
    corpus_figures()
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["MARGIN_HOME"] = str(Path(tmp) / "home")
        library_figures(Path(tmp), args.calls, args.articles)


if __name__ == "__main__":
    main()
