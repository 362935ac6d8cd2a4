"""Where a new user's mistake used to pass in silence or end in a traceback:
every failure is one ``margin:`` line and a status that follows one rule
(1: the input can't be read or isn't there; 2: the command line is wrong)."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_library import page, write

from margin import paths
from margin.cli import main
from margin.library import Library


def _one_margin_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("margin: "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture
def annotated(tmp_path: Path) -> Path:
    """A library with one highlighted article, so an export has a file to write."""
    art = write(tmp_path / "lib" / "a.html", page())
    with Library.open() as lib:
        lib.scan([tmp_path / "lib"], jobs=1)
        lib.annotate(art, "wave tank", "who built it?")
    return art


@pytest.mark.parametrize("where", ["a file", "under a file", "in /proc"])
def test_export_to_a_folder_that_cannot_be_made_is_one_line(
    where: str, annotated: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "notes.md"
    blocker.write_text("mine\n")
    out = {"a file": blocker, "under a file": blocker / "sub", "in /proc": Path("/proc/x")}[where]
    assert main(["export", "--out", str(out)]) == 1
    line = _one_margin_line(capsys.readouterr().err)
    assert "cannot write to" in line
    assert blocker.read_text() == "mine\n"  # the user's file is left alone


def test_list_of_a_missing_folder_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["list", str(tmp_path / "nowhere")]) == 1
    assert "no such folder" in _one_margin_line(capsys.readouterr().err)


def test_list_of_a_folder_never_indexed_says_what_to_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "saved"
    write(folder / "a.html", page())
    assert main(["list", str(folder)]) == 1
    line = _one_margin_line(capsys.readouterr().err)
    assert "not in the library" in line and f"margin index {folder}" in line
    assert main(["index", "-q", str(folder)]) == 0
    capsys.readouterr()
    assert main(["list", str(folder)]) == 0
    assert "Valletta breakwater" in capsys.readouterr().out


def test_list_of_an_empty_library_says_how_to_fill_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["list"]) == 0
    assert "margin index" in capsys.readouterr().out


def test_notes_for_a_missing_file_is_not_no_highlights(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", str(tmp_path / "gone.html")]) == 1
    out, err = capsys.readouterr()
    assert "no highlights" not in out
    assert "no such file" in _one_margin_line(err)


def test_notes_for_a_moved_away_file_still_lists_what_is_stored(
    annotated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    annotated.unlink()
    assert main(["notes", str(annotated)]) == 0
    assert "wave tank" in capsys.readouterr().out


@pytest.mark.parametrize("command", [[], ["extract"], ["entities"], ["notes"]])
def test_a_missing_file_is_status_1_for_every_command(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = str(tmp_path / "nonexistent.html")
    assert main([*command, missing]) == 1
    assert "cannot read" in _one_margin_line(capsys.readouterr().err)


def test_a_wrong_command_line_is_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["list", "--sort", "colour"])
    assert exc.value.code == 2
    assert "margin: " in capsys.readouterr().err


def test_config_mistakes_are_one_warning_each_and_the_default_is_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths.ensure_home()
    paths.config_path().write_text('column_width = 500\ncolum_width = 70\nentities = "yes"\n')
    assert main(["list"]) == 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 3, err
    assert all(line.startswith("margin: warning: config.toml: ") for line in err)
    assert any("column_width" in line and "40 to 120" in line for line in err)
    assert any("colum_width" in line and "not a setting" in line for line in err)


def test_column_width_out_of_range_uses_the_default_not_a_clamp() -> None:
    from margin.config import DEFAULT_COLUMN, parse_config

    assert parse_config({"column_width": 500}).column_width == DEFAULT_COLUMN
    assert parse_config({"column_width": 10}).column_width == DEFAULT_COLUMN
    assert parse_config({"column_width": 100}).column_width == 100


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", 'theme = "gruvbox"\n'),
        ('theme = "nord"  # dark\n', 'theme = "gruvbox"  # dark\n'),
        (
            '# mine\nentities = false\n\n[keys]\ntheme = "x"\n',
            '# mine\nentities = false\ntheme = "gruvbox"\n\n[keys]\ntheme = "x"\n',
        ),
    ],
)
def test_saving_a_setting_keeps_the_rest_of_the_file(before: str, after: str) -> None:
    from margin.config import save_setting

    paths.ensure_home()
    paths.config_path().write_text(before)
    save_setting("theme", "gruvbox")
    assert paths.config_path().read_text() == after


def test_list_says_100_percent_only_at_the_end(
    annotated: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Library.open() as lib:
        lib.set_position(annotated, 10, 0.996)
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert " 99% " in out and "100%" not in out
    with Library.open() as lib:
        lib.set_position(annotated, 10, 1.0)
    assert main(["list"]) == 0
    assert " done " in capsys.readouterr().out
