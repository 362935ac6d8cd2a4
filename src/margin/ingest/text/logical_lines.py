"""A text save's lines, undone from the browser's formatting.

Firefox's "Save Page As > Text Files" writes a link's URL after it
(``Home <https://example.org/>``), marks inline structure (``*bold*``,
``/italic/``, ``_underline_``, ``|code|``), indents headings, list items and
quotes, and wraps lines at 80 columns. A copy-paste does none of this. Here
the save is turned back into logical lines: the wrap width is found from the
lines themselves (no width when nothing looks wrapped), wrapped lines are
joined back, URLs and inline marks are dropped, and each line keeps its
indentation and the number of blank lines before it (a heading's cue).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A link's URL as the browser writes it, possibly wrapped over lines.
_URL_MARK_RE = re.compile(
    r"[ \t]?<(?:(?:https?|ftp|file|javascript|mailto|data|tel|about):|[a-z][a-z0-9+.-]{1,20}://)"
    r"[^<>\n]{0,3000}?>"
    # a relative URL after a space, but not a closing tag in quoted markup ("</div>")
    r"|(?:[ \t]|(?<![^\s]))<[/#](?![\w-]*>)[^<>\n]{0,3000}?>"
)
# Inline marks around words: *bold*, /italic/, _underline_, |code|.
_MARK_RES = [
    (q[-1], re.compile(rf"(?<![\w{q}:]){q}(?=[^\s{q}])([^{q}\n]*?[^\s{q}])?{q}(?![\w{q}])"))
    for q in (r"\*", "/", "_", r"\|")
]
_EMPTY_MARKS_RE = re.compile(r"(?<![\w:/])(?://|\*\*|\|\|)(?=\w|\s|$)|(?<![:/])//(?=\s|$)")
_OPEN_URL_RE = re.compile(r"<(?:[a-z]+:|[/#])[^<>\s]*$")
_LIST_MARK_RE = re.compile(r"^(?:[*o+#]|\d{1,3}\.)\s+(?=\S)")


@dataclass(slots=True)
class RawLine:
    text: str
    para: int  # blank-line separated group
    indent: int
    gap: int  # blank lines before
    links: float = 0.0  # share of the line's words inside link text


_WIDE_RE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
    "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]"
)


def _width(s: str) -> int:
    """Display columns: wide (CJK) characters count 2."""
    if s.isascii():
        return len(s)
    return len(s) + len(_WIDE_RE.findall(s))


def _wide(ch: str) -> bool:
    return ch >= "\u1100" and _WIDE_RE.match(ch) is not None


def wrap_width(lines: list[str]) -> int | None:
    """The column the save was wrapped at, or None when it was not wrapped:
    many lines end just short of one width and none (with a space) pass it."""
    widths = [_width(ln.rstrip()) for ln in lines if " " in ln.strip()]
    long = [w for w in widths if w >= 40]
    if len(long) < 8:
        return None
    long.sort()
    top = long[int(0.97 * (len(long) - 1))]
    if top > 160:
        return None
    near = sum(top - 10 < w <= top for w in long)
    if near < 0.3 * len(long):
        return None
    return top


def _join_urls(lines: list[str]) -> list[tuple[str, int]]:
    """Physical lines with a wrapped URL put back on one line, each with the
    display width of its last physical part (what the wrap decided on)."""
    out: list[tuple[str, int]] = []
    for line in lines:
        stripped = line.strip()
        if (
            out
            and stripped
            and " " not in stripped.split(">", 1)[0]
            and _OPEN_URL_RE.search(out[-1][0][-3000:])
        ):
            out[-1] = (out[-1][0].rstrip() + stripped, _width(line.rstrip()))
        else:
            out.append((line, _width(line.rstrip())))
    return out


def _strip_marks(s: str) -> str:
    for ch, rx in _MARK_RES:
        if ch in s:
            s = rx.sub(lambda m: m.group(1) or "", s)
    return _EMPTY_MARKS_RE.sub("", s) if "//" in s or "**" in s or "||" in s else s


def logical_lines(text: str) -> list[RawLine]:
    """The save's non-empty lines, wrapped ones joined, URLs and marks dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    physical = text.split("\n")
    unwrap = _Unwrap(wrap_width(physical))
    for line, last_width in _join_urls(physical):
        unwrap.feed(line, last_width)
    for ln in unwrap.out:
        _clean(ln)
    return [ln for ln in unwrap.out if ln.text]


_SENTENCE_END_RE = re.compile(r"[.!?…。！？]['\"’”»)\]]*$")


class _Unwrap:
    """Physical lines joined back into logical ones, as the save wrapped them."""

    def __init__(self, width: int | None) -> None:
        self.width = width  # the save's wrap column, if it was wrapped
        self.out: list[RawLine] = []
        self.para = 0
        self.gap = 0
        self.prev_width = 0  # display width of the previous raw line (0 after a blank)
        self.hang = 0  # where a continuation of the previous line starts
        self.hang_lo = (
            0  # ... or from here: a long number overhangs the list's indentation (" 10. ")
        )

    def feed(self, line: str, last_width: int) -> None:
        """The next physical line (``last_width``: its last part's width)."""
        line = line.rstrip()
        stripped = line.lstrip(" \t")
        if not stripped:
            if self.out and self.gap == 0:
                self.para += 1
            self.gap += 1
            self.prev_width = 0
            return
        indent = len(line) - len(stripped)
        if self.out and not self.gap and self.prev_width and self._continues(stripped, indent):
            last = self.out[-1].text
            self.out[-1].text = last + _glue(last, stripped) + stripped
        else:
            self._start(stripped, indent)
        self.gap = 0
        self.prev_width = last_width

    def _continues(self, stripped: str, indent: int) -> bool:
        """The line goes on from the previous one: its first word would not
        have fitted there, or (no known width) it carries on hard-wrapped prose."""
        if _LIST_MARK_RE.match(stripped):
            return False
        last = self.out[-1]
        if self.width is None:
            return (
                len(last.text) >= 60
                and not _SENTENCE_END_RE.search(last.text)
                and stripped[:1].islower()
            )
        first = stripped.split(" ", 1)[0]
        return self.prev_width + 1 + _width(first) > self.width and (
            self.hang_lo <= indent <= self.hang
            or indent == last.indent
            # a link's URL pushed past the width: " <https://...>"
            or (indent == self.hang + 1 and stripped.startswith("<"))
        )

    def _start(self, stripped: str, indent: int) -> None:
        if indent >= 4 and stripped.startswith("o "):
            stripped = "* " + stripped[2:]  # a nested list's bullet
        self.out.append(RawLine(stripped, self.para, indent, self.gap))
        m = _LIST_MARK_RE.match(stripped)
        self.hang = indent + (m.end() if m else 0)
        self.hang_lo = indent + 1 if m else self.hang


def _glue(last: str, stripped: str) -> str:
    """What joins a wrapped line to the one before: nothing when it was
    broken after a hyphen, in a URL or between CJK characters."""
    in_url = _OPEN_URL_RE.search(last[-3000:]) is not None
    if in_url or last.endswith("-") or _wide(last[-1]) or _wide(stripped[0]):
        return ""
    return " "


def _clean(ln: RawLine) -> None:
    """Drop a line's TeX, URL marks (counting its link text) and inline marks."""
    t = ln.text
    if "{\\" in t:
        t = _drop_tex(t)
    if "<" in t:
        parts = _URL_MARK_RE.split(t)
        if len(parts) > 1:
            ln.links = _link_share(parts)
            t = "".join(parts)
    # Whitespace collapses, but a tab (between table cells) stays one.
    cells = [" ".join(c.split()) for c in _strip_marks(t).split("\t")]
    ln.text = "\t".join(c for c in cells if c)


_TEX_START_RE = re.compile(r"\{\\(?:displaystyle|textstyle|scriptstyle)\b")


def _drop_tex(text: str) -> str:
    """A formula's TeX source as pages carry it for pictures of maths
    ("{\\displaystyle a^{2}+b^{2}}"): not text a reader reads. Each group
    is dropped up to its closing brace, and with it the formula as the page
    spelt it out just before, a letter or sign at a time ("a 2 + b 2")."""
    out: list[str] = []
    pos = 0
    for m in _TEX_START_RE.finditer(text):
        if m.start() < pos:
            continue
        depth, i = 0, m.start()
        while i < len(text):
            if text[i] == "{":
                depth += 1
            elif text[i] == "}":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        # ... and the formula as the page also wrote it out, just before:
        # letters and signs one or two at a time ("a i j = a j i").
        words = text[pos : m.start()].split(" ")
        while words and len(words[-1]) <= 2:
            words.pop()
        out.append(" ".join(words) + " ")
        pos = i + 1
    out.append(text[pos:])
    return "".join(out)


_TOKEN_RE = re.compile(r"\w+")
_LINK_WORDS = 4  # link text inside a sentence: where it starts is not written
_LAST_LINK_WORDS = 12  # a link that ends the line: a teaser headline at most


def _link_share(parts: list[str]) -> float:
    """Share of words in link text, given the text between a line's URL marks.

    The browser writes a link's URL after its text, never where the text
    starts: a piece of text before a mark counts from its last sentence
    break, whole when it ends the line (a menu entry, a teaser), at most a
    few words when running text goes on after it."""
    counts = [len(_TOKEN_RE.findall(p)) for p in parts]
    total = sum(counts)
    if not total:
        return 0.0
    linked = 0
    # The link that ends the line (an image's empty link may follow it).
    last = -1
    if not parts[-1].strip():
        last = len(parts) - 2
        while last > 0 and not parts[last].strip():
            last -= 1
    for k, part in enumerate(parts[:-1]):
        tail = _SENTENCE_BREAK_RE.split(part)[-1]
        n = len(_TOKEN_RE.findall(tail))
        linked += min(n, _LAST_LINK_WORDS) if k == last else min(n, _LINK_WORDS)
    return min(1.0, linked / total)


_SENTENCE_BREAK_RE = re.compile(r"[.!?…:;]['\"’”»)\]]*\s")
