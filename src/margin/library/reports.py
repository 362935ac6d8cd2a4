"""What bringing articles in reports: progress as it goes, and the summary
of an import (:class:`ImportSummary`) or of fetching pages
(:class:`FetchSummary`, for ``margin add`` and ``margin fetch``)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from margin.sanitize import display_path


@dataclass(frozen=True, slots=True)
class WorkProgress:
    """``done`` of ``total`` steps of ``phase`` finished; ``label`` names the
    last one (an address, a title, a file), None at the start."""

    phase: str  # "import" | "fetch" | "index"
    done: int
    total: int
    label: str | None = None


@dataclass(slots=True)
class HighlightCounts:
    anchored: int = 0  # placed in margin's text
    orphaned: int = 0  # kept, with quote and note, without a place
    pending: int = 0  # their article is not fetched yet
    repeated: int = 0  # already on the article (same quote and note): not added again

    def add(self, state: str) -> None:
        setattr(self, state, getattr(self, state) + 1)

    def total(self) -> int:
        return self.anchored + self.orphaned + self.pending


@dataclass(slots=True)
class FetchSummary:
    """Pages fetched into the library. ``saved``: (address, file);
    ``failed``: (address, reason); ``already``: (address, file or title) of
    pages the library had; ``unfetchable``: pending articles with no
    address to fetch them from."""

    saved: list[tuple[str, str]] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    already: list[tuple[str, str]] = field(default_factory=list)
    unfetchable: int = 0
    highlights: HighlightCounts = field(default_factory=HighlightCounts)
    cancelled: bool = False
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "saved": [{"url": u, "path": display_path(p)} for u, p in self.saved],
            "failed": [{"url": u, "reason": r} for u, r in self.failed],
            "already": [{"url": u, "path": display_path(p)} for u, p in self.already],
            "unfetchable": self.unfetchable,
            "highlights": asdict(self.highlights),
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
        }


@dataclass(slots=True)
class ImportSummary:
    """One import. ``imported``: articles saved with the text the export
    held; ``pending``: articles waiting to be fetched; ``merged``: items
    brought to an article the library already had; ``skipped``: items
    imported before; ``failed``: (title or address, reason); ``fetched``:
    pages fetched (with ``fetch``), whose failures are in ``failed`` too."""

    path: str
    format: str = ""
    items: int = 0
    imported: int = 0
    pending: int = 0
    merged: int = 0
    skipped: int = 0
    fetched: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    highlights: HighlightCounts = field(default_factory=HighlightCounts)
    problems: list[str] = field(default_factory=list)
    cancelled: bool = False
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": display_path(self.path),
            "format": self.format,
            "items": self.items,
            "imported": self.imported,
            "pending": self.pending,
            "merged": self.merged,
            "skipped": self.skipped,
            "fetched": self.fetched,
            "failed": [{"item": what, "reason": why} for what, why in self.failed],
            "highlights": asdict(self.highlights),
            "problems": self.problems,
            "cancelled": self.cancelled,
            "seconds": round(self.seconds, 3),
        }
