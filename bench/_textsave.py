"""The text variant of the development corpus: each page as a browser's
"Save as text" would write it.

Block-aware, like innerText or Firefox's text serialiser: block elements on
their own lines, a blank line around paragraphs, headings, lists, quotes and
tables, one list item per line (with a bullet), ``<br>`` a newline, inline
elements inline. Scripts, styles, ``<noscript>``, ``<template>``, the head and
hidden elements are dropped; form controls show their visible text (a
``<select>``'s options one a line, a button's label). The document's
``<title>`` is the first line, as Firefox's text serialiser writes it. Nothing
here knows any site: the same rules for every page.

    python bench/_textsave.py PAGE_DIR     # print one page's text save
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

_DROP = {
    "script", "style", "noscript", "template", "head", "title", "meta", "link",
    "svg", "math", "iframe", "object", "embed", "canvas", "audio", "video",
    "input", "textarea", "img", "map", "param", "source", "track",
}  # fmt: skip
# Blocks that browsers set apart with a blank line.
_PARA = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "dl", "pre",
    "table", "figure", "hr", "form", "fieldset", "address", "details", "menu",
}  # fmt: skip
# Blocks on their own line.
_BLOCK = {
    "div", "section", "article", "main", "header", "footer", "nav", "aside", "li",
    "dd", "dt", "tr", "figcaption", "caption", "option", "optgroup", "select",
    "summary", "legend", "center", "body", "html", "label_block", "hgroup",
    "dialog", "noframes", "frameset", "frame", "search",
}  # fmt: skip
_CELLS = {"td", "th"}
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_WS_RE = re.compile(r"[ \t\r\n\f\v]+")


class _Writer:
    """Collects text with pending line breaks, collapsing whitespace like a
    browser does (a run of spaces is one space, none at line starts)."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.pending = 0  # newlines required before the next text
        self.trail = 1  # newlines at the end of what is written (start: a line start)
        self.space = False

    def brk(self, n: int) -> None:
        self.pending = max(self.pending, n)

    def br(self) -> None:
        self._flush()
        self.out.append("\n")
        self.trail += 1
        self.space = False

    def _flush(self) -> None:
        if self.pending and self.out:
            extra = self.pending - self.trail
            if extra > 0:
                self.out.append("\n" * extra)
                self.trail += extra
        if self.pending:
            self.space = False
        self.pending = 0

    def text(self, s: str, pre: bool = False) -> None:
        if not s:
            return
        if pre:
            self._flush()
            self.out.append(s)
            stripped = s.rstrip("\n")
            self.trail = len(s) - len(stripped) if stripped else self.trail + len(s)
            return
        s = _WS_RE.sub(" ", s)
        core = s.strip(" ")
        if not core:
            self.space = True
            return
        lead = s[0] == " "
        self._flush()
        if (lead or self.space) and self.trail == 0:
            self.out.append(" ")
        self.out.append(core)
        self.trail = 0
        self.space = s[-1] == " "


def _hidden(el) -> bool:  # noqa: ANN001 - an lxml element
    get = el.get
    if get("hidden") is not None:
        return True
    style = get("style")
    return bool(style and _HIDDEN_STYLE_RE.search(style))


def _walk(el, w: _Writer, pre: bool, list_kind: str | None, counter: list[int]) -> None:  # noqa: ANN001
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if not tag:  # a comment or processing instruction: only its tail counts
        return
    if tag in _DROP or _hidden(el):
        return
    if tag == "br":
        w.br()
        return
    is_pre = pre or tag in ("pre", "textarea", "listing", "xmp", "plaintext")
    if tag in _PARA:
        w.brk(2)
    elif tag in _BLOCK or tag in _CELLS:
        if tag in _CELLS:
            # Cells of one row on one line, separated by a tab.
            if w.trail == 0 and not w.pending:
                w.out.append("\t")
                w.space = False
        else:
            w.brk(1)
    if tag == "li":
        if list_kind == "ol":
            counter[0] += 1
            w.text(f"{counter[0]}.")
        else:
            w.text("*")
        w.space = True
    if tag == "hr":
        w.brk(2)
    child_list = list_kind
    child_counter = counter
    if tag in ("ul", "ol", "menu"):
        child_list = "ol" if tag == "ol" else "ul"
        child_counter = [0]
    if el.text:
        w.text(el.text, pre=is_pre)
    for child in el:
        _walk(child, w, is_pre, child_list, child_counter)
        if child.tail:
            w.text(child.tail, pre=is_pre)
    if tag in _PARA:
        w.brk(2)
    elif tag in _BLOCK:
        w.brk(1)


def html_to_text_save(html: str) -> str:
    """The whole page's text as a browser's "Save as text" writes it."""
    import lxml.html

    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except Exception:  # noqa: BLE001 - an unparsable page saves as nothing
        return ""
    body = root.find("body")
    if body is None:
        body = root
    w = _Writer()
    title = root.find(".//title")
    if title is not None and (title.text or "").strip():
        w.text(title.text)
        w.brk(2)
    _walk(body, w, False, None, [0])
    text = "".join(w.out)
    # Trailing spaces and runs of blank lines, as a browser's serialiser leaves none.
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n") + "\n"


def text_save(page: Path) -> str:
    """The text save of one corpus page (its ``source.html``)."""
    from margin.ingest.decode import decode

    html, _ = decode((page / "source.html").read_bytes())
    return html_to_text_save(html)


if __name__ == "__main__":
    sys.stdout.write(text_save(Path(sys.argv[1])))
