"""Promise 2 in the app: article text, titles, URLs, file names and messages
show literally and can trigger nothing (no markup, no links, no escapes)."""

from __future__ import annotations

from conftest import EVIL_TITLE
from helpers import library_ready, lines, open_titled, strips, wait_for
from rich.style import Style
from textual.command import CommandPalette
from textual.widgets import OptionList

from margin.model import Article, Block
from margin.ui.widgets.article_list import ArticleList
from margin.ui.widgets.article_view import ArticleView

SIZE = (110, 30)
LITERALS = ("[link=file:///etc/passwd]x[/link]", "[/bold]", "[@click=app.quit]here[/]")


def assert_inert(style: Style | None) -> None:
    if style is None:
        return
    assert style.link is None, style
    assert not (style.meta or {}).get("@click"), style


def assert_strips_safe(widget: ArticleList | ArticleView) -> None:
    for strip in strips(widget):
        for segment in strip:
            assert "\x1b" not in segment.text and "\x07" not in segment.text
            assert_inert(segment.style)


def evil_row_index(article_list: ArticleList) -> int:
    return next(
        i for i, item in enumerate(article_list.items) if item.row.title.startswith("[@click")
    )


async def test_library_shows_markup_in_titles_literally(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        index = evil_row_index(screen.article_list)
        text = "\n".join(lines(screen.article_list))
        assert EVIL_TITLE in text
        assert_strips_safe(screen.article_list)
        # clicking the title (where a live [@click] would sit) only selects it
        await pilot.click(ArticleList, offset=(6, index))
        await pilot.pause()
        assert app.return_code is None and app.is_running


async def test_reader_shows_markup_in_body_and_title_literally(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await library_ready(pilot)
        title = screen.article_list.items[evil_row_index(screen.article_list)].row.title
        reader = await open_titled(pilot, title)
        text = "\n".join(lines(reader.view))
        assert EVIL_TITLE in text
        for literal in LITERALS:
            assert literal in text
        assert_strips_safe(reader.view)
        assert EVIL_TITLE in str(reader.query_one("#reader-title").render())
        for y in range(8):
            await pilot.click(ArticleView, offset=(20, y))
        await pilot.pause()
        assert app.is_running and app.return_code is None
        # a javascript: URL is never offered for opening
        assert reader.check_action("open_url", ()) is None
        await pilot.press("o")
        await pilot.pause()
        assert app.screen is reader


async def test_notifications_do_not_parse_markup(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        app.say(f"{EVIL_TITLE} \x1b]8;;file:///x\x07osc", title="[b]t[/b]")
        await pilot.pause()
        note = (
            app._notifications.last
            if hasattr(app._notifications, "last")
            else list(app._notifications)[-1]
        )
        assert note.markup is False
        assert EVIL_TITLE in note.message
        assert "\x1b" not in note.message and "\x07" not in note.message
        svg = app.export_screenshot().replace("&#160;", " ")
        assert "Read me[/]" in svg


async def test_command_palette_shows_titles_literally(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        await pilot.press("ctrl+p", *"Read me")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        palette = app.screen
        option_list = palette.query_one(OptionList)
        await wait_for(pilot, lambda: option_list.option_count > 0)
        prompts = [
            str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)
        ]
        assert any(EVIL_TITLE in p for p in prompts), prompts
        for i in range(option_list.option_count):
            prompt = option_list.get_option_at_index(i).prompt
            for span in getattr(prompt, "spans", []):
                assert "@click" not in str(span.style) and "link" not in str(span.style)
        await pilot.press("escape")
        await pilot.pause()
        assert app.is_running


async def test_article_view_guards_control_characters_that_reach_it(make_app):
    """Ingest strips controls; the view maps any that still arrive to U+FFFD."""
    text = "ESC \x1b]8;;file:///etc/passwd\x07link\x1b]8;;\x07 and \x9b31m C1"
    article = Article(
        source="x",
        kind="text",
        title="T \x1b[2J",
        blocks=[Block("paragraph", text, 0, 0, len(text))],
        text=text,
    )
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        view = ArticleView()
        await app.screen.mount(view)
        view.set_article(article)
        await pilot.pause()
        shown = "\n".join(lines(view))
        assert "link" in shown
        assert_strips_safe(view)
        for strip in strips(view):
            assert not any(0x80 <= ord(ch) <= 0x9F for ch in strip.text)


async def test_long_article_shows_head_first_then_the_whole_text(make_app):
    from margin.ui.widgets.article_layout import layout_article

    para = "word " * 60
    blocks = []
    parts = []
    pos = 0
    for i in range(1200):
        text = f"Paragraph {i} {para}".strip()
        blocks.append(Block("paragraph", text, 0, pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 2
    body = "\n\n".join(parts)
    article = Article(source="x", kind="text", title="Long", blocks=blocks, text=body)
    assert len(body) > 150_000
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        view = ArticleView()
        await app.screen.mount(view)
        view.set_article(article, offset=blocks[100].start)
        assert view.text_layout is not None  # the head, at once
        await wait_for(pilot, lambda: len(view.text_layout.lines) > 3000)
        full = layout_article(article, view.text_layout.width)
        assert [ln.text for ln in view.text_layout.lines] == [ln.text for ln in full.lines]
        assert "Paragraph 100 " in "\n".join(lines(view))


async def test_a_resize_before_the_first_scroll_keeps_the_reading_position(make_app):
    # The view is given an article to open at a saved position before it has
    # its size: the size arriving (and the article re-wrapped to it) must not
    # send the reader back to the top.
    para = "word " * 60
    blocks, parts, pos = [], [], 0
    for i in range(300):
        text = f"Paragraph {i} {para}".strip()
        blocks.append(Block("paragraph", text, 0, pos, pos + len(text)))
        parts.append(text)
        pos += len(text) + 2
    article = Article(source="x", kind="text", title="Long", blocks=blocks, text="\n\n".join(parts))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await library_ready(pilot)
        view = ArticleView()
        view.set_article(article, offset=blocks[200].start)  # before it is mounted and sized
        await app.screen.mount(view)
        await wait_for(pilot, lambda: "Paragraph 200 " in "\n".join(lines(view)), timeout=5)
