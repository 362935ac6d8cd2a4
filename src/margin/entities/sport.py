"""Sports clubs and teams: a place's name that means its club ("Everton beat
Fulham", "Florida coach Urban Meyer") and teams known by a nickname ("the
Bruins", "Boston Red Sox").

Only in an article about sport (:func:`sporty`): there the words beside a
name tell the club from the town. A country's name stays a place in every
use, its national team included (the annotation guidelines' rule).
"""

from __future__ import annotations

from margin.entities.document import RULE, Cand, Document, extra_end
from margin.entities.lexicon import Lexicon

_THE = ("The", "THE", "the")

# Words that make an article one about sport when two of them are in it:
# words of sport only ("season", "title" and "match" are everyday words too).
_SPORT_WORDS = frozenset(
    {
        "scored", "coach", "coaches", "coached", "striker", "midfielder", "defender",
        "goalkeeper", "winger", "quarterback", "linebacker", "touchdown", "touchdowns",
        "playoff", "playoffs", "postseason", "preseason", "halftime", "half-time", "kickoff",
        "semifinal", "semi-final", "goalscorer", "innings", "pitcher", "teammates", "roster",
        "league", "championship", "tournament", "fixtures", "derby",
    }
)  # fmt: skip
# After a club's name (past a possessive and up to two words): "Florida coach",
# "Everton's new striker", "Fulham beat", "Alabama's first practices".
_CLUB_AFTER = frozenset(
    {
        "coach", "coaches", "manager", "boss", "striker", "strikers", "defender", "defenders",
        "midfielder", "midfielders", "goalkeeper", "winger", "forward", "quarterback",
        "players", "player", "fans", "supporters", "squad", "roster", "team", "beat", "beats",
        "defeated", "drew", "scored", "signed", "practice", "practices", "offense", "defence",
        "defense", "lineup", "line-up", "win", "victory", "loss", "defeat", "football",
        "basketball", "baseball", "soccer", "hockey", "athletics", "athletic", "program",
        "programme", "academy", "chairman", "owner", "owners", "kit", "shirt",
    }
)  # fmt: skip
# Before a club's name: "beat Fulham", "against Everton", "joined Arsenal".
_CLUB_BEFORE = frozenset(
    {
        "beat", "beats", "beating", "defeated", "defeat", "against", "vs", "v", "versus",
        "joined", "joins", "joining", "host", "hosts", "hosting", "hosted", "visit", "visits",
        "visiting", "face", "faces", "facing", "faced", "coached", "coaching", "coaches",
        "over", "edged", "thrashed", "routed", "trailed", "lead", "led", "tied",
    }
)  # fmt: skip
# ... or a verb and "for"/"to"/"with"/"by": "scored for Everton", "lost to Fulham".
_CLUB_VERBS = frozenset(
    {
        "scored", "scores", "played", "plays", "playing", "signed", "signs", "starred",
        "debut", "goal", "goals", "lost", "loses", "losing", "fell", "falls", "moved",
        "move", "transfer", "loan", "loaned", "committed", "recruited", "drafted",
    }
)  # fmt: skip
_CLUB_PREPS = frozenset({"for", "to", "with", "by", "from"})
# Nicknames that are no plural: "Red Sox", "Manchester United", "Orlando Magic".
_TEAM_WORDS = frozenset({"Sox", "United", "Athletic", "Albion", "Hotspur", "Magic", "Heat"})
# Capitalised plurals that are no team.
_NOT_TEAMS = frozenset(
    {
        "Games", "Olympics", "Championships", "Finals", "Series", "Playoffs", "Awards",
        "Sports", "News", "Times", "Days", "Brothers", "Sisters", "Studios", "Records",
        "Islands", "Falls", "Heights", "Hills", "Lakes", "Mountains", "Gardens", "Springs",
        "Rapids", "Keys", "Rocks", "Alps", "Andes", "Highlands", "Plains", "States",
        "Nations", "Affairs", "Services", "Sciences", "Studies", "Arts", "Letters",
    }
)  # fmt: skip


def sporty(doc: Document) -> bool:
    """The article is about sport: two of the sport words are in it."""
    found = doc.sport
    if found is None:
        found = doc.sport = len(_SPORT_WORDS.intersection(doc.vocab())) >= 2
    return found


def club_context(doc: Document, s: int, e: int) -> bool:
    """The words around tokens s..e make them a club: "Florida coach",
    "Everton's striker", "beat Fulham", "scored for Everton"."""
    words = doc.words
    n = len(words)
    j = e + 1
    if j < n and words[j] in ("'s", "\u2019s", "'", "\u2019"):
        j += 1
    if any(w.lower() in _CLUB_AFTER for w in words[j : min(n, j + 3)] if w[0].isalpha()):
        return True
    k = s - 1
    if k >= 0 and words[k] in ("the", "The"):
        k -= 1
    if k < 0:
        return False
    before = words[k].lower()
    if before in _CLUB_BEFORE:
        return True
    return before in _CLUB_PREPS and k >= 1 and words[k - 1].lower() in _CLUB_VERBS


def team_name(doc: Document, s: int, e: int) -> bool:
    """Tokens s..e name a team by its nickname: a capitalised plural after
    "the" ("the Bruins", "the Red Sox"), or a place and a nickname ("Boston
    Red Sox", "Miami Dolphins", "Manchester United")."""
    lex = doc.lex
    words = doc.words
    last = words[e]
    if last in _TEAM_WORDS:
        pass
    elif not (last.endswith("s") and not last.endswith(("ss", "us", "is")) and last[1:].islower()):
        return False
    if last in _NOT_TEAMS or last in lex.nationalities or last[:-1] in lex.nationalities:
        return False
    if words[s] in lex.first_names or words[s] in lex.person_titles:
        return False  # "Serena Williams", "Mr Evans"
    if s > 0 and words[s - 1] in ("the", "The"):
        return True
    place = tuple(words[s:e])
    return bool(place) and (lex.gazetteer.get(place) == "PLACE" or place in lex.weak_places)


def national(doc: Document, words: tuple[str, ...]) -> bool:
    """A country's name ("England", "Spain"): a place in every use."""
    return words in doc.lex.countries


def team(doc: Document, s: int, e: int) -> Cand | None:
    """A team by its nickname in tokens s..e ("the Bruins", "Boston Red
    Sox"), before any word of it is trimmed; None if they are none."""
    words = doc.words
    while s < e and words[s] in _THE:
        s += 1
    if words[s] in _THE or not team_name(doc, s, e):
        return None
    named = tuple(words[s : e + 1])
    if national(doc, named) or doc.lex.gazetteer.get(named, "ORG") != "ORG":
        return None
    return Cand(s, e, "ORG", RULE, named, extra_end(words, e), club=True)


def club(doc: Document, s: int, e: int, words: tuple[str, ...]) -> bool:
    """Tokens s..e (``words``) name a club: a state's university ("Michigan
    State"), or a club's name that the words around it make one."""
    if national(doc, words):
        return False
    lex = doc.lex
    if len(words) == 2 and words[1] == "State" and _place(lex, words[:1]):
        return True
    return _club_name(doc, words) and club_context(doc, s, e)


def _place(lex: Lexicon, words: tuple[str, ...]) -> bool:
    return lex.gazetteer.get(words) == "PLACE" or words in lex.weak_places


def _club_name(doc: Document, words: tuple[str, ...]) -> bool:
    """A name a club may have: a place's, or one word no list knows
    ("Everton"); a person named in full elsewhere takes it back."""
    lex = doc.lex
    if _place(lex, words):
        return True
    w = words[0]
    return (
        len(words) == 1
        and words not in lex.gazetteer
        and w not in lex.first_names
        and w not in lex.not_alone
        and w.lower() not in lex.words
    )
