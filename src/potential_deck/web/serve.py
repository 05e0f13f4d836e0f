"""The app, or the audience view, in a web browser through textual-serve.

textual-serve starts one process per browser connection, running a shell command; this module
builds that command, chooses the address (loopback unless asked otherwise) and warns when the
app is reachable from the network.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

from potential_deck.core.choices import Lang
from potential_deck.core.errors import UserError
from potential_deck.core.locations import sessions_dir, usable_sessions_dir
from potential_deck.core.room.address import WILDCARDS, is_loopback, public_url
from potential_deck.core.text.i18n import t

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
LATEST = ""
"""`--follow` without a file: follow the session a facilitator's app holds open."""


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


def network_warning(host: str, url: str, lang: Lang = "en") -> str | None:
    """The warning printed when `host` is not a loopback address; None when it is."""
    if is_loopback(host):
        return None
    return t(lang, "serve.warning", host=host or "*", url=url)


def _follow_target(follow: str, folder: Path, lang: Lang) -> str:
    """The session `--follow` without a file follows: the one a facilitator has open now.

    None open: the view waits for one (LATEST). Several: they are listed and the facilitator
    names one (asked at the terminal, or told to give the file when there is no terminal).
    """
    from potential_deck.core.session import lock
    from potential_deck.core.session.store import SessionFileError, read
    from potential_deck.core.text.i18n import day

    if follow != LATEST:
        return follow
    found = []
    for path, owner in lock.open_sessions(folder):
        try:
            session = read(path)
        except SessionFileError:
            continue
        found.append((path, f"{session.team}, {day(session.date)}", owner.since[11:16]))
    if not found:
        print(t(lang, "serve.follow_waiting"), flush=True)
        return LATEST
    if len(found) == 1:
        print(t(lang, "serve.following", session=found[0][1]), flush=True)
        return str(found[0][0])
    print(t(lang, "serve.several"), flush=True)
    for n, (path, label, since) in enumerate(found, 1):
        print(f"  {n}. {label}" + (f" ({t(lang, 'serve.since', time=since)})" if since else "") + f"  {path}")
    if not sys.stdin.isatty():
        raise UserError(t(lang, "serve.name_one"))
    answer = input(t(lang, "serve.which", n=len(found))).strip()
    if not answer.isdigit() or not 1 <= int(answer) <= len(found):
        raise UserError(t(lang, "serve.name_one"))
    path, label, _ = found[int(answer) - 1]
    print(t(lang, "serve.following", session=label), flush=True)
    return str(path)


FOLLOW_FONT_SIZE = 24
"""The browser's text size for the audience view: a beamer at 1280×720 gives about 88×24."""
APP_FONT_SIZE = 16


def font_size_hint(size: int, lang: Lang = "en") -> str:
    """The line on text size `serve` prints: the size the page starts at, one larger, one smaller."""
    return t(lang, "serve.fontsize", size=size, larger=size + 8, smaller=size * 3 // 4)


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
    """Serve the home screen, or the audience view with `follow`, until Ctrl+C.

    Everything that can be found wrong (the port, the session to follow) is said before
    the address is printed; the address carries this run's secret.
    """
    import asyncio

    from potential_deck.core.locations import settings_file
    from potential_deck.core.settings import load_settings
    from potential_deck.web.serve_server import WebConfig, run

    lang = lang or load_settings(settings_file())[0].language

    if not 0 < port < 65536:
        raise UserError(f"--port {port}: choose a port between 1 and 65535")
    if follow is None or follow == LATEST:  # the folder is looked in: a file there is said now
        folder = usable_sessions_dir(sessions)
        if follow == LATEST:
            follow = _follow_target(follow, folder, lang)
    if follow and not Path(follow).expanduser().exists():
        raise UserError(f"{follow}: no such session file; check the path")
    address = url or public_url(host, port)
    config = WebConfig(
        command=command(follow, sessions, deck),
        public_url=address.rstrip("/"),
        title=t(lang, "follow.title" if follow is not None else "app.title"),
        read_only=follow is not None,
        font_size=FOLLOW_FONT_SIZE if follow is not None else APP_FONT_SIZE,
        lang=lang,
        ended=t(lang, "serve.closed"),
        extra_hosts=_local_names(host, port),
    )

    def ready() -> None:
        warning = network_warning(host, address, lang)
        if warning:
            print(f"potential-deck: {warning}", file=sys.stderr, flush=True)
        print(t(lang, "serve.url", url=config.address), t(lang, "serve.stop"), flush=True)
        print(font_size_hint(config.font_size, lang), flush=True)

    try:
        asyncio.run(run(config, host, port, ready))
    except OSError as exc:
        raise UserError(
            f"cannot serve on {host}:{port}: {exc.strerror or exc}; choose another --port"
        ) from None
    except KeyboardInterrupt:
        pass
    return 0


def _local_names(host: str, port: int) -> tuple[str, ...]:
    """`host:port` names a browser may use besides the public address: the address listened on,
    and this computer's own names (for the facilitator's browser on the laptop itself)."""
    names: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    if host not in WILDCARDS:
        names = (host.strip("[]"), *names)
    return tuple(f"[{name}]:{port}" if ":" in name else f"{name}:{port}" for name in names)
