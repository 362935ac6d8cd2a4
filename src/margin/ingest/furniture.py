"""A page's furniture, told line by line by what it says: a topic or tag
line, a share bar, a "Read more" link, a reading time, a photo credit, a
call to action set in capitals, a citation, copyright or licence footer, a
note on the print edition, other stories' kickers and headlines, a hover
card glued into a sentence; and a lone count, which each path tells from
a number over its paragraph by the lines around it. Neither path keeps such
a line, wherever it stands and however the page marks it up.

The words are the general ones sites use, in the languages margin knows,
never one site's; each rule also asks for the shape such a line has (short,
a label first, a list after it), so that a sentence of a story that uses
the same words stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from margin.ingest.notices import mentions
from margin.ingest.teasers import READ_MORE

# A share bar's buttons, and the labels that stand alone like them.
SHARE_LABELS = (
    r"share(?: this(?: article| story| post| page)?)?(?: on \w+| via \w+)?|shares?|tweet|tweet this"
    r"|email|e-mail|mail|print|facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram"
    r"|messenger|pocket|copy link|copy|flipboard|tumblr|bluesky|threads|mastodon|sms|save"
    r"|comments?|\d+ comments?|like this|like|loading|related|advertisement|advertising"
    r"|sponsored|ad|anzeige|publicité|publicidad"
    r"|compartir|comparte|compartilhar|partilhar|partager|teilen|drucken|condividi|stampa|delen"
    r"|dela|del|udostępnij|sdílet|tisk|imprimir|imprimer|enviar|envoyer|senden|mailen|tuitear"
    r"|ツイート|シェア|lineで送る|はてブ|分享|微博|微信"
)
_SHARE_BAR_RE = re.compile(rf"^(?:(?:{SHARE_LABELS})[\s:.…|·•/,]*)+$", re.I)
_SHARE_BAR_CHARS = 80

# A link on a line of its own to the rest of a story, or to another one:
# "Read more", "Read on The Inventory", "Read now", "Continue reading".
_READ_MORE_LINE_RE = re.compile(
    rf"^(?:(?:{READ_MORE}|read\s+(?:now|the\s+full\s+(?:story|article))|watch\s+now|listen\s+now)"
    r"(?:\s+(?:on|at|in)\s+\S.{0,40})?|read\s+on\s+\S.{0,40})\W*$",
    re.I,
)
# A reading time: "14 min read", "Reading time: 6 minutes", "Lesezeit: 3 Min."
_READING_TIME_RE = re.compile(
    r"^(?:(?:estimated\s+)?reading\s+time|lesezeit|temps\s+de\s+lecture|tiempo\s+de\s+lectura"
    r"|tempo\s+di\s+lettura)\s*:?\s*(?:about\s+|ca\.\s+)?\d+\s*\w*\.?$"
    r"|^\d+\s*(?:min(?:ute)?s?|mins?\.?)\s+(?:read|lesen|de\s+lecture|de\s+lectura|di\s+lettura)$",
    re.I,
)

# A label over other stories: "Related coverage", "More from ...", "You
# might also like", "From our partners", "Most read", "Lire aussi".
_OTHER_STORIES_RE = re.compile(
    r"^(?:related(?:\s+(?:coverage|articles?|posts?|stories|content|news|reading|links|videos?))?"
    r"|more\s+(?:from|on|in|stories|articles|news)\b.*|you\s+(?:may|might)\s+also\s+(?:like|enjoy)"
    r"|recommended(?:\s+\w+){0,3}|also\s+read|read\s+(?:more|next|also)|see\s+also"
    r"|(?:from|by)\s+our\s+partners|(?:sponsored|promoted|partner|paid)(?:\s+(?:content|stories"
    r"|links|posts))?|most\s+(?:read|popular|viewed|shared|commented|emailed)"
    r"|(?:popular|trending)(?:\s+(?:now|stories|articles|today|this\s+week))?"
    r"|top\s+stories|editor'?s\s+picks|don'?t\s+miss|latest(?:\s+(?:news|stories|posts))?"
    r"|(?:à\s+)?lire\s+aussi|sur\s+le\s+même\s+sujet|les\s+plus\s+lus|mehr\s+zum\s+thema"
    r"|weitere\s+artikel|meistgelesen\w*|das\s+könnte\s+sie\s+auch\s+interessieren"
    r"|leggi\s+anche|i\s+più\s+letti|noticias\s+relacionadas|lo\s+más\s+le[ií]do|te\s+puede"
    r"\s+interesar|související|nejčtenější)\W*$",
    re.I,
)
_LABEL_WORDS = 6


_READING_TIME_CHARS = 40

# A topic or tag line: "Topics:", "Tags: Ferries, Islands", "Filed under: Ports, Shipping".
_TAG_LABEL_RE = re.compile(
    r"^(?:topics?|tags?|tagged(?:\s+with|\s+as)?|filed\s+(?:under|in)|categor(?:y|ies)|keywords?"
    r"|related\s+topics|more\s+about|themen|thema|schlagw[oö]rt(?:e|er)|stichw[oö]rter"
    r"|étiquettes|mots[-\s]clés|sujets?|temas?|etiquetas|palabras\s+clave|argomenti|parole\s+chiave"
    r"|trefwoorden|štítky|témata)\s*[:：]",
    re.I,
)
_TAG_ITEMS_WORDS = 25  # a line of tags; a longer one is a sentence that starts like one
_TAG_WORDS = 4  # words in one tag
_ITEM_SPLIT_RE = re.compile(r"\s*[,;|•·/]\s*|\s{2,}")

# A photo's credit on a line of its own: "Photo: Jane Roe, Reuters",
# "Photograph: Dan Kitwood/Getty Images", "(Credit: Wikimedia Foundation)".
_CREDIT_LABEL = (
    r"photo(?:graph)?s?|images?|pictures?|charts?|graphics?|illustrations?|video|credits?|source"
    r"|foto(?:grafía|grafia|s)?|bild(?:er)?|imagen|crédits?|quelle|fuente|fonte"
)
#: A credit at the end of a caption (dropped from the caption, which stays).
CREDIT_TAIL_RE = re.compile(
    rf"\s*[(\[]?(?:{_CREDIT_LABEL})(?: by)?\s*:\s*[^()\[\]]{{1,120}}[)\]]?\s*$", re.I
)
_CREDIT_LINE_RE = re.compile(
    rf"^[(\[]?(?:(?:{_CREDIT_LABEL})(?:\s+by)?\s*[:©]|©)\s*[^.!?]{{1,100}}\.?[)\]]?$", re.I
)
_CREDIT_WORDS = 14

# A call to action set in capitals: "DOWNLOAD OUR APP BY CLICKING HERE", or
# a label in capitals before another story's headline: "WATCH: ...".
_CAPS_LABEL_RE = re.compile(
    r"^(?:WATCH|LISTEN|READ|READ MORE|ALSO READ|MORE|RELATED|SEE ALSO|VIDEO|PHOTOS|GALLERY"
    r"|PODCAST|LIVE|MUST READ|TRENDING|LESEN SIE AUCH|MEHR ZUM THEMA|LIRE AUSSI|LEA TAMBIÉN"
    r"|LEE TAMBIÉN|VER TAMBIÉN|LEGGI ANCHE)\s*[:|–—-]\s*\S"
)
_CAPS_CALL_RE = re.compile(
    r"\b(?:CLICK|TAP HERE|DOWNLOAD|SUBSCRIBE|SIGN UP|FOLLOW US|LIKE US|JOIN US|DON'T MISS"
    r"|DO NOT MISS|REGISTER (?:NOW|HERE|TODAY)|DONATE|CHECK OUT|GET (?:THE|OUR) APP|BUY NOW"
    r"|SHOP NOW)\b"
)
_HEADLINE_WORDS = 20

# A citation footer: "How to cite this article ... Retrieved ... from https://..."
_CITE_RE = re.compile(
    r"\b(?:cite\s+this|how\s+to\s+cite|citation\s*:|zitiervorschlag|zitierweise|citer\s+cet"
    r"|cómo\s+citar|come\s+citare)\b",
    re.I,
)
_RETRIEVED_RE = re.compile(
    r"\b(?:retrieved|accessed|abgerufen|consulté|consultado|recuperado)\b.{0,80}?"
    r"(?:from|at|von|sur|de|en|unter)?\s*<?https?://",
    re.I | re.S,
)
# A copyright footer: "All rights reserved" (as a notice of its own, not
# words inside a story's sentence), "No part of this ... may be reproduced".
_RIGHTS_RE = re.compile(
    r"(?:(?:^|[.©]\s*|\d{4}\.?\s+)(?:all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten"
    r"|tous\s+droits\s+réservés|todos\s+los\s+derechos\s+reservados|tutti\s+i\s+diritti"
    r"\s+riservati|todos\s+os\s+direitos\s+reservados|alle\s+rechten\s+voorbehouden"
    r"|všechna\s+práva\s+vyhrazena)|\bno\s+part\s+of\s+(?:this|these|the)\b.{0,60}\bmay\s+be"
    r"\s+(?:reproduced|copied|used)|\bmay\s+not\s+be\s+(?:published|reproduced|copied"
    r"|republished|redistributed))\b",
    re.I | re.S,
)
# A licence or print-edition note: "Content available under a Creative
# Commons license", "A version of this article appears in print on ...".
_NOTE_RE = re.compile(
    r"\b(?:licen[sc]ed|available|released|published|distributed)\s+under\s+(?:a|the)\s+"
    r"(?:creative\s+commons|cc[\s-]by|gnu|mit|apache)\b"
    r"|\b(?:this|a\s+version\s+of\s+this)\s+(?:article|story|piece)\s+(?:first\s+)?appear(?:s|ed)"
    r"\s+in\s+(?:the\s+)?print\b",
    re.I,
)
_COPYRIGHT_RE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}|[A-Z])", re.I)
_FOOTER_WORDS = 80  # a footer is a few sentences; a longer paragraph is a story about rights
# Each footer's pattern, tried only on a paragraph that holds one of its stems.
_FOOTER_PATTERNS = (
    (("cit", "zitier"), _CITE_RE),
    (("http",), _RETRIEVED_RE),
    ((" under ", "print"), _NOTE_RE),
    (("reserv", "vorbehalt", "réservé", "riservat", "vyhrazen", "part of", "may not"), _RIGHTS_RE),
)

_COUNT_RE = re.compile(r"^\(?\d{1,5}\)?$")  # a lone comment or share count


def is_share_bar(text: str) -> bool:
    """Nothing but share buttons and labels, in any of margin's languages."""
    return len(text) < _SHARE_BAR_CHARS and _SHARE_BAR_RE.match(text.strip()) is not None


def is_other_stories_label(text: str, words: int) -> bool:
    """A label over a block of other stories."""
    return words <= _LABEL_WORDS and _OTHER_STORIES_RE.match(text.strip()) is not None


def is_read_more(text: str, words: int) -> bool:
    """A "Read more" link alone on its line."""
    return words <= 10 and _READ_MORE_LINE_RE.match(text.strip()) is not None


def is_reading_time(text: str) -> bool:
    """How long the story takes to read."""
    return len(text) < _READING_TIME_CHARS and _READING_TIME_RE.match(text.strip()) is not None


def is_tag_line(text: str, words: int) -> bool:
    """A topic or tag label, alone or with its short items (not a sentence
    that starts like one: "Topics: the council discussed ...")."""
    if words > _TAG_ITEMS_WORDS:
        return False
    m = _TAG_LABEL_RE.match(text.strip())
    if m is None:
        return False
    rest = text.strip()[m.end() :].strip()
    items = [i for i in _ITEM_SPLIT_RE.split(rest) if i]
    return not rest.endswith(".") and all(len(i.split()) <= _TAG_WORDS for i in items)


def is_photo_credit(text: str, words: int) -> bool:
    """A photo's credit on a line of its own."""
    return words <= _CREDIT_WORDS and _CREDIT_LINE_RE.match(text.strip()) is not None


def is_caps_call(text: str, words: int) -> bool:
    """A call to action set in capitals, or a label in capitals before
    another story's headline."""
    if words > _HEADLINE_WORDS:
        return False
    text = text.strip()
    if _CAPS_LABEL_RE.match(text):
        return True
    return words >= 3 and text.isupper() and _CAPS_CALL_RE.search(text) is not None


def is_citation_or_copyright(text: str, words: int) -> bool:
    """How to cite the page, its copyright or licence, its print edition."""
    if words > _FOOTER_WORDS:
        return False
    for stems, pattern in _FOOTER_PATTERNS:
        if mentions(text, stems) and pattern.search(text):
            return True
    return words <= 12 and _COPYRIGHT_RE.search(text) is not None


def is_count(text: str) -> bool:
    """A number alone: a comment or share count (or a number heading the
    paragraph under it: the caller tells them apart)."""
    return _COUNT_RE.match(text.strip()) is not None


_KICKER_WORDS = 5
_KICKER_HEADLINE = (3, 20)  # words in the headline under a kicker


def _kicker(text: str) -> bool:
    """A few words in capitals: a story's section, over its headline."""
    text = text.strip()
    return (
        1 <= len(text.split()) <= _KICKER_WORDS
        and text.isupper()
        and sum(c.isalpha() for c in text) >= 3
        and not text.endswith(".")
    )


def _kicked_headline(text: str) -> bool:
    words = len(text.split())
    return _KICKER_HEADLINE[0] <= words <= _KICKER_HEADLINE[1] and not text.rstrip().endswith(
        (".", ":", "!")
    )


def kicker_pairs(texts: Sequence[str | None]) -> list[int]:
    """The indices of other stories' kicker-and-headline pairs among
    ``texts`` (None: not a line of text): a kicker in capitals right over a
    headline, two or more pairs in a row (a lone comment count after each
    allowed), or one pair with its count under it. One pair alone may be a
    section's kicker and title, or the page's own."""
    n = len(texts)

    def text(i: int) -> str | None:
        return texts[i] if 0 <= i < n else None

    def count(i: int) -> bool:
        t = text(i)
        return t is not None and is_count(t)

    starts = {
        i
        for i in range(n - 1)
        if (k := text(i)) is not None
        and (h := text(i + 1)) is not None
        and _kicker(k)
        and _kicked_headline(h)
    }
    out: list[int] = []
    for i in sorted(starts):
        nxt = i + 3 if count(i + 2) else i + 2
        before = i - 3 if count(i - 1) else i - 2
        if count(i + 2) or nxt in starts or before in starts:
            out += [i, i + 1, *([i + 2] if count(i + 2) else [])]
    return out


# A hover card glued into the sentence: a person's name, then at once the
# same name again and another story's headline cut off with an ellipsis
# ("Sen. Jane RoeJane RoeBudget talks stall as …"), or the name written
# twice ("Jane RoeJane Roe said").
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’.-]+){1,3}"
_GLUED_RE = re.compile(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ]")
_HOVER_CARD_RE = re.compile(
    rf"(?P<name>{_NAME})(?P=name)(?:(?=[A-ZÀ-ÖØ-Þ])[^…]{{1,160}}?(?:…|\.\.\.))?"
)


def drop_hover_cards(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the hover cards glued into it, and the spans cut
    (start, end) in the original text."""
    # (a name glued to its copy has a letter right before a capital)
    if len(text) < 8 or not _GLUED_RE.search(text) or _HOVER_CARD_RE.search(text) is None:
        return text, []
    cuts = [(m.start() + len(m.group("name")), m.end()) for m in _HOVER_CARD_RE.finditer(text)]
    out, pos = [], 0
    for start, end in cuts:
        out.append(text[pos:start])
        pos = end
    joined = "".join([*out, text[pos:]])
    return joined, cuts


def is_furniture(text: str, words: int) -> bool:
    """Any of the page furniture above but a count (a share bar of two
    buttons or more: one such word alone may be a table's heading,
    "Comment", "Print")."""
    if words > _FOOTER_WORDS:  # (the longest of them; a paragraph of the story is longer)
        return False
    return (
        (words >= 2 and is_share_bar(text))
        or is_tag_line(text, words)
        or is_read_more(text, words)
        or is_reading_time(text)
        or is_photo_credit(text, words)
        or is_caps_call(text, words)
        or is_citation_or_copyright(text, words)
    )
