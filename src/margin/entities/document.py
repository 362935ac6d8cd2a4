"""The document model of the built-in recogniser: tokens, sentence starts,
Title Case headings, and the candidate spans the rules propose.

Tokens are two parallel lists: ``words[i]``, and ``spaced[i]``, the same
token after the whitespace before it (a paragraph break is a newline there).
Only the tokens that are not all lower case get per-token work here; the
lower-case words, most of any text, are skipped in C.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from margin.entities.lexicon import Lexicon
from margin.entities.tokens import split_tokens, token_ends
from margin.model import EntityLabel

# How sure a label is: later passes only override a weaker one. OPEN: no
# label yet, the second pass decides.
GAZ, RULE, GUESS, OPEN = 3, 2, 1, 0

#: A gazetteer match: first token, last token (inclusive), label.
Match = tuple[int, int, EntityLabel]

_SENT_END = frozenset(".!?:;")
_NEWLINE_RE = re.compile(r"\n\s*")
_QUOTES = frozenset("\"'“”‘’«»([")
#: Short function words that do not count towards a heading's long words.
FUNCTION_WORDS = frozenset(
    {"with", "from", "into", "onto", "over", "under", "about", "after", "before", "during",
     "than", "that", "this", "what", "when", "your"}
)  # fmt: skip
_FUNCTION_WORDS_MAX = max(map(len, FUNCTION_WORDS))
_ABBREV_WITH_DOT = frozenset({"Co", "Inc", "Corp", "Ltd", "Jr", "Sr", "Bros"})


@dataclass(slots=True)
class Cand:
    """A span the first pass proposes as an entity, with how sure it is."""

    first: int  # token index
    last: int  # token index, inclusive
    label: EntityLabel | None  # None: left open for the second pass
    strength: int
    words: tuple[str, ...]
    extra_end: int = 0  # characters to add at the end ("Co.")
    # A word that people do something after ("Essid declared"): a person if
    # the document says nothing else about it.
    person_hint: bool = False
    # A place name that is also a word, labelled by a place before or after
    # it ("in Reading"): a person's name elsewhere does not relabel it.
    place_context: bool = False
    # A sports club, labelled by the words around it ("Everton beat"): its
    # other mentions are the club too.
    club: bool = False


def is_cap(tok: str) -> bool:
    """A word that starts a name: a capital, or iPhone, eBay, al-Bashir."""
    c = tok[0]
    if c.isupper():
        return not (c == "I" and tok[1:2] in ("'", "\u2019"))  # not I'm, I've
    if c.islower():
        if len(tok) > 1 and tok[1].isupper():
            return True
        if tok.startswith(("al-", "el-")) and len(tok) > 3 and tok[3].isupper():
            return True
        # a brand in lower case with a capital inside: easyJet, eHarmony (not a
        # hyphened word, nor a unit: kWh, mAh)
        return len(tok) > 3 and "-" not in tok and not tok.islower() and tok.isalpha()
    if c.isdigit():
        # a brand with digits: 23andMe, 7-Eleven (not 3D, 4K, 1GHz, 18-year-old)
        rest = tok.lstrip("0123456789")
        if rest[:1] == "-":
            return rest[1:2].isupper() and rest[2:3].islower()
        return rest[:1].islower() and not rest.islower()
    return False


def allcaps(tok: str) -> bool:
    return tok.isupper() and any(c.isalpha() for c in tok)


def prev_word(tw: list[str], s: int) -> str | None:
    """The word before token s, skipping a '.' after an abbreviation (Dr. X);
    None if a punctuation mark comes first."""
    j = s - 1
    if j >= 1 and tw[j] == "." and tw[j - 1][0].isalnum():
        j -= 1
    return tw[j] if j >= 0 and tw[j][0].isalnum() else None


def next_word(tw: list[str], e: int) -> str | None:
    """The word after token e; None if a comma or another mark comes first."""
    nxt = tw[e + 1] if e + 1 < len(tw) else None
    if nxt is not None and (nxt == "," or not nxt[0].isalnum()):
        return None
    return nxt


def extra_end(tw: list[str], e: int) -> int:
    """1 to take in the '.' after "Co", "Inc" and the like ending a name at token e."""
    return 1 if tw[e] in _ABBREV_WITH_DOT and e + 1 < len(tw) and tw[e + 1] == "." else 0


def _same_shout(doc: Document, i: int, j: int) -> bool:
    """Capitalised words i < j are in one run of capitals: next to each other
    or one punctuation mark apart, in one paragraph."""
    spaced = doc.spaced
    if "\n" in spaced[j]:
        return False
    return j == i + 1 or (j == i + 2 and not doc.words[i + 1][0].isalnum())


def norm(words: tuple[str, ...]) -> str:
    """The words as one key: soft hyphens out, curly apostrophes straight."""
    return " ".join(words).replace("\u00ad", "").replace("\u2019", "'")


class Document:
    """Per-document state for one call of the built-in recogniser."""

    def __init__(self, text: str, lex: Lexicon) -> None:
        self.text = text
        self.lex = lex
        self.spaced, self.words = split_tokens(text)
        self.n = len(self.words)
        self._ends: list[int] | None = None
        self._vocab: set[str] | None = None
        self.sport: bool | None = None  # an article about sport (see margin.entities.sport)
        # norm changes nothing in a text without soft hyphens and curly apostrophes
        self.needs_norm = "\u00ad" in text or "\u2019" in text
        self.sent_start = [False] * self.n
        self.headline = [False] * self.n
        # word tokens that start with a capital (or iPhone, al-Bashir), for the runs
        self.capword = [False] * self.n
        self.caps: list[int] = []  # their indices
        self.cap_mid: set[str] = set()  # the same words, where they do not start a sentence
        self._scan_capitals()
        self._mark_headlines()
        self._mark_shouting()

    def _scan_capitals(self) -> None:
        """Fill capword, caps, cap_mid, and sent_start for the capitalised
        words (the only tokens whose sentence start anyone asks):
        :func:`is_cap` and :meth:`sentence_start`, their usual cases written
        out, for the tokens that start with a letter and are not all lower case."""
        words, spaced = self.words, self.spaced
        sent_start, capword, caps, cap_mid = self.sent_start, self.capword, self.caps, self.cap_mid
        gazetteer = self.lex.gazetteer
        for i in [i for i, t in enumerate(words) if not t.islower() and t[0].isalnum()]:
            t = words[i]
            c = t[0]
            if c.isupper():  # is_cap(t)
                if c == "I" and t[1:2] in ("'", "\u2019"):
                    continue  # I'm, I've
            elif not is_cap(t) and not (c.isdigit() and (t,) in gazetteer):  # 3M
                continue
            capword[i] = True
            caps.append(i)
            if i == 0 or "\n" in spaced[i]:
                start = True
            else:
                p = words[i - 1]
                pc = p[0]
                if pc in _QUOTES:
                    start = self.sentence_start(i)
                elif pc.isalnum():
                    # "... in the U.S. The next"
                    start = p[-1] == "." and len(p) > 1 and not p.islower()
                else:
                    start = len(p) == 1 and p in _SENT_END
            sent_start[i] = start
            if not start:
                cap_mid.add(t)

    def sentence_start(self, i: int) -> bool:
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
                return not t.islower() and t[-1] == "." and len(t) > 1 and is_cap(words[k + 1])
            return len(t) == 1 and t in _SENT_END
        return True

    def blocks(self) -> list[tuple[int, int]]:
        """Paragraphs as token ranges [a, b): a block starts at a token with a
        newline before it."""
        # One match per run of whitespace; the token after it is the first to end later.
        ends = self.ends()
        n = self.n
        out = []
        a = 0
        for m in _NEWLINE_RE.finditer(self.text):
            b = bisect_right(ends, m.start())
            if 0 < b < n:
                out.append((a, b))
                a = b
        out.append((a, n))
        return out

    def _mark_headlines(self) -> None:
        for a, b in self.blocks():
            if self._is_headline(a, b):
                self.headline[a:b] = [True] * (b - a)

    def _is_headline(self, a: int, b: int) -> bool:
        """A Title Case block (a heading, a related-story link): at least four
        long words (more than three characters, not a short function word)
        and at most one in eight of them not capitalised. Such blocks get
        stricter rules."""
        words = self.words
        if b - a < 4 or words[b - 1] == ".":
            return False  # fewer than four tokens cannot hold four words
        # Stop counting once there are more lower-case words than the block could allow.
        limit = (b - a) // 8
        count = lower = 0
        for t in words[a:b]:
            if (
                len(t) > 3
                and t[0].isalnum()
                and (len(t) > _FUNCTION_WORDS_MAX or t.lower() not in FUNCTION_WORDS)
            ):
                count += 1
                if t.islower() or not is_cap(t):  # all lower case is never a capital
                    lower += 1
                    if lower > limit:
                        return False
        return count >= 4 and lower <= count // 8

    def _mark_shouting(self) -> None:
        """Runs of words in capitals ("ITALY DRAWS WITH SPAIN", "NEW YORK --",
        "BY TMZ STAFF") get a heading's stricter rules: a word in capitals
        there is no acronym unless no list knows it."""
        words, lex = self.words, self.lex
        loud = [i for i in self.caps if len(words[i]) > 1 and words[i].isupper()]
        k = 0
        while k < len(loud):
            j = k
            while j + 1 < len(loud) and _same_shout(self, loud[j], loud[j + 1]):
                j += 1
            run = [words[i] for i in loud[k : j + 1]]
            if len(run) >= 3 or (
                len(run) == 2 and any(len(w) > 2 and w.lower() in lex.words for w in run)
            ):
                first, last = loud[k], loud[j]
                self.headline[first : last + 1] = [True] * (last + 1 - first)
            k = j + 1

    def vocab(self) -> set[str]:
        """Every distinct token of the text."""
        if self._vocab is None:
            self._vocab = set(self.words)
        return self._vocab

    def lower_seen(self, word: str) -> bool:
        """Whether ``word`` occurs in the text as an all lower-case word."""
        return word in self.vocab() and word.islower() and word[0].isalnum()

    def ends(self) -> list[int]:
        """The end offset of every token."""
        if self._ends is None:
            self._ends = token_ends(self.spaced)
        return self._ends
