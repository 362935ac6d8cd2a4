"""``margin annotate FILE --quote TEXT [--note TEXT]``.

Exits 0 only after the highlight is committed (synchronous=FULL, WAL)."""

from __future__ import annotations

import argparse

from margin.commands import open_library
from margin.errors import UsageError
from margin.sanitize import clean_field, clean_text


def run(args: argparse.Namespace) -> int:
    quote = clean_text(args.quote)
    if not quote.strip():
        raise UsageError("the quote is empty")
    note = clean_text(args.note) if args.note is not None else None
    with open_library(args.settings) as lib:
        h = lib.annotate(args.file, quote, note)
    shown = clean_field(h.exact) or ""
    if len(shown) > 60:
        shown = shown[:57] + "..."
    print(f'highlighted "{shown}" in {clean_field(h.title) or ""} (#{h.id})')
    return 0
