"""The audience view: the right session, the whole screen, nothing private, nothing technical."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from textual.content import Content
from textual.css.match import match
from textual.css.stylesheet import Stylesheet
from textual.geometry import Region
from textual.widgets import ContentSwitcher, Static

from potential_deck.core.deck.load import Deck
from potential_deck.core.locations import builtin_deck
from potential_deck.core.room.follow import SessionWatcher
from potential_deck.core.session import lock
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import (
    HarvestItem,
    Opportunity,
    Origin,
    Review,
    Session,
    Step,
    StepStatus,
    TimerSnapshot,
)
from potential_deck.core.session.store import write
from potential_deck.core.session.timer import Timer, display, followed, followed_display
from potential_deck.core.settings import DARK_THEME, LIGHT_THEME
from potential_deck.tui import audience
from potential_deck.tui.audience import FollowApp, RoomTimer, polling
from potential_deck.tui.widgets.big_text import BigText
from potential_deck.tui.widgets.card_view import CardView

from .conftest import FIXED_NOW
from .helpers import plain

POLL = 0.05
"""How often the tests' view looks at the file: no test sleeps longer than this at a time."""
T = 1_800_000_000.0
SIZES = [(80, 24), (100, 30), (160, 45), (240, 67)]
OWNER = lock.Owner(4242, "laptop-of-an.school.local", "2026-11-23T14:30:00+01:00")


class Locks:
    """Which sessions a facilitator's app holds open (stands in for core.session.lock's look)."""

    def __init__(self, *held: Path) -> None:
        self.held = set(held)

    def watcher(self, folder: Path, target: Path | None = None) -> SessionWatcher:
        return SessionWatcher(
            folder,
            target,
            holder=lambda path: OWNER if path in self.held else None,
            open_sessions=lambda f: [(p, OWNER) for p in sorted(self.held) if p.parent == f],
        )


def make_session(deck: Deck, lang: str = "nl", team: str = "De Linde") -> Session:
    return new_session(deck, team=team, now=FIXED_NOW, language=lang, deck_path=str(builtin_deck()))


def follow_app(
    deck: Deck,
    folder: Path,
    *,
    target: Path | None = None,
    wall: float | None = None,
    locks: Locks | None = None,
) -> FollowApp:
    locks = locks or Locks(*(folder.glob("*.toml") if folder.is_dir() else ()))
    return FollowApp(
        folder=folder,
        deck_for=lambda _: deck,
        wall=(lambda: wall) if wall is not None else time.time,
        watch=polling(POLL),
        watcher=locks.watcher(folder, target),
    )


async def until(pilot, condition, tries: int = 200) -> None:
    """Pause one poll interval at a time until `condition()` holds (at most `tries` times: 10 s,
    room for a busy 2-core machine where a thread's save or a phone's request waits its turn)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(POLL)
    assert condition()


def title(deck: Deck, session: Session, lang: str = "nl") -> str:
    return deck.card(session.current_card).text(lang).title


def visible(widget) -> bool:
    shown = bool(widget.display and widget.visible)
    return shown and all(getattr(a, "display", True) for a in widget.ancestors)


def shown_text(app: FollowApp) -> str:
    """The text of every Static a person can see, and the text of big letters."""
    parts = []
    for widget in app.screen.query(Static):
        if not visible(widget):
            continue
        if isinstance(widget, BigText) and widget.lines is not None:
            parts.append(widget.text)
        elif isinstance(widget.content, str):
            parts.append(Content.from_markup(widget.content).plain)
        else:
            parts.append(plain(widget.content))
    parts += [str(w.border_title or "") for w in app.screen.query("#shared") if visible(w)]
    return "\n".join(parts)


def card_on_show(app: FollowApp) -> CardView:
    shown = app.screen.card_view
    assert shown is not None and visible(shown)
    return shown


def view(app: FollowApp) -> str | None:
    return app.screen.query_one(ContentSwitcher).current


def inside(inner: Region, outer: Region) -> bool:
    return outer.contains_region(inner)


# --- the timer a follower shows ------------------------------------------------------------


def test_followed_display_matches_the_facilitators_display() -> None:
    timer = Timer(budget=600).start(100.0)
    snap = timer.snapshot(now=130.0, wall=T)
    for later in (0, 10, 555, 600, 700):
        assert followed_display(snap, T + later) == display(timer, 130.0 + later)
    assert followed(snap).elapsed(T + 10) == 40


async def test_timer_shows_the_facilitators_remaining_seconds(deck, tmp_path):
    session = make_session(deck)
    record = session.record(session.current_card)
    record.timer = TimerSnapshot(budget=600, elapsed=30, running=True, at=T)
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path, wall=T + 10)
    async with app.run_test(size=(160, 45)):
        face = app.screen.query_one("#room-timer-face", BigText)
        assert face.text == "9:20" and face.scale >= 1  # 600 - 40 seconds, in big digits
        assert app.screen.query_one(RoomTimer).has_class("-running")


async def test_a_narrow_view_puts_the_timer_in_the_top_line(deck, tmp_path):
    session = make_session(deck)
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path, wall=T)
    async with app.run_test(size=(80, 24)):
        assert not visible(app.screen.query_one(RoomTimer))
        assert "10:00" in plain(app.screen.query_one("#head-where", Static).content)


# --- following the file ----------------------------------------------------------------------


async def test_follow_view_updates_when_the_session_file_changes(deck, tmp_path) -> None:
    session = make_session(deck)
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        assert view(app) == "cards"
        assert title(deck, session) in shown_text(app)
        session.live.position = 1
        write(path, session)
        await until(pilot, lambda: title(deck, session) in shown_text(app))


async def test_the_real_file_watcher_brings_a_change_to_the_view(deck, tmp_path) -> None:
    session = make_session(deck)
    path = tmp_path / "s.toml"
    write(path, session)
    app = FollowApp(folder=tmp_path, deck_for=lambda _: deck, watcher=Locks(path).watcher(tmp_path))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause(0.3)  # the watcher is set up
        first = title(deck, session)
        assert first in shown_text(app)
        session.live.position = 2
        third = title(deck, session)
        assert third not in shown_text(app), "the third card is not on show before the change"
        write(path, session)
        await until(pilot, lambda: third in shown_text(app), tries=40)
        assert first not in shown_text(app), "the view moved on from the first card"


async def test_keeps_the_last_good_state_on_a_half_written_or_vanished_file(deck, tmp_path):
    session = make_session(deck)
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path, wall=T)
    async with app.run_test(size=(120, 36)) as pilot:
        shown = title(deck, session)
        assert shown in shown_text(app)
        path.write_text('schema_version = 1\nteam = "De Li', encoding="utf-8")
        await until(pilot, lambda: "laatste goede stand" in shown_text(app))
        assert "onleesbaar" in shown_text(app)
        assert shown in shown_text(app) and view(app) == "cards"
        path.unlink()
        await until(pilot, lambda: "even weg" in shown_text(app))
        assert shown in shown_text(app) and view(app) == "cards"
        session.live.position = 2
        write(path, session)
        await until(pilot, lambda: title(deck, session) in shown_text(app))
        assert "laatste goede stand" not in shown_text(app)


async def test_the_view_stays_on_its_session_when_another_in_the_folder_changes(deck, tmp_path):
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    linde = make_session(deck)
    write(first, linde)
    locks = Locks(first)
    app = follow_app(deck, tmp_path, locks=locks)
    async with app.run_test(size=(120, 36)) as pilot:
        assert "De Linde" in shown_text(app)
        anker = make_session(deck, team="Het Anker")
        anker.live.position = 3
        write(second, anker)  # another team's session is saved ...
        locks.held.add(second)  # ... and opened by a second app
        await pilot.pause(POLL * 4)
        anker.live.shared_field = "free"
        write(second, anker)
        await pilot.pause(POLL * 4)
        text = shown_text(app)
        assert "Het Anker" not in text and title(deck, anker) not in text
        assert "De Linde" in text and title(deck, linde) in text


async def test_several_open_sessions_are_offered_and_a_digit_chooses(deck, tmp_path):
    a, b = tmp_path / "a.toml", tmp_path / "b.toml"
    write(a, make_session(deck, team="Het Anker"))
    write(b, make_session(deck))
    app = follow_app(deck, tmp_path, locks=Locks(a, b))
    async with app.run_test(size=(100, 30)) as pilot:
        assert view(app) == "choose"
        text = shown_text(app)
        options = app.screen.query_one("#choices")
        listed = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert listed == [
            "1. De Linde · 23/11/2026 · open sinds 14:30",
            "2. Het Anker · 23/11/2026 · open sinds 14:30",
        ]
        assert "4242" not in text + "".join(listed) and "school.local" not in "".join(listed)
        await pilot.press("2")
        await until(pilot, lambda: view(app) == "cards")
        assert "Het Anker · 23/11/2026" in shown_text(app)


async def test_the_room_is_told_when_the_meeting_has_ended(deck, tmp_path):
    path = tmp_path / "a.toml"
    write(path, make_session(deck))
    locks = Locks(path)
    app = follow_app(deck, tmp_path, locks=locks)
    async with app.run_test(size=(100, 30)) as pilot:
        assert view(app) == "cards"
        locks.held.clear()
        await until(pilot, lambda: view(app) == "ended")
        text = shown_text(app)
        assert "De bijeenkomst is afgelopen." in text and "De Linde · 23/11/2026" in text
        assert "kaart" not in text and ":00" not in text  # no card, no timer left over


async def test_a_view_started_on_a_session_nobody_has_open_waits_for_it_and_shows_nothing_live(
    deck, tmp_path
):
    """A browser opened before the facilitator opened the session, or after they closed it:
    never its card and timer as if live; the room waits for the session (not "it has ended")."""
    path = tmp_path / "a.toml"
    session = make_session(deck)
    write(path, session)
    locks = Locks()
    app = follow_app(deck, tmp_path, target=path, locks=locks)
    async with app.run_test(size=(100, 30)) as pilot:
        assert view(app) == "waiting"
        text = shown_text(app)
        assert "zodra de begeleider deze sessie opent" in text and "afgelopen" not in text
        assert title(deck, session) not in text and ":00" not in text  # no card, no timer
        locks.held.add(path)  # the facilitator opens it: the room follows it
        await until(pilot, lambda: view(app) == "cards")
        assert title(deck, session) in shown_text(app)
        locks.held.clear()  # and closes it: now the meeting has ended
        await until(pilot, lambda: view(app) == "ended")
        assert "De bijeenkomst is afgelopen." in shown_text(app)


async def test_a_view_started_on_a_finished_session_says_the_meeting_has_ended(deck, tmp_path):
    path = tmp_path / "a.toml"
    session = make_session(deck)
    session.live.stage = "done"
    write(path, session)
    app = follow_app(deck, tmp_path, target=path, locks=Locks())
    async with app.run_test(size=(100, 30)):
        assert view(app) == "ended"
        text = shown_text(app)
        assert "De bijeenkomst is afgelopen." in text and "De Linde · 23/11/2026" in text


async def test_waiting_shows_no_path_and_takes_the_session_once_it_is_open(deck, tmp_path):
    folder = tmp_path / "geheime-map"
    locks = Locks()
    app = follow_app(deck, folder, locks=locks)
    async with app.run_test(size=(120, 36)) as pilot:
        assert view(app) == "waiting"
        text = shown_text(app)
        assert "Wachten op de begeleider" in text and "geheime-map" not in text and str(tmp_path) not in text
        session = make_session(deck)
        write(folder / "s.toml", session)
        await pilot.pause(POLL * 3)
        assert view(app) == "waiting"  # saved, but no facilitator holds it open
        locks.held.add(folder / "s.toml")
        await until(pilot, lambda: view(app) == "cards")
        assert title(deck, session) in shown_text(app)


# --- the whole screen --------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
async def test_every_card_shows_whole_at_every_size(deck, tmp_path, size):
    """Nothing cut: the card fits, or the room sees where it is and a sign that more follows."""
    session = make_session(deck)
    session.agenda = [card.id for card in deck.cards]
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=size) as pilot:
        for position, card in enumerate(deck.cards):
            session.live.position = position
            write(path, session)
            await until(pilot, lambda card=card: card_on_show(app)._words is card.nl)
            await pilot.pause()
            card_view = card_on_show(app)
            assert "De Linde · 23/11/2026" in shown_text(app)
            region = card_view.region
            assert inside(region, app.screen.region)
            for part in card_view.query(Static):
                if visible(part) and part.id != "card-more":
                    assert part.size.width <= card_view.scrollable_content_region.width
            more = card_view.query_one("#card-more")
            if card_view.max_scroll_y == 0:
                assert not visible(more), f"{card.id}: fits, so no sign"
            else:
                assert visible(more), f"{card.id} does not fit {size}: the room must see more follows"


@pytest.mark.parametrize(
    ("size", "large"), [((80, 24), False), ((100, 30), False), ((160, 45), True), ((240, 67), True)]
)
async def test_the_title_is_large_where_the_screen_is(deck, tmp_path, size, large):
    session = make_session(deck)
    session.live.position = 3
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        card_view = card_on_show(app)
        title_scale, _ = card_view.layout_scales
        assert (title_scale >= 1) is large
        heading = card_view.query_one("#card-title", BigText)
        assert heading.has_class("-big") is large
        assert card_view.max_scroll_y == 0  # and all of it fits


async def test_the_widest_view_draws_the_questions_large_too(deck, tmp_path):
    session = make_session(deck)
    session.live.position = 3
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(240, 67)) as pilot:
        await pilot.pause()
        assert card_on_show(app).layout_scales[1] == 1


async def test_the_facilitators_scroll_is_mirrored(deck, tmp_path):
    session = make_session(deck)
    session.live.position = 3
    session.live.shared_field = "free"
    session.record(session.current_card).free = "Wat we zagen: " + "samen lezen in de klas, " * 6
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        card_view = card_on_show(app)
        await pilot.pause()
        assert card_view.max_scroll_y > 0 and card_view.scroll_y == 0
        assert visible(card_view.query_one("#card-more"))
        session.live.scroll = 1.0
        write(path, session)
        await until(pilot, lambda: card_view.scroll_y == card_view.max_scroll_y)
        assert not visible(card_view.query_one("#card-more"))
        session.live.scroll = 0.5
        write(path, session)
        await until(pilot, lambda: card_view.scroll_y == round(0.5 * card_view.max_scroll_y))
        assert visible(card_view.query_one("#card-more"))


@pytest.mark.parametrize("width", [100, 133])
async def test_a_shared_note_wraps_whole_keeps_its_border_and_covers_nothing(deck, tmp_path, width):
    session = make_session(deck)
    session.live.position = 1  # a dialogue card
    note = (
        "We spraken af om bij twijfel eerst de zorgcoördinator te betrekken en daarna samen met de ouders "
        "te bekijken wat thuis helpt; dat werkte goed bij de nieuwkomers in het derde leerjaar."
    )
    session.record(session.current_card).fields = {"did": note}
    session.live.shared_field = "did"
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(width, 30)) as pilot:
        await pilot.pause()
        shared = app.screen.query_one("#shared", Static)
        assert visible(shared) and shared.border_title == "Wat deed je in die situatie?"
        assert plain(shared.content) == note
        wrapped = Content(note).wrap(shared.content_size.width)
        assert len(wrapped) >= 2 and shared.content_size.height == len(wrapped)  # wrapped, none cut
        assert inside(shared.region, app.screen.query_one("#card-column").region)  # border kept
        card_view = card_on_show(app)
        assert not card_view.region.overlaps(shared.region)


async def test_the_rooms_shared_note_takes_no_style_from_the_facilitators_status_line(deck, tmp_path):
    """The card screen's status line has a `#shared` mark too (accent colour, as wide as its
    words): no rule of the facilitator's CSS can select the room's shared note, even if loaded."""
    session = make_session(deck)
    session.live.position = 1  # a dialogue card
    session.record(session.current_card).fields = {"did": "Samen een lied gezongen."}
    session.live.shared_field = "did"
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        shared = app.screen.query_one("#shared", Static)
        assert visible(shared)
        facilitator = Stylesheet(variables=app.get_css_variables())
        facilitator.read(Path(audience.__file__).with_name("app.tcss"))
        facilitator.parse()
        assert [rule.selectors for rule in facilitator.rules if match(rule.selector_set, shared)] == []


async def test_blank_shows_a_black_screen(deck, tmp_path):
    session = make_session(deck)
    session.live.blank = True
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert view(app) == "blank"
        assert app.screen.query_one("#blank").region == app.screen.region  # black, all of it
        assert shown_text(app).strip() == ""


async def test_only_the_shared_field_is_shown(deck, tmp_path):
    session = make_session(deck)
    session.live.position = 1  # a dialogue card: did, worked, satisfaction
    record = session.record(session.current_card)
    record.fields = {"did": "We zongen samen", "worked": "Privé over Jan"}
    record.free = "Vrije privénotitie"
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)) as pilot:
        text = shown_text(app)
        assert "We zongen samen" not in text and "Privé over Jan" not in text
        assert "Vrije privénotitie" not in text
        session.live.shared_field = "did"
        write(path, session)
        await until(pilot, lambda: "We zongen samen" in shown_text(app))
        text = shown_text(app)
        assert "Wat deed je in die situatie?" in text
        assert "Privé over Jan" not in text and "Vrije privénotitie" not in text


@pytest.mark.parametrize(("theme", "expected"), [(DARK_THEME, DARK_THEME), ("", LIGHT_THEME)])
async def test_follows_the_facilitators_theme(deck, tmp_path, theme, expected):
    session = make_session(deck)
    session.live.theme = theme
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert app.theme == expected


# --- the harvest, step by step ----------------------------------------------------------------


def harvest_session(deck: Deck, step: str) -> Session:
    session = make_session(deck)
    session.record(session.agenda[0]).fields = {"seen": "Privé"}
    session.record(session.agenda[0]).growth = [Opportunity(text="Thuistaal benutten")]
    session.harvest.items = [
        HarvestItem(text="Ouders betrekken", votes=1),
        HarvestItem(text="Bij elkaar gaan kijken", votes=4),
    ]
    session.harvest.question = "Hoe benutten we de thuistaal van onze leerlingen?"
    session.harvest.steps = [Step(what="Talenportret maken", who="An", due=FIXED_NOW.date())]
    session.live.stage = "harvest"
    session.live.position = len(session.agenda)
    session.live.harvest_step = step
    return session


@pytest.mark.parametrize("size", SIZES)
async def test_the_opportunities_show_by_dots(deck, tmp_path, size):
    write(tmp_path / "s.toml", harvest_session(deck, "votes"))
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=size):
        assert view(app) == "harvest"
        text = shown_text(app)
        order = [text.index(t) for t in ("Bij elkaar gaan kijken", "Ouders betrekken", "Thuistaal benutten")]
        assert order == sorted(order)
        dots = re.sub(r" \(\d+ stip(pen)?\)", "", text)  # the count is said in normal text only
        assert "kijken  ●●●●\n" in dots and "betrekken  ●\n" in dots and "benutten  " not in dots
        assert "Privé" not in text
        big = app.screen.query_one("#harvest-big", BigText)
        assert (big.scale >= 1) is (size[0] >= 100)  # large where the screen allows
        assert app.screen.query_one("#harvest-body").max_scroll_y == 0
        assert big.region.bottom <= size[1]


async def test_the_list_re_sorts_as_dots_come_in(deck, tmp_path):
    session = harvest_session(deck, "votes")
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:

        def first_is_ouders() -> bool:
            text = shown_text(app)
            return text.index("Ouders betrekken") < text.index("Bij elkaar gaan kijken")

        assert not first_is_ouders(), "before the dots, the other item leads"
        session.harvest.items[0].votes = 6
        write(path, session)
        await until(pilot, first_is_ouders)
        assert first_is_ouders()


@pytest.mark.parametrize(("size", "large"), [((80, 24), True), ((160, 45), True), ((240, 67), True)])
async def test_the_learning_question_is_large_while_the_team_writes_it(deck, tmp_path, size, large):
    write(tmp_path / "s.toml", harvest_session(deck, "question"))
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=size):
        big = app.screen.query_one("#harvest-big", BigText)
        assert visible(big) and big.text == "Hoe benutten we de thuistaal van onze leerlingen?"
        assert (big.scale >= 1) is large
        assert big.region.right <= size[0] and big.region.bottom <= size[1]


async def test_the_step_plan_is_shown(deck, tmp_path):
    write(tmp_path / "s.toml", harvest_session(deck, "plan"))
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(100, 30)):
        text = shown_text(app)
        assert "Ons stappenplan" in text and "1. Talenportret maken - An 23/11/2026" in text
        assert "Ouders betrekken" not in text


async def test_the_overview_shows_question_priorities_and_plan(deck, tmp_path):
    write(tmp_path / "s.toml", harvest_session(deck, "overview"))
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(160, 45)):
        text = shown_text(app)
        for part in ("Hoe benutten we de thuistaal", "Bij elkaar gaan kijken", "Talenportret maken"):
            assert part in text


async def test_a_shared_field_of_the_cards_own_is_shown_with_its_label(deck, tmp_path):
    session = new_session(
        deck, team="De Linde", now=FIXED_NOW, agenda=["brug-kleuren"], deck_path=str(builtin_deck())
    )
    record = session.record("brug-kleuren")
    record.fields = {"warning": "Te veel losse projecten", "green": "Privé groen"}
    session.live.shared_field = "warning"
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        text = shown_text(app)
        assert "Rood of oranje: waarschuwingslichten" in text
        assert "Te veel losse projecten" in text and "Privé groen" not in text


async def test_a_shared_field_the_card_does_not_have_shows_nothing(deck, tmp_path):
    session = make_session(deck)
    session.record(session.current_card).fields = {"kleur": "Privé"}
    session.live.shared_field = "onbekend"
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert not app.screen.query_one("#shared", Static).display
        assert "Privé" not in shown_text(app)


# --- the look back a returning team's meeting opens with ---------------------------------------


def looking_back(deck: Deck, lang: str = "nl") -> Session:
    """A returning team's new session, its facilitator in the look back (the first card behind it)."""
    session = make_session(deck, lang)
    session.lookback.question = "Hoe betrekken we ouders?"
    session.lookback.question_date = FIXED_NOW.date()
    origin = Origin(session="v1-abc", date=FIXED_NOW.date(), file="2026-10-12-geheime-naam.toml")
    session.lookback.steps = [
        Review(what="Oudercafé", who="Bram", origin=origin),
        Review(what="Woordmuur", status=StepStatus.DONE, learned="Privé: Jan deed niet mee", origin=origin),
    ]
    session.live.lookback = True
    return session


@pytest.mark.parametrize("size", [(80, 24), (160, 45)])
async def test_the_room_sees_the_look_back_not_the_first_card(deck, tmp_path, size):
    session = looking_back(deck)
    path = tmp_path / "s.toml"
    write(path, session)
    app = follow_app(deck, tmp_path, wall=T)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert view(app) == "lookback"
        text = shown_text(app)
        assert "Terugblik op vorige keer" in text and "Onze leervraag van vorige keer" in text
        assert "• Oudercafé — Bram" in text and "• Woordmuur" in text
        question = app.screen.query_one("#lookback-question", BigText)
        assert visible(question) and question.text == "Hoe betrekken we ouders?"
        assert question.scale >= 1, "large, as the harvest's question"
        assert question.region.bottom <= size[1] and question.region.right <= size[0]
        assert title(deck, session) not in text, "no card"
        assert "kaart" not in text and ":00" not in text, "no card, no timer"
        for private in ("Privé", "geheime-naam", "v1-abc", "klaar"):
            assert private not in text
        session.live.lookback = False  # the facilitator goes on to the cards
        write(path, session)
        await until(pilot, lambda: view(app) == "cards")
        text = shown_text(app)
        assert title(deck, session) in text and "kaart 1 van 5" in text
        assert "Terugblik" not in text


async def test_the_look_back_is_shown_in_the_sessions_language(deck, tmp_path):
    session = looking_back(deck, "en")
    session.lookback.steps = []
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(100, 30)):
        text = shown_text(app)
        assert "Looking back on last time" in text and "Our learning question from last time" in text
        assert "No open steps from last time." in text and "Hoe betrekken we ouders?" in text
        assert "Terugblik" not in text


async def test_a_black_screen_hides_the_look_back_too(deck, tmp_path):
    session = looking_back(deck)
    session.live.blank = True
    write(tmp_path / "s.toml", session)
    app = follow_app(deck, tmp_path)
    async with app.run_test(size=(120, 36)):
        assert view(app) == "blank" and shown_text(app).strip() == ""
