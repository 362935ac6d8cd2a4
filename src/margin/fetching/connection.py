"""One connection over ``http.client``: opened within the time budget, watched
by a thread that shuts the socket at the deadline or on a cancel (so a server
dripping its headers a byte at a time cannot hold a fetch), and every socket
failure turned into a sentence."""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.request
from urllib.parse import SplitResult, urlsplit

from margin import __version__
from margin.fetching.outcome import FetchError, host_label

USER_AGENT = f"margin/{__version__} (a terminal reader for saved articles, fetching a page its user asked for)"
_WATCH_TICK = 0.05


class Clock:
    """The fetch's time budget and its way to be cancelled."""

    def __init__(
        self, url: str, timeout: float, deadline: float, cancel: threading.Event | None
    ) -> None:
        self.url = url
        self.timeout = timeout
        self.deadline = deadline
        self.ends = time.monotonic() + deadline
        self.cancel = cancel

    def left(self) -> float:
        return self.ends - time.monotonic()

    def stopped(self) -> bool:
        return self.left() <= 0 or bool(self.cancel and self.cancel.is_set())

    def wait_limit(self) -> float:
        """The socket timeout for the next operation; raises once time is up."""
        self.check()
        return max(0.01, min(self.timeout, self.left()))

    def check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise FetchError(self.url, "cancelled")
        if self.left() <= 0:
            raise FetchError(
                self.url, f"the fetch took longer than {self.deadline:g} s and was stopped"
            )


class Exchange:
    """One connection and its response, with a watchdog that shuts the socket
    when the deadline passes or the fetch is cancelled: a blocked read then
    returns at once, whatever the server is doing."""

    def __init__(self, conn: http.client.HTTPConnection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock
        self.response: http.client.HTTPResponse | None = None
        # Held here: the connection lets go of its socket once it hands a
        # "Connection: close" response over, and the body is read after that.
        self.sock: socket.socket | None = None
        self._done = threading.Event()

    def __enter__(self) -> Exchange:
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self.response is not None:
            self.response.close()
        self.conn.close()
        if self.sock is not None:
            self.sock.close()

    def set_timeout(self) -> None:
        if self.sock is not None:
            self.sock.settimeout(self.clock.wait_limit())

    def start_watch(self) -> None:
        self.sock = self.conn.sock
        threading.Thread(target=self._watchdog, daemon=True).start()

    def _watchdog(self) -> None:
        while not self._done.wait(_WATCH_TICK):
            if self.clock.stopped():
                if self.sock is not None:
                    with contextlib.suppress(OSError):
                        self.sock.shutdown(socket.SHUT_RDWR)
                return


def _proxy_for(parts: SplitResult) -> SplitResult | None:
    """The proxy the environment names for this URL (http_proxy, https_proxy,
    no_proxy), as people behind one expect every client to honour."""
    proxies = urllib.request.getproxies_environment()
    proxy = proxies.get(parts.scheme.lower())
    bypass = urllib.request.proxy_bypass_environment  # type: ignore[attr-defined]  # not in typeshed
    if not proxy or bypass(parts.hostname or "", proxies):
        return None
    proxy_parts = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
    return proxy_parts if proxy_parts.hostname else None


def _connection(parts: SplitResult, timeout: float) -> tuple[http.client.HTTPConnection, str]:
    """A connection (not yet open) and the request target to send on it."""
    https = parts.scheme.lower() == "https"
    path = parts.path or "/"
    target = f"{path}?{parts.query}" if parts.query else path
    proxy = _proxy_for(parts)
    host, port = parts.hostname or "", parts.port
    if proxy is not None:
        conn_host, conn_port = proxy.hostname or "", proxy.port
    else:
        conn_host, conn_port = host, port
    conn: http.client.HTTPConnection
    if https:
        conn = http.client.HTTPSConnection(
            conn_host, conn_port, timeout=timeout, context=ssl.create_default_context()
        )
        if proxy is not None:
            conn.set_tunnel(host, port)
    else:
        conn = http.client.HTTPConnection(conn_host, conn_port, timeout=timeout)
        if proxy is not None:
            target = parts._replace(fragment="").geturl()
    return conn, target


def open_exchange(parts: SplitResult, clock: Clock) -> tuple[Exchange, http.client.HTTPResponse]:
    """A connection that has sent its request and read the response's head;
    the caller closes the exchange (``with``)."""
    conn, target = _connection(parts, clock.wait_limit())
    exchange = Exchange(conn, clock)
    try:
        _connect(conn, parts, clock)
        exchange.start_watch()
        _send(conn, target, parts, clock)
        response = exchange.response = _response(conn, parts, clock)
    except BaseException:
        exchange.__exit__(None, None, None)
        raise
    return exchange, response


def _connect(conn: http.client.HTTPConnection, parts: SplitResult, clock: Clock) -> None:
    host = host_label(parts)
    try:
        conn.connect()
    except socket.gaierror:
        raise FetchError(clock.url, f"cannot find host {parts.hostname}") from None
    except ConnectionRefusedError:
        raise FetchError(clock.url, f"{host} refused the connection") from None
    except TimeoutError:
        clock.check()
        raise FetchError(
            clock.url, f"{host} did not answer within {conn.timeout or clock.timeout:g} s"
        ) from None
    except ssl.SSLCertVerificationError as exc:
        why = exc.verify_message or "verification failed"
        raise FetchError(clock.url, f"the certificate of {host} is not valid: {why}") from None
    except ssl.SSLError as exc:
        raise FetchError(clock.url, f"no secure connection to {host}: {exc.reason}") from None
    except OSError as exc:
        raise FetchError(clock.url, f"cannot connect to {host}: {exc.strerror or exc}") from None


def _send(conn: http.client.HTTPConnection, target: str, parts: SplitResult, clock: Clock) -> None:
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1",
        "Accept-Encoding": "gzip, deflate",
        "Connection": "close",
    }
    try:
        conn.request("GET", target, headers=headers)
    except OSError as exc:
        raise lost(exc, parts, clock) from None


def _response(
    conn: http.client.HTTPConnection, parts: SplitResult, clock: Clock
) -> http.client.HTTPResponse:
    try:
        return conn.getresponse()
    except (OSError, http.client.HTTPException) as exc:
        raise lost(exc, parts, clock) from None


def lost(exc: BaseException, parts: SplitResult, clock: Clock) -> FetchError:
    """Why a connection that was open gave no (more) bytes."""
    clock.check()  # the deadline or a cancel shut the socket
    host = host_label(parts)
    if isinstance(exc, TimeoutError):
        return FetchError(clock.url, f"{host} sent nothing for {clock.timeout:g} s")
    if isinstance(exc, http.client.IncompleteRead):
        return FetchError(clock.url, f"{host} closed the connection before the page was complete")
    if isinstance(exc, http.client.RemoteDisconnected | ConnectionError):
        return FetchError(clock.url, f"{host} closed the connection without an answer")
    if isinstance(exc, http.client.HTTPException):
        return FetchError(clock.url, f"{host} sent a malformed answer")
    return FetchError(clock.url, f"the connection to {host} failed: {exc}")
