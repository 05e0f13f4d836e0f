"""The app, or the audience view, in a web browser through textual-serve.

textual-serve starts one process per browser connection, running a shell command; this module
builds that command, chooses the address (loopback unless asked otherwise) and warns when the
app is reachable from the network.
"""

from __future__ import annotations

import ipaddress
import shlex
import socket
import sys
from pathlib import Path

from potential_deck.core.i18n import t
from potential_deck.core.locations import sessions_dir
from potential_deck.core.vocab import Lang

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LATEST = ""
"""`--follow` without a file: follow the most recently changed session."""
WILDCARDS = frozenset({"", "0.0.0.0", "::"})


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this computer only (names other than localhost: no)."""
    if host.strip().lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def command(follow: str | None = None, sessions: str | None = None, deck: str | None = None) -> str:
    """The shell command each browser connection runs: the home screen, or `follow`."""
    args = [sys.executable, "-m", "potential_deck"]
    if follow is not None:
        args.append("follow")
        if follow != LATEST:
            args.append(str(Path(follow).expanduser().resolve()))
    args += ["--sessions", str(sessions_dir(sessions).resolve())]
    if deck:
        args += ["--deck", str(Path(deck).expanduser().resolve())]
    return " ".join(shlex.quote(arg) for arg in args)


def _lan_address() -> str:
    """This computer's address on the local network (a UDP connect sends no packet)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname()


def public_url(host: str, port: int) -> str:
    """The address a browser opens (and textual-serve's websocket uses)."""
    name = _lan_address() if host in WILDCARDS else host
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"
    return f"http://{name}:{port}"


def network_warning(host: str, url: str, lang: Lang = "en") -> str | None:
    """The warning printed when `host` is not a loopback address; None when it is."""
    if is_loopback(host):
        return None
    return t(lang, "serve.warning", host=host or "*", url=url)


def serve(
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    follow: str | None = None,
    sessions: str | None = None,
    deck: str | None = None,
    url: str | None = None,
    lang: Lang | None = None,
) -> int:
    """Serve the home screen, or the audience view with `follow`, until Ctrl+C."""
    from textual_serve.server import Server

    from potential_deck.cli import UserError
    from potential_deck.core.locations import settings_file
    from potential_deck.core.settings import load_settings

    lang = lang or load_settings(settings_file())[0].language

    if not 0 < port < 65536:
        raise UserError(f"--port {port}: choose a port between 1 and 65535")
    if follow and not Path(follow).expanduser().exists():
        print(f"potential-deck: {follow} does not exist yet; the view waits for it", file=sys.stderr)
    address = url or public_url(host, port)
    warning = network_warning(host, address, lang)
    if warning:
        print(f"potential-deck: {warning}", file=sys.stderr)
    print(t(lang, "serve.url", url=address), t(lang, "serve.stop"), flush=True)
    server = Server(
        command(follow, sessions, deck), host=host, port=port, title=t(lang, "app.title"), public_url=address
    )
    try:
        server.serve()
    except OSError as exc:
        raise UserError(
            f"cannot serve on {host}:{port}: {exc.strerror or exc}; choose another --port"
        ) from None
    return 0
