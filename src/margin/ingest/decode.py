"""Bytes -> str: BOM, then a declared charset checked against the bytes, then detection.

A declaration is a claim, not a fact: pages saved as Windows-1252 often still
say ``utf-8``, and pages re-encoded by a save tool say what they used to be.
So a declared charset is only used when the bytes agree with it.
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{1,40})""", re.I
)
_XML_DECL_RE = re.compile(rb"""^\s*<\?xml[^>]{0,200}encoding\s*=\s*["']([a-zA-Z0-9_.:-]{1,40})""")

# WHATWG encoding-label aliases: what browsers really use for these labels.
_ALIASES = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "ms_kanji": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "utf8": "utf-8",
    "unicode": "utf-16",
}

# Single-byte encodings decode any byte string without error, so "the bytes
# agree" means something weaker for them: see _agrees().
_SINGLE_BYTE_PREFIXES = ("cp125", "iso8859", "iso-8859", "latin", "koi8", "mac", "cp874", "tis")

_SNIFF_BYTES = 16384


def normalise_charset(label: str | None) -> str | None:
    """A codec name Python knows for ``label``, or None for an unknown label."""
    if not label:
        return None
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (meta or XML declaration)."""
    head = data[:_SNIFF_BYTES]
    match = _XML_DECL_RE.match(head) or _META_CHARSET_RE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _is_single_byte(codec: str) -> bool:
    return codec.replace("_", "-").startswith(_SINGLE_BYTE_PREFIXES)


def _agrees(data: bytes, codec: str) -> bool:
    try:
        data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    if _is_single_byte(codec):
        # Any bytes decode; but bytes that are valid UTF-8 with non-ASCII in
        # them are almost never meant as Latin-1 (the declaration lies).
        return not _valid_utf8_with_non_ascii(data)
    return True


def _valid_utf8_with_non_ascii(data: bytes) -> bool:
    if data.isascii():
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _detect(data: bytes) -> str:
    if _valid_utf8_with_non_ascii(data) or data.isascii():
        return "utf-8"
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        return "cp1252"
    # Detection on a large page is slow and no better than on a sample.
    sample = data if len(data) <= 256 * 1024 else data[: 256 * 1024]
    best = from_bytes(sample, steps=5, chunk_size=512).best()
    if best is None:
        return "cp1252"
    name = normalise_charset(best.encoding) or "cp1252"
    # charset-normalizer may name a close cousin; prefer the WHATWG superset.
    return {"gb2312": "gb18030", "gbk": "gb18030", "shift_jis": "cp932"}.get(name, name)


def decode(data: bytes, *, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data``; returns (text, codec used). ``declared`` overrides sniffing
    of a meta charset (e.g. the charset of an MHTML part), but is still checked."""
    bom = bom_encoding(data)
    if bom:
        codec, skip = bom
        return data[skip:].decode(codec, "replace"), codec
    for label in (declared, declared_charset(data)):
        named = normalise_charset(label)
        if named and named.startswith("utf-16"):
            # A meta tag read as ASCII cannot really be UTF-16; the label is stale.
            continue
        if named and _agrees(data, named):
            return data.decode(named), named
    detected = _detect(data)
    return data.decode(detected, "replace"), detected
