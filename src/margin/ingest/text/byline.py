"""A text save's byline and dated lines: "By Jane Doe", "Jane Doe, Chief
Correspondent", "Jane Doe - Apr 16, 2015", or a bare name next to a date.
"""

from __future__ import annotations

import re

from margin.ingest.datelines import BYLINE_PREFIX_RE, DATE_RE, MONTH_WORD_RE
from margin.ingest.text.lines import Kind, Line

_NAME_RE = re.compile(
    r"^(?:(?:Dr|Prof|Mr|Mrs|Ms)\.?\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-ZÀ-ÖØ-Þ][\w'’.-]*){1,3}"
    r"(?:\s*(?:,|and|&)\s*[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){1,3})*$"
)
_PARTICLES = frozenset(
    ("de", "da", "del", "der", "den", "van", "von", "la", "le", "du", "bin", "al", "di", "dos")
)
# "and" between two names, in the languages of the function words (lines.py).
_AND = frozenset(("and", "&", "et", "und", "y", "e", "en", "og", "och"))
_LEAD_MARKS = "/#*-–—•· "  # what a save may put before a byline
_ROLE_RE = re.compile(r"^[A-Z][\w'’-]*(?:\s+[\w'’&-]+){0,4}$")
_BIO_RE = re.compile(r"^[^,]{3,60},")
_ROLE_MARKS = ",-–—|•·@"  # what sets a role, a date or a handle after a bare name
_BYLINE_REACH = 4  # lines around the title and the body's start where a byline is looked for


def is_dateline(ln: Line) -> bool:
    """A short line with a date in it, not a sentence (told once a line:
    many rules ask)."""
    if ln.dated is None:
        ln.dated = ln.words <= 14 and not ln.end and bool(DATE_RE.search(ln.text))
    return ln.dated


def find_byline(lines: list[Line], title: int | None, start: int) -> tuple[str | None, set[int]]:
    """(the byline, the lines that are the byline or dates) near the title
    (line ``title``) or the start of the body (line ``start``)."""
    look_from = min(title if title is not None else start, start) - _BYLINE_REACH
    near = lines[max(0, look_from) : min(len(lines), start + _BYLINE_REACH)]
    dated: set[int] = set()
    found: list[tuple[int, int, str]] = []  # (0 for "By ...", else 1; line; name)
    for k, ln in enumerate(near):
        if ln.index == title:
            continue
        name = is_byline(ln)
        if name is None and _bare_name_by_a_date(near, k):
            name = _name_prefix(ln.text)[0] or ln.text
        if name:
            prefixed = BYLINE_PREFIX_RE.match(ln.text.lstrip(_LEAD_MARKS)) is not None
            found.append((0 if prefixed else 1, ln.index, name))
        elif is_dateline(ln) and ln.kind is not Kind.GOOD:
            dated.add(ln.index)
    if not found:
        return None, dated
    # A line that says "By ..." outweighs a name told by its shape.
    _, at, byline = min(found)
    return byline, dated | {at}


def looks_like_name(ln: Line) -> bool:
    """Two to four capitalised words: a person's name, by its shape."""
    return 2 <= ln.words <= 4 and _NAME_RE.match(ln.text) is not None and ln.caps == 1.0


def _bare_name_by_a_date(near: list[Line], k: int) -> bool:
    """A bare name next to a date line: "Jane Doe" / "12 March 2026", or
    with the byline's role between: "Jane Doe" / "Games Editor" / date."""
    ln = near[k]
    if not looks_like_name(ln):
        return False
    around = [near[x] for x in (k - 1, k + 1) if 0 <= x < len(near)]
    if k + 2 < len(near) and near[k + 1].words <= 4 and not near[k + 1].end:
        around.append(near[k + 2])
    return any(is_dateline(a) for a in around)


def is_byline(ln: Line) -> str | None:
    """The person's name when the line is a byline."""
    t = ln.text.strip().lstrip(_LEAD_MARKS)
    m = BYLINE_PREFIX_RE.match(t)
    if m is None and not any(c in t for c in _ROLE_MARKS):
        return None  # a bare name is a byline only with a role or date after a mark
    # (longer with the writer's note after the name: "By Jane Doe, a deputy
    # editor who has covered the industry for a decade.")
    bio = m is not None and _BIO_RE.match(m.group("name")) is not None
    if ln.words > (60 if bio else 20) or (ln.bullet and not m):  # ("* By Jane Doe": a meta list)
        return None
    if ln.end and not t.endswith(".") and not bio:
        return None
    name, _rest = _name_prefix(m.group("name") if m else t)
    if not (2 <= len(name.split()) <= 6) or name.isupper() and not m:
        return None
    if m:
        return name
    if len(name.split()) > 4:
        return None  # a Title Case headline, not a person
    return name if _named_with_a_role_or_date(t[len(name) :]) else None


def _named_with_a_role_or_date(after: str) -> bool:
    """A bare name counts with a role, a date or a handle after it:
    "Jane Doe, Chief Correspondent", "Jane Doe - Apr 16, 2015"."""
    after = after.lstrip()
    if not after or after[0] not in _ROLE_MARKS:
        return False
    rest = after.lstrip(",-–—|•· ")
    return bool(rest) and (
        DATE_RE.search(rest) is not None or rest.startswith("@") or _ROLE_RE.match(rest) is not None
    )


def _name_prefix(s: str) -> tuple[str, str]:
    """(a person's name at the start of s, the rest)."""
    toks = s.split()
    out: list[str] = []
    k = 0
    for k, tok in enumerate(toks):
        if "@" in tok[1:]:  # a handle run into the name: "Jane Doe@janedoe"
            toks[k] = tok = tok[: tok.index("@", 1)] + ","
        word = tok.strip(",;:|•·()")
        if not word or MONTH_WORD_RE.match(word) or any(c.isdigit() for c in word):
            break
        if _in_name(word, out, k + 1 < len(toks)):
            out.append(word)
        else:
            break
        if tok != word or len(out) >= 6:  # punctuation ends the name
            k += 1
            break
    else:
        k = len(toks)
    while out and not out[-1][:1].isupper() and out[-1][:1] not in '"“„«':
        out.pop()
    half = len(out) // 2
    if half and out[:half] == out[half:]:  # the name written twice (a link, then text)
        out = out[:half]
    return " ".join(out), " ".join(toks[k:])


def _in_name(word: str, out: list[str], more: bool) -> bool:
    """A word that goes on a name: capitalised, a nickname in quotes inside
    the name (Amanda "Tania Mae" Tan), or a particle or "and" between two
    capitalised words (``more``: a word follows)."""
    if word[:1].isupper():
        return True
    if not out:
        return False
    nick = word[:1] in '"“„«' and word[1:2].isupper()
    return nick or ((word.lower() in _PARTICLES or word in _AND) and more)
