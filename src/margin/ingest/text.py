"""Plain-text saves -> blocks: paragraphs, title and byline found, chrome stripped.

A "Save as text" or copy-paste of a web page is the whole page: menus, other
stories' headlines, the article, then footers and forms. Chrome is recognised
by shape and context, never by phrases copied from one site:

1. Every line is scored on its own: length, sentence punctuation, the share
   of function words (running text is full of "the", "of", "and"; menus and
   headlines are not), capitalised words, digits, bullets and separators.
2. Each line is then labelled article or chrome by a two-state Viterbi pass
   (text_segment): running text counts for the article, chrome against it,
   and every switch between the two costs a penalty. The article may come
   out in a few pieces (a "related" block splits it); the pieces near the
   heaviest one are kept. Teaser chains (a headline and a short summary,
   again and again) and readers' comments (a dated line over each piece of
   prose, again and again) are told by that repeated shape and count little,
   and so do text written twice in a row or on one line (a picture's alt
   text and its caption, a teaser's picture and its link) and a sentence
   found in three places (a form's note). A gallery's slides ("4/50 A
   headline", a caption, a credit) count for nothing either way: the article
   goes on after them. A site's notices to its readers are told by what they
   say, in the languages margin knows, and are chrome however much they read
   like running text: a cookie banner, a newsletter box (its "Subscribe"
   button and pitch), the rules for comments. A comments heading ("12
   Comments", "Kommentare") after the body ends it. Running text stranded
   inside the article between two blocks of chrome (two "Most popular"
   boxes) stays with it, and so does a lead cut off from the rest by a
   little chrome (the authors' cards). A page with no running text at all (a
   poem, lyrics) keeps the piece of short lines that stands out.
3. Inside that run, short lines are kept only by context: a heading right
   before running text, list items led in by a sentence ending in ":", lines
   between two good lines; runs of short headline-like lines (related
   stories, topic lists, job titles) are dropped wherever they are.
4. The title is the prominent short line just before the body (preferably
   one that matches the page title on the first line); a byline ("By Jane
   Doe", "Jane Doe, Chief Correspondent", "Words by ...") and dated lines
   near it are taken out of the body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from margin.ingest.blocks import make_block
from margin.ingest.datelines import BYLINE_PREFIX_RE, DATE_RE, MONTH_WORD_RE
from margin.ingest.notices import is_site_notice
from margin.ingest.text_lines import logical_lines
from margin.ingest.text_segment import densest_run, pieces, viterbi
from margin.model import Block

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
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?|\d+")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_PUNCT_RE = re.compile(r"[，、。！？；：]")
# A sentence's end, maybe with an editor's initials after it: "... voraus. (bsc)".
_END_RE = re.compile(r"[.!?…。！？]['\"’”»)\]]*(?:\s+\([a-z]{2,4}(?:/[a-z]{2,4})*\))?$")
_INNER_SENTENCE_RE = re.compile(r"[.!?。！？][\"'’”»)]*\s+\S|[,;，、]")
_BULLET_RE = re.compile(r"^(?:[-*•·▪●◦‣>+–—]|\d{1,3}[.)]|[a-z][.)]|\[\d+\])\s+")
_RULE_RE = re.compile(r"^[\W_]+$")
# Separators between menu entries ("Home | News | Sport"). Not a tab: a save
# puts one between table cells, and a row of cells may be running text.
_SEPARATORS_RE = re.compile(r"\s[|·•/>»]\s| {3,}")
_COUNTER_RE = re.compile(r"^\(?[\d,.]+[kKmM]?\)?\s*\w*\s*\(?[\d,.]*\)?$|^\w+\s*\(\d[\d,.]*\)$")
_NAME_RE = re.compile(
    r"^(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){1,3}"
    r"(?:\s*(?:,|and|&)\s*[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){1,3})*$"
)
# A bare image file name: what a save writes for an image without alt text.
_IMAGE_NAME_RE = re.compile(r"^[\w.~%+-]+\.(?:jpe?g|png|gif|svg|webp|avif|bmp|tiff?)$", re.I)
_TITLE_SPLIT_RE = re.compile(r"\s+[|\-–—:·»/\\]+\s+")


@dataclass(slots=True)
class _Line:
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
    kind: str = ""  # good, near, mid, short, bad, rule
    repeated: bool = False  # the same short line three times or more on the page
    keep: str = ""  # "", paragraph, heading, list_item
    number: str = ""  # a numbered line's "1." or "2)"
    listed: bool = False  # an item of a list without links, in a save that writes links
    slide: bool = False  # a line of a gallery's slide ("3/50 A headline", its caption)


def _features(text: str, index: int, para: int) -> _Line:
    raw = text.strip()
    m = _BULLET_RE.match(raw)
    bullet = bool(m) and len(raw) > (m.end() if m else 0)
    body = raw[m.end() :].strip() if m and bullet else raw
    words = _WORD_RE.findall(body)
    cjk_chars = len(_CJK_RE.findall(body))
    cjk = cjk_chars > 0.3 * max(1, len(body))
    n = len(words) + (cjk_chars if cjk else 0)
    lower = [w.lower() for w in words]
    stop = sum(w in _STOPWORDS for w in lower) / len(words) if words else 0.0
    if cjk:
        stop = max(stop, min(0.5, 3 * len(_CJK_PUNCT_RE.findall(body)) / max(1, cjk_chars) * 5))
    alpha = [w for w in words[1:] if w[:1].isalpha()]
    caps = sum(w[:1].isupper() for w in alpha) / len(alpha) if alpha else 0.0
    return _Line(
        index=index,
        text=body,
        number=raw[: m.end()].strip() if m and bullet and raw[:1].isdigit() else "",
        bullet=bullet,
        para=para,
        chars=len(body),
        words=n,
        stop=stop,
        caps=caps,
        end=bool(_END_RE.search(body)),
        colon=body.endswith(":"),
        cjk=cjk,
    )


def _classify(ln: _Line, known_lang: bool) -> str:
    t = ln.text
    if ln.words == 0 or _RULE_RE.match(t) or _IMAGE_NAME_RE.match(t):
        return "rule"
    seps = len(_SEPARATORS_RE.findall(t))
    if seps >= 2 and not ln.end:
        return "bad"
    if _COUNTER_RE.match(t) or "©" in t:
        return "bad" if ln.chars < 120 else "short"
    if re.search(r"https?://|www\.|@\w+\.\w", t) and ln.chars < 120:
        return "bad"  # a link list, an address; a sentence may name a web site
    if ln.cjk:
        if ln.chars >= 60 and ln.stop >= 0.15:
            return "good"
        if ln.chars >= 25 and ln.end:
            return "near"
        return "mid" if ln.chars >= 12 else "short"
    stop = ln.stop if known_lang else 0.25
    sentence = ln.end or bool(_INNER_SENTENCE_RE.search(t))
    if ln.words >= 15 and stop >= 0.2 and sentence and ln.caps < 0.6:
        return "good"
    if ln.words >= 40 and stop >= 0.12:
        return "good"
    if ln.words >= 7 and ln.end and stop >= 0.15 and ln.caps < 0.5:
        return "near"
    if ln.words >= 3 and ln.caps >= 0.75 and not ln.end:
        return "bad"  # Title Case Headline Or Menu Entry
    if ln.words >= 5 and ln.caps < 0.5 and (stop >= 0.12 or not known_lang):
        return "mid"  # a sentence-like fragment: a list item, a caption
    if ln.bullet and not ln.end and ln.words <= 12:
        return "bad"
    return "short"


_VALUE = {
    "good": 1.0, "near": 0.5, "mid": 0.1, "short": -0.3, "bad": -0.7, "rule": 0.0, "code": 0.0,
}  # fmt: skip
_CODE_RE = re.compile(r"[{};=\u2500-\u257f]|\w\(|^(?://|#|/\*|--)|[;{(,\[]$|\t")


def _mark_code(lines: list[_Line]) -> None:
    """Blocks of code or tabular output (several lines of one paragraph,
    many with code punctuation, few sentences) are neither prose nor chrome."""
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1].para == lines[i].para:
            j += 1
        group = lines[i : j + 1]
        n = len(group)
        codeish = sum(bool(_CODE_RE.search(g.text)) for g in group)
        # A <pre> keeps its own indentation: lines at several depths, some
        # at the margin, where a save's own blocks would all line up.
        indents = {g.indent for g in group if not g.bullet}
        if (
            n >= 3
            and (codeish >= 0.5 * n or (codeish >= 0.25 * n and len(indents) >= 2 and 0 in indents))
            and sum(g.kind in _PROSE for g in group) <= 0.2 * n
            and sum(g.bullet for g in group) <= 0.2 * n
        ):
            for g in group:
                g.kind = "code"
        i = j + 1


_PROSE = ("good", "near")
_LINKY = 0.7  # share of words in link text past which a line is not running text
# A page with less link text than this is nearly all article (a document, a
# plain blog post without menus): it is kept whole, bar clear chrome.
_FEW_LINKS = 0.05


def _value(ln: _Line) -> float:
    """What a line adds to the article region: running text for, chrome against."""
    v = _VALUE[ln.kind]
    if ln.kind == "good":
        return v + min(ln.words, 80) / 40
    if ln.listed and not ln.repeated:
        return max(v, _LISTED)
    if ln.kind in ("code", "rule"):
        return v  # a separator or a code block's line: neither prose nor chrome
    if ln.repeated:
        return -1.5  # "Reply", "Read more", "Share": a page's own boilerplate
    if ln.bullet and not ln.end:
        return min(v, -0.2)
    return v


_BARE_BULLETS = ("*", "o", "+", "#", "-", "•")
_LISTED = 0.4  # what an item of a list without links adds to the article


def _mark_plain_lists(lines: list[_Line]) -> None:
    """Lists without links in a save that writes links: menus, topic lists
    and other stories' headlines are links, so a list of four or more
    items of a few words each, hardly any of them linked, is the article's
    own (a changelog, the steps of a recipe), even without a lead-in."""
    i = 0
    n = len(lines)
    while i < n:
        if not lines[i].bullet:
            i += 1
            continue
        j = i
        while j + 1 < n and lines[j + 1].bullet and lines[j + 1].gap < 2:
            j += 1
        items = lines[i : j + 1]
        free = [it for it in items if not it.links and it.words >= 2 and it.kind != "code"]
        # After a lead-in ("What you'll need:", "Ingredients:") the items
        # may be single words: a list of tools, not a menu.
        lead = lines[i - 1] if i else None
        led_in = lead is not None and lead.colon and not lead.links and not lead.bullet
        if led_in and len(items) >= 3 and not any(it.links for it in items):
            free = [it for it in items if it.kind != "code"]
        if (
            len(items) >= 4
            and len(free) >= 0.8 * len(items)
            and (led_in or sum(it.words for it in items) >= 4 * len(items))
        ):
            for it in free:
                it.listed = True
        i = j + 1


# A heading over other stories: "Related coverage", "More from ...", "You
# might also like", "Recommended for you", "Lire aussi", "Mehr zum Thema".
_RELATED_HEADING_RE = re.compile(
    r"^(?:related(?:\s+(?:coverage|articles?|posts?|stories|content|news|reading|links|videos?))?"
    r"|more\s+(?:from|on|in|stories|articles|news)\b.*|you\s+(?:may|might)\s+also\s+like"
    r"|recommended(?:\s+\w+){0,3}|also\s+read|(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet"
    r"|mehr\s+zum\s+thema|weitere\s+artikel|leggi\s+anche|noticias\s+relacionadas|související)"
    r"\W*$",
    re.I,
)


def _mark_related(lines: list[_Line]) -> None:
    """The block right under such a heading, its lines run together (a
    headline and its summary, then the next), is other stories, however
    much it reads like running text."""
    for ln in lines:
        if ln.links >= 0.5 or ln.words > 6 or not _RELATED_HEADING_RE.match(ln.text):
            continue
        block = [x for x in lines[ln.index + 1 : ln.index + 13] if x.para == ln.para + 1]
        if len(block) >= 2:
            for x in block:
                if x.kind in (*_PROSE, "mid"):
                    x.kind = "short"


# A newsletter box: its button or field ("Subscribe", "Email address") and,
# around it, its pitch ("Get the best stories delivered to your inbox").
_SIGN_UP_BUTTON_RE = re.compile(
    r"(?:^|\s)(?:subscribe(?:\s+now)?|sign\s+(?:me\s+)?up(?:\s+now)?|join|e-?mail(?:\s+address)?"
    r"|your\s+e-?mail(?:\s+address)?|e-?mail\s*\(required\)|newsletters?|(?:jetzt\s+)?abonnieren"
    r"|s'abonner|je\s+m'abonne|suscr[íi]bete|suscribirse|inscrivez-vous|anmelden)\W*$",
    re.I,
)
_PITCH_RE = re.compile(
    r"\b(?:newsletters?|inbox|sign(?:ing)?\s+up|subscribe|unsubscribe|abonnieren|abonnez"
    r"|inscrivez|suscr[íi]b\w+|désabonn\w*|abmelden)\b",
    re.I,
)
_BOX_REACH = 4


def _mark_newsletter_boxes(lines: list[_Line]) -> None:
    """The lines of a newsletter box are chrome, however much its pitch
    reads like running text."""
    for ln in lines:
        # (the label last on its line: "Email Newsletter", a form's token first)
        if ln.words > 3 or not _SIGN_UP_BUTTON_RE.search(ln.text):
            continue
        i = ln.index
        near = lines[max(0, i - _BOX_REACH) : i + _BOX_REACH + 1]
        pitch = [
            x.index for x in near if x.words <= 45 and _PITCH_RE.search(x.text) and x is not ln
        ]
        if not pitch:
            continue
        lo, hi = min(pitch[0], i), max(pitch[-1], i)
        for x in lines[lo : hi + 1]:
            if x.words <= 45 and x.kind != "code":
                x.kind = "bad"


def _discount_teasers(lines: list[_Line], values: list[float], linked: bool) -> None:
    """Other stories' teasers: a headline, one short paragraph, a headline,
    one short paragraph... Paragraphs alone between headline-like lines,
    three or more close together, count little towards the article region."""
    n = len(lines)

    def lone(i: int) -> bool:
        ln = lines[i]
        if ln.kind not in _PROSE or ln.words >= 70:
            return False
        before = lines[i - 1] if i else None
        after = lines[i + 1] if i + 1 < n else None
        headline = any(
            x.kind not in _PROSE and (x.gap >= 2 or (x.caps >= 0.6 and x.words >= 3))
            for x in lines[max(0, i - 2) : i]
        )
        if linked and headline:
            # In a save that writes links, a teaser leads somewhere: its
            # headline is a link, or a "Read more" link follows it. A
            # heading over a section of one paragraph is neither.
            headline = any(
                x.links >= 0.5 for x in lines[max(0, i - 2) : i] if x.kind not in _PROSE
            ) or (after is not None and after.links >= 0.5 and after.words <= 8)
        return headline and all(
            x is None
            or x.text in _BARE_BULLETS  # the next item of a list of teasers
            or (x.kind not in (*_PROSE, "rule", "code") and not x.end)
            # the teaser's picture caption, between its headline and summary
            or (x is before and x.kind in ("short", "mid") and x.words <= 12 and x.gap < 2)
            for x in (before, after)
        )

    chain: list[int] = []
    for i in [*(i for i in range(n) if lone(i)), n + 99]:
        if chain and i - chain[-1] <= 6:
            chain.append(i)
            continue
        if len(chain) >= 3:
            for j in chain:
                values[j] = min(values[j], 0.3)
        chain = [i]


_COUNTER_AT_START_RE = re.compile(r"^(\d{1,3})\s*(?:/|of)\s*(\d{1,3})\b")


def _discount_gallery(lines: list[_Line], values: list[float]) -> None:
    """A gallery of pictures: "3/50 A headline", a caption, a credit, then
    "4/50 ...", three or more slides counted out of the same total. The
    slides (counter line and the few lines under it) are not the article."""
    slides: dict[str, list[int]] = {}
    for ln in lines:
        m = _COUNTER_AT_START_RE.match(ln.text)
        if m and 0 < int(m.group(1)) <= int(m.group(2)):
            slides.setdefault(m.group(2), []).append(ln.index)
    for heads in slides.values():
        if len(heads) < 3:
            continue
        for k, h in enumerate(heads):
            stop = heads[k + 1] if k + 1 < len(heads) else h + 4
            for i in range(h, min(stop, h + 4, len(lines))):
                lines[i].slide = True
                values[i] = 0.0  # neither article nor chrome: the article may go on after it
                if lines[i].kind in ("good", "near", "mid"):
                    lines[i].kind = "short"


# Two-state segmentation: the cost of switching between article and chrome,
# and how far (in lines) a separate piece of article may lie from the main one.
_SWITCH = 3.0
_REACH = 40


# An embedded post's attribution, under the post: "— Jane Doe (@jane) 25
# September 2018". Dated like a comment's heading, but not one.
_EMBED_CREDIT_RE = re.compile(r"\(@\w+\)")


def _heads_comment(lines: list[_Line], k: int, last: int, reach: int) -> bool:
    """Line k is a dated line over a comment: running text follows within
    ``reach`` lines (up to line ``last``)."""
    ln = lines[k]
    if ln.kind == "code" or not _is_dateline(ln) or _EMBED_CREDIT_RE.search(ln.text):
        return False
    if "\t" in ln.text:  # a row of a table (an episode list's air dates)
        return False
    return any(x.kind in _PROSE for x in lines[k + 1 : min(last, k + reach) + 1])


def _discount_comments(lines: list[_Line], values: list[float]) -> None:
    """Readers' comments: prose under short dated lines (a name and a date
    heading each comment), three or more close together."""
    heads = [ln.index for ln in lines if _heads_comment(lines, ln.index, len(lines), 2)]
    chain: list[int] = []
    for h in [*heads, 10**9]:
        if chain and h - chain[-1] <= 15:
            chain.append(h)
            continue
        if len(chain) >= 3:
            # Past the article, a comment section runs on to the last dated
            # heading, however long a comment between two of them.
            before = sum(x.words for x in lines[: chain[0]] if x.kind in _PROSE)
            last = heads[-1] if before >= 150 else chain[-1]
            for k in range(chain[0], min(len(lines), last + 15)):
                if lines[k].kind in _PROSE:
                    values[k] = min(values[k], 0.0)
        chain = [h]


def _article_pieces(lines: list[_Line], values: list[float]) -> tuple[int, int, set[int]]:
    """(start, end, lines between the pieces) of the article."""
    d = list(values)
    _discount_comments(lines, d)
    spans = pieces(viterbi(d, _SWITCH))
    if not spans:
        # No piece worth two switches: the densest run of lines, unless
        # even that is worth less than one (no clear article at all).
        run = densest_run(d)
        if sum(d[run[0] : run[1] + 1]) < _SWITCH:
            return 0, -1, set()
        spans = [run]
    # Pieces close together make one article; the heaviest group wins.
    weights = [sum(d[s : e + 1]) for s, e in spans]
    groups: list[tuple[int, int]] = []
    for k in range(len(spans)):
        if groups and spans[k][0] - spans[k - 1][1] <= _REACH:
            groups[-1] = (groups[-1][0], k)
        else:
            groups.append((k, k))
    lo, hi = max(groups, key=lambda g: sum(weights[g[0] : g[1] + 1]))
    gaps: set[int] = set()
    for k in range(lo, hi):
        gap = range(spans[k][1] + 1, spans[k + 1][0])
        gaps.update(gap)
        # Running text stranded between two blocks of chrome (a page's "Most
        # popular" box inside the article): worth one switch, not the two a
        # piece of its own costs, but the article's all the same.
        stranded: list[int] = []
        for i in [*gap, -1]:
            if i >= 0 and lines[i].kind in _PROSE and d[i] >= 1.0:
                stranded.append(i)
                continue
            if stranded and sum(d[j] for j in stranded) >= _SWITCH:
                gaps.difference_update(stranded)
            stranded = []
    return spans[lo][0], spans[hi][1], gaps


_PARTICLES = frozenset(
    ("de", "da", "del", "der", "den", "van", "von", "la", "le", "du", "bin", "al", "di", "dos")
)


# "and" between two names, in the languages of the function words above.
_AND = frozenset(("and", "&", "et", "und", "y", "e", "en", "og", "och"))


def _name_prefix(s: str) -> tuple[str, str]:
    """(a person's name at the start of s, the rest)."""
    toks = s.split()
    out: list[str] = []
    k = 0
    for k, tok in enumerate(toks):
        if "@" in tok[1:]:  # a handle run into the name: "Jane Doe@janedoe"
            toks[k] = tok = tok[: tok.index("@", 1)] + ","
        word = tok.strip(",;:|•·()")
        if not word or MONTH_WORD_RE.match(word) or any(c.isdigit() for c in word):
            break
        # (a nickname in quotes inside the name: Amanda "Tania Mae" Tan)
        nick = out and word[:1] in '"“„«' and word[1:2].isupper()
        if (
            word[:1].isupper()
            or nick
            or (out and (word.lower() in _PARTICLES or word in _AND) and k + 1 < len(toks))
        ):
            out.append(word)
        else:
            break
        if tok != word or len(out) >= 6:  # punctuation ends the name
            k += 1
            break
    else:
        k = len(toks)
    while out and not out[-1][:1].isupper() and out[-1][:1] not in '"“„«':
        out.pop()
    half = len(out) // 2
    if half and out[:half] == out[half:]:  # the name written twice (a link, then text)
        out = out[:half]
    return " ".join(out), " ".join(toks[k:])


def _is_byline(ln: _Line) -> str | None:
    """The person's name when the line is a byline."""
    t = ln.text.strip().lstrip("/#*-–—•· ")
    m = BYLINE_PREFIX_RE.match(t)
    # (longer with the writer's note after the name: "By Jane Doe, a deputy
    # editor who has covered the industry for a decade.")
    bio = m is not None and re.match(r"^[^,]{3,60},", m.group("name")) is not None
    if ln.words > (60 if bio else 20) or (ln.bullet and not m):  # ("* By Jane Doe": a meta list)
        return None
    if ln.end and not t.endswith(".") and not bio:
        return None
    name, rest = _name_prefix(m.group("name") if m else t)
    if not (2 <= len(name.split()) <= 6) or name.isupper() and not m:
        return None
    if m:
        return name
    if len(name.split()) > 4:
        return None  # a Title Case headline, not a person
    # A bare name counts with a role, a date or a handle after it:
    # "Jane Doe, Chief Correspondent", "Jane Doe - Apr 16, 2015".
    after = t[len(name) :].lstrip()
    if not after or after[0] not in ",-–—|•·@":
        return None
    rest = after.lstrip(",-–—|•· ")
    if rest and (
        DATE_RE.search(rest)
        or rest.startswith("@")
        or re.match(r"^[A-Z][\w'’-]*(?:\s+[\w'’&-]+){0,4}$", rest)
    ):
        return name
    return None


def _is_dateline(ln: _Line) -> bool:
    return ln.words <= 14 and bool(DATE_RE.search(ln.text)) and not ln.end


def _match_key(s: str) -> str:
    return " ".join(w.lower() for w in _WORD_RE.findall(s))


_SEP_RE = re.compile(r"\s[|\-–—\\/>»]\s")


def _page_title(orig: str, headings: list[str]) -> str:
    """The article title in a page title, the way readers (Readability) cut
    it: the site name after a separator dropped unless too little is left."""
    orig = " ".join(orig.split())

    def wc(t: str) -> int:
        return len(t.split())

    cur = orig
    hierarchical = bool(re.search(r"\s[\\/>»]\s", orig))
    if _SEP_RE.search(orig):
        cur = orig[: [m.start() for m in _SEP_RE.finditer(orig)][-1]]
        if wc(cur) < 3:
            cur = orig[_SEP_RE.search(orig).end() :]  # type: ignore[union-attr]
    elif ": " in orig:
        if orig not in headings:
            cur = orig[orig.rfind(":") + 1 :]
            if wc(cur) < 3:
                cur = orig[orig.find(":") + 1 :]
            elif wc(orig[: orig.find(":")]) > 5:
                cur = orig
    elif (len(orig) > 150 or len(orig) < 15) and len(headings) == 1:
        cur = headings[0]
    cur = " ".join(cur.split())
    n = wc(cur)
    if n <= 4 and (not hierarchical or n != wc(re.sub(r"[|\-–—\\/>»]+", "", orig)) - 1):
        cur = orig
    return cur


_TITLE_REACH = 100  # lines before the body where a top-level heading is looked for


def _find_title(
    lines: list[_Line], body_start: int, page_title: _Line | None
) -> tuple[int | None, str]:
    """(index of the title line or None, title)."""
    lo = max(0, body_start - 14)
    candidates = [
        ln
        for ln in lines[lo:body_start]
        if not ln.bullet
        and 2 <= ln.words <= 30
        and ln.kind != "rule"
        and not _SEPARATORS_RE.search(ln.text)
        and _is_byline(ln) is None
        and not _is_dateline(ln)
        and (ln is not page_title)
    ]
    if page_title is not None:
        pkey = _match_key(page_title.text)
        parts = [_match_key(p) for p in _TITLE_SPLIT_RE.split(page_title.text)]
        matches = [
            ln
            for ln in lines[: body_start + 3]
            if ln is not page_title
            and 2 <= ln.words <= 40
            and (key := _match_key(ln.text))
            and (key == pkey or key in parts or (len(key) >= 15 and key in pkey))
        ]
        headings = [ln.text for ln in lines[1 : body_start + 3] if 1 <= ln.words <= 40]
        if matches:
            best = max(matches, key=lambda ln: (len(ln.text), ln.index))
            return best.index, _page_title(page_title.text, headings)
    # A heading as a browser's save writes it (after two blank lines,
    # indented by its level): the top-level one nearest the body.
    headed = [
        ln
        for ln in lines[max(0, body_start - _TITLE_REACH) : body_start]
        if ln.gap >= 2
        and ln.indent >= 2
        and 1 <= ln.words <= 30
        and not ln.bullet
        and (ln.indent == 2 or ln.index >= lo)
        and _is_byline(ln) is None
        and not _is_dateline(ln)
    ]
    if headed:
        best = min(headed, key=lambda ln: (ln.indent, -ln.index))
        return best.index, best.text
    if page_title is not None and page_title.words >= 3 and not page_title.text.isupper():
        return None, _page_title(page_title.text, headings)
    best_score, best_ln = 0.0, None
    for ln in candidates:
        if ln.words < 3 or (ln.end and not ln.text.endswith("?")) or ln.colon:
            continue
        if ln.text.isupper():
            continue
        score = 1.0 + ln.caps + min(ln.words, 14) / 14 - 0.02 * (body_start - ln.index)
        if ln.stop > 0.35:
            score -= 0.5
        if score > best_score:
            best_score, best_ln = score, ln
    if best_ln is not None:
        return best_ln.index, best_ln.text
    if page_title is not None:
        return None, page_title.text
    return None, ""


def extract_text(text: str) -> tuple[str, str | None, list[Block]]:
    """(title, byline, blocks) of a plain-text save."""
    raw = logical_lines(text)
    if not raw:
        return "", None, []
    lines = [_features(r.text, i, r.para) for i, r in enumerate(raw)]
    for ln, r in zip(lines, raw, strict=True):
        ln.indent, ln.gap, ln.links = r.indent, r.gap, r.links
    # Function words are counted in the languages margin knows; in another
    # language (no line has many of them) running text is told by its shape.
    long_lines = [ln for ln in lines if ln.words >= 15 and not ln.cjk]
    known_lang = not long_lines or sorted(ln.stop for ln in long_lines)[len(long_lines) // 2] >= 0.2
    for ln in lines:
        ln.kind = _classify(ln, known_lang)
        if ln.links >= _LINKY and ln.kind in ("good", "near", "mid"):
            ln.kind = "short"  # mostly link text: a teaser, a menu, a list of stories

    # The page title: a lone first line, as browsers write the document title.
    page_title = lines[0] if len(lines) > 1 and lines[1].para != lines[0].para else None
    if page_title is not None and not (1 <= page_title.words <= 40):
        page_title = None

    _mark_code(lines)
    # The same short line in three places: "Reply", "Share", "Read more".
    # (Repeats inside one block, as in code, don't count.) A sentence in
    # three places (a form's "If you signed up with Facebook, sign in with
    # it instead.") counts for the article region once, at its first copy.
    places: dict[str, set[int]] = {}
    echoes: list[int] = []

    def headline(ln: _Line) -> bool:  # a Title Case line: another story's headline
        return ln.caps >= 0.6 and not ln.end

    for ln in lines:
        if ln.words <= 8 or ln.kind in _PROSE or headline(ln):
            places.setdefault(ln.text.lower(), set()).add(ln.para)
    for ln in lines:
        if ln.words > 8 and not headline(ln):
            seen = places.get(ln.text.lower(), ())
            if len(seen) >= 3 and ln.para > min(seen):
                echoes.append(ln.index)
            continue
        if len(places[ln.text.lower()]) >= 3 and ln.kind != "code":
            ln.repeated = True
            if ln.kind not in ("rule",):
                ln.kind = "bad"
    # A headline written twice in a row (a teaser's image and its link):
    # another story, not the article's text.
    for a, b in zip(lines, lines[1:], strict=False):
        if a.text == b.text and 3 <= a.words <= 40 and a.kind in ("mid", "short", "near", "good"):
            a.kind = b.kind = "bad"
    # ... or on one line: a picture's alt text and then its caption (a
    # gallery's slides), a teaser's image and headline, a date shown twice.
    for ln in lines:
        if ln.words >= 6 and ln.words % 2 == 0 and ln.kind != "code":
            words = _WORD_RE.findall(ln.text)
            half = len(words) // 2
            if len(words) % 2 == 0 and words[:half] == words[half:]:
                ln.kind = "bad"

    for ln in lines:  # a site's notices to its readers: not the article's text
        if is_site_notice(ln.text, ln.words):
            ln.kind = "bad"
    _mark_newsletter_boxes(lines)
    _mark_related(lines)
    linked = any(r.links for r in raw)
    if linked:
        _mark_plain_lists(lines)
    values = [_value(ln) for ln in lines]
    for i in echoes:
        values[i] = 0.0
    _discount_teasers(lines, values, linked)
    _discount_gallery(lines, values)
    start, end, gaps = _article_pieces(lines, values)
    # Hardly any link text on the page: no menus, no lists of other stories.
    total_words = sum(ln.words for ln in lines) or 1
    link_share = sum(ln.words * ln.links for ln in lines) / total_words
    prose_share = sum(ln.words for ln in lines if ln.kind in _PROSE) / total_words
    if linked:  # a save that writes links (Firefox's)
        whole = link_share < _FEW_LINKS and prose_share > 0
    else:  # a copy-paste: menus are runs of short lines
        whole = prose_share > 0 and sum(ln.words for ln in _menu_runs(lines)) < 0.02 * total_words
    if whole:
        start, end = 0, len(lines) - 1
    if end < start or not any(_solid(ln) for ln in lines[start : end + 1]):
        # No running text at all: keep everything as it is (a note, a poem).
        title = lines[0].text.replace("\t", " ") if lines[0].words <= 20 and len(lines) > 1 else ""
        body = lines[1:] if title else lines
        if lines[0].indent >= 2:  # a heading as the save writes it, not the page title
            body = lines
        if end >= start and not whole:  # a piece of short lines (a poem, lyrics) stands out
            body = lines[start : end + 1]
        if linked:  # but a save that writes links shows its menus: not the text
            menus = {ln.index for ln in _link_lists(lines)}
            body = [ln for ln in body if ln.index not in menus]
        return (
            title,
            None,
            [
                make_block("paragraph", ln.text.replace("\t", " "))
                for ln in body
                if ln.kind != "rule"
            ],
        )
    # The region starts and ends on good lines.
    while start < end and not _solid(lines[start]) and not whole:
        start += 1
    while end > start and not _solid(lines[end]):
        end -= 1

    start = _start_at_headline(lines, start, end)
    if not whole:
        start = _back_to_headline(lines, start)
        start = _back_to_lead(lines, start)
    end = _end_before_comments(lines, values, start, end)
    end = _trim_call_to_action(lines, start, end)
    # Short closing sentences right after the body: a note on dates, the
    # author's bio line ("Jane Doe is the paper's ... correspondent."), a
    # last word ("That is the plan."), a lead-in to a video ("... below:").
    while (
        end + 1 < len(lines)
        and lines[end + 1].kind in ("short", "mid")
        and (lines[end + 1].end or lines[end + 1].colon)
        and lines[end + 1].words >= 4
        and not lines[end + 1].bullet
        and not lines[end + 1].repeated
    ):
        end += 1
        lines[end].kind = "near"
    end = _to_end_of_list(lines, end)

    body_start = start
    if whole and start == 0:  # the title is looked for before the first running text
        body_start = next(ln.index for ln in lines if ln.kind in _PROSE)
    title_idx, title = _find_title(lines, body_start, page_title)
    title = title.replace("\t", " ")
    byline = None
    meta_lines: set[int] = set()
    if title_idx is not None:
        meta_lines.add(title_idx)
    # Byline and dates: near the title or the start of the body.
    look_from = min(title_idx if title_idx is not None else start, start) - 4
    near = lines[max(0, look_from) : min(len(lines), start + 4)]
    found: list[tuple[int, int, str]] = []  # (0 for "By ...", else 1; line; name)
    for k, ln in enumerate(near):
        if ln.index in meta_lines:
            continue
        name = _is_byline(ln)
        if name is None and 2 <= ln.words <= 4 and _NAME_RE.match(ln.text) and ln.caps == 1.0:
            # A bare name next to a date line: "Jane Doe" / "12 March 2026",
            # or with the byline's role between: "Jane Doe" / "Games Editor" / date.
            around = [near[x] for x in (k - 1, k + 1) if 0 <= x < len(near)]
            if k + 2 < len(near) and near[k + 1].words <= 4 and not near[k + 1].end:
                around.append(near[k + 2])
            if any(_is_dateline(a) for a in around):
                name = _name_prefix(ln.text)[0] or ln.text
        if name:
            prefixed = BYLINE_PREFIX_RE.match(ln.text.lstrip("/#*-–—•· ")) is not None
            found.append((0 if prefixed else 1, ln.index, name))
        elif _is_dateline(ln) and ln.kind != "good":
            meta_lines.add(ln.index)
    if found:
        # A line that says "By ..." outweighs a name told by its shape.
        _, at, byline = min(found)
        meta_lines.add(at)

    if whole:
        # Everything but clear chrome: the page title, link lines, repeats.
        if page_title is not None:
            meta_lines.add(0)
        if not linked:  # menus told by their shape alone
            meta_lines.update(ln.index for ln in _menu_runs(lines))
        menus = {ln.index for ln in _link_lists(lines)}
        for ln in lines[start : end + 1]:
            if ln.index in meta_lines or ln.repeated or ln.index in menus or ln.kind == "rule":
                continue
            if ln.slide:  # a gallery's slide
                continue
            if ln.kind == "code":
                ln.keep = "code"
            elif ln.bullet:
                ln.keep = "list_item"
            elif ln.gap >= 2 and ln.words <= 16 and not ln.end:
                ln.keep = "heading"
            else:
                ln.keep = "paragraph"
    else:
        slides = {ln.index for ln in lines if ln.slide}  # a gallery inside the article
        _select(lines, start, end, meta_lines | gaps | slides)
    return title, byline, _blocks(lines, start, end)


def _link_lists(lines: list[_Line]) -> list[_Line]:
    """Lines that are links in a list of links: a menu, a list of stories
    (a list item that is a link, or three or more link lines in a row)."""
    out: list[_Line] = []
    run: list[_Line] = []
    for ln in [*lines, None]:
        if ln is not None and ln.links >= 0.5 and (not run or ln.para == run[-1].para):
            run.append(ln)
            continue
        out.extend(x for x in run if len(run) >= 3 or x.bullet)
        run = [ln] if ln is not None and ln.links >= 0.5 else []
    return out


def _code_blocks(code: list[str]) -> list[Block]:
    """A run of code lines: one code block, or a table's rows (the save puts
    a tab between cells) written as the HTML path writes them, "a | b"."""
    if all("\t" in c for c in code):
        return [make_block("table_row", " | ".join(c.split("\t"))) for c in code]
    return [make_block("code", "\n".join(code).expandtabs(4))]


def _blocks(lines: list[_Line], start: int, end: int) -> list[Block]:
    """The kept lines of the region as blocks; a run of code lines is one."""
    blocks: list[Block] = []
    code: list[str] = []
    for ln in lines[start : end + 1]:
        if ln.keep == "code":
            code.append(ln.text)
            continue
        if code:
            blocks.extend(_code_blocks(code))
            code = []
        text = ln.text.replace("\t", " ")  # table cells run on outside a code block
        if ln.keep == "heading":
            text = f"{ln.number} {text}" if ln.number else text
            blocks.append(make_block("heading", text.rstrip(":"), 2))
        elif ln.keep == "list_item":
            blocks.append(make_block("list_item", text, 1))
        elif ln.keep:
            blocks.append(make_block("paragraph", text))
    if code:
        blocks.extend(_code_blocks(code))
    return blocks


def _to_end_of_list(lines: list[_Line], end: int) -> int:
    """A list is one piece: when the region ends inside one (a long list of
    notes), it goes on over the list's further items while they read like
    sentences or are more than a link (one odd item among them aside)."""
    if not lines[end].bullet:
        return end
    level = lines[end].indent

    def item(k: int) -> bool:
        return (
            k < len(lines)
            and lines[k].bullet
            and lines[k].gap < 2
            and lines[k].indent >= level - 1
            and not lines[k].repeated
        )

    def sentence(k: int) -> bool:
        ln = lines[k]
        return ln.end or ln.kind in ("good", "near", "mid") or (ln.words >= 5 and ln.links < _LINKY)

    while item(end + 1) and (sentence(end + 1) or (item(end + 2) and sentence(end + 2))):
        end += 1
    return end


def _solid(ln: _Line) -> bool:
    """A line the article region may start or end on."""
    return ln.kind in _PROSE or (ln.listed and not ln.repeated)


def _menu_runs(lines: list[_Line]) -> list[_Line]:
    """Lines in runs of three or more short lines that are not sentences:
    what menus, topic lists and footers look like without their links."""
    out: list[_Line] = []
    run: list[_Line] = []
    for ln in [*lines, None]:
        if ln is not None and ln.kind in ("short", "bad") and ln.words <= 12 and not ln.end:
            run.append(ln)
            continue
        if len(run) >= 3:
            out.extend(run)
        run = []
    return out


def _words(lines: list[_Line], lo: int, hi: int) -> int:
    """Words of running text in lines[lo:hi]."""
    return sum(ln.words for ln in lines[lo:hi] if ln.kind in _PROSE)


# The heading over readers' comments: "Comments", "12 Comments", "Reader
# comments (5)", "Comentarios", "78 commentaires", "Kommentare".
_COMMENTS_HEADING_RE = re.compile(
    r"^(?:(?:\d[\d,.]*\s+)?(?:readers?['’]?\s+|user\s+)?"
    r"(?:comments|responses|discussion|comentarios|commentaires|kommentare|commenti"
    r"|komentáře|comentários)"
    r"|\d[\d,.]*\s+(?:comment|response|comentario|commentaire|kommentar|commento))"
    r"(?:\s*[(\[]?\d[\d,.]*[)\]]?)?(?:\s+total)?\W*$",
    re.I,
)


def _end_before_comments(lines: list[_Line], values: list[float], start: int, end: int) -> int:
    """Readers' comments after the article: past a clear break (a run of
    chrome lines), prose under three or more short dated lines (a name and a
    date heading each comment). The region ends before the break."""
    for ln in lines[start + 1 : end + 1]:
        if (
            ln.kind not in _PROSE
            and ln.links < 0.5
            and ln.words <= 6
            and _COMMENTS_HEADING_RE.match(ln.text)
            and _words(lines, start, ln.index) >= 100
        ):
            k = ln.index - 1
            while k > start and lines[k].kind not in _PROSE:
                k -= 1
            return k
    i = start
    while i <= end:
        if lines[i].kind in _PROSE:
            i += 1
            continue
        j = i
        while j + 1 <= end and lines[j + 1].kind not in _PROSE:
            j += 1
        if sum(values[i : j + 1]) <= -2.0 and _words(lines, start, i) >= 100:
            headers = 0
            for k in range(j + 1, end + 1):
                if _heads_comment(lines, k, end, 3):
                    headers += 1
            if headers >= 3:
                k = i - 1
                while k > start and lines[k].kind not in _PROSE:
                    k -= 1
                return k
        i = j + 1
    return end


def _start_at_headline(lines: list[_Line], start: int, end: int) -> int:
    """A top-level heading as a browser's save writes it (two blank lines
    before, indented 2) inside the region, with little running text before
    it: the article's headline. What comes before it (a cookie notice, a
    sign-in pitch, a teaser) is not the article."""
    for ln in lines[start + 1 : end]:
        if ln.gap >= 2 and ln.indent == 2 and not ln.bullet and 1 <= ln.words <= 30:
            if ln.text.rstrip("/*_").endswith("."):
                break
            h = ln.index
            if _words(lines, start, h) < 0.3 * _words(lines, h + 1, end + 1):
                k = h + 1
                while k < end and lines[k].kind not in _PROSE:
                    k += 1
                return k
            break
    return start


_HEADLINE_REACH = 60
_LEAD_WORDS = 30


def _back_to_headline(lines: list[_Line], start: int) -> int:
    """The article's headline as a browser's save writes it (indented 2,
    blank lines before) a little above the region, with running text
    between the two (a lead cut off by a table of contents or an info box):
    the region starts at that running text."""
    for ln in reversed(lines[max(0, start - _HEADLINE_REACH) : start]):
        if (
            (ln.gap >= 2 or ln.index == 0)
            and ln.indent == 2
            and not ln.bullet
            and 1 <= ln.words <= 30
        ):
            for x in lines[ln.index + 1 : start]:
                if x.kind == "good" and x.links < 0.5 and x.words >= _LEAD_WORDS:
                    return x.index
            break
    return start


_LEAD_REACH = 12  # lines above the region where a cut-off lead is looked for
_LEAD_GAP_WORDS = 30  # words of chrome (an author's card, a caption) a lead may sit above


def _back_to_lead(lines: list[_Line], start: int) -> int:
    """The article's lead just above the region, cut off from the rest by a
    little chrome (the authors' cards, a picture's caption, a share bar):
    a paragraph of running text, the nearest one, with no more than a few
    words of short lines between it and the region."""
    for x in reversed(lines[max(0, start - _LEAD_REACH) : start]):
        if x.kind != "good":
            continue
        if (
            x.words >= _LEAD_WORDS
            and x.links < 0.2
            and x.end
            and not x.repeated
            and sum(y.words for y in lines[x.index + 1 : start]) <= _LEAD_GAP_WORDS
        ):
            return x.index
        break
    return start


_YOU_RE = re.compile(r"\b(?:you|your|our|us)\b", re.I)


def _trim_call_to_action(lines: list[_Line], start: int, end: int) -> int:
    """A newsletter or membership pitch right after the article: a short
    piece of prose addressed to the reader, cut off from the article by a
    label line and running straight into form fields. Dropped from the end."""
    last = end
    while last > start and lines[last].kind in _PROSE:
        last -= 1
    island = lines[last + 1 : end + 1]
    if last <= start or not island or lines[last].kind in _PROSE:
        return end
    after = lines[end + 1] if end + 1 < len(lines) else None
    if (
        sum(ln.words for ln in island) < 45
        and any(_YOU_RE.search(ln.text) for ln in island)
        and after is not None
        and after.para == island[-1].para
        and after.kind not in _PROSE
    ):
        new_end = last
        while new_end > start and lines[new_end].kind not in _PROSE:
            new_end -= 1
        return new_end
    return end


def _select(lines: list[_Line], start: int, end: int, skip: set[int]) -> None:
    """Decide, line by line inside the region, what is article."""
    hard = set(skip)  # the title, byline and dates, the lines between pieces

    def nxt(i: int) -> _Line | None:
        return lines[i + 1] if i + 1 <= end else None

    def prv(i: int) -> _Line | None:
        return lines[i - 1] if i - 1 >= start else None

    # Runs of bulleted lines: a list, kept or dropped as a whole. An
    # article's list is led in ("...:") or made of sentences; a block of
    # other stories' headlines under a label is neither.
    i = start
    while i <= end:
        ln = lines[i]
        if ln.bullet and ln.index not in skip:
            j = i
            # (two blank lines start something new: a heading, another list)
            while j + 1 <= end and lines[j + 1].bullet and lines[j + 1].gap < 2:
                j += 1
            items = lines[i : j + 1]
            count = len(items)
            after = nxt(j)
            if (
                count == 1
                and ln.number
                and after is not None
                and after.kind in _PROSE
                and not after.bullet
                and 1 <= ln.words <= 16
                and (not ln.end or ln.text.endswith("?"))
            ):
                # A numbered line alone over running text: the heading of
                # one point of a listicle ("3. Check the smoke alarm").
                ln.keep = "heading"
                i = j + 1
                continue
            lead = prv(i)
            led_in = lead is not None and (lead.colon or lead.kind in _PROSE)
            sentences = sum(it.kind in ("good", "near", "mid") for it in items)
            ended = sum(it.end for it in items)
            if (
                (led_in and sentences >= 0.5 * count)
                or all(it.listed for it in items)
                or ended >= 0.5 * count
                or (count >= 8 and sentences >= 0.5 * count)
            ):
                for it in items:
                    it.keep = "list_item"
            i = j + 1
            continue
        i += 1

    # Runs of three or more short lines that are not sentences: menus,
    # topic lists, job titles, other stories' headlines.
    run: list[_Line] = []
    for maybe in [*lines[start : end + 1], None]:
        if (
            maybe is not None
            and not maybe.bullet
            and maybe.kind in ("short", "bad")
            and not maybe.end
        ):
            run.append(maybe)
            continue
        if len(run) >= 3:
            skip.update(r.index for r in run)
        run = []

    for ln in lines[start : end + 1]:
        if ln.kind == "code" and ln.index not in skip:
            ln.keep = "code"
            continue
        if ln.keep or ln.index in skip or ln.bullet:
            continue
        i = ln.index
        n = nxt(i)
        p = prv(i)
        if ln.kind in _PROSE:
            ln.keep = "paragraph"
            continue
        if ln.kind == "mid":
            # A sentence-like fragment counts next to running text only.
            if any(
                x is not None and (x.kind in _PROSE or x.keep or x.kind == "mid") for x in (p, n)
            ):
                ln.keep = "paragraph"
            continue
        if ln.kind in ("rule", "bad"):
            continue
        if ln.colon and n is not None and n.kind == "code" and n.index not in skip:
            ln.keep = "paragraph"  # the lead-in to a code block or a table
            continue
        # A heading: a short line before running text or a kept list.
        if (
            n is not None
            and ((n.kind in _PROSE and not n.bullet) or n.keep == "list_item")
            and 1 <= ln.words <= 16
            and (not ln.end or ln.text.endswith("?"))
        ):
            ln.keep = "heading"
            continue
        # A short line between good lines: part of the text (a lead-in, a
        # line of verse or code, a caption).
        if (
            p is not None
            and n is not None
            and (p.keep or (p.kind in _PROSE and not p.bullet))
            and (n.keep == "list_item" or (n.kind in _PROSE and not n.bullet))
        ):
            ln.keep = "paragraph"
    _readmit(lines, start, end, hard)


def _readmit(lines: list[_Line], start: int, end: int, hard: set[int]) -> None:
    """Second pass: lines dropped above that look like the article's own
    structure as kept so far. A list whose items are sentence-like and
    whose bullets sit at the indentation of a list already kept; a heading
    written like the headings already kept (blank lines before, the same
    indentation) right before kept text."""
    region = lines[start : end + 1]
    list_indents = {ln.indent for ln in region if ln.keep == "list_item" and ln.indent}
    i = start
    while i <= end:
        ln = lines[i]
        if not ln.bullet or ln.keep or ln.index in hard:
            i += 1
            continue
        j = i
        while j + 1 <= end and lines[j + 1].bullet and not lines[j + 1].keep:
            j += 1
        items = [it for it in lines[i : j + 1] if it.index not in hard]
        sentences = sum(it.kind in ("good", "near", "mid") for it in items)
        if items and ln.indent in list_indents and sentences >= 0.5 * len(items):
            for it in items:
                if not it.repeated and it.kind != "rule":
                    it.keep = "list_item"
        i = j + 1
    head_styles = {
        (ln.indent, ln.gap >= 2) for ln in region if ln.keep == "heading" and ln.gap >= 2
    }
    for k in range(end, start - 1, -1):
        ln = lines[k]
        if ln.keep or ln.bullet or ln.repeated or ln.index in hard:
            continue
        n = lines[k + 1] if k + 1 <= end else None
        if (
            n is not None
            and n.keep in ("paragraph", "list_item", "heading")
            and (ln.indent, ln.gap >= 2) in head_styles
            and 1 <= ln.words <= 16
            and not ln.end
            and ln.kind not in ("rule", "code")
        ):
            ln.keep = "heading"
