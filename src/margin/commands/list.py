"""``margin list [DIR] [--json]``: the articles in the library."""

from __future__ import annotations

import argparse
import json
import os

from margin.errors import MarginError
from margin.library import ArticleRow, Library
from margin.sanitize import clean_field, display_path
from margin.wording import counted, percent


def run(args: argparse.Namespace) -> int:
    with Library.open() as lib:
        if args.dir is not None:
            _check_folder(lib, args.dir)
        rows = lib.articles(
            folder=args.dir,
            sort=args.sort,
            filter=args.filter,
            reverse=args.reverse,
            entity=getattr(args, "entity", None),
            tag=getattr(args, "tag", None),
        )
    if args.json:
        print(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        print(format_row(r))
    if not rows:
        print(_nothing_listed(args))
    return 0


def _check_folder(lib: Library, folder: str) -> None:
    """A folder that is not there, or that margin has never indexed, is a
    mistake to name, not an empty list."""
    shown = display_path(folder)
    real = os.path.realpath(folder)
    if not os.path.exists(real):
        raise MarginError(f"no such folder: {shown}")
    known = [os.path.realpath(f) for f in lib.folders()]
    if not any(real == k or real.startswith(k.rstrip(os.sep) + os.sep) for k in known):
        raise MarginError(f"{shown} is not in the library; run 'margin index {shown}' to add it")


def _nothing_listed(args: argparse.Namespace) -> str:
    if args.filter != "all" or getattr(args, "entity", None) or getattr(args, "tag", None):
        return "no articles match"
    return "no articles yet: run 'margin index DIR' to add a folder of saved pages"


def format_row(r: ArticleRow) -> str:
    mark = "*" if r.bookmarked else " "
    where = display_path(r.path) if r.path else clean_field(r.url) or ""
    tags = "".join(f" #{clean_field(t)}" for t in r.tags)
    if r.status == "pending":
        title = clean_field(r.title) or where
        return f"{mark} PENDING {title}{tags}\n         {where}: {clean_field(r.reason) or ''}"
    if r.status != "ok":
        return f"{mark} FAILED {where}: {clean_field(r.reason) or ''}"
    done = "done" if r.archived or r.progress >= 1.0 else f"{percent(r.progress):3d}%"
    notes = f" [{counted(r.highlights, 'highlight')}]" if r.highlights else ""
    site = f" — {clean_field(r.site)}" if r.site else ""
    title = clean_field(r.title) or where
    return f"{mark} {done} {title}{site} ({r.reading_minutes} min){notes}{tags}\n         {where}"
