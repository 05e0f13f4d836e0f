"""A phone in a real browser: Debian's headless Chromium, JavaScript off, opens the join address
the app shows, adds a growth opportunity, and it is in the session file (the app in a
pseudo-terminal). Skipped, saying why, where there is no chromium (`.ci/run` installs it)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from potential_deck.core.session.store import read
from terminal import AppInTerminal
from test_join_in_terminal import FIRST_TITLE, free_port, joining

try:
    import browser
except ImportError:  # pragma: no cover - collected as a package
    from tests import browser

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pseudo-terminal"),
    pytest.mark.skipif(
        browser.chromium() is None, reason="no chromium here (Debian: apt-get install chromium)"
    ),
]


@pytest.mark.parametrize("javascript", [False, True], ids=["no-javascript", "javascript"])
def test_a_phone_adds_an_item_from_the_join_page(tmp_path: Path, javascript: bool) -> None:
    env = {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}
    port = free_port()
    app = AppInTerminal(
        ["run", "--team", "De Linde", "--sessions", str(tmp_path / "s"), "--join", f"127.0.0.1:{port}"], env
    )
    try:
        app.wait_for(FIRST_TITLE)
        path, url = joining(app, tmp_path)
        final, text, requested = browser.send_from_phone(
            url, "Elkaars lessen bezoeken", tmp_path / "phone.png", javascript=javascript
        )
        app.wait_for("1 bijdrage")
    finally:
        status = app.quit()
    assert status == 0
    assert "/p/" in final and "Verstuurd" in text
    assert [item.text for item in read(path).harvest.items] == ["Elkaars lessen bezoeken"]
    assert all(address.startswith(f"http://127.0.0.1:{port}/") for address in requested), requested
