"""A ZIP export read safely: checked whole before anything is taken from it.

Nothing is ever extracted to disk: entries are read into memory by their
``ZipInfo``, never opened by a name taken from the archive. Opening checks
every entry's header (its name, the entry count, each declared size, the
total, the compression ratio); reading counts the bytes again, because a
header can lie about the size of what follows. Any failure is an
:class:`ImportFileError` naming the archive and the entry.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from types import TracebackType

from margin.errors import ImportFileError
from margin.imports.source import Limits, Source, parse_json

_CHUNK = 64 * 1024
_DRIVE_RE = re.compile(r"^[A-Za-z]:")
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError)


class Archive:
    """The entries of one ZIP, in archive order; a name may appear twice."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.limits = source.limits
        self._read_total = 0
        if source.size() > self.limits.max_bytes:
            raise source.fail("the ZIP archive is larger than the import limit")
        try:
            self._zip = zipfile.ZipFile(source.path)
        except (zipfile.BadZipFile, EOFError, OSError):
            raise source.fail("not a complete ZIP archive (truncated or damaged)") from None
        try:
            self.infos = self._checked(self._zip.infolist())
        except ImportFileError:
            self._zip.close()
            raise

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._zip.close()

    def names(self) -> list[str]:
        return [info.filename for info in self.infos]

    def matching(self, pattern: re.Pattern[str]) -> Iterator[tuple[re.Match[str], zipfile.ZipInfo]]:
        """The entries whose whole name matches ``pattern``, in archive order."""
        for info in self.infos:
            found = pattern.fullmatch(info.filename)
            if found:
                yield found, info

    def read(self, info: zipfile.ZipInfo) -> bytes:
        """One entry's bytes, counted as they come out."""
        chunks: list[bytes] = []
        size = 0
        try:
            with self._zip.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    self._check_read(info, size)
                    chunks.append(chunk)
        except _READ_ERRORS as exc:
            raise self._fail(info, f"damaged entry ({exc})") from None
        except RuntimeError:  # zipfile's word for "encrypted"
            raise self._fail(info, "the entry is encrypted") from None
        self._read_total += size
        return b"".join(chunks)

    def read_json(self, info: zipfile.ZipInfo) -> object:
        return parse_json(self.read(info), lambda reason: self._fail(info, reason))

    def _checked(self, infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
        if len(infos) > self.limits.max_entries:
            raise self.source.fail(
                f"the ZIP archive has {len(infos)} entries, above the limit of "
                f"{self.limits.max_entries}"
            )
        total = 0
        for info in infos:
            self._check_name(info)
            self._check_header(info)
            total += info.file_size
            if total > self.limits.max_bytes:
                raise self.source.fail("its entries expand past the import limit (a zip bomb?)")
        return [info for info in infos if not info.is_dir()]

    def _check_name(self, info: zipfile.ZipInfo) -> None:
        name = info.filename
        parts = re.split(r"[\\/]", name)
        if name.startswith(("/", "\\")) or _DRIVE_RE.match(name):
            raise self._fail(info, "an absolute path inside the archive")
        if ".." in parts or "\0" in name:
            raise self._fail(info, "a path that leaves the archive")
        if info.flag_bits & 0x1:
            raise self._fail(info, "the entry is encrypted")

    def _check_header(self, info: zipfile.ZipInfo) -> None:
        if info.file_size > self.limits.max_entry_bytes:
            raise self._fail(info, "the entry expands past the import limit (a zip bomb?)")
        if _too_compressed(info.file_size, info.compress_size, self.limits):
            raise self._fail(info, "the entry is compressed beyond belief (a zip bomb)")

    def _check_read(self, info: zipfile.ZipInfo, size: int) -> None:
        if size > info.file_size or _too_compressed(size, info.compress_size, self.limits):
            raise self._fail(info, "the entry expands past its declared size (a zip bomb)")
        if size > self.limits.max_entry_bytes or self._read_total + size > self.limits.max_bytes:
            raise self._fail(info, "the entry expands past the import limit (a zip bomb?)")

    def _fail(self, info: zipfile.ZipInfo, reason: str) -> ImportFileError:
        return self.source.fail(f"{info.filename}: {reason}")


def _too_compressed(size: int, compressed: int, limits: Limits) -> bool:
    return size > limits.ratio_floor and size > limits.max_ratio * max(compressed, 1)
