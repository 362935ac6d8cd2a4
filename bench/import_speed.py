"""Importing into a library: items per second, highlights anchored, none lost.

    .venv/bin/python bench/import_speed.py [--count 2000] [--latency 0.02]

1. An Omnivore-style export of ``--count`` items, each with its content and
   3 highlights, imported with ``Library.import_export`` (the export read,
   each page saved in the inbox, extracted in worker processes, indexed,
   its tags, state and highlights written). The content is the development
   corpus's ``expected.html`` pages (Mozilla Readability's output, which is
   what Omnivore stored) long enough for three highlights, in turn; each highlight is a sentence of a
   paragraph as a browser shows it, chosen at random, as a reader of
   Omnivore would have highlighted it. Without the corpus, generated pages.
2. A Pocket export of ``--count`` addresses served by a server on 127.0.0.1
   (bench/fetch_speed.py's, each page after ``--latency`` seconds, over two
   host names), imported with ``fetch=True``: pending, then fetched, saved
   and indexed.

Prints items per second for each, the share of highlights anchored (goal:
98% of those on imported content) and how many were lost (goal: 0: every
highlight written is in the library, anchored, orphaned or pending). The
goal for the first is 50 items/s on the development machine (2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from _corpus import block_texts, corpus_pages  # noqa: E402
from fetch_speed import Server  # noqa: E402

from margin.library.reports import ImportSummary  # noqa: E402

HIGHLIGHTS_PER_ITEM = 3
_WORDS = [
    "the",
    "harbour",
    "ferry",
    "council",
    "met",
    "winter",
    "plan",
    "vote",
    "week",
    "town",
    "quay",
    "boats",
]


def _pages() -> list[str]:
    """Readable pages with room for three highlights: the corpus's (some of
    its test pages are a line or two), or generated ones."""
    rng = random.Random(0)
    pages = [(p / "expected.html").read_text("utf-8") for p in corpus_pages()]
    pages = [p for p in pages if len(_quotes(p, rng)) == HIGHLIGHTS_PER_ITEM]
    if pages:
        return pages
    rng = random.Random(3)
    made = []
    for n in range(50):
        paragraphs = [
            " ".join(rng.choice(_WORDS) for _ in range(rng.randint(12, 30))).capitalize() + "."
            for _ in range(20)
        ]
        made.append(f"<div><h1>Page {n}</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs))
    return made


def _quotes(page: str, rng: random.Random) -> list[str]:
    """Three sentences of the page's paragraphs, as a reader would pick them
    (whole paragraphs of a page with fewer sentences)."""
    blocks = block_texts(page)
    sentences = [s.strip() for b in blocks for s in b.split(". ") if 30 <= len(s.strip()) <= 300]
    rng.shuffle(sentences)
    picked = list(dict.fromkeys(sentences))[:HIGHLIGHTS_PER_ITEM]
    for block in blocks:
        if len(picked) == HIGHLIGHTS_PER_ITEM:
            break
        if block not in picked and not any(block in q or q in block for q in picked):
            picked.append(block)
    return picked


def omnivore_export(folder: Path, count: int) -> tuple[Path, int]:
    rng = random.Random(7)
    pages = _pages()
    path = folder / "omnivore.zip"
    written = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for start in range(0, count, 50):
            numbers = range(start, min(start + 50, count))
            records = [
                {"id": f"id-{n}", "slug": f"item-{n}", "title": f"Item {n}",
                 "url": f"https://example.com/{n}", "state": "Active", "readingProgress": 10,
                 "labels": ["bench"], "savedAt": "2024-05-01T10:00:00.000Z"}
                for n in numbers
            ]  # fmt: skip
            archive.writestr(f"metadata_{start}_to_{start + 50}.json", json.dumps(records))
            for n in numbers:
                page = pages[n % len(pages)]
                quotes = _quotes(page, rng)
                written += len(quotes)
                archive.writestr(f"content/item-{n}.html", page)
                notes = "\n\n".join(f"> {q}\n\na note on it" for q in quotes)
                archive.writestr(f"highlights/item-{n}.md", notes)
    return path, written


def pocket_export(folder: Path, count: int, port: int) -> Path:
    hosts = ("127.0.0.1", "localhost")
    rows = ["title,url,time_added,tags,status"] + [
        f"Article {n},http://{hosts[n % 2]}:{port}/article/{n},{1700000000 + n},bench,unread"
        for n in range(count)
    ]
    path = folder / "pocket.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("part_000000.csv", "\n".join(rows) + "\n")
    return path


def _stored_highlights(home: Path) -> int:
    with sqlite3.connect(home / "margin.db") as conn:
        return int(conn.execute("SELECT count(*) FROM highlights").fetchone()[0])


def _import(export: Path, home: Path, *, fetch: bool) -> tuple[ImportSummary, float]:
    """Import into a new, empty library at ``home``; its summary, seconds taken."""
    from margin.library import Library

    os.environ["MARGIN_HOME"] = str(home)
    with Library.open() as lib:
        started = time.perf_counter()
        summary = lib.import_export(export, fetch=fetch)
        return summary, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.02)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="margin-bench-import-") as scratch:
        run(Path(scratch), args.count, args.latency)


def run(folder: Path, count: int, latency: float) -> None:
    export, written = omnivore_export(folder, count)
    home = folder / "omnivore-home"
    summary, seconds = _import(export, home, fetch=False)
    h = summary.highlights
    print(f"omnivore-style   {count} items with content, {written} highlights")
    print(f"  import         {count / seconds:8.1f} items/s ({seconds:.1f} s)")
    print(f"  imported       {summary.imported}, failed {len(summary.failed)}")
    print(f"  anchored       {h.anchored / max(1, written):8.1%} ({h.anchored} of {written})")
    print(f"  orphaned       {h.orphaned}")
    print(f"  lost           {written - _stored_highlights(home)}")

    server = Server(latency)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pocket = pocket_export(folder, count, server.server_address[1])
    summary, seconds = _import(pocket, folder / "pocket-home", fetch=True)
    server.shutdown()
    print(f"pocket           {count} addresses, {latency * 1000:.0f} ms latency, 2 hosts")
    print(f"  import+fetch   {count / seconds:8.1f} items/s ({seconds:.1f} s)")
    print(f"  fetched        {summary.fetched}, failed {len(summary.failed)}")
    print(f"  most at once a host  {max(server.most.values())}")


if __name__ == "__main__":
    main()
