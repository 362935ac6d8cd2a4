"""Extraction quality on the development corpus.

Prints body-text F1 (4-token windows of \\w+ runs, precision and recall averaged
over pages, F1 their harmonic mean), exact-title and exact-byline rates, for
margin and for readability-lxml alone, plus the worst pages.

    python bench/extract_quality.py [--worst 10]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import (  # noqa: E402
    corpus_pages,
    expected_metadata,
    expected_text,
    f1,
    html_text,
    norm_field,
    precision_recall,
)


def readability_alone(html: str) -> tuple[str, str]:
    from readability import Document

    doc = Document(html)
    title = doc.short_title()
    return html_text(doc.summary(html_partial=True)), title


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--no-baseline", action="store_true", help="skip readability-lxml alone")
    args = ap.parse_args()
    pages = corpus_pages()
    if not pages:
        print("skipped: ../shared/corpus/readability-test-pages not found")
        return 0

    from margin.errors import IngestError
    from margin.ingest import extract_file
    from margin.ingest.decode import decode

    rows = []
    base_p = base_r = base_title = 0.0
    for page in pages:
        want = expected_text(page)
        meta = expected_metadata(page)
        try:
            art = extract_file(page / "source.html")
            got, title, byline, reason = art.text, art.title, art.byline, ""
        except IngestError as exc:
            got, title, byline, reason = "", "", None, exc.reason
        p, r = precision_recall(got, want)
        rows.append(
            {
                "page": page.name,
                "p": p,
                "r": r,
                "f1": f1(p, r),
                "title_ok": norm_field(title) == norm_field(meta.get("title")),
                "byline_want": norm_field(meta.get("byline")),
                "byline_ok": norm_field(byline) == norm_field(meta.get("byline")),
                "title": title,
                "want_title": meta.get("title"),
                "byline": byline,
                "reason": reason,
            }
        )
        if not args.no_baseline:
            html, _ = decode((page / "source.html").read_bytes())
            try:
                btext, btitle = readability_alone(html)
            except Exception:  # noqa: BLE001 - the baseline may fail; count it as empty
                btext, btitle = "", ""
            bp, br = precision_recall(btext, want)
            base_p += bp
            base_r += br
            base_title += norm_field(btitle) == norm_field(meta.get("title"))

    n = len(rows)
    mp = sum(r["p"] for r in rows) / n
    mr = sum(r["r"] for r in rows) / n
    with_byline = [r for r in rows if r["byline_want"]]
    print(f"pages: {n}")
    print(f"margin            F1 {f1(mp, mr):.3f}  precision {mp:.3f}  recall {mr:.3f}")
    if not args.no_baseline:
        bp, br = base_p / n, base_r / n
        print(f"readability-lxml  F1 {f1(bp, br):.3f}  precision {bp:.3f}  recall {br:.3f}")
    print(f"title exact       margin {sum(r['title_ok'] for r in rows) / n:.3f}", end="")
    if not args.no_baseline:
        print(f"  (readability short_title {base_title / n:.3f})", end="")
    print()
    print(
        f"byline exact      {sum(r['byline_ok'] for r in with_byline) / max(1, len(with_byline)):.3f}"
        f" on {len(with_byline)} pages with a byline;"
        f" {sum(r['byline_ok'] for r in rows) / n:.3f} on all pages"
    )
    print(f"\n{args.worst} worst pages by F1:")
    for r in sorted(rows, key=lambda r: r["f1"])[: args.worst]:
        what = r["reason"] or ("extra text" if r["p"] < r["r"] else "missing text")
        print(f"  {r['page']:<32} F1 {r['f1']:.3f}  P {r['p']:.3f}  R {r['r']:.3f}  {what}")
    bad_titles = [r for r in rows if not r["title_ok"]]
    print(f"\ntitles wrong ({len(bad_titles)}):")
    for r in bad_titles[: args.worst]:
        print(f"  {r['page']:<32} got {r['title']!r}  want {r['want_title']!r}")
    bad_bylines = [r for r in with_byline if not r["byline_ok"]]
    print(f"\nbylines wrong ({len(bad_bylines)}):")
    for r in bad_bylines[: args.worst]:
        print(f"  {r['page']:<32} got {r['byline']!r}  want {r['byline_want']!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
