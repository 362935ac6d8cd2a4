"""``T`` in the reader: the article's tags, edited as in the library and
shown with its byline. Mixed into :class:`ReaderScreen` (``_Host`` says
what it uses of it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.message import Message

from margin.ui import tag_editing

if TYPE_CHECKING:
    from margin.library import ArticleRow
    from margin.ui.app import MarginApp
    from margin.ui.screens.reader_writes import ReaderWrites
    from margin.ui.widgets.article_view import ArticleView


class TagsSaved(Message):
    def __init__(self, tags: list[str], said: str) -> None:
        super().__init__()
        self.tags = tags
        self.said = said


class _Host(Protocol):
    row: ArticleRow | None
    writes: ReaderWrites

    @property
    def margin_app(self) -> MarginApp: ...

    @property
    def view(self) -> ArticleView: ...


class ReaderTags:
    """Mixed into the reader screen: see the module docstring."""

    def action_tags(self: _Host) -> None:
        row = self.row
        if row is None:  # a file opened alone, not from the library
            return
        article = row  # narrowed for the callback

        def chosen(tags: list[str]) -> None:
            if any(tag_editing.changes(article.tags, tags)):
                self.writes.set_tags(article, tags)

        tag_editing.ask_tags(self.margin_app, row, chosen)

    def on_tags_saved(self: _Host, message: TagsSaved) -> None:
        if self.row is not None:
            self.row.tags = message.tags
        self.view.set_tags(message.tags)
        self.margin_app.say(message.said)
