"""Each command's --help says what it does and gives examples, and every
example is a command line margin accepts."""

from __future__ import annotations

import re
import shlex

import pytest

from margin import cli, cli_help


def _help(name: str) -> str:
    action = cli.build_parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    return action.choices[name].format_help()  # type: ignore[index]


def _argv(example: str) -> list[str]:
    """An example's arguments: no comment after two spaces, no redirection."""
    line = re.split(r"\s{2,}", example)[0]
    words = shlex.split(line)
    assert words[0] == "margin", example
    cut = next((i for i, w in enumerate(words) if w in {">", "<", "|"}), len(words))
    return words[1:cut]


@pytest.mark.parametrize("name", cli.COMMANDS)
def test_every_command_says_what_it_does_and_shows_how(name: str) -> None:
    text = _help(name)
    said = text.split("\n\n")[1]  # after the usage
    assert not said.startswith(("positional arguments", "options")), said
    assert said.rstrip().endswith("."), said
    assert f"\nexamples:\n  margin {name}" in text


@pytest.mark.parametrize(
    "example", [e for lines in cli_help.EXAMPLES.values() for e in lines], ids=str
)
def test_every_example_parses(example: str) -> None:
    argv = _argv(example)
    args = cli.build_parser().parse_args(argv)
    assert args.command == argv[0]


def test_import_names_the_formats_it_reads() -> None:
    text = _help("import")
    for fmt in ("Omnivore", "Pocket", "Wallabag", "Instapaper", "Readwise", "Hypothesis", "WARC"):
        assert fmt in text


def test_list_offers_the_cores_sorts_and_filters() -> None:
    """The parser spells the choices out (importing the library would slow
    every command's start): they must stay the core's."""
    from margin.library.queries import FILTERS, SORTS

    action = cli.build_parser()._subparsers._group_actions[0]  # type: ignore[union-attr]
    options = {a.dest: a.choices for a in action.choices["list"]._actions}  # type: ignore[index]
    assert tuple(options["sort"]) == SORTS and tuple(options["filter"]) == FILTERS
