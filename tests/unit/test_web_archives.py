"""Safari web archives and WARC files, built with plistlib and warcio's own
writer, read through the pipeline like any saved page."""

from __future__ import annotations

import gzip
import io
import plistlib
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from margin.errors import IngestError
from margin.ingest.pipeline import extract_bytes, extract_file
from margin.ingest.warc import looks_like_warc, warc_pages
from margin.ingest.webarchive import looks_like_webarchive, webarchive_main

# EUC-JP, which detection alone takes for Korean: only the declared
# encoding reads it right.
TEXT = (
    "いろはにほへと ちりぬるを わかよたれそ つねならむ うゐのおくやま けふこえて あさきゆめみし。"
    * 4
)
ARTICLE = (
    "<html><head><title>日本語の頁</title></head><body><article><h1>日本語の頁</h1>"
    f"<p>{TEXT}</p><p>{TEXT}</p></article></body></html>"
)
BODY = ARTICLE.encode("euc-jp")
AD = (
    "<html><body><p>Buy now! Subframe advertising that is not the article at all.</p></body></html>"
)


def webarchive(main: dict[str, object] | None = None) -> bytes:
    if main is None:
        main = {
            "WebResourceData": BODY,
            "WebResourceTextEncodingName": "EUC-JP",
            "WebResourceURL": "https://example.jp/iroha",
            "WebResourceMIMEType": "text/html",
            "WebResourceFrameName": "",
        }
    archive = {
        "WebMainResource": main,
        "WebSubresources": [
            {
                "WebResourceData": b"\x89PNG\r\n\x1a\n" + bytes(200),
                "WebResourceURL": "https://example.jp/logo.png",
                "WebResourceMIMEType": "image/png",
            }
        ],
        "WebSubframeArchives": [
            {
                "WebMainResource": {
                    "WebResourceData": AD.encode(),
                    "WebResourceTextEncodingName": "UTF-8",
                    "WebResourceURL": "https://ads.example.net/frame",
                    "WebResourceMIMEType": "text/html",
                }
            }
        ],
    }
    return plistlib.dumps(archive, fmt=plistlib.FMT_BINARY)


def test_a_webarchive_reads_as_its_main_page_in_its_declared_encoding(tmp_path: Path) -> None:
    path = tmp_path / "いろは.webarchive"
    path.write_bytes(webarchive())
    article = extract_file(path)
    assert article.kind == "webarchive"
    assert article.title == "日本語の頁"
    assert "わかよたれそ" in article.text
    assert "Buy now" not in article.text and "PNG" not in article.text
    assert article.url == "https://example.jp/iroha"


def test_webarchive_main_returns_bytes_encoding_and_url() -> None:
    data = webarchive()
    assert looks_like_webarchive(data)
    assert webarchive_main(data) == (
        BODY,
        "EUC-JP",
        "https://example.jp/iroha",
    )


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (plistlib.dumps({"hello": 1}, fmt=plistlib.FMT_BINARY), "not a Safari web archive"),
        (plistlib.dumps([1, 2], fmt=plistlib.FMT_BINARY), "not a Safari web archive"),
        (b"bplist00" + bytes(40), "a damaged property list"),
        (
            webarchive({"WebResourceData": b"%PDF-1.7", "WebResourceMIMEType": "application/pdf"}),
            "holds application/pdf, not a web page",
        ),
        (webarchive({"WebResourceURL": "https://x.example/"}), "holds no page"),
    ],
)
def test_a_plist_that_is_no_web_page_gets_one_reason(
    tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "page.webarchive"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        extract_file(path)
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def _record(
    writer: WARCWriter, kind: str, uri: str, status: str, ctype: str, body: bytes, **headers: str
) -> None:
    if kind == "request":
        http = StatusAndHeaders(
            f"GET {uri} HTTP/1.1", [("Host", "example.org")], is_http_request=True
        )
    else:
        fields = [("Content-Type", ctype), *((k.replace("_", "-"), v) for k, v in headers.items())]
        http = StatusAndHeaders(status, fields, protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=http)
    writer.write_record(record)


def _chunked(data: bytes, size: int = 100) -> bytes:
    pieces = [data[i : i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in pieces) + b"0\r\n\r\n"


def warc(*, gzipped: bool, pages: int = 1, chunked_gzip: bool = False) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzipped)
    _record(writer, "request", "https://example.org/story", "", "", b"")
    for n in range(pages):
        uri = "https://example.org/story" + (f"-{n}" if n else "")
        body = BODY
        if chunked_gzip:
            extra = {"Transfer_Encoding": "chunked", "Content_Encoding": "gzip"}
            _record(
                writer,
                "response",
                uri,
                "200 OK",
                "text/html; charset=euc-jp",
                _chunked(gzip.compress(body)),
                **extra,
            )
        else:
            _record(writer, "response", uri, "200 OK", "text/html; charset=euc-jp", body)
    _record(
        writer,
        "response",
        "https://example.org/gone",
        "404 Not Found",
        "text/html",
        b"<html><body><p>Not here</p></body></html>",
    )
    _record(
        writer,
        "response",
        "https://example.org/old",
        "301 Moved Permanently",
        "text/html",
        b"<html><body>moved</body></html>",
        Location="https://example.org/story",
    )
    _record(
        writer,
        "response",
        "https://example.org/logo.png",
        "200 OK",
        "image/png",
        b"\x89PNG\r\n\x1a\n" + bytes(64),
    )
    return out.getvalue()


@pytest.mark.parametrize("gzipped", [False, True])
def test_a_warc_of_one_page_reads_as_that_page(tmp_path: Path, gzipped: bool) -> None:
    path = tmp_path / ("capture.warc.gz" if gzipped else "capture.warc")
    path.write_bytes(warc(gzipped=gzipped))
    article = extract_file(path)
    assert article.kind == "warc"
    assert article.title == "日本語の頁"
    assert "わかよたれそ" in article.text
    assert article.url == "https://example.org/story"


def test_warc_pages_keep_only_2xx_html_responses() -> None:
    data = warc(gzipped=True, pages=3)
    assert looks_like_warc(data) and looks_like_warc(warc(gzipped=False))
    pages = warc_pages(data)
    assert [p.uri for p in pages] == [
        "https://example.org/story",
        "https://example.org/story-1",
        "https://example.org/story-2",
    ]
    assert {p.charset for p in pages} == {"euc-jp"}
    assert all(p.html_bytes == BODY for p in pages)
    assert all(p.date and p.date.startswith("20") for p in pages)


def test_a_chunked_gzipped_http_payload_is_undone() -> None:
    (page,) = warc_pages(warc(gzipped=False, chunked_gzip=True))
    assert page.html_bytes == BODY


def test_warc_pages_are_bounded_in_count_and_size() -> None:
    data = warc(gzipped=True, pages=3)
    with pytest.raises(ValueError, match="more than 2 pages"):
        warc_pages(data, max_pages=2)
    with pytest.raises(ValueError, match="limit"):
        warc_pages(data, max_bytes=len(BODY) * 2)


def test_a_warcs_pages_are_bounded_by_the_limit_the_caller_passes() -> None:
    data = warc(gzipped=True)
    assert extract_bytes(data, source="capture.warc.gz", max_bytes=len(BODY)).kind == "warc"
    with pytest.raises(IngestError, match="limit"):
        extract_bytes(data, source="capture.warc.gz", max_bytes=len(BODY) - 1)


def test_a_warc_of_many_pages_is_not_read_as_one_article(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(warc(gzipped=True, pages=2))
    with pytest.raises(IngestError, match="holds 2 pages"):
        extract_file(path)


def test_a_damaged_warc_gets_one_reason_and_prints_nothing(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    # The request's Content-Length cut short: warcio finds the next record
    # misplaced and, left alone, writes a warning to stderr.
    data = warc(gzipped=False).replace(b"Content-Length: ", b"Content-Length: 1", 1)
    path = tmp_path / "broken.warc"
    path.write_bytes(data)
    with pytest.raises(IngestError) as caught:
        extract_file(path)
    assert caught.value.reason.startswith("a damaged WARC file")
    assert capfd.readouterr().err == ""
