"""The ingest pipeline: read, sniff, decode, extract, sanitise, count."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import re
import signal
import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from margin import config
from margin.errors import IngestError, too_large
from margin.ingest.blocks import assemble, count_words, reading_minutes
from margin.ingest.decode import decode
from margin.ingest.mhtml import extract_mhtml_html, looks_like_mhtml
from margin.ingest.warc import looks_like_warc, warc_single_page
from margin.ingest.webarchive import looks_like_webarchive, webarchive_main
from margin.model import Article, Block, Metadata
from margin.sanitize import clean_field, clean_text, display_path

#: Bump when a change to extraction alters articles' text, so that library
#: folders are re-extracted at the next scan (highlights re-anchor then).
EXTRACTOR_VERSION = 2


_HTML_START_RE = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_HTML_TAGS_RE = re.compile(
    r"<(?:html|head|body|div|p|article|section|span|a\s|h[1-6]|table|ul|meta)\b", re.I
)
_MD_HINT_RE = re.compile(r"^(?:#{1,6}\s|```|\s*[-*+]\s|>\s)|\[[^\]]+\]\([^)]+\)", re.M)
_FRONT_MATTER_HINT_RE = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n[A-Za-z_][\w-]*\s*[:=]")
_BINARY_CHARS_RE = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\ufffd]")
_MD_EXTS = {".md", ".markdown", ".mdown", ".mkd"}
_TEXT_EXTS = {".txt", ".text"}


_BINARY_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])


class _Timeout(Exception):
    pass


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Bound the extraction's time. SIGALRM only works in the main thread;
    elsewhere (the app's workers) the caller runs us in a process it can stop."""
    if (
        not seconds
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def sniff_kind(text: str, suffix: str = "") -> str:
    """html, markdown or text, by content first and the file name second."""
    head = text[:4096]
    if _HTML_START_RE.match(head):
        return "html"
    if suffix in _MD_EXTS or _FRONT_MATTER_HINT_RE.match(head):
        return "markdown"
    if suffix not in _TEXT_EXTS and len(_HTML_TAGS_RE.findall(head)) >= 2:
        return "html"
    if suffix not in _TEXT_EXTS and len(_MD_HINT_RE.findall(head)) >= 3:
        return "markdown"
    return "text"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 with BOM has NULs
    # Text files may carry a stray control byte; binary data is full of them.
    controls = sum(sample.count(bytes([b])) for b in _BINARY_BYTES)
    return controls > 0.05 * len(sample)


def extract_file(
    path: str | os.PathLike[str],
    *,
    max_bytes: int = config.DEFAULT_MAX_BYTES,
    timeout: float | None = config.DEFAULT_EXTRACT_TIMEOUT,
    entities: bool = False,
) -> Article:
    """Read and extract one saved article. Raises :class:`IngestError`.

    Files over ``max_bytes`` are refused unread, and extraction is stopped
    after ``timeout`` seconds (None: no bound). Callers pass config.toml's
    ``max_file_mb`` and ``extract_timeout``; the defaults are that file's."""
    return extract_bytes(
        read_file(path, max_bytes),
        source=str(path),
        suffix=Path(path).suffix.lower(),
        max_bytes=max_bytes,
        timeout=timeout,
        entities=entities,
    )


def read_file(path: str | os.PathLike[str], max_bytes: int = config.DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of a saved page, refused unread above ``max_bytes``.
    Raises :class:`IngestError` with the reason a user can act on."""
    shown = display_path(path)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(shown, "not a regular file")
        if st.st_size > max_bytes:
            raise IngestError(shown, too_large(st.st_size, max_bytes))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except IngestError:
        raise
    except FileNotFoundError:
        raise IngestError(shown, "no such file") from None
    except IsADirectoryError:
        raise IngestError(shown, "it is a folder, not a file") from None
    except PermissionError:
        raise IngestError(shown, "permission denied") from None
    except OSError as exc:
        raise IngestError(shown, exc.strerror or "the file cannot be read") from None
    if len(data) > max_bytes:
        raise IngestError(shown, too_large(None, max_bytes))
    return data


def extract_bytes(
    data: bytes,
    *,
    source: str,
    suffix: str = "",
    max_bytes: int = config.DEFAULT_MAX_BYTES,
    timeout: float | None = config.DEFAULT_EXTRACT_TIMEOUT,
    entities: bool = False,
) -> Article:
    """Extract one saved article from its bytes (see :func:`extract_file`;
    ``max_bytes`` bounds what a WARC file's pages unpack to)."""
    shown = display_path(source)
    if not data.strip():
        raise IngestError(shown, "the file is empty")
    # Web archives and gzipped WARCs are binary containers of a text page.
    if _looks_binary(data) and not (looks_like_webarchive(data) or looks_like_warc(data)):
        raise IngestError(shown, "not a saved page (binary data)")
    try:
        with _time_limit(timeout):
            article = _extract(data, source, suffix, max_bytes)
            if entities:
                from margin.entities import add_entities

                add_entities(article)
    except _Timeout:
        raise IngestError(
            shown, f"extraction took longer than {timeout:g} s and was stopped"
        ) from None
    except RecursionError:
        raise IngestError(shown, "the page is nested too deeply to read") from None
    except MemoryError:
        raise IngestError(shown, "the page is too large to read in memory") from None
    except ValueError as exc:
        raise IngestError(shown, str(exc) or "no article found") from None
    if not article.text.strip():
        raise IngestError(shown, "no article text found")
    return article


def _extract(data: bytes, source: str, suffix: str, max_bytes: int) -> Article:
    kind, text, url = decoded(data, suffix, max_bytes)
    meta, blocks = _extract_kind(kind, text)
    meta.url = url or meta.url  # the container's own (MHTML, web archive, WARC) first
    fields = {f.name: getattr(meta, f.name) for f in dataclasses.fields(Metadata)}
    return finish(Article(source=source, kind=kind, **fields), blocks)


def decoded(data: bytes, suffix: str, max_bytes: int) -> tuple[str, str, str | None]:
    """(kind, the page as text, the container's URL): the page unpacked from
    its container (MHTML, web archive, WARC), decoded and its kind sniffed."""
    kind = ""
    declared = None
    url = None
    if looks_like_mhtml(data):
        kind = "mhtml"
        data, declared, url = extract_mhtml_html(data)
    elif looks_like_webarchive(data):
        kind = "webarchive"
        data, declared, url = webarchive_main(data)
    elif looks_like_warc(data):
        kind = "warc"
        data, declared, url = warc_single_page(data, max_bytes=max_bytes)
    text, _codec = decode(data, declared=declared)
    if len(_BINARY_CHARS_RE.findall(text[:8192])) > 0.05 * min(len(text), 8192):
        raise ValueError("not a saved page (binary data or an unknown encoding)")
    return kind or sniff_kind(text, suffix), text, url


def _extract_kind(kind: str, text: str) -> tuple[Metadata, list[Block]]:
    if kind in ("html", "mhtml", "webarchive", "warc"):
        from margin.ingest.html import extract_html

        return extract_html(text, raw_head=text[:4096])
    if kind == "markdown":
        from margin.ingest.markdown import extract_markdown

        return extract_markdown(text)
    from margin.ingest.text import extract_text

    return extract_text(text)


def finish(article: Article, blocks: list[Block]) -> Article:
    """Sanitise every field, join the blocks, count the words."""
    for block in blocks:
        block.text = clean_text(block.text)
        for link in block.links:
            link.url = clean_field(link.url) or ""
    article.text, article.blocks = assemble(blocks)
    article.title = clean_field(article.title) or ""
    article.dek = clean_field(article.dek)
    article.byline = clean_field(article.byline)
    article.site = clean_field(article.site)
    article.published = clean_field(article.published)
    article.lang = clean_field(article.lang)
    url = clean_field(article.url)
    article.url = url if url and url.lower().startswith(("http://", "https://")) else None
    article.word_count = count_words(article.text)
    article.reading_minutes = reading_minutes(article.word_count)
    return article
