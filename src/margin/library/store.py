"""The SQLite file: opening it safely, migrating it, writing to it.

Rules this module enforces, because highlights and notes cannot be re-made:

* WAL journal, ``synchronous=FULL`` (a committed write survives a power cut),
  foreign keys on, and no ``ON DELETE CASCADE`` anywhere: deleting an article
  row that still has highlights fails instead of taking them along.
* Every write runs in ``BEGIN IMMEDIATE`` with a busy timeout, so a second
  margin waits for the first instead of failing with "database is locked".
* Schema changes are numbered migrations keyed on ``PRAGMA user_version``;
  before migrating an existing file it is copied with SQLite's backup API,
  and the DDL and the version bump commit in one transaction.
* A damaged file is detected before anything is written and is never
  overwritten, recreated or "repaired"; the user is told how to recover.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import importlib
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from margin.errors import DatabaseError
from margin.sanitize import display_path

#: How long a writer waits for another margin's write to finish.
BUSY_TIMEOUT_MS = 20_000

_HEADER = b"SQLite format 3\x00"

# Each entry upgrades the schema from version i to i + 1. Never edit a
# migration that has shipped; append a new one.
#: SQL, or SQL and a data step named ``module:function`` (see :func:`_apply`).
Migration = str | tuple[str, str]

MIGRATIONS: list[Migration] = [
    # 1: user data and the article identity it hangs on.
    """
    CREATE TABLE folders (
        path PRIMARY KEY,
        added TEXT NOT NULL
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path UNIQUE,                    -- TEXT, or BLOB for a non-UTF-8 file name
        content_hash TEXT,              -- sha256 of the file's bytes
        text_hash TEXT,                 -- sha256 of the extracted text
        size INTEGER NOT NULL DEFAULT -1,
        mtime_ns INTEGER NOT NULL DEFAULT -1,
        extractor TEXT,
        status TEXT NOT NULL DEFAULT 'ok',
        reason TEXT,
        kind TEXT,
        title TEXT NOT NULL DEFAULT '',
        byline TEXT,
        site TEXT,
        published TEXT,
        lang TEXT,
        url TEXT,
        word_count INTEGER NOT NULL DEFAULT 0,
        reading_minutes INTEGER NOT NULL DEFAULT 0,
        missing INTEGER NOT NULL DEFAULT 0,
        added TEXT NOT NULL,
        indexed TEXT
    );
    CREATE INDEX articles_content_hash ON articles(content_hash);
    CREATE INDEX articles_text_hash ON articles(text_hash);
    CREATE TABLE reading (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id),
        bookmarked INTEGER NOT NULL DEFAULT 0,
        position INTEGER NOT NULL DEFAULT 0,
        progress REAL NOT NULL DEFAULT 0,
        updated TEXT
    );
    CREATE TABLE highlights (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        article_id INTEGER NOT NULL REFERENCES articles(id),
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start INTEGER,
        "end" INTEGER,
        hint INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'anchored',
        anchored_to TEXT,
        note TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    );
    CREATE INDEX highlights_article ON highlights(article_id);
    """,
    # 2: the index (rebuildable from the files): text, blocks, entities, FTS5.
    """
    CREATE TABLE texts (
        article_id INTEGER PRIMARY KEY,
        title TEXT NOT NULL DEFAULT '',
        byline TEXT NOT NULL DEFAULT '',
        site TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        blocks TEXT NOT NULL DEFAULT '[]',
        entities TEXT NOT NULL DEFAULT '[]'
    );
    CREATE VIRTUAL TABLE fts USING fts5(
        title, byline, site, text,
        content='texts', content_rowid='article_id',
        tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER texts_ai AFTER INSERT ON texts BEGIN
        INSERT INTO fts(rowid, title, byline, site, text)
        VALUES (new.article_id, new.title, new.byline, new.site, new.text);
    END;
    CREATE TRIGGER texts_ad AFTER DELETE ON texts BEGIN
        INSERT INTO fts(fts, rowid, title, byline, site, text)
        VALUES ('delete', old.article_id, old.title, old.byline, old.site, old.text);
    END;
    CREATE TRIGGER texts_au AFTER UPDATE ON texts BEGIN
        INSERT INTO fts(fts, rowid, title, byline, site, text)
        VALUES ('delete', old.article_id, old.title, old.byline, old.site, old.text);
        INSERT INTO fts(rowid, title, byline, site, text)
        VALUES (new.article_id, new.title, new.byline, new.site, new.text);
    END;
    CREATE TABLE mentions (
        article_id INTEGER NOT NULL,
        label TEXT NOT NULL,
        text TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (article_id, label, text)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_text ON mentions(text COLLATE NOCASE);
    """,
    # 3: the library's default view (newest first) read from an index, so the
    # first screen of a large library is one short index walk.
    """
    CREATE INDEX articles_recent ON articles(missing, added, id);
    """,
    # 4: the scan adds articles to the full-text index itself, together at
    # the end of each batch (see recording.add_to_fts): from this trigger,
    # each article became an FTS5 segment of its own.
    """
    DROP TRIGGER texts_ai;
    """,
    # 5: whether entity recognition ran on an article's stored text, so that
    # an empty list means "none found" and is not recognised again at every
    # opening. The full-text index is refreshed only when one of its columns
    # changes, not when entities are stored (nor by this migration's own
    # update, hence the trigger first). Rows written before have only their
    # list to go by: a non-empty one was recognised; an empty one is
    # recognised once more when next opened.
    """
    DROP TRIGGER texts_au;
    CREATE TRIGGER texts_au AFTER UPDATE OF title, byline, site, text ON texts BEGIN
        INSERT INTO fts(fts, rowid, title, byline, site, text)
        VALUES ('delete', old.article_id, old.title, old.byline, old.site, old.text);
        INSERT INTO fts(rowid, title, byline, site, text)
        VALUES (new.article_id, new.title, new.byline, new.site, new.text);
    END;
    ALTER TABLE texts ADD COLUMN recognised INTEGER NOT NULL DEFAULT 0;
    UPDATE texts SET recognised = 1 WHERE entities != '[]';
    """,
    # 6: Chinese, Japanese and Korean found by any two characters (see
    # cjk.py): a run's bigrams in two columns of texts, indexed by fts_cjk,
    # which triggers keep in step; then the texts indexed before are given
    # theirs. And two read-only views of the full-text index (fts5vocab)
    # that ranking counts a query word's occurrences with (see ranking.py).
    (
        """
    ALTER TABLE texts ADD COLUMN cjk_title TEXT NOT NULL DEFAULT '';
    ALTER TABLE texts ADD COLUMN cjk_text TEXT NOT NULL DEFAULT '';
    CREATE VIRTUAL TABLE fts_cjk USING fts5(
        cjk_title, cjk_text, content='texts', content_rowid='article_id',
        tokenize='unicode61'
    );
    CREATE TRIGGER texts_cjk_ad AFTER DELETE ON texts
    WHEN old.cjk_title != '' OR old.cjk_text != '' BEGIN
        INSERT INTO fts_cjk(fts_cjk, rowid, cjk_title, cjk_text)
        VALUES ('delete', old.article_id, old.cjk_title, old.cjk_text);
    END;
    CREATE TRIGGER texts_cjk_au AFTER UPDATE OF cjk_title, cjk_text ON texts BEGIN
        INSERT INTO fts_cjk(fts_cjk, rowid, cjk_title, cjk_text)
        SELECT 'delete', old.article_id, old.cjk_title, old.cjk_text
        WHERE old.cjk_title != '' OR old.cjk_text != '';
        INSERT INTO fts_cjk(rowid, cjk_title, cjk_text)
        SELECT new.article_id, new.cjk_title, new.cjk_text
        WHERE new.cjk_title != '' OR new.cjk_text != '';
    END;
    CREATE VIRTUAL TABLE fts_terms USING fts5vocab(fts, 'instance');
    CREATE VIRTUAL TABLE fts_words USING fts5vocab(fts, 'row');
    """,
        "margin.library.cjk:backfill",
    ),
    # 7: the reader's corrections to the cut (user data: see corrections.py),
    # and what each does in each article (index data, rebuilt by a rescan).
    """
    CREATE TABLE corrections (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        uid TEXT NOT NULL UNIQUE,
        action TEXT NOT NULL,           -- 'cut' | 'keep'
        article_id INTEGER REFERENCES articles(id),  -- NULL for a site rule
        scope TEXT NOT NULL DEFAULT 'article',        -- or a rule's 'host' | 'site' | 'folder'
        site,                           -- a rule's host, site name or folder (TEXT or BLOB)
        origin INTEGER,                 -- the article a rule was made in (no reference: it may go)
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        hint INTEGER,
        created TEXT NOT NULL
    );
    CREATE INDEX corrections_article ON corrections(article_id);
    CREATE INDEX corrections_site ON corrections(scope, site);
    CREATE TABLE correction_states (
        article_id INTEGER NOT NULL,
        correction_id INTEGER NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (article_id, correction_id)
    ) WITHOUT ROWID;
    CREATE INDEX correction_states_by ON correction_states(correction_id);
    """,
    # 8: a library brought in from read-later services (user data): tags, the
    # archived flag, and each export item imported (by its export's format
    # and the item's key; 'add' for an address margin add fetched) with its
    # normalised address, so that importing a file again adds nothing. An
    # article imported with an address but no text is a row with no file
    # yet: path NULL, status 'pending', its highlights in state 'pending'.
    """
    ALTER TABLE reading ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE tags (
        article_id INTEGER NOT NULL REFERENCES articles(id),
        tag TEXT NOT NULL COLLATE NOCASE,
        added TEXT NOT NULL,
        PRIMARY KEY (article_id, tag)
    ) WITHOUT ROWID;
    CREATE INDEX tags_tag ON tags(tag);
    CREATE TABLE imports (
        source TEXT NOT NULL,
        key TEXT NOT NULL,
        article_id INTEGER REFERENCES articles(id),
        url TEXT,
        imported TEXT NOT NULL,
        PRIMARY KEY (source, key)
    ) WITHOUT ROWID;
    CREATE INDEX imports_article ON imports(article_id);
    CREATE INDEX imports_url ON imports(url);
    CREATE INDEX articles_status ON articles(status);
    """,
    # 9: the standfirst (the summary under the headline), its own field
    # beside the title: not body text, not chrome. Articles indexed before
    # have none until they are read again (the extractor's version moved).
    """
    ALTER TABLE articles ADD COLUMN dek TEXT;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

#: Tables holding what cannot be rebuilt; checked at every start.
USER_TABLES = (
    "folders",
    "articles",
    "reading",
    "highlights",
    "corrections",
    "tags",
    "imports",
)


def recovery_hint(path: Path) -> str:
    name = display_path(path)
    return (
        f"margin has not changed it. To recover: move it aside "
        f"(mv '{name}' '{name}.damaged'), then run 'margin index' to rebuild the index; "
        f"highlights and notes can often be salvaged with "
        f"'sqlite3 {name}.damaged .recover | sqlite3 {name}' "
        f"(earlier copies, if any, are next to it as margin.db.bak-*)"
    )


def damaged(path: Path, why: str) -> DatabaseError:
    return DatabaseError(
        f"the database {display_path(path)} is damaged ({why}); {recovery_hint(path)}"
    )


def _check_header(path: Path) -> None:
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(_HEADER))
    except FileNotFoundError:
        return
    except OSError as exc:
        raise DatabaseError(
            f"cannot open the database {display_path(path)}: {exc.strerror or exc}"
        ) from exc
    if head and head != _HEADER:
        raise damaged(path, "file is not a database")
    if 0 < len(head) < len(_HEADER):
        raise damaged(path, "file is truncated")


def connect(path: Path) -> sqlite3.Connection:
    """Open ``path`` (creating it if absent) with margin's pragmas, migrated."""
    _check_header(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
    except sqlite3.Error as exc:
        raise DatabaseError(f"cannot open the database {display_path(path)}: {exc}") from exc
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        # Reading the schema is the first thing that fails on a damaged file.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        _set_wal(conn, path)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        migrate(conn, path)
        _quick_check(conn, path)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise translate(exc, path) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _set_wal(conn: sqlite3.Connection, path: Path) -> None:
    # Switching to WAL needs a moment alone with the file; a second margin
    # starting at the same instant may see "locked" despite the busy timeout.
    for attempt in range(50):
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() == "wal":
                return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
        time.sleep(0.02 * (attempt + 1))
    raise DatabaseError(f"the database {display_path(path)} is busy; try again")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    for table in USER_TABLES:
        rows = conn.execute(f"PRAGMA quick_check({table})").fetchall()
        if rows != [("ok",)]:
            why = "; ".join(str(r[0]) for r in rows[:2])
            raise damaged(path, f"integrity check failed: {why}")


def translate(exc: sqlite3.Error, path: Path) -> DatabaseError:
    """A one-line :class:`DatabaseError` for an sqlite3 failure."""
    msg = str(exc)
    low = msg.lower()
    if isinstance(exc, DatabaseError):
        return exc
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return damaged(path, msg)
    if "locked" in low or "busy" in low:
        return DatabaseError(
            f"the database {display_path(path)} is busy (another margin is writing); try again"
        )
    if "readonly" in low or "read-only" in low:
        return DatabaseError(f"the database {display_path(path)} is read-only")
    if "disk" in low and "full" in low:
        return DatabaseError(f"the disk holding {display_path(path)} is full")
    return DatabaseError(f"database error in {display_path(path)}: {msg}")


def backup(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the database next to itself with SQLite's backup API."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.bak-v{version}-{stamp}-{os.getpid()}")
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()
    return target


def migrate(conn: sqlite3.Connection, path: Path) -> None:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            f"the database {display_path(path)} was written by a newer margin "
            f"(schema {version}, this margin knows {SCHEMA_VERSION}); upgrade margin"
        )
    if version == SCHEMA_VERSION:
        return
    has_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    if version > 0 or has_tables:
        backup(conn, path, version)
    with transaction(conn):
        # Another margin may have migrated while we were copying.
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        for number in range(version, SCHEMA_VERSION):
            _apply(conn, MIGRATIONS[number])
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _apply(conn: sqlite3.Connection, migration: Migration) -> None:
    """Run one migration: its SQL, then the data step it names (a function
    ``module:name`` taking the connection), in the caller's transaction."""
    script, step = (migration, None) if isinstance(migration, str) else migration
    for statement in _statements(script):
        conn.execute(statement)
    if step is not None:
        module, name = step.split(":")
        getattr(importlib.import_module(module), name)(conn)


def _statements(script: str) -> Iterator[str]:
    """Split a migration into statements (``executescript`` would commit)."""
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            stmt = buf.strip()
            if stmt:
                yield stmt
            buf = ""
    if buf.strip():
        yield buf.strip()


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


#: A row read by column name (``row.title``): a named tuple whose fields are
#: the query's column names (computed columns need an ``AS`` name).
Stored = Any


@functools.lru_cache(maxsize=128)
def _row_type(names: tuple[str, ...]) -> Any:
    return collections.namedtuple("Stored", names)


def fetch_all(conn: sqlite3.Connection, sql: str, params: Any = ()) -> list[Stored]:
    """The rows of ``sql``, read by column name. Named tuples, not
    ``sqlite3.Row``: a field is an attribute, where a Row looks its names up
    one by one (the library list reads 10,000 rows of 14 columns)."""
    cur = conn.execute(sql, params)
    make = _row_type(tuple(d[0] for d in cur.description))._make
    return list(map(make, cur))


def fetch_one(conn: sqlite3.Connection, sql: str, params: Any = ()) -> Stored | None:
    """The first row of ``sql`` (see :func:`fetch_all`), or None."""
    cur = conn.execute(sql, params)
    row = cur.fetchone()
    return None if row is None else _row_type(tuple(d[0] for d in cur.description))._make(row)


def now() -> str:
    """The time stamp stored for "added", "created", "updated": UTC, ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")
