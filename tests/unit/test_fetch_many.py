"""fetch_many against a real server: per-host limit, order, progress, cancel."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from local_web import Handler, LocalWeb, drip, local_web, wait_until

from margin.fetching import Fetched, FetchError, fetch_many

OPTIONS = {"max_bytes": 1024 * 1024, "timeout": 2.0, "deadline": 10.0}


# Requests to 127.0.0.1 go straight there, whatever proxy this machine names.
pytestmark = pytest.mark.usefixtures("no_proxy_env")


def _numbered(h: Handler) -> None:
    # Counted before the reply: once the client has its answer it may send
    # the next request, and this one must not be counted as under way then.
    with h.counted():
        time.sleep(0.15)  # long enough for requests to overlap
    number = h.path.rsplit("=", 1)[-1]
    h.reply(200, f"<html><body><p>page {number}</p></body></html>".encode())


def _endless(h: Handler) -> None:
    with h.counted():
        h.stream(drip(b"<p>", 0.05, 5))


@pytest.fixture(scope="module")
def web() -> Iterator[LocalWeb]:
    with local_web() as server:
        server.routes["/n"] = _numbered
        server.routes["/endless"] = _endless
        yield server


def test_each_host_gets_at_most_per_host_requests_at_once(web: LocalWeb) -> None:
    urls = [web.url(f"/n?i={i}", host) for i in range(6) for host in ("127.0.0.1", "localhost")]
    results = fetch_many(urls, per_host=2, workers=8, **OPTIONS)  # type: ignore[arg-type]
    assert all(isinstance(r, Fetched) for r in results)
    # Exactly 2: both hosts were fetched in parallel, and never more than the limit.
    assert (web.most["127.0.0.1"], web.most["localhost"]) == (2, 2)


def test_results_come_in_input_order_with_errors_in_their_place(web: LocalWeb) -> None:
    urls = [web.url(f"/n?i={i}") for i in range(5)]
    urls[1] = "file:///etc/passwd"
    urls[3] = web.url("/missing")
    results = fetch_many(urls, per_host=3, workers=4, **OPTIONS)  # type: ignore[arg-type]
    for index, result in enumerate(results):
        if index in (1, 3):
            assert isinstance(result, FetchError)
        else:
            assert isinstance(result, Fetched)
            assert f"page {index}".encode() in result.body
    assert isinstance(results[3], FetchError) and results[3].reason.startswith("404")


def test_progress_is_called_once_per_url(web: LocalWeb) -> None:
    calls: list[tuple[int, int, int]] = []
    urls = [web.url(f"/n?i={i}") for i in range(4)]

    def progress(done: int, total: int, index: int, result: Fetched | FetchError) -> None:
        calls.append((done, total, index))

    fetch_many(urls, progress=progress, **OPTIONS)  # type: ignore[arg-type]
    assert [c[0] for c in calls] == [1, 2, 3, 4]
    assert {c[1] for c in calls} == {4}
    assert sorted(c[2] for c in calls) == [0, 1, 2, 3]


def test_a_cancel_stops_fetches_under_way_and_those_not_started(web: LocalWeb) -> None:
    cancel = threading.Event()
    urls = [web.url(f"/endless?i={i}") for i in range(4)]
    results: list[Fetched | FetchError] = []
    runner = threading.Thread(
        target=lambda: results.extend(
            fetch_many(urls, per_host=2, workers=2, cancel=cancel, **OPTIONS)  # type: ignore[arg-type]
        )
    )
    runner.start()
    assert wait_until(lambda: web.busy["127.0.0.1"] >= 2)  # both under way
    cancel.set()
    runner.join(timeout=10)
    assert not runner.is_alive()
    assert [r.reason for r in results if isinstance(r, FetchError)] == ["cancelled"] * 4
    # The two under way hung up while the server was still sending.
    assert wait_until(lambda: "/endless" in web.hung_up)
