"""Start the app: ``margin``, ``margin DIR`` or ``margin FILE``."""

from __future__ import annotations

from pathlib import Path

from margin import paths
from margin.config import load_config
from margin.errors import IngestError
from margin.sanitize import display_path


def launch(target: str | None) -> int:
    """Open the library, run the app, return the exit code.

    A damaged database (``DatabaseError``) or another ``MarginError`` propagates
    to the CLI, which prints it on one line.
    """
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
        result = app.run()
    finally:
        library.close()
    if app.return_code not in (None, 0):
        return int(app.return_code)
    return int(result or 0)
