"""The first card of a new session, read straight from the deck's files, before the models load.

Drawing a card takes a few strings. Validating the deck takes pydantic and every model, which
cost more time to load than the whole first frame. `peek` reads just what the first card of
`potential-deck run` shows, without validating anything, so the room sees the card at once;
the deck is validated and the session file made right after that first frame, and a deck
with a problem is reported then, exactly as before. Whatever `peek` does not understand
makes it return None, and the app then simply validates first and draws after.

No pydantic here (a test imports this module and checks).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from potential_deck.core import tomlin
from potential_deck.core.clean_text import clean
from potential_deck.core.deck_files import DECK_FILE, card_files
from potential_deck.core.meeting import choose_agenda
from potential_deck.core.vocab import Kind, Lang


class FirstCard(NamedTuple):
    """What the first frame of a new session shows: its team, its first card, what comes next."""

    team: str
    lang: Lang
    kind: Kind
    title: str
    intro: str
    questions: tuple[str, ...]
    tip: str
    minutes: int
    total: int
    """Cards on the agenda."""
    next_title: str | None
    """The second card's title; None when the first card is the only one."""


def peek(deck_path: Path, *, team: str, lang: Lang) -> FirstCard | None:
    """The first card of a new session of `team` with the deck's default agenda, or None
    when the deck's files do not plainly give it (the full loader then says why)."""
    try:
        suggested, tables = _read(deck_path)
        cards = {table["id"]: table for table in tables if isinstance(table.get("id"), str)}
        if len(cards) != len(tables):
            return None
        ids = [(card_id, table.get("kind")) for card_id, table in cards.items()]
        agenda = choose_agenda(suggested, [(card_id, kind) for card_id, kind in ids if isinstance(kind, str)])
        if not agenda or any(card_id not in cards for card_id in agenda):
            return None
        first = cards[agenda[0]]
        text = _text(first, lang)
        kind, minutes = first.get("kind"), first.get("minutes")
        if text is None or kind not in {k.value for k in Kind} or not isinstance(minutes, int):
            return None
        if isinstance(minutes, bool) or not 1 <= minutes <= 240:
            return None
        following = _text(cards[agenda[1]], lang) if len(agenda) > 1 else None
        if len(agenda) > 1 and following is None:
            return None
    except (OSError, UnicodeDecodeError, tomlin.TOMLDecodeError, TypeError, AttributeError):
        return None
    title, intro, questions, tip = text
    return FirstCard(
        team=clean(team).strip(),
        lang=lang,
        kind=Kind(kind),
        title=title,
        intro=intro,
        questions=questions,
        tip=tip,
        minutes=minutes,
        total=len(agenda),
        next_title=following[0] if following else None,
    )


def _read(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    """The deck's suggested agenda and its card tables in deck order, parsed but not checked."""
    if path.is_dir():
        info = tomlin.loads((path / DECK_FILE).read_text(encoding="utf-8"))
        tables: object = [tomlin.loads(p.read_text(encoding="utf-8")) for p in card_files(path)]
    else:
        info = tomlin.loads(path.read_text(encoding="utf-8"))
        tables = info.get("cards")
    suggested = info.get("default_agenda", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise TypeError("no card tables")
    if not isinstance(suggested, list) or not all(isinstance(card_id, str) for card_id in suggested):
        raise TypeError("default_agenda is not a list of ids")
    return suggested, tables


def _text(table: dict[str, Any], lang: Lang) -> tuple[str, str, tuple[str, ...], str] | None:
    """A card's title, intro, questions and tip in `lang`, stripped as the model strips them."""
    words = table.get(lang)
    if not isinstance(words, dict):
        return None
    title, intro, questions, tip = (words.get(k) for k in ("title", "intro", "questions", "tip"))
    tip = "" if tip is None else tip
    if not (isinstance(title, str) and isinstance(intro, str) and isinstance(tip, str)):
        return None
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        return None
    if not (title.strip() and intro.strip() and questions):
        return None
    return title.strip(), intro.strip(), tuple(q.strip() for q in questions), tip

