"""Imported once by the forkserver that starts the scan's worker processes,
so each worker is forked with the extractor imported and the entity
recogniser's word lists loaded (0.2 s each otherwise, per worker, per scan).

Importing this module does that work as a side effect, on purpose; nothing
else imports it. It must never raise: the forkserver would die with it.
"""

from __future__ import annotations

import contextlib

with contextlib.suppress(Exception):
    import margin.ingest.html  # noqa: F401  (readability, lxml)
    import margin.library.workers  # noqa: F401

with contextlib.suppress(Exception):
    from margin.entities import recognise

    recognise("Maria Borg of the Red Cross flew from Valletta to Porto.", lang="en")
