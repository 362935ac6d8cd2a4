"""Indexing 1,000 fresh articles with margin vs readability-lxml alone on one core.

    .venv/bin/python bench/index_speed.py [--count 1000] [--jobs 0] [--rounds 3]

Prints both times for each round, baseline and margin taking turns, and the
median of two ratios. The goal is the wall-clock ratio, margin on all cores
against readability-lxml on one: at most 0.75x, the time a user waits. The
CPU-time ratio beside it (margin's CPU, its workers' and the scanning
process's, against readability's) has no goal: margin also hashes, finds
entities and writes the index, and the cores are what pay for that.
The articles are synthetic but realistic saved news pages (head metadata,
navigation, article body, related links, footer) in several sizes.

Bytecode is cached under the system temp folder (PYTHONPYCACHEPREFIX), filled
by a warm-up import: with PYTHONDONTWRITEBYTECODE set (as in some sandboxes)
margin's modules were compiled from source in the scan's worker server at
every run while readability-lxml's came precompiled from site-packages, which
is not what a user sees. The script restarts itself with that setting.
"""

from __future__ import annotations

import argparse
import functools
import html
import itertools
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "it",
    "as",
    "was",
    "with",
    "be",
    "by",
    "on",
    "not",
    "he",
    "this",
    "are",
    "or",
    "his",
    "from",
    "at",
    "which",
    "but",
    "have",
    "an",
    "they",
    "you",
    "were",
    "her",
    "she",
    "there",
    "been",
    "one",
    "all",
    "we",
    "their",
    "has",
    "would",
    "when",
    "if",
    "so",
    "no",
    "will",
    "more",
    "can",
    "said",
    "who",
    "about",
    "up",
    "out",
    "them",
    "some",
    "could",
    "into",
    "than",
    "then",
    "its",
    "time",
    "only",
    "other",
    "new",
    "these",
    "two",
    "may",
    "first",
    "any",
    "like",
    "now",
    "my",
    "such",
    "over",
    "our",
    "man",
    "me",
    "even",
    "most",
    "made",
    "after",
    "also",
    "did",
    "many",
    "before",
    "must",
    "through",
    "back",
    "years",
    "where",
    "much",
    "your",
    "way",
    "well",
    "down",
    "should",
    "because",
    "each",
    "just",
    "those",
    "people",
    "how",
    "too",
    "little",
    "state",
    "good",
    "very",
    "make",
    "world",
    "still",
    "own",
    "see",
    "men",
    "work",
    "long",
    "get",
    "here",
    "between",
    "both",
    "life",
    "being",
    "under",
    "never",
    "day",
    "same",
    "another",
    "know",
    "while",
    "last",
    "might",
    "great",
    "old",
    "year",
    "off",
    "come",
    "since",
    "against",
    "go",
    "came",
    "right",
    "used",
    "take",
    "three",
    "city",
    "council",
    "harbour",
    "river",
    "market",
    "school",
    "hospital",
    "government",
    "minister",
    "election",
    "report",
    "study",
    "researchers",
    "university",
    "company",
    "workers",
    "prices",
    "energy",
    "water",
    "weather",
    "storm",
    "season",
    "festival",
    "museum",
    "library",
    "court",
    "police",
    "village",
    "farmers",
    "bridge",
    "railway",
    "station",
    "airport",
    "tourists",
    "engineers",
    "scientists",
    "doctors",
    "teachers",
    "students",
]
NAMES = [
    "Maria Borg",
    "Joseph Camilleri",
    "Ana Ferreira",
    "Tomasz Nowak",
    "Aiko Tanaka",
    "Lena Fischer",
    "Kwame Mensah",
    "Priya Raman",
    "Diego Alvarez",
    "Sofia Rossi",
]
PLACES = ["Valletta", "Porto", "Krakow", "Osaka", "Hamburg", "Accra", "Chennai", "Seville"]
ORGS = ["the European Central Bank", "Harbour Times", "the Red Cross", "Siemens", "UNESCO"]
SITES = ["Harbour Times", "The Daily Ledger", "Northern Post", "Stackframe", "City Review"]


_SYL = [
    "ka",
    "lo",
    "ren",
    "ta",
    "vis",
    "mor",
    "del",
    "an",
    "sul",
    "pri",
    "gon",
    "et",
    "ba",
    "nu",
    "cor",
    "lin",
    "esh",
    "ma",
    "tor",
    "qui",
    "fe",
    "dra",
    "so",
    "hal",
]


@functools.cache
def lexicon() -> tuple[list[str], list[float]]:
    """Content words beyond the everyday ones, Zipf-distributed like real prose,
    with their cumulative weights. Built on first use, not at import: the
    indexing workers import this script as their main module, and what it
    does at import would count against margin's time."""
    rng = random.Random(99)
    words = sorted(
        {"".join(rng.choice(_SYL) for _ in range(rng.randint(2, 4))) for _ in range(30000)}
    )
    rng.shuffle(words)
    weights = [1 / (r + 1) ** 1.05 for r in range(len(words))]
    return words, list(itertools.accumulate(weights))


def content_word(rng: random.Random) -> str:
    words, cum = lexicon()
    return rng.choices(words, cum_weights=cum)[0]


def sentence(rng: random.Random) -> str:
    n = rng.randint(8, 26)
    words = []
    for _ in range(n):
        r = rng.random()
        if r < 0.06:
            words.append(rng.choice(NAMES + PLACES + ORGS))
        elif r < 0.45:
            words.append(content_word(rng))
        else:
            words.append(rng.choice(WORDS))
    s = " ".join(words)
    return s[0].upper() + s[1:] + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 6)))


def paragraphs(rng: random.Random, words: int) -> list[str]:
    """Paragraphs of at least ``words`` words in all."""
    paras: list[str] = []
    total = 0
    while total < words:
        p = paragraph(rng)
        total += len(p.split())
        paras.append(p)
    return paras


def article_html(rng: random.Random, i: int) -> str:
    return article_parts(rng, i)[0]


def article_parts(rng: random.Random, i: int) -> tuple[str, str, list[str], str, str]:
    """(html, title, paragraphs, site, author) for one synthetic article."""
    paras = paragraphs(rng, rng.choice([250, 600, 600, 1200, 1200, 2500, 6000]))
    title = sentence(rng)[:-1][:90]
    site = rng.choice(SITES)
    author = rng.choice(NAMES)
    body = []
    for k, p in enumerate(paras):
        if k and k % 6 == 0:
            body.append(f"<h2>{html.escape(sentence(rng)[:60])}</h2>")
        if k % 9 == 4:
            body.append(f"<blockquote><p>{html.escape(p)}</p></blockquote>")
        else:
            body.append(f"<p>{html.escape(p)}</p>")
    nav = "".join(f'<li><a href="/s/{w}">{w.title()}</a></li>' for w in rng.sample(WORDS, 12))
    related = "".join(
        f'<li><a href="/r/{k}">{html.escape(sentence(rng)[:70])}</a></li>' for k in range(6)
    )
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | {site}</title>
<meta property="og:title" content="{html.escape(title)}">
<meta property="og:site_name" content="{site}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}T08:00:00Z">
<link rel="canonical" href="https://example.org/{i}">
<style>body{{font-family:serif}} .nav li{{display:inline}}</style>
<script>window.dataLayer=[];function track(e){{dataLayer.push(e)}}</script>
</head><body>
<header><div class="logo">{site}</div><nav><ul class="nav">{nav}</ul></nav>
<form class="newsletter"><label>Get our newsletter</label><input type="email"><button>Sign up</button></form></header>
<main><article>
<h1>{html.escape(title)}</h1><p class="byline">By {author}</p>
{"".join(body)}
</article></main>
<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>
<footer><p>&copy; {site}. All rights reserved. <a href="/privacy">Privacy</a> <a href="/terms">Terms</a></p></footer>
</body></html>
"""
    return page, title, paras, site, author


def generate(folder: Path, count: int, seed: int = 1) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        sub = folder / f"{i // 500:03d}"
        sub.mkdir(exist_ok=True)
        p = sub / f"article-{i:05d}.html"
        p.write_text(article_html(rng, i), encoding="utf-8")
        out.append(p)
    return out


def readability_alone(files: list[Path]) -> tuple[float, float]:
    """Wall and CPU seconds."""
    from readability import Document

    t = time.perf_counter()
    c = time.process_time()
    for f in files:
        Document(f.read_text(encoding="utf-8")).summary()
    return time.perf_counter() - t, time.process_time() - c


def _own_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="alternate baseline and margin this many times (the machine's speed drifts)",
    )
    args = ap.parse_args()
    from statistics import median

    if os.environ.get("PYTHONDONTWRITEBYTECODE") or not os.environ.get("PYTHONPYCACHEPREFIX"):
        env = dict(
            os.environ,
            PYTHONPYCACHEPREFIX=os.path.join(tempfile.gettempdir(), "margin-bench-pycache"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        os.execve(sys.executable, [sys.executable, *sys.argv], env)
    # warm-up: margin's modules compiled once, as an installed margin's are
    subprocess.run(
        [sys.executable, "-c", "import margin.library.worker_preload, margin.library"], check=True
    )

    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp) / "lib", args.count)
        size = sum(f.stat().st_size for f in files)
        print(f"{len(files)} articles, {size / 1e6:.1f} MB of HTML, {os.cpu_count()} cores")
        from margin.library import Library

        ratios: list[float] = []
        cpu_ratios: list[float] = []
        cores = min(os.cpu_count() or 1, args.jobs or os.cpu_count() or 1)
        for round_ in range(1, args.rounds + 1):
            load = os.getloadavg()[0]
            base, base_cpu = readability_alone(files)
            # a fresh database each round: every article is indexed anew
            os.environ["MARGIN_HOME"] = str(Path(tmp) / f"home-{round_}")
            with Library.open() as lib:
                t = time.perf_counter()
                own = _own_cpu()
                summary = lib.scan([Path(tmp) / "lib"], jobs=args.jobs)
                took = time.perf_counter() - t
                own = _own_cpu() - own
            load1 = os.getloadavg()[0]
            n = max(1, summary.indexed)
            tm = summary.timings
            cpu = tm["read"] + tm["extract"] + tm["entities"]
            ratios.append(took / base)
            cpu_ratios.append((cpu + own) / base_cpu)
            print(
                f"round {round_}: readability-lxml alone, one core {base:.2f} s "
                f"({base_cpu:.2f} s CPU); margin index, all cores {took:.2f} s "
                f"({cpu + own:.2f} s CPU; indexed {summary.indexed}, failed "
                f"{len(summary.failed)}); wall-clock ratio {ratios[-1]:.2f}x, CPU-time "
                f"ratio {cpu_ratios[-1]:.2f}x; load average {load:.2f} -> {load1:.2f}"
            )
            # On an idle machine the workers share the cores with the scanning
            # process, whose CPU time is measured here too.
            idle = max((cpu + own) / cores, own)
            print(
                f"  per article, worker CPU ms: read+hash {tm['read'] / n * 1e3:.2f}, "
                f"extract {tm['extract'] / n * 1e3:.2f}, entities {tm['entities'] / n * 1e3:.2f}; "
                f"index writes {tm['write'] / n * 1e3:.2f} ms wall in the scanning process\n"
                f"  worker CPU {cpu:.2f} s over {took:.2f} s wall ({cpu / took:.2f} cores busy); "
                f"scanning process CPU {own:.2f} s; on an idle machine the wall-clock "
                f"ratio would be about (margin CPU / {cores} cores) / readability CPU "
                f"{idle / base_cpu:.2f}x"
            )
        print(
            f"margin / readability alone over {len(ratios)} rounds, median (range):\n"
            f"  wall-clock, margin on all {cores} cores against readability on one: "
            f"{median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f}x); "
            "the goal: <= 0.75x\n"
            f"  CPU time: {median(cpu_ratios):.2f}x ({min(cpu_ratios):.2f}-"
            f"{max(cpu_ratios):.2f}x); no goal, margin does more work (hashing, "
            "entities, the index)"
        )


if __name__ == "__main__":
    main()
