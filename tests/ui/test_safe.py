"""The UI's own cleaning of titles, messages and file names matches ingest's.

``margin.ui.safe`` repeats the rules of ``margin.ingest.sanitize`` so that the
app can start without loading the extractor; these tests keep the two equal.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from margin.ingest import sanitize
from margin.ui import safe

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
def test_fields_and_messages_cleaned_as_ingest_does(value: str) -> None:
    assert safe.one_line(value) == (sanitize.clean_field(value) or "")
    assert safe.plain(value) == sanitize.clean_message(value)


@pytest.mark.parametrize(
    "name", [*NASTY, b"caf\xe9.html", "caf\udce9.html", "tab\tname\n.md", "\u202egpj.exe"]
)
def test_file_names_shown_as_ingest_shows_them(name: str | bytes) -> None:
    assert safe.file_name(name) == sanitize.display_path(name)


def test_starting_the_app_does_not_load_the_extractor() -> None:
    code = (
        "import sys\n"
        "import margin.ui.app, margin.ui.screens.library_screen, margin.ui.launch\n"
        "loaded = [m for m in ('margin.ingest', 'lxml', 'readability', 'margin.entities',"
        " 'margin.export', 'margin.ui.screens.reader_screen') if m in sys.modules]\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
