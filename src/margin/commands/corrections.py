"""``margin corrections [FILE] [--json] [--remove ID]``: the reader's cuts,
keeps and site rules with their state; and the one line each of ``margin
cut``/``keep``/``corrections --remove`` prints."""

from __future__ import annotations

import argparse
import json
from typing import Any

from margin.commands import known_article, open_library
from margin.errors import UsageError
from margin.library.corrections import Correction
from margin.sanitize import clean_field, clean_text, display_path
from margin.wording import counted

_SHOWN_QUOTE = 60  # characters of a quote shown on one line


def quote_argument(text: str) -> str:
    """The ``--quote`` given, controls removed; UsageError when blank."""
    quote = clean_text(text)
    if not quote.strip():
        raise UsageError("the quote is empty")
    return quote


def shown(text: str) -> str:
    """A quote on one line, shortened."""
    line = " ".join((clean_field(text) or "").split())
    return line if len(line) <= _SHOWN_QUOTE else line[: _SHOWN_QUOTE - 3] + "..."


def site_name(c: Correction) -> str:
    """A site rule's site as a user reads it ("host example.org")."""
    site = display_path(c.site or "") if c.scope == "folder" else clean_field(c.site) or ""
    return f"{c.scope} {site}"


def said(c: Correction) -> str:
    """What a correction does, in one line."""
    what = f'"{shown(c.exact)}"'
    title = clean_field(c.title) or ""
    if c.is_rule:
        count = f"{c.articles} article{'s' if c.articles != 1 else ''}"
        return f"cut {what} from every article of {site_name(c)} (site rule #{c.id}; {count})"
    if c.action == "keep":
        return f"kept {what} in {title} (#{c.id})"
    return f"cut {what} from {title} (#{c.id})"


def to_dict(c: Correction) -> dict[str, Any]:
    return {
        "id": c.id,
        "action": c.action,
        "quote": c.exact,
        "prefix": c.prefix,
        "suffix": c.suffix,
        "scope": c.scope,
        "site": display_path(c.site) if c.scope == "folder" and c.site else c.site,
        "article": display_path(c.article_path) if c.article_path else None,
        "title": c.title,
        "state": c.state,
        "articles": c.articles if c.is_rule else None,
        "created": c.created,
    }


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib:
        if args.remove is not None:
            gone = lib.remove_correction(args.remove)
            print(f"removed: {said(gone)}")
            return 0
        known_article(lib, args.file)
        items = lib.corrections(args.file)
    if args.json:
        print(json.dumps([to_dict(c) for c in items], ensure_ascii=False, indent=2))
    else:
        _print(items)
    return 0


def _print(items: list[Correction]) -> None:
    if not items:
        print("no corrections")
        return
    current: str | None = None
    for c in items:
        place = "site rules" if c.is_rule else c.article_path or ""
        if place != current:
            current = place
            head = place if c.is_rule else f"{clean_field(c.title) or ''}\n  {display_path(place)}"
            print(head)
        where = f"  {site_name(c)}, {counted(c.articles, 'article')}" if c.is_rule else ""
        print(f'  #{c.id} {c.action:<4} {c.state:<10} "{shown(c.exact)}"{where}')
