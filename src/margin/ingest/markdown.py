"""Markdown -> metadata (front matter) and blocks (body kept, inline marks removed)."""

from __future__ import annotations

import re

from margin.ingest.blocks import InlineText, make_block
from margin.ingest.datelines import normalise_date
from margin.model import Block, BlockKind, Metadata

_FRONT_MATTER_RE = re.compile(
    r"\A(?:---|\+\+\+)[ \t]*\n(.*?)\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_SETEXT_RE = re.compile(r"^(=+|-+)\s*$")
_LIST_RE = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])\s+(.*)$")
_QUOTE_RE = re.compile(r"^\s{0,3}>\s?(.*)$")
_FENCE_RE = re.compile(r"^\s{0,3}(```+|~~~+)")
_TABLE_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_HR_RE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
# Inline: images, links, autolinks, emphasis, code.
_INLINE_RE = re.compile(
    r"!\[([^\]]*)\]\([^)]*\)"  # image -> alt text
    r"|\[([^\]]+)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)"  # link
    r"|<(https?://[^>\s]+)>"  # autolink
    r"|`([^`]+)`"  # code
)
_EMPHASIS_RE = re.compile(
    r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\3(?![\w*])"
)

FIELD_KEYS = {
    "title": ("title", "headline"),
    "dek": ("subtitle", "dek", "standfirst", "description", "summary", "excerpt"),
    "byline": ("author", "authors", "byline", "by", "creator"),
    "site": ("site", "site_name", "sitename", "publisher", "source_site"),
    "published": ("date", "published", "published_at", "pubdate", "created"),
    "lang": ("lang", "language"),
    "url": ("url", "source", "link", "canonical", "original_url", "source_url"),
}


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Simple YAML/TOML front matter: ``key: value`` lines and ``- item`` lists."""
    m = _FRONT_MATTER_RE.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    last_key = None
    for line in m.group(1).split("\n"):
        km = _KEY_RE.match(line)
        if km and not line.startswith((" ", "\t", "-")):
            last_key = km.group(1).lower()
            value = km.group(2).strip()
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
            fields[last_key] = _unquote(value)
        elif last_key and line.strip().startswith("- "):
            item = _unquote(line.strip()[2:])
            if ":" in item and last_key in FIELD_KEYS["byline"]:
                item = _unquote(item.split(":", 1)[1]) if item.lower().startswith("name") else item
            fields[last_key] = f"{fields[last_key]}, {item}" if fields.get(last_key) else item
    return fields, text[m.end() :]


def _inline(text: str, out: InlineText) -> None:
    pos = 0
    for m in _INLINE_RE.finditer(text):
        out.add(_strip_emphasis(text[pos : m.start()]))
        if m.group(1) is not None:
            out.add(m.group(1))
        elif m.group(2) is not None:
            url = m.group(3)
            out.add(
                _strip_emphasis(m.group(2)),
                url if url.lower().startswith(("http://", "https://")) else None,
            )
        elif m.group(4) is not None:
            out.add(m.group(4), m.group(4))
        else:
            out.add(m.group(5))
        pos = m.end()
    out.add(_strip_emphasis(text[pos:]))


def _strip_emphasis(text: str) -> str:
    return _EMPHASIS_RE.sub(lambda m: m.group(2) or m.group(4) or "", text)


def _block(kind: BlockKind, text: str, level: int = 0) -> Block:
    inline = InlineText()
    _inline(text, inline)
    body, links = inline.take()
    return make_block(kind, body, level, links)


def extract_markdown(text: str) -> tuple[Metadata, list[Block]]:
    """Metadata (from the front matter) and body blocks of a Markdown file;
    without a title there, a first heading is the title."""
    fields, body = parse_front_matter(text)
    blocks = _body_blocks(body)

    def field(name: str) -> str | None:
        return next((fields[k] for k in FIELD_KEYS[name] if fields.get(k)), None)

    meta = Metadata(
        title=field("title") or "",
        dek=field("dek"),
        byline=field("byline"),
        site=field("site"),
        published=normalise_date(field("published")),
        lang=field("lang"),
        url=field("url"),
    )
    if not meta.title and blocks and blocks[0].kind == "heading":
        meta.title = blocks.pop(0).text
    elif blocks and blocks[0].kind == "heading" and blocks[0].text.strip() == meta.title.strip():
        blocks.pop(0)
    return meta, blocks


def _body_blocks(body: str) -> list[Block]:
    lines = body.split("\n")
    blocks: list[Block] = []
    para: list[str] = []
    para_kind: BlockKind = "paragraph"

    def flush() -> None:
        nonlocal para, para_kind
        if para:
            blocks.append(_block(para_kind, " ".join(s.strip() for s in para)))
        para, para_kind = [], "paragraph"

    i = 0
    while i < len(lines):
        line = lines[i]
        fence = _FENCE_RE.match(line)
        if fence:
            flush()
            marker = fence.group(1)
            code: list[str] = []
            i += 1
            while i < len(lines) and not lines[i].strip().startswith(marker):
                code.append(lines[i])
                i += 1
            blocks.append(make_block("code", "\n".join(code)))
            i += 1
            continue
        if not line.strip():
            flush()
        elif m := _HEADING_RE.match(line):
            flush()
            blocks.append(_block("heading", m.group(2), len(m.group(1))))
        elif para and para_kind == "paragraph" and _SETEXT_RE.match(line) and len(para) == 1:
            blocks.append(_block("heading", para[0], 1 if line.strip()[0] == "=" else 2))
            para = []
        elif _HR_RE.match(line):
            flush()
        elif m := _LIST_RE.match(line):
            flush()
            level = 1 + len(m.group(1).expandtabs(4)) // 2
            item = [m.group(2)]
            while i + 1 < len(lines) and lines[i + 1].strip() and not _LIST_RE.match(lines[i + 1]) \
                    and lines[i + 1].startswith((" ", "\t")):  # fmt: skip
                i += 1
                item.append(lines[i].strip())
            blocks.append(_block("list_item", " ".join(item), level))
        elif m := _QUOTE_RE.match(line):
            if para_kind != "quote":
                flush()
                para_kind = "quote"
            if m.group(1).strip():
                para.append(m.group(1))
            else:
                flush()
                para_kind = "quote"
        elif line.lstrip().startswith("|") and "|" in line[1:]:
            flush()
            if not _TABLE_SEP_RE.match(line):
                cells = [c.strip() for c in line.strip().strip("|").split("|")]
                blocks.append(_block("table_row", " | ".join(c for c in cells if c)))
        else:
            if para_kind == "quote":
                flush()
            para.append(line)
        i += 1
    flush()
    return blocks
