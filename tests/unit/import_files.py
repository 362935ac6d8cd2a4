"""Export files written by the tests, to the services' specifications."""

from __future__ import annotations

import csv
import io
import json
import warnings
import zipfile
from collections.abc import Iterable
from pathlib import Path


def write_zip(path: Path, entries: Iterable[tuple[str, str | bytes]]) -> Path:
    """A ZIP of ``entries`` in order; a name may repeat, as in newer Omnivore exports."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "Duplicate name"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
    return path


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    path.write_text(csv_text(rows, delimiter), encoding="utf-8", newline="")
    return path


def write_json(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path
