"""Named-entity benchmark: quality on hand-annotated texts, and speed.

    python bench/entities.py            # figures for the four sets below
    python bench/entities.py --errors   # also list the dev sets' misses (never held-out)
    python bench/entities.py --dev-only --errors   # while tuning: held-out figures unseen

Four sets, annotated to ``bench/entity_annotations/GUIDELINES.md``:

- **dev** and **held-out**: texts of the development corpus
  (../shared/corpus/readability-test-pages/<page>/expected.html, the innermost
  blocks of the page, :func:`page_text`), annotated in
  ``bench/entity_annotations/<page>.json`` with their split. The recogniser's
  gazetteers and rules were tuned on this corpus.
- **new dev** and **new held-out**: texts of pages the recogniser was never
  tuned on, the other extractors' test pages that ``bench/extra_pages.py``
  downloads into ~/.cache/margin-bench/ (fetched here too when missing), in
  ``bench/entity_annotations/outside/``; ``bench/_outside_texts.py`` rebuilds
  each text from its raw page. The split is fixed by the page's name alone, a
  rule chosen before any recogniser output was seen: the first hex digit of
  sha1("<set>/<page>") is 0-7 for new dev and 8-f for new held-out. Held-out
  texts are scored only through the figures printed here; their errors are
  never listed.

Scores are exact span and label matches on PERSON, ORG and PLACE mentions,
micro-averaged over a set's texts, by label and for ALL, each F1 with a 95%
bootstrap interval over texts (texts drawn again with replacement, 2000 times,
a fixed seed; the same draws for every system of a set, so systems are
compared on the same samples). The "capitalised runs" baseline has no labels,
so it is scored on spans alone, beside our own span-only score. The spaCy
backend is scored on the same sets when spaCy and the pipeline are installed
(en_core_web_sm, or the installed pipeline ``--spacy-pipeline NAME`` names).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
CORPUS = REPO.parent / "shared" / "corpus" / "readability-test-pages"
ANNOTATIONS = BENCH / "entity_annotations"
LABELS = ("PERSON", "ORG", "PLACE")
DRAWS = 2000

sys.path.insert(0, str(BENCH))
try:
    import margin  # noqa: F401
except ImportError:  # a fresh clone that was not installed
    sys.path.insert(0, str(REPO / "src"))

from _corpus import block_texts  # noqa: E402
from _outside_texts import FETCH_COMMAND, FetchError, load_outside  # noqa: E402

from margin.entities import recognise  # noqa: E402

Span = tuple[int, int, str]
Predict = Callable[[str], list[Span]]


def page_text(path: Path) -> str:
    """The article text of an expected.html: its innermost blocks, whitespace
    collapsed, joined by blank lines."""
    return "\n\n".join(block_texts(path.read_bytes().decode("utf-8", errors="replace")))


def load_set() -> list[dict]:
    """The corpus annotations with their ``text`` (empty without the corpus)."""
    pages = []
    for f in sorted(ANNOTATIONS.glob("*.json")):
        ann = json.loads(f.read_text("utf-8"))
        src = CORPUS / ann["page"] / "expected.html"
        if not src.exists():
            print(f"  warning: {ann['page']}: page missing, skipped")
            continue
        text = page_text(src)
        if hashlib.sha1(text.encode()).hexdigest() != ann["text_sha1"]:
            print(f"  warning: {ann['page']}: text changed since it was annotated, skipped")
            continue
        ann["text"] = text
        pages.append(ann)
    return pages


_CAP_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+)?[A-Z][\w'’.&-]*)*")


def baseline(text: str) -> list[Span]:
    """Runs of capitalised words, minus sentence-initial single words; no labels."""
    out = []
    for m in _CAP_RUN.finditer(text):
        s, e = m.start(), m.end()
        span = m.group()
        while span.endswith((".", "'s", "’s")):
            cut = 1 if span.endswith(".") else 2
            span, e = span[:-cut], e - cut
        if span.startswith("The "):
            s, span = s + 4, span[4:]
        before = text[max(0, s - 3) : s]
        at_start = s == 0 or "\n" in before or re.search(r"[.!?:]\s*$", before)
        if at_start and " " not in span:
            continue
        if span:
            out.append((s, e, "SPAN"))
    return out


def ours(text: str) -> list[Span]:
    return [(e.start, e.end, e.label) for e in recognise(text)]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def gold_spans(page: dict) -> set[Span]:
    return {(s, e, lab) for s, e, lab, _ in page["entities"] if lab in LABELS}


def page_counts(
    page: dict, predicted: list[Span], *, spans_only: bool = False
) -> dict[str, tuple[int, int, int]]:
    """(true positives, false positives, false negatives) of one text, by label
    and for ALL (ALL only when ``spans_only``: labels are then ignored)."""
    gold = gold_spans(page)
    pred = {(s, e, lab) for s, e, lab in predicted if lab in LABELS or lab == "SPAN"}
    if spans_only:
        gold = {(s, e, "SPAN") for s, e, _ in gold}
        pred = {(s, e, "SPAN") for s, e, _ in pred}
    counts = {}
    for lab in ("ALL",) if spans_only else (*LABELS, "ALL"):
        g = gold if lab == "ALL" else {x for x in gold if x[2] == lab}
        p = pred if lab == "ALL" else {x for x in pred if x[2] == lab}
        counts[lab] = (len(g & p), len(p - g), len(g - p))
    return counts


def summed(rows: list[dict[str, tuple[int, int, int]]], lab: str) -> tuple[int, int, int]:
    tp = fp = fn = 0
    for row in rows:
        a, b, c = row[lab]
        tp, fp, fn = tp + a, fp + b, fn + c
    return tp, fp, fn


def score(pages: list[dict], predict: Predict, *, spans_only: bool = False) -> dict:
    """{label: (precision, recall, F1, gold count)}, micro-averaged over ``pages``."""
    rows = [page_counts(p, predict(p["text"]), spans_only=spans_only) for p in pages]
    out = {}
    for lab in rows[0] if rows else ("ALL",):
        tp, fp, fn = summed(rows, lab)
        out[lab] = (*prf(tp, fp, fn), tp + fn)
    return out


def bootstrap_draws(n: int, draws: int = DRAWS, seed: int = 0) -> list[list[int]]:
    """``draws`` samples of ``n`` text indices drawn with replacement (fixed seed)."""
    rng = random.Random(seed)
    return [[rng.randrange(n) for _ in range(n)] for _ in range(draws)]


def f1_interval(
    rows: list[dict[str, tuple[int, int, int]]], lab: str, draws: list[list[int]]
) -> tuple[float, float]:
    """A 95% bootstrap interval of the micro F1 of ``lab`` over texts. With a
    few dozen texts it is wide: two figures inside each other's interval are
    not told apart by these texts."""
    scores = sorted(prf(*summed([rows[i] for i in sample], lab))[2] for sample in draws)
    return scores[int(0.025 * len(scores))], scores[int(0.975 * len(scores)) - 1]


def speed(pages: list[dict], fn: Callable[[str], object], repeat: int = 5) -> float:
    texts = [p["text"] for p in pages]
    words = sum(len(t.split()) for t in texts)
    fn(texts[0])  # warm up: the lexicon loads once
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return best * 1000 / words * 1000


def synthetic_speed(count: int = 30, repeat: int = 5) -> float:
    """ms per 1,000 words on the article text of the indexing benchmark's pages."""
    from index_speed import article_parts

    rng = random.Random(1)
    texts = []
    for i in range(count):
        _html, title, paras, _site, author = article_parts(rng, i)
        texts.append("\n\n".join([title, f"By {author}", *paras]))
    return speed([{"text": t} for t in texts], recognise, repeat=repeat)


def page_name(page: dict) -> str:
    return f"{page['set']}/{page['page']}" if "set" in page else page["page"]


def show_errors(pages: list[dict]) -> None:
    """Every miss and false alarm on ``pages``: call it on dev sets only."""
    for page in pages:
        text = page["text"]
        gold = gold_spans(page)
        pred = {x for x in ours(text) if x[2] in LABELS}
        print(f"--- {page_name(page)}")
        for s, e, lab in sorted(pred - gold):
            print(f"  FP {lab:<6} {text[s:e]!r}  …{text[max(0, s - 30) : e + 20]!r}")
        for s, e, lab in sorted(gold - pred):
            print(f"  FN {lab:<6} {text[s:e]!r}  …{text[max(0, s - 30) : e + 20]!r}")


def spacy_predictor(pipeline: str) -> Predict | None:
    """spaCy's entities with ``pipeline`` (an installed pipeline's name), or
    None when spaCy or that pipeline is not installed."""
    try:
        from margin.entities import spacy_backend

        spacy_backend.set_pipeline(pipeline)
        if not spacy_backend.available():
            return None
    except Exception:
        return None

    def predict(text: str) -> list[Span]:
        return [(e.start, e.end, e.label) for e in recognise(text, backend="spacy")]

    return predict


def set_summary(name: str, pages: list[dict]) -> str:
    words = sum(len(p["text"].split()) for p in pages)
    labels = Counter(lab for p in pages for _, _, lab, _ in p["entities"] if lab in LABELS)
    by_label = ", ".join(f"{lab} {labels[lab]}" for lab in LABELS)
    return f"{name}: {len(pages)} texts, {words:,} words, {labels.total():,} gold ({by_label})"


def topic_lines(pages: list[dict]) -> list[str]:
    """Texts, words and gold entities by topic (the outside sets have topics)."""
    topics = sorted({p["topic"] for p in pages if "topic" in p})
    lines = []
    for topic in topics:
        some = [p for p in pages if p.get("topic") == topic]
        words = sum(len(p["text"].split()) for p in some)
        gold = sum(len(gold_spans(p)) for p in some)
        texts = f"{len(some)} text" + ("s" if len(some) > 1 else "")
        lines.append(f"    {topic:<14} {texts:>8} {words:>6,} words {gold:>4} gold")
    return lines


def score_row(
    label: str, rows: list[dict[str, tuple[int, int, int]]], draws: list[list[int]]
) -> str:
    cells = []
    for lab in (*LABELS, "ALL"):
        if lab not in rows[0]:
            cells.append(" " * 17)
            continue
        f = prf(*summed(rows, lab))[2]
        lo, hi = f1_interval(rows, lab, draws)
        cells.append(f"{f:.3f} ({lo:.2f}-{hi:.2f})")
    p, r, _ = prf(*summed(rows, "ALL"))
    return f"  {label:<30}" + "  ".join(cells) + f"   P {p:.3f}  R {r:.3f}"


# (row label, predictor or None when not installed, scored on spans alone)
System = tuple[str, Predict | None, bool]


def print_set(name: str, pages: list[dict], systems: list[System]) -> None:
    """The set's size, and F1 (95% interval) by label for each system."""
    print(set_summary(name, pages))
    for line in topic_lines(pages):
        print(line)
    if not pages:
        print()
        return
    draws = bootstrap_draws(len(pages))
    head = "  ".join(f"{lab:<17}" for lab in (*LABELS, "ALL"))
    print(f"  {'F1 (95% interval over texts)':<30}{head}   (ALL)")
    predicted: dict[Predict, list[list[Span]]] = {}
    for label, predict, spans_only in systems:
        if predict is None:
            print(f"  {label:<30}skipped (spaCy or the pipeline is not installed)")
            continue
        if predict not in predicted:
            predicted[predict] = [predict(p["text"]) for p in pages]
        got = predicted[predict]
        rows = [
            page_counts(p, spans, spans_only=spans_only)
            for p, spans in zip(pages, got, strict=True)
        ]
        print(score_row(label, rows, draws))
    print()


def scored_sets(dev_only: bool) -> list[tuple[str, list[dict]]]:
    """(name, texts) of every set that can be scored; what cannot is reported."""
    sets: list[tuple[str, list[dict]]] = []
    if CORPUS.is_dir():
        pages = load_set()
        sets += [("dev", [p for p in pages if p["split"] == "dev"])]
        sets += [("held-out", [p for p in pages if p["split"] == "test"])]
    else:
        print("dev, held-out: skipped (../shared corpus not found)\n")
    try:
        outside = load_outside()
    except (FetchError, OSError) as exc:  # OSError: a cache folder that cannot be made
        print(
            f"new dev, new held-out: skipped (the outside pages are not downloaded and"
            f" cannot be: {exc});\n  fetch them with: {FETCH_COMMAND}\n"
        )
    else:
        sets += [("new dev", [p for p in outside if p["split"] == "dev"])]
        sets += [("new held-out", [p for p in outside if p["split"] == "held-out"])]
    return [(name, pages) for name, pages in sets if not dev_only or "held-out" not in name]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list the dev sets' errors")
    ap.add_argument(
        "--dev-only", action="store_true", help="score the dev sets only (while tuning rules)"
    )
    ap.add_argument(
        "--spacy-pipeline",
        default="en_core_web_sm",
        metavar="NAME",
        help="the installed spaCy pipeline to score (default en_core_web_sm)",
    )
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    recognise("Warm up in London.")
    load_ms = (time.perf_counter() - t0) * 1000
    sets = scored_sets(args.dev_only)
    if not sets:
        return 0
    spacy_fn = spacy_predictor(args.spacy_pipeline)
    systems: list[System] = [
        ("margin builtin", ours, False),
        ("margin builtin, spans only", ours, True),
        ("capitalised runs, spans only", baseline, True),
        (f"spaCy {args.spacy_pipeline}", spacy_fn, False),
    ]
    for name, pages in sets:
        print_set(name, pages, systems)
    every = [p for _, pages in sets for p in pages]
    if every:
        print(
            f"speed: builtin {speed(every, recognise):.2f} ms per 1,000 words on these texts"
            f" (first call, loading the lexicon: {load_ms:.0f} ms)"
        )
    print(
        f"speed: builtin {synthetic_speed():.2f} ms per 1,000 words"
        " on the synthetic articles of bench/index_speed.py"
    )
    if spacy_fn is not None and every:
        print(f"speed: spaCy {speed(every, spacy_fn, repeat=1):.1f} ms per 1,000 words")
    if args.errors:
        show_errors([p for name, pages in sets if "held-out" not in name for p in pages])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
