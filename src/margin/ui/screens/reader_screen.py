"""The reader: one article in a centred column, with cursor, highlights and notes."""

from __future__ import annotations

import re
import webbrowser
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from margin.errors import IngestError, MarginError
from margin.model import Article, Highlight
from margin.sanitize import display_path, one_line
from margin.ui.reader_status import ReadingFacts, status_text
from margin.ui.screens.reader_bindings import NEED_ARTICLE, READER_BINDINGS
from margin.ui.screens.reader_cuts import NOT_IN_CUT_VIEW, ReaderCuts
from margin.ui.screens.reader_panels import ReaderPanels
from margin.ui.screens.reader_tags import ReaderTags
from margin.ui.screens.reader_writes import ReaderWrites
from margin.ui.widgets.article_view import ArticleView
from margin.ui.widgets.footer import MarginFooter
from margin.ui.widgets.status_line import StatusLine
from margin.wording import shortened

if TYPE_CHECKING:
    from margin.library import ArticleRow, Library
    from margin.ui.app import MarginApp
    from margin.ui.widgets.side_panels import EntityGroup, EntityPanel, NotesPanel

# Dialogs, side panels (reader_panels) and the search box are imported and
# mounted the first time they are wanted: most readings never open them, and
# every widget on the screen costs styling time before the first lines show.


def first_match(text: str, query: str) -> int | None:
    """Where ``query`` first occurs in ``text``, case aside, as the reader's
    search finds it (None: nowhere, or no query)."""
    if not query:
        return None
    found = re.search(re.escape(query), text, re.IGNORECASE)
    return None if found is None else found.start()


def is_web_url(url: str | None) -> bool:
    if not url:
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


class ReaderScreen(ReaderCuts, ReaderPanels, ReaderTags, Screen[None]):
    """Shows the article at ``path``; ``single_file`` makes ``q`` quit the app."""

    BINDINGS = READER_BINDINGS

    class Loaded(Message):
        def __init__(
            self,
            article: Article,
            highlights: list[Highlight],
            position: int,
            progress: float,
            bookmarked: bool,
            saved: bool,
        ) -> None:
            super().__init__()
            self.article = article
            self.highlights = highlights
            self.position = position
            self.progress = progress
            self.bookmarked = bookmarked
            self.saved = saved

    class LoadFailed(Message):
        def __init__(self, error: MarginError) -> None:
            super().__init__()
            self.error = error

    class HighlightsChanged(Message):
        def __init__(self, highlights: list[Highlight], said: str = "") -> None:
            super().__init__()
            self.highlights = highlights
            self.said = said

    class BookmarkSaved(Message):
        def __init__(self, on: bool) -> None:
            super().__init__()
            self.on = on

    class Failed(Message):
        """A background write failed: show its reason, the UI state stays as it was."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    def __init__(
        self,
        path: Path | str,
        *,
        row: ArticleRow | None = None,
        single_file: bool = False,
        find: str = "",
    ) -> None:
        super().__init__()
        self.path = str(path)
        self.row = row
        self.single_file = single_file
        #: The words a library search found the article by: it opens at their
        #: first match, marked, and ``n``/``N`` go on from there.
        self.found_by = find
        self.article: Article | None = None
        self.bookmarked = bool(row.bookmarked) if row is not None else False
        #: False when the article is not in the library (single file not indexed):
        #: highlights then cannot be saved, and the user is told so.
        self.in_library = True
        self._entity_group: EntityGroup | None = None
        self._saved_position = False
        self._view: ArticleView | None = None
        self._entity_panel: EntityPanel | None = None
        self._notes_panel: NotesPanel | None = None
        self._find: Input | None = None
        self._highlights: list[Highlight] = []
        self.writes = ReaderWrites(self)

    @property
    def margin_app(self) -> MarginApp:
        return cast("MarginApp", self.app)

    def compose(self) -> ComposeResult:
        title = (
            one_line(self.row.title)
            if self.row is not None and self.row.title
            else display_path(Path(self.path).name)
        )
        yield Static(Text(title), id="reader-title")
        with Horizontal(id="reader-body"):
            yield ArticleView(
                id="article",
                column_width=self.margin_app.config.column_width,
                show_entities=self.margin_app.show_entities,
                sentence_mode=self.margin_app.config.cursor == "sentence",
            )
        yield StatusLine(id="reader-status")
        yield MarginFooter()

    @property
    def view(self) -> ArticleView:
        if self._view is None:
            self._view = self.query_one(ArticleView)
        return self._view

    def on_mount(self) -> None:
        self.view.focus()
        self._update_status()
        self._load()

    async def _find_input(self) -> Input:
        if self._find is None:
            self._find = Input(placeholder="Search this article", id="find")
            self._find.cursor_blink = getattr(self.app, "cursor_blink", True)
            await self.mount(self._find, before="#reader-status")
        return self._find

    # ------------------------------------------------------------- loading

    @work(thread=True, exclusive=True, exit_on_error=False, group="load", description="load")
    def _load(self) -> None:
        app = self.margin_app
        highlights: list[Highlight] = []
        position, progress = 0, 0.0
        bookmarked = self.bookmarked
        saved = app.library is not None
        article: Article | None = None
        try:
            if app.library is not None:
                with app.db() as lib:
                    try:
                        article = lib.load_article(self.path)
                    except MarginError:
                        if not self.single_file:
                            raise
                        saved = False
                    if saved:
                        highlights = list(lib.highlights(self.path))
                        position, progress = lib.get_position(self.path)
                        if self.row is None:
                            bookmarked = _bookmarked(lib, self.path)
            if article is None:
                from margin.entities import add_entities
                from margin.ingest.pipeline import extract_file

                settings = self.margin_app.config
                article = extract_file(
                    self.path, max_bytes=settings.max_bytes, timeout=settings.extract_timeout
                )
                add_entities(article)  # the library's articles come recognised
        except MarginError as exc:
            self.post_message(self.LoadFailed(exc))
            return
        except Exception as exc:  # noqa: BLE001 - any bad input: say so, keep running
            error = IngestError(display_path(self.path), one_line(exc))
            self.post_message(self.LoadFailed(error))
            return
        self.post_message(
            self.Loaded(article, highlights, int(position or 0), progress, bookmarked, saved)
        )

    def on_reader_screen_loaded(self, message: Loaded) -> None:
        self.article = message.article
        self.bookmarked = message.bookmarked
        self.in_library = message.saved
        self.query_one("#reader-title", Static).update(
            Text(one_line(message.article.title) or display_path(Path(self.path).name))
        )
        self._highlights = message.highlights
        self.view.set_tags(self.row.tags if self.row is not None else ())
        article = message.article
        found = first_match(article.text, self.found_by)
        offset = message.position if found is None else found
        if found is not None and article.blocks and found < article.blocks[0].end:
            offset = 0  # in the first paragraph: the title and byline stay in sight
        self.view.set_article(article, message.highlights, offset=offset, progress=message.progress)
        if found is not None:
            self.view.set_search(self.found_by)
            self.view.next_match(True)  # the first: "1/N", n goes on to the second
        self._update_status()
        self.refresh_bindings()

    def on_reader_screen_load_failed(self, message: LoadFailed) -> None:
        reason = one_line(message.error)
        self.query_one("#reader-status", StatusLine).update(Text(reason))
        if self.single_file:
            # nothing else to show: the app closes and the launcher prints why
            self.margin_app.fail(message.error)
            return
        self.margin_app.say(reason, title="Cannot open", severity="error")
        self.dismiss()

    # ------------------------------------------------------------- status

    @on(ArticleView.Changed)
    def _view_changed(self) -> None:
        self._update_status()

    def _update_status(self) -> None:
        status = self.query_one("#reader-status", StatusLine)
        if self.article is None:
            status.update(Text("Loading…"))
            return
        view = self.view
        group = self._entity_group
        facts = ReadingFacts(
            progress=view.progress,
            reading_minutes=self.article.reading_minutes,
            bookmarked=self.bookmarked,
            selecting=view.cursor.anchor is not None,
            search_query=view.search_query,
            matches=view.matches,
            current_match=view.cursor.match,
            entity=(group.text, group.count) if group is not None else None,
            highlights=len(view.highlights),
            show_entities=view.show_entities,
            in_library=self.in_library,
            cut_view=self.cut_view.counts if self.cut_view is not None else None,
        )
        status.update(Text(status_text(facts)))

    # ------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        loaded = self.article is not None
        if action in NOT_IN_CUT_VIEW and self.cut_view is not None:
            return None
        if action in NEED_ARTICLE:
            return True if loaded else None
        if action == "open_url":
            return (
                True if loaded and is_web_url(self.article.url if self.article else None) else None
            )
        if action == "next_match":
            return True if self.view.matches else None
        if action == "next_highlight":
            return True if self.view.highlights else None
        if action in ("bookmark", "tags"):
            library = self.margin_app.library is not None
            return True if library and (action == "bookmark" or self.row is not None) else None
        return True

    def action_back(self) -> None:
        self._save_position()
        if self.single_file:
            self.app.exit(0)
        else:
            self.dismiss()

    def action_scroll_lines(self, lines: int) -> None:
        self.view.scroll_relative(y=lines, animate=False, immediate=True)
        self._read_on(lines > 0)

    def action_scroll_pages(self, pages: float) -> None:
        height = self.view.scrollable_content_region.height
        step = max(1, int(height * abs(pages)) - (1 if abs(pages) >= 1 else 0))
        self.view.scroll_relative(y=step if pages > 0 else -step, animate=False, immediate=True)
        self._read_on(pages > 0)

    def action_top(self) -> None:
        self.view.scroll_to(y=0, animate=False, immediate=True)

    def action_bottom(self) -> None:
        self.view.scroll_end(animate=False, immediate=True)
        self._read_on(True)

    def _read_on(self, forward: bool) -> None:
        # an article that fits the screen does not scroll: a key that asks
        # to go further still reads it to the end
        if forward and self.article is not None:
            self.view.read_on()
            self._update_status()

    def action_paragraph(self, delta: int) -> None:
        # ( and ) switch to a sentence cursor; ] and [ back to paragraphs,
        # unless config.toml asks for sentences (cursor = "sentence")
        if self.margin_app.config.cursor != "sentence":
            self.view.cursor.paragraph_mode()
        self.view.move_cursor(delta)
        self._update_status()

    def action_sentence(self, delta: int) -> None:
        self.view.move_sentence(delta)
        self._update_status()

    async def action_find(self) -> None:
        find = await self._find_input()
        find.display = True
        find.value = self.view.search_query
        find.focus()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        self._entity_group = None
        self.view.set_search(event.value)
        self._update_status()

    @on(Input.Submitted, "#find")
    def _find_submitted(self, event: Input.Submitted) -> None:
        event.input.display = False
        self.view.focus()
        count = self.view.set_search(event.value)
        if event.value and not count:
            self.margin_app.say(f"Not found: {event.value}")
        self.view.next_match(True)
        self._update_status()
        self.refresh_bindings()

    def action_next_match(self, forward: bool) -> None:
        self.view.next_match(forward)
        self._update_status()

    def action_clear(self) -> None:
        if self._find is not None and self._find.display:
            self._find.display = False
            self.view.focus()
            return
        for panel in (self._entity_panel, self._notes_panel):
            if panel is not None and panel.display:
                panel.display = False
                self.view.focus()
                return
        self.view.clear_selection()
        self.view.set_search("")
        self._entity_group = None
        self._update_status()
        self.refresh_bindings()

    def action_select(self) -> None:
        self.view.start_selection()
        self._update_status()

    def action_toggle_entities(self) -> None:
        on_ = self.view.toggle_entities()
        self.margin_app.show_entities = on_
        self._update_status()

    def action_next_highlight(self, forward: bool) -> None:
        if self.view.next_highlight(forward) is None:
            self.margin_app.say("No highlights in this article yet.")
        self._update_status()

    def action_contents(self) -> None:
        from margin.ui.dialogs.toc_dialog import TocDialog

        if self.article is None:
            return

        def chosen(index: int | None) -> None:
            if index is not None:
                self.view.set_cursor(index)
                block = self.view.article.blocks[index] if self.view.article else None
                if block is not None:
                    self.view.scroll_to_offset(block.start)
                self._update_status()

        blocks = self.view.article.blocks if self.view.article else []  # the cut view's too
        self.app.push_screen(TocDialog(blocks, self.view.cursor.block), chosen)

    def action_open_url(self) -> None:
        from margin.ui.dialogs.confirm_dialog import ConfirmDialog

        url = self.article.url if self.article else None
        if not is_web_url(url):
            self.margin_app.say("This article has no web address to open.")
            return
        assert url is not None
        shown = one_line(url)

        def answer(yes: bool | None) -> None:
            if yes:
                try:
                    webbrowser.open(url, new=2)
                except Exception as exc:  # noqa: BLE001 - no browser is not a crash
                    self.margin_app.say(f"Cannot open a browser: {exc}", severity="error")

        self.app.push_screen(
            ConfirmDialog("Open the original page in your browser?", shown), answer
        )

    # ------------------------------------------------------------- annotations

    def on_reader_screen_failed(self, message: Failed) -> None:
        self.margin_app.say(message.reason, severity="error")

    def action_bookmark(self) -> None:
        self.writes.bookmark(not self.bookmarked)

    def on_reader_screen_bookmark_saved(self, message: BookmarkSaved) -> None:
        self.bookmarked = message.on
        self.margin_app.say("Bookmarked" if message.on else "Bookmark removed")
        self._update_status()

    def action_highlight(self) -> None:
        span = self.view.selected_range()
        if span is None:
            return
        if not self.in_library:
            self.margin_app.say(
                "This file is not in the library, so highlights cannot be saved.",
                severity="warning",
            )
            return
        start, end = span
        for h in self.view.highlights:
            if h.start == start and h.end == end:
                self.margin_app.say("Already highlighted")
                return
        self.writes.add_highlight(start, end, None)
        self.view.clear_selection()
        self._update_status()

    def action_note(self) -> None:
        from margin.ui.dialogs.note_dialog import NoteDialog

        if self.article is None:
            return
        if not self.in_library:
            self.margin_app.say(
                "This file is not in the library, so notes cannot be saved.", severity="warning"
            )
            return
        existing = None
        panel = self._open_notes_panel()
        if panel is not None:
            existing = panel.current
        if existing is None and self.view.cursor.anchor is None:
            here = self.view.highlights_in_cursor()
            if self.view.cursor.match is not None:
                s, e = self.view.cursor.match
                here = [h for h in here if h.start == s and h.end == e] or here
            existing = here[0] if here else None
        if existing is not None:
            target = existing

            def edited(note: str | None) -> None:
                if note is not None and target.id is not None:
                    self.writes.save_note(target.id, note)

            self.app.push_screen(NoteDialog(target.exact, target.note), edited)
            return
        span = self.view.selected_range()
        if span is None:
            return
        start, end = span

        def written(note: str | None) -> None:
            if note is not None:
                self.writes.add_highlight(start, end, note or None)
                self.view.clear_selection()

        self.app.push_screen(NoteDialog(self.article.text[start:end]), written)

    def action_delete_highlight(self) -> None:
        from margin.ui.dialogs.confirm_dialog import ConfirmDialog

        target: Highlight | None = None
        panel = self._open_notes_panel()
        if panel is not None:
            target = panel.current
        if target is None:
            here = self.view.highlights_in_cursor()
            target = here[0] if here else None
        if target is None or target.id is None:
            self.margin_app.say("No highlight here.")
            return
        chosen = target

        def answer(yes: bool | None) -> None:
            if yes and chosen.id is not None:
                self.writes.delete_highlight(chosen.id)

        question = (
            "Delete this highlight and its note?" if chosen.note else "Delete this highlight?"
        )
        quote = shortened(one_line(chosen.exact), 200)
        self.app.push_screen(ConfirmDialog(question, quote, yes="Delete"), answer)

    def on_reader_screen_highlights_changed(self, message: HighlightsChanged) -> None:
        self._highlights = message.highlights
        self.view.set_highlights(message.highlights)
        if self._notes_panel is not None:
            self._notes_panel.set_highlights(message.highlights)
        if message.said:
            self.margin_app.say(message.said)
        self._update_status()
        self.refresh_bindings()

    # ------------------------------------------------------------- leaving

    def _save_position(self) -> None:
        if self._saved_position or self.article is None or not self.in_library:
            return
        if self.margin_app.library is None or not self.view.ready:
            return
        self._saved_position = True
        try:
            with self.margin_app.db() as lib:
                top = self.article_offset(self.view.top_offset)
                lib.set_position(self.path, top, round(self.view.progress, 4))
        except Exception as exc:  # noqa: BLE001 - leaving must never crash
            self.margin_app.say(f"Reading position not saved: {one_line(exc)}", severity="warning")

    def on_unmount(self) -> None:
        self._save_position()


def _bookmarked(lib: Library, path: str) -> bool:
    row = lib.article_row(path)
    return bool(row and row.bookmarked)
