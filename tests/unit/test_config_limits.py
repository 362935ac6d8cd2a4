"""config.toml settings that the core obeys: size cap, time bound, entity backend."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin import paths
from margin.cli import main
from margin.config import load_config

PAGE = (
    "<html><head><title>Port traffic grows in Rotterdam again</title></head><body><article>"
    + "<p>The harbour authority in Rotterdam said container traffic recovered faster "
    "than expected this year, helped by the new rail link to Duisburg.</p>"
    * 40
    + "</article></body></html>"
)


def write_config(text: str) -> None:
    paths.ensure_home()
    paths.config_path().write_text(text, encoding="utf-8")


def test_max_file_mb_refuses_larger_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    page = tmp_path / "page.html"
    page.write_text(PAGE + " " * 1_100_000, encoding="utf-8")
    assert main(["extract", str(page)]) == 0
    capsys.readouterr()
    write_config("max_file_mb = 1\n")
    assert main(["extract", str(page)]) == 1
    err = capsys.readouterr().err
    assert "1.0 MB limit" in err and "max_file_mb" in err


def test_extraction_obeys_the_limits_its_caller_passes_not_config_toml(tmp_path: Path):
    from margin.errors import IngestError
    from margin.ingest.pipeline import extract_file

    page = tmp_path / "page.html"
    page.write_text(PAGE + " " * 1_100_000, encoding="utf-8")
    write_config("max_file_mb = 1\n")
    assert "Rotterdam" in extract_file(page).title  # the default limit: 32 MB
    with pytest.raises(IngestError, match="1.0 MB limit"):
        extract_file(page, max_bytes=1024 * 1024)


def test_entities_command_obeys_max_file_mb(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    page = tmp_path / "page.html"
    page.write_text(PAGE + " " * 1_100_000, encoding="utf-8")
    write_config("max_file_mb = 1\n")
    assert main(["entities", str(page)]) == 1
    assert "1.0 MB limit" in capsys.readouterr().err


def test_bad_settings_fall_back_to_defaults_with_a_problem():
    write_config('max_file_mb = "lots"\nextract_timeout = -3\nentity_backend = "magic"\n')
    cfg = load_config()
    assert cfg.max_file_mb == 32 and cfg.extract_timeout == 30.0
    assert cfg.entity_backend == "builtin"
    assert len(cfg.problems) == 3


@pytest.fixture
def page(tmp_path: Path):
    """A saved page, and the entity settings restored after the test."""
    import margin.entities.spacy_backend as sb
    from margin import entities

    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    pipeline = sb.PIPELINE
    yield path
    entities.configure()
    sb.set_pipeline(pipeline)


def test_spacy_backend_setting_falls_back_when_spacy_is_missing(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import margin.entities.spacy_backend as sb

    asked: list[str] = []

    def available() -> bool:
        asked.append(sb.PIPELINE)
        return False

    write_config('entity_backend = "spacy"\nspacy_pipeline = "no_such_pipeline_xx"\n')
    monkeypatch.setattr(sb, "available", available)
    assert main(["entities", str(page), "--json"]) == 0
    found = {(e["text"], e["label"]) for e in json.loads(capsys.readouterr().out)}
    assert asked and set(asked) == {"no_such_pipeline_xx"}  # the CLI passed the setting on
    assert found >= {("Rotterdam", "PLACE"), ("Duisburg", "PLACE")}  # from the built-in backend


def test_spacy_backend_setting_uses_the_configured_pipeline(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    spacy = pytest.importorskip("spacy")

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "GPE", "pattern": "Duisburg"}])
    loaded: list[str] = []

    def fake_load(name: str):
        loaded.append(name)
        return nlp

    monkeypatch.setattr(spacy, "load", fake_load)
    write_config('entity_backend = "spacy"\nspacy_pipeline = "my_pipeline"\n')
    assert main(["entities", str(page), "--json"]) == 0
    found = {(e["text"], e["label"]) for e in json.loads(capsys.readouterr().out)}
    assert loaded == ["my_pipeline"]
    assert found == {("Duisburg", "PLACE")}
