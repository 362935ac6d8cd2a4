"""Hypothesis: its JSON export (``{"annotations": [...]}``), an API search
result (``{"rows": [...]}``) or a bare array of annotations.

Each annotation has ``id, created, updated, uri, text`` (the note),
``tags``, ``document.title[]`` and ``target[].selector[]``: a
``TextQuoteSelector`` (``exact``, ``prefix``, ``suffix``) places it, a
``TextPositionSelector`` (``start``, ``end``) is kept as a hint. One with no
quote (a page note, a reply) is kept as a note. Annotations are grouped by
page into one item per URI; the pages themselves are not in the export.
"""

from __future__ import annotations

from margin.imports.fields import normalise_url, strings, text_or_none, to_int
from margin.imports.json_highlights import JsonHighlight
from margin.imports.model import ImportedHighlight, Item, Position
from margin.imports.source import Source

Annotation = dict[str, object]


def annotations_of(data: object) -> list[object] | None:
    """The annotations in any of the three shapes; None when ``data`` is none of them."""
    wrapped = isinstance(data, dict)
    if isinstance(data, dict):
        data = data.get("annotations", data.get("rows"))
    if not isinstance(data, list):
        return None
    first = next((a for a in data if isinstance(a, dict)), None)
    if first is None:
        return data if wrapped else None
    return data if "target" in first and "uri" in first else None


def read(source: Source, problems: list[str]) -> list[Item]:
    annotations = annotations_of(source.json())
    if annotations is None:
        raise source.fail("not a Hypothesis export (no annotations with a target and a uri)")
    pages: dict[str, list[Annotation]] = {}
    for number, annotation in enumerate(annotations, 1):
        if not isinstance(annotation, dict):
            problems.append(f"{source.path.name} annotation {number}: not an object; skipped")
            continue
        uri = _uri(annotation)
        if not uri:
            problems.append(f"{source.path.name} annotation {number}: no page address")
        pages.setdefault(normalise_url(uri) if uri else "", []).append(annotation)
    return [_page(group) for group in pages.values()]


def _uri(annotation: Annotation) -> str | None:
    return text_or_none(annotation.get("uri")) or text_or_none(_target(annotation).get("source"))


def _target(annotation: Annotation) -> Annotation:
    targets = annotation.get("target")
    if isinstance(targets, list) and targets and isinstance(targets[0], dict):
        return targets[0]
    return {}


def _page(annotations: list[Annotation]) -> Item:
    first = annotations[0]
    return Item(
        key="" if _uri(first) else "hypothesis:no-page",
        url=_uri(first),
        title=_title(first),
        highlights=[_highlight(a) for a in annotations],
    )


def _title(annotation: Annotation) -> str | None:
    document = annotation.get("document")
    titles = strings(document.get("title")) if isinstance(document, dict) else []
    return titles[0] if titles else None


def _highlight(annotation: Annotation) -> ImportedHighlight:
    """The annotation with its quote selector's fields beside its own."""
    quote = _selectors(_target(annotation)).get("TextQuoteSelector", {})
    return ANNOTATION.read({**annotation, **{k: quote.get(k) for k in _QUOTE_FIELDS}})


def _selectors(target: Annotation) -> dict[str, Annotation]:
    """The target's selectors by type (the first of each type)."""
    found: dict[str, Annotation] = {}
    selectors = target.get("selector")
    for selector in selectors if isinstance(selectors, list) else []:
        if isinstance(selector, dict) and isinstance(selector.get("type"), str):
            found.setdefault(str(selector["type"]), selector)
    return found


def _position(annotation: Annotation) -> Position | None:
    selector = _selectors(_target(annotation)).get("TextPositionSelector")
    if selector is None:
        return None
    start, end = to_int(selector.get("start")), to_int(selector.get("end"))
    return Position(start=start, end=end) if start is not None else None


_QUOTE_FIELDS = ("exact", "prefix", "suffix")
ANNOTATION = JsonHighlight(
    quote="exact",
    prefix="prefix",
    suffix="suffix",
    note="text",
    created="created",
    updated="updated",
    labels="tags",
    key_prefix="hypothesis",
    position=_position,
)
