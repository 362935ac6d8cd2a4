"""``margin notes [FILE] [--json]``: highlights and notes with their anchor state."""

from __future__ import annotations

import argparse
import json

from margin.commands import known_article, open_library
from margin.sanitize import clean_field, display_path


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib:
        known_article(lib, args.file)
        items = lib.highlights(args.file)
    if args.json:
        out = [
            {
                "id": h.id,
                "article": display_path(h.article_path) if h.article_path else None,
                "title": h.title,
                "quote": h.exact,
                "note": h.note,
                "state": h.state,
                "start": h.start if h.state == "anchored" else None,
                "end": h.end if h.state == "anchored" else None,
                "created": h.created,
            }
            for h in items
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not items:
        print("no highlights")
        return 0
    current = None
    for h in items:
        if (h.article_id, h.article_path) != current:
            current = (h.article_id, h.article_path)
            where = display_path(h.article_path) if h.article_path else "(not fetched yet)"
            print(f"{clean_field(h.title) or ''}\n  {where}")
        state = "" if h.state == "anchored" else f" ({h.state})"
        print(f'  #{h.id}{state} "{clean_field(h.exact) or ""}"')
        if h.note:
            print(f"      note: {clean_field(h.note) or ''}")
    return 0
