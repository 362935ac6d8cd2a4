"""Named-entity benchmark: quality on hand-annotated corpus texts, and speed.

    python bench/entities.py            # figures for dev and held-out sets
    python bench/entities.py --errors   # also list the dev set's misses (never held-out)
    python bench/entities.py --dev-only --errors   # while tuning: held-out figures unseen

The texts stay in ../shared/corpus/readability-test-pages/<page>/expected.html;
the annotations (bench/entity_annotations/<page>.json) hold character offsets
into the text that :func:`page_text` makes from it. Scores are exact span and
label matches on PERSON, ORG and PLACE mentions (micro-averaged). The
"capitalised runs" baseline has no labels, so it is scored on spans alone,
beside our own span-only score.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "readability-test-pages"
ANNOTATIONS = Path(__file__).resolve().parent / "entity_annotations"
LABELS = ("PERSON", "ORG", "PLACE")

try:
    import margin  # noqa: F401
except ImportError:  # a fresh clone that was not installed
    sys.path.insert(0, str(REPO / "src"))

import lxml.html  # noqa: E402

from margin.entities import recognise  # noqa: E402

BLOCK_TAGS = frozenset(
    [
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "figcaption",
        "dt",
        "dd",
        "td",
        "th",
    ]
)


def page_text(path: Path) -> str:
    """The article text of an expected.html: innermost blocks, whitespace collapsed."""
    root: Any = lxml.html.fromstring(path.read_bytes().decode("utf-8", errors="replace"))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    paras = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in BLOCK_TAGS:
            continue
        if any(isinstance(d.tag, str) and d.tag in BLOCK_TAGS for d in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            paras.append(text)
    return "\n\n".join(paras)


def load_set() -> list[dict]:
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


def baseline(text: str) -> list[tuple[int, int, str]]:
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


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def score(pages: list[dict], predict, *, spans_only: bool = False):
    counts: dict[str, Counter] = {lab: Counter() for lab in (*LABELS, "ALL")}
    for page in pages:
        gold = {(s, e, lab) for s, e, lab, _ in page["entities"] if lab in LABELS}
        pred = {
            (s, e, lab) for s, e, lab in predict(page["text"]) if lab in LABELS or lab == "SPAN"
        }
        if spans_only:
            gold = {(s, e, "SPAN") for s, e, _ in gold}
            pred = {(s, e, "SPAN") for s, e, _ in pred}
        for lab in (*LABELS, "ALL") if not spans_only else ("ALL",):
            g = gold if lab == "ALL" else {x for x in gold if x[2] == lab}
            p = pred if lab == "ALL" else {x for x in pred if x[2] == lab}
            counts[lab]["tp"] += len(g & p)
            counts[lab]["fp"] += len(p - g)
            counts[lab]["fn"] += len(g - p)
    return {lab: prf(c["tp"], c["fp"], c["fn"]) + (c["tp"] + c["fn"],) for lab, c in counts.items()}


def ours(text: str) -> list[tuple[int, int, str]]:
    return [(e.start, e.end, e.label) for e in recognise(text)]


def print_scores(name: str, result: dict, labels=(*LABELS, "ALL")) -> None:
    for lab in labels:
        p, r, f, n = result[lab]
        print(f"  {name:<28} {lab:<7} P {p:.3f}  R {r:.3f}  F1 {f:.3f}   (gold {n})")


def speed(pages: list[dict], fn, repeat: int = 5) -> float:
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
    import random

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from index_speed import article_parts

    rng = random.Random(1)
    texts = []
    for i in range(count):
        _html, title, paras, _site, author = article_parts(rng, i)
        texts.append("\n\n".join([title, f"By {author}", *paras]))
    return speed([{"text": t} for t in texts], recognise, repeat=repeat)


def show_errors(pages: list[dict]) -> None:
    for page in pages:
        text = page["text"]
        gold = {(s, e, lab) for s, e, lab, _ in page["entities"] if lab in LABELS}
        pred = {x for x in ours(text) if x[2] in LABELS}
        print(f"--- {page['page']}")
        for s, e, lab in sorted(pred - gold):
            print(f"  FP {lab:<6} {text[s:e]!r}  …{text[max(0, s - 30) : e + 20]!r}")
        for s, e, lab in sorted(gold - pred):
            print(f"  FN {lab:<6} {text[s:e]!r}  …{text[max(0, s - 30) : e + 20]!r}")


def spacy_predictor():
    try:
        from margin.entities import spacy_backend

        if not spacy_backend.available():
            return None
    except Exception:
        return None

    def predict(text: str) -> list[tuple[int, int, str]]:
        return [(e.start, e.end, e.label) for e in recognise(text, backend="spacy")]

    return predict


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="list dev-set errors")
    ap.add_argument(
        "--dev-only", action="store_true", help="score the dev set only (while tuning rules)"
    )
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print("skipped: ../shared corpus not found")
        return 0
    t0 = time.perf_counter()
    recognise("Warm up in London.")
    load_ms = (time.perf_counter() - t0) * 1000
    pages = load_set()
    dev = [p for p in pages if p["split"] == "dev"]
    test = [p for p in pages if p["split"] == "test"]
    spacy_fn = spacy_predictor()
    splits = [("dev", dev)] if args.dev_only else [("dev", dev), ("held-out", test)]
    for name, subset in splits:
        words = sum(len(p["text"].split()) for p in subset)
        print(f"{name}: {len(subset)} texts, {words} words")
        print_scores("margin builtin", score(subset, ours))
        print_scores("margin builtin, spans only", score(subset, ours, spans_only=True), ("ALL",))
        print_scores("capitalised runs (spans)", score(subset, baseline, spans_only=True), ("ALL",))
        if spacy_fn is not None:
            print_scores("spaCy en_core_web_sm", score(subset, spacy_fn))
        print()
    print(
        f"speed: builtin {speed(pages, recognise):.2f} ms per 1,000 words"
        f" (first call, loading the lexicon: {load_ms:.0f} ms)"
    )
    print(
        f"speed: builtin {synthetic_speed():.2f} ms per 1,000 words"
        " on the synthetic articles of bench/index_speed.py"
    )
    if spacy_fn is not None:
        print(f"speed: spaCy {speed(pages, spacy_fn, repeat=1):.1f} ms per 1,000 words")
    else:
        print("spaCy: skipped (spaCy or en_core_web_sm not installed)")
    if args.errors:
        show_errors(dev)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
