"""Highlights kept as JSON objects, read by naming each service's fields.

Omnivore's metadata, Wallabag, Pocket and Hypothesis all store a highlight
as an object with a quote, a note, dates and an id, under different names.
Each reader states its names once in a :class:`JsonHighlight`; reading is
the same for all of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from margin.imports.fields import id_text, iso_from_text, strings, text_or_none
from margin.imports.model import ImportedHighlight, Position

JsonObject = dict[str, object]


@dataclass(frozen=True)
class JsonHighlight:
    """Where a service's JSON keeps each part of a highlight (None: nowhere).
    Dates may be ISO 8601 text or Unix times. ``key_prefix`` keys the
    highlight by the service's ``id`` as ``"<key_prefix>:<id>"``."""

    quote: str
    note: str | None = None
    prefix: str | None = None
    suffix: str | None = None
    created: str | None = None
    updated: str | None = None
    labels: str | None = None
    color: str | None = None
    key_prefix: str | None = None
    position: Callable[[JsonObject], Position | None] | None = None

    def read(self, data: JsonObject) -> ImportedHighlight:
        return ImportedHighlight(
            quote=self._text(data, self.quote) or "",
            note=self._text(data, self.note),
            prefix=self._text(data, self.prefix),
            suffix=self._text(data, self.suffix),
            created=iso_from_text(data.get(self.created)) if self.created else None,
            updated=iso_from_text(data.get(self.updated)) if self.updated else None,
            labels=strings(data.get(self.labels)) if self.labels else [],
            color=self._text(data, self.color),
            position=self.position(data) if self.position else None,
            key=self._key(data.get("id")),
        )

    def read_all(self, value: object) -> list[ImportedHighlight]:
        """Each object of a JSON list (anything else in it holds no highlight)."""
        if not isinstance(value, list):
            return []
        return [self.read(entry) for entry in value if isinstance(entry, dict)]

    @staticmethod
    def _text(data: JsonObject, name: str | None) -> str | None:
        return text_or_none(data.get(name)) if name else None

    def _key(self, value: object) -> str | None:
        service_id = id_text(value)
        return f"{self.key_prefix}:{service_id}" if self.key_prefix and service_id else None
