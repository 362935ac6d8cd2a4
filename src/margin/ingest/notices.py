"""A site's notices to its readers, told by what they say: a cookie banner,
the rules for readers' comments (and signing in to write one), a legal
disclaimer, a plea to turn off the ad blocker or to pay. They are chrome wherever
they stand, however much they read like running text, and both the HTML and
the plain-text paths drop them. The phrases are the general ones sites use,
in the languages margin knows, never one site's; a story about cookies, about
what a minister's comments were or about a company's liability is not a
notice.
"""

from __future__ import annotations

import functools
import re

_MAX_WORDS = 80  # a notice is a few sentences; a longer paragraph is the article's


def mentions(text: str, stems: tuple[str, ...]) -> bool:
    """``text`` holds one of ``stems`` (lower case): a plain substring test
    that spares the word patterns below the paragraphs that cannot match
    (every short paragraph of every page is tried)."""
    return any(map(_lower(text).__contains__, stems))


@functools.lru_cache(maxsize=64)
def _lower(text: str) -> str:
    """(Each line is tried by several rules in a row: lowered once.)"""
    return text.lower()


# A comment policy: "Comments are moderated", "The opinions expressed in
# reader comments do not reflect ...", "Please keep your comments civil".
_COMMENT_WORD_RE = re.compile(
    r"\b(?:comments?|commenting|commenters?|comentarios?|comentar|commentaires?|commenter"
    r"|kommentar(?:e|en)?|kommentieren|commenti|commento|commentare|reacties)\b",
    re.I,
)
_POLICY_RE = re.compile(  # said only of a site's comments
    r"\b(?:moderat\w*|reserves?\s+the\s+right|se\s+reserva|se\s+réserve|behält\s+sich"
    r"|do(?:es)?\s+not\s+(?:necessarily\s+)?reflect|no\s+está\s+permitido|netiquette"
    r"|(?:comment|commenting|discussion|community)\s+(?:policy|guidelines|rules)"
    r"|(?:sole|exclusive)\s+responsibility|responsibility\s+of\s+(?:the|their)\s+authors?"
    r"|exclusiva\s+responsabilidad|responsabilidad\s+de\s+sus\s+autores"
    r"|responsabilité\s+de\s+leurs\s+auteurs)\b",
    re.I,
)
_RULES_RE = re.compile(  # ... or, addressed to the site's readers, of anyone's
    r"\b(?:polic(?:y|ies)|guidelines|rules|offensive|abusive|respectful|civil|normas|reglas"
    r"|règles|charte|regeln|inappropriate|inapropiad[oa]s?"
    # signing in to comment: "To comment you must log in with your account"
    r"|(?:sign|log)\s*in|register|ingresar|iniciar\s+sesión|connectez-vous|anmelden|einloggen)\b",
    re.I,
)
_READERS_RE = re.compile(  # the site speaking, to its readers
    r"\b(?:you|your|we|our|vous|votre|nous|notre|sie|ihr(?:e|en)?|wir|unser\w*|du|usted"
    r"|nuestr[oa]s?|tu|tenés|tienes|debes)\b",
    re.I,
)


_COMMENT_STEMS = ("comment", "coment", "kommentar", "kommentier", "reacties")


def is_comment_policy(text: str, words: int) -> bool:
    """A line of a site's rules for its comments."""
    if words > _MAX_WORDS or not mentions(text, _COMMENT_STEMS):
        return False
    if not _COMMENT_WORD_RE.search(text):
        return False
    return bool(_POLICY_RE.search(text) or (_RULES_RE.search(text) and _READERS_RE.search(text)))


# A cookie notice: the site says it uses cookies, or asks the reader to agree
# to them (not a story that says users must agree to cookies).
_COOKIE_RE = re.compile(r"\bcookies?\b", re.I)
_SITE_VOICE_RE = re.compile(
    r"\b(?:we|our|this\s+(?:web)?site|wir|unser\w*|diese\s+(?:web)?seite|nous|notre|ce\s+site"
    r"|utilizamos|usamos|este\s+sitio|questo\s+sito)\b",
    re.I,
)
_USE_RE = re.compile(
    r"\b(?:use[sd]?|using|verwende\w*|nutz\w*|utilis\w*|utiliza\w*|usa(?:mos)?)\b", re.I
)
_CONSENT_RE = re.compile(
    r"\b(?:accept\w*|consent\w*|agree|einverstanden|zustimm\w*|einwillig\w*|akzeptier\w*"
    r"|acceptez|accepter|aceptas?|acepto|consentimiento|continu\w+\s+(?:to\s+)?(?:use|brows))\b",
    re.I,
)


_ADDRESS_RE = re.compile(  # the reader, spoken to
    r"\b(?:you|your|vous|votre|sie|ihr(?:e|en)?|du|dein\w*|usted|tu|this\s+(?:web)?site"
    r"|our\s+(?:web)?site|ce\s+site|diese\s+(?:web)?seite|unsere?\s+(?:web)?seite)\b",
    re.I,
)


def is_cookie_notice(text: str, words: int) -> bool:
    """A line of a cookie banner ("We use cookies to ...", "By continuing
    to browse you accept the use of cookies"), not a story about cookies."""
    if words > _MAX_WORDS or not mentions(text, ("cookie",)) or not _COOKIE_RE.search(text):
        return False
    return bool(
        (_SITE_VOICE_RE.search(text) and _USE_RE.search(text))
        or (_CONSENT_RE.search(text) and _ADDRESS_RE.search(text))
    )


# A legal disclaimer: the site speaks of itself ("this website", "the
# publisher") in the words of the law ("liable", "warranties", "at your own risk").
_SITE_ITSELF_RE = re.compile(
    r"\b(?:this\s+(?:web\s*)?site|our\s+(?:web\s*)?site|the\s+publisher"
    r"|diese[rn]?\s+(?:web)?(?:seite|site|angebots?)|ce\s+site|notre\s+site|este\s+sitio"
    r"|nuestro\s+sitio|questo\s+sito|deze\s+(?:web)?site)\b",
    re.I,
)
_LEGAL_RE = re.compile(
    r"\b(?:liab(?:le|ility)|warrant(?:y|ies)|disclaim\w*|indemnif\w*|at\s+your\s+own\s+risk"
    r"|no\s+(?:representations?|responsibility)|not\s+(?:be\s+)?(?:liable|responsible)"
    r"|does\s+not\s+constitute|endors\w*|(?:under|beyond)\s+(?:the|our)\s+control"
    r"|professional\s+advice|haft(?:ung|et|bar)\w*"
    r"|gewähr(?:leistung)?|responsabilit[éy]|responsabilidad|garant(?:ie|ía)s?)\b",
    re.I,
)
_LEGAL_WORDS = 150  # a disclaimer's paragraph runs longer than a banner's


_SITE_STEMS = ("site", "seite", "sitio", "sito", "publisher", "angebot")


def is_legal_disclaimer(text: str, words: int) -> bool:
    """A paragraph of the site's legal disclaimer: the site speaking of
    itself in the words of the law, twice or more."""
    if words > _LEGAL_WORDS or not mentions(text, _SITE_STEMS):
        return False
    if not _SITE_ITSELF_RE.search(text):
        return False
    return len(_LEGAL_RE.findall(text)) >= 2


# A plea to the reader: turn the ad blocker off, or pay to support the site
# ("Consider supporting our work by becoming a member for as little as $5 a
# month").
_AD_BLOCKER_RE = re.compile(r"\bad[\s-]?block\w*|\bwerbeblocker\w*|\bbloqueur\w*\s+de\s+pub", re.I)
_SUPPORT_RE = re.compile(
    r"\b(?:support(?:ing)?\s+(?:our|us|this|independent)|unterstütze\w*\s+(?:uns|unsere)"
    r"|soutenez|soutenir\s+(?:notre|nous)|apoya\w*\s+(?:nuestro|a)|become\s+a\s+(?:member|supporter"
    r"|subscriber|patron))\b",
    re.I,
)
_PRICE_RE = re.compile(
    r"[$€£]\s?\d|\d\s?(?:€|\$|£|euros?|dollars?)\b|\bas\s+little\s+as\b|\b(?:per|a)\s+month\b"
    r"|\bpro\s+monat\b|\bpar\s+mois\b|\bal\s+mes\b",
    re.I,
)


_PLEA_STEMS = ("block", "support", "unterstütz", "souten", "apoy", "become a")


def is_plea(text: str, words: int) -> bool:
    """The site asking its reader to turn off an ad blocker, or to pay to
    support it (with a price)."""
    if words > _MAX_WORDS or not mentions(text, _PLEA_STEMS):
        return False
    if not _READERS_RE.search(text):
        return False
    if _AD_BLOCKER_RE.search(text):
        return True
    return _SUPPORT_RE.search(text) is not None and _PRICE_RE.search(text) is not None


def is_site_notice(text: str, words: int) -> bool:
    """A cookie banner's, a comment policy's, a legal disclaimer's or a
    plea's paragraph (``words`` long)."""
    return (
        is_cookie_notice(text, words)
        or is_comment_policy(text, words)
        or is_legal_disclaimer(text, words)
        or is_plea(text, words)
    )
