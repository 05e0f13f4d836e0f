"""Size: the app opens a session of 200 cards with 100 KB of notes each, and autosaves it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Card, CardRecord, CardText, Deck, DeckInfo
from potential_deck.core.session.store import SessionStore, read
from potential_deck.tui.app import PotentialDeckApp
from potential_deck.tui.screens.card import CardScreen

from .conftest import FIXED_NOW
from .helpers import change_saved


def big_deck(n: int) -> Deck:
    text = CardText(title="Kaart", intro="Intro", questions=["Vraag?"])
    cards = [Card(id=f"kaart-{i}", kind="dialogue", minutes=5, nl=text, en=text) for i in range(n)]
    info = DeckInfo(id="groot", name={"nl": "Groot", "en": "Big"}, version="1", languages=["nl", "en"])
    return Deck(info=info, cards=cards)


async def test_a_200_card_session_with_100_kb_notes_opens_and_autosaves(tmp_path: Path, clock) -> None:
    deck = big_deck(200)
    session = new_session(deck, team="Groot Team", now=FIXED_NOW, agenda=[c.id for c in deck.cards])
    note = ("Wat werkte: samen lezen in twee talen. " * 3000)[:100_000]
    for card in deck.cards:
        session.cards[card.id] = CardRecord(free=note)
    store = SessionStore(tmp_path / "sessions")
    path = store.create(session)
    app = PotentialDeckApp(
        deck=deck,
        deck_path=tmp_path,
        store=store,
        settings_path=tmp_path / "settings.toml",
        clock=clock,
        wall=lambda: 1_800_000_000.0,
        now=lambda: FIXED_NOW,
    )
    app.set_initial(read(path), path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, CardScreen)
        assert screen.query_one("#note-free", TextArea).text == note
        await pilot.press("pagedown", "pagedown")
        await pilot.press("!")  # typing goes on where the card's notes end
        await pilot.press("pagedown")
        await change_saved(pilot)
        saved = read(path)
        assert saved.live.position == 3
        assert saved.cards["kaart-2"].free == note + "!", "the typed key is saved"
        assert saved.cards["kaart-199"].free == note
