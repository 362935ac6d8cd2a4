"""Extraction in worker processes, each file under a hard time limit.

``concurrent.futures`` cannot stop a task that hangs, so this is a small
pool of our own: one pipe per worker, the parent keeps two files in each
worker's pipe (so a worker never waits while the parent writes to the
database) and waits on the pipes and the process sentinels together. A
worker that overruns its deadline is killed and replaced and its file
recorded as failed with the reason; a worker that dies (a crash in a C
extension, the OOM killer) costs only the file it was reading: the file
queued behind it goes to the replacement.

Each worker reads a file once, hashes those bytes, extracts them, finds the
entities, and sends back a :class:`~margin.library.records.Record`: plain
strings, ready to write.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import stat
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import TYPE_CHECKING, Any

from margin.config import DEFAULT_MAX_BYTES
from margin.errors import too_large
from margin.library.records import Record, record_from_article, text_hash
from margin.model import Article

if TYPE_CHECKING:
    from margin.entities import EntitySettings

__all__ = [
    "Job",
    "Outcome",
    "extract_for_index",
    "extract_one",
    "run_jobs",
    "text_hash",
]


@dataclass(slots=True)
class Job:
    path: str
    size: int
    mtime_ns: int
    #: A larger file is not read (config.toml's max_file_mb, passed in by
    #: the CLI and the app through the Library).
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(slots=True)
class Outcome:
    path: str
    size: int
    mtime_ns: int
    article: Article | None = None
    content_hash: str | None = None
    reason: str | None = None  # set when the file failed
    retry: bool = False  # changed while read: do not remember size/mtime
    #: The article prepared for the index (set instead of ``article`` by the
    #: scan's workers; see records.py).
    record: Record | None = None
    #: CPU seconds the worker spent reading+hashing, extracting, recognising.
    cpu: tuple[float, float, float] = (0.0, 0.0, 0.0)


def _read(path: str, limit: int) -> bytes:
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        # Opening a FIFO would wait for a writer forever.
        raise _Unreadable("not a regular file")
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise _Unreadable(too_large(None, limit))
    return data


class _Unreadable(Exception):
    pass


def extract_one(job: Job, soft_timeout: float | None = None) -> Outcome:
    """Read, hash and extract one file, and find its entities. The file is
    read once: the hash is of the very bytes that were extracted. Never
    raises for a bad file."""
    from margin.entities import add_entities
    from margin.ingest.pipeline import extract_bytes

    out = Outcome(job.path, job.size, job.mtime_ns)
    t0 = time.process_time()
    t1: float | None = None
    t2: float | None = None
    try:
        data = _read(job.path, job.max_bytes)
        out.content_hash = hashlib.sha256(data).hexdigest()
        t1 = time.process_time()
        article = extract_bytes(
            data,
            source=job.path,
            suffix=os.path.splitext(job.path)[1].lower(),
            max_bytes=job.max_bytes,
            timeout=soft_timeout,
        )
        t2 = time.process_time()
        add_entities(article)
        st = os.stat(job.path)
    except Exception as exc:  # one bad file never stops the scan
        out.reason, out.retry = _failure(exc)
        return out
    finally:
        t3 = time.process_time()
        t1 = t3 if t1 is None else t1
        t2 = t3 if t2 is None else t2
        out.cpu = (t1 - t0, t2 - t1, t3 - t2)
    if st.st_size != job.size or st.st_mtime_ns != job.mtime_ns:
        out.reason = "the file changed while being read; it will be read again next scan"
        out.retry = True
        return out
    out.article = article
    return out


def _failure(exc: Exception) -> tuple[str, bool]:
    """Why a file could not be read, one line, and whether to read it again
    at the next scan."""
    from margin.errors import IngestError
    from margin.sanitize import clean_message

    if isinstance(exc, _Unreadable):
        return str(exc), False
    if isinstance(exc, IngestError):
        return clean_message(exc.reason), False
    if isinstance(exc, FileNotFoundError):
        return "the file vanished while being read", True
    if isinstance(exc, PermissionError):
        return "permission denied", False
    if isinstance(exc, OSError):
        return clean_message(exc.strerror or str(exc)), False
    if isinstance(exc, RecursionError):
        return "the page is nested too deeply", False
    if isinstance(exc, MemoryError):
        return "the page is too large to read", False
    return clean_message(f"unexpected error: {type(exc).__name__}: {exc}"), False


def extract_for_index(job: Job, soft_timeout: float | None = None) -> Outcome:
    """:func:`extract_one`, with the article turned into the :class:`Record`
    the index stores (what the scan's workers send back)."""
    out = extract_one(job, soft_timeout)
    if out.article is not None:
        out.record = record_from_article(out.article)
        out.article = None
    return out


Extract = Callable[[Job, "float | None"], Outcome]


def _worker_main(
    conn: Connection, soft_timeout: float | None, extract: Extract, chosen: EntitySettings
) -> None:
    from margin.entities import configure

    configure(backend=chosen.backend, pipeline=chosen.pipeline)  # the parent's, from its edge
    # A worker must not die of a Ctrl-C aimed at the parent mid-file; the
    # parent decides when to stop it.
    with contextlib.suppress(Exception):
        import signal

        signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            conn.send(extract(job, soft_timeout))
        except Exception as exc:  # an unpicklable result
            conn.send(Outcome(job.path, job.size, job.mtime_ns, reason=f"unexpected error: {exc}"))


#: Jobs in flight per worker: the next file is already in the worker's pipe
#: when it finishes one, so it never waits for the parent (which may be
#: busy writing a batch to the database: a batch of 32 takes ~50 ms, the
#: work of four or five files).
PIPELINE_DEPTH = 6


def _context() -> Any:
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        # Workers start from a server that has imported the extractor and
        # loaded the entity lexicons once (see worker_preload).
        with contextlib.suppress(Exception):
            ctx.set_forkserver_preload(["margin.library.worker_preload"])
        return ctx
    return multiprocessing.get_context("spawn")


class _Worker:
    def __init__(self, ctx: Any, soft_timeout: float | None, extract: Extract) -> None:
        from margin.entities import settings

        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.process = ctx.Process(
            target=_worker_main, args=(child, soft_timeout, extract, settings()), daemon=True
        )
        self.process.start()
        child.close()
        self.jobs: deque[Job] = deque()  # in flight, in the order sent
        self.deadline = 0.0  # for jobs[0], the one being extracted

    def give(self, job: Job, timeout: float) -> None:
        if not self.jobs:
            self.deadline = time.monotonic() + timeout
        self.jobs.append(job)
        # A worker that just died cannot take it: the crash shows on its
        # pipe or sentinel, and this job, never started, is queued again.
        with contextlib.suppress(OSError):
            self.conn.send(job)

    def kill(self) -> None:
        with contextlib.suppress(Exception):
            self.process.kill()
        with contextlib.suppress(Exception):
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.send(None)
        self.process.join(2)
        if self.process.is_alive():
            self.kill()
        with contextlib.suppress(Exception):
            self.conn.close()


def _crashed(w: _Worker) -> str:
    w.process.join(5)  # its exit status comes through the forkserver
    return f"the extractor crashed (exit status {w.process.exitcode})"


def _failed(job: Job, reason: str) -> Outcome:
    return Outcome(job.path, job.size, job.mtime_ns, reason=reason)


def run_jobs(
    jobs: Iterable[Job],
    on_result: Callable[[Outcome], None],
    *,
    processes: int = 0,
    timeout: float,
    cancelled: Callable[[], bool] | None = None,
    extract: Extract = extract_for_index,
) -> None:
    """Extract every job in worker processes, calling ``on_result`` in this
    thread for each as it finishes (in no particular order). ``extract`` must
    be a module-level function (it is sent to the workers by name)."""
    queue = deque(jobs)
    if not queue:
        return
    processes = processes or os.cpu_count() or 1
    processes = max(1, min(processes, len(queue)))
    ctx = _context()
    soft = max(1.0, timeout * 0.8)
    workers: list[_Worker] = [_Worker(ctx, soft, extract) for _ in range(processes)]
    try:
        while cancelled is None or not cancelled():  # busy workers are killed below
            for w in workers:
                _feed(w, queue, timeout)
            busy = [w for w in workers if w.jobs]
            if not busy:
                return
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            # Wake now and then to notice a cancel request.
            wait_for = max(0.0, min(wait_for, 0.25))
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for))
            for w in busy:
                if _serve(w, ready, queue, on_result, timeout):
                    workers.remove(w)
                    if queue:
                        workers.append(_Worker(ctx, soft, extract))
    finally:
        for w in workers:
            if w.jobs:
                w.kill()
            else:
                w.stop()


def _feed(w: _Worker, queue: deque[Job], timeout: float) -> None:
    while len(w.jobs) < PIPELINE_DEPTH and queue:
        w.give(queue.popleft(), timeout)


def _serve(
    w: _Worker,
    ready: set[Any],
    queue: deque[Job],
    on_result: Callable[[Outcome], None],
    timeout: float,
) -> bool:
    """Pass on the results ``w`` has ready. True when it crashed or overran
    its deadline: it is killed, the file it was reading fails with the
    reason, and the files queued behind it go back to the queue."""
    failure: str | None = None
    if w.conn in ready:
        try:
            while w.jobs:
                outcome = w.conn.recv()
                w.jobs.popleft()
                # The next job in its pipe starts now.
                w.deadline = time.monotonic() + timeout
                _feed(w, queue, timeout)  # before on_result, which may take a while
                on_result(outcome)
                if not w.conn.poll():
                    break
        except (EOFError, OSError):
            failure = _crashed(w)
    elif w.process.sentinel in ready:
        failure = _crashed(w)
    elif time.monotonic() >= w.deadline:
        failure = f"extraction took longer than {timeout:g} s and was stopped"
    if failure is None:
        return False
    w.kill()
    head = w.jobs.popleft() if w.jobs else None
    queue.extendleft(reversed(w.jobs))
    w.jobs.clear()
    if head is not None:
        on_result(_failed(head, failure))
    return True
