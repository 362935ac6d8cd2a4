"""Page chrome that readability-lxml keeps, removed before and after it runs.

Every rule here is about what an element *is* (its semantics, its role, its
class/id hints, how much of it is links), never about a particular site.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from margin.ingest.datelines import FULL_DATE_RE, UPDATED_RE
from margin.ingest.furniture import CREDIT_TAIL_RE, is_other_stories_label, is_share_bar

# Mozilla Readability's list: no "tweet"/"twitter" (readability-lxml's list has
# them, and so drops embedded tweets that belong to the article), and
# "related", "social", "breadcrumbs", "banner" and "gdpr" that readability-lxml
# lacks.
UNLIKELY_RE = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|"
    r"footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|"
    r"skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|"
    r"yom-remote",
    re.I,
)
MAYBE_RE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.I)
UNLIKELY_ROLES = {
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
}


def _hint(el: HtmlElement) -> str:
    return f"{el.get('class') or ''} {el.get('id') or ''}"


def _inside(el: HtmlElement, tags: set[str]) -> bool:
    return any(a.tag in tags for a in el.iterancestors())


def _contains(el: HtmlElement, tags: tuple[str, ...]) -> bool:
    return any(True for _ in el.iter(*tags))


def is_hidden(el: HtmlElement) -> bool:
    """Hidden from a sighted reader: ``hidden``, or ``aria-hidden`` (an image
    fallback excepted, as browsers' reader modes do)."""
    if el.get("hidden") is not None:
        return True
    return (el.get("aria-hidden") or "").strip().lower() == "true" and "fallback-image" not in (
        el.get("class") or ""
    )


def is_unlikely(el: HtmlElement, hint: str | None = None) -> bool:
    """Page chrome by its role or its class/id hints (not inside a table or
    code, where such words name data; never ``body`` or a link)."""
    if el.tag in ("html", "body", "a"):
        return False
    if hint is None:
        hint = _hint(el)
    role = (el.get("role") or "").strip().lower()
    if not (
        role in UNLIKELY_ROLES
        or len(hint) > 1
        and UNLIKELY_RE.search(hint) is not None
        and not MAYBE_RE.search(hint)
    ):
        return False
    return not _inside(el, {"table", "code"})


def remove_unlikely(doc: HtmlElement) -> None:
    """Drop elements that are page chrome by their hints or role, the way
    browsers' reader modes do, keeping anything inside tables, code, or that
    holds the ``<article>``/``<main>``."""
    doomed: list[HtmlElement] = []
    for el in doc.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "a"):
            continue
        role = (el.get("role") or "").strip().lower()
        hint = _hint(el)
        unlikely = role in UNLIKELY_ROLES or (
            len(hint) > 1 and UNLIKELY_RE.search(hint) is not None and not MAYBE_RE.search(hint)
        )
        if (el.get("aria-modal") or "").lower() == "true" and role == "dialog":
            unlikely = True
        if not unlikely and not is_hidden(el):
            continue
        if _inside(el, {"table", "code", "pre"}):
            continue
        if _contains(el, ("article", "main", "math")):
            continue
        doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


# ---------------------------------------------------------------------------
# After readability: chrome left inside the chosen article.

_WIDGET_HINT_RE = re.compile(
    r"(?:^|[\s_-])(?:share|shares|sharing|sharedaddy|social|sns|addthis|shareaholic|"
    r"newsletter|newsletters|signup|sign-up|subscribe|subscription|optin|opt-in|"
    r"ad|ads|advert|advertisement|ad-slot|ad-label|adslot|"
    r"tags|tag-list|tagcloud|post-tags|entry-tags|"
    r"jp-relatedposts|relatedposts|like-post|likes-widget|"
    r"breadcrumb|breadcrumbs)(?:$|[\s_-])",
    re.I,
)
_CRUMB_SEP_RE = re.compile(r"\s[>›»/]\s|\s?[>›»]\s?")
_CONTENT_TAGS = (
    "p",
    "div",
    "li",
    "span",
    "section",
    "small",
    "ul",
    "dl",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
)


def _text_len(el: HtmlElement) -> int:
    return len(" ".join(el.text_content().split()))


def link_density(el: HtmlElement) -> float:
    total = _text_len(el)
    if not total:
        return 0.0
    return sum(_text_len(a) for a in el.iter("a")) / total


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _is_breadcrumb(el: HtmlElement, text: str) -> bool:
    if len(text) > 120 or not any(True for _ in el.iter("a")):
        return False
    parts = [p for p in _CRUMB_SEP_RE.split(text) if p.strip()]
    return len(parts) >= 3 and all(len(p) < 40 for p in parts)


def _is_dateline(text: str, byline: str | None) -> bool:
    """A short "By … · March 2, 2026 · 6 min read" or "Updated …" line."""
    if (
        len(text) > 160
        or text.endswith((".", "!", "?", "。"))
        and not FULL_DATE_RE.search(text[-20:])
    ):
        return False
    if UPDATED_RE.match(text) and len(text) < 100:
        return True
    # Only a line that starts with "By" and carries a date: the reference
    # reader modes keep bare dates and "Posted by … on …" lines, and dropping
    # them was measured to cost recall.
    return text.lower().startswith("by ") and FULL_DATE_RE.search(text) is not None


def clean_article(root: HtmlElement, byline: str | None = None) -> None:
    """Remove what readability left of the page chrome inside the article:
    share buttons, newsletter boxes, ad labels, tag lists, photo credits,
    breadcrumbs, and the dateline/byline lines above the text."""
    doomed: list[HtmlElement] = []
    for el in root.iterdescendants():
        if not isinstance(el.tag, str):
            continue
        hint = _hint(el)
        if len(hint) > 1 and _WIDGET_HINT_RE.search(hint):
            size = _text_len(el)
            if size < 300 or size < 1200 and link_density(el) > 0.3:
                doomed.append(el)
                continue
        if el.tag in _CONTENT_TAGS and el.tag != "span":
            text = _text(el)
            # (a label of other stories stays, to be dropped with them: html_body.py)
            if text and is_share_bar(text) and not is_other_stories_label(text, len(text.split())):
                doomed.append(el)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    for cap in root.iter("figcaption", "caption"):
        _strip_credit(cap)
    _drop_leading_chrome(root, byline)


def _strip_credit(cap: HtmlElement) -> None:
    """Drop a trailing "Photo: Name / Agency" from a caption."""
    last = cap
    while len(last):
        last = last[-1]
        if last.tail and last.tail.strip():
            break
    target_is_tail = last is not cap and bool(last.tail and last.tail.strip())
    text = (last.tail if target_is_tail else last.text) or ""
    cut = CREDIT_TAIL_RE.sub("", text)
    if cut != text and (cut.strip() or _text(cap) != text.strip()):
        if target_is_tail:
            last.tail = cut
        else:
            last.text = cut


_BLOCKISH = {"p", "div", "section", "ul", "ol", "li", "table", "blockquote", "figure", "pre"}


def _drop_leading_chrome(root: HtmlElement, byline: str | None) -> None:
    """Before the first real paragraph: breadcrumbs, datelines, "Updated" lines."""
    seen = 0
    for el in list(
        root.iterdescendants("p", "div", "span", "nav", "ul", "time", "address", "small")
    ):
        if el.getparent() is None:
            continue
        if any(isinstance(d.tag, str) and d.tag in _BLOCKISH for d in el.iterdescendants()):
            continue  # a container: judge its parts
        text = _text(el)
        if _is_breadcrumb(el, text) or _is_dateline(text, byline):
            el.drop_tree()
            continue
        seen += len(text)
        if len(text) >= 150 or seen >= 400:
            return
