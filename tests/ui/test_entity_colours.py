"""Entity colours are the entities' own: on the dark and the light theme, the
colour of each label is used by no other element of the reader (headings,
the title, notes, links, search matches, highlights, the cursor), the four
labels differ, and each reads on the background."""

from __future__ import annotations

import pytest
from helpers import open_titled, wait_for
from rich.color import Color
from rich.segment import Segment

from margin.config import Config
from margin.library import Library
from margin.model import Entity
from margin.ui.entity_colours import ENTITY_COLOURS
from margin.ui.widgets.side_panels import EntityPanel

RGB = tuple[int, int, int]
#: word in the first paragraph -> the label it is given
LABELLED = {"Barack Obama": "PERSON", "Angela Merkel": "ORG", "Berlin": "PLACE", "trade": "OTHER"}


def rgb(color: Color | None, default: RGB) -> RGB:
    if color is None:
        return default
    triplet = color.get_truecolor()
    return (triplet.red, triplet.green, triplet.blue)


def luminance(colour: RGB) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: RGB, b: RGB) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def distance(a: RGB, b: RGB) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True)) ** 0.5


def drawn_segments(view) -> dict[str, Segment]:
    """Each piece of text on screen -> the segment it was drawn in."""
    return {
        segment.text.strip(): segment
        for y in range(view.scrollable_content_region.height)
        for segment in view.render_line(y)
        if segment.text.strip()
    }


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_entity_colours_are_used_by_nothing_else(make_app, library_dir, theme):
    with Library.open() as lib:
        article = lib.load_article(library_dir / "harbour.md")
        at = article.text.index("reporters")
        lib.add_highlight(library_dir / "harbour.md", at, at + 9, "A note.")
    app = make_app(config=Config(theme=theme))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        view = reader.view
        text = reader.article.text
        first = reader.article.blocks[1]
        view.set_entities(
            [
                Entity(
                    word,
                    label,
                    text.index(word, first.start),
                    text.index(word, first.start) + len(word),
                )  # type: ignore[arg-type]
                for word, label in LABELLED.items()
            ]
        )
        await pilot.press("slash", *"cold", "enter")  # matches; the current one in paragraph 1
        await pilot.press("g")
        await pilot.pause()
        segments = drawn_segments(view)
        base = view.base_style
        background = rgb(base.bgcolor, (0, 0, 0))
        foreground = rgb(base.color, (255, 255, 255))

        def fg(needle: str) -> RGB:
            return rgb(segments[needle].style.color, foreground)

        def bg(needle: str) -> RGB:
            return rgb(segments[needle].style.bgcolor, background)

        others = {
            "heading": fg("Arrival"),
            "title": fg("The Harbour at Dawn"),
            "note": fg("✎ A note."),
            "text and links": foreground,
            "highlight": bg("reporters"),
            "match": bg("cold"),
            "cursor": bg("Arrival"),
        }
        assert len(set(others.values())) >= 5  # the elements were found, each styled
        colours = {label: fg(word) for word, label in LABELLED.items()}
        assert len(set(colours.values())) == 4, colours
        for label, colour in colours.items():
            for element, used in others.items():
                assert distance(colour, used) > 60, (label, element, colour, used)
            assert contrast(colour, background) >= 4.5, (label, colour, background)
        dark = theme == "textual-dark"
        for label, colour in colours.items():  # (the table's colours, as drawn)
            assert colour == rgb(Color.parse(ENTITY_COLOURS[label].on(dark)), (0, 0, 0))


async def test_the_entity_panel_labels_in_the_same_colours(make_app):
    app = make_app(config=Config(theme="textual-light"))
    async with app.run_test(size=(120, 30)) as pilot:
        reader = await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("e")
        panel = reader.query_one(EntityPanel)
        await wait_for(pilot, lambda: bool(panel.groups))
        option_list = panel.query_one("OptionList")
        for index, group in enumerate(panel.groups):
            prompt = option_list.get_option_at_index(index).prompt
            label_style = prompt.spans[-1].style
            colour = ENTITY_COLOURS[group.label]
            assert Color.parse(str(label_style)) == Color.parse(colour.light)
