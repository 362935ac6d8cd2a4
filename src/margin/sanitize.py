"""The one place untrusted text is made safe to store and to show.

Article text and fields are cleaned once, at ingest (:func:`clean_text`,
:func:`clean_field`); file names and error messages come from elsewhere and
are cleaned where they are shown (:func:`display_path`, :func:`clean_message`).
The reader's renderer keeps offsets fixed with :func:`visible`, which maps any
control character one for one. This module imports nothing heavy: the app,
the store and the CLI all load it at start-up.
"""

from __future__ import annotations

import os
import re

# C0 controls except \t and \n, DEL, C1 controls. ESC (0x1b) is C0.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# \r is handled separately: \r\n and lone \r become \n in body text.
_NEWLINES_RE = re.compile(r"\r\n?")
# Bidi embedding/override/isolate controls, plus the zero-width and line/
# paragraph separators that let a short field masquerade as something else.
_BIDI_RE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u2028\u2029]")
_SPACES_RE = re.compile(r"\s+")
# For visible(): every control but \n becomes U+FFFD, \t a space.
_VISIBLE = {c: "\ufffd" for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if c != 0x0A}
_VISIBLE[0x09] = " "


def clean_text(text: str) -> str:
    """Body text: normalise newlines, drop control characters (keep \\n, \\t)."""
    text = _NEWLINES_RE.sub("\n", text)
    return _CONTROL_RE.sub("", text)


def clean_field(text: str | None) -> str | None:
    """A one-line field (title, byline, site, URL): no controls, no bidi, one line."""
    if text is None:
        return None
    text = _BIDI_RE.sub("", _CONTROL_RE.sub(" ", _NEWLINES_RE.sub(" ", text)))
    text = _SPACES_RE.sub(" ", text).strip()
    return text or None


def one_line(value: object) -> str:
    """Any value as one clean line ("" for None): titles and messages in the UI."""
    if value is None:
        return ""
    return clean_field(str(value)) or ""


def display_path(path: str | os.PathLike[str] | bytes) -> str:
    """A file name safe to print: undecodable bytes escaped, controls made visible."""
    if isinstance(path, bytes):
        name = path.decode("utf-8", "backslashreplace")
    else:
        name = os.fspath(path)
        # surrogateescape'd bytes from a non-UTF-8 file name
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(
        ch
        if not (_CONTROL_RE.match(ch) or _BIDI_RE.match(ch) or ch in "\r\n\t")
        else f"\\x{ord(ch):02x}"
        if ord(ch) < 0x100
        else f"\\u{ord(ch):04x}"
        for ch in name
    )


def clean_message(message: str) -> str:
    """An error message: one line, no control characters."""
    return clean_field(message.replace("\n", " ")) or ""


def visible(text: str) -> str:
    """``text`` with each control character but ``\\n`` replaced one for one
    (a tab by a space), so offsets into it stay valid: the renderer's guard
    for text that did not come through ingest."""
    return text.translate(_VISIBLE)
