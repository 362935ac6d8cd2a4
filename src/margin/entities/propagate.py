"""The second pass of the built-in recogniser: labels travel inside the document.

A full name labels its later short forms ("Barack Obama", then "Obama"); an
acronym defined in parentheses takes its expansion's label; a weakly
guessed label yields to a strong one given to the same words elsewhere, or
to the label most of its guesses agree on; and the words the first pass
left open are decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from margin.entities.context import place_context
from margin.entities.document import GAZ, GUESS, RULE, Cand, Document, allcaps, extra_end, norm
from margin.model import EntityLabel


@dataclass(slots=True)
class _Surfaces:
    """What the whole document says about each surface form (the words of a
    candidate, as one key)."""

    # a part of a full name -> the strength of that name's label
    person_parts: dict[str, int]
    # the strongest label given anywhere (RULE or better)
    best: dict[str, tuple[EntityLabel, int]]
    # the votes of the weak guesses
    votes: dict[str, dict[EntityLabel, int]]
    # labelled people by a rule somewhere ("Mr Obama"): never a small town
    people: set[str]


def second_pass(doc: Document, cands: list[Cand]) -> list[Cand]:
    """The candidates with their final labels; those still without one are dropped."""
    acronyms = _acronyms(doc, cands)
    keys = [norm(c.words) for c in cands] if doc.needs_norm else [" ".join(c.words) for c in cands]
    surfaces = _Surfaces(_person_parts(doc, cands), {}, {}, set())
    _tally(cands, keys, surfaces)
    for acr, label in acronyms.items():
        surfaces.best.setdefault(acr, (label, RULE))
    clubs = {key for c, key in zip(cands, keys, strict=True) if c.club}
    terms = _terms(doc, cands)
    out: list[Cand] = []
    for c, key in zip(cands, keys, strict=True):
        if terms and key in terms:
            continue
        _settle(doc, c, key, surfaces)
        if clubs and key in clubs and c.label == "PLACE":
            _club_again(doc, c)
        if c.label is not None:
            out.append(c)
    out += _names_in_headings(doc, out)
    out += _lost_names(doc, out, _names_to_find(doc, surfaces))
    _corporate_suffixes(doc, out)
    _take_particles(doc, out, surfaces.person_parts)
    return out


def _club_again(doc: Document, c: Cand) -> None:
    """A place's name that means its club elsewhere in the article is the
    club again, unless a place context makes it the town ("in Fulham")."""
    if not place_context(doc, c.first, c.last):
        c.label, c.strength, c.club = "ORG", RULE, True


def _acronyms(doc: Document, cands: list[Cand]) -> dict[str, EntityLabel]:
    """Acronyms defined in parentheses ("World Health Organization (WHO)"):
    the acronym's label. An open expansion whose initials spell the acronym
    becomes an organisation; the acronym inside the parentheses takes the
    expansion's label."""
    acronyms: dict[str, EntityLabel] = {}
    if "(" not in doc.text:
        return acronyms  # a search in C, where the loop below would look at every candidate
    words = doc.words
    by_first: dict[int, Cand] | None = None
    for c in cands:
        j = c.last + 1
        if not (j + 2 < len(words) and words[j] == "(" and words[j + 2] == ")"):
            continue
        acr = words[j + 1]
        if not (allcaps(acr) and 2 <= len(acr) <= 8) or len(c.words) < 2:
            continue
        initials = "".join(w[0] for w in c.words if w[0].isupper())
        if c.label is None:
            if initials != acr:
                continue
            c.label, c.strength = "ORG", RULE
        acronyms[acr] = c.label
        if by_first is None:
            by_first = {c.first: c for c in cands}
        inner = by_first.get(j + 1)
        if inner is not None:
            inner.label, inner.strength = c.label, RULE
    return acronyms


def _person_parts(doc: Document, cands: list[Cand]) -> dict[str, int]:
    """The parts of full names that stand for the person elsewhere: the
    surname, the last two names, the first name (unless it is a place),
    the last part of a hyphenated surname, a surname with its particles
    ("van der Berg", and "Van der Berg" starting a sentence)."""
    parts: dict[str, int] = {}
    gazetteer = doc.lex.gazetteer
    for c in cands:
        if c.label == "PERSON" and c.strength >= GUESS:
            words = [norm((w,)) for w in c.words] if doc.needs_norm else list(c.words)
            ws = [w for w in words if w[0].isupper() and not (len(w) == 2 and w[1] == ".")]
            if len(ws) >= 2:
                parts.setdefault(ws[-1], c.strength)
                parts.setdefault(" ".join(ws[-2:]), c.strength)
                if (ws[0],) not in gazetteer:
                    parts.setdefault(ws[0], c.strength)
                if "-" in ws[-1]:
                    parts.setdefault(ws[-1].split("-")[-1], c.strength)
                for surname in _with_particles(doc, words):
                    parts.setdefault(surname, c.strength)
    return parts


def _with_particles(doc: Document, words: list[str]) -> list[str]:
    """The surname of a full name from its first particle on, as written
    and capitalised: ["van der Berg", "Van der Berg"]; none without one."""
    particles = doc.lex.name_particles
    for i in range(1, len(words) - 1):
        if words[i] in particles:
            surname = " ".join(words[i:])
            return [surname, surname[0].upper() + surname[1:]]
    return []


def _take_particles(doc: Document, cands: list[Cand], parts: dict[str, int]) -> None:
    """A surname after the particles it was written with in full ("de la"
    + "Cruz"): the span starts at the particles."""
    words = doc.words
    particles = doc.lex.name_particles
    for c in cands:
        a = c.first
        if c.label != "PERSON" or a < 1 or words[a - 1] not in particles:
            continue
        k = a - 1
        while k > 0 and words[k - 1] in particles and a - k < 2:
            k -= 1
        while k < a and " ".join(words[k : c.last + 1]) not in parts:
            k += 1
        if k < a:
            c.first, c.words = k, tuple(words[k : c.last + 1])


def _names_in_headings(doc: Document, kept: list[Cand]) -> list[Cand]:
    """Names the body labels surely, found in headings and runs of capitals
    whatever their case ("JAZZ PHARMACEUTICALS" after "Jazz Pharmaceuticals
    plc"), where the heading's own rules found nothing."""
    words, headline = doc.words, doc.headline
    spots = [i for i in doc.caps if headline[i]]
    if not spots:
        return []
    known: dict[str, list[tuple[tuple[str, ...], Cand]]] = {}
    for c in kept:
        if c.strength >= RULE and not headline[c.first]:
            key = tuple(w.lower() for w in c.words)
            known.setdefault(key[0], []).append((key, c))
    covered = {i for c in kept for i in range(c.first, c.last + 1)}
    out: list[Cand] = []
    end = -1
    for i in spots:
        if i <= end or i in covered:
            continue
        best = None
        for key, c in known.get(words[i].lower(), ()):
            j = i + len(key) - 1
            if (best is None or j > best[0]) and tuple(w.lower() for w in words[i : j + 1]) == key:
                best = (j, c)
        if best is not None and not covered.intersection(range(i, best[0] + 1)):
            end, c = best
            out.append(Cand(i, end, c.label, c.strength, tuple(words[i : end + 1])))
    return out


def _names_to_find(doc: Document, surfaces: _Surfaces) -> dict[str, EntityLabel]:
    """Words the first pass may have dropped (common words) that the article
    names surely: the surnames of people named in full with a rule's label
    or better."""
    parts = surfaces.person_parts
    first_names = doc.lex.first_names
    return {
        p: "PERSON"
        for p, strength in parts.items()
        if strength >= RULE and " " not in p and p not in first_names
    }


def _lost_names(doc: Document, kept: list[Cand], names: dict[str, EntityLabel]) -> list[Cand]:
    """Those words where the first pass made nothing of them ("Marsh said",
    "Jobs' health", "Square has since grown")."""
    if not names:
        return []
    words = doc.words
    covered = {i for c in kept for i in range(c.first, c.last + 1)}
    out = []
    for i in doc.caps:
        w = words[i]
        label = names.get(norm((w,)) if doc.needs_norm else w)
        if label is not None and i not in covered:
            out.append(Cand(i, i, label, RULE, (w,)))
    return out


# Company suffixes written after a comma or in lower case: "Sigma-Tau, Inc.", "Jazz plc".
_AFTER_COMMA = frozenset({"Inc", "Ltd", "LLC", "LLP", "Corp", "Co", "Limited", "INC", "LTD"})


def _corporate_suffixes(doc: Document, cands: list[Cand]) -> None:
    """An organisation's name takes in the suffix after it: "Jazz
    Pharmaceuticals plc", "Sigma-Tau Pharmaceuticals, Inc."."""
    words = doc.words
    n = len(words)
    for c in cands:
        j = c.last + 1
        if c.label != "ORG" or c.extra_end or j >= n:
            continue
        if words[j] in ("plc", "PLC"):
            c.last = j
        elif words[j] == "," and j + 1 < n and words[j + 1] in _AFTER_COMMA:
            c.last = j + 1
            c.extra_end = extra_end(words, j + 1)


def _terms(doc: Document, cands: list[Cand]) -> set[str]:
    """Acronyms a lower-case phrase defines ("veno-occlusive disease (VOD)",
    "stem cell transplantation (HSCT)"): terms, no names, wherever they occur."""
    if "(" not in doc.text:
        return set()
    words = doc.words
    terms: set[str] = set()
    for c in cands:
        i = c.first
        acr = words[i]
        if c.last != i or not (
            0 < i < len(words) - 1 and words[i - 1] == "(" and words[i + 1] == ")"
        ):
            continue
        if not (allcaps(acr) and 2 <= len(acr) <= 8):
            continue
        before = [w for w in words[max(0, i - 1 - 2 * len(acr)) : i - 1] if w[0].isalnum()]
        phrase = before[-len(acr) :]
        initials = "".join(w[0] for w in phrase)
        if all(w.islower() for w in phrase) and initials == acr.lower():
            terms.add(acr)
    return terms


def _tally(cands: list[Cand], keys: list[str], surfaces: _Surfaces) -> None:
    """The strongest label each surface got anywhere in the document, and
    the votes of its weak guesses (a person hint votes for a person)."""
    best, votes = surfaces.best, surfaces.votes
    for c, key in zip(cands, keys, strict=True):
        if c.label is None:
            continue
        if c.strength >= RULE:
            if c.label == "PERSON":
                surfaces.people.add(key)
            old = best.get(key)
            if old is None or old[1] < c.strength:
                best[key] = (c.label, c.strength)
        else:
            label: EntityLabel = "PERSON" if c.person_hint else c.label
            v = votes.setdefault(key, {})
            v[label] = v.get(label, 0) + 1


def _settle(doc: Document, c: Cand, key: str, surfaces: _Surfaces) -> None:
    """Give ``c`` its final label, from what the document says about its words."""
    lex = doc.lex
    # A part of a full name is that person, unless it is a gazetteer entry
    # (or a place only its context made one) and the name only a guess.
    if (c.strength < GAZ or c.label in ("PLACE", "PERSON")) and not c.place_context:
        hit = surfaces.person_parts.get(key)
        if hit is not None and (c.strength < GAZ or hit >= RULE):
            # the person, whatever the same words are labelled elsewhere
            c.label, c.strength = "PERSON", RULE
            return
    if key in surfaces.people and c.label in ("PLACE", "PERSON") and c.words in lex.generated:
        c.label, c.strength = "PERSON", RULE  # "Mr Obama" makes no Japanese town of Obama
        return
    b = surfaces.best.get(key)
    if b is not None and b[1] > c.strength and not c.place_context:
        c.label, c.strength = b
    if c.strength <= GUESS:
        tally = surfaces.votes.get(key)
        if tally:
            # ties go to the first label guessed (dicts keep insertion order)
            winner: EntityLabel = max(tally, key=tally.__getitem__)
            c.label = winner
            c.strength = max(c.strength, GUESS)
    if c.label is not None or c.first != c.last:
        return
    # Still open, one word.
    w = c.words[0]
    if c.person_hint and w.lower() not in lex.words:
        # "Essid declared ..." at a sentence start, never seen elsewhere: a surname
        c.label, c.strength = "PERSON", GUESS
    elif w in doc.cap_mid and not doc.headline[c.first] and w.lower() not in lex.words:
        # capitalised inside sentences elsewhere, and not a common word: a name
        c.label, c.strength = "OTHER", GUESS
