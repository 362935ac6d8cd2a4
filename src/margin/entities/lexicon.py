"""Word lists and gazetteers shipped in ``data/``, loaded once on first use."""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from importlib import resources

from margin.model import EntityLabel

_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None

#: Longest gazetteer entry, in tokens, that the matcher looks for.
MAX_GAZ_TOKENS = 6


@dataclass(frozen=True, slots=True)
class Lexicon:
    gazetteer: dict[tuple[str, ...], EntityLabel]  # token tuple -> PLACE / ORG / OTHER
    weak_places: frozenset[tuple[str, ...]]  # places only in a place context ("in Reading")
    generated: frozenset[tuple[str, ...]]  # gazetteer keys from the generated place lists
    gaz_longest: dict[str, int]  # first token -> length of the longest gazetteer key it starts
    first_names: frozenset[str]
    countries: frozenset[tuple[str, ...]]  # token tuples: places in every use
    orgs_and_places: frozenset[tuple[str, ...]]  # companies named like a place ("Amazon")
    words: frozenset[str]  # lower-case common English words
    org_suffixes: frozenset[str]
    org_heads: frozenset[str]
    place_suffixes: frozenset[str]
    place_prefixes: frozenset[str]
    person_titles: frozenset[str]
    lower_titles: frozenset[str]
    person_verbs_after: frozenset[str]
    person_verbs_before: frozenset[str]
    nationalities: frozenset[str]
    dates: frozenset[str]  # months and weekdays
    stopwords: frozenset[str]
    name_particles: frozenset[str]
    other_suffixes: frozenset[str]
    place_nouns_after: frozenset[str]
    org_nouns_after: frozenset[str]
    place_nouns_before: frozenset[str]
    org_nouns_before: frozenset[str]
    # unions the recogniser tests at once
    strip_first: frozenset[str]  # stopwords, dates, nationalities, person titles
    not_alone: frozenset[str]  # the same and organisation heads: never an entity alone
    run_breaks: frozenset[str]  # person titles, dates, stopwords: may split a run of names
    # Words that make no candidate when they are a run alone outside a heading:
    # never an entity alone, not in the gazetteer, not all capitals (their
    # Title Case form may be), and not a weak place unless a title or a date.
    alone_dropped: frozenset[str]


def _lines(name: str) -> list[str]:
    text = resources.files("margin.entities").joinpath("data", name).read_text("utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def _section(name: str, header: str) -> list[str]:
    """The entries of ``name`` under the comment line ``# --- header``, up to
    the next such line."""
    text = resources.files("margin.entities").joinpath("data", name).read_text("utf-8")
    out: list[str] = []
    inside = False
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# ---"):
            inside = line == f"# --- {header}"
        elif inside and line and not line.startswith("#"):
            out.append(line)
    return out


def _tokens(entry: str) -> tuple[str, ...]:
    from margin.entities.tokens import tokenise  # local: tokens imports nothing heavy

    return tuple(t.text for t in tokenise(entry))


_Gazetteer = dict[tuple[str, ...], EntityLabel]


def _gazetteers() -> tuple[_Gazetteer, frozenset[tuple[str, ...]], frozenset[tuple[str, ...]]]:
    """(gazetteer, its keys from the generated place lists, weak places)."""
    from margin.entities.tokens import tokenise  # local: tokens imports nothing heavy

    gazetteer: _Gazetteer = {}
    # Later files win on conflicts, so the more specific lists come last.
    lists: tuple[tuple[str, EntityLabel], ...] = (
        ("places.txt", "PLACE"),
        ("other.txt", "OTHER"),
        ("orgs.txt", "ORG"),
    )
    for fname, label in lists:
        for entry in _lines(fname):
            key = tuple(t.text for t in tokenise(entry))
            if key:
                gazetteer[key] = label
    # Generated from GeoNames and ISO 3166 (bench/entity_data/make_gazetteers.py);
    # the hand-written lists above win on conflicts.
    generated: set[tuple[str, ...]] = set()
    for entry in _lines("geo_places.txt"):
        # plain words split on spaces as the tokeniser would; the rest is tokenised
        key = tuple(entry.split()) if entry.replace(" ", "").isalpha() else _tokens(entry)
        if key and len(key) <= MAX_GAZ_TOKENS and key not in gazetteer:
            gazetteer[key] = "PLACE"
            generated.add(key)
    weak_places = frozenset(
        key
        for key in (_tokens(e) for e in _lines("geo_places_weak.txt"))
        if key and key not in gazetteer
    )
    return gazetteer, frozenset(generated), weak_places


def _longest(gazetteer: _Gazetteer) -> dict[str, int]:
    """First token -> the length of the longest gazetteer key it starts."""
    out: dict[str, int] = {}
    for key in gazetteer:
        if out.get(key[0], 0) < len(key):
            out[key[0]] = len(key)
    return out


def _build() -> Lexicon:
    gazetteer, generated, weak_places = _gazetteers()
    raw = json.loads(
        resources.files("margin.entities").joinpath("data", "lexicon.json").read_text("utf-8")
    )

    def fs(key: str) -> frozenset[str]:
        return frozenset(raw[key])

    stopwords = fs("stopwords")
    dates = fs("months") | fs("weekdays")
    nationalities = fs("nationalities")
    person_titles = fs("person_titles")
    strip_first = stopwords | dates | nationalities | person_titles
    not_alone = strip_first | fs("org_heads")
    return Lexicon(
        gazetteer=gazetteer,
        gaz_longest=_longest(gazetteer),
        weak_places=weak_places,
        generated=generated,
        first_names=frozenset(_lines("first_names.txt") + _lines("census_first_names.txt")),
        orgs_and_places=frozenset((w,) for w in raw["orgs_and_places"]),
        countries=frozenset(
            _tokens(e) for e in _section("places.txt", "countries and common short forms")
        ),
        words=frozenset(_lines("words.txt")),
        org_suffixes=fs("org_suffixes"),
        org_heads=fs("org_heads"),
        place_suffixes=fs("place_suffixes"),
        place_prefixes=fs("place_prefixes"),
        person_titles=person_titles,
        lower_titles=fs("lower_titles"),
        person_verbs_after=fs("person_verbs_after"),
        person_verbs_before=fs("person_verbs_before"),
        nationalities=nationalities,
        dates=dates,
        stopwords=stopwords,
        name_particles=fs("name_particles"),
        other_suffixes=fs("other_suffixes") - {"Games"},
        place_nouns_after=fs("place_nouns_after"),
        org_nouns_after=fs("org_nouns_after"),
        place_nouns_before=fs("place_nouns_before"),
        org_nouns_before=fs("org_nouns_before"),
        strip_first=strip_first,
        not_alone=not_alone,
        run_breaks=person_titles | dates | stopwords,
        alone_dropped=frozenset(
            w
            for w in not_alone
            if (w,) not in gazetteer
            and not w.isupper()
            and (w in person_titles or w in dates or (w,) not in weak_places)
        ),
    )


def lexicon() -> Lexicon:
    """The shared lexicon, built on first call (thread-safe)."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                _LEXICON = _build()
    return _LEXICON
