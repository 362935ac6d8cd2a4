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

from dataclasses import dataclass, field

from margin.entities.lexicon import MAX_GAZ_TOKENS, Lexicon, lexicon
from margin.entities.tokens import Token, tokenise
from margin.model import Entity

# How sure a label is: later passes only override a weaker one.
GAZ, RULE, GUESS, OPEN = 3, 2, 1, 0

_SENT_END = frozenset(".!?:;")
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
_TRAILING_JUNK = frozenset({"The", "A", "An", "And", "Or", "Of", "I", "THE", "AND"})
_ABBREV_WITH_DOT = frozenset({"Co", "Inc", "Corp", "Ltd", "Jr", "Sr", "Bros"})


@dataclass(slots=True)
class _Cand:
    first: int  # token index
    last: int  # token index, inclusive
    label: str | None
    strength: int
    words: tuple[str, ...]
    person_ctx: bool = False
    extra_end: int = 0  # characters to add at the end ("Co.")
    flags: set[str] = field(default_factory=set)


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


def _norm(words: tuple[str, ...]) -> str:
    return " ".join(words).replace("\u00ad", "").replace("\u2019", "'")


def _is_word_token(tok: str) -> bool:
    return tok[0].isalnum()


def _allcaps(tok: str) -> bool:
    return tok.isupper() and any(c.isalpha() for c in tok)


class _Doc:
    """Per-document state for one call of :func:`recognise_builtin`."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.toks: list[Token] = tokenise(text)
        toks = self.toks
        n = len(toks)
        self.sent_start = [False] * n
        self.headline = [False] * n
        lower_seen: set[str] = set()
        cap_mid: set[str] = set()
        # Sentence starts and paragraph (block) boundaries.
        prev_end_char = "."
        para_start = 0
        paras: list[tuple[int, int]] = []
        prev_tok_end = 0
        # word tokens that start with a capital (or iPhone, al-Bashir), for _runs
        self.capword = capword = [False] * n
        for i, (s, _e, t) in enumerate(toks):
            if i and s != prev_tok_end and "\n" in text[prev_tok_end:s]:
                paras.append((para_start, i))
                para_start = i
                prev_end_char = "."
            c = t[0]
            if c in _QUOTES:
                prev_tok_end = _e
                continue
            if c.isalnum():
                if t.islower():
                    lower_seen.add(t)
                    prev_end_char = "w"
                    prev_tok_end = _e
                    continue
                cap = capword[i] = _is_cap(t)
                if prev_end_char in _SENT_END:
                    self.sent_start[i] = True
                elif cap:
                    cap_mid.add(t)
                prev_end_char = "w"
                if t[-1] == "." and len(t) > 1 and i + 1 < n and _is_cap(toks[i + 1].text):
                    prev_end_char = "."  # "... in the U.S. The next"
            else:
                prev_end_char = t if len(t) == 1 else "w"
            prev_tok_end = _e
        paras.append((para_start, n))
        for a, b in paras:
            self._mark_headline(a, b)
        self.lower_seen = lower_seen
        self.cap_mid = cap_mid

    def _mark_headline(self, a: int, b: int) -> None:
        """Title Case blocks (headings, related-story links) get stricter rules."""
        toks = self.toks
        if b <= a or toks[b - 1].text == ".":
            return
        words = [
            t.text
            for t in toks[a:b]
            if _is_word_token(t.text) and len(t.text) > 3 and t.text.lower() not in _FUNCTION
        ]
        if len(words) < 4:
            return
        lower = sum(1 for w in words if not _is_cap(w))
        if lower <= len(words) // 8:
            for i in range(a, b):
                self.headline[i] = True


def recognise_builtin(text: str) -> list[Entity]:
    if not text or not text.strip():
        return []
    lex = lexicon()
    doc = _Doc(text, lex)
    cands = _first_pass(doc)
    cands = _second_pass(doc, cands)
    toks = doc.toks
    out: list[Entity] = []
    last_end = -1
    for c in sorted(cands, key=lambda c: c.first):
        if c.label is None:
            continue
        s = toks[c.first].start
        e = toks[c.last].end + c.extra_end
        if s < last_end:
            continue
        out.append(Entity(text[s:e], c.label, s, e))
        last_end = e
    return out


# ---------------------------------------------------------------- first pass


def _runs(doc: _Doc) -> list[tuple[int, int]]:
    """Maximal runs of capitalised tokens, with name particles and '&' inside."""
    toks = doc.toks
    text = doc.text
    lex = doc.lex
    capword = doc.capword
    n = len(toks)
    runs: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if not capword[i]:
            i += 1
            continue
        j = i
        while j + 1 < n:
            nxt = toks[j + 1]
            if toks[j].end != nxt.start and "\n" in text[toks[j].end : nxt.start]:
                break
            nt = nxt.text
            if capword[j + 1]:
                j += 1
                continue
            # "Osama bin Laden", "AT & T", "Ludwig van Beethoven"
            if (
                (nt in lex.name_particles or nt == "&")
                and j + 2 < n
                and capword[j + 2]
                and "\n" not in text[nxt.end : toks[j + 2].start]
            ):
                j += 2
                continue
            break
        runs.append((i, j))
        i = j + 1
    return runs


def _gaz_matches(doc: _Doc, a: int, b: int) -> list[tuple[int, int, str]]:
    """Longest gazetteer matches inside tokens a..b (inclusive), left to right."""
    gaz = doc.lex.gazetteer
    toks = doc.toks
    out = []
    i = a
    while i <= b:
        found = None
        for k in range(min(b, i + MAX_GAZ_TOKENS - 1), i - 1, -1):
            key = tuple(toks[x].text for x in range(i, k + 1))
            label = gaz.get(key)
            if label is None and _allcaps(toks[i].text) and any(len(w) > 3 for w in key):
                titled = tuple(w.title() for w in key)
                if titled not in doc.lex.generated:  # "AJAX" is no Dutch town
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


def _prev_word(doc: _Doc, i: int) -> str | None:
    """The word before token i, skipping a '.' after an abbreviation (Dr. X)."""
    j = i - 1
    toks = doc.toks
    if j >= 0 and toks[j].text == "." and j - 1 >= 0 and _is_word_token(toks[j - 1].text):
        j -= 1
    if j >= 0 and _is_word_token(toks[j].text):
        return toks[j].text
    return None


def _next_word(doc: _Doc, i: int) -> str | None:
    toks = doc.toks
    j = i + 1
    if j < len(toks) and toks[j].text == ",":
        return None
    if j < len(toks) and _is_word_token(toks[j].text):
        return toks[j].text
    return None


def _first_pass(doc: _Doc) -> list[_Cand]:
    lex = doc.lex
    toks = doc.toks
    cands: list[_Cand] = []
    runs = _merge_org_connectors(doc, _runs(doc))
    for a, b in runs:
        gaz = _gaz_matches(doc, a, b)
        protected = {x for s, e, _ in gaz for x in range(s, e + 1)}
        if doc.headline[a]:
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
            t = toks[i].text
            is_title = i not in protected and (
                t in lex.person_titles
                or (t in _TITLE_PREFIX and i < b and toks[i + 1].text in lex.person_titles)
            )
            if is_title:
                # consume the whole title ("Prime Minister", "Vice President")
                k = i
                while k + 1 <= b and (
                    toks[k + 1].text in lex.person_titles or toks[k + 1].text in _TITLE_PREFIX
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
    toks = doc.toks
    out: list[_Cand] = []
    for s, e, _label in gaz:
        c = _classify(doc, s, e, False, gaz)
        if c is not None:
            out.append(c)
    i = a
    while i <= b:
        if i in protected or toks[i].text.lower() in lex.words:
            i += 1
            continue
        j = i
        while j + 1 <= b and j + 1 not in protected and toks[j + 1].text.lower() not in lex.words:
            j += 1
        c = _classify(doc, i, j, False, [])
        if c is not None:
            out.append(c)
        i = j + 1
    return out


def _merge_org_connectors(doc: _Doc, runs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "Bank" + "of" + "England", "Center" + "for" + "Food and Allergy Research"."""
    toks = doc.toks
    lex = doc.lex
    out: list[tuple[int, int]] = []
    for a, b in runs:
        if out:
            pa, pb = out[-1]
            gap = a - pb - 1
            if 1 <= gap <= 2:
                between = [toks[x].text for x in range(pb + 1, a)]
                words = [toks[x].text for x in range(pa, pb + 1)]
                if (
                    between[0] in _CONNECT_ORG
                    and (gap == 1 or between[1] == "the")
                    and (
                        any(w in lex.org_heads for w in words)
                        or (between[0] == "and" and _and_joins(doc, pa, pb, a, b, gap))
                    )
                    and (between[0] != "and" or _and_joins(doc, pa, pb, a, b, gap))
                    and "\n" not in doc.text[toks[pb].end : toks[a].start]
                ):
                    out[-1] = (pa, b)
                    continue
        out.append((a, b))
    return out


def _and_joins(doc: _Doc, pa: int, pb: int, a: int, b: int, gap: int) -> bool:
    """ "Center for Food and Allergy Research" is one name; "University of Lagos
    and the Bank of England" are two."""
    toks = doc.toks
    heads = doc.lex.org_heads
    if gap != 1 or toks[pb].text in heads:
        return False
    left = [toks[x].text for x in range(pa, pb + 1)]
    right = [toks[x].text for x in range(a, b + 1)]
    if any(w in heads for w in right[:-1]):
        return False
    if any(w in _CONNECT_ORG for w in left):
        return True
    # "World Travel and Tourism Council", but not "Google and Microsoft Corp"
    gaz = doc.lex.gazetteer
    return right[-1] in doc.lex.org_suffixes and not any((w,) in gaz for w in left)


def _split_inner(doc: _Doc, s: int, e: int, protected: set[int]) -> list[tuple[int, int]]:
    lex = doc.lex
    toks = doc.toks
    out: list[tuple[int, int]] = []
    start = s
    for i in range(s, e + 1):
        t = toks[i].text
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
    toks = doc.toks
    # strip a leading "The" and closed-class words at either end
    while s <= e:
        t = toks[s].text
        if t in ("The", "THE", "the"):
            s += 1
            continue
        full = tuple(toks[x].text for x in range(s, e + 1))
        if full in lex.gazetteer or (full in lex.weak_places and _place_context(doc, s, e)):
            break
        if t in _ORG_ADJ and s < e and _org_words(lex, full[1:]):
            break
        if (
            t in lex.stopwords
            or t in lex.dates
            or (t in lex.nationalities and s < e and not _named_head(lex, toks[e].text))
            or (t in lex.person_titles and s < e)
            or (_allcaps(t) and len(t) > 1 and t.capitalize() in lex.stopwords and s < e)
        ) and t not in lex.org_heads:
            if t in lex.person_titles:
                person_ctx = True
            s += 1
            continue
        break
    while e >= s:
        t = toks[e].text
        if (t in lex.dates or t in _TRAILING_JUNK) and (
            tuple(toks[x].text for x in range(s, e + 1)) not in lex.gazetteer
        ):
            e -= 1
            continue
        break
    if s > e:
        return None
    words = tuple(toks[x].text for x in range(s, e + 1))
    first, last = words[0], words[-1]
    n = len(words)
    headline = doc.headline[s]
    at_start = doc.sent_start[s]
    extra = 0
    if last in _ABBREV_WITH_DOT and e + 1 < len(toks) and toks[e + 1].text == ".":
        extra = 1

    def cand(label: str | None, strength: int) -> _Cand:
        return _Cand(s, e, label, strength, words, person_ctx, extra)

    # 1. gazetteer, whole span
    g = lex.gazetteer.get(words)
    if g is None and _allcaps(first) and any(len(w) > 3 for w in words):
        titled = tuple(w.title() for w in words)
        if titled not in lex.generated:
            g = lex.gazetteer.get(titled)
    if g is not None:
        if person_ctx and g == "PLACE" and n == 1:
            return cand("PERSON", RULE)
        return cand(g, GAZ)
    # 1b. a place name that is also a word or a first name ("Reading", "Florence")
    if words in lex.weak_places and not person_ctx and _place_context(doc, s, e):
        c = cand("PLACE", RULE)
        c.flags.add("place_ctx")
        return c
    if n == 1:
        if first in lex.nationalities or first in lex.stopwords or first in lex.dates:
            return None
        if first in lex.person_titles or first in lex.org_heads or len(first) == 1:
            return None
        if first in _ADJ_NAMES and not person_ctx and _before_lower_word(doc, e):
            return None  # "Roman mosaics", "Christian values"
        if "-" in first:
            parts = first.split("-")
            g = lex.gazetteer.get(tuple(parts))
            if g is not None:
                return cand(g, GAZ)  # Los-Angeles
            if all(p in lex.nationalities or (p,) in lex.gazetteer for p in parts):
                return None  # Israeli-Palestinian, African-American
    # 2. organisation and place keywords
    if any(_org_compound(w) for w in words) and not (person_ctx and n == 1):
        return cand("ORG", RULE)
    org_words = last in lex.org_suffixes or any(w in lex.org_heads for w in words[:-1])
    if n >= 2 and org_words and not (person_ctx and first in lex.first_names):
        return cand("ORG", RULE)
    if n >= 2 and (last in lex.place_suffixes or first in lex.place_prefixes):
        return cand("PLACE", RULE)
    if n >= 2 and last in lex.other_suffixes:
        return cand("OTHER", RULE)
    # 3. people
    prev = _prev_word(doc, s)
    if prev is not None and (prev in lex.person_titles or prev in lex.lower_titles):
        person_ctx = True
    nxt = _next_word(doc, e)
    if first in lex.first_names and n >= 2:
        return cand("PERSON", RULE)
    if n >= 2 and len(first) == 2 and first[1] == "." and first[0].isupper():
        return cand("PERSON", RULE)
    if person_ctx and not headline:
        c = cand("PERSON", RULE)
        return c
    # 4. shapes: acronyms, CamelCase, domains
    if n == 1:
        if first.endswith((".com", ".org", ".net", ".io")):
            return cand("ORG", RULE)
        if _allcaps(first) and 2 <= len(first.replace(".", "").replace("&", "")) <= 5:
            if first.capitalize() in lex.stopwords and (at_start or headline):
                return None
            if _glossed(doc, e):
                return None  # "CRE (carbapenem-resistant enterobacteriaceae)": a term
            return cand("ORG", GUESS)
        if first[0].islower():  # iPhone, eBay
            return cand("OTHER", GUESS)
        if any(ch.isupper() for ch in first[1:]) and not _allcaps(first) and "-" not in first:
            return cand("ORG", GUESS)
    # 5. context nouns: "the Ennahda party", "the city of Sirte", "the journal X"
    after = toks[e + 1].text if e + 1 < len(toks) else ""
    if not headline and (not at_start or n >= 2):
        if after in lex.org_nouns_after or prev in lex.org_nouns_before:
            # "the Ennahda party": a determiner and a noun make it more than a guess
            sure = (
                after in lex.org_nouns_after
                and after not in ("administration", "government")  # the Obama administration
                and prev in ("the", "The", "a", "an")
                and first not in lex.first_names
            )
            return cand("ORG", RULE if sure else GUESS)
        if after in lex.place_nouns_after or _of_place(doc, s):
            return cand("PLACE", GUESS)
    if n == 1 and first in lex.first_names and not headline:
        return cand("PERSON", GUESS)
    # 6. the rest: unknown capitalised words
    common = [w for w in words if w.lower() in lex.words or w.lower() in doc.lower_seen]
    if headline:
        # In a title-case heading only what is known counts; propagation may still label it.
        c = cand(None, OPEN)
        c.flags.add("open")
        return c
    if n == 1:
        w = first
        if at_start and w not in doc.cap_mid:
            if common:
                return None
            c = cand(None, OPEN)
            c.flags.add("open")
            if nxt in lex.person_verbs_after:
                c.flags.add("person_hint")
            return c
        if common and w not in doc.cap_mid:
            return None
        if common:
            # a capitalised common word used as a name mid-sentence ("Messages", "Portal")
            c = cand(None, OPEN)
            c.flags.add("open")
            return c
        if prev in _LOCATIVE or (nxt is None and _followed_by_based(doc, e)):
            return cand("PLACE", GUESS)
        if nxt in lex.person_verbs_after and nxt in ("said", "says", "told", "added", "wrote"):
            c = cand("ORG", GUESS)
            c.flags.add("person_hint")
            return c
        if w.endswith(_PLACE_STEMS) and len(w) >= 7:
            return cand("PLACE", GUESS)  # "Rheinhafen", "Zollhafen", "Oberkirchen"
        return cand("ORG", GUESS)
    # multi-word unknown
    if at_start and common and words[0] in common and n == 2:
        # "Soccer meets", "Cheeky horror" never get here (lower-case second
        # word), but "Virtual Reality" does: leave it open.
        c = cand(None, OPEN)
        c.flags.add("open")
        return c
    if any(s <= gs and ge <= e for gs, ge, _lab in gaz):
        if lex.gazetteer.get((first,)) == "ORG" or any(
            lab == "ORG" and gs == s for gs, _ge, lab in gaz
        ):
            return cand("OTHER" if common else "ORG", GUESS)  # "Apple Vision Pro", "Yahoo Japan"
        if (
            n == 2
            and first in _PLACE_ADJ
            and lex.gazetteer.get(words[1:]) == "PLACE"
            and words[1:] not in lex.generated
        ):
            return cand("PLACE", RULE)  # "Middle Rhine", "Upper Austria"
        return cand("ORG", GUESS)  # "London West Hollywood"
    if not common:
        if prev in _PRE_PERSON or nxt in lex.person_verbs_after or n <= 3:
            return cand("PERSON", GUESS)
        return cand("ORG", GUESS)
    return cand("OTHER", GUESS)


def _glossed(doc: _Doc, e: int) -> bool:
    toks = doc.toks
    return e + 2 < len(toks) and toks[e + 1].text == "(" and toks[e + 2].text[:1].islower()


def _of_place(doc: _Doc, s: int) -> bool:
    toks = doc.toks
    return s >= 2 and toks[s - 1].text == "of" and toks[s - 2].text in doc.lex.place_nouns_before


def _named_head(lex: Lexicon, word: str) -> bool:
    return word in lex.org_suffixes or word in lex.org_heads or word in lex.place_suffixes


def _followed_by_based(doc: _Doc, e: int) -> bool:
    """ "Nice-based": the tokeniser splits "-" and "based"."""
    toks = doc.toks
    return (
        e + 2 < len(toks)
        and toks[e + 1].text == "-"
        and toks[e + 2].text == "based"
        and toks[e].end == toks[e + 1].start
        and toks[e + 1].end == toks[e + 2].start
    )


def _before_lower_word(doc: _Doc, e: int) -> bool:
    toks = doc.toks
    if e + 1 >= len(toks):
        return False
    nxt = toks[e + 1].text
    return nxt.isalpha() and nxt.islower() and nxt not in doc.lex.person_verbs_after


def _org_words(lex: Lexicon, words: tuple[str, ...]) -> bool:
    return bool(words) and (words[-1] in lex.org_suffixes or any(w in lex.org_heads for w in words))


def _org_compound(word: str) -> bool:
    return len(word) >= 7 and word[0].isupper() and word.endswith(_ORG_STEMS)


def _place_context(doc: _Doc, s: int, e: int, depth: int = 0) -> bool:
    """ "in Reading", "Nice-based", "Bath, England", "in Mobile and Bath"."""
    toks = doc.toks
    if s > 0 and toks[s - 1].text.lower() in _PLACE_CTX:
        return True
    if _followed_by_based(doc, e) or _comma_place(doc, e):
        return True
    # one of a list of places: "in Mobile and Bath", "Leeds, Bath or York"
    if depth < 4 and s > 1 and toks[s - 1].text in (",", "and", "or"):
        j = s - 2
        if toks[s - 1].text != "," and toks[j].text == ",":
            j -= 1
        prev = toks[j].text
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
    toks = doc.toks
    if not (e + 2 < len(toks) and toks[e + 1].text == ","):
        return False
    gaz = doc.lex.gazetteer
    for k in range(min(len(toks) - 1, e + 4), e + 1, -1):
        if gaz.get(tuple(t.text for t in toks[e + 2 : k + 1])) == "PLACE":
            nxt = toks[k + 1].text if k + 1 < len(toks) else ""
            return nxt not in ("'s", "’s")
    return False


# --------------------------------------------------------------- second pass


def _second_pass(doc: _Doc, cands: list[_Cand]) -> list[_Cand]:
    lex = doc.lex
    toks = doc.toks
    # Acronyms defined in parentheses: "World Health Organization (WHO)".
    by_first = {c.first: c for c in cands}
    acronyms: dict[str, str] = {}
    for c in cands:
        j = c.last + 1
        if not (j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")"):
            continue
        acr = toks[j + 1].text
        if not (_allcaps(acr) and 2 <= len(acr) <= 8) or len(c.words) < 2:
            continue
        initials = "".join(w[0] for w in c.words if w[0].isupper())
        if c.label is None:
            if initials != acr:
                continue
            c.label, c.strength = "ORG", RULE
        acronyms[acr] = c.label
        inner = by_first.get(j + 1)
        if inner is not None:
            inner.label, inner.strength = c.label, RULE
    # People: full names label their parts elsewhere.
    person_parts: dict[str, int] = {}
    for c in cands:
        if c.label == "PERSON" and c.strength >= GUESS:
            ws = [w for w in c.words if w[0].isupper() and not (len(w) == 2 and w[1] == ".")]
            if len(ws) >= 2:
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
    for c in cands:
        key = _norm(c.words)
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
    for c in cands:
        key = _norm(c.words)
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
