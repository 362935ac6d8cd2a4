"""The built-in entity recogniser: conventions, robustness, summary, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.entities import entity_summary, recognise
from margin.model import Entity

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "readability-test-pages"


def spans(text: str, **kw) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in recognise(text, **kw)]


def check_offsets(text: str, ents: list[Entity]) -> None:
    last = -1
    for e in ents:
        assert text[e.start : e.end] == e.text
        assert e.start >= last, "sorted and non-overlapping"
        assert e.label in ("PERSON", "ORG", "PLACE", "OTHER")
        last = e.end


def test_people_places_organisations() -> None:
    text = "Angela Merkel met executives of Siemens and Deutsche Bank in Berlin on Tuesday."
    assert spans(text) == [
        ("Angela Merkel", "PERSON"),
        ("Siemens", "ORG"),
        ("Deutsche Bank", "ORG"),
        ("Berlin", "PLACE"),
    ]


def test_every_mention_and_offsets_slice_to_the_text() -> None:
    text = "Paris is big.\n\nPeople love Paris, and Paris loves them back."
    ents = recognise(text)
    check_offsets(text, ents)
    assert [(e.text, e.start) for e in ents] == [
        ("Paris", 0),
        ("Paris", text.index("Paris", 5)),
        ("Paris", text.rindex("Paris")),
    ]


def test_surname_after_full_name_is_a_person() -> None:
    text = (
        "The company was founded by Priyanka Okonkwo-Hale in 2009. "
        "Okonkwo-Hale later sold it, and Okonkwo-Hale's new venture failed."
    )
    assert spans(text) == [("Priyanka Okonkwo-Hale", "PERSON")] + [("Okonkwo-Hale", "PERSON")] * 2


def test_title_before_an_unknown_name_makes_a_person() -> None:
    assert ("Zubrowski", "PERSON") in spans("The bill was signed by Senator Zubrowski yesterday.")
    assert ("Kwarteng", "PERSON") in spans("Reporters asked Dr. Kwarteng about the results.")
    got = spans("Facebook CEO Mark Zuckerberg spoke.")
    assert got == [("Facebook", "ORG"), ("Mark Zuckerberg", "PERSON")]


def test_leading_the_and_trailing_possessive_are_excluded() -> None:
    text = "The United Nations said the Netherlands' plan and Google's offer were fine."
    got = spans(text)
    assert ("United Nations", "ORG") in got
    assert ("Netherlands", "PLACE") in got
    assert ("Google", "ORG") in got
    text = "Apple’s new phone is sold in the United States."
    assert spans(text) == [("Apple", "ORG"), ("United States", "PLACE")]


def test_nationalities_dates_and_numbers_are_not_entities() -> None:
    text = (
        "Chinese and American officials met on Monday, March 3, 2015, with 300 French "
        "diplomats. In January they met again."
    )
    assert spans(text) == []


def test_acronym_defined_in_parentheses() -> None:
    text = (
        "The Zentral Verkehrs Bureau (ZVB) issued a warning. Later the ZVB withdrew it, "
        "and ZVB staff went home."
    )
    got = spans(text)
    assert got[0] == ("Zentral Verkehrs Bureau", "ORG")
    assert got.count(("ZVB", "ORG")) == 3


def test_sentence_start_common_word_is_not_tagged() -> None:
    text = "Honestly, nobody expected it. Meanwhile the rain fell. Shortly after, it stopped."
    assert spans(text) == []
    # but a name at the start of a sentence still counts
    assert spans("London is large. Moscow is larger.") == [
        ("London", "PLACE"),
        ("Moscow", "PLACE"),
    ]


def test_organisation_keywords() -> None:
    got = spans("She joined the Quenby Valley Hospital Trust and later Brightwater Holdings Ltd.")
    assert ("Quenby Valley Hospital Trust", "ORG") in got
    assert ("Brightwater Holdings Ltd.", "ORG") in got
    got = spans("He studied at the University of Lagos and the Bank of England.")
    assert got == [("University of Lagos", "ORG"), ("Bank of England", "ORG")]


def test_said_context_and_first_names() -> None:
    got = spans('"It works," said Tomasz Wierzbicki, a researcher.')
    assert got == [("Tomasz Wierzbicki", "PERSON")]


def test_title_case_heading_is_not_a_list_of_names() -> None:
    text = "Pizza Delivery Man Makes Special Trip To Afghanistan\n\nA man delivered a pizza."
    assert spans(text) == [("Afghanistan", "PLACE")]


def test_empty_and_blank_text() -> None:
    assert recognise("") == []
    assert recognise("   \n\n  ") == []
    assert entity_summary([]) == []


def test_non_english_gives_no_guesses() -> None:
    assert recognise("El presidente Mauricio Macri visitó Buenos Aires.", lang="es") == []
    assert recognise("Barack Obama visited Paris.", lang="en-GB") != []


def test_unknown_backend_is_an_error() -> None:
    with pytest.raises(ValueError):
        recognise("Paris", backend="nope")


def test_hostile_text_does_not_crash() -> None:
    nasty = "\x00\x1b[31mRed\x07 \u202eLondon\u202c \ud7ff Mr. \ufeff ' ’s ( ) (ABC) ... —\n\n\n"
    for text in (nasty, "A" * 10_000, "Mr.", "(", "The", "'s", "U.S." * 1000, "é" * 50):
        check_offsets(text, recognise(text))


def test_one_megabyte_of_text() -> None:
    para = (
        "President Barack Obama met Angela Merkel in Berlin, said Reuters. "
        "The World Health Organization (WHO) and NATO agreed.\n\n"
    )
    text = para * (1_000_000 // len(para) + 1)
    ents = recognise(text)
    check_offsets(text, ents)
    assert len(ents) > 10_000


def test_entity_summary_groups_and_orders() -> None:
    text = "Barack Obama spoke in Paris. Obama then left Paris for Rome. Obama returned."
    summary = entity_summary(recognise(text))
    assert [(s.text, s.label, s.count) for s in summary] == [
        ("Barack Obama", "PERSON", 3),
        ("Paris", "PLACE", 2),
        ("Rome", "PLACE", 1),
    ]
    assert summary[0].mentions == [(0, 12), (29, 34), (61, 66)]
    assert [text[s:e] for s, e in summary[1].mentions] == ["Paris", "Paris"]


def test_cli_entities(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from margin.cli import main
    from margin.ingest.pipeline import extract_file

    page = tmp_path / "a.html"
    page.write_text(
        "<html><head><title>T</title></head><body><article><p>"
        + "President Barack Obama met Angela Merkel in Berlin on Monday, "
        "Reuters reported. Obama then flew to Paris. " * 5 + "</p></article></body></html>",
        encoding="utf-8",
    )
    assert main(["entities", str(page)]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert rows == [
        ["entity", "label", "count"],
        ["Barack", "Obama", "PERSON", "10"],  # "Obama" counts for the full name
        ["Angela", "Merkel", "PERSON", "5"],
        ["Berlin", "PLACE", "5"],
        ["Reuters", "ORG", "5"],
        ["Paris", "PLACE", "5"],
    ]
    assert main(["entities", str(page), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [(d["text"], d["label"]) for d in data[:6]] == [
        ("Barack Obama", "PERSON"),
        ("Angela Merkel", "PERSON"),
        ("Berlin", "PLACE"),
        ("Reuters", "ORG"),
        ("Obama", "PERSON"),
        ("Paris", "PLACE"),
    ]
    assert len(data) == 30
    text = extract_file(page).text
    for d in data:
        assert set(d) == {"text", "label", "start", "end"}
        assert text[d["start"] : d["end"]] == d["text"]


# ------------------------------------------------------------ backend choice


@pytest.fixture
def spacy_stub(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """spaCy as if installed, with a pipeline that finds "Ada" as OTHER; the
    entity settings and the pipeline name are restored afterwards. Returns
    the texts it was asked about."""
    from margin import entities
    from margin.entities import spacy_backend

    asked: list[str] = []

    def recognise_spacy(text: str) -> list[Entity]:
        asked.append(text)
        return [Entity("Ada", "OTHER", 0, 3)] if text.startswith("Ada") else []

    monkeypatch.setattr(spacy_backend, "PIPELINE", spacy_backend.PIPELINE)
    monkeypatch.setattr(spacy_backend, "available", lambda: True)
    monkeypatch.setattr(spacy_backend, "recognise_spacy", recognise_spacy)
    yield asked
    entities.configure()


def test_recognise_uses_the_backend_configure_chose(spacy_stub: list[str]) -> None:
    from margin import entities
    from margin.entities import spacy_backend

    text = "Ada met officials in Berlin."
    builtin = [("Ada", "PERSON"), ("Berlin", "PLACE")]
    assert spans(text) == builtin  # until configured
    entities.configure(backend="spacy", pipeline="my_pipeline")
    assert entities.settings() == entities.EntitySettings("spacy", "my_pipeline")
    assert spans(text) == [("Ada", "OTHER")]
    assert spacy_backend.PIPELINE == "my_pipeline"
    assert spans(text, backend="builtin") == builtin
    entities.configure(backend="builtin")
    assert spans(text) == builtin
    assert spacy_stub == [text]
    with pytest.raises(ValueError):
        entities.configure(backend="nope")


def test_a_configured_spacy_that_is_missing_falls_back_to_builtin(
    spacy_stub: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from margin import entities
    from margin.entities import spacy_backend

    monkeypatch.setattr(spacy_backend, "available", lambda: False)
    entities.configure(backend="spacy")
    assert spans("Ada met officials in Berlin.") == [("Ada", "PERSON"), ("Berlin", "PLACE")]
    assert spacy_stub == []


def test_recognise_does_not_read_config_toml(spacy_stub: list[str]) -> None:
    # The edge (the CLI, the app) reads config.toml and calls configure;
    # the recogniser itself never looks at it.
    from margin import paths

    paths.ensure_home()
    paths.config_path().write_text('entity_backend = "spacy"\n', encoding="utf-8")
    assert spans("Ada met officials in Berlin.") == [("Ada", "PERSON"), ("Berlin", "PLACE")]
    assert spacy_stub == []


# ------------------------------------------------------------- spaCy backend


def test_spacy_backend_maps_labels() -> None:
    spacy = pytest.importorskip("spacy")
    from margin.entities import spacy_backend

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Ada Lovelace"},
            {"label": "ORG", "pattern": [{"LOWER": "the"}, {"TEXT": "Royal"}, {"TEXT": "Society"}]},
            {"label": "GPE", "pattern": "London"},
            {"label": "FAC", "pattern": "Tower Bridge"},
            {"label": "EVENT", "pattern": "Great Exhibition"},
            {"label": "NORP", "pattern": "British"},
            {"label": "DATE", "pattern": "1843"},
            {"label": "ORG", "pattern": [{"TEXT": "Babbage"}, {"TEXT": "'s"}]},
        ]
    )
    spacy_backend.set_pipeline(nlp)
    try:
        text = (
            "In 1843 the British writer Ada Lovelace addressed the Royal Society in London."
            "\n\nShe crossed Tower Bridge to the Great Exhibition with Babbage's notes."
        )
        ents = recognise(text, backend="spacy")
        check_offsets(text, ents)
        assert [(e.text, e.label) for e in ents] == [
            ("Ada Lovelace", "PERSON"),
            ("Royal Society", "ORG"),
            ("London", "PLACE"),
            ("Tower Bridge", "PLACE"),
            ("Great Exhibition", "OTHER"),
            ("Babbage", "ORG"),
        ]
    finally:
        spacy_backend.set_pipeline(spacy_backend.PIPELINE)


def test_spacy_backend_missing_pipeline_is_a_clear_error() -> None:
    pytest.importorskip("spacy")
    from margin.entities import spacy_backend

    spacy_backend.set_pipeline("no_such_pipeline_xyz")
    try:
        assert not spacy_backend.available()
        with pytest.raises(spacy_backend.SpacyUnavailable):
            recognise("Paris", backend="spacy")
    finally:
        spacy_backend.set_pipeline("en_core_web_sm")


# ---------------------------------------------------------- corpus (optional)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not found")
def test_held_out_f1_at_least_075() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_entities", REPO / "bench" / "entities.py")
    assert spec and spec.loader
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    pages = [p for p in bench.load_set() if p["split"] == "test"]
    assert len(pages) >= 8
    f1 = bench.score(pages, bench.ours)["ALL"][2]
    assert f1 >= 0.75


# --- generated gazetteers and place/organisation rules (issue 5, sample-article failures)


def test_major_cities_from_the_generated_gazetteer_are_places() -> None:
    text = "Barges unloaded at Duisburg and Mannheim before Mainz."
    assert spans(text) == [("Duisburg", "PLACE"), ("Mannheim", "PLACE"), ("Mainz", "PLACE")]
    text = "Cologne, Mainz, Bonn, Koblenz, Neuss, Karlsruhe and Düsseldorf grew rich."
    assert {label for _, label in spans(text)} == {"PLACE"}
    assert len(spans(text)) == 7
    # ASCII spellings of accented names
    assert spans("Trains run from Dusseldorf to Zurich.") == [
        ("Dusseldorf", "PLACE"),
        ("Zurich", "PLACE"),
    ]


def test_an_archive_named_after_a_city_does_not_make_the_city_a_person() -> None:
    text = "The letters are kept at the Stadtarchiv Mainz. Mainz was a river port."
    assert spans(text) == [("Stadtarchiv Mainz", "ORG"), ("Mainz", "PLACE")]


def test_agencies_banks_and_statistics_offices_are_organisations() -> None:
    text = "A flash estimate from Eurostat, the statistics office in Luxembourg, came first."
    assert spans(text) == [("Eurostat", "ORG"), ("Luxembourg", "PLACE")]
    text = "Matthias Brenner, chief economist at Mainzer Privatbank, was calm."
    assert spans(text) == [("Matthias Brenner", "PERSON"), ("Mainzer Privatbank", "ORG")]
    text = "Figures from the Federal Statistical Office in Wiesbaden showed a fall."
    assert spans(text) == [("Federal Statistical Office", "ORG"), ("Wiesbaden", "PLACE")]


def test_city_names_that_are_words_or_first_names_need_a_place_context() -> None:
    assert spans("Nice weather brought crowds out.") == []
    assert spans("Reading is a pleasure.") == []
    assert spans("He grew up in Mobile and Bath.") == [("Mobile", "PLACE"), ("Bath", "PLACE")]
    assert spans("A Reading-based firm moved to Jackson, Mississippi.") == [
        ("Reading", "PLACE"),
        ("Jackson", "PLACE"),
        ("Mississippi", "PLACE"),
    ]
    got = spans("Florence Nightingale trained nurses in Florence.")
    assert got == [("Florence Nightingale", "PERSON"), ("Florence", "PLACE")]
    assert spans("Jackson said the plan would work.") == [("Jackson", "PERSON")]


def test_regions_harbours_and_adjectives() -> None:
    text = "The Middle Rhine runs past the Zollhafen; Roman mosaics survive in Alsace."
    assert spans(text) == [("Middle Rhine", "PLACE"), ("Zollhafen", "PLACE"), ("Alsace", "PLACE")]
    text = "The government was led by the Ennahda party until Ennahda stepped down."
    assert spans(text) == [("Ennahda", "ORG"), ("Ennahda", "ORG")]


def test_generated_place_lists_are_loaded_once_and_stay_small() -> None:
    from margin.entities.lexicon import lexicon

    data = Path(__file__).resolve().parents[2] / "src" / "margin" / "entities" / "data"
    size = sum(f.stat().st_size for f in data.iterdir() if f.is_file())
    assert size < 1_500_000
    lex = lexicon()
    assert lex is lexicon()
    assert lex.gazetteer[("Karlsruhe",)] == "PLACE"
    assert ("Reading",) in lex.weak_places and ("Reading",) not in lex.gazetteer


def test_long_and_odd_texts_keep_their_offsets() -> None:
    body = (
        "Angela Merkel met executives of Siemens in Berlin. \u201cThe Bank of England\u201d said "
        "so.\n\nWorld Health Organization (WHO) officials visited Nice-based firms.\n"
    )
    text = "  \n" + body * 200 + "   \n\n  "
    ents = recognise(text)
    check_offsets(text, ents)
    assert len(ents) == 200 * len(recognise(body))
