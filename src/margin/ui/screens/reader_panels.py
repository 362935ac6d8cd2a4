"""The reader's side panels: the entity panel (``e``) and the notes panel
(``m``), mounted the first time they are wanted, narrowed with the screen,
and what choosing an entry in one does.

A mixin of :class:`~margin.ui.screens.reader_screen.ReaderScreen`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.events import Resize
from textual.widget import Widget

from margin.ui.panel_width import TOO_NARROW, side_panel_width
from margin.ui.screens.reader_mixin import ReaderMixin

if TYPE_CHECKING:
    from margin.ui.widgets.side_panels import EntityPanel, NotesPanel


class ReaderPanels(ReaderMixin):
    """The side panels of the reader screen."""

    async def entity_panel(self) -> EntityPanel:
        if self._entity_panel is None:
            from margin.ui.widgets.side_panels import EntityPanel

            self._entity_panel = EntityPanel(id="entity-panel", classes="side-panel")
            self._entity_panel.display = False
            await self.query_one("#reader-body").mount(self._entity_panel)
            self._entity_panel.set_entities(self.article.entities if self.article else [])
        return self._entity_panel

    async def notes_panel(self) -> NotesPanel:
        if self._notes_panel is None:
            from margin.ui.widgets.side_panels import NotesPanel

            self._notes_panel = NotesPanel(id="notes-panel", classes="side-panel")
            self._notes_panel.display = False
            await self.query_one("#reader-body").mount(self._notes_panel)
            self._notes_panel.set_highlights(self._highlights)
        return self._notes_panel

    def _open_notes_panel(self) -> NotesPanel | None:
        panel = self._notes_panel
        return panel if panel is not None and panel.display else None

    def _toggle_panel(self, panel: Widget, other: Widget | None) -> None:
        if other is not None:
            other.display = False
        if panel.display:
            panel.display = False
            self.view.focus()
            return
        width = side_panel_width(self.size.width)
        if not width:
            self.margin_app.say(TOO_NARROW)
            return
        panel.styles.width = width
        panel.display = True
        panel.query_one("OptionList").focus()

    def on_resize(self, event: Resize) -> None:
        """An open side panel narrows with the screen, and closes when the
        reading column would get too narrow beside it."""
        width = side_panel_width(event.size.width)
        for panel in (self._entity_panel, self._notes_panel):
            if panel is None or not panel.display:
                continue
            if width:
                panel.styles.width = width
            else:
                panel.display = False
                self.view.focus()
                self.margin_app.say(f"Side panel closed. {TOO_NARROW}")

    async def action_entity_panel(self) -> None:
        self._toggle_panel(await self.entity_panel(), self._notes_panel)

    async def action_notes_panel(self) -> None:
        self._toggle_panel(await self.notes_panel(), self._entity_panel)

    def on_entity_panel_chosen(self, event: EntityPanel.Chosen) -> None:
        group = event.group
        view = self.view
        if self._entity_group is group and view.matches:
            view.next_match(True)
        else:
            self._entity_group = group
            view.set_matches(sorted(group.mentions))
            view.jump_to(*view.matches[0])
        self._update_status()
        self.refresh_bindings()

    def on_notes_panel_chosen(self, event: NotesPanel.Chosen) -> None:
        h = event.highlight
        if h.start is None or h.end is None:
            self.margin_app.say("That highlight's text is no longer in the article.")
            return
        self.view.jump_to(h.start, h.end)
        self._update_status()
