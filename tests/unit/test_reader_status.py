"""The reader's status line, from plain facts."""

from __future__ import annotations

from margin.ui.reader_status import NOT_SAVED, SELECTING, SEPARATOR, ReadingFacts, status_text


def parts(facts: ReadingFacts) -> list[str]:
    return status_text(facts).split(SEPARATOR)


def test_progress_and_time_left():
    assert parts(ReadingFacts(progress=0.0)) == ["0%"]
    assert parts(ReadingFacts(progress=0.25, reading_minutes=8)) == ["25%", "6 min left"]
    assert parts(ReadingFacts(progress=1.0, reading_minutes=8)) == ["100%", "done"]


def test_what_is_going_on_follows_the_progress_in_a_fixed_order():
    facts = ReadingFacts(
        progress=0.5,
        bookmarked=True,
        selecting=True,
        highlights=1,
        show_entities=False,
        in_library=False,
    )
    assert parts(facts) == [
        "50%",
        "★ bookmarked",
        SELECTING,
        "1 highlight",
        "entities off",
        NOT_SAVED,
    ]
    assert "3 highlights" in parts(ReadingFacts(progress=0.5, highlights=3))


def test_search_shows_which_match_of_how_many():
    matches = [(1, 3), (5, 7), (9, 11)]
    facts = ReadingFacts(progress=0.1, search_query="boats", matches=matches)
    assert parts(facts)[1] == "“boats” 0/3"
    facts = ReadingFacts(progress=0.1, search_query="boats", matches=matches, current_match=(5, 7))
    assert parts(facts)[1] == "“boats” 2/3"
    # a search with no match says nothing of it
    assert parts(ReadingFacts(progress=0.1, search_query="zzz")) == ["10%"]


def test_entity_mentions_when_not_searching():
    facts = ReadingFacts(progress=0.1, entity=("Angela Merkel", 16))
    assert parts(facts)[1] == "Angela Merkel: 16 mentions"
    searching = ReadingFacts(
        progress=0.1, entity=("Angela Merkel", 16), search_query="x", matches=[(0, 1)]
    )
    assert "mentions" not in status_text(searching)


def test_query_and_name_are_flattened_to_one_clean_line():
    facts = ReadingFacts(progress=0.0, search_query="a\nb\x1b[31m", matches=[(0, 1)])
    text = status_text(facts)
    assert "\n" not in text and "\x1b" not in text
    facts = ReadingFacts(progress=0.0, entity=("Jane\nDoe\x07", 2))
    assert "\n" not in status_text(facts) and "\x07" not in status_text(facts)
