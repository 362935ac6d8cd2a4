"""``margin import PATH [--fetch] [--json]``: bring a read-later export in.

The export is read and checked whole before the library is opened, so a
file that cannot be imported is one ``margin:`` line and nothing anywhere
changes (not even a new, empty database)."""

from __future__ import annotations

import argparse
import json

from margin.commands import open_library
from margin.commands.progress_bar import terminal_bar
from margin.library.reports import ImportSummary
from margin.sanitize import clean_field, clean_message, display_path


def run(args: argparse.Namespace) -> int:
    from margin.imports import read_export

    export = read_export(args.path)
    with (
        open_library(args.settings) as lib,
        terminal_bar("importing", quiet=args.quiet or args.json) as bar,
    ):
        summary = lib.import_export(
            args.path, fetch=args.fetch, export=export, progress=bar.work if bar else None
        )
    if args.json:
        print(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        print_summary(summary)
    return 130 if summary.cancelled else 0


def print_summary(s: ImportSummary) -> None:
    counts = [
        f"imported {s.imported}",
        f"pending {s.pending}",
        f"fetched {s.fetched}",
        f"failed {len(s.failed)}",
    ]
    if s.merged:
        counts.append(f"added to articles you had {s.merged}")
    if s.skipped:
        counts.append(f"imported before {s.skipped}")
    print(
        f"{display_path(s.path)} ({s.format}, {s.items} items): "
        + ", ".join(counts)
        + f" ({s.seconds:.1f} s)"
        + ("; interrupted (run it again to go on)" if s.cancelled else "")
    )
    h = s.highlights
    line = f"highlights: {h.anchored} anchored, {h.orphaned} orphaned, {h.pending} pending"
    if h.repeated:
        line += f" ({h.repeated} you had already)"
    print(line)
    for what, why in s.failed:
        print(f"  failed: {clean_field(what) or ''}: {clean_message(why)}")
    for problem in s.problems:
        print(f"  note: {clean_message(problem)}")
    if s.pending and not s.fetched:
        print("run 'margin fetch' to fetch the pending articles")
