"""margin's library: the SQLite store, the folder scanner, search and
highlights that are never lost.

Everything the CLI and the app need goes through :class:`Library`::

    from margin.library import Library, ArticleRow, SearchHit, ScanProgress, ScanSummary

    lib = Library.open(db_path=None)   # default paths.database_path(); creates or
                                       # migrates; DatabaseError if damaged (never overwritten)
    lib.close()                        # (also a context manager)

    lib.folders() -> list[Path]        # inbox first, then remembered folders
    lib.add_folder(path) -> Path
    lib.scan(dirs=None, *, jobs=0, progress=None, cancel=None, timeout=30.0) -> ScanSummary
        # progress(ScanProgress(done, total, path)) is called in the scanning
        # thread; cancel is a threading.Event (or a callable returning True).
        # The scan opens its own connection, so it may run in a worker thread
        # while the app keeps using ``lib``.
        # ScanSummary: seen, indexed, unchanged, moved, removed,
        #              failed [(path, reason)], orphaned, cancelled, seconds
    lib.articles(*, folder=None, sort="added", filter="all", reverse=False,
                 entity=None) -> list[ArticleRow]
        # sort: title | site | date | added | progress | length
        # filter: all | unread | bookmarked | annotated | failed
        # ArticleRow: id, path, title, byline, site, published, word_count,
        #   reading_minutes, bookmarked, progress, highlights (count),
        #   status ("ok"/"failed"), reason, added; .to_dict() for JSON
    lib.article_row(path) -> ArticleRow | None
    lib.search(query, *, limit=20, bookmarked=False, has_notes=False, site=None,
               entity=None) -> list[SearchHit]
        # SearchHit: row (ArticleRow), snippet (plain text, never markup),
        #   score (higher is better), matches [(start, end)] offsets into snippet
    lib.load_article(path) -> Article  # from the index if fresh, else extracted
                                       # and indexed; IngestError if unreadable
    lib.cached_article(path) -> Article | None  # from the index if fresh, else None
    lib.set_bookmark(path, on); lib.set_position(path, position, progress)
    lib.get_position(path) -> (position, progress)
    lib.add_highlight(path, start, end, note=None) -> Highlight   # durable on return
    lib.annotate(path, quote, note=None) -> Highlight  # first occurrence; MarginError if absent
    lib.set_note(highlight_id, note_or_None); lib.delete_highlight(highlight_id)
    lib.highlights(path=None) -> list[Highlight]   # state "anchored" | "orphaned";
                                                   # .uid: stable id for export
    lib.highlight_uids() -> {highlight_id: uid}
    lib.entity_counts(path) -> list[EntityCount]    # text, label, count, articles
    lib.library_entities(limit=50) -> list[EntityCount]   # most mentions first
    lib.entity_articles(text, label=None) -> list[(ArticleRow, mentions)]

All methods are thread-safe (one lock per Library). Every write is a
``BEGIN IMMEDIATE`` transaction that waits for another margin's write; a
failure is a :class:`margin.errors.DatabaseError` with a one-line message.

Modules: ``store`` (connection, pragmas, migrations, damage detection),
``scanner`` (walking folders), ``workers`` (extraction in processes with a
hard time limit), ``records`` (what the index stores, prepared by the workers), ``anchoring`` (TextQuoteSelector placement), ``search``
(FTS5 helpers), ``library`` (the :class:`Library`).
"""

from __future__ import annotations

from margin.library.library import (
    ArticleRow,
    EntityCount,
    Library,
    ScanProgress,
    ScanSummary,
    SearchHit,
)

__all__ = [
    "ArticleRow",
    "EntityCount",
    "Library",
    "ScanProgress",
    "ScanSummary",
    "SearchHit",
]
