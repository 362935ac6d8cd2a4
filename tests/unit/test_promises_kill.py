"""Promise 1: a note whose save was acknowledged survives a kill at any instant."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from test_library import PARAGRAPHS, page, write

from margin import paths
from margin.library import Library

ROUNDS = 36


def test_sigkill_never_loses_an_acknowledged_note(tmp_path: Path) -> None:
    art = write(tmp_path / "lib" / "breakwater.html", page())
    words = " ".join(PARAGRAPHS).split()
    rng = random.Random(4)
    acknowledged: list[str] = []
    killed = 0
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}

    def annotate(quote: str, note: str) -> subprocess.Popen[bytes]:
        cmd = [sys.executable, "-m", "margin", "annotate", str(art), "--quote", quote]
        return subprocess.Popen(
            [*cmd, "--note", note], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )

    # How long one whole run takes on this machine, now: kills are spread over
    # that span (and a little past it), however fast or loaded the machine is.
    started = time.monotonic()
    first = annotate(" ".join(words[:3]), "calibration")
    assert first.wait(timeout=120) == 0, first.communicate()[1].decode()
    acknowledged.append("calibration")
    span = time.monotonic() - started

    deadline = time.monotonic() + 40
    for i in range(ROUNDS):
        if time.monotonic() > deadline:
            break
        k = rng.randrange(len(words) - 3)
        quote = " ".join(words[k : k + 3])
        note = f"note {i} {rng.random():.6f}"
        proc = annotate(quote, note)
        # Kill anywhere from start-up to just after the commit.
        time.sleep(rng.uniform(0.0, span * 1.3))
        proc.send_signal(signal.SIGKILL)
        _, err = proc.communicate()
        if proc.returncode == 0:
            acknowledged.append(note)
        elif proc.returncode == -signal.SIGKILL:
            killed += 1
        else:
            raise AssertionError(f"annotate failed: {err.decode()}")
    # The kills must have hit mid-run and some runs must have finished, or
    # the test proves nothing.
    assert killed >= 3 and len(acknowledged) >= 4, (killed, len(acknowledged))

    db = paths.database_path()
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Library.open() as lib:
        notes = {h.note for h in lib.highlights(art)}
        assert all(h.state == "anchored" for h in lib.highlights(art))
    missing = [n for n in acknowledged if n not in notes]
    assert not missing
