"""Article bodies as blocks, and the one function that joins blocks into text.

Every extractor (HTML, text, Markdown) produces a list of :class:`Block`; then
:func:`assemble` joins their texts with one blank line and records each
block's offsets, so entity and highlight offsets mean the same thing
whatever the source was.
"""

from __future__ import annotations

import re

from margin.model import WORDS_PER_MINUTE, Block, BlockKind, Link

_WS_RE = re.compile(r"\s+")
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n+")
_NEWLINE_SPACES_RE = re.compile(r" *\n *")
# CJK ideographs, kana and hangul are counted one word per character.
_CJK_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3100-\u312f]"
)
_WORD_RE = re.compile(
    r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3100-\u312f]+"
)


def _single_spaced(text: str) -> bool:
    """Whether every whitespace character in ``text`` is a space, none next
    to another (so collapsing whitespace would change nothing): str.split and
    str.count, faster than the substitution they spare."""
    spaces = len(text) - sum(map(len, text.split()))
    return spaces == text.count(" ") and "  " not in text


class InlineText:
    """Collects inline text and links for one block, collapsing whitespace."""

    __slots__ = ("_out", "_links", "_length")

    def __init__(self) -> None:
        self._out: list[str] = []
        self._links: list[Link] = []
        # kept as it grows: summing the pieces at every add made a paragraph
        # of 40,000 inline elements take 30 s
        self._length = 0

    def _last_char(self) -> str:
        for s in reversed(self._out):
            if s:
                return s[-1]
        return ""

    def add(self, text: str, url: str | None = None) -> None:
        if not text:
            return
        if not _single_spaced(text):
            text = _WS_RE.sub(" ", text)
        if self._last_char() in ("", " ", "\n"):  # start of block or after a space
            text = text.lstrip(" ")
            if not text:
                return
        start = self._length
        self._out.append(text)
        self._length += len(text)
        if url:
            self._links.append(Link(start, self._length, url))

    def newline(self) -> None:
        # A <br>: a line break inside the block, never a paragraph break.
        while self._out and self._out[-1].endswith(" "):
            stripped = self._out[-1].rstrip(" ")
            self._length -= len(self._out[-1]) - len(stripped)
            self._out[-1] = stripped
        if self._last_char() not in ("", "\n"):
            self._out.append("\n")
            self._length += 1

    def take(self) -> tuple[str, list[Link]]:
        raw = "".join(self._out)
        text = (_NEWLINE_SPACES_RE.sub("\n", raw) if "\n" in raw else raw).strip()
        lead = len(raw) - len(raw.lstrip())
        links = []
        for link in self._links:
            # offsets shift by the stripped leading whitespace; collapsed
            # newlines only ever shrink text after the link, not before
            start = max(0, link.start - lead)
            end = min(len(text), link.end - lead)
            if end > start:
                links.append(Link(start, end, link.url))
        self._out = []
        self._links = []
        self._length = 0
        return text, links


def make_block(
    kind: BlockKind, text: str, level: int = 0, links: list[Link] | None = None
) -> Block:
    return Block(kind=kind, text=text, level=level, links=list(links or ()))


def assemble(blocks: list[Block]) -> tuple[str, list[Block]]:
    """Join block texts with one blank line; set offsets; drop empty blocks."""
    kept: list[Block] = []
    parts: list[str] = []
    pos = 0
    for block in blocks:
        text = block.text.strip("\n")
        if not text.strip():
            continue
        # A block never contains a paragraph break of its own.
        text = _BLANK_LINES_RE.sub("\n", text)
        if parts:
            pos += 2
        block.text = text
        block.start = pos
        block.end = pos + len(text)
        for link in block.links:
            link.start = min(block.start + link.start, block.end)
            link.end = min(block.start + link.end, block.end)
        block.links = [lk for lk in block.links if lk.end > lk.start]
        parts.append(text)
        pos = block.end
        kept.append(block)
    return "\n\n".join(parts), kept


def count_words(text: str) -> int:
    """Runs of letters and digits, plus one per CJK character."""
    if not text.isascii() and _CJK_RE.search(text) is not None:
        return len(_WORD_RE.findall(text)) + len(_CJK_RE.findall(text))
    # The same count without a regular expression over the whole text: a
    # whitespace-separated piece of letters and digits only is one run; the
    # others (punctuation, apostrophes) are counted by the pattern.
    findall = _WORD_RE.findall
    pieces = text.split()
    return len(pieces) + sum(len(findall(p)) - 1 for p in pieces if not p.isalnum())


def reading_minutes(words: int) -> int:
    if words <= 0:
        return 0
    return max(1, round(words / WORDS_PER_MINUTE))
