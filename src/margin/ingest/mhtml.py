"""MHTML (``.mht``/``.mhtml``, "Save as single file") -> its HTML part."""

from __future__ import annotations

import email
import email.policy
import re
from email.message import Message

_MHTML_HEAD_RE = re.compile(
    rb"\A(?:[\x21-\x39\x3b-\x7e]+:[^\n]*\n(?:[ \t][^\n]*\n)*)*?"
    rb"(?:content-type:\s*multipart/related|from:\s*<saved by)",
    re.I,
)


def looks_like_mhtml(data: bytes) -> bool:
    head = data[:4096].replace(b"\r\n", b"\n")
    if not _MHTML_HEAD_RE.match(head):
        return False
    return b"multipart/related" in head.lower() or b"mime-version" in head.lower()


def extract_mhtml_html(data: bytes) -> tuple[bytes, str | None, str | None]:
    """(html bytes, declared charset, snapshot URL). Raises ValueError if there
    is no HTML part (a truncated save, say)."""
    msg: Message = email.message_from_bytes(data, policy=email.policy.compat32)
    url = msg.get("Snapshot-Content-Location")
    for part in msg.walk():
        if part.get_content_type() != "text/html":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        charset = part.get_content_charset()
        if not url:
            url = part.get("Content-Location")
        return payload, charset, _one_line(url)
    if msg.is_multipart() and not msg.get_payload():
        raise ValueError("the MHTML file is truncated: it has no parts")
    raise ValueError("the MHTML file has no HTML part (it may be truncated)")


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    value = "".join(str(value).split())
    return value if value.lower().startswith(("http://", "https://")) else None
