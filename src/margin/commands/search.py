"""``margin search QUERY [--json]``: ranked full-text search with snippets."""

from __future__ import annotations

import argparse
import json

from margin.errors import UsageError
from margin.library import Library
from margin.sanitize import clean_field, display_path


def run(args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise UsageError('give words to search for (as in: margin search "sea wall")')
    with Library.open() as lib:
        hits = lib.search(
            args.query,
            limit=args.limit,
            bookmarked=args.bookmarked,
            has_notes=args.has_notes,
            site=args.site,
            entity=args.entity,
            tag=args.tag,
        )
    if args.json:
        out = []
        for h in hits:
            d = h.row.to_dict()
            d.update(snippet=h.snippet, score=round(h.score, 4), matches=h.matches)
            out.append(d)
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no matches")
        return 0
    for h in hits:
        where = display_path(h.row.path) if h.row.path else clean_field(h.row.url) or ""
        title = clean_field(h.row.title) or where
        print(f"{title}\n  {where}\n  {clean_field(h.snippet) or ''}\n")
    return 0
