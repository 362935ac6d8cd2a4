"""A text save's lines, each scored on its own: its shape and its kind.

Running text is long, ends like a sentence and is full of function words
("the", "of", "and"); menus, headlines and tag lists are short, Title Case
and have few of them. A line's kind says which it looks like; its value
says what it adds to the article region (running text for, chrome against).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from margin.ingest.furniture import drop_hover_cards
from margin.ingest.text.logical_lines import RawLine
from margin.model import BlockKind

# Function words of the languages margin meets most; running text is full of
# them, menus, headlines and tag lists are not.
_STOPWORD_TEXT = """
    a an the of to in on at for from by with and or but not no is are was were be been
    being has have had do does did it its this that these those there their they them
    he she his her him we our you your i my me as if so than then also which who whom
    what when where while how all any some more most such into over after before about
    up out can could would should will may might must just only very said says
    le la les un une des du de et est en que qui dans pour pas sur au aux ce cette il
    elle ils sont par plus avec se ne sa son ses ont été être comme mais ou où
    el los las y es lo por con para una su al del se como más pero sus ya fue han
    der die das und ist nicht ein eine zu den mit sich des auf für im dem auch es
    an werden wird aus er sie nach bei um wie noch wir oder aber vor zur bis
    il di che è per non una sono della dei nel alla anche come più ma gli
    o os e é em um uma não com para por mais as dos das como mas foi ao
    het een van en ik je dat die niet zijn op te met voor er maar om ook als
    a je se na že to v ve s z do o by jako ale pro jsou byl bylo není
    """
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())
WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_PUNCT_RE = re.compile(r"[，、。！？；：]")
# A sentence's end, maybe with an editor's initials after it: "... voraus. (bsc)".
_END_RE = re.compile(r"[.!?…。！？]['\"’”»)\]]*(?:\s+\([a-z]{2,4}(?:/[a-z]{2,4})*\))?$")
_INNER_SENTENCE_RE = re.compile(r"[.!?。！？][\"'’”»)]*\s+\S|[,;，、]")
_BULLET_RE = re.compile(r"^(?:[-*•·▪●◦‣>+–—]|\d{1,3}[.)]|[a-z][.)]|\[\d+\])\s+")
_RULE_RE = re.compile(r"^[\W_]+$")
# Separators between menu entries ("Home | News | Sport"). Not a tab: a save
# puts one between table cells, and a row of cells may be running text.
SEPARATORS_RE = re.compile(r"\s[|·•/>»]\s| {3,}")
_COUNTER_RE = re.compile(r"^\(?[\d,.]+[kKmM]?\)?\s*\w*\s*\(?[\d,.]*\)?$|^\w+\s*\(\d[\d,.]*\)$")
_ADDRESS_RE = re.compile(r"https?://|www\.|@\w+\.\w")
# An entry's count in a list of categories or tags: "Recipes (423)".
_ENTRY_COUNT_RE = re.compile(r"\(\d[\d.,]*\)")
_LISTED_COUNTS = 4
_WORDS_A_COUNT = 8  # words an entry with its count runs to at most, on average
# A bare image file name: what a save writes for an image without alt text.
_IMAGE_NAME_RE = re.compile(r"^[\w.~%+-]+\.(?:jpe?g|png|gif|svg|webp|avif|bmp|tiff?)$", re.I)


class Kind(Enum):
    """What a line looks like on its own (the chrome rules may demote it)."""

    GOOD = "good"  # running text
    NEAR = "near"  # a short sentence
    MID = "mid"  # a sentence-like fragment: a list item, a caption
    SHORT = "short"  # a short line: a heading, a label
    BAD = "bad"  # chrome: a menu entry, a Title Case headline, a counter
    RULE = "rule"  # a separator, an image's file name: neither article nor chrome
    CODE = "code"  # a line of a code block or of a table


PROSE = (Kind.GOOD, Kind.NEAR)
SENTENCE_LIKE = (Kind.GOOD, Kind.NEAR, Kind.MID)
LINKY = 0.7  # share of words in link text past which a line is not running text


@dataclass(slots=True)
class Line:
    index: int  # position among the non-empty lines
    text: str  # stripped, without its bullet
    bullet: bool
    para: int  # blank-line separated group
    chars: int
    words: int
    stop: float  # share of function words
    caps: float  # share of capitalised words after the first
    end: bool  # ends like a sentence
    colon: bool  # ends with ":" (a lead-in)
    cjk: bool
    indent: int = 0  # columns of indentation in the save
    gap: int = 0  # blank lines before
    links: float = 0.0  # share of words in link text
    kind: Kind = Kind.SHORT  # set by read_lines, then by the chrome rules
    repeated: bool = False  # the same short line three times or more on the page
    keep: BlockKind | None = None  # what the line becomes in the article, if kept
    number: str = ""  # a numbered line's "1." or "2)"
    listed: bool = False  # an item of a list without links, in a save that writes links
    slide: bool = False  # a line of a gallery's slide ("3/50 A headline", its caption)
    said: bool = False  # chrome by what it says (a notice, furniture, a teaser): never kept
    dated: bool | None = None  # a short line with a date in it: byline.is_dateline's answer


def read_lines(raw: list[RawLine]) -> list[Line]:
    """The save's logical lines, without hover cards glued into them
    (furniture.py), scored and classified."""
    for r in raw:
        r.text = drop_hover_cards(r.text)[0]
    lines = [_features(r, i) for i, r in enumerate(raw)]
    known_lang = _known_language(lines)
    for ln in lines:
        ln.kind = _classify(ln, known_lang)
        if ln.links >= LINKY and ln.kind in SENTENCE_LIKE:
            ln.kind = Kind.SHORT  # mostly link text: a teaser, a menu, a list of stories
    return lines


def _known_language(lines: list[Line]) -> bool:
    """Function words are counted in the languages margin knows; in another
    language (no line has many of them) running text is told by its shape."""
    long_lines = [ln for ln in lines if ln.words >= 15 and not ln.cjk]
    return not long_lines or sorted(ln.stop for ln in long_lines)[len(long_lines) // 2] >= 0.2


def _features(r: RawLine, index: int) -> Line:
    raw = r.text.strip()
    m = _BULLET_RE.match(raw)
    bullet = bool(m) and len(raw) > (m.end() if m else 0)
    body = raw[m.end() :].strip() if m and bullet else raw
    words = WORD_RE.findall(body)
    cjk_chars = len(_CJK_RE.findall(body))
    cjk = cjk_chars > 0.3 * max(1, len(body))
    n = len(words) + (cjk_chars if cjk else 0)
    lower = [w.lower() for w in words]
    stop = sum(w in _STOPWORDS for w in lower) / len(words) if words else 0.0
    if cjk:
        stop = max(stop, min(0.5, 3 * len(_CJK_PUNCT_RE.findall(body)) / max(1, cjk_chars) * 5))
    alpha = [w for w in words[1:] if w[:1].isalpha()]
    caps = sum(w[:1].isupper() for w in alpha) / len(alpha) if alpha else 0.0
    return Line(
        index=index,
        text=body,
        number=raw[: m.end()].strip() if m and bullet and raw[:1].isdigit() else "",
        bullet=bullet,
        para=r.para,
        chars=len(body),
        words=n,
        stop=stop,
        caps=caps,
        end=bool(_END_RE.search(body)),
        colon=body.endswith(":"),
        cjk=cjk,
        indent=r.indent,
        gap=r.gap,
        links=r.links,
    )


def _classify(ln: Line, known_lang: bool) -> Kind:
    marked = _kind_by_marks(ln)
    if marked is not None:
        return marked
    if ln.cjk:
        return _cjk_kind(ln)
    return _kind_by_shape(ln, ln.stop if known_lang else 0.25, known_lang)


def _kind_by_marks(ln: Line) -> Kind | None:
    """Chrome (or neither) told by what the line carries, whatever its words:
    separators, counters, addresses, a line of punctuation."""
    t = ln.text
    if ln.words == 0 or _RULE_RE.match(t) or _IMAGE_NAME_RE.match(t):
        return Kind.RULE
    seps = len(SEPARATORS_RE.findall(t))
    if seps >= 2 and not ln.end:
        return Kind.BAD
    counts = len(_ENTRY_COUNT_RE.findall(t))
    if counts >= _LISTED_COUNTS and counts * _WORDS_A_COUNT >= ln.words:
        return Kind.BAD  # a list of categories or tags with counts, flattened into one line
    if _COUNTER_RE.match(t) or "©" in t:
        return Kind.BAD if ln.chars < 120 else Kind.SHORT
    if _ADDRESS_RE.search(t) and ln.chars < 120:
        return Kind.BAD  # a link list, an address; a sentence may name a web site
    return None


def _cjk_kind(ln: Line) -> Kind:
    if ln.chars >= 60 and ln.stop >= 0.15:
        return Kind.GOOD
    if ln.chars >= 25 and ln.end:
        return Kind.NEAR
    return Kind.MID if ln.chars >= 12 else Kind.SHORT


def _kind_by_shape(ln: Line, stop: float, known_lang: bool) -> Kind:
    sentence = ln.end or bool(_INNER_SENTENCE_RE.search(ln.text))
    if ln.words >= 15 and stop >= 0.2 and sentence and ln.caps < 0.6:
        return Kind.GOOD
    if ln.words >= 40 and stop >= 0.12 and (ln.caps < 0.6 or sentence):
        return Kind.GOOD  # (not a drop-down's entries flattened into one line)
    if ln.words >= 7 and ln.end and stop >= 0.15 and ln.caps < 0.5:
        return Kind.NEAR
    if ln.words >= 3 and ln.caps >= 0.75 and not ln.end:
        return Kind.BAD  # Title Case Headline Or Menu Entry
    if ln.words >= 5 and ln.caps < 0.5 and (stop >= 0.12 or not known_lang):
        return Kind.MID  # a sentence-like fragment: a list item, a caption
    if ln.bullet and not ln.end and ln.words <= 12:
        return Kind.BAD
    return Kind.SHORT


_VALUE = {
    Kind.GOOD: 1.0, Kind.NEAR: 0.5, Kind.MID: 0.1, Kind.SHORT: -0.3, Kind.BAD: -0.7,
    Kind.RULE: 0.0, Kind.CODE: 0.0,
}  # fmt: skip
_LISTED = 0.4  # what an item of a list without links adds to the article


def value(ln: Line) -> float:
    """What a line adds to the article region: running text for, chrome against."""
    v = _VALUE[ln.kind]
    if ln.kind is Kind.GOOD:
        return v + min(ln.words, 80) / 40
    if ln.listed and not ln.repeated:
        return max(v, _LISTED)
    if ln.kind in (Kind.CODE, Kind.RULE):
        return v  # a separator or a code block's line: neither prose nor chrome
    if ln.repeated:
        return -1.5  # "Reply", "Read more", "Share": a page's own boilerplate
    if ln.bullet and not ln.end:
        return min(v, -0.2)
    return v


def solid(ln: Line) -> bool:
    """A line the article region may start or end on."""
    return ln.kind in PROSE or (ln.listed and not ln.repeated)


def prose_words(lines: list[Line], lo: int, hi: int) -> int:
    """Words of running text in lines[lo:hi]."""
    return sum(ln.words for ln in lines[lo:hi] if ln.kind in PROSE)


def back_to_prose(lines: list[Line], start: int, k: int) -> int:
    """Line k, or the nearest line of running text before it (not before start)."""
    while k > start and lines[k].kind not in PROSE:
        k -= 1
    return k
