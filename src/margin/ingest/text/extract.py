"""A text save's title, standfirst, byline and blocks: the stages of the
package's docstring, in order."""

from __future__ import annotations

from margin.ingest.text.byline import find_byline
from margin.ingest.text.chrome import line_values, mark_chrome
from margin.ingest.text.headline import find_dek, find_title, page_title_line
from margin.ingest.text.lines import read_lines
from margin.ingest.text.logical_lines import logical_lines
from margin.ingest.text.regions import article_region, body_start, trim_region
from margin.ingest.text.selection import keep_whole, kept_blocks, select, unstructured
from margin.model import Block, Metadata


def extract_text(text: str) -> tuple[Metadata, list[Block]]:
    """The title, standfirst and byline, and the body blocks, of a plain-text save."""
    raw = logical_lines(text)
    if not raw:
        return Metadata(), []
    lines = read_lines(raw)
    page_title = page_title_line(lines)
    linked = any(r.links for r in raw)  # a save that writes links (Firefox's)
    values = line_values(lines, mark_chrome(lines, linked), linked)
    region = article_region(lines, values, linked, page_title)
    if region.short is not None:  # a recipe, a meal plan: the short lines under the headline
        _title, blocks = unstructured(lines, region, linked)
        return Metadata(title=lines[region.short.headline].text.replace("\t", " ")), blocks
    if not region.has_running_text(lines):
        title, blocks = unstructured(lines, region, linked)
        return Metadata(title=title), blocks
    trim_region(lines, values, region)
    title_at, title = find_title(lines, body_start(lines, region), page_title)
    byline, meta = find_byline(lines, title_at, region.start)
    if title_at is not None:
        meta.add(title_at)
    dek = find_dek(lines, title_at, meta, region.end)
    if dek is not None:
        meta.add(dek.index)
    if region.whole:
        if page_title is not None:
            meta.add(page_title.index)
        keep_whole(lines, region, meta, linked)
    else:
        # a gallery inside the article; what is chrome by what it says
        asides = {ln.index for ln in lines if ln.slide or ln.said}
        select(lines, region.start, region.end, meta | region.gaps | asides)
    head = Metadata(title=title.replace("\t", " "), dek=dek.text if dek else None, byline=byline)
    return head, kept_blocks(lines, region.start, region.end)
