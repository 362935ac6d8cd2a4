"""What each command's ``--help`` says beyond its options: a sentence on what
it does and a few examples to copy. Kept apart from the parser so that
``cli.py`` reads as the list of options."""

from __future__ import annotations

#: What a command's --help says under its usage line, where one line of
#: the command list is not enough.
DESCRIPTIONS: dict[str, str] = {
    "import": (
        "Import a read-later export: its articles, tags, archive state and\n"
        "highlights. The format is told from the file's content, not its name:\n"
        "  Omnivore ZIP, Pocket ZIP or CSV (and the old ril_export.html),\n"
        "  Wallabag JSON or CSV, Instapaper CSV, Readwise Reader CSV,\n"
        "  Readwise highlights CSV, Hypothesis JSON, browser bookmarks (HTML),\n"
        "  WARC (.warc, .warc.gz).\n"
        "An item with only an address is listed as pending until it is fetched\n"
        "(--fetch, or later 'margin fetch'). Importing the same file again adds\n"
        "nothing; an interrupted import goes on where it stopped."
    ),
    "add": (
        "Fetch web pages (http and https only) into margin's inbox and index\n"
        "them. Each page is saved as a file that records its address and the\n"
        "time it was fetched; a page that cannot be fetched changes nothing."
    ),
    "cut": (
        "Drop the block (paragraph, heading, line) holding a quote from the\n"
        "article as margin shows it. The cut is kept by its text, through\n"
        "rescans, re-saves and new versions of margin; 'margin corrections'\n"
        "lists it and --remove takes it back."
    ),
    "keep": (
        "Bring back a block of the page that margin's extraction dropped (or\n"
        "that a site rule cuts). 'margin extract FILE --show-cut' shows the\n"
        "dropped blocks."
    ),
}

#: Each command's examples, a line each.
EXAMPLES: dict[str, tuple[str, ...]] = {
    "extract": (
        "margin extract saved/page.html",
        "margin extract page.mhtml --format markdown > page.md",
        "margin extract page.html --format json --no-entities",
        "margin extract page.html --show-cut",
    ),
    "index": (
        "margin index ~/Reading        add a folder and index it",
        "margin index                  rescan every folder margin knows",
    ),
    "list": (
        "margin list --filter unread --sort date",
        "margin list ~/Reading/2026 --json",
        "margin list --tag ports --filter archived",
    ),
    "search": (
        "margin search breakwater",
        "margin search '\"sea wall\" OR breakwater' --limit 5",
        "margin search 'harbour*' --site example.org --has-notes",
    ),
    "annotate": ('margin annotate page.html --quote "the first sentence" --note "check this"',),
    "notes": ("margin notes", "margin notes page.html --json"),
    "bookmark": ("margin bookmark page.html", "margin bookmark page.html --off"),
    "export": ("margin export > notes.md", "margin export --format json --out ~/notes"),
    "cut": (
        'margin cut page.html --quote "Sign up for our newsletter"',
        'margin cut page.html --quote "Sign up for our newsletter" --site',
    ),
    "keep": ('margin keep page.html --quote "Correction: an earlier version"',),
    "corrections": (
        "margin corrections",
        "margin corrections page.html --json",
        "margin corrections --remove 12",
    ),
    "entities": ("margin entities page.html", "margin entities --library --limit 20"),
    "import": (
        "margin import ~/Downloads/omnivore-export.zip",
        "margin import pocket-export.zip --fetch",
        "margin import bookmarks.html --json",
    ),
    "add": ("margin add https://example.org/story", "margin add - < addresses.txt"),
    "fetch": ("margin fetch", "margin fetch --retry-failed"),
    "tag": (
        "margin tag page.html ports shipping",
        "margin tag https://example.org/story ports --remove",
    ),
    "archive": ("margin archive page.html", "margin archive page.html --off"),
}


def description(name: str, summary: str) -> str:
    """What ``margin NAME --help`` says first: the longer text, or the
    command list's line as a sentence."""
    return DESCRIPTIONS.get(name) or f"{summary[:1].upper()}{summary[1:]}."


def epilog(name: str, more: str = "") -> str | None:
    """What ``margin NAME --help`` says after the options: ``more``, then
    the examples."""
    parts = [more.rstrip("\n")] if more else []
    if name in EXAMPLES:
        parts.append("examples:\n" + "\n".join(f"  {line}" for line in EXAMPLES[name]))
    return "\n\n".join(parts) or None
