"""What the app asks of the library when it starts and opens an article."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import reader_ready

import margin.entities
from margin.library import Library
from margin.model import Entity
from margin.ui import launch as launch_module
from margin.ui.app import MarginApp

SIZE = (100, 30)


async def test_an_article_with_no_entities_is_not_recognised_at_every_opening(
    make_app, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "quiet.md"
    page.write_text("---\ntitle: Quiet\n---\n\nnothing here but plain lower-case words.\n")
    with Library.open() as lib:
        assert lib.load_article(page).entities == []  # recognised once, none found
    calls: list[str] = []

    def recognise(text: str, lang: str | None = None) -> list[Entity]:
        calls.append(text)
        return []

    monkeypatch.setattr(margin.entities, "recognise", recognise)
    app = make_app(file=page)
    async with app.run_test(size=SIZE) as pilot:
        reader = await reader_ready(pilot)
        assert reader.article is not None and reader.article.entities == []
    assert calls == []


def test_the_app_reads_files_within_the_limits_of_config_toml(
    margin_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (margin_home / "config.toml").write_text("max_file_mb = 3\nextract_timeout = 7\n")
    seen: list[tuple[int, float]] = []

    def run(app: MarginApp) -> int:
        assert app.library is not None
        seen.append((app.library.max_file_mb, app.library.extract_timeout))
        return 0

    monkeypatch.setattr(MarginApp, "run", run)
    assert launch_module.launch(None) == 0
    assert seen == [(3, 7.0)]
