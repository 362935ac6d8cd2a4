"""``margin extract FILE [--format text|markdown|json]``."""

from __future__ import annotations

import argparse
import json
import sys

from margin import config
from margin.ingest.pipeline import extract_file
from margin.model import Article


def to_markdown(article: Article) -> str:
    lines: list[str] = []
    if article.title:
        lines += [f"# {article.title}", ""]
    if article.dek:
        lines += [f"*{article.dek}*", ""]
    meta = [
        ("Author", article.byline),
        ("Site", article.site),
        ("Published", article.published),
        ("URL", article.url),
    ]
    shown = [f"- {k}: {v}" for k, v in meta if v]
    if shown:
        lines += [*shown, ""]
    for block in article.blocks:
        if block.kind == "heading":
            lines.append(f"{'#' * min(6, max(2, block.level))} {block.text}")
        elif block.kind == "list_item":
            lines.append(f"{'  ' * max(0, block.level - 1)}- {block.text}")
        elif block.kind == "quote":
            lines.append("\n".join(f"> {ln}" for ln in block.text.split("\n")))
        elif block.kind == "code":
            lines.append(f"```\n{block.text}\n```")
        elif block.kind == "caption":
            lines.append(f"*{block.text}*")
        elif block.kind == "table_row":
            lines.append(f"| {block.text} |")
        else:
            lines.append(block.text)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def run(args: argparse.Namespace) -> int:
    settings = config.current()
    article = extract_file(
        args.file,
        max_bytes=settings.max_bytes,
        timeout=settings.extract_timeout,
        entities=args.format == "json" and not args.no_entities,
    )
    if args.format == "json":
        out = json.dumps(article.to_dict(), ensure_ascii=False, indent=2)
    elif args.format == "markdown":
        out = to_markdown(article)
    else:
        out = article.text
    sys.stdout.write(out.rstrip("\n") + "\n")
    sys.stdout.flush()
    return 0
