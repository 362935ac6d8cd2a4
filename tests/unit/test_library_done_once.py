"""Work the library does once, not at every call: reading an article for its
highlights, placing highlights, recognising entities."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from test_library import PARAGRAPHS, page, write

import margin.entities
from margin import paths
from margin.library import Library, store
from margin.model import Entity

QUIET = ["nothing in this paragraph is a name, a place or an organisation. " * 4]


@pytest.fixture
def lib():
    library = Library.open()
    yield library
    library.close()


def _count_loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loads: list[str] = []
    load = Library.load_article

    def counted(self: Library, path: str | os.PathLike[str]) -> object:
        loads.append(os.fspath(path))
        return load(self, path)

    monkeypatch.setattr(Library, "load_article", counted)
    return loads


def _count_recognise(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    recognise = margin.entities.recognise

    def counted(text: str, lang: str | None = None) -> list[Entity]:
        calls.append(text)
        return recognise(text, lang=lang)

    monkeypatch.setattr(margin.entities, "recognise", counted)
    return calls


def test_highlight_calls_do_not_read_an_unchanged_article_again(
    tmp_path: Path, lib: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = write(tmp_path / "lib" / "a.html", page())
    lib.scan([tmp_path / "lib"], jobs=1)
    loads = _count_loads(monkeypatch)
    made = lib.annotate(art, "Maria Borg", "ask her")
    lib.add_highlight(art, 0, 10)
    assert made.id is not None
    lib.set_note(made.id, "ask her about the blocks")
    assert len(lib.highlights(art)) == 2
    assert loads == []
    # A changed file is read again, once, and its highlights follow its text.
    write(art, page(paragraphs=["A paragraph added at the top of the page."] + PARAGRAPHS))
    os.utime(art, ns=(10**18, 10**18))
    placed = {h.id: h for h in lib.highlights(art)}[made.id]
    assert len(loads) == 1
    article = lib.cached_article(art)
    assert article is not None and placed.start is not None and placed.start > made.start  # type: ignore[operator]
    assert article.text[placed.start : placed.end] == "Maria Borg"
    lib.highlights(art)
    assert len(loads) == 1


def test_a_highlight_made_on_a_changed_file_is_made_in_its_new_text(
    tmp_path: Path, lib: Library
) -> None:
    art = write(tmp_path / "lib" / "a.html", page())
    lib.scan([tmp_path / "lib"], jobs=1)
    write(art, page(paragraphs=PARAGRAPHS[2:]))
    os.utime(art, ns=(10**18, 10**18))
    made = lib.annotate(art, "a firm from Catania")
    article = lib.load_article(art)
    assert article.text[made.start : made.end] == "a firm from Catania"  # type: ignore[misc]
    assert "Maria Borg" not in article.text


def test_none_found_is_stored(tmp_path: Path, lib: Library, monkeypatch) -> None:
    art = write(tmp_path / "lib" / "quiet.html", page("Quiet", QUIET))
    lib.scan([tmp_path / "lib"], jobs=1)
    calls = _count_recognise(monkeypatch)
    assert lib.load_article(art).entities == []
    assert lib.load_article(art).entities == []
    assert calls == []


def _forget_recognition() -> None:
    """Make the stored texts look as written before margin recorded that
    entity recognition ran on them (migration 5)."""
    conn = sqlite3.connect(paths.database_path())
    with conn:
        conn.execute("UPDATE texts SET entities = '[]', recognised = 0")
        conn.execute("DELETE FROM mentions")
    conn.close()


def test_an_article_never_recognised_is_recognised_once_and_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    art = write(tmp_path / "lib" / "a.html", page())
    with Library.open() as lib:
        lib.scan([tmp_path / "lib"], jobs=1)
        expected = lib.entity_counts(art)
    assert ("Maria Borg", "PERSON") in {(e.text, e.label) for e in expected}
    _forget_recognition()
    calls = _count_recognise(monkeypatch)
    with Library.open() as lib:
        assert lib.entity_counts(art) == []
        found = lib.load_article(art).entities
        assert "Maria Borg" in {e.text for e in found}
        assert lib.load_article(art).entities == found
        assert lib.entity_counts(art) == expected
        assert lib.search("harbour", entity="Maria Borg")
    with Library.open() as lib:
        assert lib.load_article(art).entities == found
    assert len(calls) == 1


def test_migration_5_keeps_what_was_recognised(tmp_path: Path) -> None:
    """A stored list of entities was recognised; an empty one may not have
    been, and is recognised when next opened."""
    db = paths.database_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    for script in store.MIGRATIONS[:4]:
        conn.executescript(script)
    for aid, entities in ((1, '[[0,4,"ORG"]]'), (2, "[]")):
        conn.execute(
            "INSERT INTO articles(id, path, added) VALUES (?, ?, '2024-01-01')", (aid, f"/a{aid}")
        )
        conn.execute(
            "INSERT INTO texts(article_id, text, entities) VALUES (?, 'ACME builds', ?)",
            (aid, entities),
        )
        conn.execute("INSERT INTO fts(rowid, text) VALUES (?, 'ACME builds')", (aid,))
    conn.execute("PRAGMA user_version = 4")
    conn.commit()
    conn.close()
    with Library.open():
        pass
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT article_id, recognised FROM texts ORDER BY 1").fetchall() == [
        (1, 1),
        (2, 0),
    ]
    conn.execute("INSERT INTO fts(fts, rank) VALUES ('integrity-check', 1)")
    conn.close()


def test_the_standfirst_is_kept_in_the_index(tmp_path: Path) -> None:
    saved = tmp_path / "lib" / "dek.md"
    saved.parent.mkdir(parents=True)
    saved.write_text(
        "---\ntitle: Ferries return to the harbour\n"
        "description: The first boats of the season arrived on Tuesday.\n---\n\n"
        + "The harbour was quiet when the first ferry of the season pulled in. " * 12
        + "\n",
        encoding="utf-8",
    )
    with Library.open() as lib:
        lib.scan([saved.parent], jobs=1)
        fresh = lib.cached_article(saved)
    assert fresh is not None
    assert fresh.dek == "The first boats of the season arrived on Tuesday."
