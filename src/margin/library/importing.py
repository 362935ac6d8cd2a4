"""``margin import``: a read-later export brought into the library.

The export is read and checked whole first (:func:`margin.imports.read_export`
raises before anything is written). Then each item goes one way:

- imported before (its export's format and key are recorded): skipped, so
  a second import adds nothing and an interrupted one continues;
- its address (any spelling), or for Readwise's highlights its title, names
  an article the library lists: the item's tags, state and highlights go
  to that article (``merged``);
- the export holds its page: saved as a file in the inbox
  (:mod:`margin.library.inbox_files`), extracted in worker processes under
  the time limit, and indexed, together with the item's state in one
  transaction per batch (``imported``); a pending article of that address
  takes the file;
- the export holds a PDF: the PDF is kept in the inbox and the article
  listed as failed, "margin reads web pages, not PDF", with its tags and
  highlights (orphaned) kept;
- else a pending article (:mod:`margin.library.pending`).

Runs on a connection of its own, so the app may import in a worker thread.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable

from margin.imports import Export, Item, normalise_url
from margin.imports.fields import is_fetchable
from margin.library import imported, inbox_files, indexer, lookup, pending, recording, store
from margin.library.filenames import normpath, to_db
from margin.library.reports import ImportSummary, WorkProgress
from margin.library.rows import ScanProgress, ScanSummary
from margin.library.workers import Outcome

Progress = Callable[[WorkProgress], None]
Cancelled = Callable[[], bool]

#: Formats whose pages are the article their service chose from the page
#: (read whole by margin: see margin.ingest.whole); a WARC holds
#: pages as they were served.
WHOLE_ARTICLES = frozenset({"omnivore", "wallabag", "wallabag-csv"})
#: Items without a page written in one transaction.
_ROWS_PER_TRANSACTION = 200
PDF_REASON = "margin reads web pages, not PDF (the PDF is kept in margin's inbox)"

#: An item and the article the library has for it (None: none yet).
Step = tuple[Item, int | None]


class Importer:
    """One import of one export; :meth:`run` does it. ``waiting`` lists the
    pending articles it made or added to (what ``--fetch`` fetches)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: str | os.PathLike[str],
        export: Export,
        settings: indexer.ScanSettings,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        self.conn = conn
        self.export = export
        self.source = export.format
        self.settings = settings
        self.progress = progress
        self.cancelled = cancelled or (lambda: False)
        self.summary = ImportSummary(
            str(path), export.format, len(export.items), problems=list(export.problems)
        )
        self.waiting: list[int] = []
        self.urls = lookup.url_index(conn)
        self.files: dict[str, Step] = {}
        self.done = 0
        self.total = 0

    def run(self) -> ImportSummary:
        todo = self._todo()
        self.total = len(todo)
        self._tick(None)
        pages = [step for step in todo if self._takes_page(step)]
        taken = {id(item) for item, _ in pages}
        self._import_pages(pages)
        self._import_rest([step for step in todo if id(step[0]) not in taken])
        self.summary.cancelled = self.cancelled()
        return self.summary

    # -- planning ------------------------------------------------------------

    def _todo(self) -> list[Step]:
        known = {
            key
            for (key,) in self.conn.execute(
                "SELECT key FROM imports WHERE source = ?", (self.source,)
            )
        }
        todo = [(item, self._match(item)) for item in self.export.items if item.key not in known]
        self.summary.skipped = len(self.export.items) - len(todo)
        return todo

    def _match(self, item: Item) -> int | None:
        """The listed article ``item`` is, by address, or (an item with none,
        from Readwise's highlights) by title."""
        if item.url:
            return self.urls.get(normalise_url(item.url))
        if self.source == "readwise-highlights" and item.title:
            return lookup.by_title(self.conn, item.title)
        return None

    def _takes_page(self, step: Step) -> bool:
        """The item's page is written to the inbox: the export holds it and
        the library has no file for that article yet."""
        item, target = step
        return item.html is not None and (target is None or not lookup.has_file(self.conn, target))

    def _tick(self, label: str | None) -> None:
        if label is not None:
            self.done += 1
        if self.progress is not None:
            self.progress(WorkProgress("import", self.done, self.total, label))

    def _remember(self, item: Item, aid: int) -> None:
        if item.url:
            self.urls.setdefault(normalise_url(item.url), aid)

    # -- items with their page -------------------------------------------------

    def _import_pages(self, pages: list[Step]) -> None:
        whole = self.source in WHOLE_ARTICLES
        for item, target in pages:
            if self.cancelled():
                return
            path = inbox_files.item_path(self.source, item, ".html")
            inbox_files.write(path, inbox_files.page_bytes(item, whole=whole))
            self.files[normpath(path)] = (item, target)
        indexer.index_files(
            self.conn,
            list(self.files),
            self.settings,
            self._record_page,
            self._page_done,
            self.cancelled,
        )

    def _page_done(self, p: ScanProgress) -> None:
        if p.path is not None:
            item, _ = self.files[p.path]
            self._tick(item.title or item.url or os.path.basename(p.path))

    def _record_page(
        self,
        conn: sqlite3.Connection,
        outcome: Outcome,
        extractor: str,
        summary: ScanSummary,
        fts: list[recording.FtsRow],
    ) -> int:
        """Index one written page and give its article the item's state, in
        the batch's transaction."""
        item, target = self.files[outcome.path]
        if target is not None and not pending.attach(conn, target, outcome.path):
            target = None  # a row was indexed from this file already: that one
        aid = recording.record(conn, outcome, extractor, summary, fts)
        to = imported.article(conn, aid)
        if to.text is None:  # unreadable, or no article in it: kept, listed with the reason
            why = conn.execute("SELECT reason FROM articles WHERE id = ?", (aid,)).fetchone()[0]
            self.summary.failed.append((_label(item), why or "unknown error"))
        else:
            self.summary.imported += 1
        if target is not None:
            imported.place_waiting(conn, aid, self.summary.highlights)
        imported.bring(conn, to, item, self.source, self.summary.highlights, new=target is None)
        self._remember(item, aid)
        return aid

    # -- the other items -----------------------------------------------------

    def _import_rest(self, steps: list[Step]) -> None:
        for start in range(0, len(steps), _ROWS_PER_TRANSACTION):
            if self.cancelled():
                return
            chunk = steps[start : start + _ROWS_PER_TRANSACTION]
            with store.transaction(self.conn):
                for item, target in chunk:
                    self._import_one(item, target)
            for item, _ in chunk:
                self._tick(_label(item))

    def _import_one(self, item: Item, target: int | None) -> None:
        if target is None:
            target = self._match(item)  # an article this import has just made
        if target is not None:
            waiting = pending.is_waiting(self.conn, target)
            to = imported.article(self.conn, target, waiting=waiting)
            imported.bring(self.conn, to, item, self.source, self.summary.highlights, new=False)
            self.summary.merged += 1
            if waiting:
                self.waiting.append(target)
            return
        if item.pdf is not None:
            aid = self._keep_pdf(item)
        else:
            aid = pending.create(self.conn, item)
            self.summary.pending += 1
            if is_fetchable(item.url):
                self.waiting.append(aid)
        to = imported.Article(aid, None, None, waiting=is_fetchable(item.url) and not item.pdf)
        imported.bring(self.conn, to, item, self.source, self.summary.highlights, new=True)
        self._remember(item, aid)

    def _keep_pdf(self, item: Item) -> int:
        """Keep the export's PDF in the inbox; its article is listed as
        failed, with the reason."""
        path = inbox_files.item_path(self.source, item, ".pdf")
        inbox_files.write(path, item.pdf or b"")
        key = to_db(normpath(path))
        self.summary.failed.append((_label(item), PDF_REASON))
        found = self.conn.execute("SELECT id FROM articles WHERE path = ?", (key,)).fetchone()
        if found is not None:
            return int(found[0])
        now = store.now()
        cur = self.conn.execute(
            """INSERT INTO articles(path, status, reason, kind, title, byline, url, published,
                   added, indexed)
               VALUES (?, 'failed', ?, 'pdf', ?, ?, ?, ?, ?, ?)""",
            (key, PDF_REASON, _label(item), item.author, item.url, item.published, now, now),
        )
        return int(cur.lastrowid or 0)


def _label(item: Item) -> str:
    """How an item is named in a summary: its title, else its address."""
    return item.title or item.url or item.key
