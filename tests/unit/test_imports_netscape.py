"""Netscape bookmark files, as browsers and Pinboard write them."""

from __future__ import annotations

from margin.imports import read_export, sniff

BOOKMARKS = """<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1600000000" LAST_MODIFIED="1600000001" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://example.com/top" ADD_DATE="1600000100">On the bar</A>
        <DT><H3 ADD_DATE="1600000000">Reading</H3>
        <DL><p>
            <DT><H3>Python</H3>
            <DL><p>
                <DT><A HREF="https://example.com/deep" ADD_DATE="1600000200" LAST_MODIFIED="1600000300" TAGS="lang,tips">Deep &amp; nested</A>
                <DD>What it is about
                over two lines
            </DL><p>
            <DT><A HREF="https://example.com/shallow" ADD_DATE="1600000400">Shallow</A>
            <DT><A HREF="javascript:alert(1)">A bookmarklet</A>
        </DL><p>
    </DL><p>
    <DT><A HREF="https://example.com/root" ADD_DATE="1600000500000">Milliseconds</A>
</DL><p>
"""


def test_folders_become_tags(tmp_path):
    path = tmp_path / "bookmarks.html"
    path.write_text(BOOKMARKS, encoding="utf-8")
    assert sniff(path) == "netscape"
    export = read_export(path)
    items = {item.url: item for item in export.items}
    assert list(items) == [
        "https://example.com/top",
        "https://example.com/deep",
        "https://example.com/shallow",
        "https://example.com/root",
    ]
    assert items["https://example.com/top"].tags == []  # the browser's toolbar is no tag
    deep = items["https://example.com/deep"]
    assert deep.title == "Deep & nested"
    assert deep.tags == ["Reading", "Python", "lang", "tips"]
    assert deep.description == "What it is about over two lines"
    assert deep.saved == "2020-09-13T12:30:00+00:00"
    assert deep.updated == "2020-09-13T12:31:40+00:00"
    assert items["https://example.com/shallow"].tags == ["Reading"]
    assert items["https://example.com/shallow"].description is None
    assert items["https://example.com/root"].saved == "2020-09-13T12:35:00+00:00"
    assert any("javascript:alert(1)" in line for line in export.problems)


def test_a_bookmark_list_without_its_doctype(tmp_path):
    path = tmp_path / "export.html"
    path.write_text('<DL><p><DT><A HREF="https://example.com/a" ADD_DATE="1">A</A></DL>')
    assert sniff(path) == "netscape"
    assert [i.url for i in read_export(path).items] == ["https://example.com/a"]


def test_a_bookmark_file_in_its_declared_charset(tmp_path):
    page = (
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n"
        '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Shift_JIS">\n'
        '<DL><p><DT><A HREF="https://example.jp/" ADD_DATE="1">日本語のページ</A></DL>'
    )
    path = tmp_path / "bookmarks.html"
    path.write_bytes(page.encode("shift_jis"))
    assert read_export(path).items[0].title == "日本語のページ"
