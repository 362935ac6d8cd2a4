"""Plain-text saves -> blocks: paragraphs, title and byline found, chrome stripped.

A "Save as text" of a web page is the whole page: menus, other stories'
headlines, the article, then footers and forms. Chrome is recognised by
shape, not by phrases from one site: runs of short lines without sentence
punctuation (menus, link lists, topic lists, job-title lists), and short
call-to-action lines next to them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from margin.ingest.blocks import make_block
from margin.model import Block

_SENTENCE_END_RE = re.compile(r"[.!?…:;。！？」』”\"')\]]\s*$")
_BYLINE_RE = re.compile(r"^(?:by|written by|words by|von|par|por)\s+(.{3,80})$", re.I)
_BULLET_RE = re.compile(r"^\s*(?:[-*•·▪●◦]|\d{1,3}[.)])\s+")
_WORD_RE = re.compile(r"\w+")
_COUNTER_RE = re.compile(r"^\s*[\d,.]+[kKmM]?\s+\w+\s*$")  # "12 comments", "3.4k shares"


@dataclass(slots=True)
class _Para:
    lines: list[str]

    @property
    def text(self) -> str:
        return " ".join(line.strip() for line in self.lines)

    @property
    def words(self) -> int:
        return len(_WORD_RE.findall(self.text))


def _paragraphs(text: str) -> list[_Para]:
    paras: list[_Para] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.rstrip())
        elif current:
            paras.append(_Para(current))
            current = []
    if current:
        paras.append(_Para(current))
    return paras


def _is_prose(para: _Para) -> bool:
    """A paragraph of running text: several words ending like a sentence."""
    text = para.text
    return para.words >= 12 and bool(_SENTENCE_END_RE.search(text)) or para.words >= 30


def _is_listish(para: _Para) -> bool:
    """Several short lines without sentence punctuation: a menu or link list."""
    if len(para.lines) < 2:
        return False
    short = [ln for ln in para.lines if len(_WORD_RE.findall(ln)) <= 8]
    return len(short) >= 0.7 * len(para.lines)


def extract_text(text: str) -> tuple[str, str | None, list[Block]]:
    """(title, byline, blocks) of a plain-text save."""
    paras = _paragraphs(text)
    if not paras:
        return "", None, []
    prose_idx = [i for i, p in enumerate(paras) if _is_prose(p)]
    if not prose_idx:
        # No running text at all: keep everything as it is (a note, a poem).
        title = paras[0].text if paras[0].words <= 20 else ""
        body = paras[1:] if title else paras
        return title, None, [make_block("paragraph", p.text) for p in body]
    first, last = prose_idx[0], prose_idx[-1]

    # Title and byline: the nearest heading-like line before the first prose.
    title, byline = "", None
    for i in range(first - 1, max(-1, first - 6), -1):
        cand = paras[i]
        t = cand.text
        m = _BYLINE_RE.match(t)
        if m and byline is None and len(cand.lines) == 1:
            byline = m.group(1).strip()
            continue
        if len(cand.lines) == 1 and 3 <= cand.words <= 25 and not _is_listish(cand):
            if not re.search(r"\d{4}|\bmin(ute)?s?\b|\bread\b", t, re.I) or cand.words > 6:
                title = t
                break

    blocks: list[Block] = []
    for i in range(first, last + 1):
        para = paras[i]
        t = para.text
        if _is_prose(para):
            blocks.append(make_block("paragraph", t))
            continue
        if _COUNTER_RE.match(t) or _is_listish(para):
            continue
        # A short line between two prose paragraphs: a subheading, if it reads
        # like one; a caption or call to action otherwise.
        if (
            len(para.lines) == 1
            and 1 <= para.words <= 12
            and i + 1 <= last
            and _is_prose(paras[i + 1])
        ):
            if not re.search(r"https?://|@|\bsubscribe\b|\bsign up\b|\bnewsletter\b", t, re.I):
                blocks.append(make_block("heading", t.rstrip(":"), 2))
            continue
        if _BULLET_RE.match(para.lines[0]) and all(_BULLET_RE.match(ln) for ln in para.lines):
            items = [_BULLET_RE.sub("", ln).strip() for ln in para.lines]
            if sum(len(_WORD_RE.findall(it)) for it in items) >= 4 * len(items):
                blocks.extend(make_block("list_item", it, 1) for it in items)
            continue
        if para.words >= 8:
            blocks.append(make_block("paragraph", t))
    return title, byline, blocks
