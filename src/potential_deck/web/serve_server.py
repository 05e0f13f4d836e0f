"""The web server behind `potential-deck serve`: our page, a secret, and the app over a WebSocket.

Built on aiohttp and textual-serve's public `AppService` (which runs one app process per
browser and carries its screen over the WebSocket); textual-serve's own `Server` is not used,
because its page loads a web font from outside and it has no secret. Here:

- every run has a random secret; the page (`/?token=…`) and the WebSocket (`/ws/<secret>`)
  both require it, compared in constant time, and a wrong one gets 403;
- a WebSocket whose `Origin` is not the served address is refused, and so is a request whose
  `Host` is not it (a web page elsewhere cannot reach in, not even by DNS rebinding);
- the page loads only textual-serve's script and style sheet from this server, and says so in
  its Content-Security-Policy; no fonts or scripts from outside;
- read-only (the audience view): only the digits 1–9 reach the app (choosing a session
  when several are open), never another key;
- no access log: the secret is in the addresses browsers ask for, and must not be written out.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import json
import secrets
import signal
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService
from textual_serve.download_manager import DownloadManager

STATIC = {
    "textual.js": ("static/js/textual.js", "text/javascript"),
    "xterm.css": ("static/css/xterm.css", "text/css"),
}
"""What the page loads, from textual-serve's package: the terminal in the browser and its style."""

DIGITS = frozenset("123456789")

PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/static/xterm.css">
<script src="/static/textual.js"></script>
<style>
  html, body {{ margin: 0; padding: 0; height: 100%; overflow: hidden; background: {background}; }}
  .textual-terminal {{ width: 100vw; height: 100vh; }}
  .notice {{
    position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
    font: 20px sans-serif; color: #888; z-index: 10; background: {background};
  }}
  body.-first-byte #loading, #ended {{ display: none; }}
  body.-closed #ended {{ display: flex; }}
</style>
</head>
<body>
<div id="loading" class="notice">{title}</div>
<div id="ended" class="notice">{ended}</div>
<div id="terminal" class="textual-terminal" data-session-websocket-url="{websocket}"
     data-font-size="{font_size}"></div>
</body>
</html>
"""


def new_secret() -> str:
    """A fresh random secret for one run of `serve` (URL-safe, 192 bits)."""
    return secrets.token_urlsafe(24)


@dataclass
class WebConfig:
    """What one run of the server serves, and to whom."""

    command: str
    """The shell command each browser connection runs."""
    public_url: str
    """The address browsers open, without the secret (e.g. http://127.0.0.1:8000)."""
    title: str
    secret: str = field(default_factory=new_secret)
    read_only: bool = False
    font_size: int = 16
    lang: str = "nl"
    ended: str = "—"
    extra_hosts: tuple[str, ...] = ()
    """More `host:port` names this server answers to (the address it listens on)."""

    @property
    def origin(self) -> str:
        parts = urlsplit(self.public_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({urlsplit(self.public_url).netloc.lower(), *(h.lower() for h in self.extra_hosts)})

    @property
    def origins(self) -> frozenset[str]:
        scheme = urlsplit(self.public_url).scheme
        return frozenset(f"{scheme}://{host}" for host in self.hosts)

    @property
    def address(self) -> str:
        """The full address to open, with the secret (printed once, as Jupyter does)."""
        return f"{self.origin}/?token={self.secret}"

    @property
    def websocket_url(self) -> str:
        ws = "wss" if self.public_url.startswith("https") else "ws"
        return f"{ws}://{urlsplit(self.public_url).netloc}/ws/{self.secret}"


def _forbidden(text: str) -> web.HTTPForbidden:
    return web.HTTPForbidden(text=text, headers={"Cache-Control": "no-store"})


def _font_size(value: str | None, default: int) -> int:
    try:
        size = int(value) if value else default
    except ValueError:
        return default
    return min(max(size, 6), 96)


class WebServer:
    """The aiohttp application for one `WebConfig`; `app()` builds it."""

    def __init__(self, config: WebConfig) -> None:
        self.config = config
        self.downloads = DownloadManager()
        self.static = files("textual_serve")

    def app(self) -> web.Application:
        application = web.Application(middlewares=[self._checks])
        application.add_routes(
            [
                web.get("/", self.page),
                web.get("/ws/{secret}", self.websocket),
                web.get("/static/{name}", self.static_file),
            ]
        )
        return application

    def _secret_ok(self, given: str | None) -> bool:
        return given is not None and secrets.compare_digest(given.encode(), self.config.secret.encode())

    @web.middleware
    async def _checks(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.StreamResponse:
        """Refuse a request for another host name (DNS rebinding); add the safety headers."""
        if request.host.lower() not in self.config.hosts:
            raise _forbidden("potential-deck: unknown host name; open the address serve printed")
        response: web.StreamResponse = await handler(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Frame-Options", "DENY")
        return response

    async def page(self, request: web.Request) -> web.Response:
        """The page, to whoever has the secret; nothing on it comes from elsewhere."""
        if not self._secret_ok(request.query.get("token")):
            raise _forbidden("potential-deck: open the full address that serve printed (with ?token=…)")
        config = self.config
        text = PAGE.format(
            lang=html.escape(config.lang),
            title=html.escape(config.title),
            ended=html.escape(config.ended),
            websocket=html.escape(config.websocket_url),
            font_size=_font_size(request.query.get("fontsize"), config.font_size),
            background="#000000" if config.read_only else "#0c181f",
        )
        socket_origin = config.websocket_url.rsplit("/ws/", 1)[0]
        csp = (
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            f"img-src 'self' data:; font-src 'self'; connect-src {socket_origin}; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
        )
        return web.Response(
            text=text,
            content_type="text/html",
            headers={"Content-Security-Policy": csp, "Cache-Control": "no-store"},
        )

    async def static_file(self, request: web.Request) -> web.Response:
        """textual-serve's script or style sheet (nothing else is served)."""
        entry = STATIC.get(request.match_info["name"])
        if entry is None:
            raise web.HTTPNotFound()
        path, kind = entry
        return web.Response(body=self.static.joinpath(path).read_bytes(), content_type=kind)

    async def websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Run the app for one browser: secret and Origin checked before anything starts."""
        if not self._secret_ok(request.match_info.get("secret")):
            raise _forbidden("potential-deck: wrong or missing secret")
        if request.headers.get("Origin", "") not in self.config.origins:
            raise _forbidden("potential-deck: connection from another site refused")
        socket = web.WebSocketResponse(heartbeat=15)
        await socket.prepare(request)
        width = _int(request.query.get("width"), 80)
        height = _int(request.query.get("height"), 24)

        async def close() -> None:  # what the socket's close returns is of no use to the service
            await socket.close()

        service = AppService(
            self.config.command,
            write_bytes=socket.send_bytes,
            write_str=socket.send_str,
            close=close,
            download_manager=self.downloads,
        )
        await service.start(width, height)
        try:
            await self._relay(socket, service)
        except asyncio.CancelledError:
            await socket.close()
        finally:
            await service.stop()
        return socket

    async def _relay(self, socket: web.WebSocketResponse, service: AppService) -> None:
        """Pass the browser's keys (only digits when read-only), size, focus and pings on."""
        async for message in socket:
            if message.type != WSMsgType.TEXT:
                continue
            try:
                envelope = json.loads(message.data)
                kind, data = envelope[0], (envelope[1] if len(envelope) > 1 else None)
            except (ValueError, IndexError, KeyError, TypeError):
                continue
            if kind == "stdin" and isinstance(data, str):
                if self.config.read_only and data not in DIGITS:
                    continue
                await service.send_bytes(data.encode("utf-8"))
            elif kind == "resize" and isinstance(data, dict):
                await service.set_terminal_size(_int(data.get("width"), 80), _int(data.get("height"), 24))
            elif kind == "ping":
                await socket.send_json(["pong", data])
            elif kind == "blur":
                await service.blur()
            elif kind == "focus":
                await service.focus()


def _int(value: object, default: int) -> int:
    try:
        return max(1, min(int(str(value)), 1000))
    except ValueError:
        return default


async def run(
    config: WebConfig, host: str, port: int, ready: Callable[[], None], stop: asyncio.Event | None = None
) -> None:
    """Listen on host:port (OSError when that cannot be), call `ready()`, then serve until `stop`."""
    runner = web.AppRunner(WebServer(config).app(), access_log=None, handle_signals=False)
    await runner.setup()
    try:
        site = web.TCPSite(runner, host, port)
        await site.start()
        ready()
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            # Windows has no signal handlers on the loop: Ctrl+C raises KeyboardInterrupt instead
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(sig, stop.set)
        await stop.wait()
    finally:
        await runner.cleanup()
