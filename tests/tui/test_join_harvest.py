"""The harvest with participants' phones: contributions in the list marked as from the room (the
name given or "anoniem"), never undone by the facilitator's undo, hidden with `h` (a step undo
takes back), the vote opened with `o`, and dots from phones and by hand that add up."""

from __future__ import annotations

import aiohttp

from potential_deck.core.room import contributions
from potential_deck.tui.join_service import plan

from .helpers import shown_text
from .test_follow import until
from .test_harvest import SIZE, go_to_step, noted_session, open_harvest, rows


async def phone_page(app, pilot) -> tuple[aiohttp.ClientSession, str]:  # type: ignore[no-untyped-def]
    await app.start_joining(plan("127.0.0.1", 0))
    await pilot.pause()
    client = aiohttp.ClientSession()
    async with client.get(app.joining.url) as response:
        return client, str(response.url).split("?")[0]


async def send(client: aiohttp.ClientSession, page: str, text: str, name: str = "") -> None:
    data = {"text": text, "name": name, **({} if name else {"anonymous": "1"})}
    async with client.post(page + "/add", data=data) as response:
        assert response.status == 200


async def test_contributions_show_in_the_list_as_from_the_room(make_app, deck) -> None:  # type: ignore[no-untyped-def]
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        await open_harvest(pilot)
        client, page = await phone_page(app, pilot)
        async with client:
            await send(client, page, "Meer co-teaching", "Lotte")
            await send(client, page, "Iets gevoeligs")
        await until(pilot, lambda: len(rows(app, "items-table")) == 5)
        listed = {row[1]: row[3] for row in rows(app, "items-table")}
        assert listed["Meer co-teaching"] == "uit de zaal: Lotte"
        assert listed["Iets gevoeligs"] == "uit de zaal: anoniem"


async def test_undo_takes_back_the_facilitators_step_not_a_contribution(make_app, deck) -> None:  # type: ignore[no-untyped-def]
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("x")  # the facilitator strikes out the first item
        client, page = await phone_page(app, pilot)
        async with client:
            await send(client, page, "Uit de zaal")
        await pilot.press("u")
        texts = [item.text for item in screen.session.harvest.items]
        assert "Ongedaan gemaakt" in shown_text(app) and "geschrapt" in shown_text(app)
        assert len(texts) == 4 and "Uit de zaal" in texts
        await pilot.press("U")
        assert "Uit de zaal" in [item.text for item in screen.session.harvest.items]


async def test_h_hides_an_item_from_the_room_and_undo_shows_it_again(make_app, deck) -> None:  # type: ignore[no-untyped-def]
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await pilot.press("h")
        first = screen.session.harvest.items[0]
        assert first.hidden and "verborgen" in rows(app, "items-table")[0][3]
        assert first.text not in [item.text for item in contributions.for_room(screen.session.harvest.items)]
        await pilot.press("u")
        assert not screen.session.harvest.items[0].hidden


async def test_o_opens_the_vote_and_the_dots_add_up(make_app, deck) -> None:  # type: ignore[no-untyped-def]
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        client, page = await phone_page(app, pilot)
        await go_to_step(pilot, 2)
        await pilot.press("o")
        assert screen.session.room.vote_open
        await pilot.press("plus")  # one dot by hand on the first item
        first = screen.session.harvest.items[0].id
        async with client:
            for _ in range(2):
                async with client.post(page + "/dot", data={"item": first, "delta": "1"}) as response:
                    assert response.status == 200
        await until(pilot, lambda: rows(app, "votes-table")[0][0].strip().startswith("3"))
        await pilot.press("o")
        assert not screen.session.room.vote_open
        assert contributions.totals(screen.session)[0] == 3 and screen.session.harvest.items[0].votes == 1


async def test_o_says_so_when_nobody_joins(make_app, deck) -> None:  # type: ignore[no-untyped-def]
    app = make_app(session=noted_session(deck))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_harvest(pilot)
        await go_to_step(pilot, 2)
        await pilot.press("o")
        assert not screen.session.room.vote_open and "F7" in shown_text(app)
