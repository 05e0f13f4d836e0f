"""Loading a deck from TOML and checking it, reporting every problem with file and line.

A deck is a folder with `deck.toml` (id, name, version, languages, default agenda) and one
TOML file per card, read in file-name order. A single file may also hold a whole deck: the
deck keys at the top and the cards as `[[cards]]` tables.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from potential_deck.core.choices import FieldColour
from potential_deck.core.deck.files import DECK_FILE, card_files
from potential_deck.core.errors import UserError
from potential_deck.core.session import toml_read as tomlin
from potential_deck.core.session.invalid import KeyPath, key_lines, line_of, plain
from potential_deck.core.session.models import LANGS, Card, CoreValue, Deck, DeckInfo, Dimension, Kind


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in a deck, as `FILE:LINE: card ID: field: message`."""

    file: Path
    line: int | None
    card: str | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else f"{self.file}"
        parts = [where]
        if self.card:
            parts.append(f"card {self.card}")
        if self.field:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class DeckError(Exception):
    """A deck that cannot be used; `problems` says everything that is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def _parse(path: Path, problems: list[Problem]) -> tuple[dict[str, Any], str] | None:
    """The TOML in `path` and its text, or None after noting why it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(path, None, None, None, f"cannot read the file ({exc})"))
        return None
    try:
        return tomlin.loads(text), text
    except tomlin.TOMLDecodeError as exc:
        line, reason = tomlin.error_where(exc, text)
        problems.append(
            Problem(path, line, None, None, f"invalid TOML: {reason}; fix the syntax on that line")
        )
        return None


_CHOICES: dict[str, str] = {
    "kind": ", ".join(k.value for k in Kind),
    "dimensions": ", ".join(d.value for d in Dimension),
    "values": ", ".join(v.value for v in CoreValue),
    "languages": ", ".join(LANGS),
    "colour": ", ".join(c.value for c in FieldColour),
}

_LABELS = {
    "kind": "kind",
    "dimensions": "dimension",
    "values": "core value",
    "languages": "language",
    "colour": "colour",
}


def _where(error: Any) -> tuple[int | str, ...]:
    """Where an error is: its location, and for a rule across keys the key it names."""
    loc = tuple(error["loc"])
    hint = (error.get("ctx") or {}).get("field")
    return loc + tuple(str(hint).split(".")) if isinstance(hint, str) and hint else loc


def _explain(error: Any, data: dict[str, Any]) -> str:
    """A validation error in plain words, with what to do about it."""
    loc = _where(error)
    field = next((str(p) for p in loc if isinstance(p, str)), "")
    leaf = str(loc[-1]) if loc else ""
    kind = error["type"]
    value = error.get("input")
    if kind == "card_rule":
        return str(error["ctx"]["message"])
    if kind == "value_error":
        return str(error["ctx"]["error"])
    if kind == "missing":
        if field in LANGS and len(loc) == 1:
            return f"the '{field}' language is missing; add a [{field}] table with title, intro and questions"
        return f"required but missing; add '{loc[-1]} = ...'"
    if kind == "extra_forbidden":
        return f"unknown key '{loc[-1]}'; remove it or check its spelling"
    if kind == "enum" or field in ("kind", "dimensions", "values", "languages"):
        key = leaf if leaf in _LABELS else field
        return f"unknown {_LABELS.get(key, key)} {value!r}; use one of: {_CHOICES.get(key, '')}"
    if field == "minutes":
        if isinstance(value, str):
            return f"{value!r} is text; write the number without quotes, e.g. minutes = 10"
        return f"{value!r} is not allowed; use a whole number of minutes, at least 1"
    if kind == "bool_type":
        return f"{value!r} is not allowed; {plain(error, 'card')[1]}"
    if leaf == "question" and kind in ("int_type", "greater_than_equal"):
        return f"{value!r} is not allowed; write the number of a question of this card, 1 for the first"
    if field == "id" and kind == "string_pattern_mismatch":
        return f"{value!r} is not a slug; use lowercase letters, digits and single hyphens"
    if kind in ("string_too_short", "too_short"):
        return "is empty; write some text here"
    wrong, fix = plain(error, "card")
    return f"{value!r} {wrong}; {fix}" if _scalar(value) else f"{wrong}; {fix}"


def _scalar(value: Any) -> bool:
    """Whether `value` is one short value (a deck's values are shown; a table or list is not)."""
    return not isinstance(value, dict | list) and len(repr(value)) <= 60


def _card_problems(
    path: Path, lines: dict[KeyPath, int], data: Any, within: KeyPath = (), first_line: int = 1
) -> tuple[Card | None, list[Problem]]:
    """Validate one card's table (at `within` in its file, from `first_line`); the card or the
    problems with it."""
    card_id = data.get("id") if isinstance(data, dict) and isinstance(data.get("id"), str) else None
    try:
        return Card.model_validate(data), []
    except ValidationError as exc:
        problems = [
            Problem(
                path,
                line_of(lines, within + _where(err)) or first_line,
                card_id,
                ".".join(str(p) for p in _where(err)) or None,
                _explain(err, data if isinstance(data, dict) else {}),
            )
            for err in exc.errors()
        ]
        return None, problems


def _info_problems(
    path: Path, lines: dict[KeyPath, int], data: dict[str, Any]
) -> tuple[DeckInfo | None, list[Problem]]:
    info_data = {k: v for k, v in data.items() if k != "cards"}
    try:
        return DeckInfo.model_validate(info_data), []
    except ValidationError as exc:
        return None, [
            Problem(
                path,
                line_of(lines, tuple(err["loc"])),
                None,
                ".".join(str(p) for p in err["loc"]),
                _explain(err, info_data),
            )
            for err in exc.errors()
        ]


def check(path: Path) -> tuple[Deck | None, list[Problem]]:
    """Read the deck at `path` (a folder or one file); the deck, or every problem found."""
    problems: list[Problem] = []
    if not path.exists():
        return None, [Problem(path, None, None, None, "no such file or folder; check the path")]
    cards: list[tuple[Path, int, Card]] = []  # each valid card, with the line of its reference
    declared: list[tuple[Path, int, str]] = []  # every card table's id, valid card or not
    info: DeckInfo | None = None
    if path.is_dir():
        deck_file = path / DECK_FILE
        if not deck_file.is_file():
            problems.append(
                Problem(
                    deck_file,
                    None,
                    None,
                    None,
                    "missing; a deck folder needs deck.toml with id, name, version and languages",
                )
            )
        elif parsed := _parse(deck_file, problems):
            info, found = _info_problems(deck_file, key_lines(parsed[1]), parsed[0])
            problems += found
        files = card_files(path)
        if not files:
            problems.append(Problem(path, None, None, None, "no card files (*.toml) in this folder"))
        for card_file in files:
            if parsed := _parse(card_file, problems):
                lines = key_lines(parsed[1])
                _declare(declared, card_file, lines, parsed[0])
                card, found = _card_problems(card_file, lines, parsed[0])
                problems += found
                if card:
                    cards.append((card_file, _reference_line(lines), card))
    elif parsed := _parse(path, problems):
        data, text = parsed
        lines = key_lines(text)
        if "cards" in data:
            info, found = _info_problems(path, lines, data)
            problems += found
            tables = data["cards"] if isinstance(data["cards"], list) else []
            if not tables:
                problems.append(
                    Problem(
                        path,
                        line_of(lines, ("cards",)),
                        None,
                        "cards",
                        "no cards; add one [[cards]] table per card",
                    )
                )
            for number, table in enumerate(tables):
                within: KeyPath = ("cards", number)
                start = line_of(lines, within) or 1
                _declare(declared, path, lines, table, within, start)
                card, found = _card_problems(path, lines, table, within, start)
                problems += found
                if card:
                    cards.append((path, _reference_line(lines, within, start), card))
        else:
            card, found = _card_problems(path, lines, data)
            problems += found
            if card:
                cards.append((path, _reference_line(lines), card))
                problems.append(
                    Problem(
                        path,
                        None,
                        card.id,
                        None,
                        "this file is one card (a valid one), not a deck; use the "
                        "folder that holds it and its deck.toml",
                    )
                )
    problems += _cross_problems(path, info, declared)
    problems += _reference_problems(cards, {card_id for _, _, card_id in declared})
    if problems or info is None:
        return None, problems
    return Deck(info=info, cards=[card for _, _, card in cards]), []


def _declare(
    declared: list[tuple[Path, int, str]],
    file: Path,
    lines: dict[KeyPath, int],
    table: Any,
    within: KeyPath = (),
    start: int = 1,
) -> None:
    """Note a card table's id (valid card or not), for the duplicate check."""
    if isinstance(table, dict) and isinstance(table.get("id"), str):
        declared.append((file, line_of(lines, (*within, "id")) or start, table["id"]))


def _cross_problems(
    path: Path, info: DeckInfo | None, declared: list[tuple[Path, int, str]]
) -> list[Problem]:
    """Rules across cards: unique ids (also among cards with other problems), a known default agenda."""
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for file, line, card_id in declared:
        if card_id in seen:
            problems.append(
                Problem(
                    file,
                    line,
                    card_id,
                    "id",
                    f"duplicate id, also used in {seen[card_id].name}; give each card its own id",
                )
            )
        else:
            seen[card_id] = file
    if info is not None:
        deck_file = path / DECK_FILE if path.is_dir() else path
        for card_id in info.default_agenda:
            if card_id not in seen and declared:
                problems.append(
                    Problem(
                        deck_file,
                        None,
                        None,
                        "default_agenda",
                        f"names card {card_id!r}, which the deck does not have; fix or remove it",
                    )
                )
    return problems


def _reference_line(lines: dict[KeyPath, int], within: KeyPath = (), start: int = 1) -> int:
    """Where a card names another card (`notes_from`), else its id: for problems across cards."""
    for key in ("notes_from", "id"):
        if (*within, key) in lines:
            return lines[(*within, key)]
    return start


def _reference_problems(cards: list[tuple[Path, int, Card]], known: set[str]) -> list[Problem]:
    """Cards that name another card (`notes_from`) must name one the deck has."""
    return [
        Problem(
            file,
            line,
            card.id,
            "notes_from",
            f"names card {card.notes_from!r}, which the deck does not have; fix or remove it",
        )
        for file, line, card in cards
        if card.notes_from is not None and card.notes_from not in known
    ]


def load(path: Path) -> Deck:
    """The deck at `path`; DeckError listing every problem when it cannot be used."""
    deck, problems = check(path)
    if deck is None:
        raise DeckError(problems)
    return deck


def load_for_user(path: Path) -> Deck:
    """The deck at `path`; UserError listing every problem and what to do when it cannot be used."""
    try:
        return load(path)
    except DeckError as exc:
        raise unusable(path, exc) from None


def unusable(path: Path, error: DeckError) -> UserError:
    """The message for a deck at `path` that cannot be used: every problem, and what to do."""
    return UserError(
        f"the deck in {path} cannot be used:\n{error}\n(fix it, then run 'potential-deck validate {path}')"
    )
