"""The reader extracts a file with the limits of the app's config."""

from __future__ import annotations

from pathlib import Path

from helpers import shown, wait_for

from margin.config import Config
from margin.ui.app import MarginApp

PAGE = (
    "<html><head><title>Port traffic grows in Rotterdam again</title></head><body><article>"
    + "<p>The harbour authority in Rotterdam said container traffic recovered faster "
    "than expected this year, helped by the new rail link to Duisburg.</p>"
    * 40
    + "</article></body></html>"
)


async def test_reader_refuses_a_file_over_the_apps_max_file_mb(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE + " " * 1_100_000, encoding="utf-8")
    app = MarginApp(None, file=page, config=Config(max_file_mb=1))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for(pilot, lambda: app.return_value is not None)
        assert "1.0 MB limit" in shown(app.screen.query_one("#reader-status"))
    assert app.return_value == 1  # the exit status of `margin FILE`
