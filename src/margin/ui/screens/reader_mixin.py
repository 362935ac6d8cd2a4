"""The base of the reader screen's mixins (``reader_cuts``, ``reader_panels``):
what they use of :class:`~margin.ui.screens.reader_screen.ReaderScreen`, for
the type checker. At run time it is a plain ``object``, so that each mixin
goes ahead of ``Screen`` in the reader's bases without joining Textual's
per-class machinery twice."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen

    from margin.model import Article, Highlight
    from margin.ui.app import MarginApp
    from margin.ui.screens.reader_writes import ReaderWrites
    from margin.ui.widgets.article_view import ArticleView
    from margin.ui.widgets.side_panels import EntityGroup, EntityPanel, NotesPanel

    class ReaderMixin(Screen[None]):
        path: str
        article: Article | None
        in_library: bool
        writes: ReaderWrites
        _highlights: list[Highlight]
        _entity_group: EntityGroup | None
        _entity_panel: EntityPanel | None
        _notes_panel: NotesPanel | None

        @property
        def view(self) -> ArticleView: ...
        @property
        def margin_app(self) -> MarginApp: ...
        def _update_status(self) -> None: ...

else:
    ReaderMixin = object
