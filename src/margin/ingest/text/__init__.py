"""Plain-text saves -> blocks: paragraphs, title and byline found, chrome stripped.

A "Save as text" or copy-paste of a web page is the whole page: menus, other
stories' headlines, the article, then footers and forms. Chrome is recognised
by shape and context, never by phrases copied from one site:

1. Every line is scored on its own (lines.py): length, sentence
   punctuation, the share of function words (running text is full of "the",
   "of", "and"; menus and headlines are not), capitalised words, digits,
   bullets and separators.
2. Each line is then labelled article or chrome by a two-state Viterbi pass
   (regions.py, segment.py): running text counts for the article, chrome
   against it, and every switch between the two costs a penalty. The
   article may come out in a few pieces (a "related" block splits it); the
   pieces near the heaviest one are kept, unless the article's headline
   (the page's one top-level heading, or a headline with its date under
   it; anchor.py) leads into another piece that, counted for more,
   outweighs them: a short article does not lose to a longer disclaimer,
   comment or feed elsewhere; on a page with no piece at all (a landing
   page of short sections) the headline's text runs on over the sections
   under it, and an article of short lines under its top-level heading
   (a recipe, a meal plan) is kept as it is when the region found is its
   little running text or lies far below it. Teaser chains (a headline and a
   short summary, again and again) and readers' comments (a dated line over
   each piece of prose, again and again) are told by that repeated shape
   and count little, and so do text written twice in a row or on one line
   (a picture's alt text and its caption, a teaser's picture and its link)
   and a sentence found in three places (a form's note). A gallery's slides
   ("4/50 A headline", a caption, a credit) count for nothing either way:
   the article goes on after them. A site's notices to its readers are told
   by what they say, in the languages margin knows, and are chrome however
   much they read like running text: a cookie banner, a newsletter box (its
   "Subscribe" button and pitch), the rules for comments, a legal
   disclaimer, a plea to pay; and so is a page's furniture, told by what a
   line says (furniture.py): a tag line, a share bar, a "Read more" link, a
   reading time, a photo credit, a call in capitals, a citation or
   copyright footer, other stories under a label ("Most read") or a kicker
   in capitals, a feed of summaries cut off with "…" (teasers.py). A
   comments heading ("12 Comments", "Kommentare") or a reply form (its
   name, e-mail and website fields; forms.py) after the body ends it
   (comments.py), and nothing after a reply form counts for the article.
   Running text stranded inside the article between two blocks of chrome (two "Most popular" boxes) stays with it, and so does a
   lead cut off from the rest by a little chrome (the authors' cards). A
   page with no running text at all (a poem, lyrics) keeps the piece of
   short lines that stands out.
3. Inside that run, short lines are kept only by context (selection.py): a
   heading right before running text, list items led in by a sentence
   ending in ":", lines between two good lines; runs of short headline-like
   lines (related stories, topic lists, job titles) are dropped wherever
   they are.
4. The title is the prominent short line just before the body (preferably
   one that matches the page title on the first line; headline.py); a
   byline ("By Jane Doe", "Jane Doe, Chief Correspondent", "Words by ...")
   and dated lines near it are taken out of the body (byline.py), and so
   is the standfirst: the sentence or two under the headline set apart
   from the story by a byline, a date or other chrome (headline.py).

Before all this, the save's own formatting (wrapped lines, link URLs, inline
marks) is undone (logical_lines.py); extract.py runs the stages in order.
"""

from __future__ import annotations

from margin.ingest.text.extract import extract_text

__all__ = ["extract_text"]
