"""A WARC file (``.warc``, ``.warc.gz``: wget ``--warc-file``, ArchiveBox,
Webrecorder) read as an export: each ``response`` record with a 2xx status
and an HTML page (see :func:`margin.ingest.warc.warc_pages`) is an item with
its page, its ``WARC-Target-URI`` as address and its ``WARC-Date`` as the
date it was saved. A page captured twice is one item (the first capture).

This is how a WARC of many pages becomes many articles: ``margin import``
saves each page in margin's inbox (a WARC in a library folder is read as
an article only when it holds one page).
"""

from __future__ import annotations

from margin.imports.fields import iso_from_text, normalise_url
from margin.imports.model import Item
from margin.imports.source import Source
from margin.ingest.decode import decode
from margin.ingest.warc import warc_pages


def read(source: Source, problems: list[str]) -> list[Item]:
    try:
        pages = warc_pages(source.data(), max_bytes=source.limits.max_bytes)
    except ValueError as exc:
        raise source.fail(str(exc)) from None
    if not pages:
        raise source.fail("the WARC file holds no HTML page with a 2xx status")
    items = []
    for number, page in enumerate(pages, 1):
        html, _codec = decode(page.html_bytes, declared=page.charset)
        key = f"warc:{normalise_url(page.uri)}" if page.uri else f"warc:#{number}"
        if not page.uri:
            problems.append(f"{source.path.name} page {number}: no WARC-Target-URI")
        items.append(Item(key=key, url=page.uri or None, html=html, saved=iso_from_text(page.date)))
    return items
