"""Shared fixtures: every test runs with its own MARGIN_HOME."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def margin_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Isolate each test from the user's real state (database, config, inbox)."""
    home = tmp_path_factory.mktemp("margin-home")
    monkeypatch.setenv("MARGIN_HOME", str(home))
    return home
