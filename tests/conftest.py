"""Shared fixtures: every test runs with its own MARGIN_HOME."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def margin_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Isolate each test from the user's real state (database, config, inbox)."""
    home = tmp_path_factory.mktemp("margin-home")
    monkeypatch.setenv("MARGIN_HOME", str(home))
    return home


@pytest.fixture
def no_proxy_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No proxy from the environment: fetch tests talk to their own server."""
    for name in ("http_proxy", "https_proxy", "all_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
