"""Turning untrusted strings into things safe to show.

Ingest already strips control characters from article fields; file names and
error messages come from elsewhere, so the UI cleans them again here before
they reach a widget, always as plain text (never as markup). The rules are
ingest's own (:mod:`margin.ingest.sanitize`, which loads no extractor).
"""

from __future__ import annotations

import os

from rich.text import Text

from margin.ingest.sanitize import clean_field, clean_message, display_path

__all__ = ["clean_field", "file_name", "one_line", "plain", "text"]


def plain(value: object) -> str:
    """One line of text with no control characters (for titles, messages)."""
    if value is None:
        return ""
    return clean_message(str(value))


def one_line(value: str | None) -> str:
    return clean_field(value) or ""


def file_name(path: str | os.PathLike[str] | bytes) -> str:
    """A file name safe to show: undecodable bytes escaped, controls made visible."""
    return display_path(path)


def text(value: object, style: str = "") -> Text:
    """A Rich ``Text`` holding ``value`` literally."""
    return Text(plain(value), style=style, no_wrap=False, end="")
