"""One http(s) GET, bounded every way a web server can misbehave.

The standard library's ``http.client`` does the talking; this module owns the
rules around it: only http and https (also after a redirect), at most
``MAX_REDIRECTS`` hops and no loop, a connect/read timeout on every socket
operation plus an overall deadline that a watchdog enforces even while a
server drips its headers a byte at a time, ``max_bytes`` counted on the
*decoded* body (so a gzip bomb stops at the cap), and one plain sentence for
each way it can fail.
"""

from __future__ import annotations

import http.client
import threading
from http import HTTPStatus
from urllib.parse import SplitResult, quote, urljoin, urlsplit

from margin import config
from margin.fetching.body import read_body
from margin.fetching.connection import Clock, open_exchange
from margin.fetching.outcome import Fetched, FetchError, host_label, now_iso

MAX_REDIRECTS = 10
DEFAULT_TIMEOUT = 15.0
DEFAULT_DEADLINE = 120.0
#: What a page may be. Anything else (a PDF, an image, a zip) is refused by
#: its type before its body is read.
PAGE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def fetch(
    url: str,
    *,
    max_bytes: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    cancel: threading.Event | None = None,
) -> Fetched:
    """GET ``url`` and follow its redirects. Raises :class:`FetchError`.

    ``timeout`` bounds each connect and each wait for bytes; ``deadline`` the
    whole fetch. ``max_bytes`` defaults to ``max_file_mb``'s default; the caller passes
    config.toml's."""
    limit = config.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    clock = Clock(url, timeout, deadline, cancel)
    current = url
    visited: set[str] = set()
    for _hop in range(MAX_REDIRECTS + 1):
        parts = checked_url(current, asked=url)
        current = parts.geturl()
        if current in visited:
            raise FetchError(url, f"the redirects go round in a loop (back to {current})")
        visited.add(current)
        exchange, response = open_exchange(parts, clock)
        with exchange:
            location = response.getheader("Location")
            if response.status in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            _check_status(url, parts, response)
            ctype, charset = _content_type(url, response)
            body = read_body(parts, response, exchange, limit)
        return Fetched(current, url, response.status, ctype, charset, body, now_iso())
    raise FetchError(url, f"more than {MAX_REDIRECTS} redirects")


def checked_url(url: str, *, asked: str | None = None) -> SplitResult:
    """The parts of an http(s) URL as they go on the wire (see :func:`wire_parts`);
    any other scheme is refused. ``asked``: the URL that redirected here."""
    who = asked or url
    try:
        parts = urlsplit(url.strip())
        _port = parts.port  # a port that is not a number raises here
    except ValueError:
        raise FetchError(who, "not a valid URL") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        shown = f"{scheme}:" if scheme else "no scheme"
        why = f"a redirect to {shown}" if asked and asked != url else f"{shown} URLs"
        raise FetchError(who, f"{why} cannot be fetched (only http and https)")
    if not parts.hostname:
        raise FetchError(who, "the URL has no host name")
    try:
        return wire_parts(parts)
    except UnicodeError:
        raise FetchError(who, f"the host name {parts.hostname} is not valid") from None


def wire_parts(parts: SplitResult) -> SplitResult:
    """ASCII only, as HTTP needs: the host in IDNA, the path and query
    percent-encoded (spaces and control characters too), no user name, no
    fragment."""
    host = (parts.hostname or "").encode("idna").decode("ascii")
    netloc = f"[{host}]" if ":" in host else host
    if parts.port:
        netloc += f":{parts.port}"
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~")
    query = quote(parts.query, safe="/%:@!$&'()*+,;=~?")
    return SplitResult(parts.scheme.lower(), netloc, path, query, "")


def _check_status(url: str, parts: SplitResult, response: http.client.HTTPResponse) -> None:
    if 200 <= response.status < 300:
        return
    try:
        phrase = HTTPStatus(response.status).phrase
    except ValueError:
        phrase = response.reason or "unknown status"
    if response.status in _REDIRECTS:
        phrase += " with no Location to go to"
    raise FetchError(url, f"{response.status} {phrase} from {host_label(parts)}")


def _content_type(url: str, response: http.client.HTTPResponse) -> tuple[str | None, str | None]:
    headers = response.headers
    if headers.get("Content-Type") is None:
        return None, None
    ctype = headers.get_content_type()
    if ctype not in PAGE_TYPES:
        raise FetchError(url, f"it is {ctype}, not a web page or text")
    return ctype, headers.get_content_charset()
