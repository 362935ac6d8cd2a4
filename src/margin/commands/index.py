"""``margin index [DIR...]``: scan library folders and index their articles."""

from __future__ import annotations

import argparse
import sys

from margin.commands import open_library
from margin.library import Library, ScanProgress, ScanSummary
from margin.sanitize import clean_message, display_path


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib:
        dirs = args.dirs or None
        if sys.stderr.isatty() and not args.quiet:
            summary = _scan_with_bar(lib, dirs, args.jobs)
        else:
            summary = lib.scan(dirs, jobs=args.jobs)
    _print_summary(summary)
    return 130 if summary.cancelled else 0


def _scan_with_bar(lib: Library, dirs: list[str] | None, jobs: int) -> ScanSummary:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    console = Console(stderr=True)
    # File names are untrusted: markup=False so "[bold]" in a name stays text.
    with Progress(
        TextColumn("indexing", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[name]}", markup=False),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("index", total=None, name="looking for files…")

        def progress(p: ScanProgress) -> None:
            name = display_path(p.path).rsplit("/", 1)[-1][:40] if p.path else ""
            bar.update(task, total=p.total, completed=p.done, name=name)

        return lib.scan(dirs, jobs=jobs, progress=progress)


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
            f"{s.orphaned} highlight(s) could not be placed in changed articles (see 'margin notes')"
        )
    for path, reason in sorted(s.failed):
        print(f"  failed: {display_path(path)}: {clean_message(reason)}")
