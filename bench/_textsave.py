"""The text variant of the development corpus: each page as Firefox's
"Save Page As > Text Files" writes it.

Firefox saves text with its plain-text document encoder in formatted mode,
wrapped at 80 columns (``ENCODE_FLAGS_FORMATTED | ABSOLUTE_LINKS |
NOFRAMES_CONTENT``, wrap column 80). It serialises the DOM, not the layout,
and this module does the same with the same rules (checked against Firefox
ESR 140's own encoder on the dev pages and on pages written to test each
rule):

- Nothing is hidden by CSS or by the ``hidden`` attribute: display:none
  menus, mega-menus, cookie dialogs, off-canvas navigation and templates
  are written like everything else (the encoder has no layout check).
- Dropped: the head (the document ``<title>`` too), ``<script>``,
  ``<style>``, ``<noscript>``, ``<select>`` (all its options), ``<input>``
  (its value and placeholder), ``<iframe>``.
- Kept: button labels, ``<textarea>`` text, ``<svg>`` text, an image's alt
  text (or ``[title]`` when it has no alt attribute; nothing for
  ``alt=""``).
- A link is followed by its absolute URL in angle brackets:
  ``Home <http://fakehost/>`` (``javascript:`` and ``mailto:`` too).
- Inline structure is marked: ``*bold*``, ``/italic/``, ``_underline_``,
  ``|code|``, ``^sup``, ``_sub``, ``"quote"``.
- Blocks: paragraphs, lists, tables, quotes, ``<pre>`` set apart by a blank
  line; ``<div>``-like blocks on their own line; headings after two blank
  lines and indented 2 columns per level (h1 2, h2 4, ...); list items
  ``  * `` (nested ``o``, then ``+``) or `` 1. ``, an item's own blocks
  (``<li><p>``) and lines after ``<br>`` under its text; quotes and ``<dd>``
  indented 4; table cells tab-separated, a row a line; ``<hr>`` a line of 80
  dashes; ``<br>`` a new line.
- Lines are wrapped at 80 columns (wide CJK characters count 2) at spaces,
  after hyphens and after ``/``, ``?`` and ``&`` in URLs, keeping the
  block's indentation; ``<pre>`` is not wrapped. Whitespace collapses,
  non-breaking spaces become spaces.

The corpus pages come without their stylesheets, so blocks are told by tag
(as Firefox also does for elements that have no layout). Nothing here knows
any site: the same rules for every page.

    python bench/_textsave.py PAGE_DIR     # print one page's text save
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from pathlib import Path
from urllib.parse import urljoin

sys.path.insert(0, str(Path(__file__).resolve().parent))

WRAP = 80
BASE_URL = "http://fakehost/test/page.html"  # the corpus pages' own base

_DROP = {
    "script", "style", "noscript", "head", "title", "meta", "link", "select",
    "input", "iframe", "frame", "param", "source", "track", "datalist",
}  # fmt: skip
# Blocks set apart by a blank line.
_PARA = {
    "p", "blockquote", "ul", "ol", "dl", "pre", "table", "figure", "form",
    "fieldset", "address", "menu", "xmp", "listing", "plaintext",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Blocks on their own line.
_BLOCK = {
    "div", "section", "article", "main", "header", "footer", "nav", "aside", "li",
    "dd", "dt", "tr", "figcaption", "caption", "center", "body", "html", "hgroup",
    "dialog", "noframes", "frameset", "details", "summary", "legend", "search",
    "tbody", "thead", "tfoot", "option", "optgroup",
}  # fmt: skip
_STRUCTS = {"b": "*", "strong": "*", "i": "/", "em": "/", "u": "_", "code": "|"}
_WS_RE = re.compile(r"[ \t\r\n\f\v\u00a0]+")
_BULLETS = ("*", "o", "+", "#")


def _width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F")


def _break_after(text: str, i: int) -> bool:
    """A line may break after text[i] (not at a space: spaces are handled apart)."""
    ch, nx = text[i], text[i + 1] if i + 1 < len(text) else ""
    if not nx or nx == " ":
        return False
    if _wide(ch) or _wide(nx):
        # CJK breaks between any two characters, not before closing punctuation.
        return nx not in "，。、！？；：」』）》〉”’》" and ch not in "「『（《〈“‘"
    if ch == "-" and i > 0 and text[i - 1].isalnum() and nx.isalnum():
        return True
    return ch in "/?&" and nx.isalnum() and "://" in text[max(0, i - 200) : i + 1]


def _wrap(text: str, indent: int, hang: int) -> list[str]:
    """Firefox's wrapping: the first line after ``indent`` spaces, the rest
    after ``hang`` spaces, none longer than WRAP where a break is allowed."""
    lines: list[str] = []
    pad = indent
    while True:
        limit = WRAP - pad
        width = 0
        last_break = -1  # index after which to break
        cut = None
        for i, ch in enumerate(text):
            width += _width(ch)
            if ch == " ":
                if width - 1 <= limit and i > 0:
                    last_break = i - 1
                continue
            if width > limit and last_break >= 0:
                cut = last_break
                break
            if _break_after(text, i) and width <= limit:
                last_break = i
        if cut is None:
            lines.append(" " * pad + text)
            return lines
        head, rest = text[: cut + 1].rstrip(" "), text[cut + 1 :].lstrip(" ")
        lines.append(" " * pad + head)
        if not rest:
            return lines
        text, pad = rest, hang


class _Writer:
    """Logical lines (indentation, hanging indentation, text) with Firefox's
    vertical spacing; wrapped at the end."""

    def __init__(self) -> None:
        self.lines: list[tuple[int, int, str, bool]] = []  # indent, hang, text, pre
        self.cur: list[str] = []
        self.indent = 0  # the indentation of the current block
        self.cur_indent = 0
        self.cur_hang = 0
        self.space = False
        self.want_blank = 0  # blank lines wanted before the next text
        self.started = False

    def _open(self) -> None:
        if not self.cur:
            if self.started:
                blanks = 0
                for ln in reversed(self.lines):
                    if ln[2]:
                        break
                    blanks += 1
                for _ in range(self.want_blank - blanks):
                    self.lines.append((0, 0, "", False))
            self.want_blank = 0
            self.cur_indent = self.indent
            self.cur_hang = self.indent
            self.started = True

    def end_line(self) -> None:
        if self.cur:
            self.lines.append((self.cur_indent, self.cur_hang, "".join(self.cur).rstrip(), False))
            self.cur = []
        self.space = False

    def blank(self, n: int) -> None:
        self.end_line()
        self.want_blank = max(self.want_blank, n)

    def br(self) -> None:
        if self.cur:
            self.end_line()
        else:
            self._open()
            self.lines.append((0, 0, "", False))

    def prefix(self, s: str, hang: int) -> None:
        """A list bullet: starts the line, continuation lines hang under the text."""
        self.end_line()
        self._open()
        self.cur.append(s)
        self.cur_hang = self.indent + hang
        self.space = False

    def mark(self, s: str) -> None:
        """A struct mark or a link's URL: written as is, inline."""
        self._open()
        if self.space and self.cur:
            self.cur.append(" ")
        self.space = False
        self.cur.append(s)

    def text(self, s: str) -> None:
        s = _WS_RE.sub(" ", s)
        if not s:
            return
        if s == " ":
            self.space = True
            return
        lead = s[0] == " "
        core = s.strip(" ")
        self._open()
        if (lead or self.space) and self.cur and not self.cur[-1].endswith(" "):
            self.cur.append(" ")
        self.cur.append(core)
        self.space = s[-1] == " "

    def pre(self, s: str) -> None:
        self._open()
        parts = s.split("\n")
        for k, part in enumerate(parts):
            if k:
                self.lines.append((self.cur_indent, self.cur_hang, "".join(self.cur), True))
                self.cur = []
            self.cur.append(part)

    def result(self) -> str:
        self.end_line()
        out: list[str] = []
        for indent, hang, text, pre in self.lines:
            if pre or not text:
                out.append((" " * indent + text) if text else "")
            else:
                out.extend(_wrap(text, indent, hang))
        return "\n".join(out)


class _Saver:
    def __init__(self, base: str) -> None:
        self.w = _Writer()
        self.base = base
        self.list_depth = 0
        self.counters: list[int | None] = []  # None for a <ul>
        self.row_cells: list[int] = []

    def walk(self, el, pre: bool = False) -> None:  # noqa: ANN001, C901 - an lxml element
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        w = self.w
        if not tag or tag in _DROP:
            return
        if tag == "br":
            w.br()
            return
        if tag == "img":
            alt = el.get("alt")
            if alt is not None:
                w.text(alt)
            elif el.get("title"):
                w.text(f" [{el.get('title')}] ")
            return
        if tag == "hr":
            w.blank(1)
            w._open()
            w.lines.append((0, 0, "-" * WRAP, True))
            w.blank(1)
            return
        is_pre = pre or tag in ("pre", "textarea", "xmp", "listing", "plaintext")
        old_indent = w.indent
        mark = None
        url = None
        level = _HEADINGS.get(tag)
        if level:
            w.blank(2)
            w.indent = old_indent + 2 * level
        elif tag in ("ul", "ol", "menu"):
            if self.list_depth == 0:
                w.blank(1)
            else:
                w.end_line()
            self.list_depth += 1
            self.counters.append(0 if tag == "ol" else None)
        elif tag == "li":
            count = self.counters[-1] if self.counters else None
            depth = max(1, self.list_depth)
            # The bullet sits 2 columns left of the item's text, which is 4
            # columns in from the enclosing item's text (or the margin).
            w.indent = old_indent + 2
            if count is not None and self.counters:
                self.counters[-1] = count + 1
                w.indent = old_indent + 1
                w.prefix(f"{count + 1}. ", 3)
            else:
                w.prefix(f"{_BULLETS[min(depth, len(_BULLETS)) - 1]} ", 2)
            # The item's own blocks (<li><p>, lines after <br>) line up under
            # its text, 4 columns in, as Firefox's list indentation does.
            w.indent = w.cur_hang
        elif tag in ("blockquote",):
            w.blank(1)
            w.indent = old_indent + 4
        elif tag == "dd":
            w.end_line()
            w.indent = old_indent + 4
        elif tag in _PARA:
            w.blank(1)
        elif tag == "tr":
            w.end_line()
            self.row_cells.append(0)
        elif tag in ("td", "th"):
            if self.row_cells:
                if self.row_cells[-1]:
                    w.mark("\t")
                self.row_cells[-1] += 1
        elif tag in _BLOCK:
            w.end_line()
        elif tag in _STRUCTS:
            mark = _STRUCTS[tag]
        elif tag in ("sup", "sub"):
            w.mark("^" if tag == "sup" else "_")
        elif tag == "q":
            mark = '"'
        elif tag == "a" and el.get("href"):
            href = el.get("href").strip()
            url = href if re.match(r"^(?:javascript|mailto|data|tel):", href, re.I) else None
            if url is None:
                try:
                    url = urljoin(self.base, href)
                except ValueError:
                    url = href
        if mark:
            w.mark(mark)
        if el.text:
            w.pre(el.text) if is_pre else w.text(el.text)
        for child in el:
            self.walk(child, is_pre)
            if child.tail:
                w.pre(child.tail) if is_pre else w.text(child.tail)
        if mark:
            w.cur.append(mark) if w.cur else w.mark(mark)
        if url:
            w.mark(f" <{url}>")
        if level:
            w.blank(1)
        elif tag in ("ul", "ol", "menu"):
            self.list_depth -= 1
            self.counters.pop()
            if self.list_depth == 0:
                w.blank(1)
            else:
                w.end_line()
        elif tag in _PARA or tag == "blockquote":
            w.blank(1)
        elif tag == "tr":
            w.end_line()
            self.row_cells.pop()
        elif tag in _BLOCK:
            w.end_line()
        w.indent = old_indent


def html_to_text_save(html: str, base: str = BASE_URL) -> str:
    """The whole page's text as Firefox's "Save Page As > Text Files" writes it."""
    import lxml.html

    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - an unparsable page saves as nothing
        return ""
    base_el = root.find(".//base[@href]")
    if base_el is not None:
        base = urljoin(base, (base_el.get("href") or "").strip())
    body = root.find("body")
    if body is None:
        body = root
    saver = _Saver(base)
    saver.walk(body)
    text = saver.w.result()
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.strip("\n") + "\n"


def text_save(page: Path) -> str:
    """The text save of one corpus page (its ``source.html``)."""
    from margin.ingest.decode import decode

    html, _ = decode((page / "source.html").read_bytes())
    return html_to_text_save(html)


def score_save(save: str, want: str, name: str) -> dict:
    """margin's text ingest of ``save``, the save kept whole and the
    jusText-style baseline, each scored against ``want``: precision and
    recall (``p``/``r``, ``kp``/``kr``, ``jp``/``jr``, nan without the
    ``justext`` package: see ``justext_f1``), margin's title and byline, the ingest's reason
    when it found no article, and the seconds the ingest took."""
    import time

    from _corpus import f1, precision_recall

    from margin.errors import IngestError
    from margin.ingest.pipeline import extract_bytes

    t0 = time.perf_counter()
    try:
        art = extract_bytes(save.encode("utf-8"), source=f"{name}.txt", suffix=".txt")
        got, title, byline, reason = art.text, art.title, art.byline, ""
    except IngestError as exc:
        got, title, byline, reason = "", "", None, exc.reason
    seconds = time.perf_counter() - t0
    p, r = precision_recall(got, want)
    kp, kr = precision_recall(save, want)
    try:
        jp, jr = precision_recall(justext_style(save), want)
    except ImportError:  # jusText's stoplists: the bench extra (pip install -e '.[bench]')
        jp = jr = float("nan")
    return {
        "p": p, "r": r, "f1": f1(p, r), "kp": kp, "kr": kr, "jp": jp, "jr": jr,
        "title": title, "byline": byline, "reason": reason, "seconds": seconds,
    }  # fmt: skip


JUSTEXT_SKIPPED = "skipped (pip install -e '.[bench]')"


def justext_f1(rows: list[dict]) -> str:
    """The jusText-style baseline's F1 over ``rows``, or why it is missing."""
    from _corpus import mean_f1

    if any(math.isnan(r["jp"]) for r in rows):
        return JUSTEXT_SKIPPED
    return f"{mean_f1(rows, 'jp', 'jr')[0]:.3f}"


if __name__ == "__main__":
    sys.stdout.write(text_save(Path(sys.argv[1])))


# --- A jusText-style baseline on text saves --------------------------------
#
# jusText's classic algorithm (Pomikálek 2011) on the save's logical lines
# (wrapped lines joined back): each is "bad" when over a fifth of its words
# are link text (the words before a ``<url>`` mark) or it has a "©", "short"
# under 70 characters, "good" with at least 32% stopwords and over 200
# characters, "near-good" with 30% or more, else "bad"; then short lines take
# the class of their neighbours, near-good lines between two bad ones are
# bad, and short headings before good text are kept. The stoplist is
# jusText's own for the language whose stopwords the page uses most (the
# ``justext`` package, installed only for the bench).

_URL_MARK_RE = re.compile(r"\s?<(?:https?|ftp|file|javascript|mailto|data|tel):[^>\s]*>")
_JT_WORD_RE = re.compile(r"\w+")


def logical_lines(text: str) -> list[tuple[str, int]]:
    """(line, blank lines before it) with wrapped lines joined back: a line
    continues the previous one when the next word would not have fitted."""
    out: list[tuple[str, int]] = []
    blanks = 0
    prev_width = 0
    for raw in text.split("\n"):
        line = raw.rstrip()
        if not line.strip():
            blanks += 1
            prev_width = 0
            continue
        stripped = line.lstrip()
        first = stripped.split(" ", 1)[0]
        width = sum(_width(c) for c in line)
        if (
            out
            and not blanks
            and prev_width
            and prev_width + 1 + sum(_width(c) for c in first) > WRAP
            and not re.match(r"^(?:[*o+#]|\d+\.)\s", stripped)
        ):
            glue = "" if out[-1][0].endswith(("-", "/")) or _wide(out[-1][0][-1]) else " "
            out[-1] = (out[-1][0] + glue + stripped, out[-1][1])
        else:
            out.append((stripped, blanks))
        blanks = 0
        prev_width = width
    return out


def _stoplist(words: list[str]) -> frozenset[str]:
    import justext

    best: frozenset[str] = frozenset()
    best_hits = -1
    for lang in justext.get_stoplists():
        stop = justext.get_stoplist(lang)
        hits = sum(w in stop for w in words)
        if hits > best_hits:
            best, best_hits = stop, hits
    return best


def justext_style(text: str) -> str:
    """The lines jusText's classic classifier keeps from a text save."""
    lines = logical_lines(text)
    if not lines:
        return ""
    paras: list[tuple[str, list[str], int, bool]] = []
    all_words: list[str] = []
    for line, blanks in lines:
        segments = _URL_MARK_RE.split(line)
        plain = " ".join(s.strip() for s in segments)
        words = [w.lower() for w in _JT_WORD_RE.findall(plain)]
        # Link text: the words of each segment that a URL mark closes, back
        # to the last punctuation (a link's own text).
        link_words = 0
        for seg in segments[:-1]:
            tail = re.split(r"[.,;:!?|()\]\[\"]\s|\s[|·•-]\s", seg)[-1]
            link_words += len(_JT_WORD_RE.findall(tail))
        paras.append((plain, words, link_words, blanks >= 2))
        all_words += words
    stop = _stoplist(all_words)
    classes = []
    for plain, words, link_words, _heading in paras:
        n = max(1, len(words))
        link_density = link_words / n
        density = sum(w in stop for w in words) / n
        length = len(plain)
        if link_density > 0.2 or "©" in plain:
            c = "bad"
        elif length < 70:
            c = "bad" if link_density > 0 else "short"
        elif density >= 0.32:
            c = "good" if length > 200 else "neargood"
        elif density >= 0.30:
            c = "neargood"
        else:
            c = "bad"
        classes.append(c)
    cf = list(classes)

    def good_follows(i: int) -> bool:
        """Good text within 200 characters after paragraph i."""
        dist, j = 0, i + 1
        while j < len(paras) and dist <= 200:
            if classes[j] == "good":
                return True
            dist += len(paras[j][0])
            j += 1
        return False

    # Short headings before good text within 200 characters: near-good.
    for i, p in enumerate(paras):
        if p[3] and classes[i] == "short" and good_follows(i):
            classes[i] = "neargood"

    def neighbour(i: int, step: int, ignore_near: bool) -> str:
        j = i + step
        while 0 <= j < len(classes):
            c = classes[j]
            if c in ("good", "bad") or (c == "neargood" and not ignore_near):
                return c
            j += step
        return "bad"

    new = {}
    for i, c in enumerate(classes):
        if c != "short":
            continue
        prev, nxt = neighbour(i, -1, True), neighbour(i, 1, True)
        if prev == nxt == "good":
            new[i] = "good"
        elif prev == nxt == "bad":
            new[i] = "bad"
        elif (prev == "bad" and neighbour(i, -1, False) == "neargood") or (
            nxt == "bad" and neighbour(i, 1, False) == "neargood"
        ):
            new[i] = "good"
        else:
            new[i] = "bad"
    for i, c in new.items():
        classes[i] = c
    for i, c in enumerate(classes):
        if c == "neargood":
            both_bad = neighbour(i, -1, True) == neighbour(i, 1, True) == "bad"
            classes[i] = "bad" if both_bad else "good"
    for i, p in enumerate(paras):
        if p[3] and classes[i] == "bad" and cf[i] != "bad" and good_follows(i):
            classes[i] = "good"
    return "\n".join(p[0] for p, c in zip(paras, classes, strict=True) if c == "good")
