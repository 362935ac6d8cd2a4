"""What the UI shows of titles, messages and file names is one clean line,
and cleaning them does not load the extractor at start-up."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from margin.sanitize import clean_message, display_path, one_line

CONTROL_OR_BIDI = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]"
)

NASTY = [
    "",
    "plain title",
    "  spaced\t\tout \n over\r\nlines\r ",
    "ESC \x1b[31mred\x1b[0m and a bell \x07 and NUL \x00",
    "OSC link \x1b]8;;file:///etc/passwd\x07x\x1b]8;;\x07",
    "C1 \x85 next line \x9b CSI",
    "bidi \u202eevil\u202c and \u2066isolate\u2069 \u200f\u061c",
    "line\u2028separator\u2029paragraph",
    "[@click=app.quit]Read me[/]",
    "naïve café — 東京",
]


@pytest.mark.parametrize("value", NASTY)
def test_fields_and_messages_are_one_clean_line(value: str) -> None:
    for shown in (one_line(value), clean_message(value)):
        assert not CONTROL_OR_BIDI.search(shown)
    assert "[@click=app.quit]Read me[/]" in one_line("x [@click=app.quit]Read me[/]")


@pytest.mark.parametrize(
    "name", [*NASTY, b"caf\xe9.html", "caf\udce9.html", "tab\tname\n.md", "\u202egpj.exe"]
)
def test_file_names_shown_with_controls_made_visible(name: str | bytes) -> None:
    shown = display_path(name)
    assert not CONTROL_OR_BIDI.search(shown)
    if name == b"caf\xe9.html" or name == "caf\udce9.html":
        assert shown == "caf\\xe9.html"


def test_starting_the_app_does_not_load_the_extractor() -> None:
    code = (
        "import sys\n"
        "import margin.ui.app, margin.ui.screens.library_screen, margin.ui.launch\n"
        "loaded = [m for m in ('margin.ingest.pipeline', 'lxml', 'readability', 'margin.entities',"
        " 'margin.export', 'margin.ui.screens.reader_screen') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
