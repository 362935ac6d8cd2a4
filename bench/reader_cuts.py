"""The reader's corrections on keys, on a ~110,000-word article: how long
``X`` (cut the paragraph), ``U`` (undo) and ``z`` (the cut view on, and
off) take from the key to the new text on screen, and how long the UI
thread is held meanwhile.

    .venv/bin/python bench/reader_cuts.py [--words 110000] [--rounds 5] [--at 0.0]

The app runs headless on the article (bench/highlight_speed.py's page),
indexed once; the reader is at ``--at`` (a fraction of the article: far
into a long one, the new version is laid out in a thread before it shows,
with no head laid out at once). For each key, ``--rounds`` presses, medians
printed:

- ``to screen``: from the key to the view's new text laid out (the write
  and its re-derivation run in a worker thread; then the UI thread builds
  the new version and lays it out, the rest in a thread for a long article);
- ``handler``: the time the reader's own code took on the UI thread to show
  the new version (``ReaderCuts._show_corrected``, or leaving the cut view);
- ``UI held``: the longest gap between the ticks of a 5 ms timer on the UI
  thread while it happened, i.e. the longest the screen could not answer a
  key: the handler, Textual's rendering and the worker thread's share of the
  GIL included.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from highlight_speed import long_article  # noqa: E402

TICK = 0.005


class Handlers:
    """Milliseconds spent in the reader's handlers that show a new version."""

    def __init__(self) -> None:
        self.ms = 0.0

    def wrap(self, cls: Any, name: str) -> None:
        inner = getattr(cls, name)

        def timed(*args: Any) -> Any:
            t = time.perf_counter()
            try:
                return inner(*args)
            finally:
                self.ms += (time.perf_counter() - t) * 1000

        setattr(cls, name, timed)


class Stalls:
    """The longest gap between the UI thread's timer ticks since ``reset``."""

    def __init__(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0

    def tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self.last)
        self.last = now

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.longest = 0.0


async def _measure(
    pilot: Any,
    stalls: Stalls,
    handlers: Handlers,
    act: Callable[[], Awaitable[None]],
    done: Callable[[], bool],
) -> tuple[float, float, float]:
    """(ms to screen, handler ms, longest UI stall ms) of ``act`` until ``done()``."""
    await pilot.pause(0.2)
    stalls.reset()
    handlers.ms = 0.0
    t = time.perf_counter()
    await act()
    while not done():
        await asyncio.sleep(0.002)
    took = time.perf_counter() - t
    await pilot.pause(0.05)
    return took * 1000, handlers.ms, stalls.longest * 1000


Figures = dict[str, list[tuple[float, float, float]]]


async def run(path: Path, rounds: int, at: float) -> Figures:
    from margin.library import Library
    from margin.ui.app import MarginApp
    from margin.ui.screens.reader_cuts import ReaderCuts

    handlers = Handlers()
    handlers.wrap(ReaderCuts, "_show_corrected")
    handlers.wrap(ReaderCuts, "_leave_cut_view")
    figures: Figures = {"X": [], "U": [], "z on": [], "z off": []}
    with Library.open() as lib:
        app = MarginApp(lib, file=path)
        async with app.run_test(size=(120, 40)) as pilot:
            while not (getattr(app.screen, "article", None) and app.screen.view.ready):
                await pilot.pause(0.05)
            screen: Any = app.screen
            stalls = Stalls()
            app.set_interval(TICK, stalls.tick)
            view = screen.view
            view.scroll_to_offset(int(len(view.article.text) * at))
            await pilot.pause(0.1)
            for key in ("right_square_bracket",) * 3:
                await pilot.press(key)

            def laid_out(length: int) -> Callable[[], bool]:
                view = screen.view
                return lambda: (
                    view.article is not None
                    and len(view.article.text) != length
                    and view.ready
                    and not any(w.group == "layout" and not w.is_finished for w in view.workers)
                )

            async def press(key: str) -> None:
                await pilot.press(key)

            for _ in range(rounds):
                for key, name in (("X", "X"), ("U", "U"), ("z", "z on"), ("z", "z off")):
                    before = len(screen.view.article.text)
                    figures[name].append(
                        await _measure(
                            pilot, stalls, handlers, lambda k=key: press(k), laid_out(before)
                        )
                    )
    return figures


def indexed_long_article(home: Path, words: int) -> Path:
    """The long page, in a library in ``home`` (MARGIN_HOME), indexed."""
    os.environ["MARGIN_HOME"] = str(home)
    from margin.library import Library

    path = home / "lib" / "long.html"
    path.parent.mkdir(parents=True)
    path.write_text(long_article(words)[0], encoding="utf-8")
    with Library.open() as lib:
        lib.scan([path.parent], jobs=1)
        article = lib.load_article(path)
        print(f"article: {article.word_count} words, {len(article.blocks)} blocks")
    return path


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=110_000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--at", type=float, default=0.0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = asyncio.run(
            run(indexed_long_article(Path(tmp), args.words), args.rounds, args.at)
        )
    for name, runs in figures.items():
        took, handler, held = (statistics.median(r[n] for r in runs) for n in range(3))
        print(
            f"{name:6} to screen median {took:5.0f} ms; handler median {handler:3.0f} ms; "
            f"UI held at most median {held:4.0f} ms"
        )


if __name__ == "__main__":
    main()
