"""User settings from ``MARGIN_HOME/config.toml``.

Plain load code: no Textual here (the core never imports the UI toolkit).
A missing file gives the defaults; a broken one gives the defaults plus a
one-line problem the app shows, so a typo never stops margin from starting.

Example::

    theme = "textual-light"
    entities = true          # entity highlighting on when the reader opens
    column_width = 80        # 40..120, the reading column
    cursor = "sentence"      # the reading cursor moves by "paragraph" (default) or "sentence"
    max_file_mb = 32         # larger files are refused with a reason
    extract_timeout = 30     # seconds one page may take before it is stopped
    entity_backend = "builtin"   # or "spacy" (needs spaCy and a pipeline installed)
    spacy_pipeline = "en_core_web_sm"

    [keys]
    reader.highlight = "H"
    library.search = "slash,ctrl+f"
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from margin import paths

MIN_COLUMN = 40
MAX_COLUMN = 120
DEFAULT_COLUMN = 84
CURSOR_UNITS = ("paragraph", "sentence")
DEFAULT_MAX_FILE_MB = 32
DEFAULT_MAX_BYTES = DEFAULT_MAX_FILE_MB * 1024 * 1024
DEFAULT_EXTRACT_TIMEOUT = 30.0
#: Entity recognisers margin can use (the entities package names them by these).
ENTITY_BACKENDS = ("builtin", "spacy")


@dataclass(slots=True)
class Config:
    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    entities: bool = True
    column_width: int = DEFAULT_COLUMN
    cursor: str = "paragraph"
    max_file_mb: int = DEFAULT_MAX_FILE_MB
    extract_timeout: float = DEFAULT_EXTRACT_TIMEOUT
    entity_backend: str = "builtin"
    spacy_pipeline: str | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def max_bytes(self) -> int:
        """``max_file_mb`` in bytes: files above it are refused unread."""
        return self.max_file_mb * 1024 * 1024


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


def _positive(data: dict[str, object], key: str, unit: str, problems: list[str]) -> float | None:
    value = data.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return float(value)
    if value is not None:
        problems.append(f"{key}: expected a positive number of {unit}")
    return None


#: Every top-level name config.toml may hold.
SETTINGS = (
    "keys",
    "theme",
    "entities",
    "column_width",
    "cursor",
    "max_file_mb",
    "extract_timeout",
    "entity_backend",
    "spacy_pipeline",
)


def parse_config(data: dict[str, object]) -> Config:
    config = Config()
    for name in data:
        if name not in SETTINGS:
            config.problems.append(f"{name}: not a setting margin knows (ignored)")
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
    if isinstance(width, int) and not isinstance(width, bool) and MIN_COLUMN <= width <= MAX_COLUMN:
        config.column_width = width
    elif width is not None:
        config.problems.append(
            f"column_width: expected a whole number from {MIN_COLUMN} to {MAX_COLUMN} "
            f"(using {DEFAULT_COLUMN})"
        )
    cursor = data.get("cursor")
    if cursor in CURSOR_UNITS:
        config.cursor = str(cursor)
    elif cursor is not None:
        config.problems.append('cursor: expected "paragraph" or "sentence"')
    max_mb = _positive(data, "max_file_mb", "megabytes", config.problems)
    if max_mb is not None:
        config.max_file_mb = int(max_mb)
    timeout = _positive(data, "extract_timeout", "seconds", config.problems)
    if timeout is not None:
        config.extract_timeout = timeout
    backend = data.get("entity_backend")
    if backend in ENTITY_BACKENDS:
        config.entity_backend = str(backend)
    elif backend is not None:
        config.problems.append('entity_backend: expected "builtin" or "spacy"')
    pipeline = data.get("spacy_pipeline")
    if isinstance(pipeline, str) and pipeline.strip():
        config.spacy_pipeline = pipeline.strip()
    elif pipeline is not None:
        config.problems.append("spacy_pipeline: expected the name of an installed pipeline")
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


_TABLE_RE = re.compile(r"^\s*\[")


def save_setting(name: str, value: str, path: Path | None = None) -> None:
    """Set one top-level string setting in config.toml, keeping everything
    else in the file as the user wrote it (comments, order, other settings,
    tables). The file is replaced atomically; one that would no longer parse
    is not written (ValueError)."""
    if name not in SETTINGS or name == "keys":
        raise ValueError(f"not a top-level setting: {name}")
    path = path or paths.config_path()
    try:
        old = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        old = ""
    new = _with_setting(old, name, f"{name} = {json.dumps(value, ensure_ascii=False)}")
    tomllib.loads(new)  # never write a file margin itself could not read
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(new, encoding="utf-8")
    os.replace(tmp, path)


def _with_setting(text: str, name: str, line: str) -> str:
    lines = text.splitlines()
    setting = re.compile(rf"^\s*{re.escape(name)}\s*=")
    first_table = next((i for i, ln in enumerate(lines) if _TABLE_RE.match(ln)), len(lines))
    for i in range(first_table):
        if setting.match(lines[i]):
            comment = _trailing_comment(lines[i])
            lines[i] = line + (f"  {comment}" if comment else "")
            break
    else:
        at = first_table
        while at > 0 and not lines[at - 1].strip():
            at -= 1  # before the blank lines that lead into the first table
        lines.insert(at, line)
    return "\n".join(lines) + "\n"


def _trailing_comment(line: str) -> str:
    """The ``# ...`` after a simple value (a string without '#', a number,
    a boolean), or ""."""
    m = re.match(r'^[^=]*=\s*(?:"[^"#]*"|\'[^\'#]*\'|[^"\'#]*?)\s*(#.*)$', line)
    return m.group(1) if m else ""
