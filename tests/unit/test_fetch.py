"""margin.fetching.fetch against a real HTTP server on 127.0.0.1 (no mocks,
no outside network): redirects, encodings, charsets, errors, time and size."""

from __future__ import annotations

import gzip
import shutil
import socket
import ssl
import subprocess
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from local_web import Handler, LocalWeb, drip, local_web, wait_until

from margin.fetching import FetchError, fetch
from margin.fetching.connection import USER_AGENT

PAGE = b"<!DOCTYPE html><html><head><title>A page</title></head><body><p>Hello</p></body></html>"
RUSSIAN = "<html><head><title>Привет</title></head><body><p>Съешь же ещё этих мягких французских булок</p></body></html>"
JAPANESE = "<html><head><title>日本語</title></head><body><p>いろはにほへと ちりぬるを わかよたれそ つねならむ</p></body></html>"
LIMIT = 256 * 1024
# Roomy for a busy machine; tests of a slow server pass SHORT.
FAST = {"timeout": 5.0, "deadline": 20.0}
# Small, so a test of a slow server takes a fraction of a second.
SHORT = {"timeout": 0.5, "deadline": 5.0}


# Requests to 127.0.0.1 go straight there, whatever proxy this machine names.
pytestmark = pytest.mark.usefixtures("no_proxy_env")


def routes(web: LocalWeb) -> None:
    r = web.routes
    r["/page"] = lambda h: h.reply(200, PAGE)
    r["/r301"] = lambda h: h.redirect(301, "/r302")
    r["/r302"] = lambda h: h.redirect(302, web.url("/r307"))
    r["/r307"] = lambda h: h.redirect(307, "page")
    r["/loop-a"] = lambda h: h.redirect(302, "/loop-b")
    r["/loop-b"] = lambda h: h.redirect(302, "/loop-a")
    r["/to-file"] = lambda h: h.redirect(302, "file:///etc/passwd")
    r["/no-location"] = lambda h: h.reply(302, b"", None)
    for n in range(12):
        r[f"/hop{n}"] = lambda h, n=n: h.redirect(301, f"/hop{n + 1}")
    r["/gzip"] = lambda h: h.reply(200, gzip.compress(PAGE), headers={"Content-Encoding": "gzip"})
    r["/deflate"] = lambda h: h.reply(
        200, zlib.compress(PAGE), headers={"Content-Encoding": "deflate"}
    )
    r["/raw-deflate"] = lambda h: h.reply(
        200, _raw_deflate(PAGE), headers={"Content-Encoding": "deflate"}
    )
    r["/cp1251"] = lambda h: h.reply(
        200, RUSSIAN.encode("cp1251"), "text/html; charset=windows-1251"
    )
    r["/sjis"] = lambda h: h.reply(
        200, JAPANESE.encode("shift_jis"), "text/html; charset=Shift_JIS"
    )
    r["/500"] = lambda h: h.reply(500, b"oops", "text/plain")
    r["/pdf"] = lambda h: h.reply(200, b"%PDF-1.4 ...", "application/pdf")
    r["/no-type"] = lambda h: h.reply(200, PAGE, None)
    r["/slow-head"] = lambda h: time.sleep(2)
    r["/slow-body"] = _slow_body
    r["/drip"] = lambda h: h.stream(drip(b"<", 0.1, 4))
    r["/drip-head"] = lambda h: h.drip_head(drip(b"a", 0.1, 4))
    r["/big"] = lambda h: h.reply(200, b"x" * (LIMIT + 1))
    r["/big-stream"] = lambda h: h.stream(iter([b"<p>" + b"y" * 8192] * 64))
    bomb = _bomb()
    r["/bomb"] = lambda h: h.reply(200, bomb, headers={"Content-Encoding": "gzip"})


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def _bomb() -> bytes:
    """64 MB of zeros in about 64 KB."""
    return gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)


def _slow_body(h: Handler) -> None:
    h.send_response(200)
    h.send_header("Content-Type", "text/html")
    h.send_header("Content-Length", "1000")
    h.end_headers()
    h.wfile.write(b"<html>")
    h.wfile.flush()
    time.sleep(2)


@pytest.fixture(scope="module")
def web() -> Iterator[LocalWeb]:
    with local_web() as server:
        routes(server)
        yield server


def failure(url: str, **options: object) -> str:
    with pytest.raises(FetchError) as caught:
        fetch(url, max_bytes=LIMIT, **{**FAST, **options})  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message
    return caught.value.reason


def test_a_page_comes_with_its_type_charset_and_time(web: LocalWeb) -> None:
    page = fetch(web.url("/page"), max_bytes=LIMIT, **FAST)
    assert page.body == PAGE
    assert page.status == 200
    assert (page.content_type, page.charset) == ("text/html", "utf-8")
    assert page.fetched_at.endswith("Z") and page.fetched_at[:2] == "20"
    _host, _path, headers = web.seen[-1]
    assert headers["User-Agent"] == USER_AGENT and "margin" in USER_AGENT


def test_a_chain_of_301_302_307_is_followed_to_the_page(web: LocalWeb) -> None:
    page = fetch(web.url("/r301"), max_bytes=LIMIT, **FAST)
    assert page.body == PAGE
    assert page.url == web.url("/page")
    assert page.requested == web.url("/r301")


def test_a_redirect_loop_is_named(web: LocalWeb) -> None:
    assert "loop" in failure(web.url("/loop-a"))


def test_redirects_are_bounded(web: LocalWeb) -> None:
    assert failure(web.url("/hop0")) == "more than 10 redirects"


def test_a_redirect_to_a_file_url_is_refused(web: LocalWeb) -> None:
    reason = failure(web.url("/to-file"))
    assert reason.startswith("a redirect to file: cannot be fetched")


def test_a_redirect_without_location_is_an_error(web: LocalWeb) -> None:
    assert failure(web.url("/no-location")).startswith("302 Found with no Location")


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.com/x",
        "javascript:alert(1)",
        "data:text/html,hi",
        "example.com/page",
    ],
)
def test_other_schemes_are_refused_before_any_connection(url: str) -> None:
    reason = failure(url)
    assert "cannot be fetched (only http and https)" in reason


@pytest.mark.parametrize("path", ["/gzip", "/deflate", "/raw-deflate"])
def test_compressed_pages_are_decoded(web: LocalWeb, path: str) -> None:
    assert fetch(web.url(path), max_bytes=LIMIT, **FAST).body == PAGE
    assert web.seen[-1][2]["Accept-Encoding"] == "gzip, deflate"


@pytest.mark.parametrize(("path", "charset"), [("/cp1251", "windows-1251"), ("/sjis", "shift_jis")])
def test_the_charset_is_taken_from_the_header(web: LocalWeb, path: str, charset: str) -> None:
    assert fetch(web.url(path), max_bytes=LIMIT, **FAST).charset == charset


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing", "404 Not Found from 127.0.0.1:{port}"),
        ("/500", "500 Internal Server Error from 127.0.0.1:{port}"),
    ],
)
def test_http_errors_say_the_status_and_the_host(web: LocalWeb, path: str, reason: str) -> None:
    assert failure(web.url(path)) == reason.format(port=web.port)


def test_a_server_silent_past_the_read_timeout_is_left(web: LocalWeb) -> None:
    assert failure(web.url("/slow-head"), **SHORT) == f"127.0.0.1:{web.port} sent nothing for 0.5 s"


def test_a_body_that_stalls_is_left_too(web: LocalWeb) -> None:
    assert failure(web.url("/slow-body"), **SHORT) == f"127.0.0.1:{web.port} sent nothing for 0.5 s"


@pytest.mark.parametrize("path", ["/drip", "/drip-head"])
def test_a_server_dripping_bytes_cannot_outlast_the_deadline(web: LocalWeb, path: str) -> None:
    # Each byte comes well within the read timeout; only the deadline stops it,
    # and it must stop it while the server is still sending (it sends for 4 s).
    reason = failure(web.url(path), timeout=0.5, deadline=1.0)
    assert reason == "the fetch took longer than 1 s and was stopped"
    assert wait_until(lambda: path in web.hung_up)


@pytest.mark.parametrize("path", ["/big", "/big-stream"])
def test_a_page_over_the_cap_is_refused_with_the_limit(web: LocalWeb, path: str) -> None:
    reason = failure(web.url(path))
    assert "0.2 MB limit" in reason and "max_file_mb" in reason


def test_a_gzip_bomb_stops_at_the_cap_on_decoded_bytes(web: LocalWeb) -> None:
    tracemalloc.start()
    try:
        reason = failure(web.url("/bomb"))
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "larger than the 0.2 MB limit" in reason
    # The bomb is 64 MB decoded; inflating one 64 KB read whole would take
    # tens of megabytes before any check could stop it.
    assert peak < 8 * 1024 * 1024


def test_a_type_that_is_not_a_page_is_named(web: LocalWeb) -> None:
    assert failure(web.url("/pdf")) == "it is application/pdf, not a web page or text"


def test_a_page_without_a_type_is_taken(web: LocalWeb) -> None:
    page = fetch(web.url("/no-type"), max_bytes=LIMIT, **FAST)
    assert (page.content_type, page.body) == (None, PAGE)


def test_a_refused_connection_is_named() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    assert failure(f"http://127.0.0.1:{port}/") == f"127.0.0.1:{port} refused the connection"


def test_a_host_that_never_accepts_hits_the_connect_timeout() -> None:
    # A listening socket whose backlog is full: the kernel drops further
    # connection attempts, so connecting hangs as it would to a dead host.
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(0)
        port = server.getsockname()[1]
        waiting = [socket.socket() for _ in range(3)]
        for sock in waiting:
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port))
        try:
            reason = failure(f"http://127.0.0.1:{port}/", **SHORT)
        finally:
            for sock in waiting:
                sock.close()
    assert reason == f"127.0.0.1:{port} did not answer within 0.5 s"


def test_a_host_that_does_not_exist_is_named() -> None:
    assert failure("http://no-such-host.invalid/page") == "cannot find host no-such-host.invalid"


def test_the_proxy_the_environment_names_is_used(
    web: LocalWeb, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The host does not resolve: only a request through the proxy can succeed.
    monkeypatch.setenv("http_proxy", f"http://127.0.0.1:{web.port}")
    page = fetch("http://article.invalid/page", max_bytes=LIMIT, **FAST)
    assert page.body == PAGE
    assert web.seen[-1][1] == "http://article.invalid/page"


def test_a_url_with_spaces_and_non_ascii_is_sent_encoded(web: LocalWeb) -> None:
    web.routes["/caf%C3%A9 menu"] = lambda h: h.reply(200, PAGE)
    web.routes["/caf%C3%A9%20menu"] = lambda h: h.reply(200, PAGE)
    page = fetch(web.url("/café menu"), max_bytes=LIMIT, **FAST)
    assert page.url == web.url("/caf%C3%A9%20menu")
    assert web.seen[-1][1] == "/caf%C3%A9%20menu"


@pytest.fixture(scope="module")
def tls_web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LocalWeb, Path]]:
    """The same server behind TLS, with a self-signed certificate for localhost."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make a certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    with local_web() as server:
        server.socket = context.wrap_socket(server.socket, server_side=True)
        server.routes["/page"] = lambda h: h.reply(200, PAGE)
        yield server, cert


def test_https_works_with_a_trusted_certificate(
    tls_web: tuple[LocalWeb, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, cert = tls_web
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))
    page = fetch(f"https://localhost:{server.port}/page", max_bytes=LIMIT, **FAST)
    assert page.body == PAGE


def test_an_untrusted_certificate_is_refused_with_a_reason(tls_web: tuple[LocalWeb, Path]) -> None:
    server, _cert = tls_web
    reason = failure(f"https://localhost:{server.port}/page")
    assert reason.startswith(f"the certificate of localhost:{server.port} is not valid")
