"""``margin entities FILE [--json]``: the named entities of one article;
``margin entities --library [--json] [--limit N]``: the most mentioned
entities across the library, with the articles that mention them."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from margin.errors import DatabaseError, UsageError
from margin.model import Article, Entity
from margin.sanitize import one_line

#: Articles listed under each entity in the text output (JSON has them all).
_SHOWN_ARTICLES = 3


def _fit(text: str, width: int) -> str:
    text = one_line(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def run(args: argparse.Namespace) -> int:
    if getattr(args, "library", False):
        if getattr(args, "file", None):
            raise UsageError("entities: give a FILE or --library, not both")
        return _library(args)
    if not getattr(args, "file", None):
        raise UsageError("entities: give a FILE (or --library)")
    return _one_file(args)


# -- one article -------------------------------------------------------------


def _indexed(path: str) -> Article | None:
    """The article as the library stored it, if the file is indexed and
    unchanged; never creates a database or indexes the file."""
    from margin import paths

    if not paths.database_path().exists():
        return None
    from margin.library import Library

    try:
        with Library.open() as lib:
            return lib.cached_article(path)
    except DatabaseError:
        return None  # the file can still be read on its own


def _one_file(args: argparse.Namespace) -> int:
    article = _indexed(args.file)
    if article is not None:
        entities = article.entities
    else:
        from margin.entities import add_entities
        from margin.ingest.pipeline import extract_file

        settings = args.settings
        article = extract_file(
            args.file, max_bytes=settings.max_bytes, timeout=settings.extract_timeout
        )
        add_entities(article)  # skips code blocks
        entities = article.entities
    if args.json:
        data = [e.to_dict() for e in entities]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    return _print_summary(entities)


def _print_summary(entities: list[Entity]) -> int:
    from margin.entities import entity_summary

    rows = [(one_line(s.text), s.label, str(s.count)) for s in entity_summary(entities)]
    if not rows:
        sys.stdout.write("no entities found\n")
        return 0
    width = min(48, max(len("entity"), *(len(r[0]) for r in rows)))
    sys.stdout.write(f"{'entity':<{width}}  {'label':<6}  count\n")
    for text, label, count in rows:
        sys.stdout.write(f"{_fit(text, width):<{width}}  {label:<6}  {count:>5}\n")
    return 0


# -- the library -------------------------------------------------------------


def _library(args: argparse.Namespace) -> int:
    from margin.library import Library
    from margin.sanitize import clean_field, display_path

    limit = args.limit
    if limit is None or limit < 1:
        raise UsageError("entities: --limit must be at least 1")
    with Library.open() as lib:
        top = lib.library_entities(limit)
        found = [(e, lib.entity_articles(e.text, e.label)) for e in top]
    if args.json:
        out: list[dict[str, Any]] = []
        for e, arts in found:
            out.append(
                {
                    "text": e.text,
                    "label": e.label,
                    "mentions": e.count,
                    "article_count": e.articles,
                    "articles": [
                        {
                            "path": display_path(row.path),
                            "title": row.title,
                            "mentions": n,
                        }
                        for row, n in arts
                    ],
                }
            )
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not found:
        sys.stdout.write("no entities in the library (run 'margin index' first)\n")
        return 0
    width = min(40, max(len("entity"), *(len(one_line(e.text)) for e, _ in found)))
    sys.stdout.write(f"{'entity':<{width}}  {'label':<6}  mentions  articles\n")
    for e, arts in found:
        sys.stdout.write(
            f"{_fit(e.text, width):<{width}}  {e.label:<6}  {e.count:>8}  {e.articles:>8}\n"
        )
        for row, n in arts[:_SHOWN_ARTICLES]:
            title = clean_field(row.title) or os.path.basename(display_path(row.path))
            sys.stdout.write(f"    {_fit(title, 70)} ({n})\n")
        if len(arts) > _SHOWN_ARTICLES:
            sys.stdout.write(f"    … and {len(arts) - _SHOWN_ARTICLES} more\n")
    return 0
