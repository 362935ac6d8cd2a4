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


async def test_a_theme_chosen_in_the_app_is_there_after_a_restart(make_app):
    from margin import paths
    from margin.config import load_config

    paths.config_path().write_text(
        '# my settings\ncolumn_width = 72   # narrow\n\n[keys]\nreader.highlight = "H"\n'
    )
    app = make_app(config=load_config())
    async with app.run_test(size=(100, 30)) as pilot:
        await library_ready(pilot)
        app.theme = "textual-light"
        await pilot.pause()
    saved = paths.config_path().read_text()
    assert saved.startswith("# my settings\ncolumn_width = 72   # narrow\n")
    assert 'reader.highlight = "H"' in saved
    again = make_app(config=load_config())
    assert again.theme == "textual-light"
    assert load_config().problems == []
