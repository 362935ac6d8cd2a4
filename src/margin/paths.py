"""The one module that knows where margin keeps its files."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path


def home() -> Path:
    """``MARGIN_HOME`` if set, else the platform's user data dir."""
    env = os.environ.get("MARGIN_HOME")
    path = Path(env).expanduser() if env else user_data_path("margin", appauthor=False)
    return path


def ensure_home() -> Path:
    path = home()
    path.mkdir(parents=True, exist_ok=True)
    return path


def database_path() -> Path:
    return home() / "margin.db"


def config_path() -> Path:
    return home() / "config.toml"


def inbox_path() -> Path:
    """margin's own library folder, always part of the default library."""
    return home() / "inbox"


def sample_articles_path() -> Path | None:
    """The bundled samples: inside the installed package, or at the top of a
    checkout (None when neither is there)."""
    here = Path(__file__).resolve()
    packaged = here.parent / "sample_articles"
    if packaged.is_dir():
        return packaged
    for parent in here.parents:
        candidate = parent / "sample_articles"
        if candidate.is_dir():
            return candidate
    return None
