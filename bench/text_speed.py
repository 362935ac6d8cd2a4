"""Milliseconds margin's text ingest takes on text saves: the bundled text
saves, and a long page that repeats itself (a menu, an article and a list of
related stories, 40 times over: about 1,000 lines, where a rule that compares
every line with every other would show).

    python bench/text_speed.py [--copies 40] [--rounds 5]

Figures are the best of ``--rounds`` runs (the machine may be busy).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _corpus import SAMPLES  # noqa: E402

MENU = "Home\nNews\nWorld\nBusiness\nSport\nCulture\nOpinion\nSign in\nSubscribe"
RELATED = "Related\n- One headline here\n- Another one there"


def best_ms(run: Callable[[], object], rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best * 1000


def repeating_page(article: list[str], copies: int) -> str:
    return "\n\n".join([MENU, *article, RELATED] * copies) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--copies", type=int, default=40, help="copies of the page's parts")
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds (best kept)")
    args = ap.parse_args()

    from margin.ingest.text import extract_text

    saves = sorted(SAMPLES.glob("text-save-*.txt"))
    for path in saves:
        text = path.read_text(encoding="utf-8")
        ms = best_ms(lambda text=text: extract_text(text), args.rounds)
        print(f"{path.name:<36} {len(text.splitlines()):>6} lines  {ms:7.1f} ms")
    _meta, blocks = extract_text(saves[0].read_text(encoding="utf-8"))
    article = [b.text for b in blocks if b.kind == "paragraph"][:5]
    page = repeating_page(article, args.copies)
    ms = best_ms(lambda: extract_text(page), args.rounds)
    label = f"the same page {args.copies} times"
    print(f"{label:<36} {len(page.splitlines()):>6} lines  {ms:7.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
