"""File on disk -> :class:`margin.model.Article`.

:func:`margin.ingest.pipeline.extract_file` is the entry point the CLI and
the reader use (the indexer, which hashes the bytes it reads, calls
:func:`~margin.ingest.pipeline.extract_bytes`); each caller passes the
limits it was configured with. It sniffs the kind and encoding,
extracts the article, sanitises every text field (:mod:`margin.sanitize`)
and computes word count and reading time. Failures raise
:class:`margin.errors.IngestError` with a one-line reason.

This package's ``__init__`` imports nothing, so importing one small module
of it does not load lxml and readability.
"""
