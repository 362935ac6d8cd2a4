"""The library: every article, sortable, filterable and searchable as you type."""

from __future__ import annotations

import re
import time
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import get_current_worker

from margin import paths
from margin.library.queries import FILTERS
from margin.sanitize import display_path, one_line
from margin.ui.app import FIRST_FRAME_WAIT
from margin.ui.screens.library_keys import LibraryKeys
from margin.ui.widgets.article_list import ArticleList, ListItem
from margin.ui.widgets.footer import MarginFooter
from margin.ui.widgets.status_line import StatusLine
from margin.ui.widgets.work_line import WorkLine
from margin.wording import counted

if TYPE_CHECKING:
    from margin.library import ArticleRow
    from margin.ui.app import MarginApp

SORTS = ("added", "title", "date", "site", "progress", "length")
SORT_NAMES = {
    "added": "recently added",
    "title": "title",
    "date": "date published",
    "site": "site",
    "progress": "reading progress",
    "length": "length",
}


_WORDS_RE = re.compile(r"^[\w\s'-]+$")


def as_you_type(query: str) -> str:
    """Plain words: match the last one as a prefix, since it is still being typed."""
    query = query.strip()
    if _WORDS_RE.match(query) and not query.endswith(("-", "'")):
        return query + "*"
    return query


def _library_commands() -> Any:
    from margin.ui.library_commands import LibraryCommands

    return LibraryCommands


class LibraryScreen(LibraryKeys, Screen[None]):
    """Lists the articles of ``folder`` (or of every known folder); the keys
    that bring articles in and sort them out are in :class:`LibraryKeys`."""

    BINDINGS = [
        Binding("q", "quit", "Quit", id="library.quit"),
        Binding("slash", "search", "Search", id="library.search"),
        Binding("s", "sort", "Sort", id="library.sort"),
        Binding("f", "filter", "Filter", id="library.filter"),
        Binding("b", "bookmark", "Bookmark", id="library.bookmark"),
        Binding("A", "add_urls", "Add URL", id="library.add"),
        Binding("T", "tags", "Tags", show=False, id="library.tags"),
        Binding("e", "archive", "Archive", show=False, id="library.archive"),
        Binding("number_sign", "tag_filter", "Filter by tag", show=False, id="library.tag_filter"),
        Binding("r", "rescan", "Rescan", id="library.rescan"),
        Binding("w", "samples", "Add samples", id="library.samples"),
        Binding("escape", "close_search", "Close search", show=False, id="library.close_search"),
        Binding("escape", "stop_work", "Stop fetching", id="library.stop"),
    ]
    COMMANDS = {_library_commands}

    class Progress(Message):
        def __init__(self, done: int, total: int) -> None:
            super().__init__()
            self.done = done
            self.total = total

    class ScanDone(Message):
        def __init__(self, summary: Any, error: str | None = None) -> None:
            super().__init__()
            self.summary = summary
            self.error = error

    class Results(Message):
        def __init__(self, query: str, hits: list[Any], error: str | None = None) -> None:
            super().__init__()
            self.query = query
            self.hits = hits
            self.error = error

    class Bookmarked(Message):
        pass

    class Rows(Message):
        def __init__(self, view: tuple[str, str, str | None], rows: list[Any]) -> None:
            super().__init__()
            self.view = view
            self.rows = rows

    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.sort = "added"
        self.filter = "all"
        #: Only the articles with this tag (None: every article).
        self.tag: str | None = None
        self.search_text = ""
        self.scanning = False
        self.scan_text = ""
        self.rows: list[Any] = []
        self._total: int | None = None  # while only the first screen is loaded
        self._last_reload = 0.0
        self._row_kind = ""  # what the cursor is on: the keys that apply change with it
        self._resumed = False
        # mounted on first use: one widget less to style before the first paint
        self._search_input: Input | None = None
        self._article_list: ArticleList | None = None

    @property
    def search_open(self) -> bool:
        return self._search_input is not None and self._search_input.display

    @property
    def margin_app(self) -> MarginApp:
        return cast("MarginApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static(id="library-title")
        yield ArticleList(id="articles")
        with Vertical(id="welcome"):
            yield Static(id="welcome-text")
        yield WorkLine(id="library-work")
        yield StatusLine(id="library-status")
        yield MarginFooter()

    @property
    def article_list(self) -> ArticleList:
        if self._article_list is None:
            self._article_list = self.query_one(ArticleList)
        return self._article_list

    @property
    def work_line(self) -> WorkLine:
        return self.query_one(WorkLine)

    def on_mount(self) -> None:
        self.article_list.focus()
        # A large library: its first screen from one SQL query, the whole list
        # once that screen is on the terminal (building 10,000 rows takes
        # ~50 ms, in a thread that would hold the GIL while the frame is sent).
        self.reload(first=max(60, self.size.height * 2))
        if self._total is not None:
            self.set_timer(FIRST_FRAME_WAIT, partial(self._load_rest, self._view()))
        self.start_scan(defer=True)

    def on_screen_resume(self) -> None:
        # back from the reader: progress, bookmarks and highlight counts changed
        if not self._resumed:
            self._resumed = True  # the first resume is the first show: just loaded
            return
        if self.rows or self.search_text:
            self.reload()

    # ------------------------------------------------------------- data

    def reload(self, first: int | None = None) -> None:
        """List the articles again; ``first``: only that many, plus the count."""
        app = self.margin_app
        self._last_reload = time.monotonic()
        self._total = None
        if app.library is None:
            self.rows = []
        else:
            try:
                with app.db() as lib:
                    self.rows = lib.articles(
                        folder=self.folder,
                        sort=self.sort,
                        filter=self.filter,
                        limit=first,
                        tag=self.tag,
                    )
                    everything = self.filter == "all" and self.tag is None
                    if first is not None and len(self.rows) >= first and everything:
                        self._total = lib.article_count(folder=self.folder)
            except Exception as exc:  # noqa: BLE001 - show it; keep the app alive
                self.rows = []
                app.say(f"Cannot list articles: {one_line(exc)}", severity="error")
        if not self.search_text:
            self.article_list.set_items([ListItem(row) for row in self.rows])
        self._update_title()
        self._update_welcome()

    def _update_title(self) -> None:
        title = Text()
        title.append("margin", style="bold")
        where = display_path(self.folder) if self.folder else "all folders"
        title.append(f"  {where}", style="dim")
        if self.search_text:
            count = len(self.article_list.items)
            title.append(f"  ·  {count} found for “{one_line(self.search_text)}”")
        else:
            count = len(self.rows) if self._total is None else self._total
            title.append(f"  ·  {counted(count, 'article')}")
            if self.filter != "all":
                title.append(f"  ·  showing {self.filter}", style="bold")
        if self.tag is not None:
            # before the sort: on a narrow terminal the end of the line is cut
            title.append("  ·  tagged ")
            title.append(one_line(self.tag), style="bold")
            title.append(" (# to change or clear)", style="dim")
        if not self.search_text:
            title.append(f"  ·  sorted by {SORT_NAMES[self.sort]}")
        self.query_one("#library-title", Static).update(title)

    def _update_status(self) -> None:
        status = self.query_one("#library-status", StatusLine)
        status.update(Text(self.scan_text))

    def _update_welcome(self) -> None:
        empty = not self.rows and self.filter == "all" and self.tag is None and not self.search_text
        welcome = self.query_one("#welcome")
        welcome.display = empty
        self.article_list.display = not empty
        if not empty:
            return
        text = Text()
        text.append("Your library is empty.\n\n", style="bold")
        # paragraphs as one line each: the box wraps them to its width
        text.append("margin reads pages you saved from the web: HTML, MHTML (.mht), plain text ")
        text.append("and Markdown. Save some into a folder and run  ")
        text.append("margin FOLDER", style="bold")
        text.append(", or drop them into margin's inbox folder:\n\n    ")
        text.append(display_path(paths.inbox_path()), style="italic")
        text.append("\n\nPress ")
        text.append("A", style="bold reverse")
        text.append(" to add a web page by its address.\n")
        samples = paths.sample_articles_path()
        if samples is not None and any(samples.iterdir()):
            text.append("Press ")
            text.append("w", style="bold reverse")
            text.append(" to add the bundled sample articles and start reading.\n")
        if self.scanning:
            text.append("\nLooking for articles… ", style="dim")
        self.query_one("#welcome-text", Static).update(text)

    # ------------------------------------------------------------- scanning

    def start_scan(self, dirs: list[Path] | None = None, *, defer: bool = False) -> None:
        if self.margin_app.library is None:
            return
        self.scanning = True
        self.scan_text = "Looking for new and changed articles…"
        self._update_status()
        if dirs is None and self.folder is not None:
            dirs = [self.folder]
        if defer:  # the rescan thread too waits for the first screen
            self.set_timer(FIRST_FRAME_WAIT, partial(self._begin_scan, dirs))
        else:
            self._begin_scan(dirs)

    def _begin_scan(self, dirs: list[Path] | None) -> None:
        self.margin_app.first_screen_shown()  # the scan's processes need its tracker
        self._scan(dirs)

    @work(thread=True, exclusive=True, exit_on_error=False, group="scan")
    def _scan(self, dirs: list[Path] | None) -> None:
        worker = get_current_worker()
        last = 0.0

        def progress(p: Any) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= 0.1 or p.done >= p.total:
                last = now
                self.post_message(self.Progress(p.done, p.total))

        try:
            with self.margin_app.db() as lib:
                summary = lib.scan(dirs, progress=progress, cancel=lambda: worker.is_cancelled)
        except Exception as exc:  # noqa: BLE001 - a failed scan must not end the app
            self.post_message(self.ScanDone(None, one_line(exc)))
            return
        self.post_message(self.ScanDone(summary))

    def on_library_screen_progress(self, message: Progress) -> None:
        self.scan_text = f"Indexing {message.done}/{message.total}…"
        self._update_status()
        # show new articles as they arrive, without redoing the list on every file
        if time.monotonic() - self._last_reload > 2.0:
            self.reload()

    def on_library_screen_scan_done(self, message: ScanDone) -> None:
        self.scanning = False
        if message.error:
            self.scan_text = f"Indexing failed: {message.error}"
            self.margin_app.say(self.scan_text, severity="error")
        else:
            s = message.summary
            parts = []
            if s.indexed:
                parts.append(f"{s.indexed} indexed")
            if s.unchanged:
                parts.append(f"{s.unchanged} unchanged")
            if s.failed:
                parts.append(f"{len(s.failed)} could not be read (f: show failed)")
            if s.orphaned:
                parts.append(f"{counted(s.orphaned, 'highlight')} orphaned")
            self.scan_text = "Up to date: " + ", ".join(parts) if parts else "Up to date"
        self._update_status()
        self.reload()

    # ------------------------------------------------------------- actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "samples":
            samples = paths.sample_articles_path()
            return bool(not self.rows and samples is not None and self.filter == "all")
        if action == "close_search":
            return bool(self.search_text) or self.search_open
        if action == "bookmark":
            item = self.article_list.current
            return True if item is not None and item.row.status == "ok" else None
        if action in ("tags", "archive"):
            return True if self.article_list.current is not None else None
        if action in ("add_urls", "tag_filter"):
            return True if self.margin_app.library is not None else None
        if action == "stop_work":
            return self.work_line.running
        return True

    def action_quit(self) -> None:
        self.app.exit(0)

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.reload()
        self.margin_app.say(f"Sorted by {SORT_NAMES[self.sort]}")

    def action_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.reload()
        self.refresh_bindings()

    def action_rescan(self) -> None:
        self.start_scan()

    def action_samples(self) -> None:
        samples = paths.sample_articles_path()
        if samples is None:
            return
        self.folder = samples if self.folder is not None else None
        self.start_scan([samples])
        self._update_welcome()

    async def action_search(self) -> None:
        if self._search_input is None:
            self._search_input = Input(
                placeholder="Search the full text of every article", id="search"
            )
            self._search_input.cursor_blink = getattr(self.app, "cursor_blink", True)
            await self.mount(self._search_input, before=self.article_list)
        search = self._search_input
        search.display = True
        search.focus()

    def action_close_search(self) -> None:
        search = self._search_input
        if search is not None:
            search.value = ""
            search.display = False
        self.search_text = ""
        self.article_list.focus()
        self.article_list.set_items([ListItem(row) for row in self.rows])
        self._update_title()
        self._update_welcome()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        self.search_text = query
        if not query:
            self.article_list.set_items([ListItem(row) for row in self.rows])
            self._update_title()
            return
        self._search(query)

    def _view(self) -> tuple[str, str, str | None]:
        """How the list is sorted and filtered."""
        return (self.sort, self.filter, self.tag)

    @work(thread=True, exclusive=True, exit_on_error=False, group="rows")
    def _load_rest(self, view: tuple[str, str, str | None]) -> None:
        """The whole list, off the UI thread, once the first screen is shown."""
        sort, filter_, tag = view
        with self.margin_app.db() as lib:
            rows = lib.articles(folder=self.folder, sort=sort, filter=filter_, tag=tag)
        self.post_message(self.Rows(view, rows))

    def on_library_screen_rows(self, message: Rows) -> None:
        if message.view != self._view() or self._total is None:
            return  # the user re-sorted or a reload happened meanwhile
        self.rows = message.rows
        self._total = None
        if not self.search_text:
            self.article_list.set_items([ListItem(row) for row in self.rows])
        self._update_title()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.article_list.focus()

    @work(thread=True, exclusive=True, exit_on_error=False, group="search")
    def _search(self, query: str) -> None:
        time.sleep(0.05)  # typing fast: let the next key cancel this search
        if get_current_worker().is_cancelled:
            return
        try:
            with self.margin_app.db() as lib:
                hits = lib.search(as_you_type(query), limit=100, tag=self.tag)
        except Exception as exc:  # noqa: BLE001 - a bad query is a message, not a crash
            self.post_message(self.Results(query, [], one_line(exc)))
            return
        self.post_message(self.Results(query, list(hits)))

    def search_again(self) -> None:
        """The search's hits again (the tag filter changed)."""
        if self.search_text:
            self._search(self.search_text)

    def on_library_screen_results(self, message: Results) -> None:
        if message.query != self.search_text:
            return
        items = [ListItem(hit.row, hit.snippet, list(hit.matches)) for hit in message.hits]
        self.article_list.set_items(items, item_height=2, keep=False)
        self._update_title()
        self._update_welcome()
        self.scan_text = message.error or ("No matches" if not items else "")
        self._update_status()

    def action_bookmark(self) -> None:
        item = self.article_list.current
        if item is None or item.row.status != "ok":
            return
        self._toggle_bookmark(item.row.path, not item.row.bookmarked)

    @work(thread=True, exit_on_error=False, group="bookmark")
    def _toggle_bookmark(self, path: str, on_: bool) -> None:
        try:
            with self.margin_app.db() as lib:
                lib.set_bookmark(path, on_)
        except Exception as exc:  # noqa: BLE001
            self.margin_app.call_from_thread(
                self.margin_app.say, f"Bookmark not saved: {one_line(exc)}", severity="error"
            )
            return
        self.post_message(self.Bookmarked())

    def on_library_screen_bookmarked(self) -> None:
        self.refresh_rows()

    def refresh_rows(self) -> None:
        """The rows again after a write: the list, or the search's hits in place."""
        if not self.search_text:
            self.reload()
            return
        try:
            with self.margin_app.db() as lib:
                for item in self.article_list.items:
                    fresh = lib.find(item.row.id)
                    if fresh is not None:
                        item.row = fresh
        except Exception as exc:  # noqa: BLE001 - the list stays as it was
            self.margin_app.say(f"Cannot list articles: {one_line(exc)}", severity="error")
        self.article_list.refresh_row(self.article_list.cursor)
        self._moved()

    @on(ArticleList.Chosen)
    def _open(self, event: ArticleList.Chosen) -> None:
        item = event.item
        # a search hit opens at the words it was found by (the snippet's first match)
        snippet = item.snippet or ""
        start, end = item.matches[0] if self.search_text and item.matches else (0, 0)
        self.open_row(item.row, find=snippet[start:end])

    def open_row(self, row: ArticleRow, find: str = "") -> None:
        """Open the article in the reader (at the first match of ``find``, if
        given); one without its text is offered a fetch."""
        from margin.ui.screens.reader_screen import ReaderScreen

        if row.status == "pending" or (row.status == "failed" and not row.path):
            self.offer_fetch(row)
            return
        if row.status != "ok":
            reason = one_line(row.reason or "could not be read")
            self.margin_app.say(
                f"{display_path(Path(row.path).name)}: {reason}",
                title="Cannot open",
                severity="warning",
            )
            return
        self.app.push_screen(ReaderScreen(row.path, row=row, find=find))

    @on(ArticleList.Moved)
    def _moved(self) -> None:
        # Refreshing bindings recomposes the footer (slow): only when the
        # keys that apply change (b on an article, T and e on any row).
        item = self.article_list.current
        kind = "" if item is None else ("ok" if item.row.status == "ok" else "other")
        if kind != self._row_kind:
            self._row_kind = kind
            self.refresh_bindings()
