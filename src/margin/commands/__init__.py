"""One module per CLI command, each with ``run(args) -> int``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from margin.library import Library


def open_library() -> Library:
    """The library, reading files within config.toml's limits (size and
    time): the commands that may read an article open it this way."""
    from margin.config import current
    from margin.library import Library

    settings = current()
    return Library.open(max_file_mb=settings.max_file_mb, extract_timeout=settings.extract_timeout)
