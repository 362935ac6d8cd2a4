"""``margin cut``, ``margin keep``, ``margin corrections`` and ``margin
extract --raw/--show-cut``: what a user types and sees, exit codes and all."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cut_pages import CHROME, RELATED, news_page, save
from test_library import PARAGRAPHS

from margin import cli, paths
from margin.cli import main
from margin.commands.extract import MARKS


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def art(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    page = save(tmp_path / "lib" / "breakwater.html", news_page())
    assert _run(capsys, "index", "-q", page.parent)[0] == 0
    return page


def _failed(code: int, out: str, err: str, exit_code: int = 1) -> str:
    assert (code, out) == (exit_code, "")
    assert err.startswith("margin: ") and "Traceback" not in err
    return err


def test_cut_says_what_it_cut_and_extract_applies_it(
    art: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, "cut", art, "--quote", "Carmelo Vella")
    assert (code, err) == (0, "")
    assert out == 'cut "Carmelo Vella" from Repairs begin on the Valletta breakwater (#1)\n'
    code, out, _ = _run(capsys, "extract", art)
    assert code == 0 and CHROME not in out and "Maria Borg" in out
    code, out, _ = _run(capsys, "extract", art, "--raw")
    assert code == 0 and CHROME in out
    code, out, _ = _run(capsys, "extract", art, "--format", "json")
    found = json.loads(out)
    assert CHROME not in found["text"]
    assert all(found["text"][e["start"] : e["end"]] == e["text"] for e in found["entities"])
    assert "Carmelo Vella" not in {e["text"] for e in found["entities"]}


def test_cut_and_keep_refuse_with_one_line(art: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = _failed(*_run(capsys, "cut", art, "--quote", "words from another story"))
    assert err.count("\n") == 1 and "not in" in err
    err = _failed(*_run(capsys, "keep", art, "--quote", "Maria Borg"))
    assert err.count("\n") == 1 and "already shown" in err
    err = _failed(*_run(capsys, "keep", art, "--quote", "words from another story"))
    assert "not on the page" in err
    _failed(*_run(capsys, "cut", art, "--quote", "  "), exit_code=2)
    _failed(*_run(capsys, "cut", art.with_name("gone.html"), "--quote", "x"))
    assert _run(capsys, "corrections") == (0, "no corrections\n", "")


def test_show_cut_marks_every_block_once(art: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _run(capsys, "cut", art, "--quote", CHROME)
    _run(capsys, "keep", art, "--quote", "Ferry prices rise")
    code, out, _ = _run(capsys, "extract", art, "--show-cut")
    assert code == 0
    blocks = out.rstrip("\n").split("\n\n")
    marks = [b.split(" | ", 1) for b in blocks]
    assert ["drop", "Home News Sport"] in marks
    assert ["cut ", CHROME] in marks and ["keep", RELATED] in marks
    assert ["    ", PARAGRAPHS[1]] in marks
    assert all(len(m) == 2 and m[0].strip() in MARKS.values() for m in marks)
    code, out, _ = _run(capsys, "extract", art, "--show-cut", "--raw")
    assert ["    ", CHROME] in [b.split(" | ", 1) for b in out.rstrip("\n").split("\n\n")]
    code, out, _ = _run(capsys, "extract", art, "--show-cut", "--format", "json")
    page = json.loads(out)["page"]
    assert {"state": "kept", "kind": "list_item", "text": RELATED, "correction": 2} in page
    _failed(*_run(capsys, "extract", art, "--show-cut", "--format", "markdown"), exit_code=2)


def test_the_help_tells_every_mark() -> None:
    for mark in MARKS.values():
        assert f"  {mark:<4} | " in cli.SHOW_CUT_HELP
    assert (
        "--show-cut"
        in cli.build_parser()
        ._subparsers._group_actions[0]
        .choices[  # type: ignore[union-attr]
            "extract"
        ]
        .format_help()
    )


def test_corrections_lists_states_and_removes(
    art: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "cut", art, "--quote", CHROME)
    other = save(tmp_path / "lib" / "ferry.html", news_page(title="Ferry season opens", slug="f"))
    code, out, _ = _run(capsys, "cut", other, "--quote", "Carmelo", "--site")
    assert code == 0
    assert out.startswith('cut "Carmelo" from every article of host harbourtimes.example')
    code, out, _ = _run(capsys, "corrections", "--json")
    items = json.loads(out)
    assert [(c["id"], c["action"], c["scope"], c["state"]) for c in items] == [
        (1, "cut", "article", "applied"),
        (2, "cut", "host", "applied"),
    ]
    assert items[0]["article"] == str(art.resolve()) and items[1]["site"] == "harbourtimes.example"
    assert items[1]["articles"] == 1  # the first article was cut already, by its own cut
    code, out, _ = _run(capsys, "corrections", art)
    assert code == 0 and "#1 cut  applied" in out and "#2 cut  unmatched" in out
    code, out, _ = _run(capsys, "corrections", "--remove", "2")
    assert code == 0 and out.startswith('removed: cut "Carmelo" from every article')
    assert CHROME in _run(capsys, "extract", other)[1]
    _failed(*_run(capsys, "corrections", "--remove", "2"))
    _failed(*_run(capsys, "corrections", tmp_path / "nope.html"))


def test_extract_applies_a_site_rule_to_a_page_outside_the_library(
    art: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _run(capsys, "cut", art, "--quote", CHROME, "--site")
    elsewhere = save(tmp_path / "downloads" / "marina.html", news_page(slug="marina"))
    code, out, _ = _run(capsys, "extract", elsewhere)
    assert code == 0 and CHROME not in out and "Maria Borg" in out
    assert CHROME in _run(capsys, "extract", elsewhere, "--raw")[1]


def test_extract_reads_no_database_it_does_not_have(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = save(tmp_path / "p.html", news_page())
    code, out, _ = _run(capsys, "extract", page)
    assert code == 0 and CHROME in out
    assert not paths.database_path().exists()


def test_extract_with_a_damaged_database_warns_and_prints_the_extraction(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = save(tmp_path / "p.html", news_page())
    paths.database_path().parent.mkdir(parents=True, exist_ok=True)
    paths.database_path().write_bytes(b"not a database at all" * 100)
    code, out, err = _run(capsys, "extract", page)
    assert code == 0 and CHROME in out
    assert err.startswith("margin: warning: your corrections are not applied: ")
    assert err.count("\n") == 1
