"""The participants' web server (issue 17): aiohttp, inside the facilitator's app, on its loop.

It answers phones with the pages of `join_page` and hands what they send to a
`core.room.join.JoinDesk`, which changes the app's open session by the rules of
`core.room.contributions`; the app saves as it saves every change, so it stays the only writer of
the session file. Running on the app's own event loop, a handler changes the session between
two keys, never at the same time. The same safety as `serve_web`:

- nothing without the code: `/` asks for it, `/j/<code>` (the QR code's address) checks it,
  and a participant's pages live under `/p/<token>`, a random token made on joining;
- a request for another host name is refused (DNS rebinding), and so is a form sent from
  another website (its `Origin` or `Sec-Fetch-Site`): a web page elsewhere cannot post here;
- requests larger than `MAX_BODY` are refused with a message; the page loads only its own
  style sheet and script, and its Content-Security-Policy says so; no access log (tokens are
  in the addresses); no cookie but the phone's own token, so it keeps its dots.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Mapping
from typing import NoReturn
from urllib.parse import urlsplit

from aiohttp import web

from potential_deck.core.choices import Lang
from potential_deck.core.room.contributions import Refused
from potential_deck.core.room.join import JoinDesk, Participant
from potential_deck.web import join_page

COOKIE = "pd_join"
COOKIE_AGE = 12 * 3600
"""Seconds a phone keeps its token (a long meeting day)."""
OK_KEYS = frozenset({"sent", "note", "joined"})
ERROR_KEYS = frozenset({"vote_closed", "no_item", "no_dots_left", "too_fast", "not_ready"})
"""Messages a page may be asked to show by its address (after a redirect): keys, never text."""

CSP = (
    "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'none'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",  # "no-referrer" makes a browser send "Origin: null" with a form
    "X-Frame-Options": "DENY",
}

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def _html(text: str, status: int = 200) -> web.Response:
    return web.Response(text=text, status=status, content_type="text/html", charset="utf-8")


def is_local_name(host: str) -> bool:
    """Whether a Host header's name is an address (any IP) or this computer's own name."""
    name = urlsplit(f"//{host}").hostname or ""
    if name in {"localhost", "localhost."}:
        return True
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


class JoinServer:
    """The aiohttp application for one `JoinDesk`; `start` listens, `stop` ends it.

    `lang()` is the language of pages while no session is open (the session's otherwise);
    `names` are more host names (besides addresses) the server answers to.
    """

    def __init__(self, desk: JoinDesk, lang: Callable[[], Lang], names: tuple[str, ...] = ()) -> None:
        self.desk = desk
        self.default_lang = lang
        self.names = frozenset(name.lower() for name in names)
        self._runner: web.AppRunner | None = None

    # --- the application ----------------------------------------------------------------

    def app(self) -> web.Application:
        application = web.Application(middlewares=[self._checks], client_max_size=join_page.MAX_BODY)
        application.add_routes(
            [
                web.get("/", self.ask_code),
                web.post("/join", self.join_form),
                web.get("/j/{code}", self.join_link),
                web.get("/p/{token}", self.page),
                web.get("/p/{token}/state", self.state),
                web.post("/p/{token}/add", self.add),
                web.post("/p/{token}/note", self.note),
                web.post("/p/{token}/dot", self.dot),
                web.get("/p.css", self.css),
                web.get("/p.js", self.script),
            ]
        )
        return application

    async def start(self, sock: socket.socket) -> None:
        """Serve on `sock`, a listening socket (made first, so a port in use is said at once)."""
        runner = web.AppRunner(self.app(), access_log=None, handle_signals=False)
        await runner.setup()
        await web.SockSite(runner, sock).start()
        self._runner = runner

    async def stop(self) -> None:
        """Stop listening and end every open connection."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    def lang(self) -> Lang:
        opened = self.desk.opened()
        return opened.session.language if opened is not None else self.default_lang()

    # --- checks on every request --------------------------------------------------------

    @web.middleware
    async def _checks(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Known host names only; forms only from our own pages; safety headers; our messages."""
        lang = self.lang()
        host = request.host.lower()
        if not (is_local_name(host) or (urlsplit(f"//{host}").hostname or "") in self.names):
            response: web.StreamResponse = _html(join_page.error_page(lang, "unknown_host"), 403)
        elif request.method == "POST" and not _same_site(request):
            response = _html(join_page.error_page(lang, "forbidden"), 403)
        else:
            try:
                response = await handler(request)
            except web.HTTPRequestEntityTooLarge:
                response = _html(join_page.error_page(lang, "too_large"), 413)
            except Refused as refused:
                response = _html(join_page.error_page(lang, refused.key), refused.status)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    # --- joining ------------------------------------------------------------------------

    async def ask_code(self, request: web.Request) -> web.Response:
        if not self.desk.is_open:
            raise Refused("closed", 410)
        return _html(join_page.code_page(self.lang()))

    async def join_link(self, request: web.Request) -> web.StreamResponse:
        """The QR code's address: the code checked, the phone in (its cookie keeps its dots)."""
        self._join(request, request.match_info["code"])

    async def join_form(self, request: web.Request) -> web.StreamResponse:
        form = await request.post()
        code = _field(form, "code", 40)
        try:
            self._join(request, code)
        except Refused as refused:
            if refused.key in {"wrong_code", "too_many_codes"}:
                return _html(join_page.code_page(self.lang(), refused.key, code), refused.status)
            raise

    def _join(self, request: web.Request, code: str) -> NoReturn:
        address = request.remote or "?"
        participant = self.desk.join(code, address, request.cookies.get(COOKIE))
        response = web.HTTPSeeOther(f"/p/{participant.token}?ok=joined")
        response.set_cookie(
            COOKIE, participant.token, max_age=COOKIE_AGE, path="/", httponly=True, samesite="Strict"
        )
        raise response

    # --- a participant's page -----------------------------------------------------------

    def _participant(self, request: web.Request) -> Participant:
        return self.desk.participant(request.match_info["token"])

    async def page(self, request: web.Request) -> web.Response:
        participant = self._participant(request)
        ok = request.query.get("ok")
        error = request.query.get("error")
        return self._render(
            participant,
            ok=ok if ok in OK_KEYS else None,
            error=error if error in ERROR_KEYS else None,
        )

    def _render(self, participant: Participant, status: int = 200, **shown: object) -> web.Response:
        view = self.desk.view(participant)
        base = f"/p/{participant.token}"
        return _html(join_page.participant_page(view, self.lang(), base, **shown), status)  # type: ignore[arg-type]

    async def state(self, request: web.Request) -> web.Response:
        """The page's version: the script reloads the page when it changes."""
        view = self.desk.view(self._participant(request))
        return web.Response(text=view.version if view is not None else "", content_type="text/plain")

    async def add(self, request: web.Request) -> web.StreamResponse:
        """A growth opportunity: in, or the page again with the text kept and the reason."""
        participant = self._participant(request)
        form = await request.post()
        text, name, anonymous = _field(form, "text"), _field(form, "name"), "anonymous" in form
        try:
            self.desk.contribute(participant, text, name, anonymous)
        except Refused as refused:
            return self._render(
                participant, refused.status, error=refused.key, typed=text, name=name, anonymous=anonymous
            )
        raise web.HTTPSeeOther(f"/p/{participant.token}?ok=sent")

    async def note(self, request: web.Request) -> web.StreamResponse:
        """A line for the shared note field: in, or the page again with the text kept."""
        participant = self._participant(request)
        form = await request.post()
        text, name, anonymous = _field(form, "text"), _field(form, "name"), "anonymous" in form
        try:
            self.desk.note(participant, text, name, anonymous)
        except Refused as refused:
            return self._render(
                participant,
                refused.status,
                error=refused.key,
                note_typed=text,
                name=name,
                anonymous=anonymous,
            )
        raise web.HTTPSeeOther(f"/p/{participant.token}?ok=note")

    async def dot(self, request: web.Request) -> web.StreamResponse:
        """One dot more or fewer; back to the list of items (or the reason it could not)."""
        participant = self._participant(request)
        form = await request.post()
        try:
            delta = int(_field(form, "delta", 3))
        except ValueError:
            raise Refused("bad_request") from None
        try:
            self.desk.dot(participant, _field(form, "item", 40), delta)
        except Refused as refused:
            if refused.key not in ERROR_KEYS:
                raise
            raise web.HTTPSeeOther(f"/p/{participant.token}?error={refused.key}#vote") from None
        raise web.HTTPSeeOther(f"/p/{participant.token}#vote")

    # --- the page's own files -------------------------------------------------------------

    async def css(self, request: web.Request) -> web.Response:
        return web.Response(text=join_page.CSS, content_type="text/css")

    async def script(self, request: web.Request) -> web.Response:
        return web.Response(text=join_page.SCRIPT, content_type="text/javascript")


def _field(form: Mapping[str, object], name: str, limit: int = 0) -> str:
    """A text field of a form ('' when missing or not text), cut at `limit` characters if given."""
    value = form.get(name, "")
    text = value if isinstance(value, str) else ""
    return text[:limit] if limit else text


def _same_site(request: web.Request) -> bool:
    """Whether a form was sent from one of our own pages (a browser says where it comes from)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in {"same-origin", "none"}:
        return False
    origin = request.headers.get("Origin")
    if origin is None:
        return True  # an older browser, or not a browser: the token in the address still counts
    return (urlsplit(origin).netloc or "").lower() == request.host.lower()
