"""margin's library: the SQLite store, the folder scanner, search and
highlights that are never lost.

Everything the CLI and the app need goes through :class:`Library`::

    from margin.library import Library, ArticleRow, SearchHit, ScanProgress, ScanSummary

    lib = Library.open(db_path=None, *, max_file_mb=32, extract_timeout=30.0)
        # db_path: default paths.database_path(); creates or migrates;
        # DatabaseError if damaged (never overwritten). max_file_mb and
        # extract_timeout bound the reading of one file (margin.config's
        # defaults; the CLI and the app pass config.toml's values).
    lib.close()                        # (also a context manager)

    lib.folders() -> list[Path]        # inbox first, then remembered folders
    lib.add_folder(path) -> Path
    lib.scan(dirs=None, *, jobs=0, progress=None, cancel=None, timeout=None,
             max_file_mb=None) -> ScanSummary
        # timeout, max_file_mb: None means the library's extract_timeout and
        # max_file_mb. progress(ScanProgress(done, total, path)) is called in
        # the scanning thread; cancel is a threading.Event (or a callable
        # returning True). The scan opens its own connection, so it may run
        # in a worker thread while the app keeps using ``lib``.
        # ScanSummary: seen, indexed, unchanged, moved, removed,
        #              failed [(path, reason)], orphaned, cancelled, seconds,
        #              timings {read, extract, entities, write: seconds}
    lib.articles(*, folder=None, sort="added", filter="all", reverse=False,
                 entity=None, limit=None, tag=None) -> list[ArticleRow]
        # sort: title | site | date | added | progress | length
        # filter: all | unread | bookmarked | annotated | archived | pending | failed
        # ArticleRow: id, path, title, byline, site, published, word_count,
        #   reading_minutes, bookmarked, progress, highlights (count),
        #   status ("ok"/"failed"/"pending"), reason, added, url, archived,
        #   tags; .to_dict() for JSON. A pending article (imported, not
        #   fetched yet) has path "": name it by its id or its address.
    lib.article_count(*, folder=None) -> int
    lib.article_row(path) -> ArticleRow | None
    lib.search(query, *, limit=20, bookmarked=False, has_notes=False, site=None,
               entity=None, tag=None) -> list[SearchHit]
        # SearchHit: row (ArticleRow), snippet (plain text, never markup),
        #   score (higher is better), matches [(start, end)] offsets into snippet
    lib.load_article(path) -> Article  # from the index if fresh, else extracted
                                       # and indexed; entities recognised either
                                       # way; IngestError if unreadable
    lib.cached_article(path) -> Article | None  # from the index if fresh, else None
    lib.set_bookmark(path, on=True); lib.set_position(path, position, progress)
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
    lib.integrity_check() -> list[str]              # ["ok"] when sound

The reader's corrections to the cut (see corrections.py, page_view.py):

    lib.cut(path, quote, *, site=False, at=None, page_at=None) -> Correction
        # hides the shown block holding quote (the first at or after offset
        # `at` of the article's text, or the one at `page_at` of the page's
        # text); site=True: a site rule. Durable, then
        # the text (and the site's) is derived again. MarginError if absent.
    lib.keep(path, quote, *, at=None) -> Correction
        # shows the hidden block holding quote (`at`: offset into
        # PageView.text). MarginError if absent from the page or shown already.
    lib.remove_correction(correction_id) -> Correction   # undo; state "removed"
    lib.corrections(path=None) -> list[Correction]   # with their state there
    lib.site_rules() -> list[Correction]
    lib.page_view(path) -> PageView    # every block of the page, in order:
        # ViewBlock(index, kind, text, level, state "shown" | "dropped" | "cut"
        # | "kept", correction id or None, page_start/page_end into .text,
        # start/end into .article.text when shown, by_rule: cut by a site
        # rule); .article the corrected
        # article; .states {correction id: state}; .block_at(offset)
    lib.site_offer(path, quote) -> SiteOffer    # scope, site, paths: the
        # other articles of the site showing quote
    lib.corrections_for(article) -> list[Correction]   # what applies to an
        # article extracted by the caller (margin extract); reads no file
        # Correction: id, action "cut" | "keep", exact, prefix, suffix,
        #   scope "article" | "host" | "site" | "folder", site, article_path,
        #   title, created, state "applied" | "redundant" | "overridden" |
        #   "unmatched" | "pending", articles (a site rule's count), is_rule

Bringing a library in, tags and the archive (``collection``); ``ref`` is an
article's id, its http(s) address (any spelling) or its file::

    lib.add_urls(urls, *, progress=None, cancel=None) -> FetchSummary
    lib.fetch_pending(*, retry_failed=False, progress=None, cancel=None,
                      ids=None) -> FetchSummary   # ids: only these articles
    lib.import_export(path, *, fetch=False, progress=None, cancel=None,
                      export=None) -> ImportSummary   # ImportFileError first
        # progress(WorkProgress(phase, done, total, label)) from this thread
        # or fetching threads; cancel: a threading.Event. Each opens its own
        # connection: run them in a worker thread while the app uses ``lib``.
        # FetchSummary: saved [(url, path)], failed [(url, reason)], already,
        #   unfetchable, highlights (anchored, orphaned, pending, repeated)
        # ImportSummary: imported, pending, merged, skipped, fetched, failed,
        #   highlights, problems; .to_dict() for JSON
    lib.find(ref) -> ArticleRow | None
    lib.tags(ref) -> list[str]; lib.all_tags() -> [(tag, articles)]
    lib.add_tags(ref, tags); lib.remove_tags(ref, tags); lib.set_tags(ref, tags)
    lib.set_archived(ref, on=True)

All methods are thread-safe (one lock per Library). Every write is a
``BEGIN IMMEDIATE`` transaction that waits for another margin's write; a
failure is a :class:`margin.errors.DatabaseError` with a one-line message.

Modules:

* ``library``: the :class:`Library`, the one face (its methods for the
  reader's corrections in ``cut_methods``); it holds the connection,
  the lock and the settings, and decides when a file must be read again.
* ``rows``: the value types above, and the query that reads article rows.
* ``store``: the connection, pragmas, migrations, damage detection.
* ``filenames``: file paths as the database stores and compares them.
* ``indexer``: the scan (walk, extract in batches, forget vanished files).
* ``scanner``: walking folders.
* ``workers``: extraction in processes with a hard time limit.
* ``records``: what the index stores, prepared by the workers.
* ``recording``: writing extraction results into the index.
* ``queries``: the article list, one article's row, indexed articles.
* ``search``: full-text search and snippets (FTS5).
* ``entity_queries``: entities across the library.
* ``highlights``: highlights and notes in the database, placed again when
  an article's text changes; ``anchoring``: TextQuoteSelector placement.
* ``corrections``: the reader's cuts, keeps and site rules in the database,
  and the corrected article the index stores; ``page_view``: corrections
  applied to a page (ingest/page.py); ``correcting``: making and undoing
  them (it reads pages, so it is imported only when used).

* ``collection``: the Library methods below; ``tags``, ``reading_state``
  (the archived flag), ``lookup`` (an article by address, id or title),
  ``pending`` (articles not fetched yet), ``importing`` (an import),
  ``imported`` (what an item brings to an article), ``placing`` and
  ``position_hints`` (another service's highlights in margin's text),
  ``inbox_files`` (the files an import writes), ``fetch_into`` (add and
  fetch), ``reports`` (their progress and summaries).
"""

from __future__ import annotations

from margin.library.library import Library
from margin.library.reports import FetchSummary, ImportSummary, WorkProgress
from margin.library.rows import (
    ArticleRow,
    EntityCount,
    ScanProgress,
    ScanSummary,
    SearchHit,
)

__all__ = [
    "ArticleRow",
    "EntityCount",
    "FetchSummary",
    "ImportSummary",
    "Library",
    "ScanProgress",
    "ScanSummary",
    "SearchHit",
    "WorkProgress",
]
