"""Where an export says a highlight was, as an offset into the article's
text: a hint for :func:`margin.library.placing.place`, never trusted over
the quote itself.

Hypothesis gives a character offset into the page's text. Wallabag gives
an XPath to a node of the content it stored and an offset inside that
node's text: read here against that content, with its whitespace collapsed
as margin's text has it, so the offset lands near the same words.
"""

from __future__ import annotations

from typing import Any

from margin.imports import ImportedHighlight, Item

#: Marks the node an XPath names; a private-use character no page holds.
_MARK = "\ue000"


class Hints:
    """Position hints for the highlights of one item."""

    def __init__(self, item: Item) -> None:
        self._html = item.html

    def hint(self, highlight: ImportedHighlight) -> int | None:
        where = highlight.position
        if where is None or where.start is None:
            return None
        if where.start_xpath is None:
            return max(0, where.start)
        offset = self._node_offset(where.start_xpath)
        return None if offset is None else offset + max(0, where.start)

    def _node_offset(self, xpath: str) -> int | None:
        """Characters of text before the node ``xpath`` names in the
        item's content, whitespace collapsed; None when it names none."""
        if not self._html:
            return None
        try:
            import lxml.html

            root = lxml.html.fragment_fromstring(self._html, create_parent="div")
            node = _first_node(root, xpath)
        except Exception:  # lxml raises many kinds for a bad path or page
            return None
        if node is None:
            return None
        node.text = _MARK + (node.text or "")
        before = root.text_content().split(_MARK, 1)[0]
        # Runs of whitespace count as one character, as margin's text has them.
        return len(" ".join(before.split())) + (before[-1:].isspace() and bool(before.strip()))


def _first_node(root: Any, xpath: str) -> Any:
    """The element ``xpath`` names, read from the content's top, else from
    one level down (services wrap what they store in an element of their
    own), else anywhere; None when it names none."""
    path = xpath.lstrip("/")
    for where in ("./", "./*/", ".//"):
        found = [n for n in root.xpath(where + path) if hasattr(n, "text")]
        if found:
            return found[0]
    return None
