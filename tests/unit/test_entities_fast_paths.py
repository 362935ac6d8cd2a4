"""The built-in recogniser's fast paths against plain reference code, on real texts.

The recogniser takes short ways through the common cases: the tokeniser's
patterns for plain words, the capitalised words and sentence starts
written out in the document, the headings' early exit, the gazetteer
matcher's bound, a run of one word and a run without a title, date or
stopword, words that are never a name alone, sentence openers and plain
words, and no normalising of a text without soft hyphens or curly
apostrophes. Each is compared here with the general path or a plain
reference, on the corpus texts (``../shared``) and ``sample_articles/`` as
margin reads them, as is and rewritten in Title Case, in capitals and with
curly apostrophes (which take other paths), and on a few short texts with
the cases real texts may lack.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from margin.entities.builtin import (
    first_pass,
    headline_cands,
    merge_org_connectors,
    recognise_builtin,
    runs,
    split_run,
    to_entities,
)
from margin.entities.document import FUNCTION_WORDS, Cand, Document, Match, allcaps, is_cap
from margin.entities.lexicon import MAX_GAZ_TOKENS, lexicon
from margin.entities.propagate import second_pass
from margin.entities.tokens import split_tokens, token_ends, tokenise
from margin.errors import IngestError
from margin.ingest.pipeline import extract_file

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "readability-test-pages"
SAMPLES = REPO / "sample_articles"


def _mixed_apostrophes(text: str) -> str:
    """Every other apostrophe curly: the same names written both ways."""
    parts = text.replace("\u2019", "'").split("'")
    return "".join(
        p + ("'\u2019"[i % 2] if i < len(parts) - 1 else "") for i, p in enumerate(parts)
    )


VARIANTS = {
    "as is": lambda t: t,
    "Title Case": str.title,
    "capitals": str.upper,
    "curly apostrophes": lambda t: t.replace("'", "\u2019"),
    "mixed apostrophes": _mixed_apostrophes,
}

# Cases the real texts may lack, one for each condition of a fast path.
EDGE_TEXTS = [
    # weak places that are never a name alone elsewhere, in a place context
    "He grew up in Mobile and Bath. North of here, in Union, Orange and Most met.",
    "Central heating. In Central, East and West met; Man said so. Enterprise grew.",
    # a name particle or '&' before a paragraph break
    "Ludwig van\n\nBeethoven wrote to AT &\n\nT and to Osama bin\nLaden.",
    # the same names with straight and curly apostrophes, soft hyphens
    "Barack O\u2019Bama spoke, and O'Bama left.",
    "Benjamin Netan\u00adyahu spoke, and Netanyahu left.",
    # quotes and brackets before a capital, "I'm", initials, a title before a word
    '"The Times" said. \u2018Who\u2019 asked Jane: Yes. (Reuters) I\u2019m sure. J. Smith',
    "Dr. Meanwhile spoke, said President Honestly. Senator Nice and Mr Reading agreed.",
    # all capitals: never-alone words, titled gazetteer entries
    "THE UNITED NATIONS MET IN PARIS. AIDS AND COVID. ASAP, SAID NATO.",
]


def _texts(paths: list[Path]) -> list[tuple[str, str]]:
    out = []
    for path in paths:
        try:
            article = extract_file(path, timeout=None)
        except IngestError:
            continue  # a page with no article text (the corpus has a few)
        out.append((path.parent.name if path.name == "expected.html" else path.name, article.text))
    return out


@cache
def corpus_texts() -> list[tuple[str, str]]:
    return _texts(sorted(CORPUS.glob("*/expected.html")))


@cache
def sample_texts() -> list[tuple[str, str]]:
    return _texts(sorted(p for p in SAMPLES.iterdir() if p.is_file()))


# ---------------------------------------------------------------- references


# The tokeniser's pattern without its shortcuts for plain words.
_REFERENCE_TOKEN_RE = re.compile(
    r"""
      (?:[A-Z][a-z]?\.){2,}
    | [A-Z]\.(?=\s+[A-Z])
    | [^\W_](?:[^\W_]|\u00ad(?=[^\W_])|&(?=[^\W_])|-(?=[^\W_])(?![a-z])|['\u2019](?![sS]\b)(?=[^\W_]))*
      (?:\.(?:com|org|net|io|js|gov|edu)\b)?
    | ['\u2019][sS]\b
    | \S
    """,
    re.VERBOSE,
)


def reference_blocks(doc: Document) -> list[tuple[int, int]]:
    """Paragraphs: a new one at every token with a newline before it."""
    out = []
    a = 0
    for i in range(1, doc.n):
        if "\n" in doc.spaced[i]:
            out.append((a, i))
            a = i
    out.append((a, doc.n))
    return out


def reference_headlines(doc: Document) -> list[bool]:
    """Title Case blocks, counted in full: not ending in a full stop, at
    least four long words, at most one in eight of them not capitalised."""
    marks = [False] * doc.n
    for a, b in reference_blocks(doc):
        block = doc.words[a:b]
        long_words = [
            t for t in block if len(t) > 3 and t[0].isalnum() and t.lower() not in FUNCTION_WORDS
        ]
        lower = [t for t in long_words if not is_cap(t)]
        if (
            block
            and block[-1] != "."
            and len(long_words) >= 4
            and len(lower) <= len(long_words) // 8
        ):
            marks[a:b] = [True] * (b - a)
    return marks


def reference_shouting(doc: Document) -> list[bool]:
    """Runs of words in capitals, each token looked at: three or more such
    words, or two with a common word, next to each other or one mark apart."""
    marks = [False] * doc.n
    words = doc.words

    def loud(i: int) -> bool:
        return doc.capword[i] and len(words[i]) > 1 and words[i].isupper()

    runs: list[list[int]] = []
    for i in range(doc.n):
        if not loud(i):
            continue
        last = runs[-1][-1] if runs else -9
        gap = words[last + 1 : i]
        if (
            runs
            and "\n" not in doc.spaced[i]
            and (i == last + 1 or (i == last + 2 and not gap[0][0].isalnum()))
        ):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        common = any(len(words[i]) > 2 and words[i].lower() in doc.lex.words for i in run)
        if len(run) >= 3 or (len(run) == 2 and common):
            marks[run[0] : run[-1] + 1] = [True] * (run[-1] + 1 - run[0])
    return marks


def reference_document(text: str) -> Document:
    """The document with its per-token facts worked out by the general
    functions one token at a time, and normalising always on."""
    doc = Document(text, lexicon())
    gaz = doc.lex.gazetteer
    doc.capword = [is_cap(t) or (t[0].isdigit() and (t,) in gaz) for t in doc.words]
    doc.caps = [i for i, cap in enumerate(doc.capword) if cap]
    doc.sent_start = [cap and doc.sentence_start(i) for i, cap in enumerate(doc.capword)]
    doc.cap_mid = {doc.words[i] for i in doc.caps if not doc.sent_start[i]}
    shouted = reference_shouting(doc)
    doc.headline = [h or x for h, x in zip(reference_headlines(doc), shouted, strict=True)]
    doc.needs_norm = True
    return doc


def reference_gaz_matches(doc: Document, a: int, b: int) -> list[Match]:
    """Longest gazetteer matches in tokens a..b, trying every length."""
    lex = doc.lex
    words = doc.words
    out: list[Match] = []
    i = a
    while i <= b:
        caps = allcaps(words[i])
        for k in range(min(b, i + MAX_GAZ_TOKENS - 1), i - 1, -1):
            key = tuple(words[i : k + 1])
            label = lex.gazetteer.get(key)
            if label is None and caps and any(len(w) > 3 for w in key):
                titled = tuple(w.title() for w in key)
                if len(titled) > 1 or titled not in lex.generated:
                    label = lex.gazetteer.get(titled)
            if label is not None:
                out.append((i, k, label))
                i = k
                break
        i += 1
    return out


def reference_runs(doc: Document) -> list[tuple[int, int]]:
    """Runs of capitalised words, looking at every token."""
    words, spaced, capword, n = doc.words, doc.spaced, doc.capword, doc.n
    particles = doc.lex.name_particles
    joiners = particles | {"&"}
    out = []
    i = 0
    while i < n:
        if not capword[i]:
            i += 1
            continue
        j = i
        while j + 1 < n and "\n" not in spaced[j + 1]:
            if capword[j + 1]:
                j += 1
            elif (
                words[j + 1] in joiners
                and j + 2 < n
                and capword[j + 2]
                and "\n" not in spaced[j + 2]
            ):
                j += 2
            elif (
                words[j + 1] in particles
                and j + 3 < n
                and words[j + 2] in particles
                and capword[j + 3]
                and "\n" not in spaced[j + 2]
                and "\n" not in spaced[j + 3]
            ):
                j += 3
            else:
                break
        out.append((i, j))
        i = j + 1
    return out


def reference_first_pass(doc: Document) -> list[Cand]:
    """Every run through the general path."""
    cands: list[Cand] = []
    for a, b in merge_org_connectors(doc, reference_runs(doc)):
        gaz = reference_gaz_matches(doc, a, b)
        if doc.headline[a]:
            cands += headline_cands(doc, a, b, gaz)
        else:
            cands += split_run(doc, a, b, gaz)
    return cands


# --------------------------------------------------------------------- tests


def check_tokens(name: str, text: str) -> None:
    reference = [(m.start(), m.end(), m.group()) for m in _REFERENCE_TOKEN_RE.finditer(text)]
    assert [tuple(t) for t in tokenise(text)] == reference, name
    spaced, words = split_tokens(text)
    ends = token_ends(spaced)
    assert [(end - len(w), end, w) for end, w in zip(ends, words, strict=True)] == reference, name
    assert all(not s[: len(s) - len(w)].strip() for s, w in zip(spaced, words, strict=True))


def check_fast_paths(name: str, text: str) -> None:
    fast = Document(text, lexicon())
    plain = reference_document(text)
    assert fast.blocks() == reference_blocks(fast), name
    assert fast.headline == plain.headline, name
    assert fast.capword == plain.capword, name
    assert fast.caps == plain.caps, name
    assert fast.cap_mid == plain.cap_mid, name
    assert fast.sent_start == plain.sent_start, name
    assert runs(fast) == reference_runs(plain), name
    cands = reference_first_pass(plain)
    assert first_pass(fast) == cands, name
    reference = to_entities(plain, second_pass(plain, cands)) if text.strip() else []
    assert recognise_builtin(text) == reference, name


@pytest.mark.parametrize(
    "text",
    [
        "Donald J. Trump met H.W. Bush in the U.S. The next day, snopes.com's team",
        "Donald J.\n\nTrump; Ph.D. students at Backbone.js and example.company.",
        "al-Bashir, Nyong'o and Netan\u00adyahu: well-known AT&T rock'n'roll x-Ray",
        "  leading and trailing whitespace \n\t ",
        "words. words, words; (words) [words] \u201cwords\u201d words! words? words:",
        "Capitals. Capitals, Capitals; Capitals's O'Neill\u2019s CEO\u2019S snake_case 3.5 2009",
        "\u00a0non\u00a0breaking\u2028spaces and \u00e9l\u00e8ve \u00dcber Stra\u00dfe \u4e2d\u6587",
        "A.\nB. C.  end with an initial J.",
    ],
)
def test_split_tokens_matches_the_reference_tokeniser(text: str) -> None:
    check_tokens(text, text)


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_fast_paths_match_the_general_path_on_edge_cases(text: str) -> None:
    check_tokens(text, text)
    check_fast_paths(text, text)


@pytest.mark.parametrize("variant", VARIANTS)
def test_fast_paths_match_the_general_path_on_the_samples(variant: str) -> None:
    texts = sample_texts()
    assert len(texts) >= 10
    for name, text in texts:
        text = VARIANTS[variant](text)
        check_tokens(name, text)
        check_fast_paths(name, text)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared corpus not found")
@pytest.mark.parametrize("variant", VARIANTS)
def test_fast_paths_match_the_general_path_on_the_corpus(variant: str) -> None:
    texts = corpus_texts()
    assert len(texts) >= 100
    if variant != "as is":
        texts = texts[::3]  # the rewritten texts take longer; a third of them is plenty
    for name, text in texts:
        text = VARIANTS[variant](text)
        check_tokens(name, text)
        check_fast_paths(name, text)
