"""Files margin writes into its own inbox for an import (never into a
library folder, never outside ``MARGIN_HOME``).

An item's file is ``inbox/imported/<format>/<title> (<host>) <id>.html``:
the name from the title (or the address), bounded in length and with
nothing a file system or a terminal would mind (see
:func:`margin.fetching.saved.file_stem`), and ``<id>`` eight hex digits of
the export's format and the item's key. So the name is the item's own: an
import interrupted after writing a file and run again writes the same file
and finds the row indexed from it, instead of adding a copy.

A page the export holds is written as UTF-8 HTML; one with an address
carries the browsers' "saved from url" mark and the time the service saved
it (:func:`margin.fetching.saved.marked`), so the file says where it came
from. A PDF is kept as the PDF it is. Each file is written whole or not at
all (a temporary file, flushed, renamed).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from html import escape
from pathlib import Path

from margin import paths
from margin.imports import Item
from margin.imports.fields import is_fetchable
from margin.ingest.whole import WHOLE_ARTICLE
from margin.library import store

_TITLE_RE = re.compile(r"<title\b", re.I)
_HEAD_CHARS = 65536


def import_folder(source: str) -> Path:
    """Where an import of format ``source`` writes its files."""
    return paths.inbox_path() / "imported" / source


def item_path(source: str, item: Item, extension: str) -> Path:
    from margin.fetching.saved import file_stem

    digest = hashlib.sha256(f"{source}\0{item.key}".encode("utf-8", "surrogatepass"))
    stem = file_stem(item.title, item.url or "")
    path = import_folder(source) / f"{stem} {digest.hexdigest()[:8]}{extension}"
    if path.parent != import_folder(source):  # file_stem keeps separators out; make sure
        raise ValueError(f"unsafe file name for {item.key}")
    return path


def page_bytes(item: Item, *, whole: bool) -> bytes:
    """The item's page as the file margin keeps: UTF-8, its origin marked.
    Services export the article's body alone; then a head with the title,
    author and date the export gives leads it, so the file names them.
    ``whole``: the page is an article the service chose from its page (see
    :mod:`margin.ingest.whole`), to be read whole."""
    from margin.fetching.saved import marked

    html = item.html or ""
    if not _TITLE_RE.search(html, 0, _HEAD_CHARS):
        html = _head(item) + html
    if whole:
        html = WHOLE_ARTICLE + "\n" + html
    if item.url and is_fetchable(item.url):
        html = marked(html, item.url, item.saved or store.now())
        return html.encode("utf-8")
    return b'<meta charset="utf-8">\n' + html.encode("utf-8")


def _head(item: Item) -> str:
    fields = [f"<title>{escape(item.title)}</title>"] if item.title else []
    if item.author:
        fields.append(f'<meta name="author" content="{escape(item.author)}">')
    if item.published:
        fields.append(
            f'<meta property="article:published_time" content="{escape(item.published)}">'
        )
    return f"<head>{''.join(fields)}</head>\n" if fields else ""


def write(path: Path, data: bytes) -> None:
    """Write ``data`` at ``path`` whole or not at all (replacing the file a
    run cut short left there: the name is this item's alone)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".margin-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
