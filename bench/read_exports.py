"""Reading exports alone (margin.imports.read_export, no library): items per second.

    .venv/bin/python bench/read_exports.py [--count 2000] [--rounds 3]

Builds, in a temporary folder, an Omnivore-style ZIP (``--count`` items with
about 20 KB of HTML and 3 highlights each), a Pocket ZIP of the same number
of URLs with a highlight on every tenth, a Wallabag JSON with content and one
annotation each, and a Netscape bookmarks file; prints for each the file
size, the best of ``--rounds`` reading times, items per second and the
highlights read (they must equal those written: none lost).
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from margin.imports import read_export

WORDS = ["read", "later", "margin", "note", "quote", "page", "saved", "an", "the", "of", "we", "it"]


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."


def _article(rng: random.Random) -> tuple[str, list[str]]:
    paragraphs = [" ".join(_sentence(rng) for _ in range(6)) for _ in range(25)]
    quotes = [rng.choice(paragraphs).split(". ")[1] for _ in range(3)]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><body><article>{body}</article></body></html>", quotes


def omnivore(folder: Path, count: int, rng: random.Random) -> tuple[Path, int]:
    path = folder / "omnivore.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for start in range(0, count, 50):
            records = [
                {"id": f"id-{n}", "slug": f"item-{n}", "title": f"Item {n}",
                 "url": f"https://example.com/{n}", "state": "Active", "readingProgress": 10,
                 "labels": ["bench"], "savedAt": "2024-05-01T10:00:00.000Z"}
                for n in range(start, min(start + 50, count))
            ]  # fmt: skip
            archive.writestr(f"metadata_{start}_to_{start + 50}.json", json.dumps(records))
            for record in records:
                html, quotes = _article(rng)
                archive.writestr(f"content/{record['slug']}.html", html)
                notes = "\n\n".join(f"> {q}\n\n#bench\n\na note" for q in quotes)
                archive.writestr(f"highlights/{record['slug']}.md", notes)
    return path, 3 * count


def pocket(folder: Path, count: int, rng: random.Random) -> tuple[Path, int]:
    path = folder / "pocket.zip"
    rows = ["title,url,time_added,tags,status"] + [
        f"Title {n},https://example.com/{n},{1700000000 + n},a|b,{rng.choice(['unread', 'archive'])}"
        for n in range(count)
    ]
    marked = [
        {"url": f"https://example.com/{n}", "title": f"Title {n}",
         "highlights": [{"quote": _sentence(rng), "created_at": 1700000000}]}
        for n in range(0, count, 10)
    ]  # fmt: skip
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("part_000000.csv", "\n".join(rows))
        archive.writestr("annotations/part_000000.json", json.dumps(marked))
    return path, len(marked)


def wallabag(folder: Path, count: int, rng: random.Random) -> tuple[Path, int]:
    entries = []
    for n in range(count):
        html, quotes = _article(rng)
        annotation = {"text": "note", "quote": quotes[0],
                      "ranges": [{"start": "/p[2]", "startOffset": "4", "end": "/p[2]", "endOffset": 40}]}  # fmt: skip
        entries.append(
            {"id": n, "title": f"Item {n}", "url": f"https://example.com/{n}", "is_archived": n % 2,
             "is_starred": False, "content": html, "tags": ["x"], "annotations": [annotation]}
        )  # fmt: skip
    path = folder / "wallabag.json"
    path.write_text(json.dumps(entries), encoding="utf-8")
    return path, count


def netscape(folder: Path, count: int, rng: random.Random) -> tuple[Path, int]:
    links = "\n".join(
        f'<DT><A HREF="https://example.com/{n}" ADD_DATE="{1600000000 + n}" TAGS="a,b">Bookmark {n}</A>'
        for n in range(count)
    )
    path = folder / "bookmarks.html"
    path.write_text(
        f"<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><H3>Folder</H3>\n<DL><p>\n{links}\n</DL><p>\n</DL>\n",
        encoding="utf-8",
    )
    return path, 0


BUILDERS: dict[str, Callable[[Path, int, random.Random], tuple[Path, int]]] = {
    "omnivore": omnivore,
    "pocket": pocket,
    "wallabag": wallabag,
    "netscape": netscape,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name, build in BUILDERS.items():
            path, written = build(Path(tmp), args.count, random.Random(7))
            times = []
            for _ in range(args.rounds):
                start = time.perf_counter()
                export = read_export(path)
                times.append(time.perf_counter() - start)
            best = min(times)
            print(
                f"{name:9} {path.stat().st_size / 1e6:6.1f} MB  {len(export.items)} items "
                f"in {best:.2f} s = {len(export.items) / best:7.0f} items/s  "
                f"highlights {export.highlight_count}/{written}  problems {len(export.problems)}"
            )


if __name__ == "__main__":
    main()
