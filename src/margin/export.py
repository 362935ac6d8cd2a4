"""Exporting highlights and notes: Markdown (Obsidian) and W3C Web Annotation JSON.

Markdown: one file per article, YAML front matter (``title``, ``author``,
``site``, ``url``, ``published``, ``saved``, ``tags``, ``file``: Obsidian shows
them as properties), a heading with the title, then each highlight as a ``>``
quote followed by a stable block id (``^hl-...``, on its own line as Obsidian
wants for quotes) and its note. The block id comes from the highlight's uid,
so links made to it in a vault survive later exports.

JSON: an ``AnnotationCollection`` whose items are ``Annotation`` objects with
a ``TextQuoteSelector`` and a ``TextPositionSelector`` (omitted when the
highlight is orphaned) and the note as a ``TextualBody``. margin's own two
properties (``margin:title``, ``margin:state``) are compact IRIs under the
``margin`` prefix that the ``@context`` declares, so the document is valid
JSON-LD and a valid Web Annotation collection.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from margin.library import ArticleRow, Library
from margin.model import Highlight
from margin.sanitize import display_path

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
#: The Web Annotation context first (the model requires it), then margin's prefix.
CONTEXT: list[Any] = [ANNO_CONTEXT, {"margin": "urn:margin:"}]

_UNSAFE_NAME_RE = re.compile(r'[\\/:*?"<>|#^\[\]\x00-\x1f\x7f]+')


@dataclass(slots=True)
class ArticleNotes:
    path: str
    title: str
    row: ArticleRow | None
    url: str | None
    highlights: list[Highlight]
    tags: list[str] = field(default_factory=list)


def collect(lib: Library) -> list[ArticleNotes]:
    """Highlights grouped by article, in article title order; each
    article's address and tags as the library holds them."""
    groups: dict[int | None, ArticleNotes] = {}
    rows = {r.id: r for r in lib.articles()}
    for h in lib.highlights():
        g = groups.get(h.article_id)
        if g is None:
            row = rows.get(h.article_id or -1)
            g = groups[h.article_id] = ArticleNotes(
                h.article_path,
                h.title or os.path.basename(h.article_path),
                row,
                row.url if row else None,
                [],
                tags=row.tags if row else [],
            )
        g.highlights.append(h)
    return sorted(groups.values(), key=lambda g: (g.title.casefold(), g.path))


def block_id(uid: str, fallback: int | None) -> str:
    return f"hl-{uid[:10]}" if uid else f"hl-{fallback}"


def _quote(text: str) -> str:
    lines = text.strip("\n").split("\n")
    return "\n".join(f"> {line}".rstrip() for line in lines)


def yaml_string(value: str) -> str:
    """A YAML double-quoted scalar holding ``value`` exactly, whatever it
    holds (quotes, colons, '#', newlines, controls): JSON's escapes are valid
    YAML, and the characters YAML may not carry raw are escaped too."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNPRINTABLE_RE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


_YAML_UNPRINTABLE_RE = re.compile(r"[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _yaml_value(key: str, value: str) -> str:
    # A bare date is a date property in Obsidian; anything else a string
    # (a title that looks like a date included).
    if key in ("published", "saved") and _DATE_RE.fullmatch(value):
        return value
    return yaml_string(value)


def front_matter(notes: ArticleNotes) -> str:
    row = notes.row
    fields: list[tuple[str, str | None]] = [
        ("title", notes.title),
        ("author", row.byline if row else None),
        ("site", row.site if row else None),
        ("url", notes.url),
        ("published", row.published if row else None),
        ("saved", row.added[:10] if row else None),
    ]
    lines = ["---"]
    lines += [f"{key}: {_yaml_value(key, value)}" for key, value in fields if value]
    lines.append("tags: [" + ", ".join(yaml_string(t) for t in notes.tags) + "]")
    if notes.path:  # an article imported and not fetched yet has no file
        lines.append(f"file: {yaml_string(display_path(notes.path))}")
    lines.append("---")
    return "\n".join(lines)


def markdown_for(notes: ArticleNotes) -> str:
    out = [front_matter(notes), "", f"# {notes.title.replace(chr(10), ' ')}", ""]
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
    # An article not fetched yet has no file: its address is the source.
    source = Path(h.article_path).as_uri() if h.article_path else url
    target: dict[str, Any] = {
        "source": source or f"urn:margin:article:{h.article_id}",
        "selector": selectors,
    }
    if url and url != source:
        target["scope"] = url
    item: dict[str, Any] = {
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
        "@context": CONTEXT,
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
