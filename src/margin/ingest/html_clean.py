"""Page chrome that readability-lxml keeps, removed before and after it runs.

Every rule here is about what an element *is* (its semantics, its role, its
class/id hints, how much of it is links), never about a particular site.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

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
