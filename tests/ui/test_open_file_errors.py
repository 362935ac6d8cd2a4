"""``margin FILE`` on a file that holds no article: the app closes with
status 1 and the one line ``margin extract`` prints for that file is printed
once the terminal is back (never while the app owns it)."""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from textual.app import App

from margin.cli import main as cli_main
from margin.errors import IngestError
from margin.ui import launch as launch_module
from margin.ui.app import MarginApp

BINARY = bytes(range(256)) * 8


def no_article_files(folder: Path) -> dict[str, Path]:
    binary = folder / "photo.html"
    binary.write_bytes(BINARY)
    empty = folder / "empty.html"
    empty.write_bytes(b"")
    return {"binary": binary, "empty": empty}


def extract_says(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """What ``margin extract`` prints on stderr for ``path``."""
    assert cli_main(["extract", str(path)]) == 1
    return capsys.readouterr().err


@pytest.mark.parametrize("kind", ["binary", "empty"])
async def test_the_app_closes_with_status_1_and_keeps_the_reason(
    make_app, tmp_path, monkeypatch, kind
):
    path = no_article_files(tmp_path)[kind]
    app = make_app(file=path)
    said: list[str] = []
    monkeypatch.setattr(app, "say", lambda message, **_: said.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        deadline = asyncio.get_running_loop().time() + 15
        while app.failure is None and asyncio.get_running_loop().time() < deadline:
            await pilot.pause(0.02)
    assert app.return_code == 1
    assert isinstance(app.failure, IngestError)
    assert app.failure.reason in ("not a saved page (binary data)", "the file is empty")
    assert said == []  # nothing said on a screen about to vanish


@pytest.mark.parametrize("kind", ["binary", "empty"])
def test_launch_prints_the_same_line_as_extract(indexed, tmp_path, monkeypatch, capsys, kind):
    path = no_article_files(tmp_path)[kind]
    monkeypatch.chdir(tmp_path)
    expected = extract_says(Path(path.name), capsys)
    assert expected.startswith(f"margin: cannot read {path.name}: ")
    printed_while_running: list[str] = []
    run = App.run

    def run_headless(self: MarginApp, **_: object) -> int | None:
        result = run(self, headless=True, size=(80, 24))
        printed_while_running.append(capsys.readouterr().err)
        return result

    monkeypatch.setattr(MarginApp, "run", run_headless)
    assert launch_module.launch(path.name) == 1
    assert printed_while_running == [""]
    assert capsys.readouterr().err == expected


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_launch_says_why_an_unreadable_file_cannot_be_read(indexed, tmp_path, capsys):
    path = tmp_path / "secret.html"
    path.write_text("<p>hidden</p>")
    path.chmod(0)
    expected = extract_says(path, capsys)
    assert launch_module.launch(str(path)) == 1
    assert capsys.readouterr().err == expected


def test_margin_file_in_a_terminal_prints_the_reason_after_the_app_closes(indexed, tmp_path):
    """End to end: the real command in a pseudo-terminal."""
    path = no_article_files(tmp_path)["binary"]
    out, status = run_in_terminal([sys.executable, "-m", "margin", path.name], cwd=tmp_path)
    line = b"margin: cannot read photo.html: not a saved page (binary data)"
    assert status == 1
    assert line in out
    # after the app gave the terminal back (left the alternate screen)
    left = out.rfind(b"\x1b[?1049l")
    assert 0 <= left < out.index(line)
    assert out.count(line) == 1


def run_in_terminal(command: list[str], cwd: Path, timeout: float = 60) -> tuple[bytes, int]:
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = subprocess.Popen(
        command, stdin=child, stdout=child, stderr=child, cwd=cwd, env=dict(os.environ)
    )
    os.close(child)
    out = bytearray()
    end = time.monotonic() + timeout
    try:
        while time.monotonic() < end:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # the child side closed: the process is gone
                break
            if not chunk:
                break
            out += chunk
        status = process.wait(timeout=max(1.0, end - time.monotonic()))
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
    return bytes(out), status
