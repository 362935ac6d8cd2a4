"""Reading one value the way the services wrote it: dates, flags, numbers,
tag lists and URLs. Each function takes what the export holds (any JSON
value or CSV text) and returns a plain value, or None when the value is not
what it should be; the caller says where it was if that matters.
"""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable
from datetime import UTC, datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Omnivore gave newsletters (mail, not web pages) a URL that leads nowhere.
OMNIVORE_NO_URL = "https://omnivore.app/no_url"
_WEB_SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
_TRACKING_PARAM_RE = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid)$", re.I)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")

# Unix times past this are milliseconds (some bookmark exporters), then microseconds.
_MS_THRESHOLD = 10**11
_US_THRESHOLD = 10**14
# Formats seen besides ISO 8601: Wallabag's CSV, and dates with a space.
_DATE_FORMATS = ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M")
# A Python-list literal longer than this is not a tag list.
_MAX_LITERAL = 100_000


def valid_unicode(text: str) -> str:
    """``text`` without lone surrogates (JSON's ``"\\ud800"`` makes them), which
    no file or database can store."""
    return _SURROGATE_RE.sub("\ufffd", text)


def dedupe(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def is_fetchable(url: str | None) -> bool:
    """An http(s) URL that leads to the page (not Omnivore's newsletter stand-in)."""
    if not url or url.startswith(OMNIVORE_NO_URL):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in _WEB_SCHEMES and bool(parts.hostname)


def normalise_url(url: str) -> str:
    """One spelling of a URL for matching: scheme and host lower-cased, the
    default port, fragment and tracking parameters dropped."""
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        netloc = parts.netloc.lower().removesuffix(_DEFAULT_PORTS.get(scheme, "\0"))
        query = [(k, v) for k, v in parse_qsl(parts.query, True) if not _TRACKING_PARAM_RE.match(k)]
    except ValueError:
        return url.strip()
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def iso_from_unix(value: object) -> str | None:
    """A Unix time (seconds, or milliseconds/microseconds when that large) as ISO 8601 UTC."""
    number = to_float(value)
    if number is None or number <= 0:
        return None
    if number > _US_THRESHOLD:
        number /= 1_000_000
    elif number > _MS_THRESHOLD:
        number /= 1000
    try:
        return datetime.fromtimestamp(number, UTC).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return None


def iso_from_text(value: object) -> str | None:
    """A written date as ISO 8601: UTC when it had a zone, as written when not."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return iso_from_unix(value)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return iso_from_unix(text)
    moment = _parse_date(text)
    if moment is None:
        return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.isoformat(timespec="seconds")


def _parse_date(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    for layout in _DATE_FORMATS:
        try:
            return datetime.strptime(text, layout)
        except ValueError:
            continue
    return None


def to_bool(value: object) -> bool | None:
    """0/1, true/false (any case), "0"/"1" as a bool; anything else None."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0 if value in (0, 1) else None
    if isinstance(value, str):
        return {"1": True, "0": False, "true": True, "false": False}.get(value.strip().lower())
    return None


def to_int(value: object) -> int | None:
    """An integer written as a number or as text ("12"); None otherwise."""
    number = to_float(value)
    return int(number) if number is not None and number == int(number) else None


def to_float(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if number == number and abs(number) != float("inf") else None


def progress(value: object, *, scale: float) -> float | None:
    """A reading progress written out of ``scale`` (100 for percent) as 0-1.
    A trailing ``%`` always means percent."""
    if isinstance(value, str) and value.strip().endswith("%"):
        value, scale = value.strip()[:-1], 100
    number = to_float(value)
    if number is None or number < 0:
        return None
    return min(1.0, number / scale)


def split_tags(text: str | None, separator: str) -> list[str]:
    if not text:
        return []
    return [t.strip() for t in text.split(separator) if t.strip()]


def list_literal(text: str | None) -> list[str] | None:
    """Tags written as a list: JSON (``["a", "b"]``) or Python (``['a', "b's"]``).
    [] for an empty cell; None when the text is not a list of strings."""
    if not text or not text.strip():
        return []
    if len(text) > _MAX_LITERAL:
        return None
    for parse in (json.loads, ast.literal_eval):
        try:
            value = parse(text)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            continue
        if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
            return list(value)
    return None


def text_or_none(value: object) -> str | None:
    """A JSON value meant to be a string: the string, or None for anything else."""
    return value if isinstance(value, str) else None


def id_text(value: object) -> str | None:
    """A service's id, written as a number or a string, as text; None when absent."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    return str(value).strip() or None


def strings(value: object) -> list[str]:
    """A JSON value meant to be a list of names: strings kept, ``{"name"|"label": s}``
    objects read (Omnivore labels, Wallabag tags), anything else dropped."""
    if not isinstance(value, list):
        return []
    names = []
    for entry in value:
        if isinstance(entry, dict):
            entry = entry.get("name", entry.get("label"))
        if isinstance(entry, str):
            names.append(entry)
    return names
