"""The :class:`~margin.library.Library` methods for a library brought in:
tags, the archived flag, imports, and pages fetched from the web. The CLI
and the app call these same methods; the work is done in the modules named
in each docstring.

An article is named by an :data:`~margin.library.lookup.ArticleRef`: its
row id (``ArticleRow.id``, the one name a pending article has), its
address (``http://`` or ``https://``, any spelling), or its file.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from margin.errors import MarginError
from margin.library import lookup, reading_state, store, tags
from margin.library.indexer import ScanSettings
from margin.library.reports import FetchSummary, ImportSummary, WorkProgress
from margin.library.rows import ArticleRow, select_rows
from margin.sanitize import clean_field

if TYPE_CHECKING:
    from margin.imports import Export

# importing and fetch_into are imported by the methods that use them: they
# load the export readers, the HTTP client and the page decoder, which the
# app's start does not need.

_MB = 1024 * 1024
Progress = Callable[[WorkProgress], None]


class _Host(Protocol):
    """What these methods use of the :class:`Library` they are mixed into."""

    db_path: Path
    max_file_mb: int
    extract_timeout: float

    @property
    def extractor(self) -> str: ...

    def _locked(self) -> AbstractContextManager[sqlite3.Connection]: ...

    def _article_id(self, path: str | os.PathLike[str]) -> int: ...


class Collection:
    """Mixed into :class:`Library`: see the module docstring."""

    # -- bringing articles in ------------------------------------------------

    def import_export(
        self: _Host,
        path: str | os.PathLike[str],
        *,
        fetch: bool = False,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        export: Export | None = None,
    ) -> ImportSummary:
        """Import a read-later export (:mod:`margin.library.importing`).

        The file is read and checked whole first: ImportFileError (one
        line) before anything is written. ``export``: the file already read
        with :func:`margin.imports.read_export`. ``fetch``: then fetch the
        pending articles it made. ``progress`` gets a :class:`WorkProgress`
        per item (phase "import", then "fetch" and "index"), in this
        thread or the fetching threads; ``cancel`` stops between items."""
        from margin.imports import read_export
        from margin.library import importing

        started = time.monotonic()
        export = export if export is not None else read_export(path)
        with _own_connection(self) as conn:
            run = importing.Importer(
                conn, path, export, _settings(self), progress, cancel.is_set if cancel else None
            )
            summary = run.run()
            if fetch and run.waiting and not summary.cancelled:
                fetched = _fetch(self, conn, progress, cancel, retry_failed=False, ids=run.waiting)
                _add_fetch(summary, fetched)
        summary.seconds = time.monotonic() - started
        return summary

    def add_urls(
        self: _Host,
        urls: Iterable[str],
        *,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchSummary:
        """Fetch each page, save it in the inbox and index it
        (:mod:`margin.library.fetch_into`). A page that cannot be fetched or
        read leaves no file and no row; its reason is in ``failed``. An
        address the library lists already is in ``already``, not fetched.
        ``progress`` and ``cancel`` as for :meth:`import_export`."""
        from margin.library import fetch_into

        started = time.monotonic()
        with _own_connection(self) as conn:
            noted = FetchSummary()
            wanted = fetch_into.wanted_for_add(conn, urls, noted)
            summary = fetch_into.Fetcher(conn, _settings(self), progress, cancel).run(wanted)
        summary.already = noted.already
        summary.seconds = time.monotonic() - started
        return summary

    def fetch_pending(
        self: _Host,
        *,
        retry_failed: bool = False,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
    ) -> FetchSummary:
        """Fetch the pending articles (``retry_failed``: and those whose
        fetch failed before); each keeps its tags, state and highlights,
        which are placed in its text now. Articles with no address to fetch
        from are counted in ``unfetchable``."""
        started = time.monotonic()
        with _own_connection(self) as conn:
            summary = _fetch(self, conn, progress, cancel, retry_failed=retry_failed, ids=None)
        summary.seconds = time.monotonic() - started
        return summary

    # -- naming an article ---------------------------------------------------

    def find(self: _Host, ref: lookup.ArticleRef) -> ArticleRow | None:
        """The article ``ref`` names, or None (a file is not indexed here)."""
        with self._locked() as conn:
            aid = _known_id(conn, ref)
            rows = select_rows(conn, "a.id = ?", (aid,)) if aid is not None else []
        return rows[0] if rows else None

    # -- tags and the archive ------------------------------------------------

    def tags(self: _Host, ref: lookup.ArticleRef) -> list[str]:
        """The article's tags, by name."""
        aid = _ref_id(self, ref)
        with self._locked() as conn:
            return tags.tags_of(conn, aid)

    def add_tags(self: _Host, ref: lookup.ArticleRef, names: Iterable[str]) -> list[str]:
        """Tag the article (a tag it has, in any case, is not added twice);
        return its tags."""
        return _retag(self, ref, tags.add, names)

    def remove_tags(self: _Host, ref: lookup.ArticleRef, names: Iterable[str]) -> list[str]:
        """Take tags off the article (any case); return its tags."""
        return _retag(self, ref, tags.remove, names)

    def set_tags(self: _Host, ref: lookup.ArticleRef, names: Iterable[str]) -> list[str]:
        """Give the article exactly these tags; return them."""
        return _retag(self, ref, tags.replace, names)

    def all_tags(self: _Host) -> list[tuple[str, int]]:
        """Every tag in use, with how many listed articles carry it: most
        used first (for a tag filter)."""
        with self._locked() as conn:
            return tags.all_tags(conn)

    def set_archived(self: _Host, ref: lookup.ArticleRef, on: bool = True) -> None:
        """Mark the article archived (read), or not."""
        aid = _ref_id(self, ref)
        with self._locked() as conn, store.transaction(conn):
            reading_state.set_archived(conn, aid, on)


def _settings(host: _Host) -> ScanSettings:
    return ScanSettings(host.extractor, 0, host.extract_timeout, host.max_file_mb * _MB)


@contextlib.contextmanager
def _own_connection(host: _Host) -> Iterator[sqlite3.Connection]:
    """A connection for long work, so that the app's stays free."""
    try:
        conn = store.connect(host.db_path)
    except sqlite3.Error as exc:
        raise store.translate(exc, host.db_path) from exc
    try:
        yield conn
    except sqlite3.Error as exc:
        raise store.translate(exc, host.db_path) from exc
    finally:
        conn.close()


def _fetch(
    host: _Host,
    conn: sqlite3.Connection,
    progress: Progress | None,
    cancel: threading.Event | None,
    *,
    retry_failed: bool,
    ids: list[int] | None,
) -> FetchSummary:
    from margin.library import fetch_into

    noted = FetchSummary()
    wanted = fetch_into.wanted_for_fetch(conn, noted, retry_failed=retry_failed, ids=ids)
    summary = fetch_into.Fetcher(conn, _settings(host), progress, cancel).run(wanted)
    summary.unfetchable = noted.unfetchable
    return summary


def _ref_id(host: _Host, ref: lookup.ArticleRef) -> int:
    """The id of the article ``ref`` names; a file not indexed yet is
    indexed now. MarginError when there is none."""
    with host._locked() as conn:
        aid = _known_id(conn, ref)
    if aid is not None:
        return aid
    if isinstance(ref, int) or lookup.is_address(ref):
        raise MarginError(f"no article {_shown(ref)} in the library")
    with host._locked():
        return host._article_id(ref)


def _retag(
    host: _Host,
    ref: lookup.ArticleRef,
    change: Callable[[sqlite3.Connection, int, Iterable[str]], object],
    names: Iterable[str],
) -> list[str]:
    aid = _ref_id(host, ref)
    with host._locked() as conn:
        with store.transaction(conn):
            change(conn, aid, list(names))
        return tags.tags_of(conn, aid)


def _known_id(conn: sqlite3.Connection, ref: lookup.ArticleRef) -> int | None:
    from margin.library import queries
    from margin.library.filenames import normpath

    if isinstance(ref, int):
        row = conn.execute("SELECT id FROM articles WHERE id = ?", (ref,)).fetchone()
        return None if row is None else int(row[0])
    if isinstance(ref, str) and lookup.is_address(ref):
        return lookup.by_url(conn, ref.strip())
    return queries.article_id(conn, normpath(ref))


def _shown(ref: lookup.ArticleRef) -> str:
    return f"#{ref}" if isinstance(ref, int) else (clean_field(os.fspath(ref)) or "")


def _add_fetch(summary: ImportSummary, fetched: FetchSummary) -> None:
    """An import's summary with its fetch's: pages fetched, failures, and
    the waiting highlights now placed."""
    summary.fetched += len(fetched.saved)
    summary.failed += fetched.failed
    counts, placed = summary.highlights, fetched.highlights
    counts.anchored += placed.anchored
    counts.orphaned += placed.orphaned
    counts.pending = max(0, counts.pending - placed.anchored - placed.orphaned)
    summary.cancelled = fetched.cancelled
