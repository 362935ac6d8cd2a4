"""The reading pane's component classes and their styles: one for each kind
of line and mark :class:`~margin.ui.widgets.article_view.ArticleView` draws
(theme variables only, so light and dark themes both work)."""

from __future__ import annotations

from margin.ui.entity_colours import ENTITY_COLOURS, entity_css
from margin.ui.widgets.article_layout import MARK_KINDS
from margin.ui.widgets.article_render import HIDDEN

ARTICLE_COMPONENTS = {
    "article-view--title",
    "article-view--meta",
    "article-view--rule",
    "article-view--heading",
    "article-view--quote",
    "article-view--code",
    "article-view--caption",
    "article-view--prefix",
    "article-view--note",
    *(colour.component for colour in ENTITY_COLOURS.values()),
    "article-view--link",
    "article-view--highlight",
    "article-view--highlight-note",
    "article-view--match",
    "article-view--match-current",
    "article-view--cursor",
    "article-view--selection",
    "article-view--gutter",
    HIDDEN,
    *(f"article-view--{kind}" for kind in MARK_KINDS),
}

ARTICLE_VIEW_CSS = (
    """
ArticleView {
    background: $surface;
    color: $foreground;
    scrollbar-gutter: stable;
    & > .article-view--title { text-style: bold; color: $text-primary; }
    & > .article-view--meta { color: $text-muted; }
    & > .article-view--rule { color: $primary-muted; }
    & > .article-view--heading { text-style: bold; color: $text-accent; }
    & > .article-view--quote { color: $text-muted; text-style: italic; }
    & > .article-view--code { background: $boost; color: $text-secondary; }
    & > .article-view--caption { color: $text-muted; text-style: italic; }
    & > .article-view--prefix { color: $text-muted; }
    & > .article-view--note { color: $text-warning; text-style: italic; }
    & > .article-view--link { text-style: underline; }
    & > .article-view--highlight { background: $warning 30%; }
    & > .article-view--highlight-note { background: $warning 30%; text-style: underline; }
    & > .article-view--match { background: $accent 40%; }
    & > .article-view--match-current { background: $accent; color: $text; text-style: bold; }
    & > .article-view--cursor { background: $primary 15%; }
    & > .article-view--selection { background: $primary 35%; }
    & > .article-view--gutter { color: $text-accent; }
    & > .article-view--hidden { color: $text-disabled; }
    & > .article-view--mark-dropped { color: $text-muted; text-style: italic; }
    & > .article-view--mark-cut { color: $text-error; text-style: italic; }
    & > .article-view--mark-kept { color: $text-success; text-style: italic; }
"""
    + entity_css()
    + "\n    }\n"
)
