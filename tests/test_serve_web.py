"""A real `potential-deck serve` on a free loopback port: only the facilitator's browser gets in.

The secret and the Origin are checked over real HTTP and WebSocket connections (aiohttp's
client); the page and everything it loads come from this machine; errors come before the
address; headless Chromium draws the audience view (skipped, with the reason, without chromium).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import aiohttp
import pytest

from potential_deck.core.deck.load import load
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session import lock
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.store import write
from potential_deck.web.serve_server import WebConfig, WebServer

try:
    import browser
except ImportError:  # pragma: no cover - collected as a package
    from tests import browser

FIXED_NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """A running `serve`: its address with the secret, and what it printed."""

    def __init__(self, process: subprocess.Popen[str], port: int, url: str, lines: list[str]) -> None:
        self.process, self.port, self.url, self.lines = process, port, url, lines

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def secret(self) -> str:
        return self.url.split("token=", 1)[1]

    def websocket_url(self, secret: str | None = None) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/{secret or self.secret}?width=100&height=30"


def start_serve(tmp_path: Path, *args: str) -> Served:
    port = free_port()
    env = {**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "settings.toml"), "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "potential_deck", "serve", "--port", str(port), *args],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
        cwd=tmp_path,
        text=True,
    )
    assert process.stdout is not None
    lines: list[str] = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        found = re.search(r"http://\S+token=\S+", line)
        if found:
            return Served(process, port, found.group(0), lines)
    process.kill()
    raise AssertionError(f"serve printed no address: {''.join(lines)}")


def stop(served: Served) -> str:
    """Stop the server; the rest of what it printed."""
    served.process.terminate()
    try:
        out, _ = served.process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        served.process.kill()
        out, _ = served.process.communicate()
    return "".join(served.lines) + (out or "")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    running = start_serve(tmp_path, "--sessions", str(tmp_path / "sessions"))
    yield running
    stop(running)


async def get(url: str, **headers: str) -> tuple[int, str, dict[str, str]]:
    async with aiohttp.ClientSession() as client, client.get(url, headers=headers) as response:
        return response.status, await response.text(), dict(response.headers)


async def websocket_status(url: str, origin: str | None) -> int:
    """101 when the WebSocket opened (and the app started sending), else the HTTP status."""
    headers = {"Origin": origin} if origin is not None else {}
    async with aiohttp.ClientSession() as client:
        try:
            async with client.ws_connect(url, headers=headers) as socket_:
                message = await socket_.receive(timeout=20)
                assert message.type == aiohttp.WSMsgType.BINARY and message.data  # the app draws
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


def run(coroutine):  # type: ignore[no-untyped-def]
    return asyncio.run(coroutine)


# --- the secret and the Origin ----------------------------------------------------------------


def test_the_page_needs_the_secret(served: Served) -> None:
    assert run(get(f"{served.origin}/"))[0] == 403
    assert run(get(f"{served.origin}/?token=wrong"))[0] == 403
    status, page, headers = run(get(served.url))
    assert status == 200 and "<html" in page.lower()
    assert f"ws://127.0.0.1:{served.port}/ws/{served.secret}" in page
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_the_websocket_needs_the_secret_and_the_served_origin(served: Served) -> None:
    assert run(websocket_status(served.websocket_url("wrong"), served.origin)) == 403
    assert run(websocket_status(served.websocket_url(), "http://evil.example")) == 403
    assert run(websocket_status(served.websocket_url(), None)) == 403
    assert run(websocket_status(served.websocket_url(), f"http://127.0.0.1:{served.port + 1}")) == 403
    assert run(websocket_status(served.websocket_url(), served.origin)) == 101


def test_another_host_name_is_refused(served: Served) -> None:
    """A page on another site that points its own name at 127.0.0.1 (DNS rebinding) gets nothing."""
    status, _, _ = run(get(served.url, Host=f"evil.example:{served.port}"))
    assert status == 403


def test_the_secret_is_printed_once_and_never_logged(tmp_path: Path) -> None:
    running = start_serve(tmp_path, "--sessions", str(tmp_path / "sessions"))
    run(get(running.url))
    run(get(f"{running.origin}/?token=wrong"))
    run(websocket_status(running.websocket_url(), running.origin))
    output = stop(running)
    assert output.count(running.secret) == 1, output
    assert "GET /" not in output


def test_each_run_has_its_own_secret(tmp_path: Path) -> None:
    first = start_serve(tmp_path, "--sessions", str(tmp_path / "s"))
    stop(first)
    second = start_serve(tmp_path, "--sessions", str(tmp_path / "s"))
    stop(second)
    assert first.secret != second.secret and len(first.secret) >= 32


# --- read-only for the room -------------------------------------------------------------------


class FakeSocket:
    def __init__(self, messages: list[list[object]]) -> None:
        self.messages = [aiohttp.WSMessage(aiohttp.WSMsgType.TEXT, json.dumps(m), None) for m in messages]
        self.sent: list[object] = []

    def __aiter__(self):  # type: ignore[no-untyped-def]
        return self._iterate()

    async def _iterate(self):  # type: ignore[no-untyped-def]
        for message in self.messages:
            yield message

    async def send_json(self, data: object) -> None:
        self.sent.append(data)


class FakeService:
    def __init__(self) -> None:
        self.keys: list[bytes] = []
        self.sizes: list[tuple[int, int]] = []

    async def send_bytes(self, data: bytes) -> bool:
        self.keys.append(data)
        return True

    async def set_terminal_size(self, width: int, height: int) -> None:
        self.sizes.append((width, height))


def relay(read_only: bool) -> FakeService:
    config = WebConfig(command="true", public_url="http://127.0.0.1:8000", title="t", read_only=read_only)
    service = FakeService()
    messages = [["stdin", "q"], ["stdin", "\x1b[6~"], ["stdin", "2"], ["resize", {"width": 90, "height": 30}]]
    run(WebServer(config)._relay(FakeSocket(messages), service))  # type: ignore[arg-type]
    return service


def test_the_audience_view_gets_no_key_but_a_digit_to_choose() -> None:
    room = relay(read_only=True)
    assert room.keys == [b"2"] and room.sizes == [(90, 30)]


def test_the_whole_app_gets_every_key() -> None:
    assert relay(read_only=False).keys == [b"q", b"\x1b[6~", b"2"]


def test_serve_follow_runs_the_audience_view_only(tmp_path: Path) -> None:
    deck = load(builtin_deck())
    path = tmp_path / "sessions" / "s.toml"
    write(path, new_session(deck, team="De Linde", now=FIXED_NOW, deck_path=str(builtin_deck())))
    held = lock.acquire(path)
    try:
        running = start_serve(tmp_path, "--follow", "--sessions", str(tmp_path / "sessions"))
        output = stop(running)
    finally:
        held.release()
    assert "De Linde, 23/11/2026" in output  # it says which session it follows


# --- offline: nothing from outside ------------------------------------------------------------


def test_the_page_and_everything_it_loads_stay_on_this_machine(served: Served) -> None:
    status, page, _ = run(get(served.url))
    assert status == 200
    references = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", page)
    assert references, "the page loads its script and style"
    for reference in references:
        url = urljoin(served.url, reference)
        assert urlsplit(url).netloc == f"127.0.0.1:{served.port}", reference
        status, body, _ = run(get(url))
        assert status == 200, reference
        if reference.endswith(".css"):
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", body), f"{reference} loads from outside"
        assert "fonts.googleapis" not in body
    assert "fonts.googleapis" not in page and "https://" not in page


def test_a_port_in_use_is_said_before_any_address(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "potential_deck",
                "serve",
                "--port",
                str(port),
                "--sessions",
                str(tmp_path),
            ],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "s.toml")},
        )
    assert result.returncode == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr and "choose another --port" in result.stderr
    assert "http://" not in result.stdout


def test_several_open_sessions_are_listed_and_one_must_be_named(tmp_path: Path) -> None:
    deck = load(builtin_deck())
    folder = tmp_path / "sessions"
    held = []
    for team in ("De Linde", "Het Anker"):
        session = new_session(deck, team=team, now=FIXED_NOW, deck_path=str(builtin_deck()))
        path = folder / f"{team}.toml"
        write(path, session)
        held.append(lock.acquire(path))
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "potential_deck",
                "serve",
                "--follow",
                "--port",
                str(free_port()),
                "--sessions",
                str(folder),
            ],
            capture_output=True,
            text=True,
            timeout=30,
            stdin=subprocess.DEVNULL,
            env={**os.environ, "POTENTIAL_DECK_CONFIG": str(tmp_path / "s.toml")},
        )
    finally:
        for one in held:
            one.release()
    assert result.returncode == 1
    assert "1. De Linde, 23/11/2026" in result.stdout and "2. Het Anker, 23/11/2026" in result.stdout
    assert "serve --follow" in result.stderr and "token=" not in result.stdout


# --- a real browser ---------------------------------------------------------------------------


@pytest.mark.skipif(browser.chromium() is None, reason="needs Debian's chromium (apt-get install chromium)")
def test_the_browser_draws_the_audience_view_from_this_machine_only(tmp_path: Path) -> None:
    deck = load(builtin_deck())
    path = tmp_path / "sessions" / "s.toml"
    session = new_session(deck, team="De Linde", now=FIXED_NOW, deck_path=str(builtin_deck()))
    session.live.position = 3
    write(path, session)
    held = lock.acquire(path)  # a facilitator has it open: the room sees the card, not "ended"
    running = start_serve(tmp_path, "--follow", str(path), "--sessions", str(tmp_path / "sessions"))
    shot = Path(os.environ.get("POTENTIAL_DECK_SCREENSHOT", tmp_path / "room-1920x1080.png"))
    try:
        requested = browser.screenshot(running.url, shot, (1920, 1080))
    finally:
        stop(running)
        held.release()
    assert requested and all(urlsplit(url).netloc == f"127.0.0.1:{running.port}" for url in requested)
    assert shot.stat().st_size > 20_000  # a drawn card, not a blank page (checked by eye: README)
