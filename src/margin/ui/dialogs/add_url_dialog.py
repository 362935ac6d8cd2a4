"""Ask for the addresses of web pages to fetch into the library (``A``)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input

from margin.sanitize import one_line
from margin.ui.dialogs.prompt_dialog import PromptDialog
from margin.wording import shortened


def addresses(text: str) -> list[str]:
    """The addresses typed or pasted: separated by spaces, commas or lines."""
    return text.replace(",", " ").split()


def address_problem(text: str) -> str | None:
    """Why ``text`` holds something that cannot be fetched (the first such
    address), or None when every address is an http(s) one."""
    from margin.fetching import FetchError
    from margin.fetching.client import checked_url

    found = addresses(text)
    if not found:
        return "Type the address of a page, e.g. https://example.com/story"
    for url in found:
        shown = shortened(one_line(url), 60)
        if _bare_host(url):
            return f"{shown}: an address starts with https:// or http://"
        try:
            checked_url(url)
        except FetchError as exc:
            return f"{shown}: {exc.reason}"
    return None


def _bare_host(url: str) -> bool:
    """ "example.com/story" or "localhost:8000": a host without its scheme
    (where "mailto:x" or "file:///x" name a scheme margin does not fetch)."""
    if "://" in url:
        return False
    scheme, colon, rest = url.partition(":")
    return not colon or "." in scheme or rest[:1].isdigit()


class UrlInput(Input):
    """An input that takes a pasted list of addresses whole, one a line
    (a plain ``Input`` keeps only the first line of a paste)."""

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        text = " ".join(event.text.split())
        if text:
            self.insert_text_at_cursor(text)


class AddUrlDialog(PromptDialog):
    """Dismisses with the addresses as typed (see :func:`addresses`), or None."""

    def __init__(self) -> None:
        super().__init__(
            "Add web pages to the library",
            "One or more http(s) addresses, separated by spaces. margin fetches each "
            "page, saves it in its inbox folder and lists it.  enter: fetch · escape: cancel",
            placeholder="https://example.com/story",
            check=address_problem,
            yes="Fetch",
        )

    def make_input(self) -> Input:
        return UrlInput(placeholder=self.placeholder, id="prompt-input")
