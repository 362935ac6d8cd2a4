"""The :class:`Library`: one object the CLI and the app use for everything
stored. See the package docstring for the API; the work is done in the
modules it names, this class holds the connection, the lock and the
settings, and decides when a file must be read again."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from margin import paths
from margin.config import DEFAULT_EXTRACT_TIMEOUT, DEFAULT_MAX_FILE_MB
from margin.errors import DatabaseError, IngestError, MarginError, UsageError
from margin.library import entity_queries, indexer, queries, recording, search, store
from margin.library import highlights as hls
from margin.library.collection import Collection
from margin.library.cut_methods import CutMethods
from margin.library.filenames import from_db, normpath, to_db
from margin.library.records import text_hash
from margin.library.rows import (
    ArticleRow,
    EntityCount,
    ScanProgress,
    ScanSummary,
    SearchHit,
)
from margin.library.workers import Job, extract_one
from margin.model import Article, Highlight
from margin.sanitize import display_path

P = ParamSpec("P")
R = TypeVar("R")
T = TypeVar("T")

_MB = 1024 * 1024


def extractor_version() -> str:
    try:
        from margin.ingest import pipeline

        ver = getattr(pipeline, "EXTRACTOR_VERSION", None)
    except ImportError:  # pragma: no cover
        ver = None
    from margin import __version__

    return f"margin-{__version__}/{ver or 1}"


def _cancel_fn(cancel: Any) -> Callable[[], bool] | None:
    if cancel is None:
        return None
    if hasattr(cancel, "is_set"):
        return cancel.is_set  # type: ignore[no-any-return]
    if callable(cancel):
        return cancel  # type: ignore[no-any-return]
    raise UsageError("cancel must be a threading.Event or a callable")


def _stat(path: str, shown: str) -> os.stat_result:
    try:
        return os.stat(path)
    except FileNotFoundError:
        raise IngestError(shown, "no such file") from None
    except OSError as exc:
        raise IngestError(shown, exc.strerror or "the file cannot be read") from None


def _db(method: Callable[P, R]) -> Callable[P, R]:
    """Run under the library's lock; turn sqlite3 errors into one-line ones."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with args[0]._locked():  # type: ignore[attr-defined]
            return method(*args, **kwargs)

    return wrapper


class Library(CutMethods, Collection):
    """margin's database: the index of library folders and the reader's own data.

    ``max_file_mb`` and ``extract_timeout`` bound the reading of any one
    file (by a scan, or when an article is opened); the CLI and the app
    pass them in from config.toml. Tags, the archive flag, imports and
    fetching pages are :class:`~margin.library.collection.Collection`'s."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        db_path: Path,
        *,
        max_file_mb: int = DEFAULT_MAX_FILE_MB,
        extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT,
    ) -> None:
        self._conn = conn
        self.db_path = db_path
        self.max_file_mb = max_file_mb
        self.extract_timeout = extract_timeout
        self._lock = threading.RLock()
        self._extractor: str | None = None

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def open(
        cls,
        db_path: str | os.PathLike[str] | None = None,
        *,
        max_file_mb: int = DEFAULT_MAX_FILE_MB,
        extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT,
    ) -> Library:
        """Open (creating or migrating) the database. Raises DatabaseError."""
        path = Path(db_path) if db_path is not None else paths.database_path()
        return cls(
            store.connect(path), path, max_file_mb=max_file_mb, extract_timeout=extract_timeout
        )

    def close(self) -> None:
        with self._lock, contextlib.suppress(sqlite3.Error):
            self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def extractor(self) -> str:
        if self._extractor is None:
            self._extractor = extractor_version()
        return self._extractor

    @contextlib.contextmanager
    def _locked(self) -> Iterator[sqlite3.Connection]:
        """The connection, under the lock; sqlite3 errors made one-line."""
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise store.translate(exc, self.db_path) from exc

    # -- folders -----------------------------------------------------------

    @_db
    def folders(self) -> list[Path]:
        """Remembered library folders, margin's inbox first."""
        rows = self._conn.execute("SELECT path FROM folders ORDER BY added, path").fetchall()
        inbox = paths.inbox_path()
        out = [inbox]
        for (p,) in rows:
            path = Path(from_db(p))
            if path != inbox:
                out.append(path)
        return out

    @_db
    def add_folder(self, path: str | os.PathLike[str]) -> Path:
        folder = normpath(path)
        if not os.path.isdir(folder):
            raise MarginError(f"not a folder: {display_path(folder)}")
        with store.transaction(self._conn):
            self._conn.execute(
                "INSERT INTO folders(path, added) VALUES (?, ?) ON CONFLICT DO NOTHING",
                (to_db(folder), store.now()),
            )
        return Path(folder)

    # -- scanning ----------------------------------------------------------

    def scan(
        self,
        dirs: Iterable[str | os.PathLike[str]] | None = None,
        *,
        jobs: int = 0,
        progress: Callable[[ScanProgress], None] | None = None,
        cancel: Any = None,
        timeout: float | None = None,
        max_file_mb: int | None = None,
    ) -> ScanSummary:
        """Index the given folders (default: every known one plus the inbox).

        Folders given are remembered. Unchanged files cost one ``stat``;
        new and changed ones are extracted in ``jobs`` worker processes
        (0: one per core), each under ``timeout`` seconds; files above
        ``max_file_mb`` are recorded as failed without being read (both
        default to the library's own settings). ``progress`` is called from
        this thread after each extracted file; ``cancel`` is a
        ``threading.Event`` (or a callable returning True) that stops the
        scan early. Safe to call from a worker thread: the scan uses its
        own database connection.
        """
        started = time.monotonic()
        cancelled = _cancel_fn(cancel)
        roots = self._roots(dirs)
        settings = indexer.ScanSettings(
            extractor=self.extractor,
            jobs=jobs,
            timeout=self.extract_timeout if timeout is None else timeout,
            max_bytes=(self.max_file_mb if max_file_mb is None else max_file_mb) * _MB,
        )
        try:
            conn = store.connect(self.db_path)
        except sqlite3.Error as exc:
            raise store.translate(exc, self.db_path) from exc
        try:
            summary = indexer.scan(conn, roots, settings, progress, cancelled)
        except sqlite3.Error as exc:
            raise store.translate(exc, self.db_path) from exc
        finally:
            conn.close()
        summary.seconds = time.monotonic() - started
        return summary

    def _roots(self, dirs: Iterable[str | os.PathLike[str]] | None) -> list[str]:
        """What a scan walks: the given folders (remembered) and files, or
        every known folder and margin's inbox."""
        if dirs is None:
            inbox = paths.inbox_path()
            inbox.mkdir(parents=True, exist_ok=True)  # margin's own folder, not the user's
            return [str(p) for p in self.folders()]
        roots = []
        for d in dirs:
            p = normpath(d)
            if os.path.isdir(p):
                self.add_folder(p)
            elif not os.path.isfile(p):
                raise MarginError(f"no such folder: {display_path(p)}")
            roots.append(p)
        return roots

    # -- articles ----------------------------------------------------------

    @_db
    def articles(
        self,
        *,
        folder: str | os.PathLike[str] | None = None,
        sort: str = "added",
        filter: str = "all",
        reverse: bool = False,
        entity: str | None = None,
        limit: int | None = None,
        tag: str | None = None,
    ) -> list[ArticleRow]:
        """Articles in the library (files currently present, and pending
        articles: imported, not fetched yet, ``path`` "").

        ``sort``: title, site (A→Z), date, added, progress (most first),
        length (shortest first). ``filter``: all, unread (not archived),
        bookmarked, annotated, archived, pending, failed. ``entity``: only
        articles that mention it (any case, as in :meth:`search`).
        ``tag``: only articles with this tag (any case). ``limit``: the
        first rows only (the app's first screen), in the same order as the
        whole list.
        """
        return queries.articles(
            self._conn,
            folder=folder,
            sort=sort,
            filter=filter,
            reverse=reverse,
            entity=entity,
            limit=limit,
            tag=tag,
        )

    @_db
    def article_count(self, *, folder: str | os.PathLike[str] | None = None) -> int:
        """How many articles :meth:`articles` would list with no filter."""
        return queries.article_count(self._conn, folder)

    @_db
    def article_row(self, path: str | os.PathLike[str]) -> ArticleRow | None:
        return queries.article_row(self._conn, normpath(path))

    def load_article(self, path: str | os.PathLike[str]) -> Article:
        """The article at ``path``: from the index when the file is unchanged,
        else extracted now (and indexed, re-anchoring its highlights).
        Either way its entities have been recognised. Raises IngestError
        for a file that cannot be read."""
        p = normpath(path)
        shown = display_path(path)
        cached, st = self._indexed(p, shown, queries.indexed_article)
        if cached is not None and self._rederived(p):
            cached, st = self._indexed(p, shown, queries.indexed_article)
        if cached is not None:
            if not cached.entities:
                self._recognise_once(cached)
            return cached
        outcome = extract_one(Job(p, st.st_size, st.st_mtime_ns, self.max_file_mb * _MB))
        with self._locked() as conn, store.transaction(conn):
            recording.record(conn, outcome, self.extractor)
        if outcome.article is None:
            raise IngestError(shown, outcome.reason or "unknown error")
        outcome.article.source = p
        with self._locked() as conn:  # as stored: with the reader's corrections
            stored = queries.indexed_article(
                conn, p, (outcome.size, outcome.mtime_ns, self.extractor)
            )
        return stored if isinstance(stored, Article) else outcome.article

    def cached_article(self, path: str | os.PathLike[str]) -> Article | None:
        """The article as indexed, when the file is indexed and unchanged;
        None otherwise. Never reads the file beyond a ``stat``, never writes."""
        p = normpath(path)
        try:
            st = os.stat(p)
        except OSError:
            return None
        with self._locked() as conn:
            stamp = (st.st_size, st.st_mtime_ns, self.extractor)
            cached = queries.indexed_article(conn, p, stamp)
        return cached if isinstance(cached, Article) else None

    def _indexed(
        self,
        path: str,
        shown: str,
        read: Callable[[sqlite3.Connection, str, tuple[int, int, str]], T | str],
    ) -> tuple[T, os.stat_result]:
        """What ``read`` finds in the index for the file at ``path`` as it is
        now (size, mtime and this extractor: see queries), and the file's
        stat. IngestError when the file cannot be read, or failed before."""
        st = _stat(path, shown)
        with self._locked() as conn:
            found = read(conn, path, (st.st_size, st.st_mtime_ns, self.extractor))
        if isinstance(found, str):
            raise IngestError(shown, found)
        return found, st

    def _recognise_once(self, article: Article) -> None:
        """Recognise the entities of an indexed article whose stored text was
        never recognised (indexed before margin recorded that), and store
        the result, "none found" included, so it is not done again."""
        with self._locked() as conn:
            if queries.recognised(conn, article.source):
                return
        from margin.entities import add_entities

        add_entities(article)  # slow: not under the lock
        with self._locked() as conn:
            aid = queries.article_id(conn, article.source)
            if aid is not None:
                with store.transaction(conn):
                    recording.record_entities(conn, aid, text_hash(article.text), article)

    def _refresh(self, path: str) -> None:
        """Index the file at ``path`` (normalised) again if it changed since
        it was indexed, re-anchoring its highlights; a stat and one small
        query when it did not. IngestError if it cannot be read."""
        fresh, _ = self._indexed(path, display_path(path), queries.freshness)
        if not fresh:
            self.load_article(path)
        else:
            self._rederived(path)

    def _article_id(self, path: str | os.PathLike[str]) -> int:
        """The id of the article at ``path``, indexing it first if needed."""
        p = normpath(path)
        aid = queries.article_id(self._conn, p)
        if aid is None:
            self.load_article(p)
            aid = queries.article_id(self._conn, p)
        if aid is None:  # pragma: no cover - load_article records every outcome
            raise MarginError(f"{display_path(path)} is not in the library")
        return aid

    # -- bookmarks and reading position ------------------------------------

    @_db
    def set_bookmark(self, path: str | os.PathLike[str], on: bool = True) -> None:
        aid = self._article_id(path)
        with store.transaction(self._conn):
            self._conn.execute(
                """INSERT INTO reading(article_id, bookmarked, updated) VALUES (?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET bookmarked = excluded.bookmarked,
                       updated = excluded.updated""",
                (aid, int(bool(on)), store.now()),
            )

    @_db
    def set_position(self, path: str | os.PathLike[str], position: int, progress: float) -> None:
        aid = self._article_id(path)
        progress = min(1.0, max(0.0, float(progress)))
        with store.transaction(self._conn):
            self._conn.execute(
                """INSERT INTO reading(article_id, position, progress, updated)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET position = excluded.position,
                       progress = excluded.progress, updated = excluded.updated""",
                (aid, max(0, int(position)), progress, store.now()),
            )

    @_db
    def get_position(self, path: str | os.PathLike[str]) -> tuple[int, float]:
        r = store.fetch_one(
            self._conn,
            """SELECT r.position, r.progress FROM reading r JOIN articles a
               ON a.id = r.article_id WHERE a.path = ?""",
            (to_db(normpath(path)),),
        )
        return (int(r.position), float(r.progress)) if r else (0, 0.0)

    # -- highlights and notes ----------------------------------------------

    @_db
    def add_highlight(
        self, path: str | os.PathLike[str], start: int, end: int, note: str | None = None
    ) -> Highlight:
        """Highlight ``text[start:end]``; saved durably before this returns."""
        where = self._target(path)
        return hls.insert(self._conn, where, start, end, note)

    @_db
    def annotate(
        self, path: str | os.PathLike[str], quote: str, note: str | None = None
    ) -> Highlight:
        """Highlight the first occurrence of ``quote``; MarginError if absent."""
        where = self._target(path)
        start, end = hls.span_of(where, quote)
        return hls.insert(self._conn, where, start, end, note)

    def _target(self, path: str | os.PathLike[str]) -> hls.Target:
        p = normpath(path)
        self._refresh(p)
        return hls.target(self._conn, p)

    @_db
    def set_note(self, highlight_id: int, note: str | None) -> None:
        hls.set_note(self._conn, highlight_id, note)

    @_db
    def delete_highlight(self, highlight_id: int) -> None:
        hls.delete(self._conn, highlight_id)

    @_db
    def highlights(self, path: str | os.PathLike[str] | None = None) -> list[Highlight]:
        """Highlights (of one article, or all), placed in the current text.

        With a path the file is re-read first if it changed, so positions are
        fresh; orphaned highlights are included with ``state="orphaned"``.
        """
        p = normpath(path) if path is not None else None
        if p is not None:
            with contextlib.suppress(IngestError):  # unreadable now: list what is stored
                self._refresh(p)
        hls.reanchor_stale(self._conn, p)
        return hls.listing(self._conn, p)

    @_db
    def highlight_uids(self) -> dict[int, str]:
        """Stable ids (for export block references), by highlight id."""
        return hls.uids(self._conn)

    # -- search and entities -----------------------------------------------

    @_db
    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        bookmarked: bool = False,
        has_notes: bool = False,
        site: str | None = None,
        entity: str | None = None,
        tag: str | None = None,
    ) -> list[SearchHit]:
        """Full-text search, best first (bm25; title weighs most). ``query``
        is FTS5 syntax; if it is not valid, its words are searched instead.
        Pending articles are found by title. ``tag``: only articles with it."""
        return search.search(
            self._conn,
            query,
            limit=limit,
            bookmarked=bookmarked,
            has_notes=has_notes,
            site=site,
            entity=entity,
            tag=tag,
        )

    @_db
    def entity_counts(self, path: str | os.PathLike[str]) -> list[EntityCount]:
        """Entities of one article by frequency (indexing it if needed)."""
        return entity_queries.entity_counts(self._conn, self._article_id(path))

    @_db
    def library_entities(self, limit: int = 50) -> list[EntityCount]:
        """The most mentioned entities across the library (present files
        only), most mentions first; ``articles`` counts the articles."""
        return entity_queries.library_entities(self._conn, limit)

    @_db
    def entity_articles(self, text: str, label: str | None = None) -> list[tuple[ArticleRow, int]]:
        """The articles that mention an entity (its text, any case; of one
        label, or any), with their mention counts, most mentions first."""
        return entity_queries.entity_articles(self._conn, text, label)

    # -- maintenance -------------------------------------------------------

    @_db
    def integrity_check(self) -> list[str]:
        return [r[0] for r in self._conn.execute("PRAGMA integrity_check").fetchall()]


__all__ = [
    "ArticleRow",
    "DatabaseError",
    "EntityCount",
    "Library",
    "ScanProgress",
    "ScanSummary",
    "SearchHit",
]
