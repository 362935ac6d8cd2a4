"""Start the app: ``margin``, ``margin DIR`` or ``margin FILE``."""

from __future__ import annotations

import gc
import sys
from pathlib import Path

from margin import paths
from margin.config import load_config
from margin.errors import IngestError, MarginError
from margin.sanitize import clean_message, display_path


def launch(target: str | None) -> int:
    """Open the library, run the app, return the exit code.

    A damaged database (``DatabaseError``) or another ``MarginError`` propagates
    to the CLI, which prints it on one line.
    """
    # Importing Textual and building the first screen allocate many objects
    # that live as long as the app: collecting as they pile up cost ~20 ms
    # before the first paint. Collection resumes once that screen is shown,
    # with those objects set aside (frozen) from later collections.
    gc.disable()
    try:
        return _launch(target)
    finally:
        _collect_again()


def _collect_again() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _launch(target: str | None) -> int:
    from margin import entities
    from margin.library import Library
    from margin.ui.app import MarginApp

    folder: Path | None = None
    file: Path | None = None
    if target is not None:
        path = Path(target).expanduser()
        if path.is_dir():
            folder = path.resolve()
        elif path.is_file():
            file = path.resolve()
        elif path.exists():
            raise IngestError(display_path(target), "not a regular file or folder")
        else:
            raise IngestError(display_path(target), "no such file or folder")
    paths.ensure_home()
    config = load_config()
    entities.configure(backend=config.entity_backend, pipeline=config.spacy_pipeline)
    db_path = paths.database_path()
    library = Library.open(
        db_path, max_file_mb=config.max_file_mb, extract_timeout=config.extract_timeout
    )
    try:
        if folder is not None:
            library.add_folder(folder)
        app = MarginApp(
            library,
            folder=folder,
            file=file,
            config=config,
        )
        app.after_first_screen.append(_collect_again)
        result = app.run()
    finally:
        library.close()
    if app.failure is not None:
        return _say_failure(app.failure, target)
    if app.return_code not in (None, 0):
        return int(app.return_code)
    return int(result or 0)


def _say_failure(error: MarginError, target: str | None) -> int:
    """The one line ``margin extract`` prints for the same file, now that the
    app has given the terminal back; the path as the user typed it."""
    if isinstance(error, IngestError) and target is not None:
        error = IngestError(display_path(target), error.reason)
    sys.stderr.write(f"margin: {clean_message(str(error))}\n")
    sys.stderr.flush()
    return error.exit_code
