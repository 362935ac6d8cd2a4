"""The library's keys for bringing articles in and sorting them out: ``A``
adds web pages by address, ``T`` edits an article's tags, ``e`` archives it,
``#`` lists one tag's articles, ``escape`` stops a fetch, and ``enter`` on a
pending article fetches it. The palette's library commands
(:mod:`margin.ui.library_commands`) call the same methods.

Mixed into :class:`~margin.ui.screens.library_screen.LibraryScreen`;
``_Host`` says what these methods use of it. Fetches and imports run in the
screen's :class:`~margin.ui.widgets.work_line.WorkLine`; tag and archive
writes in thread workers (a write may wait on another margin's lock), each
ending in a message to the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from margin.library.reports import FetchSummary, ImportSummary
from margin.sanitize import display_path, one_line
from margin.ui import tag_editing
from margin.ui.bring_in_wording import fetch_notice, import_notice
from margin.ui.tag_editing import title_of
from margin.ui.widgets.work_line import Job, WorkLine
from margin.wording import shortened

if TYPE_CHECKING:
    from margin.library import ArticleRow, Library
    from margin.ui.app import MarginApp
    from margin.ui.widgets.article_list import ArticleList

#: Seconds a summary stays up: long enough to read a few failures.
NOTICE_SECONDS = 10.0
#: What failed, when a job could not run at all.
JOB_FAILED = {"add": "Adding failed", "fetch": "Fetching failed", "import": "Import failed"}


class RowsWritten(Message):
    """Tags or the archived flag are saved: say so, and show the rows again."""

    def __init__(self, said: str) -> None:
        super().__init__()
        self.said = said


class WriteFailed(Message):
    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class _Host(Protocol):
    folder: Path | None
    filter: str
    tag: str | None
    search_text: str

    @property
    def margin_app(self) -> MarginApp: ...

    @property
    def article_list(self) -> ArticleList: ...

    @property
    def work_line(self) -> WorkLine: ...

    def reload(self, first: int | None = None) -> None: ...

    def refresh_rows(self) -> None: ...

    def refresh_bindings(self) -> None: ...

    def post_message(self, message: Message) -> bool: ...

    def open_row(self, row: ArticleRow, find: str = "") -> None: ...

    def search_again(self) -> None: ...

    def start_job(self, job: Job) -> None: ...

    def write(self, change: Callable[[Library], object], said: str, failed: str) -> None: ...


def export_problem(text: str) -> str | None:
    """Why ``text`` names no export file to import, or None."""
    if not text:
        return "Type the path of the export file, e.g. ~/Downloads/pocket.zip"
    path = export_path(text)
    if not path.exists():
        return f"No file at {display_path(path)}"
    if path.is_dir():
        return f"{display_path(path)} is a folder: give the export file in it"
    return None


def export_path(text: str) -> Path:
    # a file dropped on a terminal arrives quoted
    return Path(text.strip().strip("'\"")).expanduser()


class LibraryKeys:
    """Mixed into the library screen: see the module docstring."""

    # -------------------------------------------------- adding and fetching

    def action_add_urls(self: _Host) -> None:
        from margin.ui.dialogs.add_url_dialog import AddUrlDialog, addresses

        def chosen(text: str | None) -> None:
            if text:
                self.start_job(Job("add", urls=tuple(addresses(text))))

        if not _busy(self):
            self.margin_app.push_screen(AddUrlDialog(), chosen)

    def fetch_pending(self: _Host) -> None:
        self.start_job(Job("fetch"))

    def ask_import(self: _Host) -> None:
        from margin.ui.dialogs.prompt_dialog import PromptDialog

        def chosen(text: str | None) -> None:
            if text:
                self.start_job(Job("import", path=str(export_path(text))))

        dialog = PromptDialog(
            "Import a read-later export",
            "The file Omnivore, Pocket, Wallabag, Instapaper, Readwise or Hypothesis gave "
            "you, or browser bookmarks. Articles without their text come in pending.",
            placeholder="~/Downloads/pocket.zip",
            check=export_problem,
            yes="Import",
        )
        self.margin_app.push_screen(dialog, chosen)

    def offer_fetch(self: _Host, row: ArticleRow) -> None:
        """``enter`` on an article with no text yet: fetch it, then open it."""
        from margin.ui.dialogs.confirm_dialog import ConfirmDialog

        if not row.url:
            self.margin_app.say(f"{title_of(row)}: {one_line(row.reason) or 'no address'}")
            return
        if _busy(self):
            return
        waiting = row.status == "pending"
        question = "Fetch this article now?" if waiting else "Try fetching this article again?"
        detail = f"{title_of(row)}\n{one_line(row.url)}"
        if not waiting and row.reason:
            detail += f"\nLast time: {shortened(one_line(row.reason), 100)}"

        def answer(yes: bool | None) -> None:
            if yes:
                self.start_job(Job("fetch", ids=(row.id,), open_after=True))

        self.margin_app.push_screen(
            ConfirmDialog(question, detail, yes="Fetch", harmless=True), answer
        )

    def start_job(self: _Host, job: Job) -> None:
        if not _busy(self) and self.work_line.start(job):
            self.refresh_bindings()

    def action_stop_work(self: _Host) -> None:
        self.work_line.stop()

    def on_work_line_done(self: _Host, message: WorkLine.Done) -> None:
        self.refresh_bindings()
        job, summary = message.job, message.summary
        if summary is None:
            self.margin_app.say(f"{JOB_FAILED[job.kind]}: {message.error}", severity="error")
            return
        if isinstance(summary, ImportSummary):
            notice = import_notice(summary)
        else:
            notice = fetch_notice(summary, adding=job.kind == "add")
        self.margin_app.notify(
            notice.text,
            title=notice.title,
            severity=notice.severity,
            markup=False,
            timeout=NOTICE_SECONDS,
        )
        self.refresh_rows()
        if isinstance(summary, FetchSummary) and summary.saved:
            _show_new(self, summary.saved[0][1], open_it=job.open_after)

    # -------------------------------------------------- tags and the archive

    def action_tags(self: _Host) -> None:
        item = self.article_list.current
        if item is None:
            return
        row: ArticleRow = item.row

        def chosen(tags: list[str]) -> None:
            if any(tag_editing.changes(row.tags, tags)):
                self.write(
                    lambda lib: tag_editing.retag(lib, row.id, row.tags, tags),
                    tag_editing.said(row, tags),
                    "Tags not saved",
                )

        tag_editing.ask_tags(self.margin_app, row, chosen)

    def action_archive(self: _Host) -> None:
        item = self.article_list.current
        if item is None:
            return
        row: ArticleRow = item.row
        on = not row.archived
        said = f"Archived: {title_of(row)}" if on else f"Out of the archive: {title_of(row)}"
        self.write(lambda lib: lib.set_archived(row.id, on), said, "Not archived")

    def action_tag_filter(self: _Host) -> None:
        from margin.ui.dialogs.tag_filter_dialog import TagFilterDialog

        try:
            with self.margin_app.db() as lib:
                known = lib.all_tags()
        except Exception as exc:  # noqa: BLE001
            self.margin_app.say(f"Cannot read the tags: {one_line(exc)}", severity="error")
            return

        def chosen(tag: str | None) -> None:
            if tag is None or (tag or None) == self.tag:
                return
            self.tag = tag or None
            self.reload()
            self.search_again()
            self.refresh_bindings()

        self.margin_app.push_screen(TagFilterDialog(known, self.tag), chosen)

    def write(self: _Host, change: Callable[[Library], object], said: str, failed: str) -> None:
        """Run ``change`` in a thread; then ``said`` and the rows again, or why not."""

        def run() -> None:
            try:
                with self.margin_app.db() as lib:
                    change(lib)
            except Exception as exc:  # noqa: BLE001 - shown; what is listed stays
                self.post_message(WriteFailed(f"{failed}: {one_line(exc)}"))
                return
            self.post_message(RowsWritten(said))

        self.margin_app.run_worker(
            run, thread=True, exit_on_error=False, group="write", description="write"
        )

    def on_rows_written(self: _Host, message: RowsWritten) -> None:
        self.margin_app.say(message.said)
        self.refresh_rows()

    def on_write_failed(self: _Host, message: WriteFailed) -> None:
        self.margin_app.say(message.reason, severity="error")


def _busy(host: _Host) -> bool:
    """One fetch or import at a time: says so when one is under way."""
    if host.work_line.running:
        host.margin_app.say("Already fetching: wait for it, or press escape to stop it.")
    return host.work_line.running


def _show_new(host: _Host, path: str, *, open_it: bool) -> None:
    """Put the cursor on a page just brought in (listing every article of
    every folder if the filter or the folder hid it: pages are saved in
    margin's inbox); open it when the reader asked for that."""
    try:
        with host.margin_app.db() as lib:
            row = lib.find(path)
    except Exception:  # noqa: BLE001 - the notification said it is saved
        return
    if row is None:
        return
    if not host.search_text and not host.article_list.select(row.id):
        host.filter, host.tag, host.folder = "all", None, None
        host.reload()
        host.article_list.select(row.id)
    if open_it and row.status == "ok" and host.margin_app.screen is host:
        host.open_row(row)
