"""WARC files (``.warc``, ``.warc.gz``: wget ``--warc-file``, ArchiveBox,
Webrecorder) -> the HTML pages they hold.

warcio reads the records (gzip members, WARC and HTTP headers, chunked and
gzip HTTP payloads), so no record is parsed by hand here. A page is a
``response`` record whose HTTP status is 2xx and whose payload is HTML;
requests, metadata, revisits, redirects, errors, images and scripts are not
articles.
"""

from __future__ import annotations

import contextlib
import io
import logging
import threading
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from typing import TYPE_CHECKING

from margin import config
from margin.errors import too_large

if TYPE_CHECKING:
    from warcio.recordloader import ArcWarcRecord
    from warcio.statusandheaders import StatusAndHeaders

MAX_PAGES = 10_000
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MAGIC = b"WARC/"
_STDERR_LOCK = threading.Lock()
_SILENT = logging.NullHandler()


@dataclass(frozen=True, slots=True)
class WarcPage:
    uri: str  #: WARC-Target-URI
    date: str | None  #: WARC-Date (ISO 8601), when the page was captured
    html_bytes: bytes  #: the HTTP payload, with chunking and gzip undone
    charset: str | None  #: from the response's Content-Type header


def looks_like_warc(data: bytes) -> bool:
    """A WARC file, plain or gzipped (each record its own gzip member)."""
    if data.startswith(_MAGIC):
        return True
    if not data.startswith(b"\x1f\x8b"):
        return False
    try:
        head = zlib.decompressobj(zlib.MAX_WBITS | 16).decompress(data[:4096], len(_MAGIC))
    except zlib.error:
        return False
    return head == _MAGIC


def warc_pages(
    data: bytes, *, max_pages: int = MAX_PAGES, max_bytes: int = config.DEFAULT_MAX_BYTES
) -> list[WarcPage]:
    """Every HTML page with a 2xx status, in file order. ``max_bytes`` (the
    caller's ``max_file_mb``) bounds the pages' bytes together; past it, or
    past ``max_pages`` pages, or in a file that is not a readable WARC,
    raises ValueError with a one-line reason."""
    pages: list[WarcPage] = []
    total = 0
    with _quiet_warcio():
        for page in _pages(data, max_bytes):
            total += len(page.html_bytes)
            if total > max_bytes:
                raise ValueError(too_large(None, max_bytes))
            if len(pages) == max_pages:
                raise ValueError(f"the WARC file holds more than {max_pages} pages")
            pages.append(page)
    return pages


@contextlib.contextmanager
def _quiet_warcio() -> Iterator[None]:
    """warcio writes its complaints about a damaged file straight to stderr
    (and logs others), which would land in the middle of the app's screen and
    the CLI's output; the reason margin gives is enough. One parse at a time
    swaps stderr, so a swap is always undone in the right order."""
    logging.getLogger("warcio").addHandler(_SILENT)
    with _STDERR_LOCK, contextlib.redirect_stderr(io.StringIO()):
        yield


def warc_single_page(
    data: bytes, *, max_bytes: int = config.DEFAULT_MAX_BYTES
) -> tuple[bytes, str | None, str | None]:
    """(HTML bytes, charset, URL) of a WARC file that holds exactly one page;
    ValueError for none or several (``margin import`` reads a WARC of many
    pages as many articles: margin.imports.warc)."""
    pages = warc_pages(data, max_bytes=max_bytes)
    if not pages:
        raise ValueError("the WARC file holds no HTML page with a 2xx status")
    if len(pages) > 1:
        raise ValueError(
            f"the WARC file holds {len(pages)} pages; "
            "'margin import' it to read each page as an article"
        )
    page = pages[0]
    return page.html_bytes, page.charset, page.uri or None


def _pages(data: bytes, limit: int) -> Iterator[WarcPage]:
    """The pages up to the end of the file or to the first damaged record: a
    capture cut short still holds the pages written before the cut."""
    from warcio.archiveiterator import ArchiveIterator

    records = iter(ArchiveIterator(io.BytesIO(data)))
    found = False
    count = 0
    while True:
        try:
            record = next(records)
            page = _page(record, limit)
        except StopIteration:
            return
        except ValueError:
            raise
        # warcio meets arbitrary bytes here and fails in arbitrary ways
        # (AttributeError on a missing header, zlib.error, EOFError, ...).
        except Exception:
            if found:
                return
            raise ValueError(f"a damaged WARC file (record {count + 1} cannot be read)") from None
        count += 1
        if page is not None:
            found = True
            yield page


def _page(record: ArcWarcRecord, limit: int) -> WarcPage | None:
    if record.rec_type != "response":
        return None
    http = record.http_headers
    if http is None or not _is_ok_html(http):
        return None
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        raise ValueError(too_large(None, limit))
    if not body.strip():
        return None
    warc = record.rec_headers
    uri = (warc.get_header("WARC-Target-URI") or "").strip().strip("<>")
    return WarcPage(uri, warc.get_header("WARC-Date"), body, _charset(http))


def _is_ok_html(http: StatusAndHeaders) -> bool:
    status = http.get_statuscode()
    if not (status or "").isdigit() or not 200 <= int(status) < 300:
        return False
    content_type = _content_type(http)
    return content_type.get_content_type() in _PAGE_TYPES


def _content_type(http: StatusAndHeaders) -> Message:
    message = Message()
    message["Content-Type"] = http.get_header("Content-Type") or "text/plain"
    return message


def _charset(http: StatusAndHeaders) -> str | None:
    return _content_type(http).get_content_charset()
