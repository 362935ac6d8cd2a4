"""Markdown files: the front matter's fields reach the article."""

from __future__ import annotations

from margin.ingest.markdown import extract_markdown


def test_front_matter_gives_the_title_standfirst_and_byline() -> None:
    text = (
        "---\n"
        'title: "Night train to Brussels"\n'
        "author: Sophie Hartmann\n"
        'excerpt: "Fourteen hours, three countries and one good croissant."\n'
        "---\n\n"
        "# Night train to Brussels\n\n"
        "The train left Vienna at a quarter to nine.\n"
    )
    meta, blocks = extract_markdown(text)
    assert meta.title == "Night train to Brussels"
    assert meta.dek == "Fourteen hours, three countries and one good croissant."
    assert meta.byline == "Sophie Hartmann"
    assert [b.text for b in blocks] == ["The train left Vienna at a quarter to nine."]
