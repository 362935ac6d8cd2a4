"""Fixtures for the app tests: a small indexed library, isolated per test.

The library folder and its index are built once per session (indexing starts
worker processes, which is slow); each test gets a copy of the database in
its own MARGIN_HOME, so nothing a test writes leaks into another.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from site_pages import SITE_PAGES

from margin.config import Config
from margin.library import Library
from margin.ui.app import MarginApp

# The app's fetch tests serve pages from the core tests' local HTTP server.
sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))

EVIL_TITLE = "[@click=app.quit]Read me[/]"
EVIL_BODY = "Press [link=file:///etc/passwd]x[/link] then [/bold] and [@click=app.quit]here[/]."

PARAGRAPH = (
    "Barack Obama met Angela Merkel in Berlin to talk about trade, and the talks went on "
    "for a long time while the reporters waited outside in the cold. "
)

ARTICLES = {
    "harbour.md": (
        "---\ntitle: The Harbour at Dawn\nauthor: Ada Lovelace\nsite: Example Weekly\n"
        "date: 2021-05-04\nurl: https://example.com/harbour\n---\n\n"
        "# Arrival\n\n"
        + "\n\n".join(
            f"Paragraph {i}. {PARAGRAPH}The harbour master counted {i} boats." for i in range(1, 9)
        )
        + "\n\n## Departure\n\n"
        + "\n\n".join(f"Later {i}. {PARAGRAPH}" for i in range(1, 9))
        + "\n"
    ),
    "bees.md": (
        "---\ntitle: A Year with Bees\nauthor: Grace Hopper\nsite: Garden Notes\n"
        "date: 2019-08-01\n---\n\n"
        "Bees are busy. The hive in Paris had twelve frames of honey by August.\n\n"
        "A beekeeper learns patience, and the honey tastes of lime trees.\n"
    ),
    "evil.md": (
        "---\ntitle: " + EVIL_TITLE + " \x1b]8;;file:///etc/passwd\x07osc\x1b]8;;\x07\n"
        "url: javascript:alert(1)\n---\n\n"
        + EVIL_BODY
        + "\n\nAn ESC \x1b[31mred\x1b[0m byte and a bell \x07 here.\n"
    ),
    "zebra.md": (
        "---\ntitle: Zebras of the Plains\nsite: Field Guide\ndate: 2020-01-01\n---\n\n"
        "Zebras live in Kenya and Tanzania. Their stripes confuse flies.\n"
    ),
    "broken.html": "\x00\x01\x02\x03 not a page \x00" * 10,
}


@pytest.fixture(scope="session")
def library_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("articles")
    for name, content in ARTICLES.items():
        (folder / name).write_bytes(content.encode("utf-8"))
    return folder


#: The clock every test sees: what the app shows must not depend on when it ran.
NOW = "2024-01-02T03:04:05+00:00"


def _indexed(home: Path, folder: Path) -> Path:
    """A database in ``home`` holding ``folder``, indexed."""
    from margin.library import store

    mp = pytest.MonkeyPatch()
    mp.setenv("MARGIN_HOME", str(home))
    # the fixed clock here too: the order "recently added" must not depend on
    # whether indexing crossed a second
    mp.setattr(store, "now", lambda: NOW)
    try:
        with Library.open(home / "margin.db") as lib:
            lib.add_folder(folder)
            lib.scan([folder], jobs=1)
    finally:
        mp.undo()
    return home / "margin.db"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory, library_dir: Path) -> Path:
    return _indexed(tmp_path_factory.mktemp("template-home"), library_dir)


@pytest.fixture(autouse=True)
def _quiet_and_fixed(monkeypatch: pytest.MonkeyPatch) -> None:
    """No cursor blink, a fixed clock: screenshots must not depend on timing."""
    monkeypatch.setattr(MarginApp, "cursor_blink", False)
    from margin.library import store

    monkeypatch.setattr(store, "now", lambda: NOW)


@pytest.fixture
def indexed(margin_home: Path, template_db: Path) -> Path:
    """MARGIN_HOME holding an indexed copy of the test library."""
    shutil.copy(template_db, margin_home / "margin.db")
    return margin_home


class AppMaker:
    def __init__(self) -> None:
        self.libraries: list[Library] = []

    def __call__(
        self,
        *,
        folder: Path | None = None,
        file: Path | None = None,
        config: Config | None = None,
    ) -> MarginApp:
        lib = Library.open()
        self.libraries.append(lib)
        return MarginApp(lib, folder=folder, file=file, config=config)

    def close(self) -> None:
        for lib in self.libraries:
            lib.close()


@pytest.fixture
def make_app(indexed: Path) -> Iterator[AppMaker]:
    maker = AppMaker()
    yield maker
    maker.close()


# ---------------------------------------------------------------- one web site


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two saved pages of one web site (see site_pages.py)."""
    folder = tmp_path_factory.mktemp("site")
    for name, content in SITE_PAGES.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def site_template_db(tmp_path_factory: pytest.TempPathFactory, site_dir: Path) -> Path:
    return _indexed(tmp_path_factory.mktemp("site-home"), site_dir)


@pytest.fixture
def make_site_app(margin_home: Path, site_template_db: Path) -> Iterator[AppMaker]:
    """Apps on an indexed copy of the web site's two pages (the library's
    own corrections made in a test stay in that test)."""
    shutil.copy(site_template_db, margin_home / "margin.db")
    maker = AppMaker()
    yield maker
    maker.close()
