"""``margin extract FILE [--format text|markdown|json] [--raw] [--show-cut]``.

The article as margin shows it: with the reader's corrections stored for
the file and its site (``margin cut``/``keep``) applied, unless ``--raw``.
``--show-cut`` prints the whole page instead, each block marked."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from margin import paths
from margin.errors import DatabaseError, UsageError
from margin.ingest.pipeline import extract_bytes, read_file
from margin.library.corrections import (
    CUT_BY_READER,
    DROPPED,
    KEPT_BY_READER,
    SHOWN,
    Correction,
)
from margin.model import Article

if TYPE_CHECKING:
    from margin.config import Config
    from margin.library.page_view import PageView
from margin.sanitize import clean_message

#: ``--show-cut``'s mark for each block, before a bar and the block's text
#: (told in ``margin extract --help``: cli.SHOW_CUT_HELP).
MARKS = {SHOWN: "", DROPPED: "drop", CUT_BY_READER: "cut", KEPT_BY_READER: "keep"}


def to_markdown(article: Article) -> str:
    lines: list[str] = []
    if article.title:
        lines += [f"# {article.title}", ""]
    if article.dek:
        lines += [f"*{article.dek}*", ""]
    meta = [
        ("Author", article.byline),
        ("Site", article.site),
        ("Published", article.published),
        ("URL", article.url),
    ]
    shown = [f"- {k}: {v}" for k, v in meta if v]
    if shown:
        lines += [*shown, ""]
    for block in article.blocks:
        if block.kind == "heading":
            lines.append(f"{'#' * min(6, max(2, block.level))} {block.text}")
        elif block.kind == "list_item":
            lines.append(f"{'  ' * max(0, block.level - 1)}- {block.text}")
        elif block.kind == "quote":
            lines.append("\n".join(f"> {ln}" for ln in block.text.split("\n")))
        elif block.kind == "code":
            lines.append(f"```\n{block.text}\n```")
        elif block.kind == "caption":
            lines.append(f"*{block.text}*")
        elif block.kind == "table_row":
            lines.append(f"| {block.text} |")
        else:
            lines.append(block.text)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    if args.show_cut and args.format == "markdown":
        raise UsageError("--show-cut prints text or JSON, not Markdown")
    article, page = _extract(args)
    if args.format == "json" and not args.no_entities:
        from margin.entities import add_entities

        add_entities(article)
    if args.format == "json":
        found = article.to_dict()
        if page is not None and args.show_cut:
            found["page"] = [
                {"state": b.state, "kind": b.kind, "text": b.text, "correction": b.correction}
                for b in page.blocks
            ]
        out = json.dumps(found, ensure_ascii=False, indent=2)
    elif page is not None and args.show_cut:
        out = show_cut([(b.state, b.text) for b in page.blocks])
    elif args.format == "markdown":
        out = to_markdown(article)
    else:
        out = article.text
    sys.stdout.write(out.rstrip("\n") + "\n")
    sys.stdout.flush()
    return 0


def _extract(args: argparse.Namespace) -> tuple[Article, PageView | None]:
    """The article as margin shows it (or, ``--raw``, as extracted), and
    the page view when one was needed (corrections, ``--show-cut``)."""
    settings = args.settings
    data = read_file(args.file, settings.max_bytes)
    suffix = Path(args.file).suffix.lower()
    article = extract_bytes(
        data,
        source=str(args.file),
        suffix=suffix,
        max_bytes=settings.max_bytes,
        timeout=settings.extract_timeout,
    )
    found = [] if args.raw else _stored_corrections(article, settings)
    if not (found or args.show_cut):
        return article, None
    from margin.ingest.page import page_of
    from margin.library.page_view import apply

    view = apply(page_of(article, data, suffix, settings.max_bytes), found)
    return view.article, view


def show_cut(blocks: list[tuple[str, str]]) -> str:
    """The page's blocks, (state, text) each, marked as ``--help`` says."""
    out = []
    for state, text in blocks:
        mark = f"{MARKS[state]:<4} | "
        out.append("\n".join(mark + line for line in text.split("\n")))
    return "\n\n".join(out)


def _stored_corrections(article: Article, settings: Config) -> list[Correction]:
    """The corrections stored for the article's file and site; none without
    a database (extracting a file creates none), a warning when it cannot
    be read."""
    if not paths.database_path().exists():
        return []
    from margin.commands import open_library

    try:
        with open_library(settings) as lib:
            return lib.corrections_for(article)
    except DatabaseError as exc:
        sys.stderr.write(
            f"margin: warning: your corrections are not applied: {clean_message(str(exc))}\n"
        )
        return []
