"""How each entity label looks: its name, and the colour it is drawn in.

The reader colours entities in the text and the entity panel labels them in
the same colours; both read this one table. The colours are margin's own, one
for dark themes and one for light ones, rather than theme variables: a
theme's variables are what headings ($text-accent), titles ($text-primary),
notes ($text-warning), code ($text-secondary), matches, highlights and the
cursor are drawn in, and in the default dark theme $text-warning is
$text-accent, so places looked like headings. These hues (cyan, violet, lime,
pink) are used by nothing else in the reader, and each reads at 4.5:1 or
better on its theme's background.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityColour:
    #: What the entity panel calls the label.
    name: str
    #: The colour on a dark theme and on a light one.
    dark: str
    light: str

    @property
    def component(self) -> str:
        """The reading pane's component class for this label."""
        return f"article-view--{self.name}"

    def on(self, dark: bool) -> str:
        """The colour for a dark (or light) theme."""
        return self.dark if dark else self.light


ENTITY_COLOURS: dict[str, EntityColour] = {
    "PERSON": EntityColour("person", dark="#4FD6BE", light="#006570"),
    "ORG": EntityColour("org", dark="#D9A7FF", light="#7A2EA8"),
    "PLACE": EntityColour("place", dark="#B5E061", light="#4A6300"),
    "OTHER": EntityColour("other", dark="#FF8FD0", light="#A3246B"),
}


def entity_colour(label: str) -> EntityColour:
    """The look of ``label``; an unknown label looks like ``OTHER``."""
    return ENTITY_COLOURS.get(label, ENTITY_COLOURS["OTHER"])


def entity_css() -> str:
    """Nested rules for the reading pane's DEFAULT_CSS, one per label and theme kind."""
    return "\n".join(
        f"&:{kind} > .{c.component} {{ color: {c.on(kind == 'dark')}; text-style: bold; }}"
        for c in ENTITY_COLOURS.values()
        for kind in ("dark", "light")
    )
