"""A reply form: the fields a reader fills in to comment on the article.

A save writes a form's labels as short lines: a name field, an e-mail field
and a website or comment field, close together ("Name *", "E-Mail *",
"Website"; "Nom *", "Adresse de messagerie *", "Site web"). Such a form
stands under the article, never inside it: what follows it (the comments,
the sidebar, the footer) is not the article, however much it reads like
running text, and the form's heading and its note on the e-mail address
("Your email address will not be published.") go with it.
"""

from __future__ import annotations

import re

from margin.ingest.text.lines import Kind, Line

_OPT = r"(?:your|dein|deine|ihr|votre|tu|su|seu|sua|uw)\s+"
_NAME_RE = re.compile(rf"^(?:{_OPT})?(?:name|nom|nombre|nome|naam|jméno|pseudo)\b", re.I)
_MAIL_RE = re.compile(
    rf"^(?:{_OPT})?(?:e-?mail|mail|courriel|correo|adresse\s+(?:de\s+messagerie|e-?mail))", re.I
)
_SITE_OR_TEXT_RE = re.compile(
    rf"^(?:{_OPT})?(?:website|web\s*site|webseite|site\s+web|sitio\s+web|homepage|url"
    r"|comments?|kommentar|commentaire|comentario|commento|message|nachricht)\b",
    re.I,
)
# The form's note on the e-mail address, over its fields.
_NOTE_RE = re.compile(
    r"e-?mail|courriel|correo|\b(?:required|erforderlich|obligatoires?|pflicht\w*)\b", re.I
)
_FIELD_WORDS = 12  # a field's label, with its note ("(will not be published)")
_FIELD_REACH = 6  # lines the three fields of one form lie within
_HEAD_REACH = 3  # lines above the fields where the form's heading and note stand
_HEAD_WORDS = 25


def reply_form(lines: list[Line]) -> int | None:
    """The first line of the page's first reply form (its heading, its note,
    else its first field), if it has one."""
    # (each short line is tried once: a field's label, and which)
    fields = [(ln.index, kind) for ln in lines if (kind := _field(ln))]
    for k, (at, kind) in enumerate(fields):
        near = {f for i, f in fields[k : k + _FIELD_REACH] if i - at < _FIELD_REACH}
        if kind in ("n", "m") and {"n", "m", "s"} <= near:
            return _form_top(lines, at)
    return None


def _field(ln: Line) -> str:
    """ "n" for a name field's label, "m" for an e-mail field's, "s" for a
    website or comment field's, "" for none."""
    if ln.words > _FIELD_WORDS or ln.kind is Kind.CODE:
        return ""
    if _NAME_RE.match(ln.text):
        return "n"
    if _MAIL_RE.match(ln.text):
        return "m"
    return "s" if _SITE_OR_TEXT_RE.match(ln.text) else ""


def _form_top(lines: list[Line], first: int) -> int:
    """The form's first field, or its heading or note just above it."""
    top = first
    for x in reversed(lines[max(0, first - _HEAD_REACH) : first]):
        note = x.words <= _HEAD_WORDS and _NOTE_RE.search(x.text)
        heading = x.kind is not Kind.GOOD and x.words <= 8 and not x.end
        if not (note or heading or _SITE_OR_TEXT_RE.match(x.text)):
            break
        top = x.index
    return top
