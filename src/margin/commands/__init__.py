"""One module per CLI command, each with ``run(args) -> int``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from margin.config import Config
    from margin.library import Library


def open_library(settings: Config) -> Library:
    """The library, reading files within config.toml's limits (size and
    time; ``settings`` is what the CLI read at start): the commands that may
    read an article open it this way."""
    from margin.library import Library

    return Library.open(max_file_mb=settings.max_file_mb, extract_timeout=settings.extract_timeout)
