"""User settings from ``MARGIN_HOME/config.toml``.

Plain load code: no Textual here (the core never imports the UI toolkit).
A missing file gives the defaults; a broken one gives the defaults plus a
one-line problem the app shows, so a typo never stops margin from starting.

Example::

    theme = "textual-light"
    entities = true          # entity highlighting on when the reader opens
    column_width = 80        # 40..120, the reading column

    [keys]
    reader.highlight = "H"
    library.search = "slash,ctrl+f"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from margin import paths

MIN_COLUMN = 40
MAX_COLUMN = 120
DEFAULT_COLUMN = 84


@dataclass(slots=True)
class Config:
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    entities: bool = True
    column_width: int = DEFAULT_COLUMN
    problems: list[str] = field(default_factory=list)


def _flatten_keys(
    table: dict[str, object], prefix: str, out: dict[str, str], problems: list[str]
) -> None:
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, dict):
            _flatten_keys(value, f"{key}.", out, problems)
        elif isinstance(value, str) and value.strip():
            out[key] = value.strip()
        elif isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            out[key] = ",".join(v.strip() for v in value)
        else:
            problems.append(f'keys.{key}: expected a key name such as "H" or "ctrl+h"')


def parse_config(data: dict[str, object]) -> Config:
    config = Config()
    keys = data.get("keys", {})
    if isinstance(keys, dict):
        _flatten_keys(keys, "", config.keys, config.problems)
    else:
        config.problems.append("keys: expected a table")
    theme = data.get("theme")
    if isinstance(theme, str) and theme:
        config.theme = theme
    elif theme is not None:
        config.problems.append("theme: expected a theme name")
    entities = data.get("entities")
    if isinstance(entities, bool):
        config.entities = entities
    elif entities is not None:
        config.problems.append("entities: expected true or false")
    width = data.get("column_width")
    if isinstance(width, int) and not isinstance(width, bool):
        config.column_width = max(MIN_COLUMN, min(MAX_COLUMN, width))
    elif width is not None:
        config.problems.append("column_width: expected a number")
    return config


def load_config(path: Path | None = None) -> Config:
    """Read the config file; never raises for a bad file (see ``Config.problems``)."""
    path = path or paths.config_path()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        return Config(problems=[f"cannot read {path.name}: {exc.strerror or exc}"])
    try:
        data = tomllib.loads(raw.decode("utf-8", "replace"))
    except tomllib.TOMLDecodeError as exc:
        return Config(problems=[f"{path.name}: {exc}"])
    return parse_config(data)
