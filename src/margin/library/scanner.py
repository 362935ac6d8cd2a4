"""Walking library folders: which files are candidate articles.

Only regular files are returned (never FIFOs, devices or sockets, which
would hang or make no sense to read), and never the companion folder of a
browser's "Web Page, complete" save (``page_files/`` beside ``page.html``:
the page's frames, ads and widgets, not articles); symlinked folders are
followed but each
folder and file is visited once, by device and inode, so a symlink loop ends.
Files and folders that vanish mid-walk or cannot be read are skipped quietly;
file names that are not UTF-8 come back as ``surrogateescape`` strings, as
``os`` gives them. Nothing is ever written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: Extensions that are never articles (assets saved next to a page).
SKIP_EXTENSIONS = frozenset(
    [
        ".css",
        ".js",
        ".mjs",
        ".map",
        ".json",
        ".xml",
        ".rss",
        ".atom",
        ".png",
        ".jpg",
        ".jpeg",
        ".gif",
        ".webp",
        ".avif",
        ".bmp",
        ".ico",
        ".svg",
        ".tif",
        ".tiff",
        ".heic",
        ".woff",
        ".woff2",
        ".ttf",
        ".otf",
        ".eot",
        ".mp3",
        ".mp4",
        ".m4a",
        ".m4v",
        ".webm",
        ".ogg",
        ".ogv",
        ".wav",
        ".flac",
        ".mov",
        ".avi",
        ".mkv",
        ".zip",
        ".gz",
        ".tgz",
        ".bz2",
        ".xz",
        ".zst",
        ".7z",
        ".rar",
        ".tar",
        ".pdf",
        ".epub",
        ".doc",
        ".docx",
        ".xls",
        ".xlsx",
        ".ppt",
        ".pptx",
        ".exe",
        ".dll",
        ".so",
        ".dylib",
        ".bin",
        ".iso",
        ".dmg",
        ".db",
        ".sqlite",
        ".sqlite3",
        ".pyc",
        ".part",
        ".crdownload",
        ".tmp",
        ".swp",
        ".ds_store",
    ]
)


#: Compressed files that are saved pages all the same: a web archive's
#: records, each its own gzip member.
COMPRESSED_PAGES = (".warc.gz",)

#: Pages a browser saves "complete", with a companion folder beside them.
PAGE_EXTENSIONS = (".html", ".htm", ".xhtml", ".shtml", ".mht", ".mhtml")

#: The companion folder's suffix after the page's name, as browsers write it
#: (Chrome and Firefox "_files"; localised builds and older browsers their
#: own word). Compared case-insensitively.
COMPANION_SUFFIXES = (
    "_files",
    "-files",
    ".files",
    "_file",
    "-dateien",
    "_dateien",
    "_fichiers",
    "_archivos",
    "_arquivos",
    "_ficheiros",
    "_bestanden",
    "-bestanden",
    "_filer",
    "-filer",
    "_tiedostot",
    "_pliki",
    "_soubory",
    "_súbory",
    "_fajlovi",
    "_datoteke",
    "_dosyalar",
    "_elemei",
    "_fitxers",
    "_failid",
    "_bylos",
)


def companion_of(folder_name: str, page_stems: set[str]) -> bool:
    """Whether ``folder_name`` is the companion folder of a saved page whose
    name (without extension, casefolded) is in ``page_stems``: only when the
    page itself sits beside it, so a user's own "Tax_files" stays a folder."""
    low = folder_name.casefold()
    return any(
        low.endswith(suffix) and low[: -len(suffix)] in page_stems for suffix in COMPANION_SUFFIXES
    )


@dataclass(frozen=True, slots=True)
class FoundFile:
    path: str  # absolute, may hold surrogate escapes
    size: int
    mtime_ns: int
    dev: int
    ino: int


def walk(
    root: str,
    *,
    seen_dirs: set[tuple[int, int]] | None = None,
    seen_files: set[tuple[int, int]] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[FoundFile]:
    """Regular files under ``root`` that may be articles, one stat each."""
    seen_dirs = set() if seen_dirs is None else seen_dirs
    seen_files = set() if seen_files is None else seen_files
    # Real paths throughout, so a file reached through a symlink is stored
    # under the same name whichever way the user names it.
    root = os.path.realpath(root)
    try:
        st = os.stat(root)
    except OSError:
        return
    if stat.S_ISREG(st.st_mode):
        key = (st.st_dev, st.st_ino)
        if key not in seen_files:
            seen_files.add(key)
            yield FoundFile(root, st.st_size, st.st_mtime_ns, st.st_dev, st.st_ino)
        return
    if not stat.S_ISDIR(st.st_mode):
        return
    stack = [(root, (st.st_dev, st.st_ino))]
    while stack:
        if cancelled is not None and cancelled():
            return
        folder, key = stack.pop()
        if key in seen_dirs:
            continue
        seen_dirs.add(key)
        subdirs: list[tuple[str, tuple[int, int]]] = []
        yield from _folder(folder, seen_files, subdirs)
        stack.extend(reversed(subdirs))


def _folder(
    folder: str, seen_files: set[tuple[int, int]], subdirs: list[tuple[str, tuple[int, int]]]
) -> Iterator[FoundFile]:
    """The candidate files directly in ``folder``, by name; its folders go
    to ``subdirs`` as (path, (device, inode))."""
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return  # vanished or unreadable
    entries.sort(key=lambda e: e.name)
    page_stems = {
        stem.casefold()
        for stem, ext in (os.path.splitext(e.name) for e in entries)
        if ext.lower() in PAGE_EXTENSIONS
    }
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue  # .git, .DS_Store, editor swap files, ...
        try:
            est = entry.stat()  # follows symlinks: one stat per entry
        except OSError:
            continue  # dangling symlink, vanished file
        link = entry.is_symlink()  # from the directory listing: no extra call
        if stat.S_ISDIR(est.st_mode):
            if page_stems and companion_of(name, page_stems):
                continue
            sub = os.path.realpath(entry.path) if link else entry.path
            subdirs.append((sub, (est.st_dev, est.st_ino)))
            continue
        if not stat.S_ISREG(est.st_mode):
            continue
        if _skipped(name):
            continue
        fkey = (est.st_dev, est.st_ino)
        if fkey in seen_files:
            continue
        seen_files.add(fkey)
        path = os.path.realpath(entry.path) if link else entry.path
        yield FoundFile(path, est.st_size, est.st_mtime_ns, est.st_dev, est.st_ino)


def _skipped(name: str) -> bool:
    """Whether a file is never an article, by its name."""
    low = name.lower()
    return os.path.splitext(low)[1] in SKIP_EXTENSIONS and not low.endswith(COMPRESSED_PAGES)
