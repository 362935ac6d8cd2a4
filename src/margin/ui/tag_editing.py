"""Editing an article's tags, the same from the library and the reader
(``T``): the dialog, offered every tag in use, and the write that takes off
the tags left out and adds the new ones."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from margin.sanitize import display_path, one_line
from margin.wording import shortened

if TYPE_CHECKING:
    from margin.library import ArticleRow, Library
    from margin.ui.app import MarginApp


def title_of(row: ArticleRow, limit: int = 60) -> str:
    """An article's name in a message: its title, else its address or file."""
    name = one_line(row.title) or one_line(row.url) or display_path(Path(row.path).name)
    return shortened(name, limit)


def ask_tags(app: MarginApp, row: ArticleRow, then: Callable[[list[str]], None]) -> None:
    """Open the tag editor on ``row``; ``then`` gets the tags chosen (not on cancel)."""
    from margin.ui.dialogs.tag_dialog import TagDialog

    try:
        with app.db() as lib:
            known = lib.all_tags()
    except Exception as exc:  # noqa: BLE001 - a message, not a crash
        app.say(f"Cannot read the tags: {one_line(exc)}", severity="error")
        return

    def chosen(tags: list[str] | None) -> None:
        if tags is not None:
            then(tags)

    app.push_screen(TagDialog(title_of(row), list(row.tags), known), chosen)


def changes(old: list[str], new: list[str]) -> tuple[list[str], list[str]]:
    """The tags to take off and the tags to add (case aside: "News" is "news")."""
    keep = {t.casefold() for t in new}
    had = {t.casefold() for t in old}
    return [t for t in old if t.casefold() not in keep], [t for t in new if t.casefold() not in had]


def retag(lib: Library, article_id: int, old: list[str], new: list[str]) -> list[str]:
    """Give the article the tags ``new`` (it had ``old``); its tags as saved."""
    gone, added = changes(old, new)
    if gone:
        lib.remove_tags(article_id, gone)
    if added:
        lib.add_tags(article_id, added)
    return lib.tags(article_id)


def said(row: ArticleRow, tags: list[str]) -> str:
    return f"Tags of {title_of(row, 40)}: " + (", ".join(tags) if tags else "none")
