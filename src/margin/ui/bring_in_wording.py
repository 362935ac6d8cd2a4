"""What the app says when pages were added, pending articles fetched or an
export imported: a notification's title, its lines and its severity.

Pure code (no widgets). Addresses, titles and reasons come from the web and
from export files: each line is cleaned here, and the caller shows it with
``markup=False``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from margin.sanitize import clean_message, display_path, one_line
from margin.wording import counted, shortened

if TYPE_CHECKING:
    from margin.library import FetchSummary, ImportSummary

#: Failures listed one by one in a notification; the rest are counted.
FAILURES_SHOWN = 4

Severity = Literal["information", "warning", "error"]


@dataclass(slots=True)
class Notice:
    title: str
    lines: list[str] = field(default_factory=list)
    severity: Severity = "information"

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def short_address(url: str, limit: int = 60) -> str:
    """An address as the app shows it: host and path, no scheme, cut to ``limit``."""
    text = one_line(url)
    try:
        parts = urlsplit(text)
    except ValueError:
        return shortened(text, limit)
    shown = (parts.netloc + parts.path).rstrip("/") if parts.netloc else text
    return shortened(shown, limit)


def fetch_notice(s: FetchSummary, *, adding: bool) -> Notice:
    """After ``A`` (``adding``) or a fetch of pending articles."""
    saved = len(s.saved)
    if s.cancelled:
        title = "Stopped"
    elif adding:
        title = "Added to the library" if saved else "Nothing added"
    else:
        title = "Fetched" if saved else "Nothing fetched"
    notice = Notice(title)
    lines = notice.lines
    if saved == 1:
        lines.append(f"Saved {short_address(s.saved[0][0])}")
    elif saved:
        lines.append(f"Saved {counted(saved, 'page')}")
    for url, where in s.already:
        lines.append(f"Already in the library: {short_address(url)} ({display_path(where)})")
    lines += failure_lines(s.failed, "Could not fetch")
    if s.unfetchable:
        have = "has" if s.unfetchable == 1 else "have"
        lines.append(
            f"{counted(s.unfetchable, 'pending article')} {have} no address to fetch it from"
        )
    h = s.highlights
    if h.anchored or h.orphaned:
        lines.append(f"Highlights placed: {h.anchored} in the text, {h.orphaned} orphaned")
    if s.cancelled:
        lines.append("Pages not fetched yet stay as they were.")
    if not lines:
        lines.append("There was nothing to fetch." if not adding else "No address given.")
    notice.severity = _severity(saved, len(s.failed))
    return notice


def import_notice(s: ImportSummary) -> Notice:
    """After an import of a read-later export."""
    title = f"Imported {display_path(s.path)}" if not s.cancelled else "Import stopped"
    counts = [f"{s.imported} imported", f"{s.pending} pending"]
    if s.merged:
        counts.append(f"{s.merged} added to articles you had")
    if s.skipped:
        counts.append(f"{s.skipped} imported before")
    notice = Notice(
        title, [f"{one_line(s.format)}, {counted(s.items, 'item')}: " + ", ".join(counts)]
    )
    h = s.highlights
    if h.total():
        notice.lines.append(
            f"Highlights: {h.anchored} in the text, {h.orphaned} orphaned, {h.pending} pending"
        )
    notice.lines += failure_lines(s.failed, "Failed")
    notice.lines += [clean_message(p) for p in s.problems[:FAILURES_SHOWN]]
    if s.cancelled:
        notice.lines.append("Import it again to go on where it stopped.")
    elif s.pending:
        notice.lines.append("Fetch the pending ones: ctrl+p, then “Fetch pending articles”.")
    notice.severity = _severity(s.imported + s.merged + s.pending, len(s.failed))
    return notice


def failure_lines(failed: list[tuple[str, str]], verb: str) -> list[str]:
    lines = [
        f"{verb} {short_address(what)}: {clean_message(why)}"
        for what, why in failed[:FAILURES_SHOWN]
    ]
    if len(failed) > FAILURES_SHOWN:
        lines.append(f"…and {len(failed) - FAILURES_SHOWN} more")
    return lines


def _severity(brought: int, failed: int) -> Severity:
    if not failed:
        return "information"
    return "warning" if brought else "error"
