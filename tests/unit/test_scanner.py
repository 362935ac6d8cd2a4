"""Which files a scan takes for articles: a browser's "Web Page, complete"
save is one article, not one per frame and widget in its companion folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_library import page, write

from margin.library import Library
from margin.library.scanner import walk

FRAME = "<html><head><title>ad frame</title></head><body><p>Advertisement</p></body></html>"
WIDGET = "<html><body><div>12 comments</div><a href='#'>Log in</a></body></html>"


def _complete_save(folder: Path, name: str, companion: str) -> Path:
    """NAME.html and its companion folder, laid out as the browsers write them."""
    article = write(folder / f"{name}.html", page())
    assets = folder / companion
    write(assets / "saved_resource.html", FRAME)
    write(assets / "ad_frame.htm", FRAME)
    write(assets / "comments-widget.html", WIDGET)
    write(assets / "nested" / "frame.html", FRAME)
    write(assets / "style.css", "p { color: red }")
    return article


def _found(folder: Path) -> list[str]:
    return sorted(Path(f.path).relative_to(folder).as_posix() for f in walk(str(folder)))


@pytest.mark.parametrize(
    "companion",
    [
        "Harbour repairs_files",  # Chrome, Firefox
        "Harbour repairs-Dateien",  # German builds
        "Harbour repairs_fichiers",  # French builds
        "Harbour repairs_archivos",  # Spanish builds
        "HARBOUR REPAIRS_FILES",  # another case
    ],
)
def test_a_complete_save_is_one_article(tmp_path: Path, companion: str) -> None:
    _complete_save(tmp_path, "Harbour repairs", companion)
    assert _found(tmp_path) == ["Harbour repairs.html"]


def test_a_users_own_folder_named_like_a_companion_is_scanned(tmp_path: Path) -> None:
    write(tmp_path / "Tax_files" / "refunds.html", page())
    write(tmp_path / "Other page.html", page())
    assert _found(tmp_path) == ["Other page.html", "Tax_files/refunds.html"]


def test_the_library_lists_a_complete_save_once(tmp_path: Path) -> None:
    _complete_save(tmp_path, "Harbour repairs", "Harbour repairs_files")
    _complete_save(tmp_path / "de", "Hafen", "Hafen-Dateien")
    with Library.open() as lib:
        summary = lib.scan([tmp_path], jobs=1)
        titles = [r.title for r in lib.articles()]
    assert summary.seen == 2 and not summary.failed
    assert titles == ["Repairs begin on the Valletta breakwater"] * 2


def test_a_fragment_with_no_article_is_skipped_not_listed(tmp_path: Path) -> None:
    write(tmp_path / "page.html", page())
    write(tmp_path / "widget.html", "<html><body><div>12 comments · Log in</div></body></html>")
    write(tmp_path / "list.md", "# Shopping\n\nEggs, milk, bread.\n")  # short, but titled
    with Library.open() as lib:
        summary = lib.scan([tmp_path], jobs=1)
        listed = sorted(Path(r.path).name for r in lib.articles())
        skipped = [Path(r.path).name for r in lib.articles(filter="skipped")]
        count = lib.article_count()
    assert [Path(p).name for p, _ in summary.skipped] == ["widget.html"]
    assert "no article" in summary.skipped[0][1] and not summary.failed
    assert listed == ["list.md", "page.html"] and count == 2
    assert skipped == ["widget.html"]
