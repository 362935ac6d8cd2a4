"""The rules that label one span of capitalised tokens in the first pass.

:func:`classify` trims the span, then asks the rules in order; the first
that decides wins. A rule answers with a candidate, ``NO_ENTITY`` (the span
is no entity at all), or None (the rule does not apply to it). The order
matters: what the gazetteer knows beats a keyword, a keyword beats a first
name, and the guesses about unknown words come last.
"""

from __future__ import annotations

from enum import Enum
from itertools import repeat
from typing import Final, Literal

from margin.entities.context import (
    before_lower_word,
    demonym,
    followed_by_based,
    glossed,
    org_context,
    place_context,
    product_mark,
    the_place,
    town_says,
)
from margin.entities.document import (
    GAZ,
    GUESS,
    OPEN,
    RULE,
    Cand,
    Document,
    Match,
    allcaps,
    extra_end,
    next_word,
    prev_word,
)
from margin.entities.lexicon import Lexicon
from margin.entities.sport import club, sporty, team
from margin.model import EntityLabel

THE: Final = ("The", "THE", "the")  # stripped from the front of a name
_AT = frozenset({"in", "at", "near"})
# Name particles that only people's names have: "van der Berg", "bin Salman".
_GERMANIC = frozenset({"van", "von", "der", "den", "ter", "bin", "ibn", "abu", "bint"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "inside", "across", "to", "around"})
# German and Dutch compound names of organisations: "Privatbank", "Stadtarchiv", "Sparkasse".
_ORG_STEMS = (
    "bank", "archiv", "archief", "gesellschaft", "versicherung", "verband", "stiftung",
    "institut", "ministerium", "konzern", "kasse", "werke", "hochschule", "universität",
    "gericht", "partei", "bundesamt", "landesamt",
)  # fmt: skip
# Adjectives that start organisation names ("Federal Statistical Office"): kept
# before an organisation word although they are stopwords elsewhere.
_ORG_ADJ = frozenset(
    {
        "Federal", "National", "Royal", "Central", "International", "Regional", "Imperial",
        "Public", "State", "General", "Global", "Supreme", "Social", "Private", "Commercial",
        "Industrial", "Special", "Military", "Foreign", "Standard", "Consumer", "Digital",
    }
)  # fmt: skip
# German and Dutch place-name endings: an unknown "Zollhafen" is a place, not a company.
_PLACE_STEMS = ("hafen", "haven", "dorf", "hausen", "heim", "ingen", "kirchen", "brücke", "brug")
# "Middle Rhine", "Upper Silesia", "Lower Saxony": a place, not an organisation.
_PLACE_ADJ = frozenset(
    {"Middle", "Upper", "Lower", "Northern", "Southern", "Eastern", "Western", "Central", "Inner",
     "Outer", "Greater", "North", "South", "East", "West"}
)  # fmt: skip
# First names that are also adjectives: no entity before a lower-case word.
_ADJ_NAMES = frozenset({"Roman", "Christian", "Norman"})
_PRE_PERSON = frozenset({"said", "says", "told", "according", "by", "thanked", "interviewed"})
# Verbs after an unknown word that make it a guessed organisation that may be a person.
_REPORTING = ("said", "says", "told", "added", "wrote")
# Lower-case words that join the parts of an organisation's name.
_CONNECTORS = frozenset({"of", "for", "and", "on"})
# Before a product's name: "a", "new", a possessive.
_PRODUCT_BEFORE = frozenset(
    {"a", "an", "new", "his", "her", "my", "your", "their", "our", "its", "latest", "older"}
)
_TRAILING_JUNK = frozenset({"The", "A", "An", "And", "Or", "Of", "I", "THE", "AND"})
# Words that some rule treats specially although they are not in the
# lexicon's word lists: never a plain word (see plain_word).
_NOT_PLAIN = _ORG_ADJ | _ADJ_NAMES | _TRAILING_JUNK | frozenset(THE)


class _Verdict(Enum):
    NO_ENTITY = "no entity"


#: A rule's answer that the span is no entity at all.
NO_ENTITY: Final = _Verdict.NO_ENTITY
Answer = Cand | Literal[_Verdict.NO_ENTITY] | None


class Span:
    """Tokens s..e (inclusive), trimmed, and what the rules ask about them."""

    __slots__ = (
        "s",
        "e",
        "words",
        "person_ctx",
        "gaz",
        "headline",
        "at_start",
        "extra_end",
        "prev",
    )

    def __init__(self, doc: Document, s: int, e: int, person_ctx: bool, gaz: list[Match]) -> None:
        tw = doc.words
        self.s = s
        self.e = e
        self.words = tuple(tw[s : e + 1])
        # a person title before it ("CEO Mark Zuckerberg", "Senator X")
        self.person_ctx = person_ctx
        self.gaz = gaz  # the gazetteer matches in its run
        self.headline = doc.headline[s]
        self.at_start = doc.sent_start[s]  # starts a sentence
        self.extra_end = extra_end(tw, e)
        self.prev = prev_word(tw, s)


def classify(doc: Document, s: int, e: int, person_ctx: bool, gaz: list[Match]) -> Cand | None:
    """The candidate that tokens s..e make, or None if they are no entity."""
    if not person_ctx and sporty(doc):
        found = team(doc, s, e)
        if found is not None:
            return found
    s, e, person_ctx = _trim(doc, s, e, person_ctx)
    if s > e:
        return None
    span = Span(doc, s, e, person_ctx, gaz)
    if s == e:
        answer = (
            _club(doc, span)
            or _gazetteer(doc, span)
            or _weak_place(doc, span)
            or _word_alone(doc, span)
            or _org_compound_word(doc, span)
            or _person(doc, span)
            or _shape(doc, span)
            or _context_noun(doc, span)
            or _first_name_alone(doc, span)
            or _unknown_word(doc, span)
        )
    else:
        answer = (
            _club(doc, span)
            or _gazetteer(doc, span)
            or _weak_place(doc, span)
            or _keywords(doc, span)
            or _person(doc, span)
            or _context_noun(doc, span)
            or _unknown_name(doc, span)
        )
    return None if answer is NO_ENTITY else answer


def classify_word(doc: Document, a: int, label: EntityLabel | None) -> Cand | None:
    """What the general path (split, then :func:`classify`) makes of token
    a, a run alone outside a heading (most runs); ``label`` is its gazetteer
    entry's, if any (the caller has looked). The usual cases take a short
    way: a word that is never a name alone is dropped, and a plain word (see
    plain_word) that is no weak place or first name, with no person title
    before it, is left whole by trimming and only the context-noun and
    unknown-word rules can apply to it."""
    lex = doc.lex
    t = doc.words[a]
    if label is None and t.isupper() and len(t) > 3 and allcaps(t):
        titled = (t.title(),)
        if titled not in lex.generated:
            label = lex.gazetteer.get(titled)
    if label is not None:
        return classify(doc, a, a, False, [(a, a, label)])
    if t in lex.not_alone:
        if t in lex.person_titles or t in lex.dates or (t,) not in lex.weak_places:
            # the split drops a title or a date alone; the word-alone rule
            # says no to the rest (a stopword, a nationality, an organisation
            # word), unless it is a weak place
            return None
    elif plain_word(t) and (t,) not in lex.weak_places and t not in lex.first_names:
        if demonym(doc, t):
            return None  # the word-alone rule says no to it
        prev = prev_word(doc.words, a)
        if prev not in lex.person_titles and prev not in lex.lower_titles:
            if doc.sent_start[a] and t not in doc.cap_mid:
                # the context-noun rule skips a sentence start
                answer = _sentence_opener(doc, a, next_word(doc.words, a))
            else:
                span = Span(doc, a, a, False, [])
                answer = _context_noun(doc, span) or _unknown_word(doc, span)
            return None if answer is NO_ENTITY else answer
    return classify(doc, a, a, False, [])


def _trim(doc: Document, s: int, e: int, person_ctx: bool) -> tuple[int, int, bool]:
    """Strip a leading "The" and closed-class words (stopwords, dates,
    nationalities, person titles) from the front, and dates and words that
    never end a name ("The", "And") from the end; a title stripped in front
    makes what follows a person's name."""
    lex = doc.lex
    tw = doc.words
    strip_first = lex.strip_first
    while s <= e:
        t = tw[s]
        if t in THE:
            s += 1
            continue
        if t not in strip_first and t not in _ORG_ADJ and not t.isupper():
            break  # none of the rules below strips it (the usual case)
        full = tuple(tw[s : e + 1])
        if full in lex.gazetteer or (full in lex.weak_places and place_context(doc, s, e)):
            break
        if t.isupper() and tuple(w.title() for w in full) in lex.gazetteer:
            break  # "NEW YORK"
        if t in _ORG_ADJ and s < e and _org_words(lex, full[1:]):
            break
        if t in _PLACE_ADJ and s < e and tw[e] in lex.place_suffixes:
            break  # "East Coast", "Northern Hemisphere"
        if t not in lex.dates and _connected_org(lex, full):
            break  # "Food and Drug Administration", "Korean Ministry of Health"
        if t in lex.stopwords and s < e and s > 0 and tw[s - 1] in lex.lower_titles:
            break  # "coach Urban Meyer": a person's name
        if t in lex.stopwords and s < e and org_context(doc, s, e):
            break  # "Six Thirty, a technology accelerator"
        if (
            t in lex.stopwords
            or t in lex.dates
            or (t in lex.nationalities and s < e and not _named_head(lex, tw[e]))
            or (t in lex.person_titles and s < e)
            or (allcaps(t) and len(t) > 1 and t.capitalize() in lex.stopwords and s < e)
        ) and t not in lex.org_heads:
            if t in lex.person_titles:
                person_ctx = True
            s += 1
            continue
        break
    while e >= s:
        t = tw[e]
        if (t in lex.dates or t in _TRAILING_JUNK) and tuple(tw[s : e + 1]) not in lex.gazetteer:
            e -= 1
            continue
        break
    return s, e, person_ctx


# ------------------------------------------------------------------ the rules


def _club(doc: Document, sp: Span) -> Answer:
    """In an article about sport, a place's name that the words around it
    make a club ("Florida coach", "beat Fulham"), or a state's university
    ("Michigan State"); never a country's name."""
    if sporty(doc) and not sp.person_ctx and club(doc, sp.s, sp.e, sp.words):
        return Cand(sp.s, sp.e, "ORG", RULE, sp.words, sp.extra_end, club=True)
    return None


def _gazetteer(doc: Document, sp: Span) -> Answer:
    """The whole span is a gazetteer entry (an all-capitals span may be one
    in Title Case); a place alone after a person title is a person."""
    lex = doc.lex
    words = sp.words
    first = words[0]
    g = lex.gazetteer.get(words)
    if g is None and first.isupper() and allcaps(first) and any(len(w) > 3 for w in words):
        titled = tuple(w.title() for w in words)
        if len(titled) > 1 or titled not in lex.generated:
            g = lex.gazetteer.get(titled)
    if g is None:
        return None
    if sp.person_ctx and g == "PLACE" and len(words) == 1:
        return Cand(sp.s, sp.e, "PERSON", RULE, sp.words, sp.extra_end)
    if g == "PLACE" and town_says(doc, sp.s, sp.e):
        return Cand(sp.s, sp.e, "PERSON", RULE, sp.words, sp.extra_end)
    if g == "ORG" and the_place(doc, sp.s, sp.e):
        return Cand(sp.s, sp.e, "PLACE", RULE, sp.words, sp.extra_end, place_context=True)
    return Cand(sp.s, sp.e, g, GAZ, sp.words, sp.extra_end)


def _weak_place(doc: Document, sp: Span) -> Answer:
    """A place name that is also a word or a first name ("Reading",
    "Florence") is a place in a place context ("in Reading")."""
    if sp.words in doc.lex.weak_places and not sp.person_ctx and place_context(doc, sp.s, sp.e):
        return Cand(sp.s, sp.e, "PLACE", RULE, sp.words, sp.extra_end, place_context=True)
    return None


def _word_alone(doc: Document, sp: Span) -> Answer:
    """A word alone that is never a name: a nationality, stopword, date,
    person title or organisation word; one letter; an adjective before a
    noun ("Roman mosaics"); a compound of nationalities and places
    ("Israeli-Palestinian"). A hyphenated gazetteer entry ("Los-Angeles")
    takes its label."""
    first = sp.words[0]
    lex = doc.lex
    if first in lex.not_alone or len(first) == 1 or demonym(doc, first):
        return NO_ENTITY
    if first in _ADJ_NAMES and not sp.person_ctx and before_lower_word(doc, sp.e):
        return NO_ENTITY
    if "-" in first:
        parts = first.split("-")
        g = lex.gazetteer.get(tuple(parts))
        if g is not None:
            return Cand(sp.s, sp.e, g, GAZ, sp.words, sp.extra_end)
        if all(p in lex.nationalities or (p,) in lex.gazetteer for p in parts):
            return NO_ENTITY
    return None


def _org_compound_word(doc: Document, sp: Span) -> Answer:
    """A German or Dutch organisation compound ("Privatbank", "Sparkasse"),
    unless a person title comes before it."""
    if not sp.person_ctx and org_compound(sp.words[0]):
        return Cand(sp.s, sp.e, "ORG", RULE, sp.words, sp.extra_end)
    return None


def _keywords(doc: Document, sp: Span) -> Answer:
    """Organisation and place keywords in a name: "Mainzer Privatbank",
    "Brightwater Holdings Ltd", "Bank of England", "Quenby Valley", "Lake Geneva"."""
    lex = doc.lex
    words = sp.words
    first, last = words[0], words[-1]
    if _any_org_compound(words):
        return Cand(sp.s, sp.e, "ORG", RULE, sp.words, sp.extra_end)
    if (last in lex.org_suffixes or not lex.org_heads.isdisjoint(words[:-1])) and not (
        sp.person_ctx and first in lex.first_names
    ):
        return Cand(sp.s, sp.e, "ORG", RULE, sp.words, sp.extra_end)
    if last in lex.place_suffixes or first in lex.place_prefixes:
        return Cand(sp.s, sp.e, "PLACE", RULE, sp.words, sp.extra_end)
    if last in lex.other_suffixes:
        return Cand(sp.s, sp.e, "OTHER", RULE, sp.words, sp.extra_end)
    return None


def _person(doc: Document, sp: Span) -> Answer:
    """People: a first name or an initial before more names ("Angela
    Merkel", "J. Smith"); outside a heading, any name after a person title
    ("CEO Mark Zuckerberg", "Dr. Kwarteng", "president Macron")."""
    words = sp.words
    first = words[0]
    lex = doc.lex
    if len(words) >= 2 and (
        first in lex.first_names or (len(first) == 2 and first[1] == "." and first[0].isupper())
    ):
        return Cand(sp.s, sp.e, "PERSON", RULE, sp.words, sp.extra_end)
    if sp.headline:
        return None
    if sp.person_ctx or sp.prev in lex.person_titles or sp.prev in lex.lower_titles:
        return Cand(sp.s, sp.e, "PERSON", RULE, sp.words, sp.extra_end)
    return None


def _shape(doc: Document, sp: Span) -> Answer:
    """The shape of a word alone: a domain ("Snopes.com"), an acronym
    ("NATO", but not a term glossed after it), "iPhone", CamelCase."""
    first = sp.words[0]
    if first.endswith((".com", ".org", ".net", ".io")):
        return Cand(sp.s, sp.e, "ORG", RULE, sp.words, sp.extra_end)
    if (
        first.isupper()
        and allcaps(first)
        and 2 <= len(first.replace(".", "").replace("&", "")) <= 5
    ):
        if first.capitalize() in doc.lex.stopwords and (sp.at_start or sp.headline):
            return NO_ENTITY
        if glossed(doc, sp.e):
            return NO_ENTITY  # "CRE (carbapenem-resistant enterobacteriaceae)": a term
        return Cand(sp.s, sp.e, "ORG", GUESS, sp.words, sp.extra_end)
    if first[0].islower() and len(first) <= 3:
        return NO_ENTITY  # a unit: kWh, mAh, pH
    if first[0].islower() or first[0].isdigit():  # easyJet, iRobot, 23andMe, iMessage
        label: EntityLabel = "OTHER" if _product_context(doc, sp) else "ORG"
        return Cand(sp.s, sp.e, label, GUESS, sp.words, sp.extra_end)
    if (
        not first[1:].islower()  # else it has no upper-case letter after the first
        and any(ch.isupper() for ch in first[1:])
        and not allcaps(first)
        and "-" not in first
    ):
        return Cand(sp.s, sp.e, "ORG", GUESS, sp.words, sp.extra_end)
    return None


def _product_context(doc: Document, sp: Span) -> bool:
    """A brand written in lower case is a product after "a", "new" or a
    possessive ("his iPod"), or before a number ("iMac 27"); else the company."""
    words = doc.words
    after = words[sp.e + 1] if sp.e + 1 < len(words) else ""
    return sp.prev in _PRODUCT_BEFORE or after[:1].isdigit()


def _context_noun(doc: Document, sp: Span) -> Answer:
    """A noun beside the span, outside headings and not for a word alone at
    a sentence start: "the Ennahda party", "the city of Sirte", "the journal X"."""
    if sp.headline or (sp.at_start and len(sp.words) == 1):
        return None
    lex = doc.lex
    tw = doc.words
    s, e = sp.s, sp.e
    after = tw[e + 1] if e + 1 < len(tw) else ""
    prev = sp.prev
    if after in lex.org_nouns_after or prev in lex.org_nouns_before:
        # "the Ennahda party": a determiner and a noun make it more than a guess
        sure = (
            after in lex.org_nouns_after
            and after not in ("administration", "government")  # the Obama administration
            and prev in ("the", "The", "a", "an")
            and sp.words[0] not in lex.first_names
        )
        return Cand(sp.s, sp.e, "ORG", RULE if sure else GUESS, sp.words, sp.extra_end)
    if after in lex.place_nouns_after or (  # "the city of X"
        s >= 2 and tw[s - 1] == "of" and tw[s - 2] in lex.place_nouns_before
    ):
        return Cand(sp.s, sp.e, "PLACE", GUESS, sp.words, sp.extra_end)
    return None


def _first_name_alone(doc: Document, sp: Span) -> Answer:
    """A first name alone, outside headings: a guessed person, unless a
    place's preposition comes before it ("at Augusta")."""
    if not sp.headline and sp.words[0] in doc.lex.first_names and sp.prev not in _AT:
        return Cand(sp.s, sp.e, "PERSON", GUESS, sp.words, sp.extra_end)
    return None


# The last rules, for what no list knows, always answer. In a Title Case
# heading only what is known counts: the words are left open, and
# propagation from the body may still label them.


def _unknown_word(doc: Document, sp: Span) -> Answer:
    """One unknown word: a common word at a sentence start is nothing, an
    uncommon one is left open; a common word capitalised inside sentences is
    left open; the rest is a guess from the words beside it."""
    if sp.headline:
        return Cand(sp.s, sp.e, None, OPEN, sp.words, sp.extra_end)
    w = sp.words[0]
    if sp.at_start and w not in doc.cap_mid:
        return _sentence_opener(doc, sp.s, next_word(doc.words, sp.e))
    lex = doc.lex
    if product_mark(doc, sp.e):
        return Cand(sp.s, sp.e, "OTHER", RULE, sp.words, sp.extra_end)  # "Defitelio®"
    if org_context(doc, sp.s, sp.e):
        return Cand(sp.s, sp.e, "ORG", RULE, sp.words, sp.extra_end)  # "cofounder of Square"
    low = w.lower()
    common = low in lex.words or doc.lower_seen(low)
    nxt = next_word(doc.words, sp.e)
    if common and w not in doc.cap_mid:
        return NO_ENTITY
    if common:
        # a capitalised common word used as a name mid-sentence ("Messages", "Portal")
        return Cand(sp.s, sp.e, None, OPEN, sp.words, sp.extra_end)
    if sp.prev in _LOCATIVE or (nxt is None and followed_by_based(doc, sp.e)):
        return Cand(sp.s, sp.e, "PLACE", GUESS, sp.words, sp.extra_end)
    if nxt in _REPORTING and nxt in lex.person_verbs_after:
        return Cand(sp.s, sp.e, "ORG", GUESS, sp.words, sp.extra_end, person_hint=True)
    if w.endswith(_PLACE_STEMS) and len(w) >= 7:  # "Rheinhafen", "Zollhafen", "Oberkirchen"
        return Cand(sp.s, sp.e, "PLACE", GUESS, sp.words, sp.extra_end)
    return Cand(sp.s, sp.e, "OTHER", GUESS, sp.words, sp.extra_end)


def _sentence_opener(doc: Document, a: int, nxt: str | None) -> Answer:
    """An unknown word alone that starts a sentence and is never capitalised
    inside one: nothing if it is a common word ("Meanwhile"), else left open
    for the second pass, with a hint if a verb that people do follows
    ("Essid declared"); an organisation if its context says so ("Quorvex
    shares fell")."""
    t = doc.words[a]
    low = t.lower()
    lex = doc.lex
    if low in lex.words or doc.lower_seen(low):
        return NO_ENTITY
    if org_context(doc, a, a):
        return Cand(a, a, "ORG", RULE, (t,), extra_end(doc.words, a))
    hint = nxt in lex.person_verbs_after
    return Cand(a, a, None, OPEN, (t,), extra_end(doc.words, a), person_hint=hint)


def _unknown_name(doc: Document, sp: Span) -> Answer:
    """Several unknown words: a person if none is a common word and the
    context or its length says so, else a guessed organisation or other name."""
    if sp.headline:
        return Cand(sp.s, sp.e, None, OPEN, sp.words, sp.extra_end)
    lex = doc.lex
    # the particles inside a name are no common words ("Pieter van der Berg")
    words = tuple(w for w in sp.words if w not in lex.name_particles)
    # "Pieter van der Berg", "Maria de la Cruz": a particle inside makes a
    # person; a Romance one only after a first name ("Costa del Sol" is none)
    if (
        len(words) < len(sp.words)
        and len(words) >= 2
        and sp.words[0] in words
        and (words[0] in lex.first_names or not _GERMANIC.isdisjoint(sp.words))
    ):
        return Cand(sp.s, sp.e, "PERSON", GUESS, sp.words, sp.extra_end)
    common = [w for w in words if w.lower() in lex.words or doc.lower_seen(w.lower())]
    if sp.at_start and len(words) == 2 and words[0] in common:
        # "Soccer meets", "Cheeky horror" never get here (lower-case second
        # word), but "Virtual Reality" does: leave it open.
        return Cand(sp.s, sp.e, None, OPEN, sp.words, sp.extra_end)
    if org_context(doc, sp.s, sp.e):
        return Cand(
            sp.s, sp.e, "ORG", RULE, sp.words, sp.extra_end
        )  # "Six Thirty, a ... accelerator"
    if any(sp.s <= gs and ge <= sp.e for gs, ge, _lab in sp.gaz):
        return _with_known_part(lex, sp, bool(common))
    if not common:
        nxt = next_word(doc.words, sp.e)
        if sp.prev in _PRE_PERSON or nxt in lex.person_verbs_after or len(words) <= 3:
            return Cand(sp.s, sp.e, "PERSON", GUESS, sp.words, sp.extra_end)
        return Cand(sp.s, sp.e, "ORG", GUESS, sp.words, sp.extra_end)
    return Cand(sp.s, sp.e, "OTHER", GUESS, sp.words, sp.extra_end)


def _with_known_part(lex: Lexicon, sp: Span, common: bool) -> Answer:
    """An unknown name with a gazetteer entry inside it."""
    words = sp.words
    # "Apple Vision Pro", "Yahoo Japan"
    if lex.gazetteer.get((words[0],)) == "ORG" or any(
        lab == "ORG" and gs == sp.s for gs, _ge, lab in sp.gaz
    ):
        return Cand(sp.s, sp.e, "OTHER" if common else "ORG", GUESS, sp.words, sp.extra_end)
    # "Middle Rhine", "Upper Austria"
    if (
        len(words) == 2
        and words[0] in _PLACE_ADJ
        and lex.gazetteer.get(words[1:]) == "PLACE"
        and words[1:] not in lex.generated
    ):
        return Cand(sp.s, sp.e, "PLACE", RULE, sp.words, sp.extra_end)
    if (
        not common
        and len(words) <= 3
        and all(
            words[gs - sp.s : ge - sp.s + 1] in lex.generated
            for gs, ge, _lab in sp.gaz
            if sp.s <= gs and ge <= sp.e
        )
    ):
        # "Isabela Santos": a small town's name is a first name or surname here
        return Cand(sp.s, sp.e, "PERSON", GUESS, sp.words, sp.extra_end)
    return Cand(sp.s, sp.e, "ORG", GUESS, sp.words, sp.extra_end)  # "London West Hollywood"


# ------------------------------------------------------------- what they ask


def plain_word(t: str) -> bool:
    """A capitalised word that :func:`classify`, alone and outside a title
    context, takes to the unknown-word rule whatever its shape: one capital
    then lower case ("Meanwhile"), no hyphen, no dot (domains), no
    organisation compound ("Sparkasse"), none of the words _NOT_PLAIN. (The
    lexicon's lists are the caller's to check.)"""
    return (
        t[0].isupper()
        and t[1:].islower()  # so not all capitals, not CamelCase, not one letter
        and "-" not in t
        and "." not in t
        and t not in _NOT_PLAIN
        and not org_compound(t)
    )


def org_compound(word: str) -> bool:
    return len(word) >= 7 and word[0].isupper() and word.endswith(_ORG_STEMS)


def _any_org_compound(words: tuple[str, ...]) -> bool:
    # the endings first, in C: they rule out almost every name
    return any(map(str.endswith, words, repeat(_ORG_STEMS))) and any(map(org_compound, words))


def _named_head(lex: Lexicon, word: str) -> bool:
    return word in lex.org_suffixes or word in lex.org_heads or word in lex.place_suffixes


def _connected_org(lex: Lexicon, words: tuple[str, ...]) -> bool:
    """An organisation's name joined by "of", "for" or "and" ("Food and Drug
    Administration", "Ministry of Food and Drug Safety"): no word of it is
    stripped."""
    return len(words) >= 3 and not _CONNECTORS.isdisjoint(words) and _org_words(lex, words)


def _org_words(lex: Lexicon, words: tuple[str, ...]) -> bool:
    return bool(words) and (words[-1] in lex.org_suffixes or any(w in lex.org_heads for w in words))
