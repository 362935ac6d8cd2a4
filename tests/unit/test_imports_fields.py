"""Single values as the services write them: times, flags, progress, lists, URLs."""

from __future__ import annotations

import pytest

from margin.imports.fields import (
    is_fetchable,
    iso_from_text,
    iso_from_unix,
    list_literal,
    normalise_url,
    progress,
    to_bool,
    to_int,
)

SECOND = "2020-09-13T12:26:40+00:00"


@pytest.mark.parametrize("value", [1600000000, "1600000000", 1600000000000, 1600000000000000])
def test_unix_times_in_seconds_milliseconds_or_microseconds(value):
    assert iso_from_unix(value) == SECOND


@pytest.mark.parametrize("value", [None, "", "soon", 0, -5, True, float("nan")])
def test_what_is_no_unix_time(value):
    assert iso_from_unix(value) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2024-01-01T12:00:00.000Z", "2024-01-01T12:00:00+00:00"),
        ("2019-03-09T12:34:56+0100", "2019-03-09T11:34:56+00:00"),
        ("2024-01-15 10:30:00+00:00", "2024-01-15T10:30:00+00:00"),
        ("09/03/2019 12:34:56", "2019-03-09T12:34:56"),
        ("2024-01-15", "2024-01-15T00:00:00"),
        (1600000000, SECOND),
        ("not a date", None),
    ],
)
def test_written_dates(text, iso):
    assert iso_from_text(text) == iso


def test_flags_written_as_numbers_text_or_bools():
    assert [to_bool(v) for v in (1, 0, True, "1", "false", "TRUE", 2, "yes", None)] == [
        True, False, True, True, False, True, None, None, None,
    ]  # fmt: skip


def test_offsets_written_as_numbers_or_text():
    assert [to_int(v) for v in (12, "12", " 7 ", 3.0, "3.5", "x", None, True)] == [
        12, 12, 7, 3, None, None, None, None,
    ]  # fmt: skip


def test_progress_out_of_a_scale():
    assert progress(42, scale=100) == pytest.approx(0.42)
    assert progress("35%", scale=1) == pytest.approx(0.35)
    assert progress(250, scale=100) == 1.0
    assert progress(-1, scale=100) is None


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("['a', \"b's\"]", ["a", "b's"]),
        ('["x", "y, z"]', ["x", "y, z"]),
        ("", []),
        ("[1, 2]", None),
        ("['unclosed", None),
        ("__import__('os').system('true')", None),
    ],
)
def test_lists_written_as_text(text, tags):
    assert list_literal(text) == tags


def test_urls_normalised_for_matching():
    assert (
        normalise_url("HTTPS://Example.COM:443/a?utm_source=x&id=3#top")
        == "https://example.com/a?id=3"
    )
    assert normalise_url("http://example.com") == "http://example.com/"


@pytest.mark.parametrize(
    ("url", "fetchable"),
    [
        ("https://example.com/a", True),
        ("http://example.com", True),
        ("https://omnivore.app/no_url?q=abc", False),
        ("javascript:alert(1)", False),
        ("file:///etc/passwd", False),
        ("urn:x-pdf:abc", False),
        (None, False),
    ],
)
def test_what_may_be_fetched(url, fetchable):
    assert is_fetchable(url) is fetchable
