"""Turning untrusted strings into things safe to show.

Ingest already strips control characters from article fields; file names and
error messages come from elsewhere, so the UI cleans them again here before
they reach a widget, always as plain text (never as markup).
"""

from __future__ import annotations

import os

from rich.text import Text

from margin.ingest.sanitize import clean_field, clean_message, display_path


def plain(value: object) -> str:
    """One line of text with no control characters (for titles, messages)."""
    if value is None:
        return ""
    return clean_message(str(value))


def one_line(value: str | None) -> str:
    return clean_field(value) or ""


def file_name(path: str | os.PathLike[str]) -> str:
    return display_path(path)


def text(value: object, style: str = "") -> Text:
    """A Rich ``Text`` holding ``value`` literally."""
    return Text(plain(value), style=style, no_wrap=False, end="")
