"""Article metadata from an HTML document tree.

The order of preference follows what careful readers (Mozilla's Readability,
which the development corpus was labelled with) settled on: JSON-LD, then
Dublin Core / OpenGraph / Twitter meta tags, then the ``<title>`` element with
its site-name decorations removed.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from lxml.html import HtmlElement

from margin.ingest.datelines import normalise_date
from margin.model import Metadata

_PROPERTY_RE = re.compile(
    r"\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*",
    re.I,
)
_NAME_RE = re.compile(
    r"^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$",
    re.I,
)
_ARTICLE_TYPES_RE = re.compile(
    r"^(Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|"
    r"BackgroundNewsArticle|BlogPosting|DiscussionForumPosting|LiveBlogPosting|OpinionNewsArticle|"
    r"ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|"
    r"MedicalScholarlyArticle|SocialMediaPosting|TechArticle)$"
)
_SEPARATORS = r"\|\-–—\\/>»"
_SEP_RE = re.compile(rf"\s[{_SEPARATORS}]\s")
_HIER_SEP_RE = re.compile(r"\s[\\/>»]\s")
_FIRST_PART_RE = re.compile(rf"^[^{_SEPARATORS}]*[{_SEPARATORS}]")
_SINGLEFILE_URL_RE = re.compile(r"Page saved with SingleFile.*?url:\s*(\S+)", re.I | re.S)
_TOKEN_RE = re.compile(r"\W+")
_URL_LIKE_RE = re.compile(r"^https?://", re.I)


def _word_count(text: str) -> int:
    return len(text.split())


def _text_similarity(a: str, b: str) -> float:
    tokens_a = [t for t in _TOKEN_RE.split(a.lower()) if t]
    tokens_b = [t for t in _TOKEN_RE.split(b.lower()) if t]
    if not tokens_a or not tokens_b:
        return 0.0
    uniq_b = [t for t in tokens_b if t not in tokens_a]
    return 1 - len(" ".join(uniq_b)) / len(" ".join(tokens_b))


def _inner_text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def document_title(doc: HtmlElement) -> str:
    """The ``<title>`` with the site's decorations removed (Readability's rules)."""
    title_el = doc.find(".//title")
    orig = _inner_text(title_el) if title_el is not None else ""
    cur = orig
    had_hierarchical = False
    seps = list(_SEP_RE.finditer(orig))
    if seps:
        had_hierarchical = bool(_HIER_SEP_RE.search(orig))
        cur = orig[: seps[-1].start()]
        if _word_count(cur) < 3:
            cur = _FIRST_PART_RE.sub("", orig, count=1)
    elif ": " in cur:
        headings = [_inner_text(h) for h in doc.iter("h1", "h2")]
        if orig.strip() not in headings:
            cur = orig[orig.rfind(":") + 1 :]
            if _word_count(cur) < 3:
                cur = orig[orig.find(":") + 1 :]
            elif _word_count(orig[: orig.find(":")]) > 5:
                cur = orig
    elif len(cur) > 150 or len(cur) < 15:
        h1s = list(doc.iter("h1"))
        if len(h1s) == 1:
            cur = _inner_text(h1s[0])
    cur = re.sub(r"\s{2,}", " ", cur.strip())
    words = _word_count(cur)
    if words <= 4 and (not had_hierarchical or words != _word_count(_SEP_RE.sub("", orig)) - 1):
        cur = orig
    return cur


def _json_ld(doc: HtmlElement) -> dict[str, Any]:
    for script in doc.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            parsed = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        for item in _candidates(parsed):
            result = _article_fields(item)
            if result is not None:
                return result
    return {}


def _candidates(parsed: Any) -> list[dict[str, Any]]:
    items = parsed if isinstance(parsed, list) else [parsed]
    out: list[dict[str, Any]] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        if "@type" not in item and isinstance(item.get("@graph"), list):
            out.extend(g for g in item["@graph"] if isinstance(g, dict))
        else:
            out.append(item)
    return out


def _types(item: dict[str, Any]) -> list[str]:
    t = item.get("@type")
    if isinstance(t, str):
        return [t]
    if isinstance(t, list):
        return [x for x in t if isinstance(x, str)]
    return []


def _article_fields(item: dict[str, Any]) -> dict[str, Any] | None:
    context = item.get("@context")
    if isinstance(context, dict):
        context = context.get("@vocab")
    if not isinstance(context, str) or "schema.org" not in context:
        return None
    if not any(_ARTICLE_TYPES_RE.match(t) for t in _types(item)):
        return None
    fields: dict[str, Any] = {}
    name, headline = item.get("name"), item.get("headline")
    fields["name"] = name.strip() if isinstance(name, str) else None
    fields["headline"] = headline.strip() if isinstance(headline, str) else None
    author = item.get("author")
    if isinstance(author, dict) and isinstance(author.get("name"), str):
        fields["byline"] = author["name"].strip()
    elif isinstance(author, list):
        names = [
            a["name"].strip()
            for a in author
            if isinstance(a, dict) and isinstance(a.get("name"), str)
        ]
        if names:
            fields["byline"] = ", ".join(names)
    publisher = item.get("publisher")
    if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
        fields["site"] = publisher["name"].strip()
    published = item.get("datePublished")
    if isinstance(published, str):
        fields["published"] = published.strip()
    return fields


def _meta_values(doc: HtmlElement) -> dict[str, str]:
    values: dict[str, str] = {}
    for meta in doc.iter("meta"):
        content = meta.get("content")
        if not content:
            continue
        prop = meta.get("property")
        matched = False
        if prop:
            m = _PROPERTY_RE.search(prop)
            if m:
                matched = True
                values[re.sub(r"\s", "", m.group(0).lower())] = content.strip()
        name = meta.get("name")
        if not matched and name and _NAME_RE.match(name):
            key = re.sub(r"\s", "", name.lower()).replace(".", ":")
            values[key] = content.strip()
    return values


def _first(*values: str | None) -> str | None:
    for value in values:
        if value and value.strip():
            return value.strip()
    return None


def _saved_from_url(raw_head: str) -> str | None:
    """The address a saved page says it came from: the browsers' "saved from
    url" mark (margin's own saves write it too; one reader of it, in
    margin.fetching.saved), else SingleFile's comment."""
    from margin.fetching.saved import saved_from

    marked = saved_from(raw_head)
    if marked is not None:
        return marked[0]
    m = _SINGLEFILE_URL_RE.search(raw_head)
    if not m:
        return None
    url = m.group(1).rstrip("-").rstrip()
    return url if _URL_LIKE_RE.match(url) else None


def _canonical_url(doc: HtmlElement) -> str | None:
    for link in doc.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel and link.get("href"):
            href = link.get("href", "").strip()
            if _URL_LIKE_RE.match(href):
                return href
    return None


def _og_url(doc: HtmlElement) -> str | None:
    for meta in doc.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:url":
            content = (meta.get("content") or "").strip()
            if _URL_LIKE_RE.match(content):
                return content
    return None


def extract_metadata(doc: HtmlElement, raw_head: str = "") -> Metadata:
    """Metadata from a parsed document; ``raw_head`` is the page's first bytes as
    text, for the comments that browsers and SingleFile leave before ``<html>``."""
    values = _meta_values(doc)
    ld = _json_ld(doc)
    byline = _byline(values, ld)
    site = _first(ld.get("site"), values.get("og:site_name"))
    published = _first(
        ld.get("published"), values.get("article:published_time"), values.get("parsely-pub-date")
    )
    url = _first(
        _canonical_url(doc),
        _og_url(doc),
        _saved_from_url(raw_head),
    )
    return Metadata(
        title=html.unescape(_title(doc, values, ld)),
        byline=html.unescape(byline) if byline else None,
        site=html.unescape(site) if site else None,
        published=normalise_date(published),
        lang=(doc.get("lang") or doc.get("xml:lang") or "").strip() or None,
        url=url,
    )


def _title(doc: HtmlElement, values: dict[str, str], ld: dict[str, Any]) -> str:
    """JSON-LD's name or headline (when they differ, the one the ``<title>``
    agrees with), then the meta tags, then the ``<title>`` itself."""
    doc_title: str | None = None
    ld_title = ld.get("name") or ld.get("headline")
    if ld.get("name") and ld.get("headline") and ld["name"] != ld["headline"]:
        doc_title = document_title(doc)
        name_ok = _text_similarity(ld["name"], doc_title) > 0.75
        headline_ok = _text_similarity(ld["headline"], doc_title) > 0.75
        ld_title = ld["headline"] if headline_ok and not name_ok else ld["name"]
    title = _first(
        ld_title,
        values.get("dc:title"),
        values.get("dcterm:title"),
        values.get("og:title"),
        values.get("weibo:article:title"),
        values.get("weibo:webpage:title"),
        values.get("title"),
        values.get("twitter:title"),
        values.get("parsely-title"),
    )
    if title:
        return title
    return doc_title if doc_title is not None else document_title(doc)


def _byline(values: dict[str, str], ld: dict[str, Any]) -> str | None:
    article_author = values.get("article:author")
    if article_author and _URL_LIKE_RE.match(article_author):
        article_author = None  # a link to the author's page, not a name
    return _first(
        ld.get("byline"),
        values.get("dc:creator"),
        values.get("dcterm:creator"),
        values.get("author"),
        values.get("parsely-author"),
        article_author,
    )


_BYLINE_HINT_RE = re.compile(r"byline|author|dateline|writtenby|p-author", re.I)
_DISPLAY_NONE_RE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)", re.I)
_NOT_SHOWN_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}


def _visible(el: HtmlElement) -> bool:
    if el.get("hidden") is not None or _DISPLAY_NONE_RE.search(el.get("style") or ""):
        return False
    return (el.get("aria-hidden") or "").strip().lower() != "true" or "fallback-image" in (
        el.get("class") or ""
    )


def _is_byline(el: HtmlElement, hint: str) -> bool:
    rel = (el.get("rel") or "").strip().lower()
    itemprop = (el.get("itemprop") or "").lower()
    if not (rel == "author" or "author" in itemprop or _BYLINE_HINT_RE.search(hint)):
        return False
    return 0 < len(el.text_content().strip()) < 100


def dom_byline(doc: HtmlElement) -> str | None:
    """The byline element's text (see ``_dom_byline``), looked for outside the
    page chrome first, then anywhere visible."""
    return _dom_byline(doc, skip_chrome=True) or _dom_byline(doc, skip_chrome=False)


def _dom_byline(doc: HtmlElement, *, skip_chrome: bool) -> str | None:
    """The byline element's text, found the way browsers' reader modes find it:
    in document order, skipping what is hidden and the page chrome their
    reading view drops before it gets there; an ``itemprop=name`` inside the
    byline element is preferred to the whole element (which often carries a
    date or a "Share" label too)."""
    from margin.ingest.html_clean import is_unlikely

    stack: list[HtmlElement] = [doc]
    while stack:
        el = stack.pop()
        if not isinstance(el.tag, str) or el.tag in _NOT_SHOWN_TAGS:
            continue
        if not _visible(el):
            continue
        if (el.get("aria-modal") or "").lower() == "true" and (el.get("role") or "") == "dialog":
            continue
        hint = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _is_byline(el, hint):
            for inner in el.iterdescendants():
                if isinstance(inner.tag, str) and "name" in (inner.get("itemprop") or ""):
                    return inner.text_content().strip()
            return el.text_content().strip()
        if skip_chrome and is_unlikely(el, hint):
            continue
        stack.extend(reversed(el))
    return None
