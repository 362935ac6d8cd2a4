"""Promise 1: a second running margin neither fails nor loses anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from test_library import page, write

from margin.library import Library

WRITER = """
import sys
from margin.library import Library
path, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
lib = Library.open()
for i in range(n):
    lib.annotate(path, "wave tank", note=f"{who}-{i}")
    lib.set_position(path, i, i / n)
lib.close()
print("done")
"""


def test_two_processes_annotating_at_once(tmp_path: Path) -> None:
    art = write(tmp_path / "lib" / "a.html", page())
    n = 25
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(art), who, str(n)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=dict(os.environ),
        )
        for who in ("first", "second")
    ]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
        assert out.strip() == "done"
    with Library.open() as lib:
        notes = sorted(h.note or "" for h in lib.highlights(art))
        assert lib.integrity_check() == ["ok"]
    expected = sorted([f"first-{i}" for i in range(n)] + [f"second-{i}" for i in range(n)])
    assert notes == expected


def test_two_cli_annotates_at_once_on_a_fresh_database(tmp_path: Path) -> None:
    art = write(tmp_path / "lib" / "a.html", page())
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-m",
                "margin",
                "annotate",
                str(art),
                "--quote",
                "harbour",
                "--note",
                n,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in ("one", "two", "three")
    ]
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with Library.open() as lib:
        assert sorted(h.note or "" for h in lib.highlights()) == ["one", "three", "two"]
        assert len(lib.articles()) == 1
