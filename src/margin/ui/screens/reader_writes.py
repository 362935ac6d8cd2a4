"""The reader's writes to the library: bookmark, highlights, notes and tags
(and, through :meth:`ReaderWrites.run`, the corrections to the cut of
``reader_cuts``).

Each runs in a thread worker of the reader screen, since a write may wait on
another margin's lock, and ends in a message to the screen: what was saved,
or ``Failed`` with the reason, and then what the screen shows stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.message import Message

from margin.sanitize import one_line
from margin.ui import tag_editing

if TYPE_CHECKING:
    from margin.library import ArticleRow, Library
    from margin.ui.screens.reader_screen import ReaderScreen

#: A write: given the library, it saves something and returns the message
#: that tells the screen what changed.
Write = Callable[["Library"], Message]
#: The message that tells the screen a write failed, from its reason.
Failure = Callable[[str], Message]


class ReaderWrites:
    """The writes of one reader screen, about the article it shows."""

    def __init__(self, screen: ReaderScreen) -> None:
        self.screen = screen

    def bookmark(self, on: bool) -> None:
        def write(lib: Library) -> Message:
            lib.set_bookmark(self.screen.path, on)
            return self.screen.BookmarkSaved(on)

        self.run("Bookmark not saved", write)

    def add_highlight(self, start: int, end: int, note: str | None) -> None:
        def write(lib: Library) -> Message:
            h = lib.add_highlight(self.screen.path, start, end, note)
            if note and h.note != note and h.id is not None:
                lib.set_note(h.id, note)
            return self._changed(lib, "Note saved" if note else "Highlighted")

        self.run("Highlight not saved", write)

    def save_note(self, highlight_id: int, note: str) -> None:
        def write(lib: Library) -> Message:
            lib.set_note(highlight_id, note or None)
            return self._changed(lib, "Note saved" if note else "Note removed")

        self.run("Note not saved", write)

    def delete_highlight(self, highlight_id: int) -> None:
        def write(lib: Library) -> Message:
            lib.delete_highlight(highlight_id)
            return self._changed(lib, "Highlight deleted")

        self.run("Highlight not deleted", write)

    def set_tags(self, row: ArticleRow, tags: list[str]) -> None:
        from margin.ui.screens.reader_tags import TagsSaved

        def write(lib: Library) -> Message:
            saved = tag_editing.retag(lib, row.id, row.tags, tags)
            return TagsSaved(saved, tag_editing.said(row, saved))

        self.run("Tags not saved", write)

    def _changed(self, lib: Library, said: str) -> Message:
        """The article's highlights as now saved, for the screen to show."""
        return self.screen.HighlightsChanged(list(lib.highlights(self.screen.path)), said)

    def run(self, failed: str, write: Write, failure: Failure | None = None) -> None:
        """Run ``write`` in a worker; if it raises, the screen gets ``failure``
        (default: ``Failed``) with ``failed`` and the reason."""
        self.screen.run_worker(
            partial(self._in_thread, failed, write, failure),
            thread=True,
            exit_on_error=False,
            group="write",
            description="write",
        )

    def _in_thread(self, failed: str, write: Write, failure: Failure | None) -> None:
        screen = self.screen
        try:
            with screen.margin_app.db() as lib:
                done = write(lib)
        except Exception as exc:  # noqa: BLE001 - a failed write is a message, not a crash
            screen.post_message((failure or screen.Failed)(f"{failed}: {one_line(exc)}"))
            return
        screen.post_message(done)
