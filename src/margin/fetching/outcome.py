"""What a fetch gives: a :class:`Fetched` page or a :class:`FetchError`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import SplitResult

from margin.errors import MarginError
from margin.sanitize import clean_message


class FetchError(MarginError):
    """A page that could not be fetched; ``reason`` is one line for the user."""

    def __init__(self, url: str, reason: str) -> None:
        self.url = url
        self.reason = clean_message(reason)
        super().__init__(f"cannot fetch {clean_message(url)}: {self.reason}")


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str  #: the final URL, after redirects
    requested: str  #: the URL as it was asked for
    status: int
    content_type: str | None  #: "text/html", or None when the server sent none
    charset: str | None  #: from the Content-Type header only
    body: bytes  #: decoded from gzip/deflate
    fetched_at: str  #: ISO 8601, UTC, to the second


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def host_label(parts: SplitResult) -> str:
    """The host as a person would name it: no user name, the port only if given."""
    host = parts.hostname or "?"
    return f"{host}:{parts.port}" if parts.port else host
