"""Network addresses the room uses: whether a host is this computer only, and the address others open.

Both the browser view (`web.serve`) and joining from phones (`tui.join_service`) ask these.
"""

from __future__ import annotations

import ipaddress
import socket

WILDCARDS = frozenset({"", "0.0.0.0", "::"})
"""Hosts that mean 'every address of this computer'."""


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this computer only (names other than localhost: no)."""
    if host.strip().lower() in {"localhost", "localhost."}:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def lan_address() -> str:
    """This computer's address on the local network (a UDP connect sends no packet)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            return str(probe.getsockname()[0])
    except OSError:
        return socket.gethostname()


def public_url(host: str, port: int) -> str:
    """The address a browser opens for a server listening on host:port."""
    name = lan_address() if host in WILDCARDS else host
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"
    return f"http://{name}:{port}"
