"""HTML -> blocks and metadata, with readability-lxml choosing the article."""

from __future__ import annotations

import contextlib
import re
import threading
from collections.abc import Iterator
from typing import Any

import lxml.etree
import lxml.html
import readability.readability as _readability_module
from lxml.html import HtmlElement
from lxml_html_clean import Cleaner
from readability import Document
from readability.readability import Unparseable

from margin.errors import IngestError
from margin.ingest import html_clean
from margin.ingest.blocks import InlineText, make_block
from margin.ingest.datelines import clean_byline
from margin.ingest.html_body import body_blocks, drop_title_and_byline
from margin.ingest.metadata import dom_byline, extract_metadata
from margin.ingest.standfirst import find_dek
from margin.ingest.whole import reads_whole
from margin.model import Block, BlockKind, Metadata

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "header", "footer", "aside", "nav",
    "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "pre", "figure", "figcaption",
    "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr", "form",
    "fieldset", "details", "summary", "address", "center", "body", "html",
    *_HEADINGS,
}  # fmt: skip
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object",
              "embed", "canvas", "video", "audio", "button", "select", "textarea", "input",
              "head", "title", "meta", "link"}  # fmt: skip
_DEPTH_ERROR = "Excessive depth"
_DTD_SUBSET_RE = re.compile(r"<!DOCTYPE[^>\[]{0,200}\[.*?\]\s*>", re.I | re.S)
# Tags that only nest: removing them keeps every word of a page too deep for lxml.
_NESTING_TAGS_RE = re.compile(r"</?(?:div|span|section|font|center|article|main|b|i)\b[^>]*>", re.I)


def parse(html: str) -> tuple[HtmlElement, str]:
    """Parse, reporting (or working around) lxml's nesting limit instead of
    silently losing the rest of the page. Returns the tree and the HTML used."""
    # An internal DTD subset is never needed by a web page; lxml's HTML parser
    # would show it as text (and a "billion laughs" subset is a trap anyway).
    html = _DTD_SUBSET_RE.sub("<!DOCTYPE html>", html, count=1)
    doc = _parse_once(html)
    if doc is not None:
        return doc, html
    flat = _NESTING_TAGS_RE.sub(" ", html)
    doc = _parse_once(flat)
    if doc is None:
        raise ValueError(
            "the page nests its elements deeper than the HTML parser allows (256 levels)"
        )
    return doc, flat


def _parse_once(html: str) -> HtmlElement | None:
    # huge_tree: without it lxml silently drops a text node over 10 MB.
    parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True)
    try:
        doc = lxml.html.document_fromstring(html, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        if "empty" in str(exc).lower():
            raise ValueError("the page is empty") from exc
        raise
    if any(_DEPTH_ERROR in e.message for e in parser.error_log):
        return None
    return doc


class _Converter:
    """Walks readability's output and emits blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.inline = InlineText()
        self.kind: BlockKind = "paragraph"
        self.level = 0
        self.list_depth = 0
        self.quote_depth = 0

    def flush(self) -> None:
        text, links = self.inline.take()
        if text:
            kind = self.kind
            if kind == "paragraph" and self.quote_depth:
                kind = "quote"
            level = self.level if kind in ("heading", "list_item") else 0
            self.blocks.append(make_block(kind, text, level, links))

    def walk(self, el: HtmlElement, url: str | None = None) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP_TAGS or not tag and not isinstance(el, lxml.html.HtmlElement):
            self._tail(el, url)
            return
        if tag == "br":
            self.inline.newline()
            self._tail(el, url)
            return
        if tag == "img":
            self._tail(el, url)
            return
        if tag == "pre":
            self.flush()
            self.blocks.append(make_block("code", _pre_text(el)))
            self._tail(el, url)
            return
        if tag in ("tr",):
            self.flush()
            cells = [" ".join(c.text_content().split()) for c in el if c.tag in ("td", "th")]
            cells = [c for c in cells if c]
            if cells:
                self.blocks.append(make_block("table_row", " | ".join(cells)))
            self._tail(el, url)
            return
        if tag == "a":
            href = (el.get("href") or "").strip()
            url = href if href.lower().startswith(("http://", "https://")) else url
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
            saved = (self.kind, self.level)
            if tag in _HEADINGS:
                self.kind, self.level = "heading", _HEADINGS[tag]
            elif tag == "li":
                self.kind, self.level = "list_item", max(1, self.list_depth)
            elif tag in ("figcaption", "caption"):
                self.kind = "caption"
            elif tag in ("ul", "ol"):
                self.list_depth += 1
            elif tag == "blockquote":
                self.quote_depth += 1
            elif tag in ("p", "dd", "dt") and self.kind != "list_item":
                self.kind = "paragraph"
        if el.text:
            self.inline.add(el.text, url if tag == "a" else url)
        for child in el:
            self.walk(child, url)
        if block:
            self.flush()
            if tag in ("ul", "ol"):
                self.list_depth -= 1
            elif tag == "blockquote":
                self.quote_depth -= 1
            self.kind, self.level = saved
        self._tail(el, None if tag == "a" else url)

    def _tail(self, el: HtmlElement, url: str | None) -> None:
        if el.tail:
            self.inline.add(el.tail, url)


def _pre_text(el: HtmlElement) -> str:
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if tag == "br":
            parts.append("\n")
        elif tag not in _SKIP_TAGS and node.text:
            parts.append(node.text)
        if tag not in _SKIP_TAGS:
            for child in node:
                walk(child)
                if child.tail:
                    parts.append(child.tail)

    walk(el)
    text = "".join(parts).expandtabs(4)
    return re.sub(r"\n[ \t]*\n+", "\n", text.strip("\n")).rstrip()


def blocks_from_fragment(fragment: HtmlElement) -> list[Block]:
    conv = _Converter()
    conv.walk(fragment)
    conv.flush()
    return conv.blocks


# readability-lxml measures text with clean(), three regular expressions over
# an element's whole text, called for every candidate and link: half its
# time. Its first pattern, \s{255,}, retries at every whitespace character of
# a run (quadratic in the run's length); anchoring it at the start of a run
# (a whitespace character not preceded by one) finds the same matches in one
# pass, and starting with \s keeps re's fast scan for the first character.
# The other two are skipped when their text cannot match. Same output,
# character for character (a test holds it).
_LONG_SPACE_RE = re.compile(r"\s(?<!\s\s)\s{254,}")
_NEWLINE_SPACE_RE = re.compile(r"\s*\n\s*")
_TAB_SPACE_RE = re.compile(r"\t|[ \t]{2,}")
_original_clean = _readability_module.clean
_original_text_length = _readability_module.text_length
_original_cleaner = _readability_module.html_cleaner
# readability's own Cleaner settings but javascript=False: that pass removes
# on* attributes and rewrites every link to blank javascript: and data: URLs
# (a tenth of the extraction time), none of which margin reads: its text
# never carries attributes, and it keeps http(s) links only.
_fast_cleaner = Cleaner(
    **{
        name: getattr(_original_cleaner, name)
        for name in (
            "scripts", "comments", "style", "inline_style", "links", "meta",
            "add_nofollow", "page_structure", "processing_instructions",
            "embedded", "frames", "forms", "annoying_tags", "remove_tags",
            "kill_tags", "remove_unknown_tags", "safe_attrs_only",
        )
    },
    javascript=False,
)  # fmt: skip
_patch_lock = threading.Lock()
_patch_depth = 0


def fast_clean(text: str) -> str:
    """readability-lxml's ``clean``, faster, with the same result."""
    words = text.split()
    spaces = len(text) - sum(map(len, words))
    if spaces < 255 and spaces == text.count(" ") + text.count("\n"):
        # Only spaces and newlines, and too few for a run of 255: each run
        # between words becomes a newline if it holds one, else a space.
        if "\n" not in text:
            return " ".join(words)
        return "\n".join(" ".join(line.split()) for line in text.split("\n") if line.strip())
    if len(text) >= 255:
        text = _LONG_SPACE_RE.sub(" " * 255, text)
    if "\n" in text:
        text = _NEWLINE_SPACE_RE.sub("\n", text)
    if "\t" in text or "  " in text:
        text = _TAB_SPACE_RE.sub(" ", text)
    return text.strip()


def fast_text_length(elem: Any) -> int:
    """readability-lxml's ``text_length``, ``len(clean(text))``, without
    cleaning in the usual case. When every whitespace character is a space
    or a newline, clean() turns each run between words into one character (a
    newline, or a space) and strips the ends, so the length is the words'
    plus one per gap: str.split and str.count, no regular expression. Any
    other whitespace takes clean(): a tab, which it turns into a space on its
    own, or a no-break space or carriage return, which it keeps."""
    text = elem.text_content() or ""
    words = text.split()
    if not words:
        return 0
    letters = sum(map(len, words))
    if len(text) - letters == text.count(" ") + text.count("\n"):
        return letters + len(words) - 1
    return len(fast_clean(text))


@contextlib.contextmanager
def _fast_readability() -> Iterator[None]:
    """Swap in fast_clean and the lighter Cleaner while margin runs readability (and only then, so
    readability used on its own, as the benchmarks do, stays as it ships)."""
    global _patch_depth
    with _patch_lock:
        _patch_depth += 1
        _readability_module.clean = fast_clean  # type: ignore[assignment]
        _readability_module.text_length = fast_text_length
        _readability_module.html_cleaner = _fast_cleaner
    try:
        yield
    finally:
        with _patch_lock:
            _patch_depth -= 1
            if _patch_depth == 0:
                _readability_module.clean = _original_clean
                _readability_module.text_length = _original_text_length
                _readability_module.html_cleaner = _original_cleaner


class _Readability(Document):
    """readability-lxml, handed the tree margin already parsed (for metadata)
    instead of parsing the page a second time, and keeping its result as a
    tree instead of a string margin would have to parse a third time."""

    def __init__(self, html: str, tree: HtmlElement) -> None:
        super().__init__(html)
        self._tree: HtmlElement | None = tree
        self.article_root: HtmlElement | None = None

    def _parse(self, input: object) -> HtmlElement:
        tree, self._tree = self._tree, None
        # The first pass mutates the tree, so a retry parses the page afresh.
        return super()._parse(tree if tree is not None else input)

    def remove_unlikely_candidates(self) -> None:
        html_clean.remove_unlikely(self.html)

    def select_best_candidate(self, candidates: dict) -> dict | None:
        best = super().select_best_candidate(candidates)
        if best is None:
            return None
        best = _widen_top_candidate(self, candidates, best)
        best = _climb_top_candidate(candidates, best)
        _score_siblings(self, candidates, best)
        return best

    def get_preserved_elements(self, node: HtmlElement) -> dict:
        allowed = dict(super().get_preserved_elements(node))
        for el in node.iter("ul", "ol"):
            if el not in allowed and _keeps_list(self, el):
                allowed[el] = True
        for table in node.iter("table"):
            if _is_data_table(table):
                allowed[table] = True
                for inner in table.iterdescendants(*_CLEANED_TAGS):
                    allowed[inner] = True
        return allowed

    def get_clean_html(self) -> str:
        self.article_root = self.html
        return str(super().get_clean_html())


_SCORE_LEVELS = 5
_TOP_CANDIDATES = 5
_MIN_TOP_CANDIDATES = 3


def _widen_top_candidate(reader: Document, candidates: dict, best: dict) -> dict:
    """Readability.js's refinement of the top candidate, which readability-lxml
    lacks: when three of the five best candidates, each scoring at least 3/4 of
    the best, share an ancestor, that ancestor holds the article (an article
    split into blocks by figures or asides)."""
    top = best["elem"]
    ranked = sorted(candidates.values(), key=lambda c: c["content_score"], reverse=True)
    ranked = [c for c in ranked[:_TOP_CANDIDATES] if c["elem"] is not top]
    score = best["content_score"]
    if score <= 0:
        return best
    lineages = [
        set(c["elem"].iterancestors()) for c in ranked if c["content_score"] / score >= 0.75
    ]
    if len(lineages) < _MIN_TOP_CANDIDATES:
        return best
    for parent in top.iterancestors():
        if parent.tag in ("body", "html"):
            return best
        if sum(parent in lineage for lineage in lineages) >= _MIN_TOP_CANDIDATES:
            if parent not in candidates:
                candidates[parent] = reader.score_node(parent)
            return candidates[parent]
    return best


_CLEANED_TAGS = ("table", "ul", "div", "aside", "header", "footer", "section")


def _is_data_table(table: HtmlElement) -> bool:
    """Readability.js's test for a table of data (kept whole) rather than one
    used for layout."""
    if (table.get("role") or "").lower() == "presentation":
        return False
    if table.get("datatable") == "0":
        return False
    if table.get("summary"):
        return True
    caption = next(table.iter("caption"), None)
    if caption is not None and (len(caption) or (caption.text or "").strip()):
        return True
    if next(table.iter("col", "colgroup", "tfoot", "thead", "th"), None) is not None:
        return True
    if next(table.iterdescendants("table"), None) is not None:
        return False
    rows = columns = 0
    for tr in table.iter("tr"):
        rows += int(tr.get("rowspan") or 1) if (tr.get("rowspan") or "1").isdigit() else 1
        cells = 0
        for td in tr.iter("td"):
            span = td.get("colspan") or "1"
            cells += int(span) if span.isdigit() else 1
        columns = max(columns, cells)
    if rows == 1 or columns == 1:
        return False
    if rows >= 10 or columns > 4:
        return True
    return rows * columns > 10


def _keeps_list(reader: Document, el: HtmlElement) -> bool:
    """Readability.js's conditional cleaning of a list: a list (its items hold
    nine tenths of its text) is not judged by the link density of a plain
    block, so a list of links inside the article stays unless its class says
    otherwise or it is a list of inputs, embeds or bare images."""
    weight = reader.class_weight(el)
    if weight < 0:
        return False
    text = el.text_content()
    total = len(" ".join(text.split()))
    if not total:
        return False
    items = sum(len(" ".join(li.text_content().split())) for li in el.iter("li"))
    if items / total <= 0.9:
        return False
    if text.count(",") >= 10:
        return True
    paras = sum(1 for _ in el.iter("p"))
    imgs = sum(1 for _ in el.iter("img"))
    inputs = sum(1 for i in el.iter("input") if (i.get("type") or "").lower() != "hidden")
    embeds = sum(1 for _ in el.iter("embed", "object", "iframe"))
    if imgs > 1 and paras / imgs < 0.5 and not any(a.tag == "figure" for a in el.iterancestors()):
        return False
    if inputs > paras // 3:
        return False
    if weight >= 25 and reader.get_link_density(el) > 0.5:
        return False
    return not (embeds == 1 and total < 75 or embeds > 1)


def _climb_top_candidate(candidates: dict, best: dict) -> dict:
    """Readability.js's second refinement: walking up from the top candidate,
    a scored ancestor whose score goes *up* again (while staying above a third
    of the top score) holds more of the article, such as opening paragraphs
    before a "read more" block."""
    last = best["content_score"]
    threshold = last / 3
    for parent in best["elem"].iterancestors():
        if parent.tag in ("body", "html"):
            break
        cand = candidates.get(parent)
        if cand is None:
            continue
        if cand["content_score"] < threshold:
            break
        if cand["content_score"] > last:
            return cand
        last = cand["content_score"]
    return best


def _deep_score(reader: Document, elem: HtmlElement) -> float:
    """Readability.js's score of a container: each paragraph in it counts,
    divided by 1, 2, then three times its depth, down to five levels."""
    total = 0.0
    for para in elem.iter("p", "pre", "td"):
        depth = 0
        node = para.getparent()
        while node is not None and node is not elem and depth < _SCORE_LEVELS - 1:
            node = node.getparent()
            depth += 1
        if node is not elem:
            continue
        inner = " ".join(para.text_content().split())
        if len(inner) < reader.min_text_length:
            continue
        score = 1 + len(inner.split(",")) + min(len(inner) / 100, 3)
        total += score / (1 if depth == 0 else 2 if depth == 1 else depth * 3)
    return total


def _score_siblings(reader: Document, candidates: dict, best: dict) -> None:
    """Give the top candidate's siblings the scores Readability.js's sibling
    joining sees: paragraphs deeper than readability-lxml's two levels count,
    and a sibling of the same class as the top candidate earns a bonus."""
    top = best["elem"]
    parent = top.getparent()
    if parent is None or parent.tag in ("html",):
        return
    top_class = top.get("class") or ""
    for sib in parent:
        if sib is top or not isinstance(sib.tag, str) or sib.tag == "p":
            continue
        if sib in candidates:
            score = candidates[sib]["content_score"]
        else:
            deep = _deep_score(reader, sib)
            if deep <= 0:
                continue
            base = reader.score_node(sib)["content_score"]
            score = (base + deep) * (1 - reader.get_link_density(sib))
        if top_class and sib.get("class") == top_class:
            score += best["content_score"] * 0.2
        if sib in candidates:
            candidates[sib]["content_score"] = score
        else:
            candidates[sib] = {"content_score": score, "elem": sib}


def extract_html(html: str, *, raw_head: str = "") -> tuple[Metadata, list[Block]]:
    """Metadata and body blocks of an HTML page (already decoded to ``str``)."""
    doc, html = parse(html)
    meta = extract_metadata(doc, raw_head or html[:4096])
    meta.byline = clean_byline(meta.byline or dom_byline(doc))
    if reads_whole(raw_head or html[:4096]):  # chosen by a read-later service already
        body = doc.find("body")
        return meta, drop_title_and_byline(
            blocks_from_fragment(doc if body is None else body), meta
        )
    meta.dek = find_dek(doc, meta.title)
    reader = _Readability(html, doc)
    try:
        with _fast_readability():
            summary = reader.summary(html_partial=True)
    except Unparseable as exc:
        raise ValueError(f"no article found ({exc})") from exc
    except (lxml.etree.ParserError, ValueError) as exc:
        raise ValueError("no article found") from exc
    if not summary or not summary.strip():
        raise ValueError("no article found")
    fragment = reader.article_root
    if fragment is None:
        fragment = lxml.html.fragment_fromstring(summary, create_parent="div")
    html_clean.clean_article(fragment, meta.byline)
    return meta, body_blocks(blocks_from_fragment(fragment), meta)


__all__ = ["IngestError", "extract_html", "parse", "blocks_from_fragment"]
