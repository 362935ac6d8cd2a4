"""File on disk -> :class:`margin.model.Article`.

``extract_file`` is the single entry point the CLI, the indexer and the reader
use. It sniffs the kind and encoding, extracts the article, sanitises every
text field and computes word count and reading time. Failures raise
:class:`margin.errors.IngestError` with a one-line reason.
"""

from __future__ import annotations

from margin.ingest.pipeline import (
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    extract_bytes,
    extract_file,
)

__all__ = ["DEFAULT_MAX_BYTES", "DEFAULT_TIMEOUT", "extract_bytes", "extract_file"]
