"""A response body read within bounds: a read timeout, the deadline, and at
most ``limit`` bytes after Content-Encoding is undone."""

from __future__ import annotations

import http.client
import zlib
from urllib.parse import SplitResult

from margin.errors import too_large
from margin.fetching.connection import Exchange, lost
from margin.fetching.outcome import FetchError

_CHUNK = 64 * 1024


def read_body(
    parts: SplitResult, response: http.client.HTTPResponse, exchange: Exchange, limit: int
) -> bytes:
    """The decoded body; raises :class:`FetchError` past ``limit`` bytes."""
    url = exchange.clock.url
    declared = response.getheader("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        # With gzip this is the compressed size: larger still once decoded.
        raise FetchError(url, too_large(int(declared), limit))
    decoder = _Decoder(url, response.getheader("Content-Encoding", ""), limit)
    while True:
        exchange.set_timeout()
        try:
            chunk = response.read1(_CHUNK)
        except (OSError, http.client.HTTPException) as exc:
            raise lost(exc, parts, exchange.clock) from None
        if not chunk:
            exchange.clock.check()  # a shut socket reads as the end
            return decoder.finish()
        decoder.feed(chunk)


class _Decoder:
    """Content-Encoding undone on the fly, never holding more than ``limit``
    decoded bytes (zlib's ``max_length`` stops a bomb mid-chunk)."""

    def __init__(self, url: str, encoding: str, limit: int) -> None:
        self.url = url
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        coding = encoding.strip().lower()
        if coding in ("gzip", "x-gzip"):
            self.inflater: zlib._Decompress | None = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif coding == "deflate":
            self.inflater = zlib.decompressobj()
        elif coding in ("", "identity"):
            self.inflater = None
        else:
            raise FetchError(url, f"the page is encoded as {coding}, which margin cannot read")
        self._raw_fallback = coding == "deflate"

    def feed(self, chunk: bytes) -> None:
        if self.inflater is not None:
            chunk = self._inflate(chunk)
        self._keep(chunk)

    def _inflate(self, chunk: bytes) -> bytes:
        assert self.inflater is not None
        room = self.limit - self.size + 1
        try:
            return self.inflater.decompress(chunk, room)
        except zlib.error:
            if not (self._raw_fallback and self.size == 0):
                raise FetchError(self.url, "the compressed page is damaged") from None
        # "deflate" is meant as zlib-wrapped, but some servers send it raw.
        self._raw_fallback = False
        self.inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        return self._inflate(chunk)

    def _keep(self, data: bytes) -> None:
        self.size += len(data)
        if self.size > self.limit:
            raise FetchError(self.url, too_large(None, self.limit))
        self.parts.append(data)

    def finish(self) -> bytes:
        return b"".join(self.parts)
