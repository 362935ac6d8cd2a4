"""File on disk -> :class:`margin.model.Article`.

``extract_file`` is the single entry point the CLI, the indexer and the reader
use. It sniffs the kind and encoding, extracts the article, sanitises every
text field and computes word count and reading time. Failures raise
:class:`margin.errors.IngestError` with a one-line reason.

The names below are loaded on first use: importing ``margin.ingest.sanitize``
(which the UI needs at start-up) must not load lxml and readability.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from margin.ingest.pipeline import (
        DEFAULT_MAX_BYTES,
        DEFAULT_TIMEOUT,
        EXTRACTOR_VERSION,
        extract_bytes,
        extract_file,
    )

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "EXTRACTOR_VERSION",
    "extract_bytes",
    "extract_file",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from margin.ingest import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'margin.ingest' has no attribute {name!r}")
