"""Bad exports get one clear line and nothing else: truncated or damaged
ZIPs, zip bombs (by their headers and by what they really expand to),
entry names that leave the archive, bad JSON, unknown files."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from import_files import csv_text, write_json, write_zip

from margin.errors import ImportFileError, MarginError
from margin.imports import Limits, read_export, sniff

METADATA = json.dumps([{"id": "a1", "slug": "a", "url": "https://example.com/a"}])


def _omnivore(tmp_path: Path, *extra: tuple[str, str | bytes]) -> Path:
    return write_zip(
        tmp_path / "export.zip",
        [("metadata_0_to_1.json", METADATA), ("content/a.html", "<p>" + "words " * 2000), *extra],
    )


def _refused(path: Path, match: str, limits: Limits | None = None) -> ImportFileError:
    with pytest.raises(ImportFileError, match=match) as caught:
        read_export(path, limits=limits)
    message = str(caught.value)
    assert isinstance(caught.value, MarginError)
    assert "\n" not in message and "\x1b" not in message
    assert message.startswith(f"cannot import {path}")
    return caught.value


def _patch_central(path: Path, offset: int, fmt: str, value: int) -> None:
    """Rewrite one field of the first central directory header (and, for the
    sizes, the local header too): a ZIP whose headers lie."""
    data = bytearray(path.read_bytes())
    central = data.index(b"PK\x01\x02")
    struct.pack_into(fmt, data, central + offset, value)
    if offset == 24:  # uncompressed size: the local header has it at 22
        struct.pack_into(fmt, data, data.index(b"PK\x03\x04") + 22, value)
    path.write_bytes(bytes(data))


def test_a_truncated_zip(tmp_path):
    path = _omnivore(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    _refused(path, r"not a complete ZIP archive \(truncated or damaged\)")


def test_a_damaged_entry(tmp_path):
    path = write_zip(
        tmp_path / "export.zip",
        [("content/a.html", bytes(range(256)) * 64), ("metadata_0_to_1.json", METADATA)],
    )
    data = bytearray(path.read_bytes())
    start = data.index(b"content/a.html") + len("content/a.html")
    data[start + 100 : start + 140] = b"\xff" * 40
    path.write_bytes(bytes(data))
    _refused(path, r"content/a.html: damaged entry")


def test_a_zip_bomb_by_its_headers(tmp_path):
    bomb = b"\0" * (16 << 20)  # compresses about a thousandfold
    path = _omnivore(tmp_path, ("content/b.html", bomb))
    _refused(path, r"content/b.html: the entry is compressed beyond belief \(a zip bomb\)")


def test_a_zip_bomb_whose_headers_lie(tmp_path):
    """The headers say 100 bytes; the data expands to 5 MB."""
    path = write_zip(tmp_path / "export.zip", [("metadata_0_to_1.json", b" " * (5 << 20))])
    _patch_central(path, 24, "<I", 100)
    _refused(path, r"metadata_0_to_1.json: damaged entry")


def test_entries_past_the_total_limit(tmp_path):
    path = _omnivore(tmp_path, *[(f"content/{n}.html", "<p>x</p>" * 1000) for n in range(5)])
    _refused(path, r"expand past the import limit", Limits(max_bytes=20_000))


def test_an_entry_past_its_own_limit(tmp_path):
    path = _omnivore(tmp_path)
    _refused(path, r"content/a.html: the entry expands past", Limits(max_entry_bytes=1000))


def test_too_many_entries(tmp_path):
    path = _omnivore(tmp_path, *[(f"highlights/{n}.md", "> q") for n in range(10)])
    _refused(path, r"12 entries, above the limit of 5", Limits(max_entries=5))


def test_an_encrypted_entry(tmp_path):
    path = _omnivore(tmp_path)
    _patch_central(path, 8, "<H", 0x1)
    _refused(path, r"the entry is encrypted")


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("../../x", "a path that leaves the archive"),
        ("content/../../../etc/x.html", "a path that leaves the archive"),
        ("..\\..\\x", "a path that leaves the archive"),
        ("/etc/passwd", "an absolute path inside the archive"),
        ("C:\\Windows\\x", "an absolute path inside the archive"),
    ],
)
def test_names_that_leave_the_archive(tmp_path, name, reason):
    folder = tmp_path / "in"
    folder.mkdir()
    path = write_zip(folder / "export.zip", [("metadata_0_to_1.json", METADATA), (name, "x")])
    _refused(path, reason)
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["export.zip", "in"]


def test_invalid_json(tmp_path):
    path = tmp_path / "wallabag.json"
    path.write_text('[{"id": 1, "is_archived": 0, "title": "cut off', encoding="utf-8")
    _refused(path, r"invalid JSON")


def test_json_nested_too_deeply(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 200_000 + "]" * 200_000)
    _refused(path, r"nested too deeply")


def test_json_in_a_zip_entry(tmp_path):
    path = write_zip(tmp_path / "export.zip", [("metadata_0_to_1.json", "[{")])
    _refused(path, r"metadata_0_to_1.json: invalid JSON")


def test_an_unknown_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("just some notes\nnothing more\n")
    assert sniff(path) is None
    _refused(path, r"not an export margin can read")
    unknown_zip = write_zip(tmp_path / "photos.zip", [("a.jpg", b"\xff\xd8")])
    _refused(unknown_zip, r"not an export margin can read")


def test_a_missing_file(tmp_path):
    _refused(tmp_path / "gone.zip", r"No such file")


def test_a_file_past_the_limit(tmp_path):
    path = write_json(tmp_path / "big.json", [{"is_archived": 0, "content": "x" * 5000}])
    _refused(path, r"above the 0 MB import limit", Limits(max_bytes=1000))


def test_a_hostile_file_name_is_shown_safely(tmp_path):
    path = tmp_path / "evil\x1b]8;;x\x07.txt"
    path.write_text("nothing")
    with pytest.raises(ImportFileError) as caught:
        read_export(path)
    assert "\x1b" not in str(caught.value) and "\x07" not in str(caught.value)


def test_control_characters_and_nul_bytes_never_reach_a_field(tmp_path):
    header = ["title", "url", "time_added", "tags", "status"]
    text = csv_text(
        [header, ["Bad\x1b[2Jtitle\x00", "https://example.com/\x9bx", "1", "a\x07|b", "unread"]]
    )
    path = tmp_path / "part_000000.csv"
    path.write_text(text, encoding="utf-8")
    (item,) = read_export(path).items
    assert item.title == "Bad [2Jtitle"
    assert item.url == "https://example.com/ x"
    assert item.tags == ["a", "b"]


def test_a_json_string_with_a_lone_surrogate_is_made_storable(tmp_path):
    path = tmp_path / "w.json"
    path.write_text(
        '[{"id": 1, "is_archived": 0, "title": "bad \\ud800 half", "url": "https://x.example/"}]'
    )
    (item,) = read_export(path).items
    assert item.title == "bad \ufffd half"
    item.title.encode("utf-8")


def test_a_small_page_that_compresses_well_is_no_bomb(tmp_path):
    """Below ``ratio_floor`` a high ratio is just repetitive markup."""
    path = _omnivore(tmp_path, ("content/b.html", "<p></p>" * 100_000))
    assert len(read_export(path).items) == 2
