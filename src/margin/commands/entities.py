"""``margin entities FILE [--json]``: the named entities of one article."""

from __future__ import annotations

import argparse
import json
import re
import sys

from margin.entities import entity_summary, recognise
from margin.errors import UsageError

# Article text is sanitised at ingest; this is a second guard for the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _clean(text: str) -> str:
    return _CONTROL.sub(" ", text)


def run(args: argparse.Namespace) -> int:
    if getattr(args, "library", False):
        raise UsageError("entities --library is not available yet")
    if not getattr(args, "file", None):
        raise UsageError("entities: give a FILE (or --library)")
    from margin.ingest import extract_file

    article = extract_file(args.file)
    entities = article.entities or recognise(article.text, lang=article.lang)
    if args.json:
        data = [e.to_dict() for e in entities]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return 0
    rows = [(_clean(s.text), s.label, str(s.count)) for s in entity_summary(entities)]
    if not rows:
        sys.stdout.write("no entities found\n")
        return 0
    width = min(48, max(len("entity"), *(len(r[0]) for r in rows)))
    sys.stdout.write(f"{'entity':<{width}}  {'label':<6}  count\n")
    for text, label, count in rows:
        if len(text) > width:
            text = text[: width - 1] + "…"
        sys.stdout.write(f"{text:<{width}}  {label:<6}  {count:>5}\n")
    return 0
