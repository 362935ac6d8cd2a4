"""Exporting highlights and notes: Markdown (Obsidian) and W3C Web Annotation JSON.

Markdown: one file per article, a heading with the title, a metadata list,
then each highlight as a ``>`` quote followed by a stable block id
(``^hl-...``, on its own line as Obsidian wants for quotes) and its note.
The block id comes from the highlight's uid, so links made to it in a vault
survive later exports.

JSON: an ``AnnotationCollection`` whose items are ``Annotation`` objects with
a ``TextQuoteSelector`` and a ``TextPositionSelector`` (omitted when the
highlight is orphaned) and the note as a ``TextualBody``.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from margin.library import ArticleRow, Library
from margin.model import Highlight
from margin.sanitize import display_path

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

_UNSAFE_NAME_RE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f\x7f]+')


@dataclass(slots=True)
class ArticleNotes:
    path: str
    title: str
    row: ArticleRow | None
    url: str | None
    highlights: list[Highlight]


def collect(lib: Library) -> list[ArticleNotes]:
    """Highlights grouped by article, in article title order."""
    groups: dict[str, ArticleNotes] = {}
    rows = {r.path: r for r in lib.articles()}
    for h in lib.highlights():
        g = groups.get(h.article_path)
        if g is None:
            row = rows.get(h.article_path)
            url = None
            try:
                url = lib.load_article(h.article_path).url if row and row.status == "ok" else None
            except Exception:  # the file may be gone; export what is stored
                url = None
            g = groups[h.article_path] = ArticleNotes(
                h.article_path, h.title or os.path.basename(h.article_path), row, url, []
            )
        g.highlights.append(h)
    return sorted(groups.values(), key=lambda g: (g.title.casefold(), g.path))


def block_id(uid: str, fallback: int | None) -> str:
    return f"hl-{uid[:10]}" if uid else f"hl-{fallback}"


def _quote(text: str) -> str:
    lines = text.strip("\n").split("\n")
    return "\n".join(f"> {line}".rstrip() for line in lines)


def markdown_for(notes: ArticleNotes) -> str:
    out = [f"# {notes.title.replace(chr(10), ' ')}", ""]
    row = notes.row
    meta = []
    if row and row.byline:
        meta.append(f"- Author: {row.byline}")
    if row and row.site:
        meta.append(f"- Site: {row.site}")
    if notes.url:
        meta.append(f"- URL: <{notes.url}>")
    if row and row.published:
        meta.append(f"- Published: {row.published}")
    if row:
        meta.append(f"- Saved: {row.added[:10]}")
    meta.append(f"- File: `{display_path(notes.path).replace('`', '')}`")
    out += meta + [""]
    for h in notes.highlights:
        out.append(_quote(h.exact))
        out.append("")
        out.append("^" + block_id(h.uid, h.id))
        out.append("")
        if h.state == "orphaned":
            out.append("*(orphaned: this passage is no longer in the article's current text)*")
            out.append("")
        if h.note:
            out.append(h.note.strip())
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def file_name(title: str, taken: set[str]) -> str:
    base = _UNSAFE_NAME_RE.sub(" ", title).strip(" .") or "untitled"
    base = re.sub(r"\s+", " ", base)[:100].strip()
    name = f"{base}.md"
    n = 2
    while name.casefold() in taken:
        name = f"{base} ({n}).md"
        n += 1
    taken.add(name.casefold())
    return name


def to_markdown(lib: Library) -> list[tuple[str, str]]:
    """(file name, Markdown) for every article with highlights."""
    taken: set[str] = set()
    return [(file_name(g.title, taken), markdown_for(g)) for g in collect(lib)]


def annotation(h: Highlight, url: str | None) -> dict[str, Any]:
    uid = _dashed(h.uid)
    selectors: list[dict[str, Any]] = [
        {"type": "TextQuoteSelector", "exact": h.exact, "prefix": h.prefix, "suffix": h.suffix}
    ]
    if h.state == "anchored" and h.start is not None and h.end is not None:
        selectors.append({"type": "TextPositionSelector", "start": h.start, "end": h.end})
    target: dict[str, Any] = {
        "source": Path(h.article_path).as_uri(),
        "selector": selectors,
    }
    if url:
        target["scope"] = url
    item: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": f"urn:uuid:{uid}" if uid else f"urn:margin:highlight:{h.id}",
        "type": "Annotation",
        "motivation": "commenting" if h.note else "highlighting",
        "created": h.created,
        "target": target,
        "margin:title": h.title,
        "margin:state": h.state,
    }
    if h.note:
        item["body"] = {
            "type": "TextualBody",
            "value": h.note,
            "format": "text/plain",
            "purpose": "commenting",
        }
    return item


def to_json(lib: Library) -> dict[str, Any]:
    items = [annotation(h, g.url) for g in collect(lib) for h in g.highlights]
    return {
        "@context": ANNO_CONTEXT,
        "type": "AnnotationCollection",
        "label": "margin highlights and notes",
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def _dashed(uid: str) -> str:
    if len(uid) == 32:
        return f"{uid[:8]}-{uid[8:12]}-{uid[12:16]}-{uid[16:20]}-{uid[20:]}"
    return uid


def write(lib: Library, fmt: str, out: Path) -> list[Path]:
    """Write the export into folder ``out``; return the files written."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if fmt == "json":
        target = out / "margin-annotations.json"
        _atomic_write(target, json.dumps(to_json(lib), ensure_ascii=False, indent=2) + "\n")
        return [target]
    for name, text in to_markdown(lib):
        target = out / name
        _atomic_write(target, text)
        written.append(target)
    return written


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def render(lib: Library, fmt: str) -> str:
    """The whole export as one string (for printing)."""
    if fmt == "json":
        return json.dumps(to_json(lib), ensure_ascii=False, indent=2) + "\n"
    parts: Iterable[str] = (text for _, text in to_markdown(lib))
    return "\n".join(parts)
