"""`potential-deck run --join` for real: the app in a pseudo-terminal, phones as aiohttp clients.

The facilitator types while phones send; afterwards the session file holds both, the code the
app showed is the one that works, and quitting ends it. A port in use is said before the window
opens.
"""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest

from potential_deck.core.session.store import SessionStore, read
from terminal import AppInTerminal

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="needs a Linux pseudo-terminal")

FIRST_TITLE = "Diversiteit in onze school"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml"), "TERM": "xterm-256color"}


def joining(app: AppInTerminal, tmp_path: Path) -> tuple[Path, str]:
    """Wait until the app has its session file and says in it how to join; (file, join address)."""
    for _ in range(400):
        listed = SessionStore(tmp_path / "s").list()
        if listed and (url := read(listed[0].path).live.join_url):
            assert len(listed) == 1, listed
            return listed[0].path, url
        app.drain(0.05)
    raise AssertionError("the app did not say how to join within 20 s")


async def phones(base: str, code: str, texts: list[tuple[str, str, bool]]) -> list[int]:
    """Each text sent from a phone of its own (name, anonymous); the statuses."""
    statuses = []
    async with aiohttp.ClientSession() as first, first.get(f"{base}/j/00000000") as response:
        statuses.append(response.status)  # a wrong code first
    for text, name, anonymous in texts:
        async with aiohttp.ClientSession() as client:
            async with client.get(f"{base}/j/{code}") as response:
                page = str(response.url).split("?")[0]
            data = {"text": text, "name": name, **({"anonymous": "1"} if anonymous else {})}
            async with client.post(page + "/add", data=data) as response:
                statuses.append(response.status)
    return statuses


def test_phones_and_the_facilitator_write_into_one_session(tmp_path: Path, env: dict[str, str]) -> None:
    port = free_port()
    app = AppInTerminal(
        ["run", "--team", "De Linde", "--sessions", str(tmp_path / "s"), "--join", f"127.0.0.1:{port}"], env
    )
    app.type("Notities van de begeleider")
    app.wait_for(FIRST_TITLE)
    path, url = joining(app, tmp_path)
    code = read(path).live.join_code.replace(" ", "")
    assert re.fullmatch(r"\d{8}", code) and url.endswith(f"/j/{code}")
    statuses = asyncio.run(
        phones(
            f"http://127.0.0.1:{port}",
            code,
            [
                ("Meer co-teaching", "Lotte", False),
                ("Iets gevoeligs", "Jan", True),
            ],
        )
    )
    app.type(" en meer")
    app.wait_for("2 bijdragen")
    assert app.quit() == 0
    assert statuses == [403, 200, 200]
    session = read(path)
    assert session.cards[session.agenda[0]].free == "Notities van de begeleider en meer"
    assert [(i.text, i.room.by if i.room else None) for i in session.harvest.items] == [
        ("Meer co-teaching", "Lotte"),
        ("Iets gevoeligs", ""),
    ]
    assert session.live.join_code == "" and session.live.join_url == ""  # the code ended with the app


def test_a_port_in_use_is_said_before_the_window_opens(tmp_path: Path, env: dict[str, str]) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "potential_deck",
                "run",
                "--team",
                "De Linde",
                "--sessions",
                str(tmp_path / "s"),
                "--join",
                f"127.0.0.1:{port}",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
    assert done.returncode == 1
    assert f"--join 127.0.0.1:{port}" in done.stderr and "another port" in done.stderr
    assert not (tmp_path / "s").exists() or not list((tmp_path / "s").glob("*.toml"))
