"""save_page and saved_from: a fetched page becomes a UTF-8 file in the inbox
that says where it came from, and margin reads it as the page it was."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from margin.fetching import Fetched, save_page, saved_from
from margin.fetching.saved import MAX_NAME_BYTES, file_stem, mark_of_the_web
from margin.ingest.pipeline import extract_file

WHEN = "2025-03-04T05:06:07Z"
RUSSIAN_TEXT = "Съешь же ещё этих мягких французских булок, да выпей чаю. " * 8
RUSSIAN = (
    "<!DOCTYPE html><html><head><title>Булки</title></head>"
    f"<body><article><h1>Булки</h1><p>{RUSSIAN_TEXT}</p><p>{RUSSIAN_TEXT}</p></article></body></html>"
)

JAPANESE = (
    "<html><head><title>日本語の頁</title></head><body><article>"
    "<p>いろはにほへと ちりぬるを わかよたれそ つねならむ</p></article></body></html>"
)


def fetched(
    body: bytes,
    url: str = "https://news.example.com/2025/03/story.html",
    ctype: str | None = "text/html",
    charset: str | None = None,
) -> Fetched:
    return Fetched(url, url, 200, ctype, charset, body, WHEN)


@pytest.mark.parametrize(
    ("page", "charset", "title", "words"),
    [
        (RUSSIAN, "windows-1251", "Булки", "французских булок"),
        # Detection alone reads this short EUC-JP page as Korean: only the
        # header's charset gets it right.
        (JAPANESE, "EUC-JP", "日本語の頁", "いろはにほへと"),
    ],
    ids=["windows-1251", "euc-jp"],
)
def test_a_page_charset_only_in_the_header_is_saved_as_utf8_and_reads_right(
    tmp_path: Path, page: str, charset: str, title: str, words: str
) -> None:
    path = save_page(fetched(page.encode(charset), charset=charset.lower()), tmp_path)
    data = path.read_bytes()
    data.decode("utf-8")  # the file is UTF-8 now
    assert b'<meta charset="utf-8">' in data
    article = extract_file(path)
    assert article.title == title
    assert words in article.text
    assert article.url == "https://news.example.com/2025/03/story.html"


def test_a_pages_own_charset_is_rewritten_so_it_no_longer_lies(tmp_path: Path) -> None:
    page = RUSSIAN.replace(
        "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    )
    path = save_page(fetched(page.encode("cp1251")), tmp_path)
    head = path.read_text("utf-8")[:2000].lower()
    assert "windows-1251" not in head
    assert "charset=utf-8" in head
    assert "французских булок" in extract_file(path).text


def test_the_origin_is_the_first_line_and_reads_back(tmp_path: Path) -> None:
    url = "https://news.example.com/2025/03/story.html"
    path = save_page(fetched(RUSSIAN.encode()), tmp_path)
    first = path.read_text("utf-8").split("\n", 1)[0]
    assert first == f"<!-- saved from url=({len(url):04d}){url} -->"
    assert saved_from(path.read_text("utf-8")[:4096]) == (url, WHEN)


def test_a_url_cannot_close_the_comment_it_is_written_in() -> None:
    mark = mark_of_the_web("https://a.example/x-->y <script> z")
    assert mark.count("-->") == 1 and "<script>" not in mark
    assert saved_from(mark) == ("https://a.example/x--%3Ey%20%3Cscript%3E%20z", None)


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "<!DOCTYPE html>\r\n<!-- saved from url=(0027)https://example.org/a/page -->\r\n<html>",
            ("https://example.org/a/page", None),
        ),
        ("<!-- saved from url=(0014)about:internet -->\n<html>", None),
        ("<html><head><title>x</title></head>", None),
    ],
)
def test_saved_from_reads_browsers_marks(head: str, expected: object) -> None:
    assert saved_from(head) == expected


def test_the_file_name_is_the_title_and_host(tmp_path: Path) -> None:
    path = save_page(fetched(RUSSIAN.encode()), tmp_path)
    assert path.name == "Булки (news.example.com).html"
    assert path.parent == tmp_path


def test_a_second_save_gets_a_new_name_and_no_temporary_file_is_left(tmp_path: Path) -> None:
    first = save_page(fetched(RUSSIAN.encode()), tmp_path)
    second = save_page(fetched(RUSSIAN.encode()), tmp_path)
    assert second.name == "Булки (news.example.com) 2.html"
    assert first.read_bytes() == second.read_bytes()
    assert sorted(os.listdir(tmp_path)) == sorted([first.name, second.name])


def test_a_hostile_title_makes_a_harmless_bounded_name() -> None:
    stem = file_stem(
        '../../etc/passwd\x1b[31m: a *very* "long" <title> |' + " word" * 200,
        "https://www.example.com/",
    )
    assert "/" not in stem and "\\" not in stem and "\x1b" not in stem
    assert not any(ch in stem for ch in ':*?"<>|')
    assert len(stem.encode("utf-8")) <= MAX_NAME_BYTES
    assert stem.endswith(" (example.com)") and not stem.startswith(".")


def test_without_a_title_the_name_comes_from_the_url_path() -> None:
    assert file_stem(None, "https://blog.example.net/posts/why-we-read_slowly.html?x=1") == (
        "why we read slowly (blog.example.net)"
    )
    assert file_stem("", "https://example.net/") == "page (example.net)"


def test_a_plain_text_page_is_saved_as_html_paragraphs(tmp_path: Path) -> None:
    text = (
        "Notes on reading\n\n"
        + ("A paragraph of plain text about reading slowly. " * 6 + "\n\n") * 3
    )
    path = save_page(
        fetched(text.encode(), url="https://example.org/notes.txt", ctype="text/plain"), tmp_path
    )
    assert path.name == "Notes on reading (example.org).html"
    article = extract_file(path)
    assert "reading slowly" in article.text
    assert saved_from(path.read_text("utf-8")) == ("https://example.org/notes.txt", WHEN)
