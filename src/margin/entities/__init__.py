"""Named entities: people, organisations, places and other names in an article.

``recognise`` is the one entry point (``add_entities`` fills an article's
list with it); ``entity_summary`` groups its result for the entity panel
and ``margin entities``. The built-in backend is pure Python plus the word
lists in ``data/`` (no model download); the optional spaCy backend is used
when spaCy and a pipeline are installed and :func:`configure` chose it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from margin.config import ENTITY_BACKENDS
from margin.model import Article, Entity, EntityLabel

__all__ = [
    "BACKENDS",
    "Entity",
    "EntitySettings",
    "EntitySummary",
    "add_entities",
    "configure",
    "entity_summary",
    "recognise",
    "settings",
    "text_without_code",
]

BACKENDS = ENTITY_BACKENDS


@dataclass(frozen=True, slots=True)
class EntitySettings:
    """The backend ``recognise`` uses when the caller names none."""

    backend: str = "builtin"  # one of BACKENDS
    pipeline: str | None = None  # the installed spaCy pipeline to load (None: en_core_web_sm)


_settings = EntitySettings()


def configure(*, backend: str = "builtin", pipeline: str | None = None) -> None:
    """Choose the backend for ``recognise(backend=None)``: ``entity_backend``
    and ``spacy_pipeline`` from config.toml, passed in at the edge (the CLI
    and the app at start; the indexer hands them to its worker processes).
    Until then the built-in backend is used."""
    global _settings
    if backend not in BACKENDS:
        raise ValueError(f"unknown entity backend {backend!r} (expected one of {BACKENDS})")
    _settings = EntitySettings(backend, pipeline)


def settings() -> EntitySettings:
    """The settings :func:`configure` last set."""
    return _settings


def recognise(text: str, *, lang: str | None = None, backend: str | None = None) -> list[Entity]:
    """Entities in ``text``: offsets into it (end exclusive), sorted, non-overlapping.

    Labels are PERSON, ORG, PLACE and OTHER. The built-in rules are for
    English; for another ``lang`` it returns no entities rather than guesses.
    ``backend=None`` means the one :func:`configure` chose; a configured
    spaCy that is not installed falls back to the built-in one.
    """
    if not text:
        return []
    if backend is None:
        backend = _configured_backend()
    if lang and not lang.lower().startswith("en") and backend != "spacy":
        return []
    if backend == "builtin":
        from margin.entities.builtin import recognise_builtin

        return recognise_builtin(text)
    if backend == "spacy":
        from margin.entities.spacy_backend import recognise_spacy

        return recognise_spacy(text)
    raise ValueError(f"unknown entity backend {backend!r} (expected one of {BACKENDS})")


def add_entities(article: Article) -> None:
    """Fill ``article.entities`` unless it has some: the one way the
    pipeline, the indexer's workers and the reader ask for them. Entities
    are a bonus, so a failing recogniser leaves the list empty rather than
    losing the article. Code blocks hold no entities: the recogniser sees
    them blanked out."""
    if article.entities or not article.text:
        return
    try:
        article.entities = recognise(text_without_code(article), lang=article.lang)
    except Exception:  # noqa: BLE001
        article.entities = []


def text_without_code(article: Article) -> str:
    """The article's text with every code block's characters blanked (newlines
    kept), so offsets into it are offsets into the text: ``PRAGMA`` or
    ``WAL`` in a listing is no organisation."""
    code = [b for b in article.blocks if b.kind == "code" and b.end > b.start]
    if not code:
        return article.text
    text = article.text
    parts: list[str] = []
    at = 0
    for block in sorted(code, key=lambda b: b.start):
        start = max(block.start, at)
        parts.append(text[at:start])
        parts.append(re.sub(r"[^\n]", " ", text[start : block.end]))
        at = max(at, block.end)
    parts.append(text[at:])
    return "".join(parts)


def _configured_backend() -> str:
    chosen = _settings
    if chosen.backend != "spacy":
        return "builtin"
    from margin.entities import spacy_backend

    if chosen.pipeline and chosen.pipeline != spacy_backend.PIPELINE:
        spacy_backend.set_pipeline(chosen.pipeline)
    return "spacy" if spacy_backend.available() else "builtin"


@dataclass(slots=True)
class EntitySummary:
    text: str
    label: EntityLabel
    count: int
    mentions: list[tuple[int, int]] = field(default_factory=list)


def _canonical(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").replace("\u2019", "'").split())


def entity_summary(entities: list[Entity]) -> list[EntitySummary]:
    """Group mentions by (canonical text, label), most frequent first.

    A person's short form ("Obama") joins the full name it stands for
    ("Barack Obama") when the article names exactly one such person. Ties keep
    the order of first mention; mentions are in document order.
    """
    ordered = sorted(entities, key=lambda e: (e.start, e.end))
    full_names: dict[str, set[str]] = {}
    for ent in ordered:
        if ent.label == "PERSON":
            name = _canonical(ent.text)
            parts = name.split()
            if len(parts) >= 2:
                for part in (parts[0], parts[-1]):
                    full_names.setdefault(part, set()).add(name)
    groups: dict[tuple[str, EntityLabel], EntitySummary] = {}
    for ent in ordered:
        text = _canonical(ent.text)
        if ent.label == "PERSON" and " " not in text:
            names = full_names.get(text)
            if names is not None and len(names) == 1:
                text = next(iter(names))
        key = (text, ent.label)
        summary = groups.get(key)
        if summary is None:
            summary = groups[key] = EntitySummary(text, ent.label, 0)
        summary.count += 1
        summary.mentions.append((ent.start, ent.end))
    order = {key: i for i, key in enumerate(groups)}
    return sorted(groups.values(), key=lambda s: (-s.count, order[(s.text, s.label)]))
