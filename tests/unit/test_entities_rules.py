"""The built-in recogniser on the kinds of error seen on text nobody tuned
it for: each test is made-up text that the rule it names decides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from margin.entities import recognise


def spans(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in recognise(text)]


# ------------------------------------------------------------- code blocks

_MARKDOWN = """# Tuning SQLite

Maria Borg of the Red Cross wrote this in Valletta.

```sql
PRAGMA journal_mode = WAL;
SELECT * FROM Acme WHERE Owner = 'NASA';
```

Then Borg turned it off again.
"""


def test_no_entities_in_a_markdown_code_block(tmp_path: Path) -> None:
    from margin.ingest.pipeline import extract_file

    page = tmp_path / "notes.md"
    page.write_text(_MARKDOWN, encoding="utf-8")
    article = extract_file(page, entities=True)
    code = [b for b in article.blocks if b.kind == "code"]
    assert code and "PRAGMA" in article.text[code[0].start : code[0].end]
    found = [(e.text, e.label) for e in article.entities]
    assert ("Maria Borg", "PERSON") in found and ("Valletta", "PLACE") in found
    inside = [e for e in article.entities if code[0].start <= e.start < code[0].end]
    assert inside == []
    assert not {"PRAGMA", "WAL", "Acme", "NASA", "Owner"} & {e.text for e in article.entities}
    for e in article.entities:
        assert article.text[e.start : e.end] == e.text


def test_the_entities_command_skips_code_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from margin.cli import main

    page = tmp_path / "notes.md"
    page.write_text(_MARKDOWN, encoding="utf-8")
    assert main(["entities", str(page), "--json"]) == 0
    found = {d["text"] for d in json.loads(capsys.readouterr().out)}
    assert "Valletta" in found
    assert not {"PRAGMA", "WAL", "Acme", "NASA"} & found


# ------------------------------------------- a person stays a person


def test_a_surname_that_is_a_common_word_stays_a_person() -> None:
    text = (
        "The phone was shown by Steve Jobs on stage. Jobs said it was ready. "
        "Later, Jobs' health failed and Jobs’s staff took over."
    )
    assert spans(text) == [("Steve Jobs", "PERSON")] + [("Jobs", "PERSON")] * 3


def test_a_surname_that_is_a_place_stays_a_person() -> None:
    text = (
        "The union is led by Ana Delgado. Delgado said talks had failed, "
        "and Delgado's members walked out."
    )
    assert spans(text) == [("Ana Delgado", "PERSON")] + [("Delgado", "PERSON")] * 2


def test_names_with_particles_stay_one_person() -> None:
    text = (
        "Pieter van der Berg won the stage. Van der Berg said it was hard, "
        "and van der Berg's coach agreed. Maria de la Cruz won the vote; "
        "De la Cruz told reporters that de la Cruz's plan works."
    )
    assert spans(text) == [
        ("Pieter van der Berg", "PERSON"),
        ("Van der Berg", "PERSON"),
        ("van der Berg", "PERSON"),
        ("Maria de la Cruz", "PERSON"),
        ("De la Cruz", "PERSON"),
        ("de la Cruz", "PERSON"),
    ]


# -------------------------------- organisations' names keep their words


def test_an_organisation_name_with_a_connector_keeps_every_word() -> None:
    assert spans("She joined the Department of Justice in May.") == [
        ("Department of Justice", "ORG")
    ]
    assert ("Food and Drug Administration", "ORG") in spans(
        "Makers talk with the Food and Drug Administration every week."
    )
    assert ("Korean Ministry of Food and Drug Safety", "ORG") in spans(
        "It was cleared by the Korean Ministry of Food and Drug Safety last year."
    )


def test_a_lower_case_title_keeps_a_name_that_starts_with_a_common_word() -> None:
    assert ("Urban Meyer", "PERSON") in spans("On Monday coach Urban Meyer closed practice.")


# ------------------------------------------------------ words in capitals


def test_a_headline_in_capitals_is_no_organisation() -> None:
    text = "ITALY DRAWS WITH SPAIN\n\nItaly drew 1-1 with Spain in Rome on Sunday."
    assert spans(text) == [
        ("ITALY", "PLACE"),
        ("SPAIN", "PLACE"),
        ("Italy", "PLACE"),
        ("Spain", "PLACE"),
        ("Rome", "PLACE"),
    ]
    assert spans("FLOODS HIT TOWN\n\nRain fell all week.") == []


def test_a_dateline_in_capitals_is_a_place() -> None:
    assert spans("NEW YORK -- Verizon Communications said on Monday.") == [
        ("NEW YORK", "PLACE"),
        ("Verizon Communications", "ORG"),
    ]


def test_names_from_the_body_are_found_in_a_heading_in_capitals() -> None:
    text = (
        "JAZZ PHARMACEUTICALS TO BUY RIGHTS FROM SIGMA-TAU PHARMACEUTICALS\n\n"
        "Jazz Pharmaceuticals said it will buy the rights from Sigma-Tau Pharmaceuticals."
    )
    assert spans(text) == [
        ("JAZZ PHARMACEUTICALS", "ORG"),
        ("SIGMA-TAU PHARMACEUTICALS", "ORG"),
        ("Jazz Pharmaceuticals", "ORG"),
        ("Sigma-Tau Pharmaceuticals", "ORG"),
    ]


# ------------------------------------------------------------ sports teams


def test_clubs_named_after_places_are_organisations_in_a_sports_story() -> None:
    text = (
        "Everton beat Fulham 2-0 on Saturday. The striker scored twice, and "
        "Fulham's coach was furious. Fulham remain bottom of the league this season."
    )
    assert spans(text) == [("Everton", "ORG")] + [("Fulham", "ORG")] * 3


def test_a_college_known_by_its_state_is_an_organisation() -> None:
    text = (
        "Florida coach Urban Meyer closed practice to the press this season. "
        "He once coached at Michigan State."
    )
    assert spans(text) == [
        ("Florida", "ORG"),
        ("Urban Meyer", "PERSON"),
        ("Michigan State", "ORG"),
    ]


def test_teams_by_nickname_are_organisations() -> None:
    text = (
        "The Boston Red Sox beat the Yankees in the playoffs, and the Bruins "
        "lost again. The Gunners won their league match."
    )
    assert spans(text) == [
        ("Boston Red Sox", "ORG"),
        ("Yankees", "ORG"),
        ("Bruins", "ORG"),
        ("Gunners", "ORG"),
    ]


def test_countries_stay_places_and_towns_stay_towns() -> None:
    text = "England beat Spain in the last match of the tournament; the coach of England scored."
    assert spans(text) == [("England", "PLACE"), ("Spain", "PLACE"), ("England", "PLACE")]
    # no sport in the story: the town
    assert spans("Fulham is a district of London, and Fulham has many shops.") == [
        ("Fulham", "PLACE"),
        ("London", "PLACE"),
        ("Fulham", "PLACE"),
    ]


# ----------------------------------------- brands in lower case or digits


def test_brands_written_in_lower_case_or_with_digits_are_organisations() -> None:
    text = (
        "Passengers of easyJet were stuck for hours. Shares of iRobot rose, and "
        "eHarmony said it had more users. 3M said profits rose; 23andMe cut jobs."
    )
    assert spans(text) == [
        ("easyJet", "ORG"),
        ("iRobot", "ORG"),
        ("eHarmony", "ORG"),
        ("3M", "ORG"),
        ("23andMe", "ORG"),
    ]


def test_products_in_lower_case_units_and_sizes_are_no_organisations() -> None:
    got = spans("He bought a new iWidget and 3D glasses with 1GHz chips at 5 kWh a day.")
    assert got == [("iWidget", "OTHER")]


# ------------------------------------------- people, towns and Latin places


def test_a_small_towns_name_that_speaks_is_a_person() -> None:
    text = "Delgado said the talks had failed, and Delgado's members walked out."
    assert spans(text) == [("Delgado", "PERSON")] * 2


def test_a_title_makes_a_person_of_a_small_towns_name_everywhere() -> None:
    # Obama is also a town in Japan
    text = "In an interview, Mr Obama said it was fine. Later Obama flew to Kenya."
    assert spans(text) == [("Obama", "PERSON"), ("Obama", "PERSON"), ("Kenya", "PLACE")]


def test_towns_are_places_not_organisations() -> None:
    assert spans("Residents say Abbiategrasso has changed, and Aalsmeer too.") == [
        ("Abbiategrasso", "PLACE"),
        ("Aalsmeer", "PLACE"),
    ]


def test_latin_place_names_are_places_and_towns_in_names_make_people() -> None:
    text = "The fair moved from Villa Rosa to Puerto Jose. Isabela Santos organised it."
    assert spans(text) == [
        ("Villa Rosa", "PLACE"),
        ("Puerto Jose", "PLACE"),
        ("Isabela Santos", "PERSON"),
    ]


# ------------------------------------------------ terms that are no names


def test_generic_acronyms_are_no_organisations() -> None:
    text = "Breaking Ground, an NGO, put up CCTV cameras and Zentrix CIO Jane Roe bought PCs at 1 PM IST."
    got = spans(text)
    assert ("Jane Roe", "PERSON") in got and ("Zentrix", "ORG") in got
    assert not {"NGO", "CCTV", "PCs", "IST", "CIO"} & {t for t, _ in got}


def test_plural_demonyms_are_no_organisations() -> None:
    text = "Despite what jaded Californians say, the Argentines and Texans agree with Kenyans."
    assert spans(text) == []


def test_a_role_or_a_kind_makes_an_organisation_of_a_common_word() -> None:
    text = (
        "Jim Kell, cofounder of Square, spoke. Trevor Hou, a partner at Rhodium, agreed. "
        "The city has Six Thirty, a financial technology accelerator."
    )
    got = spans(text)
    assert ("Square", "ORG") in got and ("Rhodium", "ORG") in got
    assert ("Six Thirty", "ORG") in got


def test_a_registered_mark_makes_a_product() -> None:
    text = "The drug is sold as Zorvatide® in Europe, and Zorvatide is not approved here."
    assert spans(text) == [("Zorvatide", "OTHER"), ("Europe", "PLACE"), ("Zorvatide", "OTHER")]


def test_a_company_named_like_a_place_is_the_place_after_the() -> None:
    text = "Fires in the Amazon grew, and the northern Amazon burned. Amazon said sales rose."
    assert spans(text) == [("Amazon", "PLACE"), ("Amazon", "PLACE"), ("Amazon", "ORG")]


def test_an_acronym_a_lower_case_phrase_defines_is_a_term() -> None:
    text = (
        "Zorvatide treats hepatic veno-occlusive disease (VOD) after blood stem cell "
        "transplantation (BSCT). Severe VOD is rare; the World Health Organization (WHO) agrees."
    )
    got = spans(text)
    assert not {"VOD", "BSCT"} & {t for t, _ in got}
    assert ("World Health Organization", "ORG") in got and ("WHO", "ORG") in got


def test_a_company_takes_its_suffix_in() -> None:
    text = "Zentrix Pharmaceuticals plc will buy Quorvia Pharmaceuticals, Inc. this year."
    assert spans(text) == [
        ("Zentrix Pharmaceuticals plc", "ORG"),
        ("Quorvia Pharmaceuticals, Inc.", "ORG"),
    ]


def test_an_organisation_a_rule_named_is_found_in_a_heading() -> None:
    text = "Square Cofounder Talks About Money\n\nJim Kell is a cofounder of Square."
    assert spans(text) == [("Square", "ORG"), ("Jim Kell", "PERSON"), ("Square", "ORG")]


def test_a_sentence_opener_after_a_title_ending_a_sentence_is_stripped() -> None:
    got = spans("They came to hear the former president. But Trump, as always, went on.")
    assert not any(t.startswith("But") for t, _ in got)


def test_a_direction_and_a_geographic_word_make_one_place() -> None:
    got = spans("A quake rattled the East Coast, and much of the Northern Hemisphere was hot.")
    assert got == [("East Coast", "PLACE"), ("Northern Hemisphere", "PLACE")]


def test_a_romance_particle_needs_a_first_name_to_make_a_person() -> None:
    got = spans("Tourists crowd the Costa del Sol, where Maria de la Vega lives.")
    assert ("Maria de la Vega", "PERSON") in got
    assert ("Costa del Sol", "PERSON") not in got


def test_everyday_words_do_not_make_a_story_about_sport() -> None:
    text = (
        "The title of the report is a match for the mood of the season: "
        "residents beat Fulham council in court."
    )
    assert ("Fulham", "PLACE") in spans(text)


def test_an_unknown_word_with_nothing_to_say_what_it_is_is_no_organisation() -> None:
    text = "Players love the new Thumper and Zorblax this year, and Zorblax sells well."
    assert {label for _, label in spans(text)} <= {"OTHER"}


def test_its_people_or_its_shares_make_an_organisation() -> None:
    text = "Quorvex shares fell after a Zentrix spokesman said so."
    assert spans(text) == [("Quorvex", "ORG"), ("Zentrix", "ORG")]


def test_a_kind_of_company_before_a_name_or_its_members_after_it() -> None:
    text = "The chipmaker Zentrix lost money; Quorvex's shareholders and Velnara members met."
    assert spans(text) == [("Zentrix", "ORG"), ("Quorvex", "ORG"), ("Velnara", "ORG")]


def test_a_deal_makes_an_organisation_of_the_other_side() -> None:
    text = "Apple has partnered with Zeiss, and Gentium was acquired by Jazz last year."
    got = spans(text)
    assert ("Zeiss", "ORG") in got and ("Jazz", "ORG") in got


def test_science_and_media_terms_in_capitals_are_no_organisations() -> None:
    text = "The lab ran PCR tests and used CRISPR on GMOs, then burned the data to DVDs."
    assert spans(text) == []
