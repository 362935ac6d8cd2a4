"""A palette provider of fixed commands: the shape margin's palette
providers share (its own commands, the library's, the corrections').

A subclass lists its commands as (name, callback, help) in
:meth:`CommandList.commands`; names and help are fixed text of ours. Every
hit is a ``rich.text.Text`` built here: ``Matcher.highlight()`` parses its
candidate as markup, and an article's title may be a candidate too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider

#: A palette entry: its name, what choosing it does, its help line.
Command = tuple[str, Callable[[], Any], str]


def shown(matcher: Matcher, candidate: str) -> Text:
    """``candidate`` as plain text, its matched letters underlined."""
    text = Text(candidate)
    _, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    for offset in offsets:
        if not candidate[offset].isspace():
            text.stylize("bold underline", offset, offset + 1)
    return text


class CommandList(Provider):
    """Discovery and search over :meth:`commands`."""

    def commands(self) -> list[Command]:
        return []

    async def discover(self) -> Hits:
        for name, callback, help_text in self.commands():
            yield DiscoveryHit(Text(name), callback, text=name, help=help_text)

    async def search(self, query: str) -> Hits:
        for hit in self.command_hits(self.matcher(query)):
            yield hit

    def command_hits(self, matcher: Matcher) -> Iterator[Hit]:
        for name, callback, help_text in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, shown(matcher, name), callback, text=name, help=help_text)
