"""The core (everything outside margin.ui) never imports Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import margin

PACKAGE = Path(margin.__file__).parent


def core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts]


def test_no_core_module_imports_textual_in_its_source():
    offenders = []
    for path in core_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n == "textual" or n.startswith(("textual.", "margin.ui")) for n in names):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    # cli.py starts the app lazily for the bare `margin [DIR|FILE]` form only.
    offenders = [o for o in offenders if not o.startswith("cli.py")]
    assert offenders == []


def assert_no_textual_loaded_by(modules: list[str]) -> None:
    """Import ``modules`` in a fresh interpreter; none of them may load Textual."""
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(bad[:3]); sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_importing_the_core_does_not_load_textual():
    core = [
        "margin." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in core_modules()
        if p.name not in ("__main__.py",)
    ]
    assert_no_textual_loaded_by([m.removesuffix(".__init__") for m in core])


def test_the_readers_pure_modules_do_not_load_textual():
    """The cursor, layout, line drawing and status text stay testable without
    an app: importing them loads no Textual."""
    assert_no_textual_loaded_by(
        [
            "margin.ui.panel_width",
            "margin.ui.reading_cursor",
            "margin.ui.reading_progress",
            "margin.ui.sentences",
            "margin.ui.reader_status",
            "margin.ui.entity_colours",
            "margin.ui.text_direction",
            "margin.ui.viewport",
            "margin.ui.widgets.article_layout",
            "margin.ui.widgets.article_render",
            "margin.ui.widgets.article_tables",
        ]
    )
