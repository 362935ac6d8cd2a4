"""The progress bar the long commands (index, import, add, fetch) draw on a
terminal's stderr, and nothing at all when stderr is not a terminal."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING

from margin.sanitize import clean_field

if TYPE_CHECKING:
    from margin.library.reports import WorkProgress

#: Characters of the current item's name shown beside the bar.
NAME_CHARS = 40
#: How each phase of bringing articles in is named beside the bar.
_PHASES = {"import": "importing", "fetch": "fetching", "index": "indexing"}


class Bar:
    """One bar: a label (the phase), the count, time left, the item's name."""

    def __init__(self, progress: object, task: object) -> None:
        self._progress = progress
        self._task = task

    def update(self, done: int, total: int | None, name: str | None, label: str) -> None:
        shown = (clean_field(name) or "")[:NAME_CHARS]
        self._progress.update(  # type: ignore[attr-defined]
            self._task, completed=done, total=total, name=shown, label=label
        )

    def work(self, p: WorkProgress) -> None:
        """Show an import's, an add's or a fetch's progress."""
        self.update(p.done, p.total, p.label, _PHASES.get(p.phase, p.phase))


@contextlib.contextmanager
def terminal_bar(label: str, *, quiet: bool = False) -> Iterator[Bar | None]:
    """A bar on stderr while inside, gone when done; None when stderr is not
    a terminal or ``quiet``."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    # Names are untrusted (titles, addresses, file names): markup=False so
    # "[bold]" in one stays text.
    with Progress(
        TextColumn("{task.fields[label]}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        TextColumn("{task.fields[name]}", markup=False),
        console=Console(stderr=True),
        transient=True,
    ) as progress:
        task = progress.add_task(label, total=None, name="", label=label)
        yield Bar(progress, task)
