"""``margin list [DIR] [--json]``: the articles in the library."""

from __future__ import annotations

import argparse
import json

from margin.library import ArticleRow, Library
from margin.sanitize import clean_field, display_path


def run(args: argparse.Namespace) -> int:
    with Library.open() as lib:
        rows = lib.articles(
            folder=args.dir,
            sort=args.sort,
            filter=args.filter,
            reverse=args.reverse,
            entity=getattr(args, "entity", None),
        )
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(format_row(r))
    return 0


def format_row(r: ArticleRow) -> str:
    mark = "*" if r.bookmarked else " "
    if r.status != "ok":
        return f"{mark} FAILED {display_path(r.path)}: {clean_field(r.reason) or ''}"
    done = f"{round(r.progress * 100):3d}%"
    notes = f" [{r.highlights} hl]" if r.highlights else ""
    site = f" — {clean_field(r.site)}" if r.site else ""
    title = clean_field(r.title) or display_path(r.path)
    return f"{mark} {done} {title}{site} ({r.reading_minutes} min){notes}\n         {display_path(r.path)}"
