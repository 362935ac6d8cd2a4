"""Pages from the web -> files in margin's inbox.

:func:`fetch` gets one http(s) page within bounds (schemes, redirects, time,
size, type); :func:`fetch_many` gets many with a per-host limit;
:func:`save_page` writes one as a file that records its URL and fetch time,
and :func:`saved_from` reads those back. Standard library only.

The names are loaded when first used: ingest reads a saved page's "saved
from" mark through :mod:`margin.fetching.saved` in every extraction, and
must not load the HTTP client (``http.client``, ``ssl``, ``email``: some
0.15 s) to do it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from margin.fetching.client import fetch
    from margin.fetching.many import fetch_many
    from margin.fetching.outcome import Fetched, FetchError
    from margin.fetching.saved import save_page, saved_from

__all__ = ["FetchError", "Fetched", "fetch", "fetch_many", "save_page", "saved_from"]

_WHERE = {
    "fetch": "client",
    "fetch_many": "many",
    "Fetched": "outcome",
    "FetchError": "outcome",
    "save_page": "saved",
    "saved_from": "saved",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module 'margin.fetching' has no attribute {name!r}")
    return getattr(importlib.import_module(f"margin.fetching.{_WHERE[name]}"), name)
