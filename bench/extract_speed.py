"""Median milliseconds per page: margin's in-process extraction pipeline vs
readability-lxml alone (decode + Document.summary) on the same pages.

    python bench/extract_speed.py [--rounds 3]

Pages: sample_articles/ and, when present, ../shared/corpus/readability-test-pages.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SAMPLES, corpus_pages  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds per page (best kept)")
    args = ap.parse_args()

    from readability import Document

    from margin.errors import IngestError
    from margin.ingest.decode import decode
    from margin.ingest.pipeline import extract_file

    files = [
        p
        for p in sorted(SAMPLES.iterdir())
        if p.is_file() and p.suffix != ".md" or p.name != "README.md"
    ]
    files = [p for p in files if p.is_file() and p.name != "README.md"]
    files += [p / "source.html" for p in corpus_pages()]
    ratios, ours, theirs = [], [], []
    for path in files:
        data = path.read_bytes()
        best_m = best_r = float("inf")
        for _ in range(args.rounds):
            t0 = time.perf_counter()
            with contextlib.suppress(IngestError):
                extract_file(path)
            t1 = time.perf_counter()
            if path.suffix in (".html", ".htm"):
                html, _ = decode(data)
                # baseline failures still cost time
                with contextlib.suppress(Exception):
                    Document(html).summary(html_partial=True)
            t2 = time.perf_counter()
            best_m, best_r = min(best_m, t1 - t0), min(best_r, t2 - t1)
        ours.append(best_m * 1000)
        if path.suffix in (".html", ".htm"):
            theirs.append(best_r * 1000)
            ratios.append(best_m / best_r if best_r else 1.0)
    print(f"pages: {len(files)} ({len(theirs)} HTML compared with readability-lxml)")
    print(f"margin extract pipeline   median {statistics.median(ours):7.1f} ms/page")
    if theirs:
        print(
            f"readability-lxml alone    median {statistics.median(theirs):7.1f} ms/page (HTML pages)"
        )
        print(
            f"ratio margin/readability  median {statistics.median(ratios):.2f}x  "
            f"(total {sum(ours[i] for i in range(len(ours)) if files[i].suffix in ('.html', '.htm')) / sum(theirs):.2f}x)"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
