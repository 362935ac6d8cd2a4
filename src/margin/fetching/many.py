"""Many URLs at once: a few threads, at most ``per_host`` on any one site.

A worker never waits on a busy host while another host's URL is ready: it
takes the first URL in input order whose host has room. Results come back in
input order; a cancel stops the fetches under way at their next read and
marks the ones not started as cancelled.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from margin.fetching.client import DEFAULT_DEADLINE, DEFAULT_TIMEOUT, Fetched, FetchError, fetch

Result = Fetched | FetchError
#: Called once per finished URL: (number finished so far, total, its index, its result).
Progress = Callable[[int, int, int, Result], None]


def fetch_many(
    urls: Iterable[str],
    *,
    per_host: int = 2,
    workers: int = 8,
    progress: Progress | None = None,
    cancel: threading.Event | None = None,
    max_bytes: int | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
) -> list[Result]:
    """Fetch every URL; each result is a :class:`Fetched` or the :class:`FetchError`
    that stopped it. ``max_bytes``, ``timeout`` and ``deadline`` apply to each
    fetch as in :func:`fetch`. ``progress`` is called from the worker threads, one call at a time."""
    queue = _Queue(list(urls), per_host, cancel or threading.Event(), progress)

    def work() -> None:
        while (index := queue.take()) is not None:
            url = queue.urls[index]
            try:
                result: Result = fetch(
                    url,
                    max_bytes=max_bytes,
                    timeout=timeout,
                    deadline=deadline,
                    cancel=queue.cancel,
                )
            except FetchError as exc:
                result = exc
            queue.done(index, result)

    threads = [threading.Thread(target=work, daemon=True) for _ in range(max(1, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return queue.results()


def _host(url: str) -> str:
    try:
        return (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return ""


class _Queue:
    """The URLs not started yet, how many fetches each host has under way,
    and the results so far."""

    def __init__(
        self,
        urls: list[str],
        per_host: int,
        cancel: threading.Event,
        progress: Progress | None,
    ) -> None:
        self.urls = urls
        self.cancel = cancel
        self._per_host = max(1, per_host)
        self._progress = progress
        self._waiting = list(range(len(urls)))
        self._hosts = [_host(url) for url in urls]
        self._busy: dict[str, int] = {}
        self._results: list[Result | None] = [None] * len(urls)
        self._finished = 0
        self._lock = threading.Condition()
        self._report = threading.Lock()

    def take(self) -> int | None:
        """The next URL to fetch, waiting while every waiting one's host is
        full; None when there is nothing left (or a cancel)."""
        with self._lock:
            while self._waiting and not self.cancel.is_set():
                index = self._first_with_room()
                if index is not None:
                    self._waiting.remove(index)
                    host = self._hosts[index]
                    self._busy[host] = self._busy.get(host, 0) + 1
                    return index
                # A finished fetch or a cancel wakes us; the timeout only
                # rechecks the cancel, which does not notify.
                self._lock.wait(0.1)
            return None

    def _first_with_room(self) -> int | None:
        for index in self._waiting:
            if self._busy.get(self._hosts[index], 0) < self._per_host:
                return index
        return None

    def done(self, index: int, result: Result) -> None:
        with self._lock:
            host = self._hosts[index]
            self._busy[host] -= 1
            self._results[index] = result
            self._finished += 1
            finished = self._finished
            self._lock.notify_all()
        if self._progress is not None:
            with self._report:
                self._progress(finished, len(self.urls), index, result)

    def results(self) -> list[Result]:
        return [
            result if result is not None else FetchError(url, "cancelled")
            for url, result in zip(self.urls, self._results, strict=True)
        ]
