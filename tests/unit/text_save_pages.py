"""Pages and helpers the text-save tests share: an article of five
paragraphs written for the tests (never a copied real page), a menu and a
footer, and the functions that build a save and read its body."""

from __future__ import annotations

from pathlib import Path

from margin.ingest.text import extract_text

SAMPLES = Path(__file__).resolve().parents[2] / "sample_articles"

P1 = (
    "The ferry company that links the northern islands said on Monday that it would "
    "replace its two oldest boats within three years, after a winter in which breakdowns "
    "left villages without a crossing for days at a time."
)
P2 = (
    "Residents of the smallest island, where about four hundred people live, had "
    "complained that the timetable was no longer something they could plan their "
    "lives around, and the regional council had threatened to withhold its subsidy."
)
P3 = (
    "The new boats will be built at a yard on the mainland and will run on batteries "
    "for the shorter crossings, which the company said would cut its fuel bill by "
    "almost a third once both of them are in service."
)
P4 = (
    "Union representatives welcomed the order but said that the crews would need "
    "training for the new engines, and asked for the old boats to be kept in reserve "
    "until the first winter with the new fleet had passed without trouble."
)
P5 = (
    "A spokesperson for the council said the decision was a relief, and that talks "
    "about the subsidy for next year would now go ahead as planned in the autumn."
)
ARTICLE = [P1, P2, P3, P4, P5]

MENU = "Home\nNews\nWorld\nBusiness\nSport\nCulture\nOpinion\nSign in\nSubscribe"
FOOTER = "About us\nContact\nCareers\nAdvertise\nTerms of use\n© 2031 Harbour Post Media Ltd"


def save(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def body(text: str) -> str:
    _meta, blocks = extract_text(text)
    return "\n\n".join(b.text for b in blocks)


def assert_article(got: str) -> None:
    for para in ARTICLE:
        assert para in got, para[:40]


def firefox_wrap(text: str, width: int = 80) -> str:
    """A paragraph wrapped the way Firefox's Save as Text wraps it."""
    out, line = [], ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*out, line])


def islander_comment(n: int) -> str:
    """A reader's comment on the ferry story (tests look for "old boats broke down")."""
    return (
        "I live on the island and I can tell you that the old boats broke down far "
        f"more often than the company admits, at least {n} times last winter alone."
    )


def linked(line: str, k: int) -> str:
    return f"{line} <https://harbour.example/story/{k}/>"
