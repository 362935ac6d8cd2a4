"""A real HTTP server on 127.0.0.1 for fetch tests: each route a small
function, plus a count of how many requests each host name has under way."""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    server: LocalWeb
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet test output

    def do_GET(self) -> None:
        # A proxied request names the whole URL; serve it by its path all the same.
        path = urlsplit(self.path).path
        self.server.seen.append((self.headers.get("Host", ""), self.path, dict(self.headers)))
        route = self.server.routes.get(path)
        if route is None:
            self.reply(404, b"no such page", "text/plain")
            return
        route(self)

    @contextmanager
    def counted(self) -> Iterator[None]:
        """Count this request as under way for its host name while inside."""
        with self.server.counting(self.headers.get("Host", "").rsplit(":", 1)[0]):
            yield

    def reply(
        self,
        status: int,
        body: bytes,
        ctype: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, status: int, location: str) -> None:
        self.reply(status, b"", None, {"Location": location})

    def stream(self, chunks: Iterator[bytes], ctype: str = "text/html") -> None:
        """A body with no Content-Length: ends when the connection closes."""
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Connection", "close")
        self.end_headers()
        self.send_all(chunks)

    def drip_head(self, chunks: Iterator[bytes]) -> None:
        """A status line, then a header that never ends."""
        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        self.send_all(chunks)

    def send_all(self, chunks: Iterator[bytes]) -> None:
        self.close_connection = True
        try:
            for chunk in chunks:
                self.wfile.write(chunk)
                self.wfile.flush()
        except OSError:
            # The client hung up, as it should past its limit.
            self.server.hung_up.add(urlsplit(self.path).path)


class LocalWeb(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.seen: list[tuple[str, str, dict[str, str]]] = []
        self.hung_up: set[str] = set()
        self.busy: dict[str, int] = defaultdict(int)
        self.most: dict[str, int] = defaultdict(int)
        self._lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client hanging up mid-reply is what several tests want

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    @contextmanager
    def counting(self, host: str) -> Iterator[None]:
        with self._lock:
            self.busy[host] += 1
            self.most[host] = max(self.most[host], self.busy[host])
        try:
            yield
        finally:
            with self._lock:
                self.busy[host] -= 1


@contextmanager
def local_web() -> Iterator[LocalWeb]:
    server = LocalWeb()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def drip(byte: bytes, every: float, seconds: float) -> Iterator[bytes]:
    """One byte at a time, for at most ``seconds`` (the server stops by itself)."""
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        yield byte
        time.sleep(every)


def wait_until(condition: Callable[[], bool], seconds: float = 10.0) -> bool:
    """Poll ``condition`` until it holds (True) or ``seconds`` pass (False)."""
    ends = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > ends:
            return False
        time.sleep(0.02)
    return True
