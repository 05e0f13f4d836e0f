"""The card a session opens on, read straight from the TOML files before the models load.

Loading pydantic and validating a deck and a session takes longer than drawing the whole first
screen. So `run` and `resume` first read, with the fast TOML parser only, what the first screen
shows — the card's words, its note fields, what is already written there, the timer — and the
app draws it with its note fields taking keys at once; the models load in a thread meanwhile,
and the screen then works on the validated session (`tui.screens.card`). Anything these readers
do not plainly understand makes them return None: the app then loads first and draws after,
and the full loader says what is wrong.

The note fields come from `core.deck.fields`, the one place that knows them, given a
plain-data stand-in for the card (`CardShape`). No pydantic here (a test checks).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from potential_deck.core.choices import LANGS, FieldColour, Kind, Lang
from potential_deck.core.deck.fields import note_fields
from potential_deck.core.deck.files import DECK_FILE, card_files
from potential_deck.core.session import toml_read as tomlin
from potential_deck.core.session.meeting import choose_agenda
from potential_deck.core.session.timer import card_budget

Field = tuple[str, str, str | None]
"""(field id, label, colour name or None), as the notes panel shows a field."""


class FirstCard(NamedTuple):
    """What the first screen of a session shows before its models are loaded."""

    team: str
    lang: Lang
    card_id: str
    kind: Kind
    title: str
    intro: str
    questions: tuple[str, ...]
    tip: str
    budget: int
    """The timer's budget in seconds."""
    elapsed: float
    """Seconds the timer had counted (a resumed session)."""
    fields: tuple[Field, ...]
    notes: dict[str, str]
    """What is already written in those fields."""
    position: int
    total: int
    next_title: str | None
    projection: bool
    leads_to_harvest: bool


# NamedTuples rather than dataclasses: this module is imported on the way to the first frame,
# and making a frozen dataclass costs ~0.9 ms (a NamedTuple ~0.1 ms).
class _Words(NamedTuple):
    questions: tuple[str, ...]


class _Spec(NamedTuple):
    id: str
    nl: str
    en: str
    colour: FieldColour | None
    question: int | None


class CardShape(NamedTuple):
    """A card as `core.deck.fields` reads it, from plain TOML data."""

    kind: Kind
    fields: tuple[_Spec, ...] | None
    leads_to_harvest: bool
    nl: _Words
    en: _Words


class _Record(NamedTuple):
    fields: dict[str, str]


class _Unclear(Exception):
    """The files do not plainly give the first card: load first, then draw."""


def peek_new(deck_path: Path, *, team: str, lang: Lang) -> FirstCard | None:
    """The first card of a new session of `team` with the deck's default agenda, or None."""
    try:
        suggested, tables = _read_deck(deck_path)
        agenda = choose_agenda(suggested, [(card_id, _str(t.get("kind"))) for card_id, t in tables.items()])
        return _first(tables, agenda, 0, team=team.strip(), lang=lang, record={}, timer={})
    except (_Unclear, OSError, UnicodeDecodeError, tomlin.TOMLDecodeError, TypeError, ValueError, KeyError):
        return None


def plainly_readable(deck_path: Path) -> bool:
    """Whether the deck's files parse and would give a new session its first card (not validated)."""
    return peek_new(deck_path, team="-", lang="nl") is not None


def peek_saved(session_path: Path, deck_for: Callable[[str], Path]) -> FirstCard | None:
    """The card a saved session stands on (when it stands on a card), or None.

    `deck_for(deck_path)` says which deck to read, from the session's own `deck_path`.
    """
    try:
        data = tomlin.loads(session_path.read_text(encoding="utf-8"))
        deck_path = deck_for(_str(data.get("deck_path", "")))
        live = _table(data.get("live", {}))
        if live.get("stage", "cards") != "cards" or live.get("blank", False):
            return None
        agenda = data["agenda"]
        if not isinstance(agenda, list) or not all(isinstance(card_id, str) for card_id in agenda):
            return None
        position = live.get("position", 0)
        lang = data.get("language", "nl")
        if not isinstance(position, int) or not 0 <= position < len(agenda) or lang not in LANGS:
            return None
        _, tables = _read_deck(deck_path)
        record = _table(_table(data.get("cards", {})).get(agenda[position], {}))
        first = _first(
            tables,
            agenda,
            position,
            team=_str(data["team"]).strip(),
            lang=lang,
            record=record,
            timer=_table(record.get("timer", {})),
        )
        return first._replace(projection=bool(live.get("projection", False)))
    except (_Unclear, OSError, UnicodeDecodeError, tomlin.TOMLDecodeError, TypeError, ValueError, KeyError):
        return None


def _first(
    tables: dict[str, dict[str, Any]],
    agenda: list[str],
    position: int,
    *,
    team: str,
    lang: Lang,
    record: dict[str, Any],
    timer: dict[str, Any],
) -> FirstCard:
    if not team or not agenda or any(card_id not in tables for card_id in agenda):
        raise _Unclear
    card_id = agenda[position]
    table = tables[card_id]
    title, intro, questions, tip = _words(table, lang)
    kind, minutes = Kind(_str(table.get("kind"))), table.get("minutes")
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 1 <= minutes <= 240:
        raise _Unclear
    if table.get("notes_from") is not None:
        raise _Unclear  # the earlier card's notes: the loaded session shows them
    shape = _shape(table, kind)
    notes = {
        "free": _str(record.get("free", "")),
        "growth": "\n".join(_str(_table(item).get("text", "")) for item in record.get("growth", [])),
    }
    fields_text = _table(record.get("fields", {}))
    notes.update({name: _str(text) for name, text in fields_text.items()})
    fields = tuple(
        (f.id, f.label(lang), f.colour.value if f.colour else None)
        for f in note_fields(shape, _Record({k: v for k, v in notes.items() if k not in ("free", "growth")}))
    )
    budget = timer.get("budget", 0)
    elapsed = timer.get("elapsed", 0.0)
    if not isinstance(budget, int) or not isinstance(elapsed, int | float) or budget < 0 or elapsed < 0:
        raise _Unclear
    following = agenda[position + 1] if position + 1 < len(agenda) else None
    return FirstCard(
        team=team,
        lang=lang,
        card_id=card_id,
        kind=kind,
        title=title,
        intro=intro,
        questions=questions,
        tip=tip,
        budget=card_budget(budget, minutes),
        elapsed=float(elapsed),
        fields=fields,
        notes=notes,
        position=position,
        total=len(agenda),
        next_title=_words(tables[following], lang)[0] if following else None,
        projection=False,
        leads_to_harvest=bool(table.get("leads_to_harvest", False)),
    )


def _shape(table: dict[str, Any], kind: Kind) -> CardShape:
    specs: tuple[_Spec, ...] | None = None
    if "fields" in table:
        raw = table["fields"]
        if not isinstance(raw, list):
            raise _Unclear
        specs = tuple(
            _Spec(
                _str(s["id"]),
                _str(s.get("nl", "")),
                _str(s.get("en", "")),
                FieldColour(s["colour"]) if s.get("colour") is not None else None,
                s.get("question") if isinstance(s.get("question"), int) else None,
            )
            for s in map(_table, raw)
        )
    nl, en = (_Words(_words(table, lang)[2]) for lang in LANGS)
    return CardShape(kind, specs, bool(table.get("leads_to_harvest", False)), nl, en)


def _read_deck(path: Path) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The deck's suggested agenda and its card tables by id, in deck order, parsed not checked."""
    if path.is_dir():
        info = tomlin.loads((path / DECK_FILE).read_text(encoding="utf-8"))
        tables: object = [tomlin.loads(p.read_text(encoding="utf-8")) for p in card_files(path)]
    else:
        info = tomlin.loads(path.read_text(encoding="utf-8"))
        tables = info.get("cards")
    suggested = info.get("default_agenda", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise _Unclear
    if not isinstance(suggested, list) or not all(isinstance(card_id, str) for card_id in suggested):
        raise _Unclear
    by_id = {t["id"]: t for t in tables if isinstance(t.get("id"), str)}
    if len(by_id) != len(tables):
        raise _Unclear
    return suggested, by_id


def _words(table: dict[str, Any], lang: Lang) -> tuple[str, str, tuple[str, ...], str]:
    """A card's title, intro, questions and tip in `lang`, stripped as the model strips them."""
    words = _table(table.get(lang))
    title, intro, questions, tip = (words.get(k) for k in ("title", "intro", "questions", "tip"))
    tip = "" if tip is None else tip
    if not (isinstance(title, str) and isinstance(intro, str) and isinstance(tip, str)):
        raise _Unclear
    if not isinstance(questions, list) or not all(isinstance(q, str) and q.strip() for q in questions):
        raise _Unclear
    if not (title.strip() and intro.strip() and questions):
        raise _Unclear
    return title.strip(), intro.strip(), tuple(q.strip() for q in questions), tip


def _table(value: object) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _Unclear
    return value


def _str(value: object) -> str:
    if not isinstance(value, str):
        raise _Unclear
    return value
