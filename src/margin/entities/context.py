"""What the rules ask about the words around a span of capitalised tokens:
a place context ("in Reading", "Nice-based", "Jackson, Mississippi", "in
Mobile and Bath"), a lower-case word after it ("Roman mosaics"), a gloss in
parentheses after it."""

from __future__ import annotations

from margin.entities.document import Document
from margin.model import EntityLabel

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


# A person's role before "of", "at" or "for" and a name: the name is an
# organisation ("cofounder of Square", "a partner at Rhodium").
_ROLES = frozenset(
    {
        "cofounder", "co-founder", "founder", "founders", "ceo", "head", "chief", "executive",
        "executives", "partner", "analyst", "analysts", "employee", "employees", "staff",
        "spokesman", "spokeswoman", "spokesperson", "director", "chairman", "chairwoman",
        "owner", "investor", "investors", "researcher", "researchers", "economist",
        "strategist", "editor", "reporter", "correspondent", "columnist", "engineer",
        "engineers", "manager", "managers", "officials", "official", "lawyer", "lawyers",
    }
)  # fmt: skip
# What companies do with one another, before "with", "by" or "in" and a name.
_DEALS = frozenset(
    {
        "partnered", "partnering", "partnership", "deal", "deals", "agreement", "merger",
        "merged", "acquired", "bought", "owned", "backed", "funded", "stake", "stakes",
        "invested", "investment", "investments", "contract",
    }
)  # fmt: skip
# What an organisation is called after its name and a comma: "Square, a company that".
_ORG_KINDS = frozenset(
    {
        "company", "firm", "startup", "start-up", "group", "organization", "organisation",
        "ngo", "nonprofit", "non-profit", "charity", "accelerator", "agency", "publication",
        "newspaper", "magazine", "website", "network", "broadcaster", "bank", "fund",
        "retailer", "maker", "manufacturer", "provider", "developer", "publisher", "carrier",
        "airline", "chain", "label", "band", "university", "institute", "union", "party",
        "coalition", "consultancy", "insurer", "lender", "conglomerate", "subsidiary",
        "outlet", "think-tank", "lab", "laboratory", "foundation", "association",
    }
)  # fmt: skip
_ARTICLES = frozenset({"a", "an", "the"})
# Right after an organisation's name: its people, its shares.
_ORG_AFTER = frozenset(
    {
        "CEO", "CFO", "CIO", "CTO", "COO", "CMO", "Chairman", "Founder", "Cofounder",
        "Co-founder", "spokesman", "spokeswoman", "spokesperson", "chairman", "executives",
        "shares", "shareholders", "stock", "employees", "headquarters", "subscribers",
        "members", "lawmakers", "officials",
    }
)  # fmt: skip


def org_context(doc: Document, s: int, e: int) -> bool:
    """The words around tokens s..e make them an organisation: a role before
    ("cofounder of Square", "a partner at Rhodium"), its people or shares
    after ("Zentrix CEO", "Roku shares"), or a kind after a comma ("Six
    Thirty, a financial technology accelerator")."""
    words = doc.words
    if s >= 2 and words[s - 1] in ("of", "at", "for") and words[s - 2].lower() in _ROLES:
        return True
    if s >= 2 and words[s - 1] in ("with", "by", "in") and words[s - 2].lower() in _DEALS:
        return True  # "partnered with Zeiss", "acquired by Jazz", "a stake in Rhodium"
    k = e + 1
    if k < len(words) and words[k] in ("'s", "\u2019s"):
        k += 1  # "Zentrix's shares"
    if k < len(words) and words[k] in _ORG_AFTER:
        return True  # "Zentrix CEO", "a Hulu spokesman", "Roku shares"
    k = e + 1
    if k + 2 >= len(words) or words[k] != "," or words[k + 1] not in _ARTICLES:
        return False
    return any(w.lower() in _ORG_KINDS for w in words[k + 2 : k + 6])


def product_mark(doc: Document, e: int) -> bool:
    """Token e is followed by ® or ™: a product's or brand's name."""
    words = doc.words
    return e + 1 < len(words) and words[e + 1] in ("®", "™")


def demonym(doc: Document, word: str) -> bool:
    """A plural of people from a place: "Argentines" (a nationality and s),
    "Californians", "Texans", "Floridians" (a place's name, its last letter
    changed to a people's ending)."""
    lex = doc.lex
    if not word.endswith("s"):
        return False
    if word[:-1] in lex.nationalities:
        return True
    for ending in _DEMONYM_ENDINGS:
        if word.endswith(ending):
            stem = word[: -len(ending)]
            if any(lex.gazetteer.get((stem + tail,)) == "PLACE" for tail in _PLACE_TAILS):
                return True
    return False


_DEMONYM_ENDINGS = ("ians", "ans", "ns", "ers", "ites")
_PLACE_TAILS = ("", "a", "s", "o", "e", "ia")


# Before a place that shares a company's name: "the Amazon", "northern Amazon".
_BEFORE_PLACE = frozenset({"the", "northern", "southern", "eastern", "western", "central"})


def context_decides(doc: Document, a: int, label: EntityLabel) -> bool:
    """Whether the words around token a, a gazetteer entry alone, may change
    its label (the first pass's fast path must then ask the rules)."""
    return town_says(doc, a, a) if label == "PLACE" else the_place(doc, a, a)


def the_place(doc: Document, s: int, e: int) -> bool:
    """A company's name that is also a place's, as the place: "the Amazon"
    (not "the Amazon founder", not "Amazon said")."""
    words = doc.words
    if s != e or (words[s],) not in doc.lex.orgs_and_places or s == 0:
        return False
    nxt = words[e + 1] if e + 1 < len(words) else ""
    return words[s - 1].lower() in _BEFORE_PLACE and not (
        nxt.islower() and nxt in doc.lex.lower_titles or nxt in doc.lex.person_verbs_after
    )


def town_says(doc: Document, s: int, e: int) -> bool:
    """A small town's name (from the generated lists) that says or tells
    ("Delgado said"): a surname, not the town. A capital saying something
    stands for its government, and capitals are in the hand-written list."""
    words = doc.words
    return (
        s == e
        and (words[s],) in doc.lex.generated
        and e + 1 < len(words)
        and words[e + 1] in doc.lex.person_verbs_after
    )
