"""Saved pages for the tests of the reader's corrections to the cut: a news
page whose article holds a paragraph the reader calls chrome (a thank-you
note margin cannot know is not the story), and whose "Related" box holds a
headline the reader wants back."""

from __future__ import annotations

import html
import os
from pathlib import Path

from test_library import PARAGRAPHS, write

#: Shown by the extraction (it reads like the story); the reader cuts it.
CHROME = (
    "The Harbour Times thanks Carmelo Vella of Sliema for the loan of his photographs "
    "of the old breakwater."
)
#: Dropped by the extraction (a box of other stories); the reader keeps it.
RELATED = "Ferry prices rise as the new timetable starts"
#: A highlight after the cut paragraph: it must stay anchored.
QUOTE = "a firm from Catania"


def news_page(
    *,
    host: str = "harbourtimes.example",
    title: str = "Repairs begin on the Valletta breakwater",
    paragraphs: list[str] | None = None,
    chrome: str = CHROME,
    menu: str = "Home News Sport",
    footer: str = "Subscribe to our newsletter. Privacy policy.",
    slug: str = "breakwater",
) -> str:
    """A saved news page: menu, article (with ``chrome`` after its second
    paragraph), a "Related" box, a footer."""
    paras = list(PARAGRAPHS if paragraphs is None else paragraphs)
    if chrome:
        paras.insert(2, chrome)
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    links = " ".join(f'<a href="/{w.lower()}">{w}</a>' for w in menu.split())
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta property="og:title" content="{html.escape(title)}">
<link rel="canonical" href="https://www.{host}/news/{slug}">
</head><body>
<header><nav>{links}</nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
{body}
</article></main>
<aside><h2>Related</h2><ul><li><a href="/a">{html.escape(RELATED)}</a></li>
<li><a href="/b">New marina plan</a></li></ul></aside>
<footer><p>{html.escape(footer)}</p></footer>
</body></html>
"""


def save(path: Path, text: str, stamp: int | None = None) -> Path:
    """Write a page; with ``stamp``, give it that mtime (a re-save)."""
    write(path, text)
    if stamp is not None:
        os.utime(path, ns=(stamp, stamp))
    return path
