"""The built-in recogniser: gazetteers, word lists and context rules.

It works in two passes over runs of capitalised tokens. The first pass
(here) finds the runs, splits them at person titles, dates and gazetteer
entries, and labels each part from the part itself and its neighbours
(:mod:`margin.entities.rules`); the second pass
(:mod:`margin.entities.propagate`) propagates labels inside the document
and decides the sentence-initial words the first left open.

Most runs are one word, and most of the rest hold no title, date or
stopword: :func:`first_pass` takes both on fast paths that give what the
general path (:func:`split_run`) would.
"""

from __future__ import annotations

from operator import attrgetter

from margin.entities.context import context_decides
from margin.entities.document import (
    GAZ,
    Cand,
    Document,
    Match,
    allcaps,
    extra_end,
)
from margin.entities.lexicon import MAX_GAZ_TOKENS, lexicon
from margin.entities.propagate import second_pass
from margin.entities.rules import THE, classify, classify_word
from margin.entities.sport import sporty
from margin.model import Entity

_CONNECT_ORG = frozenset({"of", "for", "on", "and", "de", "du", "des", "del", "der"})
# Words before a person title that make one title with it ("Prime Minister").
_TITLE_PREFIX = frozenset(
    {
        "Prime", "Vice", "Deputy", "Former", "Acting", "Foreign", "Defence", "Defense",
        "Interior", "Finance", "Home", "Chief", "Executive", "Senior", "Assistant", "Associate",
        "Opposition", "Shadow", "Labour", "Majority", "Minority", "Press", "Health", "Trade",
        "Justice", "Education", "Communications", "Energy", "Environment", "Transport",
        "Treasury", "Security", "Intelligence", "Police", "Fire", "Army", "Navy", "Managing",
        "Creative", "Technical", "Financial", "Operating", "Marketing", "Sales", "General",
    }
)  # fmt: skip


def recognise_builtin(text: str) -> list[Entity]:
    """The entities in ``text`` (see :func:`margin.entities.recognise`)."""
    if not text or not text.strip():
        return []
    doc = Document(text, lexicon())
    return to_entities(doc, second_pass(doc, first_pass(doc)))


def to_entities(doc: Document, cands: list[Cand]) -> list[Entity]:
    """The labelled candidates as entities in text order; one that overlaps
    the entity before it is dropped."""
    out: list[Entity] = []
    ends = doc.ends()
    words = doc.words
    last_end = -1
    for c in sorted(cands, key=attrgetter("first")):
        if c.label is None:
            continue
        s = ends[c.first] - len(words[c.first])
        e = ends[c.last] + c.extra_end
        if s < last_end:
            continue
        out.append(Entity(doc.text[s:e], c.label, s, e))
        last_end = e
    return out


def first_pass(doc: Document) -> list[Cand]:
    """The candidates in every run of capitalised tokens."""
    cands: list[Cand] = []
    lex = doc.lex
    words = doc.words
    headline = doc.headline
    gazetteer = lex.gazetteer
    alone_dropped = lex.alone_dropped
    # In an article about sport a word's neighbours may make a place a club.
    general = sporty(doc)
    for a, b in merge_org_connectors(doc, runs(doc)):
        if a != b or headline[a] or general:
            _run_cands(doc, a, b, cands)
            continue
        # One word outside a heading (most runs): the usual cases of what
        # split_run makes of it, written out.
        t = words[a]
        if t in alone_dropped:
            continue  # the split drops it, or classify says no to it
        key = (t,)
        label = gazetteer.get(key)
        if label is not None and t not in THE and not context_decides(doc, a, label):
            # classify strips nothing from a whole gazetteer entry, and its
            # first rule gives it the entry's label
            cands.append(Cand(a, a, label, GAZ, key, extra_end(words, a)))
            continue
        c = classify_word(doc, a, label)
        if c is not None:
            cands.append(c)
    return cands


def _run_cands(doc: Document, a: int, b: int, out: list[Cand]) -> None:
    """Add the candidates in the run a..b (inclusive) to ``out``."""
    gaz = gaz_matches(doc, a, b)
    if doc.headline[a]:
        out.extend(headline_cands(doc, a, b, gaz))
    elif doc.lex.run_breaks.isdisjoint(doc.words[a : b + 1]):
        # No person title, date or stopword in the run (most runs): split_run
        # would leave it whole.
        _classify_parts(doc, a, b, False, gaz, gaz, out)
    else:
        out.extend(split_run(doc, a, b, gaz))


# --------------------------------------------------------------------- runs


def runs(doc: Document) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens in a paragraph, with name particles
    and '&' inside ("Osama bin Laden", "AT & T", "Ludwig van Beethoven"),
    two particles too ("Pieter van der Berg", "Maria de la Cruz")."""
    words = doc.words
    spaced = doc.spaced
    particles = doc.lex.name_particles
    joiners = particles | {"&"}
    capword = doc.capword
    n = doc.n
    out: list[tuple[int, int]] = []
    after = -1  # the last token of the previous run
    for i in doc.caps:
        if i <= after:
            continue
        j = i
        while j + 1 < n:
            k = j + 1
            if capword[k]:
                if "\n" in spaced[k]:
                    break
                j = k
            elif (
                words[k] in joiners
                and k + 1 < n
                and capword[k + 1]
                and "\n" not in spaced[k]
                and "\n" not in spaced[k + 1]
            ):
                j = k + 1
            elif (
                words[k] in particles
                and k + 2 < n
                and words[k + 1] in particles
                and capword[k + 2]
                and "\n" not in spaced[k]
                and "\n" not in spaced[k + 1]
                and "\n" not in spaced[k + 2]
            ):
                j = k + 2
            else:
                break
        out.append((i, j))
        after = j
    return out


def merge_org_connectors(doc: Document, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "Bank" + "of" + "England", "Center" + "for" + "Food and Allergy Research"."""
    tw = doc.words
    out: list[tuple[int, int]] = []
    pb = -1  # the last token of the run before
    for a, b in runs:
        # a connector right after the run before (never a capital: runs
        # separated by a paragraph break only are not joined)
        if pb >= 0 and tw[pb + 1] in _CONNECT_ORG and a - pb - 1 <= 2:
            pa = out[-1][0]
            if _connected(doc, pa, pb, a, b):
                out[-1] = (pa, b)
                pb = b
                continue
        out.append((a, b))
        pb = b
    return out


def _connected(doc: Document, pa: int, pb: int, a: int, b: int) -> bool:
    """Whether runs pa..pb and a..b, one or two words apart, make one
    organisation's name."""
    tw = doc.words
    gap = a - pb - 1
    between = tw[pb + 1 : a]
    return (
        (gap == 1 or between[1] == "the")
        and (
            any(w in doc.lex.org_heads for w in tw[pa : pb + 1])
            or (between[0] == "and" and _and_joins(doc, pa, pb, a, b, gap))
        )
        and (between[0] != "and" or _and_joins(doc, pa, pb, a, b, gap))
        and not any("\n" in g for g in doc.spaced[pb + 1 : a + 1])
    )


def _and_joins(doc: Document, pa: int, pb: int, a: int, b: int, gap: int) -> bool:
    """ "Center for Food and Allergy Research" is one name; "University of Lagos
    and the Bank of England" are two."""
    words = doc.words
    heads = doc.lex.org_heads
    if gap != 1 or words[pb] in heads:
        return False
    left = words[pa : pb + 1]
    right = words[a : b + 1]
    if any(w in heads for w in right[:-1]):
        return False
    if any(w in _CONNECT_ORG for w in left):
        return True
    # "World Travel and Tourism Council", but not "Google and Microsoft Corp"
    gaz = doc.lex.gazetteer
    return right[-1] in doc.lex.org_suffixes and not any((w,) in gaz for w in left)


def gaz_matches(doc: Document, a: int, b: int) -> list[Match]:
    """Longest gazetteer matches inside tokens a..b (inclusive), left to right."""
    lex = doc.lex
    gaz = lex.gazetteer
    longest_from = lex.gaz_longest
    words = doc.words
    out: list[Match] = []
    i = a
    while i <= b:
        found = None
        w = words[i]
        caps = w.isupper() and allcaps(w)
        # no gazetteer entry that starts with this word is longer than this
        longest = longest_from.get(w, 0)
        if caps:
            longest = max(longest, longest_from.get(w.title(), 0))
        if not longest:  # most words start no entry: the loop below would be empty
            i += 1
            continue
        for k in range(min(b, i + min(longest, MAX_GAZ_TOKENS) - 1), i - 1, -1):
            key = tuple(words[i : k + 1])
            label = gaz.get(key)
            if label is None and caps and any(len(w) > 3 for w in key):
                titled = tuple(w.title() for w in key)
                if len(titled) > 1 or titled not in lex.generated:  # "AJAX": no Dutch town
                    label = gaz.get(titled)
            if label is not None:
                found = (i, k, label)
                break
        if found:
            out.append(found)
            i = found[1] + 1
        else:
            i += 1
    return out


# ------------------------------------------------------------ general path


def split_run(doc: Document, a: int, b: int, gaz: list[Match]) -> list[Cand]:
    """The candidates in a run outside headings: split at person titles
    ("Facebook CEO Mark Zuckerberg"; the part after one is a person's name),
    then at dates and all-capitals stopwords ("Thursday Dec"), never inside a
    gazetteer match."""
    protected = _protected(gaz)
    out: list[Cand] = []
    for s, e, person_ctx in _split_titles(doc, a, b, protected):
        for s2, e2 in _split_inner(doc, s, e, protected):
            inside = [g for g in gaz if s2 <= g[0] and g[1] <= e2]
            _classify_parts(doc, s2, e2, person_ctx, gaz, inside, out)
    return out


def _protected(gaz: list[Match]) -> set[int]:
    """The tokens inside gazetteer matches: never split or dropped."""
    return {x for s, e, _ in gaz for x in range(s, e + 1)}


def _classify_parts(
    doc: Document,
    s: int,
    e: int,
    person_ctx: bool,
    gaz: list[Match],
    inside: list[Match],
    out: list[Cand],
) -> None:
    """Classify s..e whole, or each gazetteer match ``inside`` it when two or
    more cover it ("Cologne Mainz"); add what they make to ``out``."""
    if len(inside) >= 2 and sum(g[1] - g[0] + 1 for g in inside) == e - s + 1:
        parts = [(g[0], g[1]) for g in inside]
    else:
        parts = [(s, e)]
    for s3, e3 in parts:
        c = classify(doc, s3, e3, person_ctx, gaz)
        if c is not None:
            out.append(c)


def _split_titles(
    doc: Document, a: int, b: int, protected: set[int]
) -> list[tuple[int, int, bool]]:
    """The run without its person titles ("Prime Minister", "CEO"): pieces
    (first, last, after a title). A title at the end leaves nothing after it."""
    words = doc.words
    titles = doc.lex.person_titles
    pieces: list[tuple[int, int, bool]] = []
    start = a
    person_ctx = False
    i = a
    while i <= b:
        t = words[i]
        is_title = (
            i not in protected
            and (t in titles or (t in _TITLE_PREFIX and i < b and words[i + 1] in titles))
            and not (i > a and words[i - 1] in _CONNECT_ORG)  # "Department of Justice"
        )
        if not is_title:
            i += 1
            continue
        # consume the whole title ("Prime Minister", "Vice President")
        k = i
        while k + 1 <= b and (words[k + 1] in titles or words[k + 1] in _TITLE_PREFIX):
            k += 1
        if start < i:
            pieces.append((start, i - 1, person_ctx))
        if k == b:  # a run ending in a title: "Facebook CEO"
            return pieces
        start = i = k + 1  # a name follows
        person_ctx = True
    if start <= b:
        pieces.append((start, b, person_ctx))
    return pieces


def _split_inner(doc: Document, s: int, e: int, protected: set[int]) -> list[tuple[int, int]]:
    """s..e split at dates, and at all-capitals stopwords after its first token."""
    lex = doc.lex
    words = doc.words
    out: list[tuple[int, int]] = []
    start = s
    for i in range(s, e + 1):
        t = words[i]
        if i not in protected and (t in lex.dates or (t in lex.stopwords and i > s and allcaps(t))):
            if start < i:
                out.append((start, i - 1))
            start = i + 1
    if start <= e:
        out.append((start, e))
    return out


def headline_cands(doc: Document, a: int, b: int, gaz: list[Match]) -> list[Cand]:
    """A run in a Title Case heading: trust the gazetteer, and leave the rest
    open for propagation from the body ("Obama" in a heading after "Barack
    Obama"), split at common words."""
    lex = doc.lex
    words = doc.words
    protected = _protected(gaz)
    out: list[Cand] = []
    for s, e, _label in gaz:
        c = classify(doc, s, e, False, gaz)
        if c is not None:
            out.append(c)
    i = a
    while i <= b:
        if i in protected or words[i].lower() in lex.words:
            i += 1
            continue
        j = i
        while j + 1 <= b and j + 1 not in protected and words[j + 1].lower() not in lex.words:
            j += 1
        c = classify(doc, i, j, False, [])
        if c is not None:
            out.append(c)
        i = j + 1
    return out
