"""The built-in recogniser: gazetteers, word lists and context rules.

It works in two passes over runs of capitalised tokens. The first pass
labels what it can from the run itself and its neighbours (gazetteers,
first names, titles, organisation and place keywords, "said", "in");
the second pass propagates labels inside the document (a full name labels
its later short forms, an acronym defined in parentheses takes its
expansion's label, a weakly guessed label yields to a strong one given to
the same words elsewhere) and decides the sentence-initial words it left
open.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import repeat
from operator import attrgetter
from typing import cast

from margin.entities.lexicon import MAX_GAZ_TOKENS, Lexicon, lexicon
from margin.entities.tokens import split_tokens, token_ends
from margin.model import Entity, EntityLabel

# How sure a label is: later passes only override a weaker one.
GAZ, RULE, GUESS, OPEN = 3, 2, 1, 0

_SENT_END = frozenset(".!?:;")
_NEWLINE_RE = re.compile(r"\n\s*")
_QUOTES = frozenset("\"'“”‘’«»([")
_CONNECT_ORG = frozenset({"of", "for", "on", "and", "de", "du", "des", "del", "der"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "inside", "across", "to", "around"})
# Before a name from the weak place list ("in Reading", "at Bath"); "to" is left out ("to Florence" may be a letter).
_PLACE_CTX = frozenset({"in", "at", "near", "from", "outside", "around", "across", "via"})
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
_FUNCTION = frozenset(
    [
        "with",
        "from",
        "into",
        "onto",
        "over",
        "under",
        "about",
        "after",
        "before",
        "during",
        "than",
        "that",
        "this",
        "what",
        "when",
        "your",
    ]
)
_FUNCTION_MAX = max(map(len, _FUNCTION))
_TRAILING_JUNK = frozenset({"The", "A", "An", "And", "Or", "Of", "I", "THE", "AND"})
_ABBREV_WITH_DOT = frozenset({"Co", "Inc", "Corp", "Ltd", "Jr", "Sr", "Bros"})
_THE = ("The", "THE", "the")  # stripped from the front of a name
# Words that some rule of _classify treats specially although they are not in
# the lexicon's word lists: never a plain word (see _plain_word).
_NOT_PLAIN = _ORG_ADJ | _ADJ_NAMES | _TRAILING_JUNK | frozenset(_THE)
_OPEN = frozenset({"open"})
_OPEN_HINT = frozenset({"open", "person_hint"})


@dataclass(slots=True)
class _Cand:
    first: int  # token index
    last: int  # token index, inclusive
    label: str | None
    strength: int
    words: tuple[str, ...]
    person_ctx: bool = False
    extra_end: int = 0  # characters to add at the end ("Co.")
    flags: frozenset[str] = frozenset()


def _is_cap(tok: str) -> bool:
    c = tok[0]
    if c.isupper():
        return not (c == "I" and tok[1:2] in ("'", "\u2019"))  # not I'm, I've
    if c.islower():
        # iPhone, eBay; al-Bashir, el-Sisi
        if len(tok) > 1 and tok[1].isupper():
            return True
        if tok.startswith(("al-", "el-")) and len(tok) > 3 and tok[3].isupper():
            return True
    return False


def _plain_word(t: str) -> bool:
    """A capitalised word that _classify, alone and outside a title context,
    takes to rule 6 whatever its shape: one capital then lower case ("Meanwhile"),
    no hyphen, no dot (domains), no organisation compound ("Sparkasse"), none of
    the words _NOT_PLAIN. (The lexicon's lists are the caller's to check.)"""
    return (
        t[0].isupper()
        and t[1:].islower()  # so not all capitals, not CamelCase, not one letter
        and "-" not in t
        and "." not in t
        and t not in _NOT_PLAIN
        and not _org_compound(t)
    )


def _prev_word(tw: list[str], s: int) -> str | None:
    """The word before token s, skipping a '.' after an abbreviation (Dr. X);
    None if a punctuation mark comes first."""
    j = s - 1
    if j >= 1 and tw[j] == "." and tw[j - 1][0].isalnum():
        j -= 1
    return tw[j] if j >= 0 and tw[j][0].isalnum() else None


def _next_word(tw: list[str], e: int) -> str | None:
    """The word after token e; None if a comma or another mark comes first."""
    nxt = tw[e + 1] if e + 1 < len(tw) else None
    if nxt is not None and (nxt == "," or not nxt[0].isalnum()):
        return None
    return nxt


def _extra_end(tw: list[str], e: int) -> int:
    """1 to take in the '.' after "Co", "Inc" and the like ending a name at token e."""
    return 1 if tw[e] in _ABBREV_WITH_DOT and e + 1 < len(tw) and tw[e + 1] == "." else 0


def _norm(words: tuple[str, ...]) -> str:
    return " ".join(words).replace("\u00ad", "").replace("\u2019", "'")


def _allcaps(tok: str) -> bool:
    return tok.isupper() and any(c.isalpha() for c in tok)


class _Doc:
    """Per-document state for one call of :func:`recognise_builtin`.

    Tokens are two parallel lists: ``words[i]``, and ``spaced[i]``, the same
    token after the whitespace before it (a paragraph break is a newline there). Only the tokens
    that are not all lower case get per-token work here; the lower-case words,
    most of any text, are skipped in C.
    """

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.spaced, self.words = spaced, words = split_tokens(text)
        self.n = n = len(words)
        self._ends: list[int] | None = None
        self._vocab: set[str] | None = None
        # _norm changes nothing in a text without soft hyphens and curly apostrophes
        self.needs_norm = "\u00ad" in text or "\u2019" in text
        self.sent_start = sent_start = [False] * n
        self.headline = [False] * n
        # word tokens that start with a capital (or iPhone, al-Bashir), for _runs
        self.capword = capword = [False] * n
        self.cap_mid: set[str] = set()
        cap_mid = self.cap_mid
        caps: list[int] = []
        # Word tokens that are not all lower case: capitals, digits.
        for i in [i for i, t in enumerate(words) if not t.islower() and t[0].isalnum()]:
            t = words[i]
            c = t[0]
            # _sentence_start(i), its usual cases written out
            if i == 0 or "\n" in spaced[i]:
                start = True
            else:
                p = words[i - 1]
                pc = p[0]
                if pc in _QUOTES:
                    start = self._sentence_start(i)
                elif pc.isalnum():
                    start = p[-1] == "." and len(p) > 1 and not p.islower() and _is_cap(t)
                else:
                    start = len(p) == 1 and p in _SENT_END
            sent_start[i] = start
            if c.isupper():  # _is_cap(t)
                cap = not (c == "I" and t[1:2] in ("'", "\u2019"))
            else:
                cap = c.islower() and _is_cap(t)
            if cap:
                capword[i] = True
                caps.append(i)
                if not start:
                    cap_mid.add(t)
        self.caps = caps
        # Paragraph (block) boundaries: a newline before the token; one match
        # per run of whitespace, and the token after it is the first to end later.
        ends = self.ends()
        a = 0
        for m in _NEWLINE_RE.finditer(text):
            b = bisect_right(ends, m.start())
            if 0 < b < n:
                self._mark_headline(a, b)
                a = b
        self._mark_headline(a, n)

    def _sentence_start(self, i: int) -> bool:
        """Whether word token i starts a sentence: the state after the tokens
        before it (quotes and brackets are transparent, a paragraph starts one)."""
        spaced = self.spaced
        if i == 0 or "\n" in spaced[i]:
            return True
        words = self.words
        k = i - 1
        while k >= 0:
            t = words[k]
            c = t[0]
            if c in _QUOTES:
                if k and "\n" in spaced[k]:
                    return True
                k -= 1
                continue
            if c.isalnum():
                # "... in the U.S. The next"
                return not t.islower() and t[-1] == "." and len(t) > 1 and _is_cap(words[k + 1])
            return len(t) == 1 and t in _SENT_END
        return True

    def lower_seen(self, word: str) -> bool:
        """Whether ``word`` occurs in the text as an all lower-case word."""
        vocab = self._vocab
        if vocab is None:
            vocab = self._vocab = set(self.words)
        return word in vocab and word.islower() and word[0].isalnum()

    def ends(self) -> list[int]:
        """The end offset of every token."""
        if self._ends is None:
            self._ends = token_ends(self.spaced)
        return self._ends

    def _mark_headline(self, a: int, b: int) -> None:
        """Title Case blocks (headings, related-story links) get stricter rules."""
        words = self.words
        if b - a < 4 or words[b - 1] == ".":
            return  # fewer than four tokens cannot hold four words
        # A heading has at most one lower-case long word in eight: stop counting
        # once there are more lower-case ones than the block could allow.
        limit = (b - a) // 8
        count = lower = 0
        for t in words[a:b]:
            if (
                len(t) > 3
                and t[0].isalnum()
                and (len(t) > _FUNCTION_MAX or t.lower() not in _FUNCTION)
            ):
                count += 1
                if t.islower() or not _is_cap(t):  # all lower case is never a capital
                    lower += 1
                    if lower > limit:
                        return
        if count < 4:
            return
        if lower <= count // 8:
            self.headline[a:b] = [True] * (b - a)


def recognise_builtin(text: str) -> list[Entity]:
    if not text or not text.strip():
        return []
    lex = lexicon()
    doc = _Doc(text, lex)
    cands = _first_pass(doc)
    cands = _second_pass(doc, cands)
    out: list[Entity] = []
    if not cands:
        return out
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
        out.append(Entity(text[s:e], cast(EntityLabel, c.label), s, e))
        last_end = e
    return out


# ---------------------------------------------------------------- first pass


def _runs(doc: _Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, with name particles and '&' inside."""
    words = doc.words
    spaced = doc.spaced
    particles = doc.lex.name_particles
    capword = doc.capword
    n = doc.n
    runs: list[tuple[int, int]] = []
    after = -1  # the last token of the previous run
    for i in doc.caps:
        if i <= after:
            continue
        j = i
        while j + 1 < n:
            if "\n" in spaced[j + 1]:
                break
            if capword[j + 1]:
                j += 1
                continue
            nt = words[j + 1]
            # "Osama bin Laden", "AT & T", "Ludwig van Beethoven"
            if (
                (nt in particles or nt == "&")
                and j + 2 < n
                and capword[j + 2]
                and "\n" not in spaced[j + 2]
            ):
                j += 2
                continue
            break
        runs.append((i, j))
        after = j
    return runs


def _gaz_matches(doc: _Doc, a: int, b: int) -> list[tuple[int, int, str]]:
    """Longest gazetteer matches inside tokens a..b (inclusive), left to right."""
    lex = doc.lex
    gaz = lex.gazetteer
    longest_from = lex.gaz_longest
    words = doc.words
    out = []
    i = a
    while i <= b:
        found = None
        w = words[i]
        caps = w.isupper() and _allcaps(w)
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
                if titled not in lex.generated:  # "AJAX" is no Dutch town
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


def _first_pass(doc: _Doc) -> list[_Cand]:
    lex = doc.lex
    words = doc.words
    cands: list[_Cand] = []
    runs = _merge_org_connectors(doc, _runs(doc))
    headline = doc.headline
    gazetteer = lex.gazetteer
    not_alone = lex.not_alone
    run_breaks = lex.run_breaks
    sent_start = doc.sent_start
    cap_mid = doc.cap_mid
    weak_places = lex.weak_places
    first_names = lex.first_names
    common_words = lex.words
    for a, b in runs:
        if a == b and not headline[a]:
            # One word (most runs): what the general path below does with it.
            t = words[a]
            key = (t,)
            label = gazetteer.get(key)
            if label is not None and t not in _THE:
                # A gazetteer word: _classify strips nothing from a whole
                # gazetteer entry and rule 1 gives it the entry's label.
                cands.append(_Cand(a, a, label, GAZ, key, False, _extra_end(words, a)))
                continue
            if label is None and t.isupper() and len(t) > 3 and _allcaps(t):
                titled = (t.title(),)
                if titled not in lex.generated:
                    label = gazetteer.get(titled)
            if label is None:
                if t in not_alone and (
                    t in lex.person_titles or t in lex.dates or key not in weak_places
                ):
                    # A title or a date alone is dropped before _classify; it
                    # says None to a stopword ("But", "The"), a nationality or
                    # an organisation word alone, unless it is a weak place.
                    continue
                if (
                    sent_start[a]
                    and t not in cap_mid
                    and _plain_word(t)
                    and key not in weak_places  # so t is not in not_alone either
                    and t not in first_names
                    and (prev := _prev_word(words, a)) not in lex.person_titles
                    and prev not in lex.lower_titles
                ):
                    # A plain word that starts a sentence ("Meanwhile", "Essid")
                    # and is never capitalised inside one: _classify keeps it
                    # whole, and no rule before 6 applies to it (no gazetteer,
                    # weak place, first name, shape or title before it; rule 5
                    # skips a sentence start). Rule 6: a common word is nothing,
                    # any other is left open for the second pass.
                    low = t.lower()
                    if low in common_words or doc.lower_seen(low):
                        continue
                    nxt = _next_word(words, a)
                    flags = _OPEN_HINT if nxt in lex.person_verbs_after else _OPEN
                    extra = _extra_end(words, a)
                    cands.append(_Cand(a, a, None, OPEN, key, False, extra, flags))
                    continue
                gaz = []
            else:
                gaz = [(a, a, label)]
            c = _classify(doc, a, a, False, gaz)
            if c is not None:
                cands.append(c)
            continue
        gaz = _gaz_matches(doc, a, b)
        if not headline[a] and run_breaks.isdisjoint(words[a : b + 1]):
            # No person title, date or stopword in the run (most runs): the
            # splitting below leaves it whole.
            if len(gaz) >= 2 and sum(g[1] - g[0] + 1 for g in gaz) == b - a + 1:
                for s3, e3, _label in gaz:
                    c = _classify(doc, s3, e3, False, gaz)
                    if c is not None:
                        cands.append(c)
            else:
                c = _classify(doc, a, b, False, gaz)
                if c is not None:
                    cands.append(c)
            continue
        protected = {x for s, e, _ in gaz for x in range(s, e + 1)}
        if headline[a]:
            # A Title Case heading: trust the gazetteer, leave the rest open for
            # propagation from the body ("Obama" in a heading after "Barack Obama").
            cands.extend(_headline_cands(doc, a, b, gaz, protected))
            continue
        # Split at person titles ("Facebook CEO Mark Zuckerberg"); the part
        # after a title is a person's name.
        pieces: list[tuple[int, int, bool]] = []
        start = a
        person_ctx = False
        i = a
        while i <= b:
            t = words[i]
            is_title = i not in protected and (
                t in lex.person_titles
                or (t in _TITLE_PREFIX and i < b and words[i + 1] in lex.person_titles)
            )
            if is_title:
                # consume the whole title ("Prime Minister", "Vice President")
                k = i
                while k + 1 <= b and (
                    words[k + 1] in lex.person_titles or words[k + 1] in _TITLE_PREFIX
                ):
                    k += 1
                if k < b:  # a name follows
                    if start < i:
                        pieces.append((start, i - 1, person_ctx))
                    start = k + 1
                    person_ctx = True
                    i = k + 1
                    continue
                else:  # a run ending in a title: "Facebook CEO"
                    if start < i:
                        pieces.append((start, i - 1, person_ctx))
                    start = b + 1
                    break
            i += 1
        if start <= b:
            pieces.append((start, b, person_ctx))
        for s, e, pc in pieces:
            # split at possessive-free date/stop words inside ("Thursday Dec")
            for s2, e2 in _split_inner(doc, s, e, protected):
                inside = [g for g in gaz if s2 <= g[0] and g[1] <= e2]
                if len(inside) >= 2 and sum(g[1] - g[0] + 1 for g in inside) == e2 - s2 + 1:
                    parts = [(g[0], g[1]) for g in inside]
                else:
                    parts = [(s2, e2)]
                for s3, e3 in parts:
                    c = _classify(doc, s3, e3, pc, gaz)
                    if c is not None:
                        cands.append(c)
    return cands


def _headline_cands(
    doc: _Doc, a: int, b: int, gaz: list[tuple[int, int, str]], protected: set[int]
) -> list[_Cand]:
    lex = doc.lex
    words = doc.words
    out: list[_Cand] = []
    for s, e, _label in gaz:
        c = _classify(doc, s, e, False, gaz)
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
        c = _classify(doc, i, j, False, [])
        if c is not None:
            out.append(c)
        i = j + 1
    return out


def _merge_org_connectors(doc: _Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "Bank" + "of" + "England", "Center" + "for" + "Food and Allergy Research"."""
    tw = doc.words
    spaced = doc.spaced
    lex = doc.lex
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out:
            pa, pb = out[-1]
            gap = a - pb - 1
            if 1 <= gap <= 2 and tw[pb + 1] in _CONNECT_ORG:
                between = tw[pb + 1 : a]
                words = tw[pa : pb + 1]
                if (
                    between[0] in _CONNECT_ORG
                    and (gap == 1 or between[1] == "the")
                    and (
                        any(w in lex.org_heads for w in words)
                        or (between[0] == "and" and _and_joins(doc, pa, pb, a, b, gap))
                    )
                    and (between[0] != "and" or _and_joins(doc, pa, pb, a, b, gap))
                    and not any("\n" in g for g in spaced[pb + 1 : a + 1])
                ):
                    out[-1] = (pa, b)
                    continue
        out.append((a, b))
    return out


def _and_joins(doc: _Doc, pa: int, pb: int, a: int, b: int, gap: int) -> bool:
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


def _split_inner(doc: _Doc, s: int, e: int, protected: set[int]) -> list[tuple[int, int]]:
    lex = doc.lex
    words = doc.words
    out: list[tuple[int, int]] = []
    start = s
    for i in range(s, e + 1):
        t = words[i]
        if i not in protected and (
            t in lex.dates or (t in lex.stopwords and i > s and _allcaps(t))
        ):
            if start < i:
                out.append((start, i - 1))
            start = i + 1
    if start <= e:
        out.append((start, e))
    return out


def _classify(
    doc: _Doc, s: int, e: int, person_ctx: bool, gaz: list[tuple[int, int, str]]
) -> _Cand | None:
    lex = doc.lex
    tw = doc.words
    strip_first = lex.strip_first
    # strip a leading "The" and closed-class words at either end
    while s <= e:
        t = tw[s]
        if t in _THE:
            s += 1
            continue
        if t not in strip_first and t not in _ORG_ADJ and not t.isupper():
            break  # none of the rules below strips it (the usual case)
        full = tuple(tw[s : e + 1])
        if full in lex.gazetteer or (full in lex.weak_places and _place_context(doc, s, e)):
            break
        if t in _ORG_ADJ and s < e and _org_words(lex, full[1:]):
            break
        if (
            t in lex.stopwords
            or t in lex.dates
            or (t in lex.nationalities and s < e and not _named_head(lex, tw[e]))
            or (t in lex.person_titles and s < e)
            or (_allcaps(t) and len(t) > 1 and t.capitalize() in lex.stopwords and s < e)
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
    if s > e:
        return None
    words = tuple(tw[s : e + 1])
    first, last = words[0], words[-1]
    n = len(words)
    headline = doc.headline[s]
    at_start = doc.sent_start[s]
    extra = _extra_end(tw, e)

    # 1. gazetteer, whole span
    g = lex.gazetteer.get(words)
    if g is None and first.isupper() and _allcaps(first) and any(len(w) > 3 for w in words):
        titled = tuple(w.title() for w in words)
        if titled not in lex.generated:
            g = lex.gazetteer.get(titled)
    if g is not None:
        if person_ctx and g == "PLACE" and n == 1:
            return _Cand(s, e, "PERSON", RULE, words, person_ctx, extra)
        return _Cand(s, e, g, GAZ, words, person_ctx, extra)
    # 1b. a place name that is also a word or a first name ("Reading", "Florence")
    if words in lex.weak_places and not person_ctx and _place_context(doc, s, e):
        c = _Cand(s, e, "PLACE", RULE, words, person_ctx, extra)
        c.flags = c.flags | {"place_ctx"}
        return c
    if n == 1:
        # nationalities, stopwords, dates, person titles, organisation heads
        if first in lex.not_alone or len(first) == 1:
            return None
        if first in _ADJ_NAMES and not person_ctx and _before_lower_word(doc, e):
            return None  # "Roman mosaics", "Christian values"
        if "-" in first:
            parts = first.split("-")
            g = lex.gazetteer.get(tuple(parts))
            if g is not None:
                return _Cand(s, e, g, GAZ, words, person_ctx, extra)  # Los-Angeles
            if all(p in lex.nationalities or (p,) in lex.gazetteer for p in parts):
                return None  # Israeli-Palestinian, African-American
    # 2. organisation and place keywords
    if n == 1:
        if not person_ctx and _org_compound(first):
            return _Cand(s, e, "ORG", RULE, words, person_ctx, extra)
    else:
        if _any_org_compound(words):
            return _Cand(s, e, "ORG", RULE, words, person_ctx, extra)
        if (last in lex.org_suffixes or not lex.org_heads.isdisjoint(words[:-1])) and not (
            person_ctx and first in lex.first_names
        ):
            return _Cand(s, e, "ORG", RULE, words, person_ctx, extra)
        if last in lex.place_suffixes or first in lex.place_prefixes:
            return _Cand(s, e, "PLACE", RULE, words, person_ctx, extra)
        if last in lex.other_suffixes:
            return _Cand(s, e, "OTHER", RULE, words, person_ctx, extra)
    # 3. people
    prev = _prev_word(tw, s)
    if prev is not None and (prev in lex.person_titles or prev in lex.lower_titles):
        person_ctx = True
    nxt = _next_word(tw, e)
    if n >= 2:
        if first in lex.first_names:
            return _Cand(s, e, "PERSON", RULE, words, person_ctx, extra)
        if len(first) == 2 and first[1] == "." and first[0].isupper():
            return _Cand(s, e, "PERSON", RULE, words, person_ctx, extra)
    if person_ctx and not headline:
        c = _Cand(s, e, "PERSON", RULE, words, person_ctx, extra)
        return c
    # 4. shapes: acronyms, CamelCase, domains
    if n == 1:
        if first.endswith((".com", ".org", ".net", ".io")):
            return _Cand(s, e, "ORG", RULE, words, person_ctx, extra)
        if (
            first.isupper()
            and _allcaps(first)
            and 2 <= len(first.replace(".", "").replace("&", "")) <= 5
        ):
            if first.capitalize() in lex.stopwords and (at_start or headline):
                return None
            if _glossed(doc, e):
                return None  # "CRE (carbapenem-resistant enterobacteriaceae)": a term
            return _Cand(s, e, "ORG", GUESS, words, person_ctx, extra)
        if first[0].islower():  # iPhone, eBay
            return _Cand(s, e, "OTHER", GUESS, words, person_ctx, extra)
        if (
            not first[1:].islower()  # else it has no upper-case letter after the first
            and any(ch.isupper() for ch in first[1:])
            and not _allcaps(first)
            and "-" not in first
        ):
            return _Cand(s, e, "ORG", GUESS, words, person_ctx, extra)
    # 5. context nouns: "the Ennahda party", "the city of Sirte", "the journal X"
    after = tw[e + 1] if e + 1 < len(tw) else ""
    if not headline and (not at_start or n >= 2):
        if after in lex.org_nouns_after or prev in lex.org_nouns_before:
            # "the Ennahda party": a determiner and a noun make it more than a guess
            sure = (
                after in lex.org_nouns_after
                and after not in ("administration", "government")  # the Obama administration
                and prev in ("the", "The", "a", "an")
                and first not in lex.first_names
            )
            return _Cand(s, e, "ORG", RULE if sure else GUESS, words, person_ctx, extra)
        if after in lex.place_nouns_after or (  # "the city of X"
            s >= 2 and tw[s - 1] == "of" and tw[s - 2] in lex.place_nouns_before
        ):
            return _Cand(s, e, "PLACE", GUESS, words, person_ctx, extra)
    if n == 1 and first in lex.first_names and not headline:
        return _Cand(s, e, "PERSON", GUESS, words, person_ctx, extra)
    # 6. the rest: unknown capitalised words
    if n == 1:
        low = first.lower()
        common = [first] if low in lex.words or doc.lower_seen(low) else []
    else:
        common = [w for w in words if w.lower() in lex.words or doc.lower_seen(w.lower())]
    if headline:
        # In a title-case heading only what is known counts; propagation may still label it.
        c = _Cand(s, e, None, OPEN, words, person_ctx, extra)
        c.flags = c.flags | {"open"}
        return c
    if n == 1:
        w = first
        if at_start and w not in doc.cap_mid:
            if common:
                return None
            c = _Cand(s, e, None, OPEN, words, person_ctx, extra)
            c.flags = c.flags | {"open"}
            if nxt in lex.person_verbs_after:
                c.flags = c.flags | {"person_hint"}
            return c
        if common and w not in doc.cap_mid:
            return None
        if common:
            # a capitalised common word used as a name mid-sentence ("Messages", "Portal")
            c = _Cand(s, e, None, OPEN, words, person_ctx, extra)
            c.flags = c.flags | {"open"}
            return c
        if prev in _LOCATIVE or (nxt is None and _followed_by_based(doc, e)):
            return _Cand(s, e, "PLACE", GUESS, words, person_ctx, extra)
        if nxt in lex.person_verbs_after and nxt in ("said", "says", "told", "added", "wrote"):
            c = _Cand(s, e, "ORG", GUESS, words, person_ctx, extra)
            c.flags = c.flags | {"person_hint"}
            return c
        if w.endswith(_PLACE_STEMS) and len(w) >= 7:
            return _Cand(
                s, e, "PLACE", GUESS, words, person_ctx, extra
            )  # "Rheinhafen", "Zollhafen", "Oberkirchen"
        return _Cand(s, e, "ORG", GUESS, words, person_ctx, extra)
    # multi-word unknown
    if at_start and common and words[0] in common and n == 2:
        # "Soccer meets", "Cheeky horror" never get here (lower-case second
        # word), but "Virtual Reality" does: leave it open.
        c = _Cand(s, e, None, OPEN, words, person_ctx, extra)
        c.flags = c.flags | {"open"}
        return c
    if any(s <= gs and ge <= e for gs, ge, _lab in gaz):
        if lex.gazetteer.get((first,)) == "ORG" or any(
            lab == "ORG" and gs == s for gs, _ge, lab in gaz
        ):
            return _Cand(
                s, e, "OTHER" if common else "ORG", GUESS, words, person_ctx, extra
            )  # "Apple Vision Pro", "Yahoo Japan"
        if (
            n == 2
            and first in _PLACE_ADJ
            and lex.gazetteer.get(words[1:]) == "PLACE"
            and words[1:] not in lex.generated
        ):
            return _Cand(
                s, e, "PLACE", RULE, words, person_ctx, extra
            )  # "Middle Rhine", "Upper Austria"
        return _Cand(s, e, "ORG", GUESS, words, person_ctx, extra)  # "London West Hollywood"
    if not common:
        if prev in _PRE_PERSON or nxt in lex.person_verbs_after or n <= 3:
            return _Cand(s, e, "PERSON", GUESS, words, person_ctx, extra)
        return _Cand(s, e, "ORG", GUESS, words, person_ctx, extra)
    return _Cand(s, e, "OTHER", GUESS, words, person_ctx, extra)


def _glossed(doc: _Doc, e: int) -> bool:
    words = doc.words
    return e + 2 < len(words) and words[e + 1] == "(" and words[e + 2][:1].islower()


def _named_head(lex: Lexicon, word: str) -> bool:
    return word in lex.org_suffixes or word in lex.org_heads or word in lex.place_suffixes


def _followed_by_based(doc: _Doc, e: int) -> bool:
    """ "Nice-based": the tokeniser splits "-" and "based"."""
    words = doc.words
    return (
        e + 2 < len(words)
        and words[e + 1] == "-"
        and words[e + 2] == "based"
        and len(doc.spaced[e + 1]) == 1  # "-", nothing before it
        and len(doc.spaced[e + 2]) == len(words[e + 2])
    )


def _before_lower_word(doc: _Doc, e: int) -> bool:
    words = doc.words
    if e + 1 >= len(words):
        return False
    nxt = words[e + 1]
    return nxt.isalpha() and nxt.islower() and nxt not in doc.lex.person_verbs_after


def _org_words(lex: Lexicon, words: tuple[str, ...]) -> bool:
    return bool(words) and (words[-1] in lex.org_suffixes or any(w in lex.org_heads for w in words))


def _org_compound(word: str) -> bool:
    return len(word) >= 7 and word[0].isupper() and word.endswith(_ORG_STEMS)


def _any_org_compound(words: tuple[str, ...]) -> bool:
    # the endings first, in C: they rule out almost every name
    return any(map(str.endswith, words, repeat(_ORG_STEMS))) and any(map(_org_compound, words))


def _place_context(doc: _Doc, s: int, e: int, depth: int = 0) -> bool:
    """ "in Reading", "Nice-based", "Bath, England", "in Mobile and Bath"."""
    words = doc.words
    if s > 0 and words[s - 1].lower() in _PLACE_CTX:
        return True
    if _followed_by_based(doc, e) or _comma_place(doc, e):
        return True
    # one of a list of places: "in Mobile and Bath", "Leeds, Bath or York"
    if depth < 4 and s > 1 and words[s - 1] in (",", "and", "or"):
        j = s - 2
        if words[s - 1] != "," and words[j] == ",":
            j -= 1
        prev = words[j]
        if j >= 0 and doc.capword[j]:
            key = (prev,)
            lex = doc.lex
            if lex.gazetteer.get(key) == "PLACE" and (
                key not in lex.generated or _place_context(doc, j, j, depth + 1)
            ):
                return True
            if key in lex.weak_places and _place_context(doc, j, j, depth + 1):
                return True
    return False


def _comma_place(doc: _Doc, e: int) -> bool:
    """Token e is followed by ", <a place in the gazetteer>" ("Jackson, Mississippi")."""
    words = doc.words
    if not (e + 2 < len(words) and words[e + 1] == ","):
        return False
    gaz = doc.lex.gazetteer
    for k in range(min(len(words) - 1, e + 4), e + 1, -1):
        if gaz.get(tuple(words[e + 2 : k + 1])) == "PLACE":
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return nxt not in ("'s", "’s")
    return False


# --------------------------------------------------------------- second pass


def _second_pass(doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
    lex = doc.lex
    words = doc.words
    # Acronyms defined in parentheses: "World Health Organization (WHO)".
    by_first: dict[int, _Cand] | None = None
    acronyms: dict[str, str] = {}
    for c in cands:
        j = c.last + 1
        if not (j + 2 < len(words) and words[j] == "(" and words[j + 2] == ")"):
            continue
        acr = words[j + 1]
        if not (_allcaps(acr) and 2 <= len(acr) <= 8) or len(c.words) < 2:
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
    # People: full names label their parts elsewhere.
    person_parts: dict[str, int] = {}
    for c in cands:
        if c.label == "PERSON" and c.strength >= GUESS:
            ws = [w for w in c.words if w[0].isupper() and not (len(w) == 2 and w[1] == ".")]
            if len(ws) >= 2:
                if doc.needs_norm:
                    ws = [_norm((w,)) for w in ws]
                person_parts.setdefault(ws[-1], c.strength)
                person_parts.setdefault(" ".join(ws[-2:]), c.strength)
                if (ws[0],) not in lex.gazetteer:
                    person_parts.setdefault(ws[0], c.strength)
                if "-" in ws[-1]:
                    person_parts.setdefault(ws[-1].split("-")[-1], c.strength)
    # The strongest label each surface got anywhere in the document, and the
    # votes of its weak guesses.
    best: dict[str, tuple[str, int]] = {}
    votes: dict[str, dict[str, int]] = {}
    norm = _norm if doc.needs_norm else " ".join
    keys = [norm(c.words) for c in cands]
    for c, key in zip(cands, keys, strict=True):
        if c.label is None:
            continue
        if c.strength >= RULE:
            old = best.get(key)
            if old is None or old[1] < c.strength:
                best[key] = (c.label, c.strength)
        else:
            label = "PERSON" if "person_hint" in c.flags else c.label
            v = votes.setdefault(key, {})
            v[label] = v.get(label, 0) + 1
    for acr, label in acronyms.items():
        best.setdefault(acr, (label, RULE))
    out: list[_Cand] = []
    for c, key in zip(cands, keys, strict=True):
        if (
            c.label != "PERSON"
            and (c.strength < GAZ or c.label == "PLACE")
            and "place_ctx" not in c.flags
        ):
            hit = person_parts.get(key)
            if hit is not None and (c.strength < GAZ or hit >= RULE):
                c.label, c.strength = "PERSON", RULE
        b = best.get(key)
        if b is not None and b[1] > c.strength:
            c.label, c.strength = b
        if c.strength <= GUESS:
            tally = votes.get(key)
            if tally:
                # ties go to the first label guessed (dicts keep insertion order)
                c.label = max(tally, key=tally.__getitem__)
                c.strength = max(c.strength, GUESS)
        if (
            c.label is None
            and "person_hint" in c.flags
            and c.first == c.last
            and c.words[0].lower() not in lex.words
        ):
            # "Essid declared ..." at a sentence start, never seen elsewhere: a surname
            c.label, c.strength = "PERSON", GUESS
        if c.label is None and "open" in c.flags and c.first == c.last:
            w = c.words[0]
            if w in doc.cap_mid and not doc.headline[c.first] and w.lower() not in lex.words:
                c.label, c.strength = "ORG", GUESS
        if c.label is not None:
            out.append(c)
    return out
