"""``margin index [DIR...]``: scan library folders and index their articles."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from margin.commands import open_library
from margin.commands.progress_bar import Bar, terminal_bar
from margin.library import ScanProgress, ScanSummary
from margin.sanitize import clean_message, display_path
from margin.wording import counted


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib, terminal_bar("indexing", quiet=args.quiet) as bar:
        summary = lib.scan(args.dirs or None, jobs=args.jobs, progress=_shown_on(bar))
    _print_summary(summary)
    return 130 if summary.cancelled else 0


def _shown_on(bar: Bar | None) -> Callable[[ScanProgress], None] | None:
    if bar is None:
        return None

    def progress(p: ScanProgress) -> None:
        name = display_path(p.path).rsplit("/", 1)[-1] if p.path else "looking for files…"
        bar.update(p.done, p.total, name, "indexing")

    return progress


def _print_summary(s: ScanSummary) -> None:
    parts = [f"indexed {s.indexed}", f"unchanged {s.unchanged}", f"failed {len(s.failed)}"]
    if s.moved:
        parts.append(f"moved {s.moved}")
    if s.removed:
        parts.append(f"gone {s.removed}")
    if s.skipped:
        parts.append(f"skipped {len(s.skipped)} with no article in them")
    line = ", ".join(parts) + f" ({s.seconds:.1f} s)"
    if s.cancelled:
        line += "; interrupted"
    print(line)
    if s.orphaned:
        print(
            f"{counted(s.orphaned, 'highlight')} could not be placed in changed articles "
            "(see 'margin notes')"
        )
    for path, reason in sorted(s.failed):
        print(f"  failed: {display_path(path)}: {clean_message(reason)}")
