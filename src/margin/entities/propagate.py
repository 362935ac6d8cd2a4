"""The second pass of the built-in recogniser: labels travel inside the document.

A full name labels its later short forms ("Barack Obama", then "Obama"); an
acronym defined in parentheses takes its expansion's label; a weakly
guessed label yields to a strong one given to the same words elsewhere, or
to the label most of its guesses agree on; and the words the first pass
left open are decided.
"""

from __future__ import annotations

from dataclasses import dataclass

from margin.entities.document import GAZ, GUESS, RULE, Cand, Document, allcaps, norm
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


def second_pass(doc: Document, cands: list[Cand]) -> list[Cand]:
    """The candidates with their final labels; those still without one are dropped."""
    acronyms = _acronyms(doc, cands)
    keys = [norm(c.words) for c in cands] if doc.needs_norm else [" ".join(c.words) for c in cands]
    surfaces = _Surfaces(_person_parts(doc, cands), {}, {})
    _tally(cands, keys, surfaces)
    for acr, label in acronyms.items():
        surfaces.best.setdefault(acr, (label, RULE))
    out: list[Cand] = []
    for c, key in zip(cands, keys, strict=True):
        _settle(doc, c, key, surfaces)
        if c.label is not None:
            out.append(c)
    return out


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
    the last part of a hyphenated surname."""
    parts: dict[str, int] = {}
    gazetteer = doc.lex.gazetteer
    for c in cands:
        if c.label == "PERSON" and c.strength >= GUESS:
            ws = [w for w in c.words if w[0].isupper() and not (len(w) == 2 and w[1] == ".")]
            if len(ws) >= 2:
                if doc.needs_norm:
                    ws = [norm((w,)) for w in ws]
                parts.setdefault(ws[-1], c.strength)
                parts.setdefault(" ".join(ws[-2:]), c.strength)
                if (ws[0],) not in gazetteer:
                    parts.setdefault(ws[0], c.strength)
                if "-" in ws[-1]:
                    parts.setdefault(ws[-1].split("-")[-1], c.strength)
    return parts


def _tally(cands: list[Cand], keys: list[str], surfaces: _Surfaces) -> None:
    """The strongest label each surface got anywhere in the document, and
    the votes of its weak guesses (a person hint votes for a person)."""
    best, votes = surfaces.best, surfaces.votes
    for c, key in zip(cands, keys, strict=True):
        if c.label is None:
            continue
        if c.strength >= RULE:
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
    if c.label != "PERSON" and (c.strength < GAZ or c.label == "PLACE") and not c.place_context:
        hit = surfaces.person_parts.get(key)
        if hit is not None and (c.strength < GAZ or hit >= RULE):
            c.label, c.strength = "PERSON", RULE
    b = surfaces.best.get(key)
    if b is not None and b[1] > c.strength:
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
        c.label, c.strength = "ORG", GUESS
