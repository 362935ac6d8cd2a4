"""The reader's corrections to the cut, on keys: ``X`` cuts the paragraph
under the cursor, ``U`` undoes the last cut, keep or removal, ``z`` turns the cut
view on and off, ``K`` keeps (brings back) the hidden paragraph under the
cursor in the cut view; and removing a correction chosen in a list.

A mixin of :class:`~margin.ui.screens.reader_screen.ReaderScreen`. Every
change is written in the reader's write worker (``reader_writes``), which
ends in :class:`Corrected`: the article as the library now stores it (and
its page, in the cut view). The view then shows that version at the same
place in the text (see :mod:`margin.ui.cut_view`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

from margin.errors import MarginError
from margin.library.corrections import (
    CUT,
    CUT_BY_READER,
    DROPPED,
    KEEP,
    KEPT_BY_READER,
    UNMATCHED,
)
from margin.ui.cut_view import BlockChange, CutView
from margin.ui.dialogs.corrections_dialog import quoted
from margin.ui.screens.reader_mixin import ReaderMixin
from margin.wording import counted

if TYPE_CHECKING:
    from margin.library import Library
    from margin.library.corrections import Correction, SiteOffer
    from margin.library.page_view import ViewBlock
    from margin.model import Article, Highlight
    from margin.ui.screens.reader_writes import Write

#: The key that undoes, as the notifications name it.
UNDO_KEY = "U"
#: Actions that work on highlights or side panels in the article's own
#: offsets: off in the cut view, whose text is the whole page's.
NOT_IN_CUT_VIEW = frozenset(
    {"highlight", "note", "select", "delete_highlight", "entity_panel", "notes_panel"}
)
BUSY = "One moment: the last change is still being saved."
NOT_SAVED = "This file is not in the library, so corrections cannot be saved."
#: Why a block of the cut view is hidden.
HIDDEN_BY = {DROPPED: "margin drops it", CUT_BY_READER: "you cut it"}
KEEP_HINT = "K brings back a paragraph margin dropped or you cut: press z to see them first."


@dataclass(frozen=True, slots=True)
class Undo:
    """What ``U`` takes back, named by ``what``: a correction made here
    (``correction``, removed again), or one removed here (``remake`` makes
    it again)."""

    correction: int | None
    what: str
    remake: Callable[[Library], Correction] | None = None


def remaker(path: str, action: str, text: str, page_at: int) -> Callable[[Library], Correction]:
    """What makes again a cut or keep of ``text`` just removed from the
    article at ``path``, its block at ``page_at`` of the page's text."""

    def remake(lib: Library) -> Correction:
        if action == KEEP:
            return lib.keep(path, text, at=page_at)
        return lib.cut(path, text, page_at=page_at)

    return remake


@dataclass(frozen=True, slots=True)
class RuleOffer:
    """Other articles of the site show a text just cut: the reader may make
    the cut (``cut``, of ``quote`` at ``at``) a site rule."""

    offer: SiteOffer
    quote: str
    at: int
    cut: int


class Corrected(Message):
    """A correction was saved or removed, or the cut view asked for: the
    article and its highlights as stored now, and its cut view when asked
    for (built in the worker: on a long article it takes tens of ms)."""

    def __init__(
        self,
        article: Article,
        highlights: list[Highlight],
        cut_view: CutView | None,
        *,
        said: str = "",
        undo: Undo | None = None,
        forget: int | None = None,
        offer: RuleOffer | None = None,
        reveal: bool = False,
        opening: bool = False,
    ) -> None:
        super().__init__()
        self.article = article
        self.highlights = highlights
        self.cut_view = cut_view
        self.said = said
        #: pushed onto the undo list; ``forget``: a correction gone from it
        self.undo = undo
        self.forget = forget
        self.offer = offer
        #: the cursor goes to the first paragraph brought back
        self.reveal = reveal
        #: the cut view is being turned on
        self.opening = opening


class CorrectionFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class ReaderCuts(ReaderMixin):
    """The cut, keep, undo and cut-view actions of the reader screen."""

    #: The cut view on screen (None: the article as corrected).
    cut_view: CutView | None = None
    #: What ``U`` undoes, the last made last.
    undo_list: tuple[Undo, ...] = ()
    _correcting = False

    # ------------------------------------------------------------- keys

    def action_cut(self) -> None:
        if not self._may_correct():
            return
        index = self.view.cursor.block
        cut_view = self.cut_view
        if cut_view is not None:
            block = cut_view.block(index)
            if block is not None and not self._cut_in_cut_view(block):
                return
        blocks = self.view.article.blocks if self.view.article else []
        if not 0 <= index < len(blocks):
            return
        here = blocks[index]
        at = here.start if cut_view is None else self._article_start(index)
        held = self._highlights_in(here.start, here.end)
        if not held:
            self._cut(here.text, at)
            return
        self._ask_before_cutting(here.text, at, held)

    def _cut_in_cut_view(self, block: ViewBlock) -> bool:
        """``X`` on a block of the cut view: False when it is not a cut (a
        kept block's keep is removed instead, a hidden one is hidden)."""
        if block.state == KEPT_BY_READER and block.correction is not None:
            self._remove_undoably(
                block.correction,
                KEEP,
                block.text,
                block.page_start,
                "Hidden again: {}",
                "hiding {} again",
            )
            return False
        if not block.shown:
            why = "a site rule cuts it" if block.by_rule else HIDDEN_BY.get(block.state, "")
            self.margin_app.say(f"Hidden already: {why}." if why else "Hidden already.")
            return False
        return True

    def _article_start(self, index: int) -> int:
        block = self.cut_view.block(index) if self.cut_view else None
        return block.start or 0 if block is not None else 0

    def _highlights_in(self, start: int, end: int) -> list[Highlight]:
        return [
            h
            for h in self.view.highlights
            if h.start is not None and h.end is not None and h.start < end and h.end > start
        ]

    def _ask_before_cutting(self, text: str, at: int, held: list[Highlight]) -> None:
        from margin.ui.dialogs.confirm_dialog import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if yes:
                self._cut(text, at)

        its = "Its highlight" if len(held) == 1 else f"Its {counted(len(held), 'highlight')}"
        question = f"Cut this paragraph? {its} will be kept, listed as orphaned."
        self.app.push_screen(ConfirmDialog(question, quoted(text, 200), yes="Cut"), answer)

    def action_keep(self) -> None:
        cut_view = self.cut_view
        if cut_view is None:
            self.margin_app.say(KEEP_HINT)
            return
        if not self._may_correct():
            return
        block = cut_view.block(self.view.cursor.block)
        if block is None:
            return
        if block.shown:
            self.margin_app.say("This paragraph is shown already.")
        elif block.state == CUT_BY_READER and not block.by_rule and block.correction is not None:
            self._remove_undoably(
                block.correction,
                CUT,
                block.text,
                block.page_start,
                "Brought back: {}",
                "bringing back {}",
            )
        else:
            self._keep(block.text, block.page_start)

    def action_undo_cut(self) -> None:
        if not self.undo_list:
            self.margin_app.say(
                "Nothing to undo: U takes back the cuts and keeps made here, and their removals."
            )
            return
        if not self._may_correct():
            return
        # taken off at once: an undo that fails (its text gone) is not tried again
        last, self.undo_list = self.undo_list[-1], self.undo_list[:-1]

        def write(lib: Library) -> Message:
            if last.remake is not None:
                last.remake(lib)
            elif last.correction is not None:
                lib.remove_correction(last.correction)
            said = f"Undone: {last.what}"
            return self._corrected(lib, page, said=said, reveal=True)

        page = self.cut_view is not None
        self._write("Not undone", write)

    def action_cut_view(self) -> None:
        if self.cut_view is not None:
            self._leave_cut_view()
            return
        if not self._may_correct():
            return

        def write(lib: Library) -> Message:
            return self._corrected(lib, True, opening=True)

        self._write("No cut view", write)

    def _leave_cut_view(self) -> None:
        cut_view, view = self.cut_view, self.view
        self.cut_view = None
        if cut_view is None or self.article is None:
            return
        top, cursor = (
            cut_view.to_article(view.top_offset),
            cut_view.to_article(view.cursor.offset()),
        )
        view.show_version(self.article, self._highlights, top=top, cursor=cursor)
        self._after_change()

    def article_offset(self, offset: int) -> int:
        """The article's offset of the view's ``offset`` (the cut view's are the page's)."""
        return offset if self.cut_view is None else self.cut_view.to_article(offset)

    def remove_listed(self, correction: Correction) -> None:
        """Remove ``correction`` (chosen in a list of them), and show the
        article as it is then."""
        if not self._may_correct():
            return
        action, exact = correction.action, correction.exact
        if correction.is_rule or correction.hint is None or correction.state == UNMATCHED:
            what = "Site rule removed" if correction.is_rule else f"Removed the {action}"
            self._remove(correction.id, f"{what}: {quoted(exact, 50)}")
            return
        self._remove_undoably(
            correction.id,
            action,
            exact,
            correction.hint,
            f"Removed the {action}: {{}}",
            f"removing the {action} of {{}}",
        )

    # ------------------------------------------------------------- writes

    def _may_correct(self) -> bool:
        if self.article is None:
            return False
        if not self.in_library:
            self.margin_app.say(NOT_SAVED, severity="warning")
            return False
        if self._correcting:
            self.margin_app.say(BUSY)
            return False
        return True

    def _cut(self, text: str, at: int) -> None:
        path, page = self.path, self.cut_view is not None

        def write(lib: Library) -> Message:
            made = lib.cut(path, text, at=at)
            offer = lib.site_offer(path, text)
            rule = RuleOffer(offer, text, at, made.id) if offer.paths else None
            what = f"the cut of {quoted(text, 50)}"
            said = f"Cut {quoted(text, 50)} ({UNDO_KEY} undoes it)"
            return self._corrected(lib, page, said=said, undo=Undo(made.id, what), offer=rule)

        self._write("Not cut", write)

    def _keep(self, text: str, at: int) -> None:
        path = self.path

        def write(lib: Library) -> Message:
            made = lib.keep(path, text, at=at)
            said = f"Kept {quoted(text, 50)} ({UNDO_KEY} undoes it)"
            undo = Undo(made.id, f"the keep of {quoted(text, 50)}")
            return self._corrected(lib, True, said=said, undo=undo)

        self._write("Not kept", write)

    def _remove_undoably(
        self, correction: int, action: str, text: str, page_at: int, said: str, what: str
    ) -> None:
        """Remove ``correction``, a cut or keep of ``text`` (its block at
        ``page_at`` of the page's text), ``U`` making it again; ``said`` and
        ``what`` name the removal, with ``{}`` where the quote goes."""
        quote = quoted(text, 50)
        undo = Undo(None, what.format(quote), remaker(self.path, action, text, page_at))
        self._remove(correction, f"{said.format(quote)} ({UNDO_KEY} undoes it)", undo)

    def _remove(self, correction: int, said: str, undo: Undo | None = None) -> None:
        page = self.cut_view is not None

        def write(lib: Library) -> Message:
            lib.remove_correction(correction)
            return self._corrected(lib, page, said=said, forget=correction, undo=undo, reveal=True)

        self._write("Not removed", write)

    def _make_rule(self, offer: RuleOffer) -> None:
        """The site rule in place of the article's own cut (a rule cuts what
        margin shows, so the cut goes first; if the rule fails, it is back)."""
        path, page, quote = self.path, self.cut_view is not None, quoted(offer.quote, 50)

        def write(lib: Library) -> Message:
            lib.remove_correction(offer.cut)
            try:
                rule = lib.cut(path, offer.quote, site=True, at=offer.at)
            except MarginError as exc:
                again = lib.cut(path, offer.quote, at=offer.at)
                undo = Undo(again.id, f"the cut of {quote}")
                said = f"No site rule made: {exc}"
                return self._corrected(lib, page, said=said, forget=offer.cut, undo=undo)
            site = offer.offer.site
            said = f"Site rule: {quote} cut from {counted(rule.articles, 'article')} of {site} ({UNDO_KEY} undoes it)"
            undo = Undo(rule.id, f"the site rule for {quote} ({site})")
            return self._corrected(lib, page, said=said, forget=offer.cut, undo=undo)

        self._write("No site rule made", write)

    def _corrected(self, lib: Library, page: bool, **said: Any) -> Corrected:
        """The article as stored now (in the write's thread)."""
        article = lib.load_article(self.path)
        view = CutView.build(lib.page_view(self.path), article) if page else None
        return Corrected(article, list(lib.highlights(self.path)), view, **said)

    def _write(self, failed: str, write: Write) -> None:
        self._correcting = True
        self.writes.run(failed, write, CorrectionFailed)

    # ------------------------------------------------------------- results

    def on_correction_failed(self, message: CorrectionFailed) -> None:
        self._correcting = False
        self.margin_app.say(message.reason, severity="error")

    def on_corrected(self, message: Corrected) -> None:
        self._correcting = False
        self._show_corrected(message)
        if message.forget is not None:
            self.undo_list = tuple(u for u in self.undo_list if u.correction != message.forget)

        if message.undo is not None:
            self.undo_list += (message.undo,)
        if message.said:
            self.margin_app.say(message.said)
        if message.offer is not None:
            self._offer_rule(message.offer)

    def _show_corrected(self, message: Corrected) -> None:
        """Show the article as stored now, or its cut view, at the same place."""
        view = self.view
        old = view.article.blocks if view.article is not None else []
        top, cursor = view.top_offset, view.cursor.offset()
        self.article, self._highlights = message.article, message.highlights
        shown, highlights, marks = message.article, message.highlights, None
        cut_view = message.cut_view
        if cut_view is None or (self.cut_view is None and not message.opening):
            self.cut_view = None
        else:
            opening = self.cut_view is None
            self.cut_view = cut_view
            if opening:
                top, cursor = cut_view.to_page(top), cut_view.to_page(cursor)
                old = cut_view.article.blocks
            shown, marks = cut_view.article, cut_view.marks
            highlights = cut_view.highlights(message.highlights)
        change = BlockChange.between(old, shown.blocks)
        revealed = change.added if message.reveal else None
        view.show_version(
            shown,
            highlights,
            top=change.moved(top) if view.scroll_y else 0,  # the title stays on top
            cursor=change.moved(cursor) if revealed is None else revealed,
            marks=marks,
            reading=marks is None,
        )
        self._after_change()

    def _after_change(self) -> None:
        """The panels and the status line follow the article's new text."""
        self._entity_group = None
        if self.cut_view is not None:
            for panel in (self._entity_panel, self._notes_panel):
                if panel is not None and panel.display:
                    panel.display = False
                    self.view.focus()
        if self._entity_panel is not None and self.article is not None:
            self._entity_panel.set_entities(self.article.entities)
        if self._notes_panel is not None:
            self._notes_panel.set_highlights(self._highlights)
        self._update_status()
        self.refresh_bindings()

    def _offer_rule(self, offer: RuleOffer) -> None:
        from margin.ui.dialogs.confirm_dialog import ConfirmDialog

        others = counted(len(offer.offer.paths), "other article")
        question = f"Also cut it from {others} of {offer.offer.site}?"

        def answer(yes: bool | None) -> None:
            if yes:
                self._make_rule(offer)

        dialog = ConfirmDialog(
            question, quoted(offer.quote, 200), yes="Cut there too", no="Only here"
        )
        self.app.push_screen(dialog, answer)
