"""Article bodies as blocks, and the one function that joins blocks into text.

Every extractor (HTML, text, Markdown) produces a list of :class:`Block`; then
:func:`assemble` joins their texts with one blank line and records each
block's offsets, so entity and highlight offsets mean the same thing
whatever the source was.
"""

from __future__ import annotations

import re

from margin.model import WORDS_PER_MINUTE, Block, Link

_WS_RE = re.compile(r"\s+")
_BLANK_LINES_RE = re.compile(r"\n[ \t]*\n+")
# CJK ideographs, kana and hangul are counted one word per character.
_CJK_RE = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3100-\u312f]"
)
_WORD_RE = re.compile(
    r"[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\u3100-\u312f]+"
)


class InlineText:
    """Collects inline text and links for one block, collapsing whitespace."""

    __slots__ = ("_out", "_links", "_preserve")

    def __init__(self, *, preserve: bool = False) -> None:
        self._out: list[str] = []
        self._links: list[Link] = []
        self._preserve = preserve

    def _length(self) -> int:
        return sum(len(s) for s in self._out)

    def _ends_with_space(self) -> bool:
        for s in reversed(self._out):
            if s:
                return s[-1] in " \n"
        return True  # start of block: drop leading space

    def add(self, text: str, url: str | None = None) -> None:
        if not text:
            return
        if not self._preserve:
            text = _WS_RE.sub(" ", text)
            if self._ends_with_space():
                text = text.lstrip(" ")
            if not text:
                return
        start = self._length()
        self._out.append(text)
        if url:
            self._links.append(Link(start, start + len(text), url))

    def newline(self) -> None:
        # A <br>: a line break inside the block, never a paragraph break.
        while self._out and self._out[-1].endswith(" "):
            self._out[-1] = self._out[-1].rstrip(" ")
        if self._out and not self._ends_with_newline():
            self._out.append("\n")

    def _ends_with_newline(self) -> bool:
        for s in reversed(self._out):
            if s:
                return s.endswith("\n")
        return True

    def take(self) -> tuple[str, list[Link]]:
        raw = "".join(self._out)
        if self._preserve:
            text = _BLANK_LINES_RE.sub("\n", raw.strip("\n")).rstrip()
            lead = 0
            # keep indentation of the first line; only blank lines are dropped
            raw_stripped = raw.strip("\n")
            lead = raw.find(raw_stripped[:1]) if raw_stripped else 0
        else:
            text = re.sub(r" *\n *", "\n", raw).strip()
            lead = len(raw) - len(raw.lstrip())
        links = []
        if not self._preserve:
            for link in self._links:
                # offsets shift by the stripped leading whitespace; collapsed
                # newlines only ever shrink text after the link, not before
                start = max(0, link.start - lead)
                end = min(len(text), link.end - lead)
                if end > start:
                    links.append(Link(start, end, link.url))
        self._out = []
        self._links = []
        return text, links


def make_block(kind: str, text: str, level: int = 0, links: list[Link] | None = None) -> Block:
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
    return len(_WORD_RE.findall(text)) + len(_CJK_RE.findall(text))


def reading_minutes(words: int) -> int:
    if words <= 0:
        return 0
    return max(1, round(words / WORDS_PER_MINUTE))
