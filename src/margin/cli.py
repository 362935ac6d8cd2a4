"""margin's command line. Every command calls the core; none imports the UI
except the bare ``margin [DIR|FILE]`` form, which starts the app.

Each subcommand's work lives in ``margin.commands.<name>.run(args) -> int``;
this module only parses arguments and turns failures into one-line errors.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from margin import __version__, cli_help, entities
from margin.config import Config, load_config
from margin.errors import MarginError
from margin.sanitize import clean_message

COMMANDS = (
    "extract",
    "index",
    "list",
    "search",
    "annotate",
    "notes",
    "bookmark",
    "export",
    "entities",
    "cut",
    "keep",
    "corrections",
    "import",
    "add",
    "fetch",
    "tag",
    "archive",
)

#: Commands whose module is not named as the command ("import" is a keyword).
_MODULES = {"import": "import_export"}

_EPILOG = """\
With no command, margin opens the reader:
  margin            the library of every folder margin knows, plus its inbox
  margin DIR        the library of DIR (remembered for next time)
  margin FILE       FILE straight in the reader

State lives in $MARGIN_HOME (default: the platform's user data folder).
Run 'margin COMMAND --help' for a command's options.
"""


# The marks are commands.extract.MARKS (not imported here: it loads the
# extractor, which most commands never need).
SHOW_CUT_HELP = """\
--show-cut prints the page's whole text, one block (paragraph, heading,
list item, line) after another, a blank line between blocks and a mark
before each line of a block:
       | shown: part of the article
  drop | dropped by margin's extraction
  cut  | cut by you (margin cut, or a site rule)
  keep | kept by you (margin keep)
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"margin: {clean_message(message)}\n")
        raise SystemExit(2)


def _command(
    sub: argparse._SubParsersAction[_Parser], name: str, summary: str, more: str = ""
) -> _Parser:
    """The parser of command ``name``: ``summary`` in the command list, and
    in its --help a description, ``more`` and examples (``cli_help``)."""
    parser: _Parser = sub.add_parser(
        name,
        help=summary,
        description=cli_help.description(name, summary),
        epilog=cli_help.epilog(name, more),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    return parser


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="margin",
        description="A keyboard-driven terminal reader for articles saved from the web.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"margin {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = _command(sub, "extract", "print the clean article from a saved page", SHOW_CUT_HELP)
    p.add_argument("file", help="a saved page: HTML, MHTML, plain text or Markdown")
    p.add_argument(
        "--format",
        choices=("text", "markdown", "json"),
        default="text",
        help="output format (default: text)",
    )
    p.add_argument("--no-entities", action="store_true", help="skip entity recognition in JSON")
    p.add_argument(
        "--raw", action="store_true", help="the extractor alone, without your cuts and keeps"
    )
    p.add_argument(
        "--show-cut",
        action="store_true",
        help="print the whole page with each block marked (see below)",
    )

    p = _command(sub, "index", "scan library folders and index their articles")
    p.add_argument("dirs", nargs="*", metavar="DIR", help="folders to index (default: all known)")
    p.add_argument(
        "--jobs", "-j", type=int, default=0, help="worker processes (default: all cores)"
    )
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = _command(sub, "list", "list articles in the library")
    p.add_argument("dir", nargs="?", metavar="DIR", help="only articles under DIR")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument(
        "--sort",
        choices=("title", "date", "added", "progress", "length", "site"),
        default="added",
        help="sort order (default: added)",
    )
    p.add_argument(
        "--filter",
        choices=(
            "all",
            "unread",
            "bookmarked",
            "annotated",
            "archived",
            "pending",
            "failed",
            "skipped",
        ),
        default="all",
        help="which articles (default: all)",
    )
    p.add_argument("--reverse", action="store_true", help="reverse the sort order")
    p.add_argument("--entity", help="only articles that mention this entity")
    p.add_argument("--tag", help="only articles with this tag")

    p = _command(sub, "search", "full-text search over the library")
    p.add_argument("query", help='words to find (FTS5 syntax: "phrases", OR, prefix*)')
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--limit", type=int, default=20, help="at most this many results (default: 20)")
    p.add_argument("--bookmarked", action="store_true", help="only bookmarked articles")
    p.add_argument("--has-notes", action="store_true", help="only articles with highlights")
    p.add_argument("--site", help="only articles from this site")
    p.add_argument("--entity", help="only articles that mention this entity")
    p.add_argument("--tag", help="only articles with this tag")

    p = _command(sub, "annotate", "highlight a quote in an article, with an optional note")
    p.add_argument("file", help="the article")
    p.add_argument("--quote", required=True, help="the text to highlight (first occurrence)")
    p.add_argument("--note", help="a note to attach to the highlight")

    p = _command(sub, "notes", "list highlights and notes")
    p.add_argument("file", nargs="?", help="only this article's")
    p.add_argument("--json", action="store_true", help="print a JSON array")

    p = _command(sub, "bookmark", "bookmark an article (or remove the bookmark)")
    p.add_argument("file", help="the article")
    p.add_argument("--off", action="store_true", help="remove the bookmark")

    p = _command(sub, "export", "export highlights and notes")
    p.add_argument("--format", choices=("markdown", "json"), default="markdown")
    p.add_argument("--out", metavar="DIR", help="folder to write into (default: print)")

    p = _command(sub, "cut", "drop the block holding a quote from an article")
    p.add_argument("file", help="the article")
    p.add_argument("--quote", required=True, help="text of the block to drop, as margin shows it")
    p.add_argument(
        "--site",
        action="store_true",
        help="a rule for every article of the same site (URL host, else site name, else folder)",
    )

    p = _command(sub, "keep", "bring back a block of the page that margin dropped")
    p.add_argument("file", help="the article")
    p.add_argument("--quote", required=True, help="text of the block, as the page has it")

    p = _command(sub, "corrections", "list (or remove) your cuts, keeps and site rules")
    p.add_argument("file", nargs="?", help="only this article's (and its site's rules)")
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--remove", type=int, metavar="ID", help="remove the correction ID")

    p = _command(sub, "entities", "list the named entities in an article")
    p.add_argument("file", nargs="?", help="the article")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument(
        "--library", action="store_true", help="the most mentioned entities across the library"
    )
    p.add_argument("--limit", type=int, default=50, help="at most this many (with --library)")
    _bringing_in(sub)
    return parser


def _bringing_in(sub: argparse._SubParsersAction[_Parser]) -> None:
    """The commands that bring articles in, and tag and archive them."""
    p = _command(sub, "import", "import a read-later export (Omnivore, Pocket, ...)")
    p.add_argument("path", help="the export file, whatever its name (its format is sniffed)")
    p.add_argument("--fetch", action="store_true", help="then fetch the pending articles")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = _command(sub, "add", "fetch web pages into margin's inbox and index them")
    p.add_argument("urls", nargs="+", metavar="URL", help="http(s) addresses; - reads stdin")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = _command(sub, "fetch", "fetch the pending articles of an import")
    p.add_argument(
        "--retry-failed", action="store_true", help="also those whose fetch failed before"
    )
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar")

    p = _command(sub, "tag", "tag an article (or take tags off)")
    p.add_argument("article", metavar="FILE_OR_URL", help="the article's file or address")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--remove", action="store_true", help="take these tags off")

    p = _command(sub, "archive", "mark an article archived (read), or not")
    p.add_argument("article", metavar="FILE_OR_URL", help="the article's file or address")
    p.add_argument("--off", action="store_true", help="take it out of the archive")


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-"):
        return _open_app(argv)
    if not argv:
        return _open_app([])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        return _open_app([])
    name = _MODULES.get(args.command, args.command)
    module = importlib.import_module(f"margin.commands.{name}")
    args.settings = _settings()
    entities.configure(backend=args.settings.entity_backend, pipeline=args.settings.spacy_pipeline)
    try:
        result: int = module.run(args)
        return result
    except MarginError as exc:
        sys.stderr.write(f"margin: {clean_message(str(exc))}\n")
        return exc.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("margin: interrupted\n")
        return 130
    except BrokenPipeError:
        # Output piped into `head` and closed: not an error for the user.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _settings() -> Config:
    """config.toml, its mistakes told once, as one warning line each."""
    settings = load_config()
    for problem in settings.problems:
        sys.stderr.write(f"margin: warning: config.toml: {clean_message(problem)}\n")
    return settings


def _open_app(argv: list[str]) -> int:
    parser = _Parser(
        prog="margin",
        description="Open the reader.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("target", nargs="?", help="a library folder or a saved page")
    args = parser.parse_args(argv)
    try:
        from margin.ui.launch import launch
    except ImportError as exc:  # pragma: no cover - the UI ships with the package
        sys.stderr.write(f"margin: the reader is not available: {clean_message(str(exc))}\n")
        return 1
    try:
        return launch(args.target)
    except MarginError as exc:
        sys.stderr.write(f"margin: {clean_message(str(exc))}\n")
        return exc.exit_code
