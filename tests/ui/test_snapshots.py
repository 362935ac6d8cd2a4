"""SVG snapshots of the main screens (look at the SVG before updating it)."""

from __future__ import annotations

from helpers import library_ready, open_titled, reader_ready, wait_for

from margin.library import Library
from margin.ui.screens.help_screen import HelpScreen

SIZE = (100, 30)


def test_library_snapshot(make_app, snap_compare):
    async def run_before(pilot):
        screen = await library_ready(pilot)
        while screen.sort != "title":
            await pilot.press("s")
        app = pilot.app
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_reader_snapshot_with_entities_and_notes(make_app, library_dir, snap_compare):
    with Library.open() as lib:
        article = lib.load_article(library_dir / "harbour.md")
        first = article.blocks[1]
        lib.add_highlight(
            library_dir / "harbour.md", first.start, first.end, "Count them again at noon."
        )

    async def run_before(pilot):
        await open_titled(pilot, "The Harbour at Dawn")
        await pilot.press("e")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_help_snapshot(make_app, snap_compare, monkeypatch):
    monkeypatch.setattr(
        "margin.ui.screens.help_screen.config_location", lambda: "~/.local/share/margin/config.toml"
    )

    async def run_before(pilot):
        await library_ready(pilot)
        await pilot.press("question_mark")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        pilot.app.clear_notifications()

    assert snap_compare(make_app(), terminal_size=(100, 40), run_before=run_before)


def test_reader_snapshot_light_80x24(make_app, library_dir, snap_compare):
    """Light theme, small terminal: entity colours, a highlight with its note under
    the paragraph, a sentence cursor and a selection must all be readable."""
    from margin.config import Config

    with Library.open() as lib:
        article = lib.load_article(library_dir / "harbour.md")
        first = article.blocks[1]
        start = article.text.index("Angela Merkel", first.start)
        lib.add_highlight(library_dir / "harbour.md", start, start + 13, "Check the spelling.")

    async def run_before(pilot):
        await open_titled(pilot, "The Harbour at Dawn")
        # the second sentence of the first paragraph, selected on to the next paragraph's first
        await pilot.press("right_square_bracket", "right_parenthesis", "right_parenthesis")
        await pilot.press("v", "right_parenthesis", "right_parenthesis")
        pilot.app.clear_notifications()
        await pilot.pause()

    app = make_app(config=Config(theme="textual-light"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


# ---------------------------------------------------------------- library


def test_library_empty_snapshot(margin_home, monkeypatch, snap_compare):
    """No articles yet: the welcome box, with margin's inbox shown where a
    user's would be (not the test's temporary folder)."""
    from margin.ui import app as app_module
    from margin.ui.screens import library_screen

    real = library_screen.display_path
    monkeypatch.setattr(
        library_screen,
        "display_path",
        lambda path: real(path).replace(str(margin_home), "~/.local/share/margin"),
    )
    lib = Library.open()

    async def run_before(pilot):
        await library_ready(pilot)
        pilot.app.clear_notifications()

    try:
        assert snap_compare(app_module.MarginApp(lib), terminal_size=SIZE, run_before=run_before)
    finally:
        lib.close()


def test_library_filtered_snapshot(make_app, snap_compare):
    """The unread articles only (failed files are not listed); the title says so."""

    async def run_before(pilot):
        screen = await library_ready(pilot)
        await pilot.press("f")
        assert screen.filter == "unread"
        pilot.app.clear_notifications()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_library_searching_snapshot(make_app, snap_compare):
    """Full-text search as you type: the search box, hits with their snippets."""

    async def run_before(pilot):
        screen = await library_ready(pilot)
        await pilot.press("slash", *"the")
        await wait_for(
            pilot,
            lambda: screen.article_list.item_height == 2 and len(screen.article_list.items) > 2,
        )
        pilot.app.clear_notifications()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_library_tags_archived_and_pending_snapshot(make_app, library_dir, tmp_path, snap_compare):
    """Tags dimmed after titles, an archived article, and a pending one (imported
    without its text) with the address it will be fetched from."""
    from import_files import write_csv

    export = write_csv(
        tmp_path / "instapaper.csv",
        [
            ["URL", "Title", "Selection", "Folder"],
            ["https://example.com/later", "The Lighthouse Keepers", "", "Unread"],
        ],
    )
    with Library.open() as lib:
        lib.add_tags(library_dir / "bees.md", ["garden", "long reads"])
        lib.add_tags(library_dir / "zebra.md", ["animals"])
        lib.set_archived(library_dir / "zebra.md")
        lib.import_export(export)

    async def run_before(pilot):
        screen = await library_ready(pilot)
        while screen.sort != "title":
            await pilot.press("s")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_add_url_dialog_snapshot(make_app, snap_compare):
    """A: the prompt for addresses, refusing one it cannot fetch."""
    from margin.ui.dialogs.add_url_dialog import AddUrlDialog

    async def run_before(pilot):
        await library_ready(pilot)
        await pilot.press("A")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, AddUrlDialog))
        await pilot.press(*"example.com/story", "enter")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_library_cannot_open_a_failed_file_snapshot(make_app, snap_compare):
    """Opening a file that could not be read: a warning with its reason, the list stays."""

    async def run_before(pilot):
        screen = await library_ready(pilot)
        while screen.filter != "failed":
            await pilot.press("f")
        pilot.app.clear_notifications()
        await pilot.press("enter")
        await wait_for(pilot, lambda: len(pilot.app.screen.query("Toast")) == 1)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_command_palette_snapshot(make_app, snap_compare):
    """The palette's hits for "theme": margin's own command first."""
    from textual.command import CommandList, CommandPalette
    from textual.widgets import Input

    async def run_before(pilot):
        app = pilot.app
        await library_ready(pilot)
        app.clear_notifications()
        await pilot.press("ctrl+p", *"theme")

        def settled() -> bool:
            palette = app.screen
            if not isinstance(palette, CommandPalette):
                return False
            busy = any(w.node is palette and not w.is_finished for w in app.workers)
            return not busy and palette.query_one(CommandList).highlighted == 0

        await wait_for(pilot, settled)
        app.screen.query_one(Input).cursor_blink = False

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


# ---------------------------------------------------------------- reader


def _note_on_second_paragraph(library_dir, note: str = "Count them again at noon.") -> None:
    with Library.open() as lib:
        article = lib.load_article(library_dir / "harbour.md")
        block = article.blocks[2]
        start = article.text.index("Angela Merkel", block.start)
        lib.add_highlight(library_dir / "harbour.md", start, start + 13, note)


async def _open_harbour(pilot, *keys: str):
    reader = await open_titled(pilot, "The Harbour at Dawn")
    if keys:
        await pilot.press(*keys)
    pilot.app.clear_notifications()
    return reader


def test_reader_notes_in_the_margin_snapshot(make_app, library_dir, snap_compare):
    """A wide terminal: the note beside its paragraph, text and notes centred together."""
    _note_on_second_paragraph(library_dir)

    async def run_before(pilot):
        await _open_harbour(pilot, "right_square_bracket", "right_square_bracket")

    assert snap_compare(make_app(), terminal_size=(150, 30), run_before=run_before)


def test_reader_narrow_snapshot(make_app, library_dir, snap_compare):
    """A narrow terminal: the column shrinks to fit, the note goes under its paragraph."""
    _note_on_second_paragraph(library_dir)

    async def run_before(pilot):
        await _open_harbour(pilot, "right_square_bracket", "right_square_bracket")

    assert snap_compare(make_app(), terminal_size=(50, 24), run_before=run_before)


def test_reader_searching_snapshot(make_app, snap_compare):
    """ "/" in the reader: every match marked as it is typed, the count in the status line."""

    async def run_before(pilot):
        reader = await _open_harbour(pilot, "slash", *"Merkel")
        await wait_for(pilot, lambda: len(reader.view.matches) == 16)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_reader_search_result_snapshot(make_app, snap_compare):
    """Enter closes the search box on the first match; "n" moves on to the second."""

    async def run_before(pilot):
        reader = await _open_harbour(pilot, "slash", *"boats", "enter", "n")
        await wait_for(pilot, lambda: reader.view.cursor.match is not None)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_reader_notes_panel_snapshot(make_app, library_dir, snap_compare):
    """ "m": the highlights and their notes in a side panel."""
    _note_on_second_paragraph(library_dir)

    async def run_before(pilot):
        reader = await _open_harbour(pilot, "m")
        await wait_for(pilot, lambda: reader.query_one("#notes-panel").display)

    assert snap_compare(make_app(), terminal_size=(110, 30), run_before=run_before)


def test_reader_not_in_library_snapshot(make_app, tmp_path, monkeypatch, snap_compare):
    """A file opened alone that the library cannot take: the status line says
    that notes are not saved."""
    from margin.errors import DatabaseError

    page = tmp_path / "page.md"
    page.write_text("---\ntitle: Loose Page\n---\n\nJust one paragraph about Paris.\n")

    def refuse(self, path):
        raise DatabaseError("the database margin.db is read-only")

    monkeypatch.setattr(Library, "load_article", refuse)

    async def run_before(pilot):
        await reader_ready(pilot)
        pilot.app.clear_notifications()

    assert snap_compare(make_app(file=page), terminal_size=(80, 16), run_before=run_before)


# ---------------------------------------------------------------- dialogs


def test_note_dialog_snapshot(make_app, snap_compare):
    """ "a" on a paragraph: its text quoted, the note being written."""
    from margin.ui.dialogs.note_dialog import NoteDialog

    async def run_before(pilot):
        await _open_harbour(pilot, "right_square_bracket", "a")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, NoteDialog))
        await pilot.press(*"Ask the harbour master")

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_delete_highlight_dialog_snapshot(make_app, library_dir, snap_compare):
    """ "x" on a highlight: asks first, quoting it."""
    from margin.ui.dialogs.confirm_dialog import ConfirmDialog

    _note_on_second_paragraph(library_dir)

    async def run_before(pilot):
        await _open_harbour(pilot, "right_square_bracket", "right_square_bracket", "x")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_contents_dialog_snapshot(make_app, snap_compare):
    """ "t": the headings, the one before the cursor chosen."""
    from margin.ui.dialogs.toc_dialog import TocDialog

    async def run_before(pilot):
        await _open_harbour(pilot, "t")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, TocDialog))

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_open_original_dialog_snapshot(make_app, snap_compare):
    """ "o": the address shown in full before anything is opened."""
    from margin.ui.dialogs.confirm_dialog import ConfirmDialog

    async def run_before(pilot):
        await _open_harbour(pilot, "o")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, ConfirmDialog))

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=run_before)


def test_reader_cut_view_snapshot(make_site_app, site_dir, snap_compare):
    """The cut view: what margin drops (the menu, the headline, the related
    box) and the paragraph the reader cut, in place, dimmed and labelled; a
    related headline the reader kept, labelled; the cursor on the cut one;
    the status line says the view is on."""
    from site_pages import BREAKWATER, RELATED

    path = site_dir / "breakwater.html"
    with Library.open() as lib:
        lib.cut(path, BREAKWATER[1])
        lib.keep(path, RELATED)

    async def run_before(pilot):
        reader = await open_titled(pilot, "Repairs begin on the breakwater")
        await pilot.press("z")
        await wait_for(pilot, lambda: reader.cut_view is not None)
        while not reader.view.article.blocks[reader.view.cursor.block].text.startswith("Maria"):
            await pilot.press("right_square_bracket")
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(make_site_app(), terminal_size=(100, 44), run_before=run_before)
