"""Pages from the web -> files in margin's inbox.

:func:`fetch` gets one http(s) page within bounds (schemes, redirects, time,
size, type); :func:`fetch_many` gets many with a per-host limit;
:func:`save_page` writes one as a file that records its URL and fetch time,
and :func:`saved_from` reads those back. Standard library only, so importing
this package costs little.
"""

from margin.fetching.client import Fetched, FetchError, fetch
from margin.fetching.many import fetch_many
from margin.fetching.saved import save_page, saved_from

__all__ = ["FetchError", "Fetched", "fetch", "fetch_many", "save_page", "saved_from"]
