"""``margin archive FILE_OR_URL [--off]``: mark an article archived (read)."""

from __future__ import annotations

import argparse

from margin.commands import open_library
from margin.sanitize import clean_field


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib:
        lib.set_archived(args.article, not args.off)
    print(f"{'unarchived' if args.off else 'archived'} {clean_field(args.article) or ''}")
    return 0
