"""Search: Chinese and Japanese found by any word in them, and ranking that
puts the article about a thing above one that mentions it in passing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_library import write

from margin.cli import main
from margin.library import Library, store

SHENZHEN = (
    "# 深圳公交集团推出新线路\n\n"
    "深圳公交集团今天宣布，从下个月开始，全市将新增十二条夜间公交线路，方便市民夜间出行。\n\n"
    "乘客可以通过手机应用查询实时到站信息。\n"
)
KYOTO = (
    "# 京都の観光客が増加\n\n"
    "京都市によると、今年の観光客数は過去最高を記録した。市内の寺院や神社には多くの人が訪れている。\n\n"
    "市は混雑を避けるため、早朝の観光を勧めている。\n"
)
FILLER = "The committee met again on Tuesday and discussed the budget for the coming year. "


def _index(folder: Path, files: dict[str, str]) -> Library:
    for name, text in files.items():
        write(folder / name, text)
    lib = Library.open()
    lib.scan([folder], jobs=1)
    return lib


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("深圳", "深圳公交集团推出新线路"),
        ("公交", "深圳公交集团推出新线路"),
        ("夜间公交线路", "深圳公交集团推出新线路"),
        ("観光", "京都の観光客が増加"),
        ("観光客数", "京都の観光客が増加"),
    ],
)
def test_cjk_words_inside_a_run_are_found(tmp_path: Path, query: str, title: str) -> None:
    lib = _index(tmp_path / "lib", {"sz.md": SHENZHEN, "kyoto.md": KYOTO})
    hits = lib.search(query)
    assert [h.row.title for h in hits] == [title]
    (start, end), *_ = hits[0].matches
    assert hits[0].snippet[start:end] == query
    lib.close()


def test_cjk_with_other_words_needs_both(tmp_path: Path) -> None:
    lib = _index(
        tmp_path / "lib",
        {"sz.md": SHENZHEN, "sz2.md": "# Shenzhen buses\n\nThe 深圳 bus company adds routes.\n"},
    )
    assert [h.row.title for h in lib.search("深圳 routes")] == ["Shenzhen buses"]
    assert len(lib.search("深圳")) == 2
    assert lib.search("长沙") == []
    lib.close()


def test_margin_search_prints_a_cjk_hit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _index(tmp_path / "lib", {"sz.md": SHENZHEN}).close()
    assert main(["search", "公交"]) == 0
    assert "深圳公交集团推出新线路" in capsys.readouterr().out


def test_a_library_indexed_before_cjk_search_finds_cjk_after_the_upgrade(tmp_path: Path) -> None:
    """A database at schema 5 (before migration 6), holding a Chinese article
    as that version indexed it, gains the article's bigrams when opened."""
    title, text = "深圳公交集团推出新线路", SHENZHEN.split("\n\n", 1)[1]
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db)
    for script in store.MIGRATIONS[:5]:
        assert isinstance(script, str)
        conn.executescript(script)
    conn.execute(
        "INSERT INTO articles(id, path, title, status, added) VALUES (1, '/sz.md', ?, 'ok', 'x')",
        (title,),
    )
    conn.execute("INSERT INTO texts(article_id, title, text) VALUES (1, ?, ?)", (title, text))
    conn.execute(
        "INSERT INTO fts(rowid, title, byline, site, text) VALUES (1, ?, '', '', ?)", (title, text)
    )
    conn.execute("PRAGMA user_version = 5")
    conn.commit()
    conn.close()
    with Library.open(db) as lib:
        assert [h.row.title for h in lib.search("公交")] == [title]
        assert lib.integrity_check() == ["ok"]


def test_deleting_an_article_takes_it_out_of_the_cjk_index(tmp_path: Path) -> None:
    lib = _index(tmp_path / "lib", {"sz.md": SHENZHEN})
    (tmp_path / "lib" / "sz.md").write_text(KYOTO, encoding="utf-8")
    lib.scan([tmp_path / "lib"], jobs=1)
    assert lib.search("公交") == []
    assert [h.row.title for h in lib.search("観光")] == ["京都の観光客が増加"]
    assert lib.integrity_check() == ["ok"]
    lib.close()


def _mentions(place: str, times: int, words: int) -> str:
    """``words`` words of filler with ``place`` spread evenly ``times`` times."""
    filler = FILLER.split()
    body = [filler[i % len(filler)] for i in range(words)]
    for k in range(times):
        body[k * words // times] = place
    return " ".join(body)


def test_the_long_read_about_a_place_ranks_above_a_passing_mention(tmp_path: Path) -> None:
    files = {
        "long.md": "# A winter on the breakwater\n\n" + _mentions("Valletta", 30, 10000) + "\n",
        "short.md": "# Notes from a busy week\n\n" + _mentions("Valletta", 3, 200) + "\n",
    }
    for i in range(12):
        files[f"other{i}.md"] = f"# Council report {i}\n\n" + _mentions("budget", 5, 900) + "\n"
    lib = _index(tmp_path / "lib", files)
    titles = [h.row.title for h in lib.search("valletta")]
    assert titles == ["A winter on the breakwater", "Notes from a busy week"]
    lib.close()


def test_a_title_still_weighs_more_than_a_passing_mention(tmp_path: Path) -> None:
    files = {
        "titled.md": "# Valletta harbour reopens\n\n" + _mentions("Valletta", 1, 400) + "\n",
        "passing.md": "# Notes from a busy week\n\n" + _mentions("Valletta", 2, 400) + "\n",
    }
    lib = _index(tmp_path / "lib", files)
    assert lib.search("valletta")[0].row.title == "Valletta harbour reopens"
    lib.close()


def test_titles_sort_as_a_reader_reads_an_index(tmp_path: Path) -> None:
    titles = ["We Rewrote the Parser", "À Montréal, l'hiver", "“Quoted” first", "apples", "Zebra"]
    files = {f"{i}.md": f"# {t}\n\nA paragraph about {t}.\n" for i, t in enumerate(titles)}
    lib = _index(tmp_path / "lib", files)
    got = [r.title for r in lib.articles(sort="title")]
    assert got == [
        "À Montréal, l'hiver",
        "apples",
        "“Quoted” first",
        "We Rewrote the Parser",
        "Zebra",
    ]
    lib.close()


def test_a_snippet_marks_where_a_paragraph_runs_on_into_the_next() -> None:
    """A caption or heading (no full stop) and the paragraph after it are
    parted by a mark, not run into one sentence; a full stop parts them
    already. The matches' offsets stay those of the words."""
    from margin.library.search import CLOSE, OPEN, parse_snippet

    marked = (
        f"Ursula Kägi, an economic historian\n\nA retired {OPEN}crane{CLOSE} driver.\n\nHe left."
    )
    text, spans = parse_snippet(marked)
    assert text == "Ursula Kägi, an economic historian · A retired crane driver. He left."
    (span,) = spans
    assert text[span[0] : span[1]] == "crane"


def test_an_empty_query_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "  "]) == 2
    assert capsys.readouterr().err.startswith("margin: give words to search for")
