"""The mark of a page that is an article already: read whole, not cut.

A read-later service (Omnivore, Wallabag) chose the article from its page
and kept only that; its export holds it so. margin's import writes such a
page with :data:`WHOLE_ARTICLE` in its head, and the HTML extractor then
takes the page's body as the article (:func:`reads_whole`): cutting it again
would drop text the reader saw there, and the highlights made on it.
Kept apart from the extractor so that writing the mark loads no parser.
"""

from __future__ import annotations

import re

WHOLE_ARTICLE = '<meta name="margin-article" content="whole">'
_WHOLE_ARTICLE_RE = re.compile(
    r"""<meta\s+name\s*=\s*["']margin-article["']\s+content\s*=\s*["']whole["']""", re.I
)


def reads_whole(head: str) -> bool:
    """Whether a page's first characters carry the mark."""
    return _WHOLE_ARTICLE_RE.search(head) is not None
