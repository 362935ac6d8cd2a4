"""What the rules ask about the words around a span of capitalised tokens:
a place context ("in Reading", "Nice-based", "Jackson, Mississippi", "in
Mobile and Bath"), a lower-case word after it ("Roman mosaics"), a gloss in
parentheses after it."""

from __future__ import annotations

from margin.entities.document import Document

# Before a name from the weak place list ("in Reading", "at Bath"); "to" is
# left out ("to Florence" may be a letter).
_PLACE_CTX = frozenset({"in", "at", "near", "from", "outside", "around", "across", "via"})


def glossed(doc: Document, e: int) -> bool:
    """Token e is followed by a gloss in parentheses ("CRE (carbapenem-resistant ...)")."""
    words = doc.words
    return e + 2 < len(words) and words[e + 1] == "(" and words[e + 2][:1].islower()


def before_lower_word(doc: Document, e: int) -> bool:
    """Token e is followed by a lower-case word that is not a verb people do
    ("Roman mosaics", but not "Roman said")."""
    words = doc.words
    if e + 1 >= len(words):
        return False
    nxt = words[e + 1]
    return nxt.isalpha() and nxt.islower() and nxt not in doc.lex.person_verbs_after


def followed_by_based(doc: Document, e: int) -> bool:
    """ "Nice-based": the tokeniser splits "-" and "based"."""
    words = doc.words
    return (
        e + 2 < len(words)
        and words[e + 1] == "-"
        and words[e + 2] == "based"
        and len(doc.spaced[e + 1]) == 1  # "-", nothing before it
        and len(doc.spaced[e + 2]) == len(words[e + 2])
    )


def place_context(doc: Document, s: int, e: int, depth: int = 0) -> bool:
    """ "in Reading", "Nice-based", "Bath, England", "in Mobile and Bath"."""
    words = doc.words
    if s > 0 and words[s - 1].lower() in _PLACE_CTX:
        return True
    if followed_by_based(doc, e) or _comma_place(doc, e):
        return True
    # one of a list of places: "in Mobile and Bath", "Leeds, Bath or York"
    if depth < 4 and s > 1 and words[s - 1] in (",", "and", "or"):
        j = s - 2
        if words[s - 1] != "," and words[j] == ",":
            j -= 1
        prev = words[j]
        if j >= 0 and doc.capword[j]:
            key = (prev,)
            lex = doc.lex
            if lex.gazetteer.get(key) == "PLACE" and (
                key not in lex.generated or place_context(doc, j, j, depth + 1)
            ):
                return True
            if key in lex.weak_places and place_context(doc, j, j, depth + 1):
                return True
    return False


def _comma_place(doc: Document, e: int) -> bool:
    """Token e is followed by ", <a place in the gazetteer>" ("Jackson, Mississippi")."""
    words = doc.words
    if not (e + 2 < len(words) and words[e + 1] == ","):
        return False
    gaz = doc.lex.gazetteer
    for k in range(min(len(words) - 1, e + 4), e + 1, -1):
        if gaz.get(tuple(words[e + 2 : k + 1])) == "PLACE":
            nxt = words[k + 1] if k + 1 < len(words) else ""
            return nxt not in ("'s", "’s")
    return False
