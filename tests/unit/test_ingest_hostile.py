"""Promise 3 (no input crashes or freezes margin) and promise 2 (no control
byte reaches the terminal), for ``margin extract``, on inputs built here.

Every case ends in success or exit 1 with exactly one ``margin: ...`` line on
stderr: never a traceback, never a control byte in the output.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from margin.cli import main

CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")

PROSE = (
    "The harbour authority in Rotterdam said on Tuesday that container traffic "
    "had recovered faster than expected, and that the new rail link to Duisburg "
    "would open in the spring after two years of delays and cost overruns."
)


def page(body: str, head: str = "<title>A test page about harbours</title>") -> str:
    return f"<!DOCTYPE html><html lang='en'><head>{head}</head><body><article>{body}</article></body></html>"


def run_extract(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, str, str]:
    code = main(["extract", str(path), *args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean_outcome(code: int, out: str, err: str) -> None:
    assert code in (0, 1)
    assert not CONTROL_RE.search(out), "control character in stdout"
    assert not CONTROL_RE.search(err), "control character in stderr"
    assert "Traceback" not in err
    if code == 1:
        lines = err.splitlines()
        assert len(lines) == 1 and lines[0].startswith("margin: cannot read "), err
        assert out == ""
    else:
        assert out.strip()


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --- refusals -------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  "], ids=["empty", "whitespace"])
def test_empty_files_are_refused_with_a_reason(tmp_path, capsys, content):
    code, out, err = run_extract(capsys, write(tmp_path, "x.html", content))
    assert_clean_outcome(code, out, err)
    assert code == 1 and "empty" in err


def test_random_binary_named_html_is_refused(tmp_path, capsys):
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(50_000))
    code, out, err = run_extract(capsys, write(tmp_path, "photo.html", data))
    assert_clean_outcome(code, out, err)
    assert code == 1 and "binary" in err


def test_missing_file_and_folder(tmp_path, capsys):
    code, out, err = run_extract(capsys, tmp_path / "nope.html")
    assert code == 1 and "no such file" in err
    code, out, err = run_extract(capsys, tmp_path)
    assert code == 1 and err.count("\n") == 1


def test_size_cap_refuses_with_the_limit(tmp_path):
    from margin.errors import IngestError
    from margin.ingest.pipeline import extract_file

    path = write(tmp_path, "big.html", page(f"<p>{PROSE}</p>" * 100))
    with pytest.raises(IngestError, match="limit"):
        extract_file(path, max_bytes=1000)


def test_a_page_of_only_navigation_links(tmp_path, capsys):
    links = "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(60))
    html = f"<html><body><nav><ul>{links}</ul></nav></body></html>"
    code, out, err = run_extract(capsys, write(tmp_path, "nav.html", html))
    assert_clean_outcome(code, out, err)


def test_truncated_mhtml(tmp_path, capsys):
    head = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://example.org/a\r\n"
        "Subject: A page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n"
        '\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc----"\r\n\r\n'
        "------MultipartBoundary--abc----\r\nContent-Type: text/html\r\n"
    )
    code, out, err = run_extract(capsys, write(tmp_path, "cut.mhtml", head))
    assert_clean_outcome(code, out, err)
    assert code == 1


def test_timeout_stops_a_slow_extraction(tmp_path, monkeypatch):
    import time

    from margin.errors import IngestError
    from margin.ingest import html
    from margin.ingest.pipeline import extract_file

    def slow(*args, **kwargs):
        time.sleep(5)

    monkeypatch.setattr(html, "extract_metadata", slow)
    path = write(tmp_path, "slow.html", page(f"<p>{PROSE}</p>"))
    with pytest.raises(IngestError, match="longer than"):
        extract_file(path, timeout=0.3)


# --- encodings --------------------------------------------------------------


def test_unknown_declared_charset_is_ignored(tmp_path, capsys):
    html = page(
        f"<p>{PROSE} Café au lait in Montréal.</p>", '<meta charset="x-foo-bar"><title>T</title>'
    )
    code, out, err = run_extract(capsys, write(tmp_path, "x.html", html))
    assert code == 0 and "Montréal" in out


def test_lying_utf8_declaration_on_windows_1252_bytes(tmp_path, capsys):
    html = page(
        f"<p>{PROSE} We met at a café in Montréal.</p>", '<meta charset="utf-8"><title>T</title>'
    )
    code, out, err = run_extract(capsys, write(tmp_path, "x.html", html.encode("cp1252")))
    assert code == 0
    assert "café in Montréal" in out and "\ufffd" not in out


def test_latin1_declaration_on_utf8_bytes(tmp_path, capsys):
    html = page(f"<p>{PROSE} Zürich and Kraków.</p>", '<meta charset="iso-8859-1"><title>T</title>')
    code, out, err = run_extract(capsys, write(tmp_path, "x.html", html.encode("utf-8")))
    assert code == 0 and "Zürich and Kraków" in out


CHINESE = "深圳的电动公交车已经全部投入运营，市政府表示这项计划减少了大量的碳排放。" * 8
JAPANESE = "京都の観光客は今年大幅に増加し、市は新しい交通計画を発表しました。" * 8


def test_gbk_without_declaration(tmp_path, capsys):
    html = page(f"<p>{CHINESE}</p>", "<title>深圳</title>")
    code, out, err = run_extract(capsys, write(tmp_path, "zh.html", html.encode("gbk")))
    assert code == 0 and CHINESE[:30] in out


def test_shift_jis(tmp_path, capsys):
    head = (
        '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"><title>京都</title>'
    )
    code, out, err = run_extract(
        capsys, write(tmp_path, "ja.html", page(f"<p>{JAPANESE}</p>", head).encode("shift_jis"))
    )
    assert code == 0 and JAPANESE[:30] in out


def test_utf16_with_bom(tmp_path, capsys):
    data = codecs.BOM_UTF16_LE + page(f"<p>{PROSE} Ærø</p>").encode("utf-16-le")
    code, out, err = run_extract(capsys, write(tmp_path, "u16.html", data))
    assert code == 0 and "Rotterdam" in out and "Ærø" in out


# --- hostile structure ---------------------------------------------------------


def test_sixteen_thousand_meta_tags(tmp_path, capsys):
    html = "<html><head>" + "<meta " * 16000 + f"</head><body><p>{PROSE}</p></body></html>"
    code, out, err = run_extract(capsys, write(tmp_path, "meta.html", html))
    assert_clean_outcome(code, out, err)


def test_five_thousand_nested_divs_keep_the_text_after_them(tmp_path, capsys):
    html = (
        "<html><body>" + "<div>" * 5000 + f"<p>Deep inside. {PROSE}</p>" + "</div>" * 5000
        + f"<p>After the nesting. {PROSE}</p></body></html>"
    )  # fmt: skip
    code, out, err = run_extract(capsys, write(tmp_path, "deep.html", html))
    assert_clean_outcome(code, out, err)
    assert code == 0 and "Deep inside" in out and "After the nesting" in out


def test_billion_laughs_doctype_is_not_expanded(tmp_path, capsys):
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
        for i in range(1, 10)
    )
    html = f'<?xml version="1.0"?><!DOCTYPE html [{ents}]><html><body><p>&lol9; {PROSE}</p></body></html>'
    code, out, err = run_extract(capsys, write(tmp_path, "lol.html", html))
    assert_clean_outcome(code, out, err)
    assert len(out) < 10_000 and "lollol" not in out and "ENTITY" not in out


@pytest.mark.slow
def test_twelve_megabyte_single_text_node(tmp_path, capsys):
    html = "<html><body><p>" + "word " * 2_400_000 + "</p></body></html>"
    code, out, err = run_extract(capsys, write(tmp_path, "huge.html", html))
    assert_clean_outcome(code, out, err)
    assert code == 0 and out.count("word") > 2_000_000  # not silently truncated


@pytest.mark.slow
def test_six_megabyte_article_of_forty_thousand_paragraphs(tmp_path, capsys):
    paras = "".join(f"<p>Paragraph {i}. {PROSE}</p>" for i in range(40_000))
    path = write(tmp_path, "long.html", page(paras))
    assert path.stat().st_size > 6_000_000 * 0.9
    code, out, err = run_extract(capsys, path, "--format", "json", "--no-entities")
    assert code == 0
    data = json.loads(out)
    assert "Paragraph 39999." in data["text"] and data["word_count"] > 1_000_000


# --- control characters and markup ------------------------------------------------

ESCAPES = "\x1b[31mRED\x1b[0m \x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 \x9b2J \x1bP+q\x1b\\ \x07\x00"


def test_escape_sequences_are_stripped_from_title_and_body(tmp_path, capsys):
    html = page(
        f"<h2>Heading {ESCAPES}</h2><p>{ESCAPES} {PROSE}</p>",
        f"<title>Title {ESCAPES} here and more words</title><meta name='author' content='Eve {ESCAPES}'>",
    )
    path = write(tmp_path, "esc.html", html)
    for fmt in ("text", "markdown", "json"):
        code, out, err = run_extract(capsys, path, "--format", fmt)
        assert code == 0
        assert_clean_outcome(code, out, err)
        assert "\x1b" not in out and "\x9b" not in out
    data = json.loads(run_extract(capsys, path, "--format", "json")[1])
    for key in ("title", "byline", "text"):
        assert not CONTROL_RE.search(data[key].replace("\n", "")), key
    assert "RED" in data["text"] and "RED" in data["title"]


def test_bidi_controls_removed_from_fields_not_body(tmp_path):
    from margin.ingest.pipeline import extract_file

    html = page(
        f"<p>{PROSE} \u202eevil\u202c</p>",
        "<title>Bank \u202etxt.exe\u202c statement of the year</title>",
    )
    art = extract_file(write(tmp_path, "bidi.html", html))
    assert "\u202e" not in art.title and "txt.exe" in art.title
    # The body keeps them: right-to-left text needs its direction marks.
    assert "\u202eevil\u202c" in art.text


def test_markup_lookalikes_are_kept_literally(tmp_path, capsys):
    hostile = "[bold]x[/bold] [@click=app.quit]Read me[/] [link=file:///etc/passwd]y[/link]"
    html = page(f"<p>{hostile} {PROSE}</p>", f"<title>{hostile}</title>")
    code, out, err = run_extract(capsys, write(tmp_path, "m.html", html), "--format", "json")
    data = json.loads(out)
    assert hostile in data["text"] and hostile in data["title"]


@pytest.mark.parametrize("name", ["evil\x1b[2Jname.html", "new\nline.html"])
def test_file_names_with_control_characters(tmp_path, capsys, name):
    bad = write(tmp_path, name, b"")
    code, out, err = run_extract(capsys, bad)
    assert code == 1
    assert_clean_outcome(code, out, err)
    good = write(tmp_path, "ok-" + name, page(f"<p>{PROSE}</p>"))
    code, out, err = run_extract(capsys, good, "--format", "json")
    assert code == 0 and "\x1b" not in out


def test_non_utf8_file_name(tmp_path):
    name = os.fsencode(tmp_path) + b"/caf\xe9.html"
    with open(name, "wb") as fh:
        fh.write(b"")
    proc = subprocess.run(
        [sys.executable, "-m", "margin", "extract", name], capture_output=True, timeout=60
    )
    assert proc.returncode == 1
    assert b"Traceback" not in proc.stderr
    assert proc.stderr.startswith(b"margin: cannot read ") and proc.stderr.count(b"\n") == 1
    assert b"\\xe9" in proc.stderr


def test_usage_errors_exit_2_without_traceback():
    proc = subprocess.run(
        [sys.executable, "-m", "margin", "extract", "x.html", "--format", "pdf"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines()[-1].startswith("margin: ")


def test_a_paragraph_of_forty_thousand_inline_elements(tmp_path, capsys):
    # Each inline element adds a piece to the paragraph being built: that
    # must cost the same for the 40,000th piece as for the first.
    words = "".join(f"<b>w{i}</b> " for i in range(40_000))
    path = write(tmp_path, "inline.html", page(f"<p>{PROSE}</p><p>{words}</p>"))
    code, out, err = run_extract(capsys, path, "--format", "json", "--no-entities")
    assert code == 0, err
    assert "w0 w1 w2" in out and "w39999" in out
