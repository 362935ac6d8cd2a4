"""Re-anchoring benchmark: highlights placed in real article texts, the texts
edited the way a re-saved page changes, each highlight placed again by margin.

    .venv/bin/python bench/anchoring.py [--count 500] [--seed 14] [--show wrong|orphaned|missed]

The defaults are the figures we track; a larger ``--count`` or other seeds
show how steady they are (the rules were tuned on seed 14).

Texts: every page of ../shared/corpus/readability-test-pages with at least
1,500 characters and 5 paragraphs of article text (``page_text`` of its
expected.html, paragraphs separated by a blank line, as margin stores text),
except the extractor's test fixtures made of placeholder Latin ("lorem
ipsum", the same few sentences over and over: not an article).

Highlights: a page is drawn at random, then a position in its text; the quote
is a run of 3 to 12 words from there (45%), the sentence holding it (35%) or 2
to 3 sentences from it (20%), always inside one paragraph. It is stored as
margin stores it (``make_selector``: the quote, 32 characters of context on
each side, and its offset as the hint).

Edits, one kind per highlight in turn (the last applies several at once):

- paragraph deleted: the quote's own paragraph (35%), only the quote's
  sentence (15%), or another paragraph (50%; half of them a neighbour);
- paragraph inserted: a paragraph of another page, next to the quote's
  paragraph (50%) or anywhere;
- typo fixed: one character changed, dropped, added or swapped, or one word
  replaced (25%), inside the quote (50%) or within 40 characters of it;
- chrome changed: at the top and at the bottom, 1 to 3 chrome lines added
  (70%) or the first/last 1 to 2 paragraphs removed (30%);
- sentence reworded: 1 to 4 words (about one in five) of a sentence of the
  quote replaced by other words of the article (numbers by other numbers),
  the order of the others kept;
- re-saved: chrome changed, a paragraph inserted and a typo fixed together.

Ground truth comes from the edits, never from margin's anchoring: each edit is
a splice, and the quote's span is carried through the splices. A placement is
**right** when it overlaps the quote's span in the edited text, **wrong** when
it does not (or when the quote's text was deleted), and **orphaned** when
margin declines to place it. Wrong placements on the quote's own words, where
the article repeats them (a caption printed twice, a line of a listing), are
counted as wrong and also told apart on the last line.

The quote's words **survive** when its span in the edited text is not empty
and every distinctive word of the original quote is found, in the same order
and spelled the same, among the words of that span. A word is distinctive
when it holds a digit; or starts with a capital letter and does not start a
sentence; or is at least 4 letters long and occurs at most twice in the
original article (case-folded). Words are runs of letters and digits; a CJK
character is a word on its own. A quote without distinctive words is known by
all its words: it survives when they all are found, in order, in its span.

Goal: 0 placed wrong; at least 97% placed right where the quote's words survive.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from entities import CORPUS, page_text  # noqa: E402

from margin.library.anchoring import anchor, make_selector  # noqa: E402

MIN_CHARS = 1500
MIN_PARAGRAPHS = 5

_CJK = r"\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD_RE = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")
_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’)\]]*(?:\s+|$)|[。！？]+[”」』]*\s*")

CHROME = [
    "Advertisement",
    "Share this article",
    "Sign up for our newsletter",
    "Home | News | Sport | Weather",
    "Follow us on Twitter and Facebook",
    "Updated 14:32 GMT, 3 March 2016",
    "12 comments",
    "Read more",
    "Skip to main content",
    "© 2016 The Daily Paper. All rights reserved.",
    "Related: The ten best walks in the Lake District",
]

Span = tuple[int, int]


@dataclass
class Doc:
    """An article text being edited, with the quote's span carried along."""

    text: str
    quote: Span

    def splice(self, a: int, b: int, new: str) -> None:
        """Replace text[a:b] with ``new``; text inside [a, b) that was in the
        quote is replaced by ``new`` in the quote."""
        s, e = self.quote
        delta = len(new) - (b - a)
        s2 = s if s < a else (s + delta if s >= b else a)
        e2 = e if e <= a else (e + delta if e > b else a + len(new))
        self.text = self.text[:a] + new + self.text[b:]
        self.quote = (s2, max(s2, e2))


# -- the text's parts -------------------------------------------------------


def paragraphs(text: str) -> list[Span]:
    spans, pos = [], 0
    for part in text.split("\n\n"):
        spans.append((pos, pos + len(part)))
        pos += len(part) + 2
    return [sp for sp in spans if sp[1] > sp[0]]


def sentences(text: str, para: Span) -> list[Span]:
    """Sentence spans in a paragraph (ending before the space that follows)."""
    out, start = [], para[0]
    for m in _SENTENCE_END_RE.finditer(text, para[0], para[1]):
        end = m.end() - (len(m.group()) - len(m.group().rstrip()))
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < para[1]:
        out.append((start, para[1]))
    return out


def words(text: str, span: Span) -> list[re.Match[str]]:
    return list(_WORD_RE.finditer(text, span[0], span[1]))


def containing(spans: list[Span], pos: int) -> int:
    """The span holding ``pos`` (the next one when ``pos`` falls between two)."""
    return next((i for i, (_, e) in enumerate(spans) if pos < e), len(spans) - 1)


# -- highlights -------------------------------------------------------------


def pick_quote(rng: random.Random, text: str) -> Span | None:
    paras = paragraphs(text)
    para = paras[containing(paras, rng.randrange(len(text)))]
    ws = words(text, para)
    if len(ws) < 3:
        return None
    sents = sentences(text, para)
    i = rng.randrange(len(ws))
    shape = rng.random()
    if shape < 0.45:
        n = rng.randint(3, 12)
        i = min(i, max(0, len(ws) - n))
        return ws[i].start(), ws[min(len(ws), i + n) - 1].end()
    k = containing(sents, ws[i].start())
    last = k if shape < 0.8 else min(len(sents) - 1, k + rng.randint(1, 2))
    return sents[k][0], sents[last][1]


def distinctive(text: str, span: Span, counts: Counter[str]) -> list[str]:
    """The quote's distinctive words, or all of them when none is (see the
    module's docstring)."""
    out = []
    starts = {s for para in paragraphs(text) for s, _ in sentences(text, para)}
    for m in words(text, span):
        w = m.group()
        if (
            any(c.isdigit() for c in w)
            or (w[0].isupper() and m.start() not in starts)
            or (len(w) >= 4 and counts[w.casefold()] <= 2)
        ):
            out.append(w)
    return out or [m.group() for m in words(text, span)]


def survives(key: list[str], doc: Doc) -> bool:
    if doc.quote[1] <= doc.quote[0]:
        return False
    it = iter(m.group() for m in words(doc.text, doc.quote))
    return all(any(w == got for got in it) for w in key)


# -- edits --------------------------------------------------------------------


def delete_paragraph(doc: Doc, para: Span) -> None:
    a, b = para
    if b + 2 <= len(doc.text):
        doc.splice(a, b + 2, "")
    else:
        doc.splice(max(0, a - 2), b, "")


def edit_delete(rng: random.Random, doc: Doc, donor: str) -> None:
    paras = paragraphs(doc.text)
    k = containing(paras, doc.quote[0])
    r = rng.random()
    if r < 0.35 or len(paras) < 2:
        delete_paragraph(doc, paras[k])
    elif r < 0.5:
        sents = sentences(doc.text, paras[k])
        s, e = sents[containing(sents, doc.quote[0])]
        while e < len(doc.text) and doc.text[e] == " ":
            e += 1
        doc.splice(s, e, "")
    else:
        others = [i for i in range(len(paras)) if i != k]
        near = [i for i in (k - 1, k + 1) if 0 <= i < len(paras)]
        delete_paragraph(doc, paras[rng.choice(near if rng.random() < 0.5 else others)])


def edit_insert(rng: random.Random, doc: Doc, donor: str) -> None:
    paras = paragraphs(doc.text)
    k = containing(paras, doc.quote[0])
    donor_paras = [p for p in paragraphs(donor) if p[1] - p[0] > 40] or paragraphs(donor)
    ds, de = rng.choice(donor_paras)
    where = rng.choice([k, k + 1]) if rng.random() < 0.5 else rng.randrange(len(paras) + 1)
    if where < len(paras):
        at = paras[where][0]
        doc.splice(at, at, donor[ds:de] + "\n\n")
    else:
        doc.splice(len(doc.text), len(doc.text), "\n\n" + donor[ds:de])


def edit_typo(rng: random.Random, doc: Doc, donor: str) -> None:
    s, e = doc.quote
    if rng.random() < 0.5:
        lo, hi = s, e
    else:
        lo, hi = (max(0, s - 40), s) if rng.random() < 0.5 else (e, min(len(doc.text), e + 40))
    ws = words(doc.text, (lo, hi)) or words(doc.text, (max(0, s - 200), e + 200))
    w = rng.choice(ws)
    if rng.random() < 0.25:
        vocab = [m.group() for m in _WORD_RE.finditer(donor)] or ["word"]
        doc.splice(w.start(), w.end(), rng.choice(vocab))
        return
    i = w.start() + rng.randrange(len(w.group()))
    op = rng.choice("sdit")
    letter = rng.choice("etaoinshrdlu")
    if op == "s":
        doc.splice(i, i + 1, letter if doc.text[i] != letter else "x")
    elif op == "d":
        doc.splice(i, i + 1, "")
    elif op == "i":
        doc.splice(i, i, letter)
    elif i + 1 < w.end():
        doc.splice(i, i + 2, doc.text[i + 1] + doc.text[i])
    else:
        doc.splice(i, i + 1, letter)


def edit_chrome(rng: random.Random, doc: Doc, donor: str) -> None:
    for top in (True, False):
        paras = paragraphs(doc.text)
        if rng.random() < 0.3 and len(paras) > 3:
            for _ in range(rng.randint(1, 2)):
                paras = paragraphs(doc.text)
                delete_paragraph(doc, paras[0] if top else paras[-1])
            continue
        lines = "\n\n".join(rng.sample(CHROME, rng.randint(1, 3)))
        if top:
            doc.splice(0, 0, lines + "\n\n")
        else:
            doc.splice(len(doc.text), len(doc.text), "\n\n" + lines)


def edit_reword(rng: random.Random, doc: Doc, donor: str) -> None:
    paras = paragraphs(doc.text)
    para = paras[containing(paras, doc.quote[0])]
    sents = [
        sp for sp in sentences(doc.text, para) if sp[1] > doc.quote[0] and sp[0] < doc.quote[1]
    ]
    ws = words(doc.text, rng.choice(sents)) if sents else words(doc.text, doc.quote)
    vocab = sorted({m.group() for m in _WORD_RE.finditer(doc.text)})
    n = min(4, max(1, round(len(ws) / 5)))
    for m in sorted(rng.sample(ws, min(n, len(ws))), key=lambda m: -m.start()):
        doc.splice(m.start(), m.end(), replacement(rng, m.group(), vocab))


def replacement(rng: random.Random, word: str, vocab: list[str]) -> str:
    if any(c.isdigit() for c in word):
        return str(rng.randint(2, 99)) if word != "2" else "3"
    same_case = [w for w in vocab if w[0].isupper() == word[0].isupper() and w != word]
    return rng.choice(same_case or vocab)


def edit_resave(rng: random.Random, doc: Doc, donor: str) -> None:
    edit_chrome(rng, doc, donor)
    edit_insert(rng, doc, donor)
    edit_typo(rng, doc, donor)


EDITS: dict[str, Callable[[random.Random, Doc, str], None]] = {
    "paragraph deleted": edit_delete,
    "paragraph inserted": edit_insert,
    "typo fixed": edit_typo,
    "chrome changed": edit_chrome,
    "sentence reworded": edit_reword,
    "re-saved (several)": edit_resave,
}


# -- the run ------------------------------------------------------------------


@dataclass
class Trial:
    kind: str
    page: str
    quote: str
    truth: str
    placed: str | None
    outcome: str  # right | wrong | orphaned
    survives: bool
    seconds: float
    repeated: bool  # the quote occurs more than once in the original text

    @property
    def on_a_repeat(self) -> bool:
        """Placed wrong, but on the quote's own words, repeated elsewhere."""
        return self.outcome == "wrong" and self.repeated and self.placed == self.quote


def load_texts() -> dict[str, str]:
    texts = {}
    for page in sorted(p for p in CORPUS.iterdir() if (p / "expected.html").is_file()):
        text = page_text(page / "expected.html")
        if (
            len(text) >= MIN_CHARS
            and len(paragraphs(text)) >= MIN_PARAGRAPHS
            and "lorem ipsum" not in text.lower()
        ):
            texts[page.name] = text
    return texts


def run_one(rng: random.Random, kind: str, texts: dict[str, str]) -> Trial:
    names = list(texts)
    while True:
        name = rng.choice(names)
        text = texts[name]
        span = pick_quote(rng, text)
        if span is not None:
            break
    counts = Counter(m.group().casefold() for m in _WORD_RE.finditer(text))
    key = distinctive(text, span, counts)
    donor = texts[rng.choice([n for n in names if n != name])]
    doc = Doc(text, span)
    EDITS[kind](rng, doc, donor)
    t0 = time.perf_counter()
    placed = anchor(doc.text, make_selector(text, *span), span[0])
    seconds = time.perf_counter() - t0
    s, e = doc.quote
    if placed is None:
        outcome = "orphaned"
    elif e > s and placed.start < e and s < placed.end:
        outcome = "right"
    else:
        outcome = "wrong"
    return Trial(
        kind=kind,
        page=name,
        quote=text[span[0] : span[1]],
        truth=doc.text[s:e],
        placed=None if placed is None else doc.text[placed.start : placed.end],
        outcome=outcome,
        survives=survives(key, doc),
        seconds=seconds,
        repeated=text.count(text[span[0] : span[1]]) > 1,
    )


def report(trials: list[Trial]) -> None:
    print(
        f"{'edit':<20} {'n':>4} {'right':>6} {'wrong':>6} {'orphan':>7}"
        f" {'survive':>8} {'right where words survive':>26}"
    )
    groups = [(k, [t for t in trials if t.kind == k]) for k in EDITS] + [("all", trials)]
    for kind, ts in groups:
        c = Counter(t.outcome for t in ts)
        kept = [t for t in ts if t.survives]
        right_kept = sum(t.outcome == "right" for t in kept)
        share = f"{right_kept}/{len(kept)} = {right_kept / len(kept):.1%}" if kept else "-"
        print(
            f"{kind:<20} {len(ts):>4} {c['right']:>6} {c['wrong']:>6} {c['orphaned']:>7}"
            f" {len(kept):>8} {share:>26}"
        )
    wrong = [t for t in trials if t.outcome == "wrong"]
    print(
        f"placed wrong: {len(wrong)}, of which {sum(t.on_a_repeat for t in wrong)} on the"
        " quote's own words where the article repeats them"
    )


def show(trials: list[Trial], which: str) -> None:
    for t in trials:
        if t.outcome == which or (which == "missed" and t.survives and t.outcome != "right"):
            print(f"\n[{t.kind}] {t.page} ({t.outcome}, survives={t.survives})")
            print(f"  quote:  {t.quote!r}")
            print(f"  truth:  {t.truth!r}")
            print(f"  placed: {t.placed!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=500, help="highlights (default 500)")
    ap.add_argument("--seed", type=int, default=14, help="random seed (default 14)")
    ap.add_argument(
        "--show", choices=["wrong", "orphaned", "missed"], help="list these highlights too"
    )
    args = ap.parse_args(argv)
    if not CORPUS.is_dir():
        print("skipped: ../shared corpus not found")
        return 0
    texts = load_texts()
    rng = random.Random(args.seed)
    kinds = list(EDITS)
    trials = [run_one(rng, kinds[i % len(kinds)], texts) for i in range(args.count)]
    times = sorted(t.seconds * 1000 for t in trials)
    print(f"{args.count} highlights on {len(texts)} corpus texts, seed {args.seed}")
    report(trials)
    print(
        f"re-anchoring: median {times[len(times) // 2]:.2f} ms,"
        f" slowest {times[-1]:.1f} ms per highlight"
    )
    if args.show:
        show(trials, args.show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
