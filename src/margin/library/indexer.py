"""The scan: find new and changed files, extract them in worker processes,
write the results in batches, forget the files that are gone.

Runs on a connection of its own (see :meth:`Library.scan`), so the app
keeps using its library while a scan runs in a worker thread.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from margin.errors import too_large
from margin.library import recording, store
from margin.library.filenames import from_db, under
from margin.library.rows import ScanProgress, ScanSummary
from margin.library.scanner import FoundFile, walk
from margin.library.workers import Job, Outcome, run_jobs

#: Write scan results in batches of this many files, or every this many
#: seconds: few enough that a batch writes in well under the time a worker
#: takes for the file waiting in its pipe, and a kill loses little.
_BATCH = 32
_BATCH_SECONDS = 0.5

Progress = Callable[[ScanProgress], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class ScanSettings:
    extractor: str  # the version string stored with each article
    jobs: int  # worker processes (0: one per core)
    timeout: float  # seconds one file may take
    max_bytes: int  # larger files are recorded as failed, unread


@dataclass(slots=True)
class _Plan:
    todo: list[Job] = field(default_factory=list)
    too_big: list[FoundFile] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # every path found


def scan(
    conn: sqlite3.Connection,
    roots: list[str],
    settings: ScanSettings,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ScanSummary:
    """Index the files under ``roots``; see :meth:`Library.scan`."""
    summary = ScanSummary()
    # Index data can afford NORMAL: a power cut may undo the last batch,
    # which the next scan redoes; it can never corrupt the file.
    conn.execute("PRAGMA synchronous = NORMAL")
    plan = _plan(conn, roots, settings, summary, cancelled)
    summary.cancelled = _asked(cancelled)
    batch = Batch(conn, settings.extractor, summary, progress, len(plan.todo) + len(plan.too_big))
    for f in plan.too_big:
        reason = too_large(f.size, settings.max_bytes)
        batch.add(Outcome(f.path, f.size, f.mtime_ns, reason=reason))
    if not summary.cancelled:
        run_jobs(
            plan.todo,
            batch.add,
            processes=settings.jobs,
            timeout=settings.timeout,
            cancelled=cancelled,
        )
    batch.flush()
    summary.cancelled = summary.cancelled or _asked(cancelled)
    if not summary.cancelled:
        _forget_vanished(conn, roots, plan.seen, summary)
    return summary


def _asked(cancelled: Cancelled | None) -> bool:
    return cancelled is not None and cancelled()


def _plan(
    conn: sqlite3.Connection,
    roots: list[str],
    settings: ScanSettings,
    summary: ScanSummary,
    cancelled: Cancelled | None,
) -> _Plan:
    """Walk the roots; an unchanged file (same size, mtime and extractor,
    present) costs its stat and nothing more."""
    known: dict[str, tuple[int, int, str | None, int]] = {}
    for p, size, mtime, extractor, missing in conn.execute(
        "SELECT path, size, mtime_ns, extractor, missing FROM articles WHERE path IS NOT NULL"
    ):
        known[from_db(p)] = (size, mtime, extractor, missing)
    plan = _Plan()
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()
    extractor, max_bytes = settings.extractor, settings.max_bytes
    for root in roots:
        for f in walk(root, seen_dirs=seen_dirs, seen_files=seen_files, cancelled=cancelled):
            plan.seen.add(f.path)
            summary.seen += 1
            if known.get(f.path) == (f.size, f.mtime_ns, extractor, 0):
                summary.unchanged += 1
            elif f.size > max_bytes:
                plan.too_big.append(f)
            else:
                plan.todo.append(Job(f.path, f.size, f.mtime_ns, max_bytes))
    return plan


#: Writes one extraction result inside the batch's transaction and returns
#: its article id: :func:`recording.record`, or a caller's function around it
#: that writes what belongs with the article in the same transaction.
Record = Callable[[sqlite3.Connection, Outcome, str, ScanSummary, list[recording.FtsRow]], int]


class Batch:
    """Extraction results waiting to be written: one transaction for every
    ``_BATCH`` files or ``_BATCH_SECONDS``, whichever comes first."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        extractor: str,
        summary: ScanSummary,
        progress: Progress | None,
        total: int,
        record: Record = recording.record,
    ) -> None:
        self.record = record
        self.conn = conn
        self.extractor = extractor
        self.summary = summary
        self.progress = progress
        self.total = total
        self.done = 0
        self.pending: list[Outcome] = []
        self.last_flush = time.monotonic()
        self.timings = summary.timings = dict.fromkeys(
            ("read", "extract", "entities", "write"), 0.0
        )
        if progress is not None:
            progress(ScanProgress(0, total, None))

    def add(self, outcome: Outcome) -> None:
        """Take one result (called in the scanning thread as each arrives)."""
        self.pending.append(outcome)
        self.done += 1
        read, extract, entities = outcome.cpu
        self.timings["read"] += read
        self.timings["extract"] += extract
        self.timings["entities"] += entities
        if len(self.pending) >= _BATCH or time.monotonic() - self.last_flush > _BATCH_SECONDS:
            self.flush()
        if self.progress is not None:
            self.progress(ScanProgress(self.done, self.total, outcome.path))

    def flush(self) -> None:
        """Write the waiting results in one transaction."""
        t = time.perf_counter()
        if self.pending:
            fts: list[recording.FtsRow] = []
            with store.transaction(self.conn):
                for outcome in self.pending:
                    self.record(self.conn, outcome, self.extractor, self.summary, fts)
                recording.add_to_fts(self.conn, fts)
            self.pending.clear()
        self.last_flush = time.monotonic()
        self.timings["write"] += time.perf_counter() - t


def index_files(
    conn: sqlite3.Connection,
    paths: list[str],
    settings: ScanSettings,
    record: Record,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> None:
    """Extract the files at ``paths`` (normalised) in worker processes and
    write each result with ``record``, in batches: files margin itself has
    just written (an import's pages, fetched pages)."""
    jobs = []
    for path in paths:
        st = os.stat(path)
        jobs.append(Job(path, st.st_size, st.st_mtime_ns, settings.max_bytes))
    batch = Batch(conn, settings.extractor, ScanSummary(), progress, len(jobs), record=record)
    run_jobs(
        jobs, batch.add, processes=settings.jobs, timeout=settings.timeout, cancelled=cancelled
    )
    batch.flush()


def _forget_vanished(
    conn: sqlite3.Connection, roots: list[str], seen: set[str], summary: ScanSummary
) -> None:
    """Drop the index of files under ``roots`` that are gone. An article
    holding user data (highlights, corrections, a bookmark, a reading
    position) keeps its row, marked missing, until its file turns up again."""
    gone = _vanished(conn, roots, seen)
    if not gone:
        return
    with store.transaction(conn):
        for aid, has_data in gone:
            conn.execute("DELETE FROM texts WHERE article_id = ?", (aid,))
            conn.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))
            if has_data:
                conn.execute("UPDATE articles SET missing = 1 WHERE id = ?", (aid,))
            else:
                conn.execute("DELETE FROM reading WHERE article_id = ?", (aid,))
                conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
            summary.removed += 1


def _vanished(conn: sqlite3.Connection, roots: list[str], seen: set[str]) -> list[tuple[int, bool]]:
    """(id, holds user data) of the present articles under ``roots`` that the
    walk did not find and that are not on disk (a hidden or skipped file
    opened on its own is still there)."""
    gone: list[tuple[int, bool]] = []
    for aid, p, has_data in conn.execute(
        """SELECT a.id, a.path,
                  EXISTS(SELECT 1 FROM highlights h WHERE h.article_id = a.id)
                  OR EXISTS(SELECT 1 FROM corrections c WHERE c.article_id = a.id)
                  OR EXISTS(SELECT 1 FROM reading r WHERE r.article_id = a.id
                            AND (r.bookmarked OR r.position OR r.progress OR r.archived))
                  OR EXISTS(SELECT 1 FROM tags g WHERE g.article_id = a.id)
                  OR EXISTS(SELECT 1 FROM imports i WHERE i.article_id = a.id)
           FROM articles a WHERE a.missing = 0 AND a.path IS NOT NULL"""
    ):
        path = from_db(p)
        if path in seen or not any(under(path, r) for r in roots):
            continue
        if not os.path.exists(path):
            gone.append((aid, bool(has_data)))
    return gone
