"""``margin [DIR|FILE]`` starts the app: what launch hands the core first."""

from __future__ import annotations

import pytest

from margin import entities, paths
from margin.ui.app import MarginApp
from margin.ui.launch import launch


def test_launch_hands_the_configured_entity_backend_to_the_core(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    paths.ensure_home()
    paths.config_path().write_text(
        'entity_backend = "spacy"\nspacy_pipeline = "my_pipeline"\n', encoding="utf-8"
    )
    seen: list[entities.EntitySettings] = []
    monkeypatch.setattr(MarginApp, "run", lambda self: seen.append(entities.settings()))
    try:
        assert launch(None) == 0
    finally:
        entities.configure()
    assert seen == [entities.EntitySettings("spacy", "my_pipeline")]
