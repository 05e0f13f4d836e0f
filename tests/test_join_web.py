"""The participants' server over real HTTP on a free loopback port (aiohttp's client as the phones):
nothing without the code, hostile input refused or escaped, other sites and host names refused,
clients that vanish mid-request survived, a page that needs nothing from elsewhere."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass

import aiohttp
import pytest

from potential_deck.core.room import contributions
from potential_deck.core.room.join import JoinDesk, Open
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Deck, Session
from potential_deck.tui.join_service import listen
from potential_deck.web import join_page
from potential_deck.web.join_server import JoinServer

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
CODE = "24681357"


@dataclass
class Running:
    session: Session
    desk: JoinDesk
    base: str
    port: int

    async def join(self, client: aiohttp.ClientSession) -> str:
        """Join as a phone; the participant's page address."""
        async with client.get(f"{self.base}/j/{CODE}") as response:
            assert response.status == 200
            return str(response.url).split("?")[0]


@pytest.fixture
async def running(builtin: Deck) -> AsyncIterator[Running]:
    session = new_session(builtin, team="De Linde", now=NOW, language="nl")
    desk = JoinDesk(lambda: Open(session, builtin, ""), lambda _: None, lambda _f, _l: False, code=CODE)
    server = JoinServer(desk, lambda: "nl")
    sock = listen("127.0.0.1", 0)
    port = int(sock.getsockname()[1])
    await server.start(sock)
    try:
        yield Running(session, desk, f"http://127.0.0.1:{port}", port)
    finally:
        await server.stop()


async def test_without_the_code_a_phone_gets_only_the_question_for_it(running: Running) -> None:
    async with aiohttp.ClientSession() as client, client.get(running.base + "/") as response:
        page = await response.text()
    assert response.status == 200 and 'name="code"' in page and "De Linde" not in page


async def test_a_wrong_code_gets_nothing(running: Running) -> None:
    async with aiohttp.ClientSession() as client, client.get(f"{running.base}/j/11112222") as response:
        page = await response.text()
    assert response.status == 403 and "/p/" not in page and running.desk.participants == {}


async def test_a_made_up_participant_address_gets_nothing(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        async with client.get(f"{running.base}/p/made-up-token") as response:
            assert response.status == 403
        async with client.post(f"{running.base}/p/made-up-token/add", data={"text": "x"}) as response:
            assert response.status == 403
    assert running.session.harvest.items == []


async def test_the_code_typed_in_the_form_lets_a_phone_in(running: Running) -> None:
    async with (
        aiohttp.ClientSession() as client,
        client.post(running.base + "/join", data={"code": "2468 1357"}) as response,
    ):
        page = await response.text()
    assert response.status == 200 and "/p/" in str(response.url) and "Welkom" in page


async def test_a_contribution_lands_in_the_session(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        async with client.post(page + "/add", data={"text": "Meer co-teaching", "name": "Lotte"}) as response:
            assert response.status == 200 and "Verstuurd" in await response.text()
    item = running.session.harvest.items[0]
    assert (item.text, item.room.by if item.room else None) == ("Meer co-teaching", "Lotte")


async def test_an_anonymous_contribution_carries_no_name(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        data = {"text": "Iets gevoeligs", "name": "Lotte", "anonymous": "1"}
        async with client.post(page + "/add", data=data) as response:
            assert response.status == 200
    assert running.session.harvest.items[0].room.by == ""  # type: ignore[union-attr]


async def test_markup_is_escaped_on_the_page_and_control_characters_are_gone(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        hostile = '<script>alert("x")</script>\x1b]0;title\x07 <img src=x onerror=alert(1)>'
        async with client.post(page + "/add", data={"text": hostile, "name": "<b>Jan</b>"}) as response:
            shown = await response.text()
    assert "<script>alert" not in shown and "&lt;script&gt;alert" in shown and "<img" not in shown
    assert "\x1b" not in running.session.harvest.items[0].text


async def test_too_long_a_text_is_refused_and_kept_in_the_field(running: Running) -> None:
    long_text = "woord " * 60
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        async with client.post(page + "/add", data={"text": long_text}) as response:
            shown = await response.text()
    assert response.status == 400 and f"hoogstens {contributions.MAX_TEXT} tekens" in shown
    assert long_text.strip() in shown and running.session.harvest.items == []


async def test_a_one_megabyte_body_is_refused_with_a_message(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        async with client.post(page + "/add", data={"text": "x" * 1_000_000}) as response:
            shown = await response.text()
    assert response.status == 413 and f"{join_page.MAX_BODY // 1024} kB" in shown
    assert running.session.harvest.items == []


async def test_a_form_from_another_website_is_refused(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        headers = {"Origin": "http://evil.example"}
        async with client.post(page + "/add", data={"text": "x"}, headers=headers) as response:
            assert response.status == 403
        headers = {"Sec-Fetch-Site": "cross-site"}
        async with client.post(page + "/add", data={"text": "x"}, headers=headers) as response:
            assert response.status == 403
    assert running.session.harvest.items == []


async def test_another_host_name_is_refused(running: Running) -> None:
    headers = {"Host": f"evil.example:{running.port}"}
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"{running.base}/j/{CODE}", headers=headers) as response,
    ):
        assert response.status == 403
    assert running.desk.participants == {}


async def test_votes_within_the_budget_changed_then_closed(running: Running) -> None:
    session = running.session
    session.live.stage, session.room.vote_open, session.harvest.dots_per_person = "harvest", True, 2
    item = contributions.contribute(session, "Samen lessen voorbereiden", "")
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        vote = {"item": item.id, "delta": "1"}
        for _ in range(3):
            async with client.post(page + "/dot", data=vote) as response:
                last = await response.text()
        assert contributions.totals(session) == [2] and "stippen zijn op" in last
        async with client.post(page + "/dot", data={"item": item.id, "delta": "-1"}) as response:
            assert response.status == 200
        assert contributions.totals(session) == [1]
        session.room.vote_open = False
        async with client.post(page + "/dot", data=vote) as response:
            assert "gesloten" in await response.text()
    assert contributions.totals(session) == [1]


async def test_the_page_loads_nothing_from_elsewhere(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        async with client.get(page) as response:
            text = await response.text()
            csp = response.headers["Content-Security-Policy"]
    references = re.findall(r'(?:src|href|action)="([^"]*)"', text)
    assert references and all(ref.startswith("/") for ref in references)
    assert "default-src 'none'" in csp and "form-action 'self'" in csp
    assert "Set-Cookie" not in response.headers  # the one cookie was set on joining


async def test_the_only_cookie_is_the_phones_token(running: Running) -> None:
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"{running.base}/j/{CODE}", allow_redirects=False) as response,
    ):
        cookies = response.headers.getall("Set-Cookie")
    assert len(cookies) == 1 and "HttpOnly" in cookies[0] and "SameSite=Strict" in cookies[0]


async def test_a_client_that_disconnects_mid_request_changes_nothing(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
    path = page.split(str(running.port), 1)[1]
    for _ in range(5):
        _, writer = await asyncio.open_connection("127.0.0.1", running.port)
        writer.write(
            f"POST {path}/add HTTP/1.1\r\nHost: 127.0.0.1:{running.port}\r\n"
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\ntext=hal".encode()
        )
        await writer.drain()
        writer.close()  # gone before the body is complete
    async with (
        aiohttp.ClientSession() as client,
        client.post(page + "/add", data={"text": "heel"}) as response,
    ):
        assert response.status == 200
    assert [item.text for item in running.session.harvest.items] == ["heel"]


async def test_after_joining_stops_nothing_gets_in(running: Running) -> None:
    async with aiohttp.ClientSession() as client:
        page = await running.join(client)
        running.desk.close()
        async with client.post(page + "/add", data={"text": "te laat"}) as response:
            assert response.status == 410
        async with client.get(f"{running.base}/j/{CODE}") as response:
            assert response.status == 410
    assert running.session.harvest.items == []


def test_listening_on_a_port_in_use_fails_at_once() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        with pytest.raises(OSError):
            listen("127.0.0.1", taken.getsockname()[1])
