"""Helpers for the tests of bringing a library in: an article the exports
hold, export files written to the services' specifications, and a picture
of everything margin could have changed (for "nothing changed" tests)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from pathlib import Path

from import_files import csv_text, write_zip

PARAGRAPHS = [
    "The harbour authority approved the new breakwater on Tuesday after a long debate.",
    "Engineers from Malta and Sicily will share the work, which starts in the spring.",
    "Fishermen worry that the building site will close the northern channel for months.",
    "The mayor said the town would pay for a temporary landing stage near the ferry quay.",
    "Nothing was decided about the old lighthouse, which needs repairs of its own.",
]


def article_html(title: str = "The breakwater", paragraphs: list[str] | None = None) -> str:
    """A readable page as read-later services export it: the article's body."""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    return f'<div class="page"><h1>{title}</h1><article>{body}</article></div>'


def full_page(title: str, paragraphs: list[str] | None = None, canonical: str = "") -> str:
    """A page as a web server sends it."""
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{link}"
        f"</head><body><article><h1>{title}</h1>{body}</article></body></html>"
    )


def omnivore_item(n: int, **fields: object) -> dict[str, object]:
    item: dict[str, object] = {
        "id": f"id-{n}",
        "slug": f"item-{n}",
        "title": f"Item {n}",
        "url": f"https://example.com/{n}",
        "state": "Active",
        "readingProgress": 0,
        "labels": [],
        "savedAt": "2024-05-01T10:00:00.000Z",
    }
    item.update(fields)
    return item


def omnivore_zip(
    path: Path,
    items: list[dict[str, object]],
    contents: dict[str, str | bytes],
    highlights: dict[str, str] | None = None,
) -> Path:
    """An Omnivore export: ``contents`` and ``highlights`` by slug
    (a ``.pdf`` content when the value is bytes)."""
    entries: list[tuple[str, str | bytes]] = [("metadata_0_to_10.json", json.dumps(items))]
    for slug, content in contents.items():
        ext = "pdf" if isinstance(content, bytes) else "html"
        entries.append((f"content/{slug}.{ext}", content))
    for slug, notes in (highlights or {}).items():
        entries.append((f"highlights/{slug}.md", notes))
    return write_zip(path, entries)


def pocket_zip(path: Path, rows: list[list[str]], annotations: list[dict[str, object]]) -> Path:
    """A 2025 Pocket export: ``title,url,time_added,tags,status`` and highlights."""
    table = csv_text([["title", "url", "time_added", "tags", "status"], *rows])
    return write_zip(
        path,
        [
            ("part_000000.csv", table),
            ("annotations/part_000000.json", json.dumps(annotations)),
        ],
    )


def picture(*roots: Path) -> dict[str, str]:
    """Every file under ``roots`` with a hash of its bytes, and every user
    and index table of each margin database among them, row by row."""
    seen: dict[str, str] = {}
    for root in roots:
        for folder, _dirs, files in os.walk(root):
            for name in files:
                path = Path(folder) / name
                if name.startswith("margin.db"):
                    continue  # compared by content below: WAL files come and go
                seen[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
        for db in Path(root).rglob("margin.db"):
            seen[str(db)] = _tables(db)
    return seen


def _tables(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'fts%'"
            )
        ]
        return json.dumps(
            {n: conn.execute(f"SELECT * FROM {n} ORDER BY 1").fetchall() for n in sorted(names)},
            default=repr,
        )
    finally:
        conn.close()
