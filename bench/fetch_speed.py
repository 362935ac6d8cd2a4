"""Fetching and saving many pages from a local server, as `margin add` and
`margin fetch` will.

    .venv/bin/python bench/fetch_speed.py [--count 2000] [--latency 0.02] [--per-host 2]

A server on 127.0.0.1 answers every URL with a ~30 KB gzipped article after
``--latency`` seconds (a stand-in for a far-away site); the URLs are spread
over two host names (127.0.0.1 and localhost), so the per-host limit bounds
the concurrency at 2 x per-host. Prints pages per second for fetch_many
alone, for save_page alone, and the peak number of requests one host had
under way (it must not pass --per-host). Nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import threading
import time
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from margin.fetching import Fetched, fetch_many, save_page  # noqa: E402

PARAGRAPH = (
    "<p>The committee met on Tuesday to weigh the proposal, and its members "
    "spoke at length about the costs, the schedule and the people it would "
    "touch. Nothing was decided, but the chair promised a vote next month.</p>\n"
)


def article(number: int) -> bytes:
    body = PARAGRAPH * 120
    page = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>Article {number}</title>"
        f"</head><body><article><h1>Article {number}</h1>{body}</article></body></html>"
    )
    return gzip.compress(page.encode())


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, latency: float) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.latency = latency
        self.busy: dict[str, int] = defaultdict(int)
        self.most: dict[str, int] = defaultdict(int)
        self.lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    server: Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        host = self.headers.get("Host", "").rsplit(":", 1)[0]
        with self.server.lock:
            self.server.busy[host] += 1
            self.server.most[host] = max(self.server.most[host], self.server.busy[host])
        time.sleep(self.server.latency)
        with self.server.lock:
            self.server.busy[host] -= 1
        body = article(int(self.path.rsplit("/", 1)[-1]))
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--per-host", type=int, default=2)
    parser.add_argument("--workers", type=int, default=8)
    args = parser.parse_args()

    server = Server(args.latency)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    hosts = ("127.0.0.1", "localhost")
    urls = [f"http://{hosts[n % 2]}:{port}/article/{n}" for n in range(args.count)]

    started = time.perf_counter()
    results = fetch_many(urls, per_host=args.per_host, workers=args.workers, timeout=10.0)
    fetched = [r for r in results if isinstance(r, Fetched)]
    fetch_s = time.perf_counter() - started

    with tempfile.TemporaryDirectory() as inbox:
        started = time.perf_counter()
        for page in fetched:
            save_page(page, inbox)
        save_s = time.perf_counter() - started
    server.shutdown()

    failed = len(results) - len(fetched)
    print(
        f"urls                 {args.count} over {len(hosts)} hosts, {args.latency * 1000:.0f} ms latency"
    )
    print(
        f"fetch_many           {len(fetched) / fetch_s:8.1f} pages/s ({fetch_s:.2f} s, {failed} failed)"
    )
    print(f"save_page            {len(fetched) / save_s:8.1f} pages/s ({save_s:.2f} s)")
    print(f"most at once a host  {max(server.most.values())} (limit {args.per_host})")


if __name__ == "__main__":
    main()
