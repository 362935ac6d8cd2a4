"""The reader's keys, each with an id that config.toml can remap, and which
actions apply only once an article is there."""

from __future__ import annotations

from textual.binding import Binding, BindingType

READER_BINDINGS: list[BindingType] = [
    Binding("q", "back", "Back", id="reader.back"),
    Binding("j,down", "scroll_lines(1)", "Line down", show=False, id="reader.down"),
    Binding("k,up", "scroll_lines(-1)", "Line up", show=False, id="reader.up"),
    # ctrl+f and ctrl+b as in less and vi: many terminals send no shift+space
    Binding(
        "space,pagedown,ctrl+f", "scroll_pages(1)", "Page down", show=False, id="reader.page_down"
    ),
    Binding(
        "shift+space,pageup,ctrl+b", "scroll_pages(-1)", "Page up", show=False, id="reader.page_up"
    ),
    Binding("d", "scroll_pages(0.5)", "Half page down", show=False, id="reader.half_down"),
    Binding("u", "scroll_pages(-0.5)", "Half page up", show=False, id="reader.half_up"),
    Binding("g,home", "top", "Top", show=False, id="reader.top"),
    Binding("G,end", "bottom", "Bottom", show=False, id="reader.bottom"),
    Binding(
        "right_square_bracket",
        "paragraph(1)",
        "Next paragraph",
        show=False,
        id="reader.next_paragraph",
    ),
    Binding(
        "left_square_bracket",
        "paragraph(-1)",
        "Previous paragraph",
        show=False,
        id="reader.previous_paragraph",
    ),
    Binding(
        "right_parenthesis",
        "sentence(1)",
        "Next sentence",
        show=False,
        id="reader.next_sentence",
    ),
    Binding(
        "left_parenthesis",
        "sentence(-1)",
        "Previous sentence",
        show=False,
        id="reader.previous_sentence",
    ),
    Binding("slash", "find", "Search", id="reader.search"),
    Binding("n", "next_match(True)", "Next match", show=False, id="reader.next_match"),
    Binding("N", "next_match(False)", "Previous match", show=False, id="reader.previous_match"),
    Binding("h", "highlight", "Highlight", id="reader.highlight"),
    Binding("v", "select", "Select", show=False, id="reader.select"),
    Binding("a", "note", "Note", id="reader.note"),
    Binding("x", "delete_highlight", "Delete highlight", show=False, id="reader.delete_highlight"),
    Binding(
        "greater_than_sign",
        "next_highlight(True)",
        "Next highlight",
        show=False,
        id="reader.next_highlight",
    ),
    Binding(
        "less_than_sign",
        "next_highlight(False)",
        "Previous highlight",
        show=False,
        id="reader.previous_highlight",
    ),
    Binding("m", "notes_panel", "Notes", id="reader.notes_panel"),
    Binding("e", "entity_panel", "Entities", id="reader.entity_panel"),
    Binding("E", "toggle_entities", "Entity colours", show=False, id="reader.toggle_entities"),
    Binding("t", "contents", "Contents", id="reader.contents"),
    Binding("b", "bookmark", "Bookmark", show=False, id="reader.bookmark"),
    Binding("T", "tags", "Tags", show=False, id="reader.tags"),
    Binding("o", "open_url", "Open original", show=False, id="reader.open_url"),
    Binding("X", "cut", "Cut the paragraph", show=False, id="reader.cut"),
    Binding("z", "cut_view", "Cut view on/off", show=False, id="reader.cut_view"),
    Binding("K", "keep", "Keep (cut view)", show=False, id="reader.keep"),
    Binding("U,ctrl+z", "undo_cut", "Undo a cut or keep", show=False, id="reader.undo_cut"),
    Binding("escape", "clear", "Clear", show=False, id="reader.clear"),
]

#: Actions that mean nothing until the article is loaded: hidden until then.
NEED_ARTICLE = frozenset(
    {
        "highlight",
        "note",
        "select",
        "contents",
        "entity_panel",
        "notes_panel",
        "toggle_entities",
        "find",
        "paragraph",
        "sentence",
        "delete_highlight",
        "cut",
        "cut_view",
        "keep",
        "undo_cut",
    }
)
