"""The :class:`Library`: one object the CLI and the app use for everything
stored. See the package docstring for the API."""

from __future__ import annotations

import contextlib
import functools
import os
import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from margin import paths
from margin.errors import DatabaseError, IngestError, MarginError, UsageError, too_large
from margin.library import anchoring, search, store
from margin.library.records import (
    blocks_from_json,
    entities_from_json,
    record_from_article,
    text_hash,
)
from margin.library.scanner import FoundFile, walk
from margin.library.workers import (
    Job,
    Outcome,
    extract_one,
    run_jobs,
)
from margin.model import Article, Highlight
from margin.sanitize import display_path

P = ParamSpec("P")
R = TypeVar("R")

SORTS = ("title", "date", "added", "progress", "length", "site")
FILTERS = ("all", "unread", "bookmarked", "annotated", "failed")

#: Write scan results in batches of this many files, or every this many
#: seconds: few enough that a batch writes in well under the time a worker
#: takes for the file waiting in its pipe, and a kill loses little.
_BATCH = 32
_BATCH_SECONDS = 0.5


def _add_to_fts(conn: sqlite3.Connection, rows: list[tuple[int, str, str, str, str]]) -> None:
    """Add articles to the full-text index, together, last in their transaction.

    Not from a trigger on ``texts`` (migration 4 dropped it): FTS5 wrote out
    each article a trigger gave it as a segment of its own, and the scan
    spent its time merging them (a test counts the segments). Together,
    after the batch's other writes, the inserts cost least of the ways
    tried; bench/index_speed.py prints the scanning process's CPU."""
    conn.executemany(
        "INSERT INTO fts(rowid, title, byline, site, text) VALUES (?, ?, ?, ?, ?)", rows
    )


def _drop_text(
    conn: sqlite3.Connection, aid: int, fts: list[tuple[int, str, str, str, str]] | None
) -> None:
    """Delete an article's indexed text and mentions (a trigger takes its
    words out of the full-text index). Its words must be in that index
    first: a row still waiting in ``fts`` from earlier in the batch is
    added now, or FTS5 would be told to remove words it never had."""
    if fts and any(row[0] == aid for row in fts):
        _add_to_fts(conn, fts)
        fts.clear()
    conn.execute("DELETE FROM texts WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))


# --------------------------------------------------------------------------
# Public value types


@dataclass(slots=True)
class ArticleRow:
    id: int
    path: str
    title: str
    byline: str | None
    site: str | None
    published: str | None
    word_count: int
    reading_minutes: int
    bookmarked: bool
    progress: float
    highlights: int
    status: str  # "ok" | "failed"
    reason: str | None
    added: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": display_path(self.path),
            "title": self.title,
            "byline": self.byline,
            "site": self.site,
            "published": self.published,
            "word_count": self.word_count,
            "reading_minutes": self.reading_minutes,
            "bookmarked": self.bookmarked,
            "progress": round(self.progress, 4),
            "highlights": self.highlights,
            "status": self.status,
            "reason": self.reason,
            "added": self.added,
        }


@dataclass(slots=True)
class SearchHit:
    row: ArticleRow
    snippet: str  # plain text, never markup
    score: float  # higher is better (negated bm25)
    matches: list[tuple[int, int]] = field(default_factory=list)  # offsets into snippet


@dataclass(frozen=True, slots=True)
class ScanProgress:
    done: int
    total: int
    path: str | None  # the file just finished (None at the start)


@dataclass(slots=True)
class ScanSummary:
    seen: int = 0
    indexed: int = 0
    unchanged: int = 0
    moved: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    orphaned: int = 0  # highlights that could no longer be placed
    cancelled: bool = False
    seconds: float = 0.0
    #: Where the time went, in seconds: CPU time the workers spent reading
    #: and hashing ("read"), extracting ("extract") and recognising entities
    #: ("entities"), summed over files; wall time this process spent
    #: writing the index ("write").
    timings: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class EntityCount:
    text: str
    label: str
    count: int  # mentions
    articles: int = 1  # articles mentioning it


# --------------------------------------------------------------------------
# Helpers


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def normpath(path: str | os.PathLike[str]) -> str:
    """The form a path is stored under: absolute, symlinks resolved."""
    return os.path.realpath(os.fspath(path))


def _to_db(path: str) -> str | bytes:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)  # a non-UTF-8 file name: keep its bytes
    return path


def _from_db(value: str | bytes) -> str:
    return os.fsdecode(value) if isinstance(value, bytes) else value


def extractor_version() -> str:
    try:
        from margin.ingest import pipeline

        ver = getattr(pipeline, "EXTRACTOR_VERSION", None)
    except ImportError:  # pragma: no cover
        ver = None
    from margin import __version__

    return f"margin-{__version__}/{ver or 1}"


def _under(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _cancel_fn(cancel: Any) -> Callable[[], bool] | None:
    if cancel is None:
        return None
    if hasattr(cancel, "is_set"):
        return cancel.is_set  # type: ignore[no-any-return]
    if callable(cancel):
        return cancel  # type: ignore[no-any-return]
    raise UsageError("cancel must be a threading.Event or a callable")


_ROW_SQL = """
SELECT a.id, a.path, a.title, a.byline, a.site, a.published, a.word_count,
       a.reading_minutes, coalesce(r.bookmarked, 0), coalesce(r.progress, 0.0),
       (SELECT count(*) FROM highlights h WHERE h.article_id = a.id),
       a.status, a.reason, a.added
FROM articles a LEFT JOIN reading r ON r.article_id = a.id
"""


def _row(r: tuple[Any, ...]) -> ArticleRow:
    path = _from_db(r[1])
    title = r[2] or os.path.basename(path)
    return ArticleRow(
        id=r[0],
        path=path,
        title=title,
        byline=r[3],
        site=r[4],
        published=r[5],
        word_count=r[6],
        reading_minutes=r[7],
        bookmarked=bool(r[8]),
        progress=float(r[9]),
        highlights=r[10],
        status=r[11],
        reason=r[12],
        added=r[13],
    )


def _db(method: Callable[P, R]) -> Callable[P, R]:
    """Run under the library's lock; turn sqlite3 errors into one-line ones."""

    @functools.wraps(method)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        self = args[0]
        with self._lock:  # type: ignore[attr-defined]
            try:
                return method(*args, **kwargs)
            except sqlite3.Error as exc:
                raise store.translate(exc, self.db_path) from exc  # type: ignore[attr-defined]

    return wrapper


# --------------------------------------------------------------------------


class Library:
    """margin's database: the index of library folders and the reader's own data."""

    def __init__(self, conn: sqlite3.Connection, db_path: Path) -> None:
        self._conn = conn
        self.db_path = db_path
        self._lock = threading.RLock()
        self._extractor: str | None = None

    # -- lifecycle ---------------------------------------------------------

    @classmethod
    def open(cls, db_path: str | os.PathLike[str] | None = None) -> Library:
        """Open (creating or migrating) the database. Raises DatabaseError."""
        path = Path(db_path) if db_path is not None else paths.database_path()
        return cls(store.connect(path), path)

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

    # -- folders -----------------------------------------------------------

    @_db
    def folders(self) -> list[Path]:
        """Remembered library folders, margin's inbox first."""
        rows = self._conn.execute("SELECT path FROM folders ORDER BY added, path").fetchall()
        inbox = paths.inbox_path()
        out = [inbox]
        for (p,) in rows:
            path = Path(_from_db(p))
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
                (_to_db(folder), _now()),
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
    ) -> ScanSummary:
        """Index the given folders (default: every known one plus the inbox).

        Folders given are remembered. Unchanged files cost one ``stat``;
        new and changed ones are extracted in ``jobs`` worker processes
        (0: one per core), each under ``timeout`` seconds (default:
        ``extract_timeout`` in config.toml); files above ``max_file_mb``
        are recorded as failed without being read. ``progress`` is
        called from this thread after each extracted file; ``cancel`` is a
        ``threading.Event`` (or a callable returning True) that stops the
        scan early. Safe to call from a worker thread: the scan uses its
        own database connection.
        """
        started = time.monotonic()
        cancelled = _cancel_fn(cancel)
        if timeout is None:
            from margin.config import current as current_config

            timeout = current_config().extract_timeout
        if dirs is None:
            roots = [str(p) for p in self.folders()]
            inbox = paths.inbox_path()
            inbox.mkdir(parents=True, exist_ok=True)  # margin's own folder, not the user's
        else:
            roots = []
            for d in dirs:
                p = normpath(d)
                if os.path.isdir(p):
                    self.add_folder(p)
                elif not os.path.isfile(p):
                    raise MarginError(f"no such folder: {display_path(p)}")
                roots.append(p)
        try:
            conn = store.connect(self.db_path)
        except sqlite3.Error as exc:
            raise store.translate(exc, self.db_path) from exc
        try:
            return self._scan(conn, roots, jobs, progress, cancelled, timeout, started)
        except sqlite3.Error as exc:
            raise store.translate(exc, self.db_path) from exc
        finally:
            conn.close()

    def _scan(
        self,
        conn: sqlite3.Connection,
        roots: list[str],
        jobs: int,
        progress: Callable[[ScanProgress], None] | None,
        cancelled: Callable[[], bool] | None,
        timeout: float,
        started: float,
    ) -> ScanSummary:
        from margin.config import current as current_config

        settings = current_config()
        max_bytes = settings.max_file_mb * 1024 * 1024
        summary = ScanSummary()
        # Index data can afford NORMAL: a power cut may undo the last batch,
        # which the next scan redoes; it can never corrupt the file.
        conn.execute("PRAGMA synchronous = NORMAL")
        known: dict[str, tuple[int, int, str | None, int]] = {}
        for p, size, mtime, extractor, missing in conn.execute(
            "SELECT path, size, mtime_ns, extractor, missing FROM articles"
        ):
            known[_from_db(p)] = (size, mtime, extractor, missing)
        current = self.extractor
        seen_dirs: set[tuple[int, int]] = set()
        seen_files: set[tuple[int, int]] = set()
        seen_paths: set[str] = set()
        todo: list[Job] = []
        too_big: list[FoundFile] = []
        for root in roots:
            for f in walk(root, seen_dirs=seen_dirs, seen_files=seen_files, cancelled=cancelled):
                path = f.path
                seen_paths.add(path)
                summary.seen += 1
                old = known.get(path)
                if old is not None and old[:3] == (f.size, f.mtime_ns, current) and not old[3]:
                    summary.unchanged += 1
                    continue
                if f.size > max_bytes:
                    too_big.append(f)
                    continue
                todo.append(Job(path, f.size, f.mtime_ns))
        if cancelled is not None and cancelled():
            summary.cancelled = True
        total = len(todo) + len(too_big)
        done = 0
        if progress is not None:
            progress(ScanProgress(0, total, None))
        pending: list[Outcome] = []
        last_flush = time.monotonic()
        timings = summary.timings = dict.fromkeys(("read", "extract", "entities", "write"), 0.0)

        def flush() -> None:
            nonlocal last_flush
            t = time.perf_counter()
            if pending:
                fts: list[tuple[int, str, str, str, str]] = []
                with store.transaction(conn):
                    for outcome in pending:
                        self._record(conn, outcome, summary, fts)
                    _add_to_fts(conn, fts)
                pending.clear()
            last_flush = time.monotonic()
            timings["write"] += time.perf_counter() - t

        def on_result(outcome: Outcome) -> None:
            nonlocal done
            pending.append(outcome)
            done += 1
            read, extract, entities = outcome.cpu
            timings["read"] += read
            timings["extract"] += extract
            timings["entities"] += entities
            if len(pending) >= _BATCH or time.monotonic() - last_flush > _BATCH_SECONDS:
                flush()
            if progress is not None:
                progress(ScanProgress(done, total, outcome.path))

        for f in too_big:
            on_result(Outcome(f.path, f.size, f.mtime_ns, reason=too_large(f.size, max_bytes)))
        if not summary.cancelled:
            run_jobs(todo, on_result, processes=jobs, timeout=timeout, cancelled=cancelled)
        flush()
        if cancelled is not None and cancelled():
            summary.cancelled = True
        if not summary.cancelled:
            self._forget_vanished(conn, roots, seen_paths, summary)
        summary.seconds = time.monotonic() - started
        return summary

    def _forget_vanished(
        self, conn: sqlite3.Connection, roots: list[str], seen: set[str], summary: ScanSummary
    ) -> None:
        gone: list[tuple[int, bool]] = []
        for aid, p, has_data in conn.execute(
            """SELECT a.id, a.path,
                      EXISTS(SELECT 1 FROM highlights h WHERE h.article_id = a.id)
                      OR EXISTS(SELECT 1 FROM reading r WHERE r.article_id = a.id
                                AND (r.bookmarked OR r.position OR r.progress))
               FROM articles a WHERE a.missing = 0"""
        ):
            path = _from_db(p)
            if path in seen or not any(_under(path, r) for r in roots):
                continue
            if os.path.exists(path):
                continue  # e.g. a hidden or skipped file opened on its own
            gone.append((aid, bool(has_data)))
        if not gone:
            return
        with store.transaction(conn):
            for aid, has_data in gone:
                conn.execute("DELETE FROM texts WHERE article_id = ?", (aid,))
                conn.execute("DELETE FROM mentions WHERE article_id = ?", (aid,))
                if has_data:
                    # Kept (user data hangs on it) until the file turns up again.
                    conn.execute("UPDATE articles SET missing = 1 WHERE id = ?", (aid,))
                else:
                    conn.execute("DELETE FROM reading WHERE article_id = ?", (aid,))
                    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
                summary.removed += 1

    # -- recording extraction results (inside a transaction) ---------------

    def _record(
        self,
        conn: sqlite3.Connection,
        outcome: Outcome,
        summary: ScanSummary | None = None,
        fts: list[tuple[int, str, str, str, str]] | None = None,
    ) -> int:
        """Write one extraction result. The article's full-text row goes to
        ``fts`` when given, for :func:`_add_to_fts` at the end of the batch."""
        path = outcome.path
        key = _to_db(path)
        row = conn.execute("SELECT id, text_hash FROM articles WHERE path = ?", (key,)).fetchone()
        now = _now()
        art = outcome.article
        if art is None and outcome.record is None:
            reason = outcome.reason or "unknown error"
            size = -1 if outcome.retry else outcome.size
            if row is None:
                cur = conn.execute(
                    """INSERT INTO articles(path, size, mtime_ns, extractor, status, reason,
                           title, added, indexed) VALUES (?, ?, ?, ?, 'failed', ?, ?, ?, ?)""",
                    (
                        key,
                        size,
                        outcome.mtime_ns,
                        self.extractor,
                        reason,
                        os.path.basename(path),
                        now,
                        now,
                    ),
                )
                aid = int(cur.lastrowid or 0)
            else:
                aid = row[0]
                conn.execute(
                    """UPDATE articles SET size = ?, mtime_ns = ?, extractor = ?,
                           status = 'failed', reason = ?, missing = 0, indexed = ?,
                           text_hash = NULL
                       WHERE id = ?""",
                    (size, outcome.mtime_ns, self.extractor, reason, now, aid),
                )
                _drop_text(conn, aid, fts)
            if summary is not None:
                summary.failed.append((path, reason))
            return aid

        rec = outcome.record
        if rec is None:
            assert art is not None
            rec = record_from_article(art)
        thash = rec.text_hash
        old_thash = row[1] if row else None
        if row is None:
            moved = self._find_moved(conn, outcome.content_hash, thash)
            if moved is not None:
                row = (moved, None)
                old_thash = conn.execute(
                    "SELECT text_hash FROM articles WHERE id = ?", (moved,)
                ).fetchone()[0]
                conn.execute("UPDATE articles SET path = ?, missing = 0 WHERE id = ?", (key, moved))
                if summary is not None:
                    summary.moved += 1
        values = (
            outcome.content_hash,
            thash,
            outcome.size,
            outcome.mtime_ns,
            self.extractor,
            rec.kind,
            rec.title,
            rec.byline,
            rec.site,
            rec.published,
            rec.lang,
            rec.url,
            rec.word_count,
            rec.reading_minutes,
            now,
        )
        if row is None:
            cur = conn.execute(
                """INSERT INTO articles(content_hash, text_hash, size, mtime_ns, extractor,
                       kind, title, byline, site, published, lang, url, word_count,
                       reading_minutes, indexed, path, status, added)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', ?)""",
                (*values, key, now),
            )
            aid = int(cur.lastrowid or 0)
        else:
            aid = row[0]
            conn.execute(
                """UPDATE articles SET content_hash = ?, text_hash = ?, size = ?,
                       mtime_ns = ?, extractor = ?, kind = ?, title = ?, byline = ?,
                       site = ?, published = ?, lang = ?, url = ?, word_count = ?,
                       reading_minutes = ?, indexed = ?, status = 'ok', reason = NULL,
                       missing = 0
                   WHERE id = ?""",
                (*values, aid),
            )
            # A new article has no texts or mentions rows to replace.
            _drop_text(conn, aid, fts)
        conn.execute(
            """INSERT INTO texts(article_id, title, byline, site, text, blocks, entities)
               VALUES (?, ?, ?, ?, ?, ?, ?)""",
            (
                aid,
                rec.title,
                rec.byline or "",
                rec.site or "",
                rec.text,
                rec.blocks,
                rec.entities,
            ),
        )
        row_fts = (aid, rec.title, rec.byline or "", rec.site or "", rec.text)
        if fts is None:
            _add_to_fts(conn, [row_fts])
        else:
            fts.append(row_fts)
        conn.executemany(
            "INSERT INTO mentions(article_id, label, text, count) VALUES (?, ?, ?, ?)",
            [(aid, label, text, n) for label, text, n in rec.mentions],
        )
        if summary is not None:
            summary.indexed += 1
        if old_thash != thash:
            orphaned = self._reanchor(conn, aid, rec.text, thash)
            if summary is not None:
                summary.orphaned += orphaned
        return aid

    def _find_moved(
        self, conn: sqlite3.Connection, content_hash: str | None, thash: str
    ) -> int | None:
        """An article whose file is gone and whose content is this file's."""
        for column, value in (("content_hash", content_hash), ("text_hash", thash)):
            if value is None:
                continue
            for aid, p in conn.execute(
                f"SELECT id, path FROM articles WHERE {column} = ? ORDER BY missing DESC, id",
                (value,),
            ).fetchall():
                if not os.path.exists(_from_db(p)):
                    return int(aid)
        return None

    def _reanchor(self, conn: sqlite3.Connection, aid: int, text: str, thash: str) -> int:
        """Place every highlight of an article in its new text; count orphans."""
        orphaned = 0
        rows = conn.execute(
            "SELECT id, exact, prefix, suffix, hint FROM highlights WHERE article_id = ?",
            (aid,),
        ).fetchall()
        for hid, exact, prefix, suffix, hint in rows:
            placed = anchoring.anchor(text, anchoring.Selector(exact, prefix, suffix), hint)
            if placed is None:
                orphaned += 1
                conn.execute(
                    """UPDATE highlights SET start = NULL, "end" = NULL, state = 'orphaned',
                           anchored_to = ? WHERE id = ?""",
                    (thash, hid),
                )
            else:
                conn.execute(
                    """UPDATE highlights SET start = ?, "end" = ?, hint = ?,
                           state = 'anchored', anchored_to = ? WHERE id = ?""",
                    (placed.start, placed.end, placed.start, thash, hid),
                )
        return orphaned

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
    ) -> list[ArticleRow]:
        """Articles in the library (files currently present).

        ``sort``: title, site (A→Z), date, added, progress (most first),
        length (shortest first). ``filter``: all, unread, bookmarked,
        annotated, failed. ``entity``: only articles that mention it (any
        case, as in :meth:`search`). ``limit``: the first rows only (the
        app's first screen), in the same order as the whole list.
        """
        if sort not in SORTS:
            raise UsageError(f"unknown sort {sort!r} (choose from {', '.join(SORTS)})")
        if filter not in FILTERS:
            raise UsageError(f"unknown filter {filter!r} (choose from {', '.join(FILTERS)})")
        if limit is not None and sort == "added" and filter == "all" and not entity:
            # The default view, straight from SQLite: no need to build and
            # sort every row to show the first screen of a large library.
            order = "ASC" if reverse else "DESC"
            sql = _ROW_SQL + " WHERE a.missing = 0"
            params: list[Any] = []
            if folder is not None:
                prefix = normpath(folder).rstrip(os.sep) + os.sep
                sql += " AND (a.path = ? OR substr(a.path, 1, ?) = ?)"
                params += [prefix.rstrip(os.sep), len(prefix), prefix]
            sql += f" ORDER BY a.added {order}, a.id {order} LIMIT ?"
            return [_row(r) for r in self._conn.execute(sql, (*params, limit))]
        if entity:
            rows = [
                _row(r)
                for r in self._conn.execute(
                    _ROW_SQL + " WHERE a.missing = 0 AND a.id IN (SELECT article_id FROM mentions"
                    " WHERE text = ? COLLATE NOCASE)",
                    (entity,),
                )
            ]
        else:
            rows = [_row(r) for r in self._conn.execute(_ROW_SQL + " WHERE a.missing = 0")]
        if folder is not None:
            root = normpath(folder)
            rows = [r for r in rows if _under(r.path, root)]
        if filter == "unread":
            rows = [r for r in rows if r.progress <= 0.0 and r.status == "ok"]
        elif filter == "bookmarked":
            rows = [r for r in rows if r.bookmarked]
        elif filter == "annotated":
            rows = [r for r in rows if r.highlights]
        elif filter == "failed":
            rows = [r for r in rows if r.status == "failed"]
        keys: dict[str, tuple[Callable[[ArticleRow], Any], bool]] = {
            "title": (lambda r: (r.title.casefold(), r.path), False),
            "site": (lambda r: ((r.site or "\uffff").casefold(), r.title.casefold()), False),
            "date": (lambda r: (r.published or "", r.added), True),
            "added": (lambda r: (r.added, r.id), True),
            "progress": (lambda r: (r.progress, r.added), True),
            "length": (lambda r: (r.word_count, r.title.casefold()), False),
        }
        key, descending = keys[sort]
        rows.sort(key=key, reverse=descending != reverse)
        return rows if limit is None else rows[:limit]

    @_db
    def article_count(self, *, folder: str | os.PathLike[str] | None = None) -> int:
        """How many articles :meth:`articles` would list with no filter."""
        if folder is None:
            row = self._conn.execute("SELECT count(*) FROM articles WHERE missing = 0").fetchone()
            return int(row[0])
        root = normpath(folder)
        paths = self._conn.execute("SELECT path FROM articles WHERE missing = 0")
        return sum(1 for (path,) in paths if _under(_from_db(path), root))

    @_db
    def article_row(self, path: str | os.PathLike[str]) -> ArticleRow | None:
        r = self._conn.execute(_ROW_SQL + " WHERE a.path = ?", (_to_db(normpath(path)),)).fetchone()
        return _row(r) if r else None

    def load_article(self, path: str | os.PathLike[str]) -> Article:
        """The article at ``path``: from the index when the file is unchanged,
        else extracted now (and indexed, re-anchoring its highlights).
        Raises IngestError for a file that cannot be read."""
        p = normpath(path)
        shown = display_path(path)
        try:
            st = os.stat(p)
        except FileNotFoundError:
            raise IngestError(shown, "no such file") from None
        except OSError as exc:
            raise IngestError(shown, exc.strerror or "the file cannot be read") from None
        with self._lock:
            try:
                cached = self._from_index(p, st.st_size, st.st_mtime_ns)
            except sqlite3.Error as exc:
                raise store.translate(exc, self.db_path) from exc
        if isinstance(cached, Article):
            return cached
        if cached is not None:
            raise IngestError(shown, cached)
        outcome = extract_one(Job(p, st.st_size, st.st_mtime_ns))
        with self._lock:
            try:
                with store.transaction(self._conn):
                    self._record(self._conn, outcome)
            except sqlite3.Error as exc:
                raise store.translate(exc, self.db_path) from exc
        if outcome.article is None:
            raise IngestError(shown, outcome.reason or "unknown error")
        outcome.article.source = p
        return outcome.article

    def cached_article(self, path: str | os.PathLike[str]) -> Article | None:
        """The article as indexed, when the file is indexed and unchanged;
        None otherwise. Never reads the file beyond a ``stat``, never writes."""
        p = normpath(path)
        try:
            st = os.stat(p)
        except OSError:
            return None
        with self._lock:
            try:
                cached = self._from_index(p, st.st_size, st.st_mtime_ns)
            except sqlite3.Error as exc:
                raise store.translate(exc, self.db_path) from exc
        return cached if isinstance(cached, Article) else None

    def _from_index(self, path: str, size: int, mtime_ns: int) -> Article | str | None:
        """The indexed article, the reason it failed, or None when stale."""
        r = self._conn.execute(
            """SELECT a.id, a.size, a.mtime_ns, a.extractor, a.status, a.reason, a.kind,
                      a.title, a.byline, a.site, a.published, a.lang, a.url, a.word_count,
                      a.reading_minutes, a.missing, t.text, t.blocks, t.entities
               FROM articles a LEFT JOIN texts t ON t.article_id = a.id
               WHERE a.path = ?""",
            (_to_db(path),),
        ).fetchone()
        if r is None or (r[1], r[2], r[3]) != (size, mtime_ns, self.extractor) or r[15]:
            return None
        if r[4] != "ok":
            return str(r[5] or "unknown error")
        if r[16] is None:
            return None
        text = r[16]
        return Article(
            source=path,
            kind=r[6] or "html",
            title=r[7] or "",
            byline=r[8],
            site=r[9],
            published=r[10],
            lang=r[11],
            url=r[12],
            blocks=blocks_from_json(r[17], text),
            entities=entities_from_json(r[18], text),
            text=text,
            word_count=r[13],
            reading_minutes=r[14],
        )

    def _article_id(self, path: str | os.PathLike[str]) -> int:
        """The id of the article at ``path``, indexing it first if needed."""
        p = normpath(path)
        r = self._conn.execute("SELECT id FROM articles WHERE path = ?", (_to_db(p),)).fetchone()
        if r is not None:
            return int(r[0])
        self.load_article(p)
        r = self._conn.execute("SELECT id FROM articles WHERE path = ?", (_to_db(p),)).fetchone()
        if r is None:  # pragma: no cover - load_article records every outcome
            raise MarginError(f"{display_path(path)} is not in the library")
        return int(r[0])

    # -- bookmarks and reading position ------------------------------------

    @_db
    def set_bookmark(self, path: str | os.PathLike[str], on: bool = True) -> None:
        aid = self._article_id(path)
        with store.transaction(self._conn):
            self._conn.execute(
                """INSERT INTO reading(article_id, bookmarked, updated) VALUES (?, ?, ?)
                   ON CONFLICT(article_id) DO UPDATE SET bookmarked = excluded.bookmarked,
                       updated = excluded.updated""",
                (aid, int(bool(on)), _now()),
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
                (aid, max(0, int(position)), progress, _now()),
            )

    @_db
    def get_position(self, path: str | os.PathLike[str]) -> tuple[int, float]:
        r = self._conn.execute(
            """SELECT r.position, r.progress FROM reading r JOIN articles a
               ON a.id = r.article_id WHERE a.path = ?""",
            (_to_db(normpath(path)),),
        ).fetchone()
        return (int(r[0]), float(r[1])) if r else (0, 0.0)

    # -- highlights and notes ----------------------------------------------

    @_db
    def add_highlight(
        self, path: str | os.PathLike[str], start: int, end: int, note: str | None = None
    ) -> Highlight:
        """Highlight ``text[start:end]``; saved durably before this returns."""
        article = self.load_article(path)
        if not (0 <= start < end <= len(article.text)):
            raise UsageError(
                f"highlight {start}-{end} is outside the article (0-{len(article.text)})"
            )
        return self._insert_highlight(article, start, end, note)

    @_db
    def annotate(
        self, path: str | os.PathLike[str], quote: str, note: str | None = None
    ) -> Highlight:
        """Highlight the first occurrence of ``quote``; MarginError if absent."""
        article = self.load_article(path)
        span = anchoring.find_quote(article.text, quote)
        if span is None:
            raise MarginError(f"the quote is not in {display_path(path)}")
        return self._insert_highlight(article, span[0], span[1], note)

    def _insert_highlight(
        self, article: Article, start: int, end: int, note: str | None
    ) -> Highlight:
        sel = anchoring.make_selector(article.text, start, end)
        thash = text_hash(article.text)
        created = _now()
        uid = uuid.uuid4().hex
        note = note if note is None or note.strip() else None
        with store.transaction(self._conn):
            r = self._conn.execute(
                "SELECT id, title FROM articles WHERE path = ?", (_to_db(article.source),)
            ).fetchone()
            if r is None:
                raise MarginError(f"{display_path(article.source)} is not in the library")
            cur = self._conn.execute(
                """INSERT INTO highlights(uid, article_id, exact, prefix, suffix, start, "end",
                       hint, state, anchored_to, note, created, updated)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'anchored', ?, ?, ?, ?)""",
                (
                    uid,
                    r[0],
                    sel.exact,
                    sel.prefix,
                    sel.suffix,
                    start,
                    end,
                    start,
                    thash,
                    note,
                    created,
                    created,
                ),
            )
        return Highlight(
            id=cur.lastrowid,
            article_path=article.source,
            exact=sel.exact,
            prefix=sel.prefix,
            suffix=sel.suffix,
            start=start,
            end=end,
            note=note,
            created=created,
            state="anchored",
            title=article.title or os.path.basename(article.source),
            uid=uid,
        )

    @_db
    def set_note(self, highlight_id: int, note: str | None) -> None:
        note = note if note is None or note.strip() else None
        with store.transaction(self._conn):
            cur = self._conn.execute(
                "UPDATE highlights SET note = ?, updated = ? WHERE id = ?",
                (note, _now(), highlight_id),
            )
            if cur.rowcount == 0:
                raise MarginError(f"no highlight {highlight_id}")

    @_db
    def delete_highlight(self, highlight_id: int) -> None:
        with store.transaction(self._conn):
            cur = self._conn.execute("DELETE FROM highlights WHERE id = ?", (highlight_id,))
            if cur.rowcount == 0:
                raise MarginError(f"no highlight {highlight_id}")

    @_db
    def highlights(self, path: str | os.PathLike[str] | None = None) -> list[Highlight]:
        """Highlights (of one article, or all), placed in the current text.

        With a path the file is re-read first if it changed, so positions are
        fresh; orphaned highlights are included with ``state="orphaned"``.
        """
        where = ""
        params: tuple[Any, ...] = ()
        if path is not None:
            p = normpath(path)
            with contextlib.suppress(IngestError):  # unreadable now: list what is stored
                self.load_article(p)
            where = "WHERE a.path = ?"
            params = (_to_db(p),)
        self._reanchor_stale()
        rows = self._conn.execute(
            f"""SELECT h.id, a.path, h.exact, h.prefix, h.suffix, h.start, h."end", h.note,
                       h.created, h.state, a.title, h.uid
                FROM highlights h JOIN articles a ON a.id = h.article_id {where}
                ORDER BY a.path, coalesce(h.start, h.hint), h.id""",
            params,
        ).fetchall()
        return [self._highlight(r) for r in rows]

    def highlight_uids(self) -> dict[int, str]:
        """Stable ids (for export block references), by highlight id."""
        with self._lock:
            return dict(self._conn.execute("SELECT id, uid FROM highlights").fetchall())

    @staticmethod
    def _highlight(r: tuple[Any, ...]) -> Highlight:
        path = _from_db(r[1])
        return Highlight(
            id=r[0],
            article_path=path,
            exact=r[2],
            prefix=r[3],
            suffix=r[4],
            start=r[5],
            end=r[6],
            note=r[7],
            created=r[8],
            state=r[9],
            title=r[10] or os.path.basename(path),
            uid=r[11],
        )

    def _reanchor_stale(self) -> None:
        """Place highlights whose offsets refer to an older text (left so by
        an interrupted run or a migration)."""
        stale = self._conn.execute(
            """SELECT DISTINCT a.id, a.text_hash, t.text FROM highlights h
               JOIN articles a ON a.id = h.article_id
               JOIN texts t ON t.article_id = a.id
               WHERE a.status = 'ok' AND a.text_hash IS NOT NULL
                 AND h.anchored_to IS NOT a.text_hash"""
        ).fetchall()
        if not stale:
            return
        with store.transaction(self._conn):
            for aid, thash, text in stale:
                self._reanchor(self._conn, aid, text, thash)

    # -- search ------------------------------------------------------------

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
    ) -> list[SearchHit]:
        """Full-text search, best first (bm25; title weighs most). ``query``
        is FTS5 syntax; if it is not valid, its words are searched instead."""
        if not query.strip() or limit <= 0:
            return []
        conds = []
        params: list[Any] = []
        if bookmarked:
            conds.append("rowid IN (SELECT article_id FROM reading WHERE bookmarked)")
        if has_notes:
            conds.append("rowid IN (SELECT article_id FROM highlights)")
        if site:
            conds.append("rowid IN (SELECT id FROM articles WHERE site = ? COLLATE NOCASE)")
            params.append(site)
        if entity:
            conds.append("rowid IN (SELECT article_id FROM mentions WHERE text = ? COLLATE NOCASE)")
            params.append(entity)
        # "+rowid": a bare rowid constraint makes FTS5 run the MATCH once per
        # listed id (0.7 s for an entity in 2,000 articles); the unary plus
        # keeps one MATCH scan and filters its rows (7 ms).
        extra = "".join(f" AND +{c}" for c in conds)
        # Rank first, then make snippets for the winners only: in one query
        # SQLite would build a snippet for every match before sorting.
        sql = (
            "SELECT rowid, bm25(fts, 8.0, 2.0, 2.0, 1.0) AS score "
            f"FROM fts WHERE fts MATCH ?{extra} ORDER BY score LIMIT ?"
        )
        try:
            found = self._conn.execute(sql, (query, *params, limit)).fetchall()
        except sqlite3.OperationalError:
            # Not valid FTS5 syntax (an unbalanced quote, a bare operator...).
            safe = search.fallback_query(query)
            if safe is None:
                return []
            query = safe
            found = self._conn.execute(sql, (query, *params, limit)).fetchall()
        if not found:
            return []
        ids = [r[0] for r in found]
        marks = ",".join("?" * len(ids))
        snippets = dict(
            self._conn.execute(
                f"SELECT rowid, snippet(fts, -1, '{search.OPEN}', '{search.CLOSE}', "
                f"'{search.ELLIPSIS}', 24) FROM fts WHERE fts MATCH ? AND rowid IN ({marks})",
                (query, *ids),
            ).fetchall()
        )
        rows = {
            r.id: r
            for r in map(
                _row,
                self._conn.execute(_ROW_SQL + f" WHERE a.id IN ({marks}) AND a.missing = 0", ids),
            )
        }
        hits = []
        for aid, score in found:
            row = rows.get(aid)
            if row is None:
                continue
            snippet, spans = search.parse_snippet(snippets.get(aid) or "")
            hits.append(SearchHit(row=row, snippet=snippet, score=-float(score), matches=spans))
        return hits

    # -- entities ----------------------------------------------------------

    @_db
    def entity_counts(self, path: str | os.PathLike[str]) -> list[EntityCount]:
        """Entities of one article by frequency (indexing it if needed)."""
        aid = self._article_id(path)
        return [
            EntityCount(text, label, n, 1)
            for label, text, n in self._conn.execute(
                """SELECT label, text, count FROM mentions WHERE article_id = ?
                   ORDER BY count DESC, text""",
                (aid,),
            )
        ]

    @_db
    def library_entities(self, limit: int = 50) -> list[EntityCount]:
        """The most mentioned entities across the library (present files
        only), most mentions first; ``articles`` counts the articles."""
        return [
            EntityCount(text, label, n, arts)
            for label, text, n, arts in self._conn.execute(
                """SELECT m.label, m.text, sum(m.count), count(*) FROM mentions m
                   JOIN articles a ON a.id = m.article_id AND a.missing = 0
                   GROUP BY m.label, m.text ORDER BY 3 DESC, 4 DESC, 2, 1 LIMIT ?""",
                (max(0, limit),),
            )
        ]

    @_db
    def entity_articles(self, text: str, label: str | None = None) -> list[tuple[ArticleRow, int]]:
        """The articles that mention an entity (its text, any case; of one
        label, or any), with their mention counts, most mentions first."""
        sql = "SELECT article_id, sum(count) FROM mentions WHERE text = ? COLLATE NOCASE"
        params: list[Any] = [text]
        if label:
            sql += " AND label = ?"
            params.append(label)
        counts = dict(self._conn.execute(sql + " GROUP BY article_id", params).fetchall())
        if not counts:
            return []
        rows = self._rows_by_id(list(counts))
        out = [(row, int(counts[row.id])) for row in rows]
        out.sort(key=lambda rc: (-rc[1], rc[0].title.casefold(), rc[0].path))
        return out

    def _rows_by_id(self, ids: list[int]) -> list[ArticleRow]:
        rows: list[ArticleRow] = []
        for i in range(0, len(ids), 500):  # SQLite's limit on parameters
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows.extend(
                map(
                    _row,
                    self._conn.execute(
                        _ROW_SQL + f" WHERE a.id IN ({marks}) AND a.missing = 0", chunk
                    ),
                )
            )
        return rows

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
