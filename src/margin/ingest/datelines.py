"""Months, dates and bylines: how a page says when and by whom.

One vocabulary for both paths: the HTML path (a byline element's trailing
date, a dateline above the text) and text saves (a byline line, a dated
line over a comment). Months are known in the languages of margin's function
words (``text/lines.py``): English by their first letters ("Sept",
"September", "Sep."), the others written out.
"""

from __future__ import annotations

import re

_MONTH = (
    r"(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
    r"|enero|febrero|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre"
    r"|diciembre|janvier|février|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile"
    r"|maggio|giugno|luglio|settembre|ottobre|dicembre|janeiro|fevereiro|março|maio|junho"
    r"|julho|setembro|outubro|dezembro|ledna|února|března|dubna|května|června|července"
    r"|srpna|září|října|listopadu|prosince)"
)
# An English month's name or its abbreviation alone ("May", "Sept", "dec"):
# not "Mayday", which the first letters in _MONTH would take.
_ENGLISH_WORD = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# The words a dateline starts with: "Updated", "Published on".
_DATE_LEAD = r"updated|published|posted"

_DAY = r"\d{1,2}(?:st|nd|rd|th|er|º)?\.?"  # "2", "2nd", "1er", "1º", "2." (German)
_YEAR = r"\d{4}"
_MONTH_DAY = rf"{_MONTH}\.?\s+\d{{1,2}}"  # "March 2", "Mar. 2"
_DAY_MONTH = rf"{_DAY}\s+(?:de\s+)?{_MONTH}"  # "2 March", "2. März", "2 de marzo"
_ISO_DATE = r"\d{4}-\d{2}-\d{2}"
_NUMERIC_DATE = r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
_CJK_DATE = r"\d{4}年\d{1,2}月\d{1,2}日"
_CLOCK = r"\d{1,2}:\d{2}\s*(?:am|pm)?"
# "3 hours ago", "hace 28 minutos", "il y a 2 heures", "vor 5 Minuten",
# "2 ore fa", "há 3 dias", "před 2 hodinami".
_RELATIVE_TIME = (
    r"\d+\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
    r"|(?:hace|il\s+y\s+a|vor|há|před)\s+(?:\d+|una?|une|einer?|uma?)\s+"
    r"(?:segundo|minuto|hora|día|dia|semana|mes|seconde|minute|heure|jour|semaine|mois"
    r"|sekunde|stunde|tag|woche|monat|sekund|minut|hodin|dn)\w*"
    r"|\d+\s+(?:second|minut|or|giorn|settiman|mes)\w*\s+fa"
)
# A date with its year: "March 2, 2026", "2nd March 2026", "2. März 2026",
# "2 de marzo de 2026".
_FULL_DATE = rf"{_MONTH_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}|{_DAY_MONTH}\.?,?\s+(?:de\s+)?{_YEAR}"

#: A date anywhere in a line, with or without its year, or a time ago. A
#: month may run into the word before it, as a save joins inline text
#: ("Yahoo FinanceOctober 13, 2016").
DATE_RE = re.compile(
    rf"(?:\b|(?<=[a-z])(?-i:(?=[A-Z]))){_MONTH_DAY}\b"
    rf"|\b{_DAY_MONTH}\b"
    rf"|\b{_ISO_DATE}\b|\b{_NUMERIC_DATE}\b"
    rf"|\b(?:{_RELATIVE_TIME})\b",
    re.I,
)
#: A date with its year, an ISO or CJK date, or a time of day: what a line
#: of the HTML path must carry to be a dateline.
FULL_DATE_RE = re.compile(
    rf"\b(?:{_FULL_DATE})\b|\b{_ISO_DATE}\b|{_CJK_DATE}|\b{_CLOCK}\b",
    re.I,
)
#: A word that ends a name in a byline: an English month ("Jane Doe May
#: 20") or a dateline's lead word ("Jane Doe Updated ...").
MONTH_WORD_RE = re.compile(rf"^(?:{_ENGLISH_WORD})\.?$|^(?:{_DATE_LEAD}|on)$", re.I)
#: "Updated", "Last modified on": a line that dates the page.
UPDATED_RE = re.compile(r"^(?:last\s+)?(?:updated|modified)(?:\s+on)?\b", re.I)

# "By", "Written by", "Analysis by", ...: what an English byline starts with.
_BY = (
    r"(?:(?:written|words|story|text|reporting|posted|published|analysis|commentary|opinion"
    r"|essay|column)\s+)?by"
)
#: A byline line and its name: "By Jane Doe", "Von Hans Meier", "Por Ana Ruiz".
BYLINE_PREFIX_RE = re.compile(rf"^(?:{_BY}|von|par|por|di|door|od)[:\s]+(?P<name>.+)$", re.I)
_BY_RE = re.compile(rf"^{_BY}\b\s*:?\s*", re.I)
_DATE_TAIL_RE = re.compile(
    rf"\s*(?:[•·|—–,-]\s*)?(?:(?:{_DATE_LEAD})\s*:?\s*)?(?:on\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_FULL_DATE}|{_ISO_DATE}|{_NUMERIC_DATE}|{_RELATIVE_TIME}|(?:updated|published)\b)"
    r".*$",
    re.I | re.S,
)
_JOB_TAIL_RE = re.compile(
    r"\s*(?:[•·|,—–-]\s*)?(?:(?:senior|staff|contributing|associate|deputy|chief|managing|"
    r"executive|political|business|science|technology|tech|games|news|sports?|health)\s+)*"
    r"(?:editor|writer|reporter|correspondent|columnist|contributor|producer|critic)s?\b.*$",
    re.I | re.S,
)
_EDGE_PUNCT_RE = re.compile(r"^[\s•·|—–,:-]+|[\s•·|—–,:-]+$")
_ISO_PREFIX_RE = re.compile(rf"^{_ISO_DATE}")


def clean_byline(value: str | None) -> str | None:
    """A byline as a reader wants it: the names, without a leading "By", a
    trailing date or time ("· May 20, 2019", "1 day ago"), a job title ("•
    Staff Writer") or a dangling separator; None when it names nobody (only a
    date)."""
    if not value:
        return None
    text = " ".join(value.split())
    cleaned = _DATE_TAIL_RE.sub("", text)
    if not re.search(r"\w", cleaned):
        return None  # only a date: no author named
    untitled = _JOB_TAIL_RE.sub("", cleaned)
    if re.search(r"\w", untitled):
        cleaned = untitled
    rest = _BY_RE.sub("", cleaned, count=1)
    if rest != cleaned and not re.search(r"\bby\b", rest, re.I):
        cleaned = rest
    cleaned = _EDGE_PUNCT_RE.sub("", cleaned)
    return cleaned if re.search(r"\w", cleaned) else text or None


def normalise_date(value: str | None) -> str | None:
    """ISO dates stay as they are (date part kept when a time follows)."""
    if not value:
        return None
    value = value.strip()
    m = _ISO_PREFIX_RE.match(value)
    return m.group(0) if m else value
