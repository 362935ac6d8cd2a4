"""``margin tag FILE_OR_URL TAG... [--remove]``: tag an article."""

from __future__ import annotations

import argparse

from margin.commands import open_library
from margin.sanitize import clean_field


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib:
        if args.remove:
            now = lib.remove_tags(args.article, args.tags)
        else:
            now = lib.add_tags(args.article, args.tags)
    shown = ", ".join(clean_field(t) or "" for t in now) or "(none)"
    print(f"tags of {clean_field(args.article) or ''}: {shown}")
    return 0
