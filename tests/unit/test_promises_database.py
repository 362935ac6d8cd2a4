"""Promise 4: a damaged database is detected, never overwritten; old schemas migrate."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from test_library import page, write

from margin import paths
from margin.errors import DatabaseError
from margin.library import Library, store


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_file_that_is_not_a_database_is_refused_untouched() -> None:
    db = paths.database_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    db.write_bytes(b"this is not sqlite at all\n" * 200)
    before = _digest(db)
    with pytest.raises(DatabaseError) as info:
        Library.open()
    msg = str(info.value)
    assert str(db) in msg and "damaged" in msg and "margin index" in msg and "mv " in msg
    res = subprocess.run([sys.executable, "-m", "margin", "list"], capture_output=True, text=True)
    assert res.returncode == 1
    assert res.stderr.startswith("margin: the database") and res.stderr.count("\n") == 1
    assert _digest(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["margin.db"]


def test_malformed_pages_are_detected_at_start(tmp_path: Path) -> None:
    art = write(tmp_path / "a.html", page())
    with Library.open() as lib:
        for i in range(40):
            lib.annotate(art, "harbour", note=f"note {i} " + "x" * 200)
    db = paths.database_path()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'highlights'"
        ).fetchone()[0]
    data = bytearray(db.read_bytes())
    offset = (root - 1) * page_size
    data[offset : offset + page_size] = b"\xa5" * page_size
    db.write_bytes(bytes(data))
    before = _digest(db)
    with pytest.raises(DatabaseError) as info:
        Library.open()
    assert "damaged" in str(info.value)
    assert _digest(db) == before


def test_older_schema_is_backed_up_and_migrated(tmp_path: Path) -> None:
    art = write(tmp_path / "a.html", page())
    db = paths.database_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    conn.executescript(store.MIGRATIONS[0])
    conn.execute(
        "INSERT INTO articles(id, path, title, added) VALUES (1, ?, 'Old title', '2024-01-01')",
        (str(art.resolve()),),
    )
    conn.execute(
        """INSERT INTO highlights(uid, article_id, exact, prefix, suffix, start, "end", hint,
               note, created, updated)
           VALUES ('u1', 1, 'wave tank', 'the harbour in a ', ' and say the', 0, 9, 0,
               'kept across the upgrade', '2024-01-01T00:00:00+00:00', '2024-01-01')"""
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()

    with Library.open() as lib:
        hl = lib.highlights(art)
    assert [h.note for h in hl] == ["kept across the upgrade"]
    assert hl[0].state == "anchored"
    text = Library.open().load_article(art).text
    assert text[hl[0].start : hl[0].end] == "wave tank"  # type: ignore[index,misc]
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == store.SCHEMA_VERSION
    backups = list(db.parent.glob("margin.db.bak-v1-*"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("PRAGMA user_version").fetchone()[0] == 1
        assert old.execute("SELECT note FROM highlights").fetchone()[0] == "kept across the upgrade"


def test_newer_schema_is_refused() -> None:
    with Library.open():
        pass
    db = paths.database_path()
    with sqlite3.connect(db) as conn:
        conn.execute(f"PRAGMA user_version = {store.SCHEMA_VERSION + 1}")
    with pytest.raises(DatabaseError, match="newer margin"):
        Library.open()


def test_an_article_with_highlights_cannot_be_deleted(tmp_path: Path) -> None:
    art = write(tmp_path / "a.html", page())
    with Library.open() as lib:
        lib.annotate(art, "harbour")
    conn = store.connect(paths.database_path())
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute("DELETE FROM articles")
    conn.close()
