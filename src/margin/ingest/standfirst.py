"""An HTML page's standfirst (its dek): the sentence or two under the
headline that sums the story up. It is neither chrome nor body: the reader
shows it under the title, and the body does not repeat it.

It is told by where it stands and what it is called, never by one site's
markup: the first block of text after the headline (bylines and dates
aside), when the page names it a standfirst (a class or id such as "dek",
"standfirst", "subtitle", "summary", "bajada", "chapo"), or when it stands
in the headline's own group (a sibling of the ``<h1>``) with no paragraph
of the story after it there.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml.html import HtmlElement

from margin.ingest.datelines import BYLINE_PREFIX_RE, DATE_RE, FULL_DATE_RE

_DEK_HINT_RE = re.compile(
    r"(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|subtitle|sub-title|subhead|subheadline"
    r"|subheading|strapline|summary|excerpt|description|tagline|bajada|chapo|chapeau"
    r"|sottotitolo|entradilla)(?:$|[\s_-])",
    re.I,
)
# What stands between a headline and its standfirst without being either.
_META_HINT_RE = re.compile(
    r"byline|author|signature|date|time|meta|kicker|breadcrumb|tag|categor|topic", re.I
)
_TEXT_TAGS = frozenset(("p", "div", "h2", "h3", "h4", "span", "section", "header"))
_BLOCK_TAGS = frozenset(
    ("p", "div", "h2", "h3", "h4", "ul", "ol", "section", "header", "figure", "table")
)
_SKIP_TAGS = frozenset(("script", "style", "noscript", "template", "figure", "figcaption", "nav"))
_WORDS = (5, 60)  # a sentence or two
_BODY_WORDS = 40  # a paragraph this long is the story's: no standfirst after it
_LOOK = 4  # blocks of text after the headline where a standfirst may stand


def find_dek(doc: HtmlElement, title: str) -> str | None:
    """The standfirst's text, or None when the page has none that shows."""
    h1 = _headline(doc, title)
    if h1 is None:
        return None
    for seen, el in enumerate(_text_blocks_after(h1)):
        text = _text(el)
        words = len(text.split())
        if seen >= _LOOK or words >= _BODY_WORDS and not _hinted(el):
            return None
        if _meta(el, text):
            continue
        if _WORDS[0] <= words <= _WORDS[1] and (_hinted(el) or _grouped(h1, el)):
            return text
        return None
    return None


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _headline(doc: HtmlElement, title: str) -> HtmlElement | None:
    """The ``<h1>`` that shows the title (or the page's first one)."""
    want = _norm(title)
    first = None
    for h1 in doc.iter("h1"):
        text = _norm(h1.text_content())
        if not text:
            continue
        if want and (text == want or text in want or want in text):
            return h1
        first = h1 if first is None else first
    return first


def _text_blocks_after(h1: HtmlElement) -> Iterator[HtmlElement]:
    """The blocks of text after the headline in document order, innermost
    first (a block with no block inside it)."""
    node: HtmlElement | None = h1
    while node is not None and node.tag not in ("body", "html"):
        for sib in node.itersiblings():
            yield from _leaves(sib)
        node = node.getparent()


def _leaves(el: HtmlElement) -> Iterator[HtmlElement]:
    if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS or el.get("hidden") is not None:
        return
    inner = [c for c in el if isinstance(c.tag, str) and c.tag in _BLOCK_TAGS]
    if not inner:
        if el.tag in _TEXT_TAGS and _text(el):
            yield el
        return
    for child in el:
        yield from _leaves(child)


def _hinted(el: HtmlElement) -> bool:
    """The page calls the block (or the one holding it) a standfirst."""
    for node in (el, el.getparent()):
        if node is not None and _DEK_HINT_RE.search(
            f"{node.get('class') or ''} {node.get('id') or ''}"
        ):
            return True
    return False


def _meta(el: HtmlElement, text: str) -> bool:
    """A byline, a date, a kicker: between the headline and the standfirst."""
    hint = f"{el.get('class') or ''} {el.get('id') or ''}"
    if _META_HINT_RE.search(hint) and not _DEK_HINT_RE.search(hint):
        return True
    if len(text.split()) <= 25 and (FULL_DATE_RE.search(text) or DATE_RE.search(text)):
        return True
    return BYLINE_PREFIX_RE.match(text) is not None and len(text.split()) <= 12


def _grouped(h1: HtmlElement, el: HtmlElement) -> bool:
    """The block stands beside the headline in its group (a sibling of the
    ``<h1>``), and the story does not follow it there (then it is the
    story's lead)."""
    if el.getparent() is not h1.getparent():
        return False
    after = 0
    for sib in el.itersiblings():
        after += len(_text(sib).split())
        if after >= _BODY_WORDS:
            return False
    return True


def _text(el: HtmlElement) -> str:
    """The text a reader sees in ``el``: no script or style."""
    if not isinstance(el.tag, str) or el.tag in _SKIP_TAGS:
        return ""
    return " ".join(
        " ".join(el.xpath(".//text()[not(ancestor::script or ancestor::style)]")).split()
    )
