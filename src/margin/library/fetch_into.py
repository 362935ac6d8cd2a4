"""Pages from the web into the library: ``margin add`` and ``margin fetch``.

Both go the same way: :func:`margin.fetching.fetch_many` (a per-host limit,
``max_file_mb`` on each page), each page saved as it arrives with
:func:`margin.fetching.save_page` (UTF-8 HTML that records its address and
fetch time), then extracted in worker processes under ``extract_timeout``
and indexed in batches, so the app lists it at once. Stopping (``cancel``)
ends the fetching; the pages already saved by then are indexed and kept.

- ``add``: pages go to the inbox's top. An address the library lists
  already is not fetched again (``already``); one of a pending article is
  that article's fetch. A page that cannot be fetched or read leaves the
  library as it was: no file, no row.
- ``fetch``: pending articles (and with ``retry_failed`` those whose fetch
  failed) get their page, saved under the inbox folder of the import they
  came from; the row takes the file, keeping its tags, state, progress and
  highlights, whose waiting ones are placed now. One that cannot be fetched
  or read is listed as failed with the reason, still without a file.

Runs on a connection of its own, so the app may fetch in a worker thread.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from margin import paths
from margin.fetching import Fetched, FetchError, fetch_many, save_page
from margin.fetching.client import DEFAULT_DEADLINE, DEFAULT_TIMEOUT
from margin.library import imported, inbox_files, indexer, lookup, pending, recording, store
from margin.library.filenames import normpath
from margin.library.reports import FetchSummary, WorkProgress
from margin.library.rows import ScanProgress, ScanSummary
from margin.library.workers import Outcome
from margin.sanitize import clean_field, clean_message

Progress = Callable[[WorkProgress], None]

#: Fetches under way on one site at once, and in all.
PER_HOST = 2
WORKERS = 8
#: Seconds a site may take to answer or to send more (each wait), and one
#: page at most (see margin.fetching.fetch).
TIMEOUT = DEFAULT_TIMEOUT
DEADLINE = DEFAULT_DEADLINE
#: The reason fetch_many gives a page it did not fetch because of a cancel.
CANCELLED = "cancelled"


@dataclass(slots=True)
class Wanted:
    """One page to fetch: its address, the pending article it is for (None:
    a new article), and the folder its file goes in."""

    url: str
    article: int | None
    folder: Path


class Fetcher:
    """Fetch pages, save them, index them; :meth:`run` does it."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        settings: indexer.ScanSettings,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self.conn = conn
        self.settings = settings
        self.progress = progress
        self.cancel = cancel or threading.Event()
        self.summary = FetchSummary()
        self.files: dict[str, Wanted] = {}  # pages saved, by file
        self.unsaved: list[tuple[Wanted, str]] = []  # pages fetched, not saved: why
        self.indexed: set[str] = set()  # saved pages read (indexed, or failed and removed)

    def run(self, wanted: list[Wanted]) -> FetchSummary:
        results = fetch_many(
            [w.url for w in wanted],
            per_host=PER_HOST,
            workers=WORKERS,
            progress=lambda done, total, index, result: self._fetched(
                wanted[index], result, done, total
            ),
            cancel=self.cancel,
            max_bytes=self.settings.max_bytes,
            timeout=TIMEOUT,
            deadline=DEADLINE,
        )
        failed = [
            (w, r.reason) for w, r in zip(wanted, results, strict=True) if isinstance(r, FetchError)
        ]
        failed += self.unsaved
        if failed:
            with store.transaction(self.conn):
                for w, reason in failed:
                    self._failed(self.conn, w, reason)
        self._index()
        self.summary.cancelled = self.cancel.is_set()
        return self.summary

    def _fetched(self, w: Wanted, result: Fetched | FetchError, done: int, total: int) -> None:
        """Save a page as it arrives (fetch_many calls this one page at a
        time, from its threads); a failure is written with the others, after."""
        if isinstance(result, Fetched):
            try:
                self.files[normpath(save_page(result, w.folder))] = w
            except OSError as exc:
                why = clean_message(exc.strerror or str(exc))
                self.unsaved.append((w, f"the page could not be saved: {why}"))
        if self.progress is not None:
            self.progress(WorkProgress("fetch", done, total, w.url))

    def _index(self) -> None:
        """Index every page saved. A cancel stops the fetching, not this:
        a page already on disk when the reader said stop is kept (reading
        it costs far less than fetching it again)."""
        indexer.index_files(self.conn, list(self.files), self.settings, self._record, self._indexed)
        for path in self.files.keys() - self.indexed:  # a worker gave no outcome
            with contextlib.suppress(OSError):
                os.unlink(path)

    def _indexed(self, p: ScanProgress) -> None:
        if self.progress is not None and p.path is not None:
            self.progress(WorkProgress("index", p.done, p.total, self.files[p.path].url))

    def _record(
        self,
        conn: sqlite3.Connection,
        outcome: Outcome,
        extractor: str,
        summary: ScanSummary,
        fts: list[recording.FtsRow],
    ) -> int:
        """Index one saved page, in the batch's transaction; a page that
        cannot be read is removed again."""
        w = self.files[outcome.path]
        self.indexed.add(outcome.path)
        if outcome.record is None:
            return self._unread(conn, w, outcome.path, outcome.reason or "unknown error")
        if w.article is not None:
            pending.attach(conn, w.article, outcome.path)
        # A new page is written under a savepoint: one with no article in it
        # (a stub, a frame) is taken back whole, leaving the library as it was.
        conn.execute("SAVEPOINT page")
        aid = recording.record(conn, outcome, extractor, summary, fts)
        row = conn.execute("SELECT status, reason FROM articles WHERE id = ?", (aid,)).fetchone()
        if row[0] != "ok":
            if w.article is None:
                conn.execute("ROLLBACK TO page")
            else:
                pending.detach(conn, aid)
        conn.execute("RELEASE page")
        if row[0] != "ok":
            return self._unread(conn, w, outcome.path, row[1] or "no article in it")
        if w.article is not None:
            imported.place_waiting(conn, aid, self.summary.highlights)
        else:
            imported.remember_address(conn, aid, w.url)
        self.summary.saved.append((w.url, outcome.path))
        return aid

    def _unread(self, conn: sqlite3.Connection, w: Wanted, path: str, reason: str) -> int:
        """A saved page that gave no article: its file goes again."""
        with contextlib.suppress(OSError):
            os.unlink(path)
        self._failed(conn, w, reason)
        return 0

    def _failed(self, conn: sqlite3.Connection, w: Wanted, reason: str) -> None:
        if reason == CANCELLED:
            return  # not tried: a pending article stays pending
        self.summary.failed.append((w.url, reason))
        if w.article is not None:
            pending.fail(conn, w.article, reason)


def wanted_for_add(
    conn: sqlite3.Connection, urls: Iterable[str], summary: FetchSummary
) -> list[Wanted]:
    """The addresses to fetch for ``margin add``: each once, without those
    the library lists already (noted in ``summary.already``)."""
    inbox = paths.inbox_path()
    wanted: list[Wanted] = []
    seen: set[str] = set()
    for raw in urls:
        url = raw.strip()
        if not url or url in seen:
            continue
        seen.add(url)
        aid = lookup.by_url(conn, url) if lookup.is_address(url) else None
        if aid is not None and not pending.is_waiting(conn, aid) and lookup.has_file(conn, aid):
            summary.already.append((url, _shown(conn, aid)))
            continue
        wanted.append(Wanted(url, aid, inbox))
    return wanted


def _shown(conn: sqlite3.Connection, aid: int) -> str:
    row = conn.execute("SELECT path, title FROM articles WHERE id = ?", (aid,)).fetchone()
    return clean_field(os.fsdecode(row[0]) if row and row[0] else (row[1] if row else "")) or ""


def wanted_for_fetch(
    conn: sqlite3.Connection, summary: FetchSummary, *, retry_failed: bool, ids: list[int] | None
) -> list[Wanted]:
    """The pending articles to fetch (see :func:`pending.to_fetch`)."""
    rows, summary.unfetchable = pending.to_fetch(conn, retry_failed=retry_failed, ids=ids)
    return [
        Wanted(r.url, r.id, inbox_files.import_folder(r.source) if r.source else paths.inbox_path())
        for r in rows
    ]
