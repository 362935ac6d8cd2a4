"""Lists of links in HTML (Pocket's ``ril_export.html``, Netscape bookmarks).

Both files are a flat run of headings and ``<a>`` tags whose attributes carry
the data, written loosely (unclosed ``<DT>``, ``<p>`` in lists), so they are
read as a stream of tags (the standard library's tolerant ``HTMLParser``)
rather than as a tree a parser would have to repair.
"""

from __future__ import annotations

from html.parser import HTMLParser

Attrs = dict[str, str | None]


class LinkParser(HTMLParser):
    """Calls :meth:`on_link` for each ``<a>`` and :meth:`on_heading` for each
    tag in ``HEADINGS``, with its attributes and text; every other tag goes
    to :meth:`on_start` and :meth:`on_end`."""

    HEADINGS: frozenset[str] = frozenset()

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._open: tuple[str, Attrs] | None = None
        self._text: list[str] = []

    def on_link(self, attrs: Attrs, text: str) -> None:
        """An ``<a>`` with its attributes (names lower-cased) and text."""

    def on_heading(self, tag: str, attrs: Attrs, text: str) -> None:
        """A heading from ``HEADINGS``."""

    def on_start(self, tag: str, attrs: Attrs) -> None:
        """Any other start tag."""

    def on_end(self, tag: str) -> None:
        """Any other end tag."""

    def on_text(self, text: str) -> None:
        """Text outside links and headings."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" or tag in self.HEADINGS:
            self._close()  # an unclosed link ends where the next one starts
            self._open, self._text = (tag, dict(attrs)), []
        else:
            self.on_start(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if self._open is not None and self._open[0] == tag:
            self._close()
        elif tag != "a" and tag not in self.HEADINGS:
            self.on_end(tag)

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._text.append(data)
        else:
            self.on_text(data)

    def close(self) -> None:
        super().close()
        self._close()

    def _close(self) -> None:
        if self._open is None:
            return
        (tag, attrs), text = self._open, " ".join("".join(self._text).split())
        self._open, self._text = None, []
        if tag == "a":
            self.on_link(attrs, text)
        else:
            self.on_heading(tag, attrs, text)
