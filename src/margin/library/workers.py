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
from typing import Any

from margin.errors import too_large
from margin.library.records import Record, record_from_article, text_hash
from margin.model import Article

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
    from margin.config import current as current_config
    from margin.entities import add_entities
    from margin.errors import IngestError
    from margin.ingest.pipeline import extract_bytes
    from margin.sanitize import clean_message

    out = Outcome(job.path, job.size, job.mtime_ns)
    t0 = time.process_time()
    t1: float | None = None
    t2: float | None = None
    try:
        max_bytes = current_config().max_bytes
        data = _read(job.path, max_bytes)
        out.content_hash = hashlib.sha256(data).hexdigest()
        t1 = time.process_time()
        article = extract_bytes(
            data,
            source=job.path,
            suffix=os.path.splitext(job.path)[1].lower(),
            max_bytes=max_bytes,
            timeout=soft_timeout,
        )
        t2 = time.process_time()
        add_entities(article)
        st = os.stat(job.path)
    except _Unreadable as exc:
        out.reason = str(exc)
        return out
    except IngestError as exc:
        out.reason = clean_message(exc.reason)
        return out
    except FileNotFoundError:
        out.reason = "the file vanished while being read"
        out.retry = True
        return out
    except PermissionError:
        out.reason = "permission denied"
        return out
    except OSError as exc:
        out.reason = clean_message(exc.strerror or str(exc))
        return out
    except RecursionError:
        out.reason = "the page is nested too deeply"
        return out
    except MemoryError:
        out.reason = "the page is too large to read"
        return out
    except Exception as exc:  # one bad file never stops the scan
        out.reason = clean_message(f"unexpected error: {type(exc).__name__}: {exc}")
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


def extract_for_index(job: Job, soft_timeout: float | None = None) -> Outcome:
    """:func:`extract_one`, with the article turned into the :class:`Record`
    the index stores (what the scan's workers send back)."""
    out = extract_one(job, soft_timeout)
    if out.article is not None:
        out.record = record_from_article(out.article)
        out.article = None
    return out


Extract = Callable[[Job, "float | None"], Outcome]


def _worker_main(conn: Connection, soft_timeout: float | None, extract: Extract) -> None:
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
        parent, child = ctx.Pipe(duplex=True)
        self.conn: Connection = parent
        self.process = ctx.Process(
            target=_worker_main, args=(child, soft_timeout, extract), daemon=True
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

    def feed(w: _Worker) -> None:
        while len(w.jobs) < PIPELINE_DEPTH and queue:
            w.give(queue.popleft(), timeout)

    try:
        while True:
            if cancelled is not None and cancelled():
                return  # busy workers are killed below
            for w in workers:
                feed(w)
            busy = [w for w in workers if w.jobs]
            if not busy:
                return
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            # Wake now and then to notice a cancel request.
            wait_for = max(0.0, min(wait_for, 0.25))
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for))
            dead: list[_Worker] = []
            for w in busy:
                failure: str | None = None
                if w.conn in ready:
                    try:
                        while w.jobs:
                            outcome = w.conn.recv()
                            w.jobs.popleft()
                            # The next job in its pipe starts now.
                            w.deadline = time.monotonic() + timeout
                            feed(w)  # before on_result, which may take a while
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
                    continue
                # The file being read is the first in flight; the others
                # were never started and go back to the queue.
                w.kill()
                dead.append(w)
                head = w.jobs.popleft() if w.jobs else None
                queue.extendleft(reversed(w.jobs))
                w.jobs.clear()
                if head is not None:
                    on_result(_failed(head, failure))
            for w in dead:
                workers.remove(w)
                if queue:
                    workers.append(_Worker(ctx, soft, extract))
    finally:
        for w in workers:
            if w.jobs:
                w.kill()
            else:
                w.stop()
