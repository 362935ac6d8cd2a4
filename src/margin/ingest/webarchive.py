"""Safari Web Archive (``.webarchive``, Safari's "Save As" default) -> its main page.

A web archive is a binary property list. ``WebMainResource`` is the page
itself: ``WebResourceData`` (its bytes as sent), ``WebResourceTextEncodingName``
(the charset Safari decoded it with), ``WebResourceURL`` and
``WebResourceMIMEType``. ``WebSubresources`` (images, scripts, styles) and
``WebSubframeArchives`` (iframes: ads, embeds, comment widgets) are not the
article and are never read.
"""

from __future__ import annotations

import plistlib
import struct

_MAGIC = b"bplist00"
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def looks_like_webarchive(data: bytes) -> bool:
    """A binary property list (whether it is a web archive is for
    :func:`webarchive_main` to say, with a reason if not)."""
    return data.startswith(_MAGIC)


def webarchive_main(data: bytes) -> tuple[bytes, str | None, str | None]:
    """(HTML bytes, declared encoding, page URL). Raises ValueError with a
    one-line reason for a property list that holds no web page."""
    try:
        archive = plistlib.loads(data, fmt=plistlib.FMT_BINARY)
    except (ValueError, TypeError, IndexError, KeyError, OverflowError, struct.error):
        raise ValueError("a damaged property list (not a readable web archive)") from None
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict):
        raise ValueError("a property list, but not a Safari web archive (no WebMainResource)")
    body = main.get("WebResourceData")
    if not isinstance(body, bytes) or not body.strip():
        raise ValueError("the web archive's main resource holds no page")
    mime = _text(main.get("WebResourceMIMEType"))
    if mime and mime.lower() not in _PAGE_TYPES:
        raise ValueError(f"the web archive holds {mime}, not a web page")
    return body, _text(main.get("WebResourceTextEncodingName")), _page_url(main)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _page_url(main: dict[str, object]) -> str | None:
    url = _text(main.get("WebResourceURL"))
    return url if url and url.lower().startswith(("http://", "https://")) else None
