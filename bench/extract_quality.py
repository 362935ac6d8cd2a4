"""Extraction quality on the development corpus.

Prints body-text F1 (4-token windows of \\w+ runs, precision and recall averaged
over pages, F1 their harmonic mean), exact-title and exact-byline rates, for
margin and for readability-lxml alone, plus the worst pages.

The corpus is split deterministically: page ``i`` of the sorted list is
held out when ``i % 4 == 3``. Rules are tuned on the dev pages only; the
held-out figures say how they generalise, and the lists of worst pages and
wrong fields name dev pages only, so that nobody tunes on held-out pages.
Each split's F1 comes with a 95% bootstrap interval over its pages: with 32
held-out pages it is several points wide, so read small moves with care.
Each split also counts its pages under F1 0.5, on both paths: pages where
the reader sees the wrong region or hardly any of the article, which a mean
over pages hides. F1 is printed to four places, so that a goal such as
0.975 is never met by rounding.

    python bench/extract_quality.py [--worst 10]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import (  # noqa: E402
    LOW_F1,
    corpus_pages,
    expected_metadata,
    expected_text,
    f1,
    f1_interval,
    html_text,
    mean_f1,
    norm_field,
    pages_below,
    precision_recall,
)

HELD_OUT_EVERY = 4


def is_held_out(index: int) -> bool:
    """Page ``index`` of the sorted corpus is kept apart from tuning."""
    return index % HELD_OUT_EVERY == HELD_OUT_EVERY - 1


def same_date(got: str | None, want: str | None) -> bool:
    """Published dates compare by their ISO date part."""
    g, w = (re.match(r"\d{4}-\d{2}-\d{2}", (v or "").strip()) for v in (got, want))
    return bool(g and w and g.group(0) == w.group(0))


def same_lang(got: str | None, want: str | None) -> bool:
    return norm_field(got).lower() == norm_field(want).lower()


def same_name(got: str | None, want: str | None) -> bool:
    """Bylines naming the same people: case, spacing and a leading "By" aside
    (margin drops the "By" that the corpus labels sometimes keep)."""

    def names(value: str | None) -> str:
        return re.sub(r"^by\b\s*:?\s*", "", norm_field(value).casefold())

    return bool(want) and names(got) == names(want)


def summarise(label: str, rows: list[dict], baseline: bool) -> None:
    """F1/P/R of margin (and of readability-lxml alone) over ``rows``."""
    n = len(rows)
    if not n:
        return
    mp = sum(r["p"] for r in rows) / n
    mr = sum(r["r"] for r in rows) / n
    lo, hi = f1_interval(rows)
    print(
        f"{label:<9} margin            F1 {f1(mp, mr):.4f}  precision {mp:.3f}  recall {mr:.3f}"
        f"  (95% interval over pages {lo:.3f}-{hi:.3f})  under F1 {LOW_F1}: {pages_below(rows)}"
    )
    if baseline:
        bp = sum(r["bp"] for r in rows) / n
        br = sum(r["br"] for r in rows) / n
        lo, hi = f1_interval(rows, "bp", "br")
        print(
            f"{label:<9} readability-lxml  F1 {f1(bp, br):.4f}  precision {bp:.3f}  recall {br:.3f}"
            f"  (95% interval over pages {lo:.3f}-{hi:.3f})"
            f"  under F1 {LOW_F1}: {pages_below(rows, 'bp', 'br')}"
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
    ap.add_argument("--text-only", action="store_true", help="only the text-save variant")
    ap.add_argument("--no-text", action="store_true", help="skip the text-save variant")
    ap.add_argument(
        "--show-heldout", action="store_true", help="also list the held-out text pages that fail"
    )
    args = ap.parse_args()
    pages = corpus_pages()
    if not pages:
        print("skipped: ../shared/corpus/readability-test-pages not found")
        return 0
    if not args.text_only:
        html_variant(pages, args)
    if not args.no_text:
        if not args.text_only:
            print()
        text_variant(pages, args)
    return 0


def html_variant(pages: list[Path], args: argparse.Namespace) -> None:

    from margin.errors import IngestError
    from margin.ingest.decode import decode
    from margin.ingest.pipeline import extract_file

    rows = []
    base_p = base_r = base_title = 0.0
    for index, page in enumerate(pages):
        want = expected_text(page)
        meta = expected_metadata(page)
        try:
            art = extract_file(page / "source.html")
            got, title, byline, reason = art.text, art.title, art.byline, ""
            published, site, lang = art.published, art.site, art.lang
        except IngestError as exc:
            got, title, byline, reason = "", "", None, exc.reason
            published = site = lang = None
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
                "byline_name_ok": same_name(byline, meta.get("byline")),
                "title": title,
                "want_title": meta.get("title"),
                "byline": byline,
                "reason": reason,
                "held_out": is_held_out(index),
                "bp": 0.0,
                "br": 0.0,
                "date_want": bool(meta.get("publishedTime")),
                "date_ok": same_date(published, meta.get("publishedTime")),
                "site_want": bool(meta.get("siteName")),
                "site_ok": norm_field(site) == norm_field(meta.get("siteName")),
                "lang_want": bool(meta.get("lang")),
                "lang_ok": same_lang(lang, meta.get("lang")),
                "published": published,
                "want_published": meta.get("publishedTime"),
            }
        )
        if not args.no_baseline:
            html, _ = decode((page / "source.html").read_bytes())
            try:
                btext, btitle = readability_alone(html)
            except Exception:  # noqa: BLE001 - the baseline may fail; count it as empty
                btext, btitle = "", ""
            bp, br = precision_recall(btext, want)
            rows[-1]["bp"], rows[-1]["br"] = bp, br
            base_p += bp
            base_r += br
            base_title += norm_field(btitle) == norm_field(meta.get("title"))

    n = len(rows)
    mp = sum(r["p"] for r in rows) / n
    mr = sum(r["r"] for r in rows) / n
    with_byline = [r for r in rows if r["byline_want"]]
    print(f"pages: {n}")
    print(f"margin            F1 {f1(mp, mr):.4f}  precision {mp:.3f}  recall {mr:.3f}")
    if not args.no_baseline:
        bp, br = base_p / n, base_r / n
        print(f"readability-lxml  F1 {f1(bp, br):.4f}  precision {bp:.3f}  recall {br:.3f}")
    print(f"title exact       margin {sum(r['title_ok'] for r in rows) / n:.3f}", end="")
    if not args.no_baseline:
        print(f"  (readability short_title {base_title / n:.3f})", end="")
    print()
    print(
        f"byline exact      {sum(r['byline_ok'] for r in with_byline) / max(1, len(with_byline)):.3f}"
        f" on {len(with_byline)} pages with a byline;"
        f" {sum(r['byline_ok'] for r in rows) / n:.3f} on all pages"
    )
    print(
        f"byline same name  {sum(r['byline_name_ok'] for r in with_byline) / max(1, len(with_byline)):.3f}"
        " on those pages (case, spacing and a leading 'By' ignored)"
    )
    for key, name in (("date", "published date"), ("site", "site name"), ("lang", "language")):
        stated = [r for r in rows if r[f"{key}_want"]]
        rate = sum(r[f"{key}_ok"] for r in stated) / max(1, len(stated))
        print(f"{name + ' exact':<17} {rate:.3f} on {len(stated)} pages that state it")
    dev = [r for r in rows if not r["held_out"]]
    held = [r for r in rows if r["held_out"]]
    print(f"\nsplit: {len(dev)} dev pages, {len(held)} held-out pages (sorted index % 4 == 3)")
    summarise("dev", dev, not args.no_baseline)
    summarise("held-out", held, not args.no_baseline)
    print(f"\n{args.worst} worst dev pages by F1 (held-out pages are never listed):")
    for r in sorted(dev, key=lambda r: r["f1"])[: args.worst]:
        what = r["reason"] or ("extra text" if r["p"] < r["r"] else "missing text")
        print(f"  {r['page']:<32} F1 {r['f1']:.3f}  P {r['p']:.3f}  R {r['r']:.3f}  {what}")
    bad_titles = [r for r in dev if not r["title_ok"]]
    print(f"\ntitles wrong on dev pages ({len(bad_titles)}):")
    for r in bad_titles[: args.worst]:
        print(f"  {r['page']:<32} got {r['title']!r}  want {r['want_title']!r}")
    bad_bylines = [r for r in with_byline if not r["byline_ok"] and not r["held_out"]]
    print(f"\nbylines wrong on dev pages ({len(bad_bylines)}):")
    for r in bad_bylines[: args.worst]:
        print(f"  {r['page']:<32} got {r['byline']!r}  want {r['byline_want']!r}")


def text_variant(pages: list[Path], args: argparse.Namespace) -> None:
    """margin's text ingest on each page's "Save as text", dev and held-out."""
    from _textsave import justext_f1, score_save, text_save

    rows = []
    for i, page in enumerate(pages):
        meta = expected_metadata(page)
        row = score_save(text_save(page), expected_text(page), page.name)
        row.update(
            page=page.name,
            heldout=is_held_out(i),
            title_ok=norm_field(row["title"]) == norm_field(meta.get("title")),
            byline_want=norm_field(meta.get("byline")),
            byline_ok=norm_field(row["byline"]) == norm_field(meta.get("byline")),
            byline_name_ok=same_name(row["byline"], meta.get("byline")),
            want_title=meta.get("title"),
        )
        rows.append(row)

    ms = 1000 * sum(r["seconds"] for r in rows) / len(rows)
    print(f"text saves (whole-page text, {len(rows)} pages, {ms:.1f} ms a page)")
    for label, part in (
        ("dev", [r for r in rows if not r["heldout"]]),
        ("held-out", [r for r in rows if r["heldout"]]),
    ):
        n = len(part)
        mf, mp, mr = mean_f1(part)
        with_byline = [r for r in part if r["byline_want"]]
        lo, hi = f1_interval(part)
        print(
            f"  {label:<9} ({n:>3})  margin F1 {mf:.4f}  precision {mp:.3f}"
            f"  recall {mr:.3f}   keep-everything F1 {mean_f1(part, 'kp', 'kr')[0]:.3f}"
            f"  jusText-style F1 {justext_f1(part)}"
        )
        print(
            f"  {'':<15}  margin's 95% interval over pages {lo:.3f}-{hi:.3f}"
            f"  pages under F1 {LOW_F1}: {pages_below(part)}"
        )
        print(
            f"  {'':<15}  title exact {sum(r['title_ok'] for r in part) / n:.3f}"
            f"  byline exact {sum(r['byline_ok'] for r in with_byline) / max(1, len(with_byline)):.3f}"
            f" (same name {sum(r['byline_name_ok'] for r in with_byline) / max(1, len(with_byline)):.3f})"
            f" on {len(with_byline)} pages with a byline"
        )
    shown = rows if args.show_heldout else [r for r in rows if not r["heldout"]]
    which = "" if args.show_heldout else " (dev)"
    print(f"\n{args.worst} worst text pages by F1{which}:")
    for r in sorted(shown, key=lambda r: r["f1"])[: args.worst]:
        what = r["reason"] or ("extra text" if r["p"] < r["r"] else "missing text")
        mark = " [held-out]" if r["heldout"] else ""
        print(f"  {r['page']:<32} F1 {r['f1']:.3f}  P {r['p']:.3f}  R {r['r']:.3f}  {what}{mark}")
    bad_titles = [r for r in shown if not r["title_ok"]]
    print(f"\ntext titles wrong{which} ({len(bad_titles)}):")
    for r in bad_titles[: args.worst]:
        print(f"  {r['page']:<32} got {r['title']!r}  want {r['want_title']!r}")
    bad_bylines = [r for r in shown if r["byline_want"] and not r["byline_ok"]]
    print(f"\ntext bylines wrong{which} ({len(bad_bylines)}):")
    for r in bad_bylines[: args.worst]:
        print(f"  {r['page']:<32} got {r['byline']!r}  want {r['byline_want']!r}")


if __name__ == "__main__":
    raise SystemExit(main())
