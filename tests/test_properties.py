"""Property-based tests: any card content validates or fails clearly; any session round-trips."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from potential_deck.core.deck.load import check
from potential_deck.core.session.models import CardRecord, Harvest, HarvestItem, Opportunity, Session, Step
from potential_deck.core.session.store import from_toml, read, to_toml, write
from potential_deck.core.text.clean import clean, clean_data

HOSTILE = st.sampled_from(
    ['"""', "'''", "\\", "\\n", "\r\n", "\x00", "\x1b[31m", "\t", "é", "👩🏽‍🏫", "]]", "[x]", "#", "="]
)
TEXT = st.lists(st.one_of(st.text(), HOSTILE), max_size=6).map("".join)
TEXTS = st.lists(TEXT, max_size=4)

DEFAULT = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@DEFAULT
@given(title=TEXT, intro=TEXT, questions=TEXTS, tip=TEXT, minutes=st.integers(-5, 300), card_id=TEXT)
def test_any_card_validates_and_round_trips_or_fails_clearly(
    tmp_path: Path, title: str, intro: str, questions: list[str], tip: str, minutes: int, card_id: str
) -> None:
    folder = tmp_path / "deck"
    folder.mkdir(exist_ok=True)
    (folder / "deck.toml").write_text(
        'id = "d"\nversion = "1"\nlanguages = ["nl", "en"]\n[name]\nnl = "D"\nen = "D"\n', encoding="utf-8"
    )
    text = {"title": title, "intro": intro, "questions": questions, "tip": tip}
    card = {"id": card_id, "kind": "start", "minutes": minutes, "nl": text, "en": text}
    (folder / "c.toml").write_text(tomli_w.dumps(card), encoding="utf-8")
    deck, problems = check(folder)
    if deck is None:
        assert problems, "a rejected deck says why"
        for problem in problems:
            assert str(problem).startswith(str(folder)), problem
            assert problem.message
    else:
        loaded = deck.cards[0]
        # control characters are removed on the way in (core.text.clean)
        assert loaded.nl.title == clean(title).strip() and loaded.minutes == minutes
        assert loaded.nl.questions == [clean(q).strip() for q in questions]


@DEFAULT
@given(data=st.binary(max_size=300))
def test_any_bytes_as_a_card_file_never_raise(tmp_path: Path, data: bytes) -> None:
    folder = tmp_path / "deck"
    folder.mkdir(exist_ok=True)
    (folder / "c.toml").write_bytes(data)
    deck, problems = check(folder)
    assert deck is None and problems


NONEMPTY = TEXT.filter(lambda s: clean(s).strip() != "")


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    now = dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC)
    cards = {
        f"c{i}": CardRecord(
            free=draw(TEXT),
            fields={"did": draw(TEXT), "strengths": draw(TEXT)},
            growth=[Opportunity(text=t) for t in draw(st.lists(NONEMPTY, max_size=3))],
        )
        for i in range(draw(st.integers(0, 3)))
    }
    harvest = Harvest(
        items=[
            HarvestItem(text=t, votes=draw(st.integers(0, 9))) for t in draw(st.lists(NONEMPTY, max_size=3))
        ],
        question=draw(TEXT),
        steps=[Step(what=t, who=draw(TEXT)) for t in draw(st.lists(NONEMPTY, max_size=2))],
    )
    return Session(
        team=draw(NONEMPTY),
        facilitator=draw(TEXT),
        participants=draw(TEXTS),
        date=now.date(),
        deck_id="d",
        deck_version="1",
        agenda=["c0"],
        cards=cards,
        harvest=harvest,
        created=now,
        updated=now,
    )


@DEFAULT
@given(session=sessions())
def test_any_session_survives_save_and_load(tmp_path: Path, session: Session) -> None:
    path = tmp_path / "s.toml"
    write(path, session)
    # what comes back is the session without control characters (core.text.clean)
    expected = Session.model_validate(clean_data(session.model_dump(mode="python")))
    assert read(path) == expected
    assert from_toml(to_toml(session), path) == expected
    tomllib.loads(path.read_text(encoding="utf-8"))
