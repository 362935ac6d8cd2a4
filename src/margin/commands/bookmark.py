"""``margin bookmark FILE [--off]``."""

from __future__ import annotations

import argparse

from margin.commands import open_library
from margin.sanitize import display_path


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib:
        lib.set_bookmark(args.file, not args.off)
    print(f"{'unbookmarked' if args.off else 'bookmarked'} {display_path(args.file)}")
    return 0
