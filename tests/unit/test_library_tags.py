"""Tags and the archived flag: user data in the real SQLite file, on the
command line (``margin tag``, ``margin archive``, ``--tag``, ``--filter
archived``) and through the Library the app uses."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from library_exports import full_page

from margin import export, paths
from margin.cli import main
from margin.errors import MarginError
from margin.library import Library, store


@pytest.fixture
def saved(tmp_path: Path) -> tuple[Path, Path]:
    """Two indexed articles; the first has an address."""
    folder = tmp_path / "saved"
    folder.mkdir()
    first = folder / "breakwater.html"
    first.write_text(
        full_page("The breakwater", canonical="https://news.example/breakwater"), encoding="utf-8"
    )
    second = folder / "ferry.html"
    second.write_text(full_page("The ferry"), encoding="utf-8")
    with Library.open() as lib:
        lib.scan([folder], jobs=1)
    return first, second


def test_tags_by_file_and_by_address_any_case(saved: tuple[Path, Path]) -> None:
    first, second = saved
    with Library.open() as lib:
        tagged = lib.add_tags(first, ["Harbour", "news", "harbour", " \x1b[31mred "])
        assert tagged == ["[31mred", "Harbour", "news"]  # cleaned, once in any case, sorted
        address = "https://NEWS.example/breakwater?utm_source=x"
        assert lib.add_tags(address, ["Boats"]) == ["[31mred", "Boats", "Harbour", "news"]
        assert lib.remove_tags(first, ["HARBOUR", "[31mred"]) == ["Boats", "news"]
        lib.set_tags(second, ["news"])
        assert lib.all_tags() == [("news", 2), ("Boats", 1)]
        assert [r.title for r in lib.articles(tag="NEWS", sort="title")] == [
            "The breakwater",
            "The ferry",
        ]
        assert [h.row.title for h in lib.search("ferry", tag="boats")] == ["The breakwater"]
        assert len(lib.search("ferry")) == 2
        with pytest.raises(MarginError, match="no article"):
            lib.add_tags("https://nowhere.example/", ["x"])


def test_archive_marks_read_and_filters(saved: tuple[Path, Path]) -> None:
    first, second = saved
    with Library.open() as lib:
        lib.set_archived(first)
        assert [r.title for r in lib.articles(filter="archived")] == ["The breakwater"]
        assert [r.title for r in lib.articles(filter="unread")] == ["The ferry"]
        lib.set_archived(first, on=False)
        assert lib.articles(filter="archived") == []


def test_the_command_line(saved: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = saved
    assert main(["tag", str(first), "harbour", "boats"]) == 0
    assert main(["tag", "https://news.example/breakwater", "boats", "--remove"]) == 0
    assert main(["archive", str(first)]) == 0
    assert capsys.readouterr().out.splitlines()[1].endswith(": harbour")
    assert main(["list", "--tag", "harbour", "--filter", "archived", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["tags"] == ["harbour"] and row["archived"] is True
    assert row["url"] == "https://news.example/breakwater" and row["status"] == "ok"
    assert main(["search", "ferry", "--tag", "harbour", "--json"]) == 0
    assert [h["title"] for h in json.loads(capsys.readouterr().out)] == ["The breakwater"]
    assert main(["tag", "https://nowhere.example/", "x"]) == 1
    assert capsys.readouterr().err.startswith("margin: no article https://nowhere.example/")


@pytest.mark.parametrize("kept", ["tag", "archived"])
def test_an_article_whose_file_goes_keeps_its_tags_and_state(
    kept: str, saved: tuple[Path, Path]
) -> None:
    first, _ = saved
    with Library.open() as lib:
        if kept == "tag":
            lib.add_tags(first, ["keep"])
        else:
            lib.set_archived(first)
        first.unlink()
        summary = lib.scan()
        assert summary.removed == 1
        first.write_text(
            full_page("The breakwater", canonical="https://news.example/breakwater"),
            encoding="utf-8",
        )
        lib.scan()
        (row,) = lib.articles(filter="archived") if kept == "archived" else lib.articles(tag="keep")
    assert row.path == str(first.resolve())


def test_export_front_matter_carries_the_tags(saved: tuple[Path, Path]) -> None:
    first, _ = saved
    with Library.open() as lib:
        lib.annotate(first, "temporary landing stage", "who builds it?")
        lib.add_tags(first, ["harbour", 'say "hi"'])
        ((_, markdown),) = export.to_markdown(lib)
    assert 'tags: ["harbour", "say \\"hi\\""]' in markdown


def test_migration_8_keeps_what_the_library_held(tmp_path: Path) -> None:
    db = paths.database_path()
    db.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(db)
    for script in store.MIGRATIONS[:5]:
        conn.executescript(script)
    conn.execute("INSERT INTO articles(id, path, added) VALUES (1, '/gone.html', '2024-01-01')")
    conn.execute("INSERT INTO reading(article_id, bookmarked, progress) VALUES (1, 1, 0.5)")
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with Library.open() as lib:
        (row,) = lib.articles()
        assert (row.bookmarked, row.progress, row.archived, row.tags) == (True, 0.5, False, [])
        lib.add_tags(1, ["after"])
        assert lib.tags(1) == ["after"]
    assert {"tags", "imports"} <= set(store.USER_TABLES)
