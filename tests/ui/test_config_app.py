"""config.toml mistakes the app alone can check are told in the app."""

from __future__ import annotations

from helpers import library_ready, wait_for

from margin.config import Config


async def test_an_unknown_theme_is_named_once_and_the_default_used(make_app):
    app = make_app(config=Config(theme="nope"))
    default = app.theme
    async with app.run_test(size=(100, 30)) as pilot:
        await library_ready(pilot)

        def told() -> list[str]:
            # Textual keeps no public list of the notifications it shows.
            return [n.message for n in app._notifications if "nope" in n.message]

        await wait_for(pilot, lambda: bool(told()))
        assert len(told()) == 1 and "theme" in told()[0]
        assert app.theme == default != "nope"
