"""Turning untrusted strings into things safe to show.

Ingest already strips control characters from article fields; file names and
error messages come from elsewhere, so the UI cleans them again here before
they reach a widget, always as plain text (never as markup).

The rules are those of :mod:`margin.ingest.sanitize` (a test holds the two
to the same results), written out again because importing anything from
``margin.ingest`` loads the whole extractor (lxml, readability): a third of
the app's start-up, for three regular expressions.
"""

from __future__ import annotations

import os
import re

from rich.text import Text

# C0 controls except \t and \n, DEL, C1 controls (ESC is C0).
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_NEWLINES_RE = re.compile(r"\r\n?")
# Bidi embedding/override/isolate controls, zero-width marks, line/paragraph separators.
_BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")
_SPACES_RE = re.compile(r"\s+")


def clean_field(value: str | None) -> str | None:
    """One line: no controls, no bidi overrides, runs of space collapsed."""
    if value is None:
        return None
    value = _BIDI_RE.sub("", _CONTROL_RE.sub(" ", _NEWLINES_RE.sub(" ", value)))
    value = _SPACES_RE.sub(" ", value).strip()
    return value or None


def plain(value: object) -> str:
    """One line of text with no control characters (for titles, messages)."""
    if value is None:
        return ""
    return clean_field(str(value).replace("\n", " ")) or ""


def one_line(value: str | None) -> str:
    return clean_field(value) or ""


def file_name(path: str | os.PathLike[str] | bytes) -> str:
    """A file name safe to show: undecodable bytes escaped, controls made visible."""
    if isinstance(path, bytes):
        name = path.decode("utf-8", "backslashreplace")
    else:
        # surrogateescape'd bytes from a non-UTF-8 file name
        name = (
            os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        )
    return "".join(
        ch
        if not (_CONTROL_RE.match(ch) or _BIDI_RE.match(ch) or ch in "\r\n\t")
        else f"\\x{ord(ch):02x}"
        if ord(ch) < 0x100
        else f"\\u{ord(ch):04x}"
        for ch in name
    )


def text(value: object, style: str = "") -> Text:
    """A Rich ``Text`` holding ``value`` literally."""
    return Text(plain(value), style=style, no_wrap=False, end="")
