"""How each entity label looks: its name, and the theme colour it is drawn in.

The reader colours entities in the text and the entity panel labels them in
the same colours; both read this one table. Theme variables rather than fixed
colours such as "yellow", which could not be read on the light theme.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EntityColour:
    #: What the entity panel calls the label.
    name: str
    #: The theme variable (without ``$``) that the label is drawn in.
    variable: str

    @property
    def component(self) -> str:
        """The reading pane's component class for this label."""
        return f"article-view--{self.name}"


ENTITY_COLOURS: dict[str, EntityColour] = {
    "PERSON": EntityColour("person", "text-success"),
    "ORG": EntityColour("org", "text-primary"),
    "PLACE": EntityColour("place", "text-warning"),
    "OTHER": EntityColour("other", "text-secondary"),
}


def entity_colour(label: str) -> EntityColour:
    """The look of ``label``; an unknown label looks like ``OTHER``."""
    return ENTITY_COLOURS.get(label, ENTITY_COLOURS["OTHER"])


def entity_css() -> str:
    """Nested rules for the reading pane's DEFAULT_CSS, one per label."""
    return "\n".join(
        f"& > .{c.component} {{ color: ${c.variable}; text-style: bold; }}"
        for c in ENTITY_COLOURS.values()
    )
