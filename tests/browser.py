"""Headless Chromium for the served page: a screenshot once the app has drawn, and every URL it asked for.

Drives Debian's `chromium` over the DevTools protocol (aiohttp's WebSocket client), because a
one-shot `chromium --screenshot` catches only the page's loading notice: the app draws over a
WebSocket after the page has loaded. Also a script:

    python tests/browser.py 'http://127.0.0.1:8000/?token=…' room.png [1920x1080]
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-port=0",
]


def chromium() -> str | None:
    """The chromium binary, if there is one."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


class _DevTools:
    def __init__(self, socket: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    async def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        await self.socket.send_json(message)
        while True:
            reply = await self.socket.receive_json(timeout=30)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply.get("result", {})
                return result
            self.events.append(reply)


KEYS = {"Enter": ("Enter", 13, "\r")}
"""Keys `screenshot` can press once the app has drawn: name -> (code, key code, text)."""


@contextlib.asynccontextmanager
async def _page(binary: str) -> AsyncIterator[tuple[_DevTools, str]]:
    """A headless Chromium of its own (a fresh profile), and a blank page's DevTools session;
    Chromium is stopped and its profile removed afterwards."""
    profile = tempfile.mkdtemp(prefix="pd-chromium-")
    process = subprocess.Popen(
        [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        port_file = Path(profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not (port_file.exists() and len(port_file.read_text().splitlines()) >= 2):
            if time.monotonic() > deadline or process.poll() is not None:
                raise RuntimeError("chromium did not start")
            await asyncio.sleep(0.1)
        port, path = port_file.read_text().splitlines()[:2]
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(f"ws://127.0.0.1:{port}{path}", max_msg_size=0) as socket,
        ):
            tools = _DevTools(socket)
            target = (await tools.call("Target.createTarget", url="about:blank"))["targetId"]
            session = (await tools.call("Target.attachToTarget", targetId=target, flatten=True))["sessionId"]
            yield tools, session
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with contextlib.suppress(OSError):
            shutil.rmtree(profile, ignore_errors=True)


async def _shoot(
    binary: str, url: str, out: Path | None, size: tuple[int, int], settle: float, keys: tuple[str, ...]
) -> list[str]:
    async with _page(binary) as (tools, session):
        width, height = size
        await tools.call(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        await tools.call("Network.enable", session)
        await tools.call("Page.navigate", session, url=url)
        drawn = "document.body !== null && document.body.classList.contains('-first-byte')"
        deadline = time.monotonic() + 30
        while True:
            result = await tools.call("Runtime.evaluate", session, expression=drawn, returnByValue=True)
            if result.get("result", {}).get("value") is True:
                break
            if time.monotonic() > deadline:
                raise RuntimeError("the app did not draw in the browser within 30 s")
            await asyncio.sleep(0.2)
        await asyncio.sleep(settle)  # the app's first frames, then its resize to the window
        if keys:  # the terminal's hidden text field takes the keys
            focus = "document.querySelector('.xterm-helper-textarea').focus()"
            await tools.call("Runtime.evaluate", session, expression=focus)
        for key in keys:
            code, number, text = KEYS[key]
            for kind in ("keyDown", "keyUp"):
                await tools.call(
                    "Input.dispatchKeyEvent",
                    session,
                    type=kind,
                    key=key,
                    code=code,
                    windowsVirtualKeyCode=number,
                    **({"text": text} if kind == "keyDown" else {}),
                )
            await asyncio.sleep(settle)
        if out is not None:
            shot = await tools.call("Page.captureScreenshot", session, format="png")
            out.write_bytes(base64.b64decode(shot["data"]))
        return [
            event["params"]["request"]["url"]
            for event in tools.events
            if event.get("method") == "Network.requestWillBeSent"
        ]


async def _phone(
    binary: str, url: str, text: str, out: Path | None, javascript: bool
) -> tuple[str, str, list[str]]:
    """Open `url` as a phone (390×844), type `text` into the first text area and send its form
    as a person would (a click on its button); the address and the text of the page it led to."""
    async with _page(binary) as (tools, session):
        await tools.call(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=390,
            height=844,
            deviceScaleFactor=1,
            mobile=True,
        )
        await tools.call("Emulation.setScriptExecutionDisabled", session, value=not javascript)
        await tools.call("Network.enable", session)
        await tools.call("Page.enable", session)
        await tools.call("Page.navigate", session, url=url)
        await _loaded(tools, session, "textarea")
        box = await _centre(tools, session, "textarea")
        await _click(tools, session, box)
        await tools.call("Input.insertText", session, text=text)
        before = await _evaluate(tools, session, "location.href")
        await _click(tools, session, await _centre(tools, session, "form button"))
        deadline = time.monotonic() + 30
        while await _evaluate(tools, session, "location.href") == before:
            if time.monotonic() > deadline:
                raise RuntimeError("the form was not sent within 30 s")
            await asyncio.sleep(0.1)
        await _loaded(tools, session, "h1")
        if out is not None:
            shot = await tools.call("Page.captureScreenshot", session, format="png")
            out.write_bytes(base64.b64decode(shot["data"]))
        requested = [
            event["params"]["request"]["url"]
            for event in tools.events
            if event.get("method") == "Network.requestWillBeSent"
        ]
        return (
            await _evaluate(tools, session, "location.href"),
            await _evaluate(tools, session, "document.body.innerText"),
            requested,
        )


async def _evaluate(tools: _DevTools, session: str, expression: str) -> Any:
    result = await tools.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
    return result.get("result", {}).get("value")


async def _loaded(tools: _DevTools, session: str, selector: str) -> None:
    deadline = time.monotonic() + 30
    ready = f"document.readyState === 'complete' && document.querySelector({selector!r}) !== null"
    while await _evaluate(tools, session, ready) is not True:
        if time.monotonic() > deadline:
            raise RuntimeError(f"no {selector} on the page within 30 s")
        await asyncio.sleep(0.1)


async def _centre(tools: _DevTools, session: str, selector: str) -> tuple[float, float]:
    expression = (
        f"(() => {{ const e = document.querySelector({selector!r}); e.scrollIntoView(); "
        "const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()"
    )
    x, y = await _evaluate(tools, session, expression)
    return float(x), float(y)


async def _click(tools: _DevTools, session: str, where: tuple[float, float]) -> None:
    for kind in ("mousePressed", "mouseReleased"):
        await tools.call(
            "Input.dispatchMouseEvent",
            session,
            type=kind,
            x=where[0],
            y=where[1],
            button="left",
            clickCount=1,
        )


def send_from_phone(
    url: str, text: str, out: Path | None = None, *, javascript: bool = False
) -> tuple[str, str, list[str]]:
    """A phone in headless Chromium opens `url`, types `text` in the first field and sends it
    (JavaScript off unless asked); the address it ends on, that page's text, every URL asked for."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("no chromium on this machine (Debian: apt-get install chromium)")
    return asyncio.run(_phone(binary, url, text, out, javascript))


def screenshot(
    url: str,
    out: Path | None,
    size: tuple[int, int] = (1920, 1080),
    settle: float = 2.0,
    keys: tuple[str, ...] = (),
) -> list[str]:
    """Open `url` in headless Chromium, wait for the app, press `keys`, save a PNG; the URLs requested."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("no chromium on this machine (Debian: apt-get install chromium)")
    return asyncio.run(_shoot(binary, url, out, size, settle, keys))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    width, height = (int(n) for n in (sys.argv[3] if len(sys.argv) > 3 else "1920x1080").split("x"))
    for requested in screenshot(sys.argv[1], Path(sys.argv[2]), (width, height)):
        print(requested)
