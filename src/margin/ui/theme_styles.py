"""Component styles resolved against the widget's background, as Textual does for widgets.

``Widget.get_component_rich_style`` turns a theme colour into a Rich colour
without its alpha: ``$boost`` (white at 4 % in the dark theme) became a white
background under light text, and ``$text-muted`` (``auto 60%``) white text on
the light theme's grey. Here a background with alpha is blended onto the
widget's background and a text colour (``auto`` included) onto the background
it is drawn on, so every theme variable looks in the Line API widgets the way
it does in ordinary ones.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.style import Style
from textual.cache import LRUCache
from textual.widget import Widget


def component_style(widget: Widget, name: str) -> Style:
    """The Rich style of component class ``name``, with alpha and ``auto`` resolved."""
    styles = widget.get_component_styles(name)
    _, background = widget.background_colors
    bgcolor = None
    under = background
    if styles.has_rule("background") and styles.background.a > 0:
        under = background + styles.background
        bgcolor = under.rich_color
    color = None
    if styles.has_rule("color") and styles.color.a > 0:
        text = styles.color
        if styles.auto_color or text.auto:  # "auto 60%": black or white, whichever reads
            text = under.get_contrast_text(text.a)
        color = (under + text).rich_color
    return Style(color=color, bgcolor=bgcolor) + styles.text_style


if TYPE_CHECKING:
    _WidgetBase = Widget
else:
    # A plain mixin at run time: as a Widget subclass it would join Textual's
    # per-class machinery (bindings, CSS type names) ahead of ScrollView.
    _WidgetBase = object


class CachedLineStyles(_WidgetBase):
    """For Line API widgets: their styles cached, and dropped with the
    rendered lines in ``_cache`` when the theme or CSS changes."""

    _cache: LRUCache[Any, Any]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._styles: dict[str, Style] = {}
        # Widget.rich_style walks every ancestor: far too slow to call per line
        self._base_style: Style | None = None

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._styles.clear()
        self._cache.clear()

    @property
    def base_style(self) -> Style:
        if self._base_style is None:
            self._base_style = self.rich_style
        return self._base_style

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = component_style(self, name)
        return style
