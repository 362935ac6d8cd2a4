"""Extraction in worker processes, each file under a hard time limit.

``concurrent.futures`` cannot stop a task that hangs, so this is a small
pool of our own: one pipe per worker, the parent hands out one file at a time
and waits on the pipes and the process sentinels together. A worker that
overruns its deadline is killed and replaced and its file recorded as failed
with the reason; a worker that dies (a crash in a C extension, the OOM
killer) costs only the file it was reading.
"""

from __future__ import annotations

import contextlib
import hashlib
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any

from margin.model import Article

#: Hard limit for one file, in seconds (the extractor gets a softer one).
EXTRACT_TIMEOUT = 30.0


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


def file_hash(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def add_entities(article: Article) -> None:
    """Fill ``article.entities`` when the extractor did not."""
    if article.entities or not article.text:
        return
    try:
        from margin.entities import recognise  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return
    try:
        article.entities = list(recognise(article.text, lang=article.lang or "en"))
    except Exception:  # entities are a bonus; the article still indexes
        article.entities = []


def extract_one(job: Job, soft_timeout: float | None = None) -> Outcome:
    """Hash and extract one file. Never raises for a bad file."""
    from margin.errors import IngestError
    from margin.ingest import extract_file
    from margin.ingest.sanitize import clean_message

    out = Outcome(job.path, job.size, job.mtime_ns)
    try:
        out.content_hash = file_hash(job.path)
        article = extract_file(job.path, timeout=soft_timeout)
        add_entities(article)
        st = os.stat(job.path)
    except IngestError as exc:
        out.reason = clean_message(exc.reason)
        return out
    except FileNotFoundError:
        out.reason = "the file vanished while being read"
        out.retry = True
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
    if st.st_size != job.size or st.st_mtime_ns != job.mtime_ns:
        out.reason = "the file changed while being read; it will be read again next scan"
        out.retry = True
        return out
    out.article = article
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


def _context() -> Any:
    if sys.platform.startswith("linux"):
        ctx = multiprocessing.get_context("forkserver")
        # Workers start from a server that has imported the extractor once.
        with contextlib.suppress(Exception):
            ctx.set_forkserver_preload(["margin.ingest", "margin.library.workers"])
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
        self.job: Job | None = None
        self.deadline = 0.0

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


def run_jobs(
    jobs: Iterable[Job],
    on_result: Callable[[Outcome], None],
    *,
    processes: int = 0,
    timeout: float = EXTRACT_TIMEOUT,
    cancelled: Callable[[], bool] | None = None,
    extract: Extract = extract_one,
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
        while True:
            if cancelled is not None and cancelled():
                return  # busy workers are killed below
            for w in workers:
                if w.job is None and queue:
                    next_job = queue.popleft()
                    w.job = next_job
                    w.deadline = time.monotonic() + timeout
                    w.conn.send(next_job)
            busy = [w for w in workers if w.job is not None]
            if not busy:
                return
            wait_for = min(w.deadline for w in busy) - time.monotonic()
            # Wake now and then to notice a cancel request.
            wait_for = max(0.0, min(wait_for, 0.25))
            ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for))
            now = time.monotonic()
            dead: list[_Worker] = []
            for w in workers:
                job = w.job
                if job is None:
                    continue
                outcome: Outcome | None = None
                replace = False
                if w.conn in ready:
                    try:
                        outcome = w.conn.recv()
                    except (EOFError, OSError):
                        code = w.process.exitcode
                        outcome = Outcome(
                            job.path,
                            job.size,
                            job.mtime_ns,
                            reason=f"the extractor crashed (exit status {code})",
                        )
                        replace = True
                elif w.process.sentinel in ready:
                    outcome = Outcome(
                        job.path,
                        job.size,
                        job.mtime_ns,
                        reason=f"the extractor crashed (exit status {w.process.exitcode})",
                    )
                    replace = True
                elif now >= w.deadline:
                    outcome = Outcome(
                        job.path,
                        job.size,
                        job.mtime_ns,
                        reason=f"extraction took longer than {timeout:g} s and was stopped",
                    )
                    replace = True
                if outcome is None:
                    continue
                w.job = None
                if replace:
                    w.kill()
                    dead.append(w)
                on_result(outcome)
            for w in dead:
                workers.remove(w)
                if queue:
                    workers.append(_Worker(ctx, soft, extract))
    finally:
        for w in workers:
            if w.job is not None:
                w.kill()
            else:
                w.stop()
