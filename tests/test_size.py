"""Size: a session of 200 cards with 100 KB of notes each, and a folder of 5,000 sessions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from potential_deck.core.deck.load import load
from potential_deck.core.locations import builtin_deck
from potential_deck.core.report.summary import summarize
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CardRecord, Opportunity
from potential_deck.core.session.store import SessionStore, read, to_toml, write
from potential_deck.core.year.trajectory import read_sessions, team_year

NOW = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)


def test_200_cards_with_100_kb_of_notes_each_save_load_and_summarise(tmp_path: Path) -> None:
    deck = load(builtin_deck())
    session = new_session(deck, team="Groot Team", now=NOW)
    note = ("Een lange notitie over wat werkte. " * 3000)[:100_000]
    for i in range(200):
        session.cards[f"kaart-{i}"] = CardRecord(
            free=note, fields={"strengths": "sterk"}, growth=[Opportunity(text=f"groei {i % 17}")]
        )
    session.agenda = [f"kaart-{i}" for i in range(200)]
    path = tmp_path / "groot.toml"
    write(path, session)
    assert path.stat().st_size > 200 * 100_000
    again = read(path)
    assert again == session
    summary = summarize(again, deck)
    assert len(summary.priorities) == 17, "the same opportunity on many cards is one item"
    assert len(to_toml(again)) == path.stat().st_size


def test_a_folder_of_5000_sessions_lists_and_summarises(tmp_path: Path) -> None:
    deck = load(builtin_deck())
    store = SessionStore(tmp_path)
    template = new_session(deck, team="Jaar Team", now=NOW)
    template.harvest.question = "Hoe kunnen we ouders betrekken?"
    text = to_toml(template)
    for i in range(5000):
        (tmp_path / f"2026-{i:05d}-jaar-team.toml").write_text(text, encoding="utf-8")
    (tmp_path / "kapot.toml").write_text("team = ", encoding="utf-8")
    listed = store.list()
    assert len(listed) == 5001
    assert sum(1 for item in listed if item.error) == 1
    year = team_year(entry for entry in read_sessions([tmp_path]) if isinstance(entry, tuple))
    assert len(year.sessions) == 5000
