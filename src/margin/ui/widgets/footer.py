"""The footer, recomposed once per batch of binding changes.

Textual's ``Footer`` rebuilds all its keys on every ``bindings_updated``
signal, and opening a screen sends several (mount, focus, the first cursor
move): four rebuilds of a dozen widgets before the library's first paint.
Here the changes that arrive before the next refresh share one rebuild.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class MarginFooter(Footer):
    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        await self.recompose()
