"""Shared helpers for the benchmarks: where the development corpus is, and
how its expected article text is read and scored."""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "readability-test-pages"
SAMPLES = REPO / "sample_articles"

_TOKEN_RE = re.compile(r"\w+")


def corpus_pages() -> list[Path]:
    """Every page folder of the development corpus (empty when it is absent)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if (p / "source.html").is_file())


def expected_metadata(page: Path) -> dict:
    try:
        return json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


_BLOCKS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
           "pre", "blockquote", "section", "article", "figure", "figcaption", "dd", "dt"}  # fmt: skip


def html_text(markup: str) -> str:
    """The text of an HTML fragment as a browser shows it: a line break at
    <br> and around blocks (lxml's text_content() would run "a<br>b" into "ab")."""
    import lxml.html

    if not markup.strip():
        return ""
    root = lxml.html.fromstring(markup)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
    return root.text_content()


_TEXT_BLOCKS = frozenset(
    ["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption",
     "dt", "dd", "td", "th"]
)  # fmt: skip
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")


def block_texts(markup: str) -> list[str]:
    """The text of every innermost block element of ``markup`` (a ``p`` with no
    block inside it, an ``li`` ...), whitespace collapsed, empty ones left out,
    in document order; script and style dropped. The entity benchmark's texts
    are made of these, so they do not depend on margin's extractor."""
    import lxml.html

    root = lxml.html.fromstring(_XML_DECL.sub("", markup))
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    blocks = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag not in _TEXT_BLOCKS:
            continue
        if any(isinstance(d.tag, str) and d.tag in _TEXT_BLOCKS for d in el.iterdescendants()):
            continue
        text = " ".join(el.text_content().split())
        if text:
            blocks.append(text)
    return blocks


def expected_text(page: Path) -> str:
    return html_text((page / "expected.html").read_text(encoding="utf-8"))


def windows(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = [t.lower() for t in _TOKEN_RE.findall(text)]
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def precision_recall(got: str, want: str) -> tuple[float, float]:
    g, w = windows(got), windows(want)
    overlap = sum((g & w).values())
    p = overlap / sum(g.values()) if g else (1.0 if not w else 0.0)
    r = overlap / sum(w.values()) if w else (1.0 if not g else 0.0)
    return p, r


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def mean_f1(rows: list[dict], p: str = "p", r: str = "r") -> tuple[float, float, float]:
    """(F1, precision, recall) over ``rows``: precision and recall (the keys
    ``p`` and ``r``) averaged over pages, F1 their harmonic mean."""
    n = len(rows)
    mp = sum(row[p] for row in rows) / n
    mr = sum(row[r] for row in rows) / n
    return f1(mp, mr), mp, mr


LOW_F1 = 0.5  # a page under this F1 shows the reader little of its article, or other text


def pages_below(rows: list[dict], p: str = "p", r: str = "r", below: float = LOW_F1) -> int:
    """How many of ``rows`` score an F1 under ``below`` (each page its own
    precision ``p`` and recall ``r``): pages where the reader gets the wrong
    region or next to nothing, which a mean over pages hides."""
    return sum(f1(row[p], row[r]) < below for row in rows)


def f1_interval(
    rows: list[dict], p: str = "p", r: str = "r", draws: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """A 95% bootstrap interval for ``mean_f1`` over ``rows``: pages drawn
    again with replacement, ``draws`` times (a fixed seed, so the figures
    repeat). With a few dozen pages the interval is wide, and two figures
    inside each other's interval are not told apart by these pages."""
    rng = random.Random(seed)
    n = len(rows)
    scores = sorted(
        mean_f1([rows[rng.randrange(n)] for _ in range(n)], p, r)[0] for _ in range(draws)
    )
    return scores[int(0.025 * draws)], scores[int(0.975 * draws) - 1]


def norm_field(value: str | None) -> str:
    return " ".join((value or "").split())
