"""``margin cut FILE --quote TEXT [--site]``: hide the block holding TEXT
from the article (with ``--site``, from every article of its site).

Exits 0 once the cut is durably saved, 1 with one line when the article
does not hold TEXT."""

from __future__ import annotations

import argparse

from margin.commands import open_library
from margin.commands.corrections import quote_argument, said


def run(args: argparse.Namespace) -> int:
    quote = quote_argument(args.quote)
    with open_library(args.settings) as lib:
        made = lib.cut(args.file, quote, site=args.site)
    print(said(made))
    return 0
