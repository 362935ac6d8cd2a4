"""Read-later exports read into plain data: the first half of ``margin import``.

This package reads; it never writes to the library, fetches nothing and has
no command of its own. The importer calls::

    from margin.imports import read_export
    export = read_export(path)          # raises ImportFileError (one line)
    for item in export.items:           # list[Item], one per key
        ...                             # item.key makes a second import a no-op
    for line in export.problems:        # recoverable oddities, one line each
        ...

:func:`read_export` reads the whole file and checks it before it returns,
so a bad file (truncated ZIP, missing CSV column, invalid JSON, zip bomb, a
``../`` or absolute entry name, an unknown format) raises
:class:`~margin.errors.ImportFileError` before anything is imported. The
whole export is held in memory, bounded by :class:`Limits` (1 GB read at
most by default). :func:`sniff` names the format alone.

Formats (``Export.format``), one module each: ``omnivore`` (ZIP),
``pocket`` (ZIP of CSV parts, or one part) and ``pocket-html``
(``ril_export.html``), ``wallabag`` (JSON) and ``wallabag-csv``,
``instapaper`` (CSV), ``readwise-reader`` and ``readwise-highlights``
(CSV), ``hypothesis`` (JSON), ``netscape`` (bookmarks HTML), ``warc`` (a
web archive's pages, each an item with its page). Each module's docstring
says what its export holds and how it is read.

What an :class:`Item` promises:

- ``key``: the service's id (``omnivore:``, ``wallabag:``, ``readwise:``)
  or ``url:`` and the normalised URL (:func:`normalise_url`; Readwise's
  highlights name books: ``readwise-book:<title>|<author>``). Keys are
  unique within an export (repeats are merged, with a problem line).
- ``html`` (text) or ``pdf`` (bytes) when the export holds the article
  (``content_type`` says which); save ``html_document()`` to keep the
  encoding right. With neither, the item is pending; ``fetchable`` is False
  for a URL that must never be fetched (Omnivore's ``no_url`` newsletters,
  non-http schemes) or for no URL at all.
- ``tags``, ``archived``, ``starred``, ``progress`` (0-1), ``saved`` /
  ``published`` / ``updated`` (ISO 8601), all strings already cleaned of
  control characters (:mod:`margin.sanitize`).
- ``highlights``: every highlight and note the export holds, none dropped.
  ``quote`` is "" for a note on the whole page and for Pocket's empty
  quotes (kept, with their date, for the library to list as orphaned);
  ``prefix``/``suffix`` and ``position`` are hints for placing the quote;
  ``key`` is the service's id for the highlight when it has one.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from margin.errors import ImportFileError
from margin.imports import (
    hypothesis,
    instapaper,
    netscape,
    omnivore,
    pocket,
    readwise,
    wallabag,
    warc,
)
from margin.imports.fields import normalise_url
from margin.imports.model import Export, Format, ImportedHighlight, Item, Position, merge_items
from margin.imports.sniff import sniff_source
from margin.imports.source import Limits, Source

__all__ = [
    "FORMATS",
    "Export",
    "Format",
    "ImportFileError",
    "ImportedHighlight",
    "Item",
    "Limits",
    "Position",
    "normalise_url",
    "read_export",
    "sniff",
]

Reader = Callable[[Source, list[str]], list[Item]]

_READERS: dict[Format, Reader] = {
    "omnivore": omnivore.read,
    "pocket": pocket.read_zip,
    "pocket-html": pocket.read_html,
    "wallabag": wallabag.read_json,
    "wallabag-csv": wallabag.read_csv,
    "instapaper": instapaper.read,
    "readwise-reader": readwise.read_reader,
    "readwise-highlights": readwise.read_highlights,
    "hypothesis": hypothesis.read,
    "netscape": netscape.read,
    "warc": warc.read,
}
FORMATS: tuple[Format, ...] = tuple(_READERS)
_NAMES = "Omnivore, Pocket, Wallabag, Instapaper, Readwise, Hypothesis, browser bookmarks or a WARC"


def sniff(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Format | None:
    """The export format of the file at ``path`` by its content, or None when
    it is none margin knows. Raises :class:`ImportFileError` for a file that
    cannot be read, JSON that does not parse, or a ZIP that is damaged or unsafe."""
    return sniff_source(Source(path, limits or Limits()))


def read_export(path: str | os.PathLike[str], *, limits: Limits | None = None) -> Export:
    """Read the export at ``path`` whole; raises :class:`ImportFileError`
    (naming the file and why) when it cannot be imported."""
    source = Source(path, limits or Limits())
    found = sniff_source(source)
    if found is None:
        raise source.fail(f"not an export margin can read ({_NAMES})")
    if found == "pocket" and not source.is_zip():
        reader: Reader = pocket.read_csv  # one part, unzipped by hand
    else:
        reader = _READERS[found]
    problems: list[str] = []
    items = merge_items(reader(source, problems), problems)
    return Export(format=found, items=items, problems=problems)
