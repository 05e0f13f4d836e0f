"""Joining inside the facilitator's app (Pilot, with phones as aiohttp clients on the app's loop):
what phones send lands in the session file through the autosave, notes join the shared field
without moving the facilitator's cursor, the join screen lists and hides, the vote opens at the
harvest, the code ends with the session, the room sees how to join and never a hidden item."""

from __future__ import annotations

from pathlib import Path

import aiohttp
import pytest

from potential_deck.core.room import contributions
from potential_deck.core.session.store import read, write
from potential_deck.tui.app import PotentialDeckApp
from potential_deck.tui.join_service import plan
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.join import JoinScreen
from potential_deck.tui.widgets.join_badge import JoinBadge, QRCode

from .conftest import AT_ONCE, MakeApp
from .helpers import plain, shown_text
from .test_follow import Locks, follow_app, until
from .test_follow import shown_text as room_text


async def joined(app: PotentialDeckApp, pilot) -> str:  # type: ignore[no-untyped-def]
    """Start joining on a free loopback port; the address a phone opens (with the code)."""
    await app.start_joining(plan("127.0.0.1", 0))
    await pilot.pause()
    assert app.joining is not None
    return app.joining.url


async def phone_page(client: aiohttp.ClientSession, url: str) -> str:
    async with client.get(url) as response:
        assert response.status == 200
        return str(response.url).split("?")[0]


def card_screen(app: PotentialDeckApp) -> CardScreen:
    screen = next(s for s in app.screen_stack if isinstance(s, CardScreen))
    return screen


async def test_a_contribution_is_in_the_session_file_after_the_autosave(make_app: MakeApp) -> None:
    app = make_app(team="De Linde", autosave_delay=AT_ONCE)  # no debounce to wait out
    async with app.run_test(size=(100, 30)) as pilot:
        url = await joined(app, pilot)
        path = card_screen(app).path
        async with aiohttp.ClientSession() as client:
            page = await phone_page(client, url)
            async with client.post(page + "/add", data={"text": "Meer co-teaching", "name": "Lotte"}) as r:
                assert r.status == 200
        await until(pilot, lambda: read(path).harvest.items != [])
        saved = read(path).harvest.items
        assert [(i.text, i.room.by if i.room else None) for i in saved] == [("Meer co-teaching", "Lotte")]
        assert "1 bijdrage" in plain(app.screen.query_one("#room-status").content)


async def test_the_session_file_says_how_to_join_while_joining_is_on(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        url = await joined(app, pilot)
        path = card_screen(app).path
        await until(pilot, lambda: read(path).live.join_url == url)
        assert read(path).live.join_code == app.joining.code  # type: ignore[union-attr]


async def test_going_home_ends_the_code_and_the_file_forgets_it(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        url = await joined(app, pilot)
        path = card_screen(app).path
        await app.action_home()
        await pilot.pause()
        assert app.joining is None
        assert read(path).live.join_url == "" and read(path).live.join_code == ""
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.ClientConnectionError):
                async with client.get(url):
                    pass


async def test_a_note_lands_at_the_end_of_the_shared_field_and_the_cursor_stays(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        url = await joined(app, pilot)
        screen = card_screen(app)
        await pilot.press(*"Ik typ")
        area = screen.notes.area(screen.notes.focused_field() or "free")
        await pilot.press("f6")  # share the field being typed in
        cursor = area.cursor_location
        async with aiohttp.ClientSession() as client:
            page = await phone_page(client, url)
            async with client.post(page + "/note", data={"text": "Uit de zaal", "name": "An"}) as r:
                assert r.status == 200
        await pilot.press(*" verder")
        assert area.text == "Ik typ verder\nUit de zaal (An)"
        assert area.cursor_location[0] == cursor[0]
        assert screen.session.record(screen.card_id).free == area.text


async def test_a_note_without_a_shared_field_is_refused_and_the_text_kept(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        url = await joined(app, pilot)
        async with aiohttp.ClientSession() as client:
            page = await phone_page(client, url)
            async with client.post(page + "/note", data={"text": "Mijn regel"}) as r:
                shown = await r.text()
        assert r.status == 409 and "Mijn regel" in shown
        assert card_screen(app).session.record(card_screen(app).card_id).free == ""


async def test_the_join_screen_shows_the_code_and_the_contributions(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        url = await joined(app, pilot)
        session = card_screen(app).session
        contributions.contribute(session, "Met naam", "Lotte")
        contributions.contribute(session, "Zonder naam", "")
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, JoinScreen))
        text = shown_text(app)
        assert app.joining is not None and app.joining.code in text
        assert app.screen.query_one(QRCode).shown == (url, "small")
        options = app.screen.query_one("#join-items")
        lines = [plain(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert lines == ["Zonder naam  — anoniem", "Met naam  — Lotte"]


async def test_hiding_a_contribution_keeps_it_from_the_room(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        await joined(app, pilot)
        session = card_screen(app).session
        contributions.contribute(session, "Namen van leerlingen", "")
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, JoinScreen))
        await pilot.press("h")
        assert session.harvest.items[0].hidden
        path = card_screen(app).path
        await until(pilot, lambda: any(item.hidden for item in read(path).harvest.items))
    saved = read(path)
    saved.live.stage, saved.live.harvest_step = "harvest", "items"
    room_file = tmp_path / "room" / "s.toml"
    room_file.parent.mkdir()
    write(room_file, saved)
    room = follow_app(_deck(), room_file.parent, locks=Locks(room_file))
    async with room.run_test(size=(100, 30)):
        assert "Namen van leerlingen" not in room_text(room)


def _deck():  # type: ignore[no-untyped-def]
    from potential_deck.core.deck.load import load
    from potential_deck.core.locations import builtin_deck

    return load(builtin_deck())


async def test_the_vote_opens_only_at_the_harvest(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        await joined(app, pilot)
        session = card_screen(app).session
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, JoinScreen))
        await pilot.press("o")
        assert not session.room.vote_open
        assert "oogst" in plain(app.screen.query_one("#join-message").content)


async def test_phones_vote_once_the_facilitator_opens_the_vote(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        url = await joined(app, pilot)
        session = card_screen(app).session
        item = contributions.contribute(session, "Samen lessen voorbereiden", "")
        session.live.stage = "harvest"  # as the harvest screen sets it
        await pilot.press("f7")
        await until(pilot, lambda: isinstance(app.screen, JoinScreen))
        await pilot.press("o")
        assert session.room.vote_open
        async with aiohttp.ClientSession() as client:
            page = await phone_page(client, url)
            async with client.post(page + "/dot", data={"item": item.id, "delta": "1"}) as r:
                assert r.status == 200
            await pilot.press("o")  # closed
            async with client.post(page + "/dot", data={"item": item.id, "delta": "1"}) as r:
                assert "gesloten" in await r.text()
        assert contributions.totals(session) == [1]
        path = card_screen(app).path
        await until(pilot, lambda: contributions.totals(read(path)) == [1])


async def test_f8_shows_the_room_the_qr_code_in_projection(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(160, 45)) as pilot:
        url = await joined(app, pilot)
        await pilot.press("f5")
        badge = app.screen.query_one(JoinBadge)
        assert badge.has_class("-on") and not badge.has_class("-shown")
        assert app.joining is not None and app.joining.code in plain(badge.query_one("#join-line").content)
        await pilot.press("f8")
        await pilot.pause()
        assert badge.has_class("-shown") and badge.query_one(QRCode).shown == (url, "large")
        assert card_screen(app).session.live.join_shown


async def test_the_room_view_shows_the_join_line_and_the_code(make_app: MakeApp, tmp_path: Path) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)) as pilot:
        await joined(app, pilot)
        path = card_screen(app).path
        code = app.joining.code  # type: ignore[union-attr]
        await until(pilot, lambda: read(path).live.join_code == code)
        room = follow_app(_deck(), path.parent, locks=Locks(path))
        async with room.run_test(size=(100, 30)):
            text = room_text(room)
            assert code in text and "Doe mee" in text


async def test_without_join_nothing_listens_and_nothing_is_said(make_app: MakeApp) -> None:
    app = make_app(team="De Linde")
    async with app.run_test(size=(100, 30)):
        assert app.joining is None
        assert not app.screen.query_one("#room-status").display
        assert not any(badge.has_class("-on") for badge in app.screen.query(JoinBadge))


async def test_a_code_left_by_a_crashed_app_is_not_shown_to_the_room(make_app: MakeApp, deck) -> None:  # type: ignore[no-untyped-def]
    from potential_deck.core.session.meeting import new_session

    from .conftest import FIXED_NOW

    session = new_session(deck, team="De Linde", now=FIXED_NOW, language="nl")
    session.live.join_url, session.live.join_code = "http://10.0.0.2:8765/j/11112222", "1111 2222"
    app = make_app(session=session)
    async with app.run_test(size=(100, 30)) as pilot:
        path = card_screen(app).path
        assert not any(badge.has_class("-on") for badge in app.screen.query(JoinBadge))
        await until(pilot, lambda: read(path).live.join_url == "")
