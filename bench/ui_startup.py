"""UI figures: first paint of a 10,000-article library against a bare Textual
app (same run), opening a 100,000-word article, page-down cost, and RSS.

    .venv/bin/python bench/ui_startup.py [--articles 10000] [--words 100000] [--repeat 5]
        [--no-headless] [--no-tmux] [--paint-only]

First paint is measured twice. Headless: inside the app, until the list is
built and a refresh has run. In tmux, the way a user sees it: each app is
started in a detached 120x40 tmux session and ``tmux capture-pane`` is polled
until the first titles (or the bare app's one line) are on the terminal. The
tmux figure is the one to trust: headless, Textual writes no frames, so it
cannot see a frame that is dropped (a screen laid out while the start-up's
batch of updates was still open never reached the terminal, and the titles
waited for the next full layout) nor the terminal driver and the output.

The library is built once under $TMPDIR/margin-bench-ui (indexing 10,000
files takes a while the first time) and reused on later runs. Each app runs
headless in a fresh subprocess, so imports count for both apps alike.

Bytecode is cached under the bench folder (PYTHONPYCACHEPREFIX) and one
warm-up run of each app fills it: with PYTHONDONTWRITEBYTECODE set (as in some
sandboxes) margin's modules were compiled from source on every start while
Textual's came precompiled from site-packages, which is not what a user sees.
Bare and library runs alternate and medians are printed, since the machine
may be busy with other work.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

HERE = Path(__file__).resolve()
WORDS = [
    "harbour",
    "boats",
    "river",
    "council",
    "museum",
    "winter",
    "garden",
    "letter",
    "market",
    "station",
    "bridge",
    "village",
    "teacher",
    "doctor",
    "engine",
    "paper",
    "window",
    "morning",
    "evening",
    "journey",
    "story",
    "answer",
    "question",
    "reason",
    "season",
    "country",
    "history",
    "science",
    "energy",
    "water",
    "light",
    "music",
]
NAMES = ["Barack Obama", "Angela Merkel", "Berlin", "Kenya", "Mozilla", "Paris", "Ada Lovelace"]


def paragraph(rng: random.Random, words: int) -> str:
    out = []
    for i in range(words):
        word = rng.choice(WORDS)
        if i % 17 == 5:
            word = rng.choice(NAMES)
        out.append(word)
    return " ".join(out).capitalize() + "."


def build(root: Path, articles: int, words: int) -> tuple[Path, Path]:
    """Library folder + MARGIN_HOME with everything indexed (cached)."""
    folder = root / f"library-{articles}"
    home = root / f"home-{articles}-{words}"
    big = root / f"big-{words}.md"
    stamp = home / "built"
    if stamp.exists():
        return home, big
    rng = random.Random(7)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(articles):
        path = folder / f"a{i:05d}.md"
        if not path.exists():
            title = " ".join(rng.choice(WORDS) for _ in range(5)).title()
            body = "\n\n".join(paragraph(rng, 60) for _ in range(4))
            path.write_text(f"---\ntitle: {title} {i}\nsite: site{i % 40}.example\n---\n\n{body}\n")
    paras = []
    count = 0
    n = 0
    while count < words:
        if n % 40 == 0:
            paras.append(f"## Part {n // 40 + 1}")
        text = paragraph(rng, 50)
        paras.append(text)
        count += 50
        n += 1
    big.write_text("---\ntitle: A Very Long Article\n---\n\n" + "\n\n".join(paras) + "\n")
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, MARGIN_HOME=str(home))
    code = (
        "from margin.library import Library\n"
        f"lib = Library.open()\nlib.scan([{str(folder)!r}])\nlib.load_article({str(big)!r})\nlib.close()\n"
    )
    print(f"indexing {articles} articles into {home} (once)…", file=sys.stderr)
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    stamp.write_text("ok")
    return home, big


BARE = r"""
import time, json, sys
t0 = time.perf_counter()
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("one line")
    def on_mount(self):
        self.call_after_refresh(self.done)
    def done(self):
        self.painted = time.perf_counter()
        self.exit()
app = Bare()
app.run(headless=True, size=(120, 40))
print(json.dumps({"paint": app.painted - t0, "rss": int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024}))
"""

LIBRARY = r"""
import gc, time, json, sys
t0 = time.perf_counter()
gc.disable()  # as margin.ui.launch does, until the first screen is shown
from margin.library import Library
from margin.ui.app import MarginApp
from margin.ui.screens.library_screen import LibraryScreen

def rss():
    return int(open("/proc/self/status").read().split("VmRSS:")[1].split()[0]) / 1024

class Bench(MarginApp):
    painted = None
    def on_mount(self):
        # (Textual calls MarginApp.on_mount as well: handlers run for each class)
        self.set_interval(0.002, self.check)
    def check(self):
        s = self.screen
        if self.painted is None and isinstance(s, LibraryScreen) and s.article_list.items:
            self.painted = -1
            self.call_after_refresh(self.done)
        if self.painted and self.painted > 0 and isinstance(s, LibraryScreen) and not s.scanning:
            self.rss_after_scan = rss()
            self.exit()
    def done(self):
        self.painted = time.perf_counter()
        self.rows = len(self.screen.article_list.items)
        self.rss_paint = rss()

lib = Library.open()
app = Bench(lib)
app.after_first_screen.append(gc.enable)
app.run(headless=True, size=(120, 40))
print(json.dumps({"paint": app.painted - t0, "rows": app.rows, "articles": lib.article_count(),
                  "rss": app.rss_paint,
                  "rss_after_scan": app.rss_after_scan}))
"""

READER = r"""
import asyncio, time, json, sys
from margin.library import Library
from margin.ui.app import MarginApp
from margin.ui.screens.reader_screen import ReaderScreen
from margin.ui.screens.library_screen import LibraryScreen
BIG = sys.argv[1]

async def open_big(app):
    # the screen, and the seconds until its first lines are drawn
    t0 = time.perf_counter()
    screen = ReaderScreen(BIG)
    app.push_screen(screen)
    while not (screen.article is not None and screen.view.ready):
        await asyncio.sleep(0.001)
    view = screen.view
    [view.render_line(y) for y in range(view.size.height)]
    return screen, time.perf_counter() - t0


async def main():
    lib = Library.open()
    app = MarginApp(lib)
    out = {}
    async with app.run_test(size=(120, 40)) as pilot:
        while not (isinstance(app.screen, LibraryScreen) and not app.screen.scanning):
            await pilot.pause(0.01)
        lib.set_position(BIG, 0, 0.0)  # a first reading, from the top
        screen, out["first_lines"] = await open_big(app)
        view = screen.view
        out["words"] = screen.article.word_count
        await pilot.pause()
        times = []
        for _ in range(40):
            t = time.perf_counter()
            await pilot.press("space")
            [view.render_line(y) for y in range(view.size.height)]
            times.append(time.perf_counter() - t)
        out["key_page_down_ms"] = 1000 * sorted(times)[len(times) // 2]
        # the reader's own work per page: scroll, then render every line on screen
        times = []
        for _ in range(100):
            t = time.perf_counter()
            screen.action_scroll_pages(1)
            [view.render_line(y) for y in range(view.size.height)]
            times.append(time.perf_counter() - t)
        out["page_down_ms"] = 1000 * sorted(times)[len(times) // 2]
        out["page_down_max_ms"] = 1000 * max(times)
        t = time.perf_counter()
        await pilot.press("G")
        [view.render_line(y) for y in range(view.size.height)]
        out["to_end_ms"] = 1000 * (time.perf_counter() - t)
        await pilot.press("q")
        await pilot.pause()
        # reopen: the position (the end) is restored
        screen, out["reopen_at_end"] = await open_big(app)
        await pilot.press("q")
    lib.close()
    print(json.dumps(out))

asyncio.run(main())
"""


def bench_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, MARGIN_HOME=str(home), PYTHONPYCACHEPREFIX=str(home.parent / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def run(code: str, home: Path, *args: str) -> dict[str, float]:
    env = bench_env(home)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.stderr.write(done.stderr[-3000:])
        raise SystemExit(f"bench step failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# The bare app as a user would start it: in a real terminal, not headless.
BARE_TERMINAL = r"""
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("one line")
App.run(Bare())
"""

#: A library row: two or more of the bench's title words in a row.
TITLE_ROW = re.compile(r"\b(?:%s)(?: (?:%s)){2,}\b" % (("|".join(w.title() for w in WORDS),) * 2))
TMUX_SOCKET = f"margin-bench-{os.getpid()}"


def tmux(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["tmux", "-L", TMUX_SOCKET, *args], capture_output=True, text=True, check=False
    )


def tmux_paint(
    command: list[str], home: Path, shows: re.Pattern[str], timeout: float = 30.0
) -> float:
    """Seconds from starting ``command`` in a 120x40 tmux session until its
    pane shows ``shows``; the session is killed afterwards."""
    env = bench_env(home)
    exports = " ".join(
        f"{k}={shlex.quote(env[k])}"
        for k in ("MARGIN_HOME", "PYTHONPYCACHEPREFIX", "PATH", "PYTHONPATH")
        if k in env
    )
    shell = f"env -u PYTHONDONTWRITEBYTECODE {exports} {shlex.join(command)}"
    name = f"paint{time.monotonic_ns()}"
    t0 = time.perf_counter()
    tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", shell)
    try:
        while True:
            screen = tmux("capture-pane", "-p", "-t", name).stdout
            if shows.search(screen):
                return time.perf_counter() - t0
            if time.perf_counter() - t0 > timeout:
                raise SystemExit(f"tmux: {command[0]} showed nothing in {timeout:.0f} s:\n{screen}")
            time.sleep(0.003)
    finally:
        tmux("kill-session", "-t", name)


def tmux_figures(home: Path, repeat: int) -> None:
    """First paint in tmux, margin's library against the bare app, alternating."""
    if shutil.which("tmux") is None:
        print("first paint in tmux: skipped (tmux is not installed)")
        return
    # one idle session keeps the tmux server up, so no run pays for starting it
    tmux("new-session", "-d", "-s", "keep", "-x", "120", "-y", "40", "sleep 3600")
    try:
        bare_cmd = [sys.executable, "-c", BARE_TERMINAL]
        script = Path(sys.executable).with_name("margin")  # the command a user types
        margin_cmd = [str(script)] if script.exists() else [sys.executable, "-m", "margin"]
        one_line = re.compile("one line")
        tmux_paint(bare_cmd, home, one_line)  # warm-up, as for the headless runs
        tmux_paint(margin_cmd, home, TITLE_ROW)
        bare: list[float] = []
        library: list[float] = []
        for _ in range(repeat):
            bare.append(tmux_paint(bare_cmd, home, one_line))
            library.append(tmux_paint(margin_cmd, home, TITLE_ROW))
    finally:
        tmux("kill-server")
    ratios = sorted(lib / b for b, lib in zip(bare, library, strict=True))
    print(
        f"first paint in tmux 120x40, bare Textual app: median {median(bare):.3f} s "
        f"(min {min(bare):.3f}); margin's library: median {median(library):.3f} s "
        f"(min {min(library):.3f})   ratio {median(library) / median(bare):.2f}x of medians, "
        f"pairwise {ratios[0]:.2f}-{ratios[-1]:.2f}x over {repeat} runs (goal <= 1.5x)"
    )


def headless_figures(home: Path, repeat: int) -> None:
    """First paint and RSS, headless, margin's library against the bare app, alternating."""
    run(BARE, home)  # warm-up: fills the bytecode cache
    run(LIBRARY, home)
    bare: list[dict[str, float]] = []
    library: list[dict[str, float]] = []
    for _ in range(repeat):
        bare.append(run(BARE, home))
        library.append(run(LIBRARY, home))
    bare_paint = median(r["paint"] for r in bare)
    lib_paint = median(r["paint"] for r in library)
    ratios = sorted(lib["paint"] / b["paint"] for b, lib in zip(bare, library, strict=True))
    print(
        f"first paint headless, bare Textual app (one line):   median {bare_paint:.3f} s "
        f"(min {min(r['paint'] for r in bare):.3f})   RSS {bare[0]['rss']:.0f} MiB"
    )
    print(
        f"first paint headless, library of {library[0]['articles']:,} articles "
        f"({library[0]['rows']:,} rows listed at first paint):  median {lib_paint:.3f} s "
        f"(min {min(r['paint'] for r in library):.3f})   "
        f"ratio {lib_paint / bare_paint:.2f}x of medians, pairwise "
        f"{ratios[0]:.2f}-{ratios[-1]:.2f}x"
    )
    print(
        f"RSS with the library open: {library[0]['rss']:.0f} MiB at first paint, "
        f"{library[0]['rss_after_scan']:.0f} MiB after the background rescan (goal < 80 MiB)"
    )


def reader_figures(home: Path, big: Path, repeat: int) -> None:
    readers = [run(READER, home, str(big)) for _ in range(repeat)]
    reader = readers[0]
    first = median(r["first_lines"] for r in readers)
    reopen = median(r["reopen_at_end"] for r in readers)
    print(
        f"{reader['words']:,}-word article: first lines median {first:.3f} s "
        f"(min {min(r['first_lines'] for r in readers):.3f}; goal < 0.5 s); "
        f"reopened at its end {reopen:.3f} s"
    )
    print(
        f"page-down: scroll + render a screen {reader['page_down_ms']:.2f} ms median, "
        f"{reader['page_down_max_ms']:.2f} ms max; whole key press through Pilot "
        f"{reader['key_page_down_ms']:.1f} ms; jump to end {reader['to_end_ms']:.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--root", default=os.path.join(tempfile.gettempdir(), "margin-bench-ui"))
    parser.add_argument("--no-headless", action="store_true", help="skip the headless runs")
    parser.add_argument("--no-tmux", action="store_true", help="skip the tmux first-paint runs")
    parser.add_argument(
        "--paint-only", action="store_true", help="only the first-paint figures (no reader runs)"
    )
    args = parser.parse_args()
    home, big = build(Path(args.root), args.articles, args.words)
    print("load average before the runs: " + " ".join(f"{x:.2f}" for x in os.getloadavg()))
    # each kind interleaved, so that a burst of load from elsewhere hits both apps alike
    if not args.no_headless:
        headless_figures(home, args.repeat)
    if not args.no_tmux:
        tmux_figures(home, args.repeat)
    if not args.paint_only:
        reader_figures(home, big, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
