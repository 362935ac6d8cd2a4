"""Bringing articles in from the app: pages added by address, pending
articles fetched, a read-later export imported.

One job at a time runs in a thread worker (the library's methods open a
connection of their own, so the list stays usable); this line shows how far
it got, :meth:`WorkLine.stop` cancels it, and :class:`WorkLine.Done` tells
the screen how it went. Addresses, titles and reasons reach the terminal
only as plain ``Text``.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widget import Widget
from textual.worker import Worker, get_current_worker

from margin.errors import MarginError
from margin.sanitize import display_path, one_line
from margin.ui.bring_in_wording import short_address
from margin.wording import counted

if TYPE_CHECKING:
    from margin.library import FetchSummary, ImportSummary, Library, WorkProgress
    from margin.ui.app import MarginApp

#: Seconds between two progress repaints (fetching threads report far more often).
PROGRESS_EVERY = 0.1
BAR_CELLS = 12
#: What each phase of the work has done so far, as a person says it.
PHASE_WORDS = {"fetch": "Fetched", "index": "Read", "import": "Imported"}


@dataclass(frozen=True, slots=True)
class Job:
    """One piece of work: ``kind`` "add" (``urls``), "fetch" (the pending
    articles, or only ``ids``) or "import" (the export at ``path``).
    ``open_after``: the screen opens the first article it brings."""

    kind: str
    urls: tuple[str, ...] = ()
    ids: tuple[int, ...] = ()
    path: str = ""
    open_after: bool = False

    def run(
        self, lib: Library, progress: Any, cancel: threading.Event
    ) -> FetchSummary | ImportSummary:
        if self.kind == "add":
            return lib.add_urls(self.urls, progress=progress, cancel=cancel)
        if self.kind == "fetch":
            ids = self.ids or None
            return lib.fetch_pending(
                retry_failed=bool(ids), ids=ids, progress=progress, cancel=cancel
            )
        return lib.import_export(self.path, progress=progress, cancel=cancel)

    def starting(self) -> str:
        """What the line says before the first step is done."""
        if self.kind == "import":
            return f"Reading {display_path(self.path)}…"
        if len(self.urls) == 1:
            return f"Fetching {short_address(self.urls[0])}…"
        if self.urls:
            return f"Fetching {counted(len(self.urls), 'page')}…"
        return "Fetching the pending articles…"


def progress_text(job: Job, progress: WorkProgress | None) -> Text:
    """The line: a small bar, how many of how many, the last one done, how to stop."""
    text = Text()
    if progress is None or not progress.total:
        text.append(job.starting())
    else:
        filled = round(BAR_CELLS * min(progress.done, progress.total) / progress.total)
        text.append("━" * filled, style="bold")
        text.append("─" * (BAR_CELLS - filled) + " ", style="dim")
        verb = PHASE_WORDS.get(progress.phase, "Done")
        text.append(f"{verb} {progress.done} of {progress.total}")
        text.append(" · escape stops", style="dim")
        if progress.label:
            text.append(f" · {short_address(progress.label, 48)}")
        return text
    text.append(" · escape stops", style="dim")
    return text


class WorkLine(Widget):
    """One line under the list while a job runs; hidden otherwise."""

    DEFAULT_CSS = """
    WorkLine {
        height: 1;
        padding: 0 1;
        background: $boost;
        color: $text-accent;
        display: none;
    }
    """

    class Progress(Message):
        def __init__(self, progress: WorkProgress) -> None:
            super().__init__()
            self.progress = progress

    class Done(Message):
        """The job ended: its summary, or why it could not run."""

        def __init__(
            self, job: Job, summary: FetchSummary | ImportSummary | None, error: str | None = None
        ) -> None:
            super().__init__()
            self.job = job
            self.summary = summary
            self.error = error

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.job: Job | None = None
        self._worker: Worker[None] | None = None
        self._text = Text()

    @property
    def running(self) -> bool:
        return self.job is not None

    def start(self, job: Job) -> bool:
        """Run ``job``; False (and nothing started) while another one runs."""
        if self.job is not None:
            return False
        self.job = job
        self._show(progress_text(job, None))
        self.display = True
        self._worker = self._run(job)
        return True

    def stop(self) -> None:
        """Cancel the job: fetches under way are cut off, what was saved stays."""
        if self._worker is not None and self.job is not None:
            self._worker.cancel()
            self._show(Text("Stopping…"))

    def render(self) -> Text:
        return self._text

    def _show(self, text: Text) -> None:
        self._text = text
        self.refresh()

    @work(thread=True, exclusive=True, exit_on_error=False, group="bring-in")
    def _run(self, job: Job) -> None:
        # The worker's own event: cancelled by stop(), and by the app as it exits.
        cancel = get_current_worker().cancelled_event
        last = 0.0

        def progress(p: WorkProgress) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY or p.done >= p.total:
                last = now
                self.post_message(self.Progress(p))

        app = cast("MarginApp", self.app)
        try:
            with app.db() as lib:
                summary = job.run(lib, progress, cancel)
        except MarginError as exc:
            self.post_message(self.Done(job, None, one_line(exc)))
            return
        except Exception as exc:  # noqa: BLE001 - any failure is a message, not a crash
            self.post_message(self.Done(job, None, one_line(exc) or type(exc).__name__))
            return
        self.post_message(self.Done(job, summary))

    def on_work_line_progress(self, message: Progress) -> None:
        message.stop()
        if self.job is not None and not (self._worker and self._worker.is_cancelled):
            self._show(progress_text(self.job, message.progress))

    def on_work_line_done(self, message: Done) -> None:
        # not stopped: the screen hears it next, with the line already free
        self.job = None
        self._worker = None
        self.display = False
