"""Placing a highlight in an article's text, W3C TextQuoteSelector style.

A highlight is stored as the quote itself (``exact``) with a little context
(``prefix``/``suffix``) plus the offsets where it was last found. When the
text changes (the file was re-saved with new chrome, a paragraph was added or
removed, a better extractor produced slightly different text) the highlight is
found again by its quote and context; fuzzily when the quote itself changed a
little. A quote that cannot be placed with confidence is reported orphaned
rather than attached to the wrong words: a note on the wrong words is worse
than an orphan, which is kept and listed.

How sure a place must be (each rule is a function below):

- The context must agree on one side at least, or the quote be long enough
  to speak for itself, and nearly unchanged (``_Fit.acceptable``). Short
  quotes ("after the initial", "Retrieved 9 December 2018.") recur in an
  article; the words beside them tell the copies apart.
- A fuzzy place must hold the distinctive words of the quote, in order
  (``_key_words``, ``_holds_keys``): all its numbers spelled the same, all
  its names, and nearly all its rarer words, each the same or a typo apart.
  Sentences of the same shape ("… number 3 opens paragraph 3 about the
  fishing fleets", "… number 2 opens paragraph 2 about the cranes") share
  their frame, never these words; the frame may be reworded. A fuzzy place
  holding only a word or two of the quote needs its context on both sides
  (``THIN``).
- The best place must fit clearly better than any other (``_choose``). Two
  places that fit about equally well are the same words in the same frame
  twice (a caption repeated, a table's rows, a reference list), and the
  quote's own copy may be the one that changed or went.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

#: Characters of context kept on each side of the quote.
CONTEXT_CHARS = 32

#: Least word similarity of a fuzzy place for a quote without distinctive words.
FUZZY_THRESHOLD = 0.82

#: Least word similarity of a fuzzy place that holds the distinctive words:
#: the frame around them may be reworded.
FRAME_THRESHOLD = 0.5

#: Least similarity of one side of the context for it to agree. Unrelated
#: 32-character pieces of an article score 0.28 (median), 0.47 (99th centile).
CONTEXT_AGREES = 0.9

#: Least score (quote and context weighed by length, 0..1) of a place whose
#: context agrees on neither side: an exact quote of some 120 characters
#: beside unrelated text.
ACCEPT = 0.75

#: Least word similarity of a quote placed without its context agreeing:
#: a quote and its surroundings both changed are too little to go by.
ALONE = 0.9

#: A changed quote found by fewer of its words than this is placed by its
#: context, which must agree on both sides ("Mozilla Reps logo", deleted,
#: is not the heading "Mozilla Reps" after it).
THIN = 3

#: A place this good fits well: the quote and its context are found
#: (nearly) word for word.
SURE = 0.9

#: Places that fit well (``SURE``) with scores this close fit equally well.
TIE = 0.03

#: A place that fits less well must beat every other place by this much.
AMBIGUOUS = 0.15

#: A word found at most this many times in the text is a rare word.
RARE = 2

#: A fuzzy place may lack one in this many of the quote's rare words
#: (reworded, or a typo fixed beyond recognition).
RARE_MISSING = 3


_CJK = "\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af"
# A CJK character is a word on its own: those scripts put no space between words.
_WORD_RE = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")
_CJK_RE = re.compile(f"[{_CJK}]")


@dataclass(frozen=True, slots=True)
class Selector:
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class Placement:
    start: int
    end: int
    exact_match: bool  # False when the quote was found fuzzily


def make_selector(text: str, start: int, end: int) -> Selector:
    """The TextQuoteSelector for ``text[start:end]``."""
    return Selector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """First occurrence of ``quote`` in ``text``: exactly, else ignoring
    differences in whitespace and letter case (what a user typing a quote on
    the command line means)."""
    if not quote:
        return None
    i = text.find(quote)
    if i >= 0:
        return i, i + len(quote)
    words = quote.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, text) or re.search(pattern, text, re.IGNORECASE)
    if m:
        return m.start(), m.end()
    return None


def anchor(text: str, sel: Selector, hint: int | None = None) -> Placement | None:
    """Where ``sel`` lies in ``text`` now, or ``None`` when it can't be placed.

    ``hint`` is the start offset where the quote was last seen: the quote
    found there word for word, beside its context, is taken at once. It
    decides nothing else: after an edit it points at other words.
    """
    if not sel.exact:
        return None
    n = len(sel.exact)
    if hint is not None and text[hint : hint + n] == sel.exact:
        here = _fit(text, hint, hint + n, sel, 1.0, exact=True)
        if here.score >= SURE:
            return Placement(hint, hint + n, exact_match=True)
    exact = [_fit(text, s, e, sel, 1.0, exact=True) for s, e in _exact_spans(text, sel.exact)]
    best = _choose(exact + _fuzzy(text, sel))
    if best is None:
        return None
    return Placement(best.start, best.end, exact_match=best.exact)


# -- how well a place fits -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Fit:
    start: int
    end: int
    similarity: float  # of the quote's words
    score: float  # the quote's and the context's similarity, weighed by length
    sides: int  # sides of context the selector has (0 to 2)
    agreeing: int  # sides of context that agree (``CONTEXT_AGREES``)
    exact: bool  # the quote word for word

    @property
    def acceptable(self) -> bool:
        return self.agreeing > 0 or (self.score >= ACCEPT and self.similarity >= ALONE)


def _side(got: str, want: str) -> float:
    return SequenceMatcher(None, got, want, autojunk=False).ratio() if want else 0.0


def _fit(
    text: str, start: int, end: int, sel: Selector, quote_similarity: float, *, exact: bool
) -> _Fit:
    """How well ``text[start:end]`` and the text around it match ``sel``.

    Context missing from the selector (a quote at the start or end of the
    text) weighs nothing."""
    before = _side(text[max(0, start - len(sel.prefix)) : start], sel.prefix)
    after = _side(text[end : end + len(sel.suffix)], sel.suffix)
    n, lp, ls = len(sel.exact), len(sel.prefix), len(sel.suffix)
    score = (n * quote_similarity + lp * before + ls * after) / (n + lp + ls)
    sides = bool(lp) + bool(ls)
    agreeing = (before >= CONTEXT_AGREES) + (after >= CONTEXT_AGREES)
    return _Fit(start, end, quote_similarity, score, sides, agreeing, exact)


def _choose(fits: list[_Fit]) -> _Fit | None:
    """The best acceptable place, if no other place fits about as well:
    within ``TIE`` of a place that fits well, within ``AMBIGUOUS`` of one
    that fits less well."""
    fits = [f for f in fits if f.acceptable]
    if not fits:
        return None
    top = max(f.score for f in fits)
    margin = TIE if top >= SURE else AMBIGUOUS
    places = _places([f for f in fits if f.score >= top - margin])
    return places[0] if len(places) == 1 else None


def _places(fits: list[_Fit]) -> list[_Fit]:
    """The best fit of each place (fits that overlap are one place)."""
    kept: list[_Fit] = []
    for f in sorted(fits, key=lambda f: -f.score):
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return kept


# -- the quote word for word ---------------------------------------------------


def _exact_spans(text: str, exact: str) -> list[tuple[int, int]]:
    spans = [(i, i + len(exact)) for i in _occurrences(text, exact, limit=1000)]
    if spans:
        return spans
    # Same words, different spacing (re-wrapped paragraph, changed extractor).
    words = exact.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(m.start(), m.end()) for m in pattern.finditer(text)][:1000]


def _occurrences(text: str, piece: str, limit: int = 50) -> list[int]:
    found: list[int] = []
    i = text.find(piece)
    while i >= 0 and len(found) < limit:
        found.append(i)
        i = text.find(piece, i + 1)
    return found


# -- the quote's distinctive words ---------------------------------------------


@dataclass(frozen=True, slots=True)
class _Word:
    text: str  # case-folded
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Keys:
    """Indexes of the quote's distinctive words, by kind."""

    numbers: frozenset[int]
    names: frozenset[int]
    rare: frozenset[int]

    @property
    def all(self) -> frozenset[int]:
        return self.numbers | self.names | self.rare


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    counts: Counter[str]  # case-folded word -> occurrences
    lower: frozenset[str]  # words written in lower case at least once


def _words(text: str, start: int = 0, end: int | None = None) -> list[_Word]:
    end = len(text) if end is None else end
    return [
        _Word(m.group().casefold(), m.start(), m.end()) for m in _WORD_RE.finditer(text, start, end)
    ]


@lru_cache(maxsize=4)
def _vocabulary(text: str) -> _Vocabulary:
    """The words of ``text`` (cached: an article's highlights are placed one
    after another in the same text)."""
    words = _WORD_RE.findall(text)
    return _Vocabulary(
        Counter(w.casefold() for w in words), frozenset(w for w in words if w[0].islower())
    )


def _is_number(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _key_words(sel: Selector, quote: list[_Word], vocab: _Vocabulary) -> _Keys:
    """The quote's distinctive words: numbers, names (capitalised words, not
    at the start of a sentence, never written in lower case in the text) and
    rare words (found at most ``RARE`` times in the text). A word cut by the
    quote's edge is none of these."""
    numbers, names, rare = set(), set(), set()
    for i, w in enumerate(quote):
        if _cut_by_edge(sel, w):
            continue
        if _is_number(w.text):
            numbers.add(i)
        elif _is_name(sel, w, vocab):
            names.add(i)
        elif vocab.counts[w.text] <= RARE and (len(w.text) >= 3 or _CJK_RE.match(w.text)):
            rare.add(i)
    return _Keys(frozenset(numbers), frozenset(names), frozenset(rare))


_OPENERS = " \t\"'“‘«([¿¡"
_SENTENCE_ENDS = ".!?…:\n"


def _is_name(sel: Selector, w: _Word, vocab: _Vocabulary) -> bool:
    if not sel.exact[w.start].isupper() or w.text in vocab.lower:
        return False
    before = (sel.prefix + sel.exact[: w.start]).rstrip(_OPENERS)
    return bool(before) and before[-1] not in _SENTENCE_ENDS


def _cut_by_edge(sel: Selector, w: _Word) -> bool:
    if _CJK_RE.match(w.text):
        return False
    cut_before = w.start == 0 and sel.prefix[-1:].isalnum()
    cut_after = w.end == len(sel.exact) and sel.suffix[:1].isalnum()
    return cut_before or cut_after


def _holds_keys(keys: _Keys, pairs: dict[int, int]) -> bool:
    """A place holds the quote's numbers and names, and all but a few of its
    rare words (``_align`` pairs numbers only with the same number)."""
    if not (keys.numbers | keys.names) <= pairs.keys():
        return False
    return len(keys.rare - pairs.keys()) * RARE_MISSING <= len(keys.rare)


# -- the quote changed a little ------------------------------------------------


def _same_word(a: str, b: str) -> bool:
    """One word, or one word and its typo (a letter changed, added, dropped,
    or two swapped; two such slips in a long word). Numbers must be equal:
    a changed number is another fact."""
    if a == b:
        return True
    if min(len(a), len(b)) < 3 or _is_number(a + b):
        return False
    return _within_edits(a, b, 2 if min(len(a), len(b)) >= 8 else 1)


def _within_edits(a: str, b: str, most: int) -> bool:
    """Whether at most ``most`` letters changed, added, dropped or swapped
    make ``b`` from ``a`` (Damerau-Levenshtein, given up early)."""
    if abs(len(a) - len(b)) > most:
        return False
    older: list[int] = []
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(row[j] + 1, cur[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], older[j - 2] + 1)
        if min(cur) > most:
            return False
        older, row = row, cur
    return row[-1] <= most


def _align(quote: list[_Word], found: list[_Word]) -> dict[int, int]:
    """Quote word index -> index in ``found``, in order: equal words first,
    then the words between them that are a typo apart."""
    sm = SequenceMatcher(None, [w.text for w in quote], [w.text for w in found])
    opcodes = sm.get_opcodes()
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, _ in opcodes:
        if tag == "equal":
            pairs.update((i1 + k, j1 + k) for k in range(i2 - i1))
    if 2 * len(pairs) < len(quote) * FRAME_THRESHOLD:
        return pairs  # too little of the quote is here for typos to matter
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "replace":
            # Before the first equal words, the quote's words are the ones
            # just before them, at the end of the gap.
            pairs.update(_typos(quote, found, i1, i2, j1, j2, from_end=i1 == 0))
    return pairs


def _typos(
    quote: list[_Word], found: list[_Word], i1: int, i2: int, j1: int, j2: int, *, from_end: bool
) -> dict[int, int]:
    """Pairs of words a typo apart in a gap of the alignment, in order, each
    a word or two from the last (a fixed typo rarely splits or joins more)."""
    step = -1 if from_end else 1
    qs = list(range(i1, i2))[::step]
    fs = list(range(j1, j2))[::step]
    pairs: dict[int, int] = {}
    k = 0
    for i in qs:
        for m in range(k, min(len(fs), k + 3)):
            if _same_word(quote[i].text, found[fs[m]].text):
                pairs[i] = fs[m]
                k = m + 1
                break
    return pairs


def _fuzzy_at(
    text: str, sel: Selector, quote: list[_Word], keys: _Keys, at: int, slack: int
) -> _Fit | None:
    """The quote's place if it starts near ``at`` (within ``slack``
    characters), holds the quote's distinctive words and enough of the
    others. A quote that runs past the window is looked for in a wider one:
    reworded, it may have grown."""
    n = len(sel.exact)
    lo, hi = max(0, at - slack), min(len(text), at + n + slack)
    found = _words(text, lo, hi)
    pairs = _align(quote, found)
    if not pairs:
        return None
    # Quote words before the first pair and after the last were reworded
    # word for word: they belong to the place.
    i0, i1 = min(pairs), max(pairs)
    lead, tail = pairs[i0] - i0, pairs[i1] + len(quote) - 1 - i1
    cut = (lead < 0 < lo) or (tail >= len(found) and hi < len(text))
    if cut and slack < n:
        return _fuzzy_at(text, sel, quote, keys, at, 2 * slack)
    if not _holds_keys(keys, pairs):
        return None
    first, last = max(0, lead), min(len(found) - 1, tail)
    similarity = 2 * len(pairs) / (len(quote) + last - first + 1)
    if similarity < (FRAME_THRESHOLD if keys.all else FUZZY_THRESHOLD):
        return None
    # Punctuation before the quote's first word or after its last (an opening
    # quote mark, a full stop) stays in the place.
    start = found[first].start - (quote[0].start if first == lead else 0)
    end = found[last].end + (len(sel.exact) - quote[-1].end if last == tail else 0)
    start, end = max(0, start), min(len(text), end)
    fit = _fit(text, start, end, sel, similarity, exact=text[start:end] == sel.exact)
    if len(pairs) < THIN and fit.agreeing < max(1, fit.sides):
        return None
    return fit


def _candidates(text: str, sel: Selector, quote: list[_Word], keys: _Keys) -> list[int]:
    """Offsets where the quote may start now: where pieces of it, its
    rarest distinctive word or its context are found."""
    exact = sel.exact
    n = len(exact)
    starts: set[int] = set()
    size = max(8, min(24, n // 4))
    for offset in sorted({0, max(0, n - size), max(0, (n - size) // 2)}):
        seed = exact[offset : offset + size]
        if seed.strip():
            starts.update(i - offset for i in _occurrences(text, seed))
    if keys.all:
        counts = _vocabulary(text).counts
        rarest = quote[min(keys.all, key=lambda i: counts[quote[i].text])]
        starts.update(m.start() - rarest.start for m in _word_pattern(rarest.text).finditer(text))
    for ctx, is_prefix in ((sel.prefix[-16:], True), (sel.suffix[:16], False)):
        if len(ctx.strip()) >= 8:
            starts.update(i + len(ctx) if is_prefix else i - n for i in _occurrences(text, ctx))
    return sorted(starts)


def _word_pattern(word: str) -> re.Pattern[str]:
    """``word`` as a whole word, in any case (a CJK character stands in a run
    of others)."""
    if _CJK_RE.match(word):
        return re.compile(re.escape(word))
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def _fuzzy(text: str, sel: Selector) -> list[_Fit]:
    """Places where the quote is found changed a little, one fit each."""
    quote = _words(sel.exact)
    if not quote:
        return []
    keys = _key_words(sel, quote, _vocabulary(text))
    n = len(sel.exact)
    slack = max(8, n // 5)
    fits: dict[tuple[int, int], _Fit] = {}
    done = -slack
    for c in _candidates(text, sel, quote, keys):
        if c - done < slack // 2:
            continue  # the window around the last candidate covered it
        done = c
        fit = _fuzzy_at(text, sel, quote, keys, c, slack)
        if fit is not None:
            place = (fit.start, fit.end)
            if place not in fits or fit.score > fits[place].score:
                fits[place] = fit
    return list(fits.values())
