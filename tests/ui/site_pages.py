"""Saved web pages for the reader's corrections to the cut: two articles of
one site (harbourtimes.example) that both show a members' appeal inside the
story, and a menu, a "Related" box and a footer that margin drops."""

from __future__ import annotations

import html

#: Shown by the extraction in both articles of the site: the reader cuts it.
APPEAL = (
    "Support independent journalism at the Harbour Times: become a member today "
    "and read every story without limits."
)
#: Dropped by the extraction (a box of other stories): the reader keeps it.
RELATED = "Ferry prices rise as the new timetable starts"

BREAKWATER = [
    "The harbour at Valletta was still on Tuesday when the season's first ferry came in "
    "with a few engineers sent to look at the breakwater.",
    "Maria Borg, who has run the harbour office since 2013, said last winter's storms "
    "moved some of the concrete blocks nearly a metre.",
    "Repairs should last most of the summer. The contractor, a firm from Catania, will "
    "work at night so that the fishing boats can still leave at dawn.",
    "Fishermen are sceptical: they have heard such promises before, and the last repair, "
    "rushed through before an election, held for three seasons.",
    "The ministry says the new design, with heavier blocks and a gentler slope, will "
    "spread the force of the waves instead of meeting it head on.",
]

FISHERMEN = [
    "At five in the morning the quay at Marsaxlokk is already loud with engines, and the "
    "boats painted blue, yellow and red rock against their moorings.",
    "Joseph Camilleri has fished these waters for forty years and says the catch has never "
    "been so small, nor the fuel so dear, as it is this spring.",
    "The cooperative wants the government to pay for new nets; the ministry says it will "
    "look at the request after the summer, when the repairs are done.",
]


def news_page(title: str, slug: str, paragraphs: list[str]) -> str:
    """A saved news page: menu, article (the appeal after its second
    paragraph), a "Related" box and a footer."""
    paras = [*paragraphs[:2], APPEAL, *paragraphs[2:]]
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paras)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
<meta property="og:title" content="{html.escape(title)}">
<link rel="canonical" href="https://www.harbourtimes.example/news/{slug}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>{html.escape(title)}</h1>
{body}
</article></main>
<aside><h2>Related</h2><ul><li><a href="/a">{html.escape(RELATED)}</a></li>
<li><a href="/b">New marina plan</a></li></ul></aside>
<footer><p>Subscribe to our newsletter. Privacy policy.</p></footer>
</body></html>
"""


SITE_PAGES = {
    "breakwater.html": news_page("Repairs begin on the breakwater", "breakwater", BREAKWATER),
    "fishermen.html": news_page("Fishermen count the cost", "fishermen", FISHERMEN),
}
