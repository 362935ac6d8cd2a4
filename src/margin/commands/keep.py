"""``margin keep FILE --quote TEXT``: bring back the block of the page
holding TEXT that margin does not show.

Exits 0 once the keep is durably saved, 1 with one line when the page does
not hold TEXT or margin shows it already."""

from __future__ import annotations

import argparse

from margin.commands import open_library
from margin.commands.corrections import quote_argument, said


def run(args: argparse.Namespace) -> int:
    quote = quote_argument(args.quote)
    with open_library(args.settings) as lib:
        made = lib.keep(args.file, quote)
    print(said(made))
    return 0
