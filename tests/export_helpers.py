"""Sessions for the summary, trajectory, anonymisation and export tests, on the built-in deck."""

from __future__ import annotations

import datetime as dt
import functools
import re

from potential_deck.core.deck import load as decks
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import (
    CoreValue,
    Deck,
    HarvestItem,
    Lang,
    Opportunity,
    Session,
    Step,
    TimerSnapshot,
)

NOW = dt.datetime(2025, 3, 14, 9, 0)
PARTICIPANTS = [
    "Jan Peeters",
    "Jan De Smet",
    "Zoë Çelik",
    "Ömer Yılmaz",
    "Ana-Lucía Gómez",
    "Ann",
    "Lotte Vos",
]
FACILITATOR = "Kees Wouters"
WORDS_THAT_MUST_STAY = ["Annelies", "planning", "januari", "Jansen", "de leerlingen"]


@functools.cache
def deck() -> Deck:
    """The built-in deck, loaded once."""
    return decks.load(builtin_deck())


def empty(
    team: str = "Basisschool De Linde",
    *,
    when: dt.datetime = NOW,
    lang: Lang = "nl",
    participants: list[str] | None = None,
    facilitator: str = "",
) -> Session:
    """A fresh session on the built-in deck's default agenda, nothing noted."""
    return new_session(
        deck(), team=team, now=when, language=lang, participants=participants or [], facilitator=facilitator
    )


def filled(team: str = "Basisschool De Linde", *, when: dt.datetime = NOW, lang: Lang = "nl") -> Session:
    """A session with notes on three cards, a harvest, a question and a step plan.

    Every participant's name and the facilitator's appear somewhere in its texts.
    """
    s = empty(team, when=when, lang=lang, participants=list(PARTICIPANTS), facilitator=FACILITATOR)
    start = s.record("start-diversiteit")
    start.free = (
        "Jan Peeters vertelt over meertaligheid. Zoë's klas telt 9 talen.\n"
        "Annelies (geen deelnemer) plant de planning in januari met Jansen."
    )
    start.fields = {"seen": "ÖMER ziet de leerlingen op de speelplaats; Kees vat samen."}
    start.growth = [
        Opportunity(text="Thuistalen benutten", value=CoreValue.VALUING_DIVERSITY),
        Opportunity(text="Ouders betrekken"),
    ]
    start.timer = TimerSnapshot(budget=600, elapsed=660.0)
    dialogue = s.record("steun-van-collega")
    dialogue.fields = {
        "did": "Lotte's collega Ann hielp.",
        "worked": "jan de smet's aanpak",
        "satisfaction": "Ana-Lucía en Gómez samen",
    }
    dialogue.growth = [Opportunity(text="Co-teaching proberen", value=CoreValue.WORKING_WITH_OTHERS)]
    dialogue.timer = TimerSnapshot(budget=900, elapsed=1200.0)
    hero = s.record("superheld")
    hero.fields = {"strengths": "- Ann's geduld\n- samenwerking\n\n", "challenges": "tijd\nJans twijfel"}
    hero.growth = [Opportunity(text="Tijd maken voor overleg", value=CoreValue.PROFESSIONAL_DEVELOPMENT)]
    hero.timer = TimerSnapshot(budget=900, elapsed=840.0)
    s.harvest.items = [
        HarvestItem(
            text="Thuistalen benutten",
            cards=["start-diversiteit"],
            value=CoreValue.VALUING_DIVERSITY,
            votes=3,
        ),
        HarvestItem(
            text="Ouders betrekken (idee van Lotte)",
            cards=["start-diversiteit"],
            votes=5,
            absorbed=["Ouders betrekken"],
        ),
        HarvestItem(
            text="Co-teaching proberen",
            cards=["steun-van-collega"],
            value=CoreValue.WORKING_WITH_OTHERS,
            votes=3,
        ),
        HarvestItem(
            text="Tijd maken voor overleg",
            cards=["superheld"],
            value=CoreValue.PROFESSIONAL_DEVELOPMENT,
            votes=1,
        ),
    ]
    s.harvest.question = "Hoe kunnen we thuistalen benutten, zoals Ömer voorstelde?"
    s.harvest.question_items = [0, 2]
    s.harvest.steps = [
        Step(what="Bevraging bij ouders", who="Lotte Vos", due=dt.date(2025, 4, 1)),
        Step(what="Lesvoorbereiding samen met Ana-Lucía", who="Jan", done=True),
    ]
    s.harvest.next_meeting = dt.date(2025, 5, 2)
    return s


def big(n: int = 300) -> Session:
    """A session with `n` growth opportunities on cards and `n` harvest items the team reworded."""
    s = empty(participants=["Jan Peeters", "Zoë"])
    values = [*CoreValue, None]
    for index, card_id in enumerate(s.agenda):
        record = s.record(card_id)
        record.free = "\n".join(f"regel {i} over Jan" for i in range(n // 10))
        record.growth = [
            Opportunity(text=f"kaart {index} kans {i}", value=values[i % 5])
            for i in range(n // len(s.agenda))
        ]
        record.timer = TimerSnapshot(elapsed=300.0 + index)
    s.harvest.items = [
        HarvestItem(
            text=f"oogst {i}",
            value=values[i % 5],
            votes=i % 7,
            cards=[s.agenda[i % len(s.agenda)]],
            absorbed=[f"eerst: oogst {i}"],
        )
        for i in range(n)
    ]
    s.harvest.steps = [Step(what=f"stap {i}", who="Zoë", done=i % 2 == 0) for i in range(n)]
    return s


def mentions(text: str, name: str) -> bool:
    """Whether `name` occurs in `text` as a whole word, in any case."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE) is not None


def name_parts(names: list[str]) -> list[str]:
    """Every name and every word of it that is not a particle ("de")."""
    parts = set(names)
    for name in names:
        parts.update(p for p in re.split(r"[\s-]+", name) if p.casefold() not in {"de", "van"})
    return sorted(parts)
