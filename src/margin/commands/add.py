"""``margin add URL... [-]``: fetch pages into margin's inbox and index them.

``-`` reads more addresses from stdin, one a line (blank lines and lines
starting with ``#`` are skipped)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from margin.commands import open_library
from margin.commands.fetch import report
from margin.commands.progress_bar import terminal_bar
from margin.errors import UsageError


def run(args: argparse.Namespace) -> int:
    urls = list(_addresses(args.urls))
    if not urls:
        raise UsageError("no address to add")
    with (
        open_library(args.settings) as lib,
        terminal_bar("fetching", quiet=args.quiet or args.json) as bar,
    ):
        summary = lib.add_urls(urls, progress=bar.work if bar else None)
    return report(summary, args.json, verb="saved")


def _addresses(given: list[str]) -> Iterator[str]:
    for url in given:
        if url != "-":
            yield url
            continue
        for line in sys.stdin:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line
