"""Netscape bookmarks (``<!DOCTYPE NETSCAPE-Bookmark-file-1>``), as every
browser, Pinboard and many services export them.

Each ``<DT><A HREF ADD_DATE LAST_MODIFIED TAGS>`` is an item; a ``<DD>``
after it is its description. Folders (``<DT><H3>`` followed by a ``<DL>``)
become tags, one per folder on the way down, except the browser's own
toolbar and "other bookmarks" roots, which would tag everything. Links that
are not web pages (``javascript:``, ``place:``, ``file:``) are skipped with a
problem line.
"""

from __future__ import annotations

from margin.imports.fields import is_fetchable, iso_from_unix, split_tags, to_bool
from margin.imports.links import Attrs, LinkParser
from margin.imports.model import Item
from margin.imports.source import Source

# Attributes browsers put on the root folders of their own.
_ROOT_FOLDER_ATTRS = ("personal_toolbar_folder", "unfiled_bookmarks_folder")
DOCTYPE = "<!doctype netscape-bookmark-file-1>"


def read(source: Source, problems: list[str]) -> list[Item]:
    parser = _BookmarkParser(source.path.name, problems)
    parser.feed(source.text(html=True))
    parser.close()
    return parser.items


class _BookmarkParser(LinkParser):
    HEADINGS = frozenset({"h3"})

    def __init__(self, name: str, problems: list[str]) -> None:
        super().__init__()
        self.name, self.problems = name, problems
        self.items: list[Item] = []
        self.folders: list[str | None] = []
        self.next_folder: str | None = None
        # A link is made an item once its <DD> description (if any) has ended.
        self.link: tuple[Attrs, str, list[str]] | None = None
        self.description: list[str] | None = None

    def on_heading(self, tag: str, attrs: Attrs, text: str) -> None:
        self._flush()
        is_root = any(to_bool(attrs.get(name)) for name in _ROOT_FOLDER_ATTRS)
        self.next_folder = None if is_root else text or None

    def on_start(self, tag: str, attrs: Attrs) -> None:
        if tag == "dd" and self.link is not None:
            self.description = []
        elif tag in ("dt", "dl"):
            self._flush()
        if tag == "dl":
            self.folders.append(self.next_folder)
            self.next_folder = None

    def on_end(self, tag: str) -> None:
        if tag == "dl":
            self._flush()
            if self.folders:
                self.folders.pop()

    def on_text(self, text: str) -> None:
        if self.description is not None:
            self.description.append(text)

    def on_link(self, attrs: Attrs, text: str) -> None:
        self._flush()
        url = attrs.get("href") or ""
        if is_fetchable(url):
            self.link = (attrs, text, [f for f in self.folders if f])
        else:
            self.problems.append(f"{self.name}: {url[:60]!r} is not a web page; skipped")

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        if self.link is not None:
            attrs, text, folders = self.link
            self.items.append(
                Item(
                    key="",
                    url=attrs.get("href"),
                    title=text or None,
                    description="".join(self.description or []),
                    saved=iso_from_unix(attrs.get("add_date")),
                    updated=iso_from_unix(attrs.get("last_modified")),
                    tags=folders + split_tags(attrs.get("tags"), ","),
                )
            )
        self.link, self.description = None, None
