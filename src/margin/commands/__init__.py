"""One module per CLI command, each with ``run(args) -> int``."""

from __future__ import annotations

import os
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


def known_article(lib: Library, path: str | None) -> None:
    """IngestError when ``path`` (if given) is neither a file nor an article
    the library remembers (a deleted file's notes are still listed)."""
    from margin.errors import IngestError
    from margin.sanitize import display_path

    if path is not None and not os.path.isfile(path) and lib.article_row(path) is None:
        raise IngestError(display_path(path), "no such file")
