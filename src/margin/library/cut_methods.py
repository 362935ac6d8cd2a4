"""The :class:`~margin.library.Library`'s methods for the reader's
corrections to the cut (``margin cut``/``keep``, the reader's keys): a part
of the Library, kept in a module of its own. The work is done in
``correcting`` (which reads pages with the extractor, so it is imported
where it is used, not at start-up), ``corrections`` and ``page_view``."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from typing import TYPE_CHECKING

from margin.errors import IngestError
from margin.library import corrections, queries
from margin.library.corrections import Correction, SiteOffer
from margin.library.filenames import normpath
from margin.model import Article

if TYPE_CHECKING:
    from margin.ingest.page import Page
    from margin.library.page_view import PageView

_MB = 1024 * 1024


class CutMethods:
    """Cut, keep, undo, list; the page view; the site-rule offer."""

    if TYPE_CHECKING:  # the Library's, which these methods use
        max_file_mb: int
        extract_timeout: float

        def _locked(self) -> contextlib.AbstractContextManager[sqlite3.Connection]: ...
        def _refresh(self, path: str) -> None: ...
        def _article_id(self, path: str | os.PathLike[str]) -> int: ...

    def cut(
        self,
        path: str | os.PathLike[str],
        quote: str,
        *,
        site: bool = False,
        at: int | None = None,
        page_at: int | None = None,
    ) -> Correction:
        """Hide the block holding ``quote`` from the article as margin shows
        it (the first at or after offset ``at`` of its text, or in the block
        at ``page_at`` of :attr:`PageView.text`, if given); with
        ``site``, in every article of its site (a site rule, scoped by the
        article's URL host, else its site name, else its folder). Saved
        durably, then the article's text (and, for a rule, its site's) is
        derived again at once, its highlights placed again. MarginError
        when the article does not hold ``quote`` within one block."""
        from margin.library import correcting

        aid, p, page = self._source(path)
        with self._locked() as conn:
            made = correcting.cut(conn, aid, p, page, quote, site=site, at=at, page_at=page_at)
            touched = correcting.spread_rule(conn, made, aid) if made.is_rule else []
        self._rederive_all(touched)
        with self._locked() as conn:
            return corrections.one(conn, made.id) or made

    def keep(
        self, path: str | os.PathLike[str], quote: str, *, at: int | None = None
    ) -> Correction:
        """Show again a block the extraction (or a cut) hides, the one holding
        ``quote`` in the page's whole text (the first at or after offset
        ``at`` of :attr:`PageView.text`, if given). Saved durably, the text
        derived again. MarginError when the page does not hold ``quote``,
        or margin shows it already."""
        from margin.library import correcting

        aid, p, page = self._source(path)
        with self._locked() as conn:
            return correcting.keep(conn, aid, p, page, quote, at)

    def remove_correction(self, correction_id: int) -> Correction:
        """Forget a cut, keep or site rule (the reader's undo); the articles
        it changed are derived again at once. Returns what was removed;
        MarginError if there is no such correction."""
        from margin.library import correcting

        with self._locked() as conn:
            gone, touched = correcting.remove(conn, correction_id)
        self._rederive_all(touched)
        with self._locked() as conn:
            corrections.forget_unmatched(conn, correction_id)
        return gone

    def corrections(self, path: str | os.PathLike[str] | None = None) -> list[Correction]:
        """Corrections with their state (applied, redundant, overridden,
        unmatched, pending): of one article (its own, and the site rules
        that apply to it), or all (each site rule with ``articles``, the
        number of articles it hides a block in)."""
        with self._locked() as conn:
            if path is None:
                return corrections.listing(conn)
            p = normpath(path)
            with contextlib.suppress(IngestError):  # unreadable now: list what is stored
                self._refresh(p)
            aid = queries.article_id(conn, p)
            return [] if aid is None else corrections.listing(conn, aid)

    def site_rules(self) -> list[Correction]:
        """Every site rule, oldest first (see :meth:`corrections`)."""
        with self._locked() as conn:
            return [c for c in corrections.listing(conn) if c.is_rule]

    def page_view(self, path: str | os.PathLike[str]) -> PageView:
        """The article's whole page, block by block, each with what margin
        does with it (shown, dropped by the extraction, cut or kept by the
        reader, and by which correction), and the corrected article."""
        from margin.library import correcting

        aid, p, page = self._source(path)
        with self._locked() as conn:
            return correcting.page_view(conn, aid, p, page)

    def site_offer(self, path: str | os.PathLike[str], quote: str) -> SiteOffer:
        """The other articles of the article's site that show ``quote``: a
        cut of it may be made a site rule (``offer.paths`` empty: none)."""
        from margin.library import correcting

        with self._locked() as conn:
            return correcting.offer(conn, self._article_id(path), quote)

    def corrections_for(self, article: Article) -> list[Correction]:
        """The corrections that apply to ``article``, extracted from the file
        at its ``source`` by the caller: the file's own, if the library
        holds it, and its site's rules (with ``page_view.apply``, what
        ``margin extract`` shows). Reads no file, writes nothing."""
        p = normpath(article.source)
        keys = corrections.site_keys(article.url, article.site, p)
        with self._locked() as conn:
            return corrections.applicable(conn, queries.article_id(conn, p), keys)

    def _source(self, path: str | os.PathLike[str]) -> tuple[int, str, Page]:
        """The article's id (indexing it if needed), path and page."""
        p = normpath(path)
        with self._locked():
            self._refresh(p)
            aid = self._article_id(p)
        return aid, p, self._page(p)

    def _page(self, path: str) -> Page:
        from margin.library import correcting

        return correcting.read_page(path, self.max_file_mb * _MB, self.extract_timeout)

    def _rederived(self, path: str) -> bool:
        """Derive the article's text again if the corrections that apply to
        it changed since it was stored (another margin, an interruption)."""
        with self._locked() as conn:
            aid = queries.article_id(conn, path)
            if aid is None or not corrections.stale(conn, aid):
                return False
            from margin.library import correcting

            return correcting.rederive_file(conn, aid, path, self._page)

    def _rederive_all(self, touched: list[tuple[int, str]]) -> None:
        """Derive each article's text again, one at a time under the lock."""
        from margin.library import correcting

        for aid, p in touched:
            with self._locked() as conn:
                correcting.rederive_file(conn, aid, p, self._page)
