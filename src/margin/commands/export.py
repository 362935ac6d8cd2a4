"""``margin export [--format markdown|json] [--out DIR]``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from margin import export
from margin.commands import open_library
from margin.errors import MarginError, UsageError
from margin.sanitize import display_path
from margin.wording import counted


def run(args: argparse.Namespace) -> int:
    with open_library(args.settings) as lib:
        if args.out is None:
            text = export.render(lib, args.format)
            sys.stdout.write(text)
            if not text:  # Markdown of nothing: say so where it will be seen
                sys.stderr.write("margin: no highlights or notes to export\n")
            return 0
        out = Path(os.path.realpath(args.out))
        for folder in lib.folders():
            root = os.path.realpath(folder)
            if str(out) == root or str(out).startswith(root.rstrip(os.sep) + os.sep):
                raise UsageError(
                    f"{display_path(out)} is inside the library folder {display_path(root)}; "
                    "margin never writes into library folders"
                )
        try:
            written = export.write(lib, args.format, out)
        except OSError as exc:
            raise MarginError(f"cannot write to {display_path(out)}: {_why(exc)}") from None
    print(f"wrote {counted(len(written), 'file')} to {display_path(out)}")
    return 0


def _why(exc: OSError) -> str:
    if isinstance(exc, FileExistsError | NotADirectoryError):
        return "a file of that name is in the way (give a folder)"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)
