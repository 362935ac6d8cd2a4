"""``margin fetch [--retry-failed] [--json]``: fetch the pending articles."""

from __future__ import annotations

import argparse
import json
import sys

from margin.commands import open_library
from margin.commands.progress_bar import terminal_bar
from margin.library.reports import FetchSummary
from margin.sanitize import clean_field, clean_message, display_path
from margin.wording import counted


def run(args: argparse.Namespace) -> int:
    with (
        open_library(args.settings) as lib,
        terminal_bar("fetching", quiet=args.quiet or args.json) as bar,
    ):
        summary = lib.fetch_pending(
            retry_failed=args.retry_failed, progress=bar.work if bar else None
        )
    return report(summary, args.json, verb="fetched")


def report(s: FetchSummary, as_json: bool, *, verb: str) -> int:
    """Print the summary (each failure one ``margin:`` line on stderr);
    the exit status: 1 when a page failed, 130 when interrupted."""
    if as_json:
        print(json.dumps(s.to_dict(), ensure_ascii=False, indent=2))
    elif not _one_failure(s):
        _print(s, verb)
    for url, reason in s.failed:
        sys.stderr.write(
            f"margin: cannot fetch {clean_field(url) or ''}: {clean_message(reason)}\n"
        )
    if s.cancelled:
        return 130
    return 1 if s.failed else 0


def _one_failure(s: FetchSummary) -> bool:
    """All there was was one page, and it failed: its ``margin:`` line says
    it all."""
    return (
        len(s.failed) == 1
        and not (s.saved or s.already or s.cancelled or s.unfetchable)
        and not (s.highlights.anchored or s.highlights.orphaned)
    )


def _print(s: FetchSummary, verb: str) -> None:
    parts = [f"{verb} {len(s.saved)}", f"failed {len(s.failed)}"]
    if s.already:
        parts.append(f"in the library already {len(s.already)}")
    print(", ".join(parts) + f" ({s.seconds:.1f} s)" + ("; interrupted" if s.cancelled else ""))
    for url, path in s.saved:
        print(f"  {clean_field(url) or ''} -> {display_path(path)}")
    for url, shown in s.already:
        print(f"  {clean_field(url) or ''} is in the library: {clean_field(shown) or ''}")
    h = s.highlights
    if h.anchored or h.orphaned:
        print(f"highlights placed: {h.anchored} anchored, {h.orphaned} orphaned")
    if s.unfetchable:
        print(f"{counted(s.unfetchable, 'pending article')} with no address to fetch from")
