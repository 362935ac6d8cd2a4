"""A fetched page -> a file in margin's inbox that says where it came from.

The file is UTF-8 HTML whatever the page was sent as: it is decoded once,
here, with the header charset, the page's own declaration or detection
(:func:`margin.ingest.decode.decode`, which checks each claim against the
bytes), its charset declarations are rewritten to ``utf-8`` and a
``<meta charset="utf-8">`` leads its head. Keeping the original bytes would
leave the header charset, the one clue a server may give that the page does
not, outside the file, to be guessed again at every read.

Where it came from is written the way browsers mark a saved page, the "Mark
of the Web" as the first line, ``<!-- saved from url=(0023)https://a.example/ -->``,
which other tools recognise too, and the fetch time as
``<meta name="margin-fetched" content="2025-01-02T03:04:05Z">``.
:func:`saved_from` reads both back, from margin's files and from browsers'.
"""

from __future__ import annotations

import contextlib
import html
import os
import re
import tempfile
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from margin.fetching.outcome import Fetched
from margin.ingest.decode import decode
from margin.sanitize import clean_field

#: Bytes of a file name's stem (file systems allow 255; leave room for " 99.html").
MAX_NAME_BYTES = 150
_MOTW_RE = re.compile(r"<!--\s*saved from url=\(\s*\d{1,5}\)\s*(\S+?)\s*-->", re.I)
_FETCHED_RE = re.compile(
    r"""<meta\s+name\s*=\s*["']margin-fetched["']\s+content\s*=\s*["']([^"'<>]{1,64})["']""",
    re.I,
)
_TITLE_RE = re.compile(r"<title\b[^>]*>(.*?)</title\s*>", re.I | re.S)
_CHARSET_DECL_RE = re.compile(
    r"""(<meta\b[^>]{0,512}?charset\s*=\s*["']?\s*|<\?xml\b[^>]{0,200}?encoding\s*=\s*["'])"""
    r"""[a-zA-Z0-9_.:-]{1,40}""",
    re.I,
)
_HEAD_END_RE = re.compile(r"</head\s*>|<body\b", re.I)
_INSERT_AFTER = (
    re.compile(r"<head\b[^>]*>", re.I),
    re.compile(r"<html\b[^>]*>", re.I),
    re.compile(r"<!doctype\b[^>]*>", re.I),
)
_UNSAFE_NAME_RE = re.compile(r"""[\x00-\x1f\x7f-\x9f/\\:*?"<>|]+""")
_TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
_HEAD_CHARS = 65536


def save_page(fetched: Fetched, inbox_dir: str | os.PathLike[str]) -> Path:
    """Write ``fetched`` into ``inbox_dir`` as a new UTF-8 HTML file and return
    its path. The file appears whole or not at all (a temporary file renamed),
    and never replaces another."""
    text, _codec = decode(fetched.body, declared=fetched.charset)
    if fetched.content_type in _TEXT_TYPES:
        text = text_as_html(text)
    page = marked(text, fetched.url, fetched.fetched_at)
    folder = Path(inbox_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stem = file_stem(page_title(text), fetched.url)
    return _write_new(folder, stem, page.encode("utf-8"))


def saved_from(html_head: str) -> tuple[str, str | None] | None:
    """(URL, fetch time or None) from a saved page's first characters, or None
    when it carries no http(s) "saved from url" mark."""
    head = html_head[:_HEAD_CHARS]
    mark = _MOTW_RE.search(head[:4096])
    if mark is None:
        return None
    url = mark.group(1)
    if not url.lower().startswith(("http://", "https://")):
        return None  # browsers write about:internet for a page saved from disk
    fetched = _FETCHED_RE.search(head)
    return url, fetched.group(1) if fetched else None


def mark_of_the_web(url: str) -> str:
    """The first line browsers write in a saved page: the URL, with its length."""
    # Percent-encoding keeps spaces, "--" runs and ">" out of the comment.
    safe = quote(url, safe=":/?#[]@!$&'()*+,;=%~")
    return f"<!-- saved from url=({len(safe):04d}){safe} -->"


def marked(page: str, url: str, fetched_at: str) -> str:
    """``page`` with its origin recorded and every charset declaration made utf-8."""
    head_end = _HEAD_END_RE.search(page, 0, _HEAD_CHARS)
    cut = head_end.start() if head_end else min(len(page), _HEAD_CHARS)
    head = _CHARSET_DECL_RE.sub(lambda m: m.group(1) + "utf-8", page[:cut])
    ours = (
        '\n<meta charset="utf-8">\n'
        f'<meta name="margin-fetched" content="{html.escape(fetched_at)}">\n'
    )
    at = _insert_point(head)
    return f"{mark_of_the_web(url)}\n{head[:at]}{ours}{head[at:]}{page[cut:]}"


def _insert_point(head: str) -> int:
    for pattern in _INSERT_AFTER:
        found = pattern.search(head)
        if found:
            return found.end()
    return 0


def text_as_html(text: str) -> str:
    """A plain-text page as simple HTML: its first line the title, one
    paragraph per blank-line-separated run."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.replace("\r\n", "\n"))]
    paragraphs = [p for p in paragraphs if p]
    title = paragraphs[0].split("\n", 1)[0] if paragraphs else ""
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html>\n<html><head><title>{html.escape(title[:200])}</title></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def page_title(page: str) -> str | None:
    found = _TITLE_RE.search(page, 0, _HEAD_CHARS)
    return clean_field(html.unescape(found.group(1))) if found else None


def file_stem(title: str | None, url: str) -> str:
    """A readable file name without extension: the title (or the last part of
    the URL's path) and the host, with nothing a file system or a terminal
    would mind, at most :data:`MAX_NAME_BYTES` bytes."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    base = _safe_name(title or "") or _safe_name(_path_words(parts.path)) or "page"
    suffix = f" ({host})" if host else ""
    room = MAX_NAME_BYTES - len(suffix.encode("utf-8"))
    return _safe_name(_cut_bytes(base, room) + suffix) or "page"


def _path_words(path: str) -> str:
    last = unquote(path.rstrip("/").rsplit("/", 1)[-1])
    last = re.sub(r"\.(?:s?html?|php|aspx?|jsp)$", "", last, flags=re.I)
    return re.sub(r"[-_+]+", " ", last)


def _safe_name(name: str) -> str:
    name = _UNSAFE_NAME_RE.sub(" ", clean_field(name) or "")
    return " ".join(name.split()).strip(". ")


def _cut_bytes(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` UTF-8 bytes, cut at a word if one is near."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    cut = data[:limit].decode("utf-8", "ignore")
    word_end = cut.rfind(" ")
    return cut[:word_end] if word_end > len(cut) // 2 else cut


def _write_new(folder: Path, stem: str, data: bytes) -> Path:
    fd, temp = tempfile.mkstemp(dir=folder, prefix=".margin-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        return _claim_name(folder, stem, temp)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)


def _claim_name(folder: Path, stem: str, temp: str) -> Path:
    """Give the written file the first free name: a hard link fails rather
    than replace a file that is there, so two saves never clobber each other."""
    for number in range(1, 10_000):
        target = folder / (f"{stem}.html" if number == 1 else f"{stem} {number}.html")
        try:
            os.link(temp, target)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.replace(temp, target)  # a file system without hard links
        return target
    raise FileExistsError(f"no free file name for {stem}")
