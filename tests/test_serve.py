"""`potential-deck serve`: loopback by default, a warning otherwise, and a page a browser can load."""

from __future__ import annotations

import json
import os
import re
import shlex
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from potential_deck.cli import build_parser
from potential_deck.core.room.address import is_loopback, public_url
from potential_deck.web.serve import APP_FONT_SIZE, FOLLOW_FONT_SIZE, command, font_size_hint, network_warning


@pytest.mark.parametrize("host", ["127.0.0.1", "127.1.2.3", "localhost", "::1", "[::1]"])
def test_loopback_hosts(host: str) -> None:
    assert is_loopback(host)
    assert network_warning(host, f"http://{host}:8000") is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "", "192.168.1.20", "beamer.school.local"])
def test_other_hosts_get_a_clear_warning(host: str) -> None:
    assert not is_loopback(host)
    warning = network_warning(host, "http://192.168.1.20:8000", "en")
    assert warning is not None
    assert "not a loopback address" in warning
    assert "http://192.168.1.20:8000" in warning
    assert "pupils" in warning and "trusted network" in warning
    dutch = network_warning(host, "http://192.168.1.20:8000", "nl")
    assert dutch is not None and "leerlingen" in dutch


def test_public_url() -> None:
    assert public_url("127.0.0.1", 8123) == "http://127.0.0.1:8123"
    assert public_url("::1", 8123) == "http://[::1]:8123"
    assert not public_url("0.0.0.0", 8123).startswith("http://0.0.0.0")


def test_command_runs_the_app_or_the_audience_view(tmp_path: Path) -> None:
    folder = tmp_path / "my sessions"
    home = shlex.split(command(None, str(folder)))
    assert home[:3] == [sys.executable, "-m", "potential_deck"]
    assert home[3:] == ["--sessions", str(folder.resolve())]
    session = folder / "2026-11-23-de linde.toml"
    follow = shlex.split(command(str(session), str(folder), str(tmp_path / "deck")))
    assert follow[3:5] == ["follow", str(session.resolve())]
    assert follow[-2:] == ["--deck", str((tmp_path / "deck").resolve())]
    assert shlex.split(command("", str(folder)))[3:] == ["follow", "--sessions", str(folder.resolve())]


def test_cli_defaults_to_loopback() -> None:
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.follow) == ("127.0.0.1", 8000, None)
    args = build_parser().parse_args(["serve", "--follow"])
    assert args.follow == ""
    args = build_parser().parse_args(["follow", "s.toml", "--sessions", "x"])
    assert (args.session, args.sessions) == ("s.toml", "x")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _packet(meta: dict[str, object]) -> bytes:
    data = json.dumps(meta).encode()
    return b"M" + len(data).to_bytes(4, "big") + data


def test_the_audience_view_quits_when_the_browser_leaves_at_once(tmp_path: Path) -> None:
    """textual-serve may send resize and quit before the first frame (a headless screenshot)."""
    env = {
        **os.environ,
        "TEXTUAL_DRIVER": "textual.drivers.web_driver:WebDriver",
        "COLUMNS": "142",
        "ROWS": "36",
        "POTENTIAL_DECK_CONFIG": str(tmp_path / "s.toml"),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "potential_deck", "follow", "--sessions", str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    try:
        assert process.stdin is not None
        process.stdin.write(_packet({"type": "resize", "width": 142, "height": 44}))
        process.stdin.write(_packet({"type": "quit"}))
        process.stdin.flush()
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_text_size_hint_is_true_and_the_readme_says_the_same() -> None:
    """The line `serve` prints: the size the page starts at, one larger, one smaller (6–96)."""
    readme = " ".join((Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8").split())
    for size, where in (
        (FOLLOW_FONT_SIZE, "the audience view starts at"),
        (APP_FONT_SIZE, "the whole app at"),
    ):
        hint = font_size_hint(size, "en")
        larger, smaller = (int(n) for n in re.findall(r"&fontsize=(\d+)", hint))
        assert f"{size} px" in hint and 6 <= smaller < size < larger <= 96
        assert re.findall(r"&fontsize=(\d+)", font_size_hint(size, "nl")) == [str(larger), str(smaller)]
        assert f"{where} {size} px" in readme
        if size == FOLLOW_FONT_SIZE:
            assert f"`&fontsize={larger}` for larger text in the audience view" in readme
            assert f"`&fontsize={smaller}` for smaller" in readme
        else:
            assert f"(the whole app: {larger} and {smaller})" in readme
    assert font_size_hint(FOLLOW_FONT_SIZE, "en") == (
        "Text size in the browser: 24 px; add &fontsize=32 to the address for larger text "
        "or &fontsize=18 for smaller (6–96)."
    )
