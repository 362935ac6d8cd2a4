"""Optional spaCy backend, mapped to margin's labels.

spaCy is not a dependency: this module imports it only when asked. The
pipeline is a setting (``PIPELINE``, or :func:`set_pipeline` with a name or a
ready ``Language`` object); margin never downloads a model.
"""

from __future__ import annotations

import threading
from typing import Any

from margin.model import Entity, EntityLabel

#: Name of the installed spaCy pipeline to load (``spacy.load(PIPELINE)``).
PIPELINE = "en_core_web_sm"

#: spaCy label -> margin label; labels not listed (NORP, DATE, CARDINAL, ...) are dropped.
LABEL_MAP: dict[str, EntityLabel] = {
    "PERSON": "PERSON",
    "PER": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "EVENT": "OTHER",
    "PRODUCT": "OTHER",
    "WORK_OF_ART": "OTHER",
    "LAW": "OTHER",
    "MISC": "OTHER",
}

_lock = threading.Lock()
_nlp: Any = None
_nlp_name: str | None = None


class SpacyUnavailable(RuntimeError):
    """spaCy or the configured pipeline is not installed."""


def set_pipeline(pipeline: Any) -> None:
    """Use ``pipeline``: an installed pipeline's name, or a spaCy ``Language``."""
    global _nlp, _nlp_name, PIPELINE
    with _lock:
        if isinstance(pipeline, str):
            PIPELINE = pipeline
            _nlp, _nlp_name = None, None
        else:
            _nlp, _nlp_name = pipeline, "<custom>"


def available() -> bool:
    try:
        _load()
    except SpacyUnavailable:
        return False
    return True


def _load() -> Any:
    global _nlp, _nlp_name
    with _lock:
        if _nlp is not None:
            return _nlp
        try:
            import spacy
        except ImportError as exc:
            raise SpacyUnavailable("spaCy is not installed") from exc
        try:
            _nlp = spacy.load(PIPELINE)
        except OSError as exc:
            raise SpacyUnavailable(f"spaCy pipeline {PIPELINE!r} is not installed") from exc
        _nlp_name = PIPELINE
        return _nlp


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Apply margin's conventions to a span: no leading "the", no trailing "'s"."""
    span = text[start:end]
    low = span.lower()
    if low.startswith("the ") and end - start > 4:
        start += 4
    for poss in ("'s", "\u2019s"):
        if text[start:end].endswith(poss) and end - start > 2:
            end -= 2
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] == "."):
        end -= 1
    return start, end


def recognise_spacy(text: str) -> list[Entity]:
    nlp = _load()
    out: list[Entity] = []
    last_end = -1
    # One paragraph at a time keeps memory bounded on very long texts.
    pos = 0
    for para in text.split("\n\n"):
        if para.strip():
            doc = nlp(para)
            for ent in doc.ents:
                label = LABEL_MAP.get(ent.label_)
                if label is None:
                    continue
                s, e = _strip(text, pos + ent.start_char, pos + ent.end_char)
                if e <= s or s < last_end:
                    continue
                out.append(Entity(text[s:e], label, s, e))
                last_end = e
        pos += len(para) + 2
    return out
