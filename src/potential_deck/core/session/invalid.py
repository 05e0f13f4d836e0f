"""Data a model refused, said for whoever edits the TOML file: the line, the field, what to write.

Shared by the deck loader and the session files. `key_lines` finds where each key of a TOML
text is (tables, arrays of tables, dotted keys; multi-line strings and arrays skipped);
`line_of` the line of a validation error's location. `field_words` names that location as
the file shows it, list positions counted from 1 ("value in the 1st [[cards.x.tags]]");
`plain` says what is wrong and what to write instead, for the common pydantic error types,
never with the value that was there (a wrong value may itself be private text). Works on
the plain error dicts (`ValidationError.errors()`): pydantic is not imported here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

Loc = Sequence[int | str]
KeyPath = tuple[int | str, ...]

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_SPACE = " \t"


# --- where a key is -----------------------------------------------------------------------------


def key_lines(text: str) -> dict[KeyPath, int]:
    """The line (from 1) where each key path of the TOML `text` first appears: a table's
    header, an array table's `[[header]]` (its elements by position, from 0), a key's
    `key = value` line. Lines inside multi-line strings and arrays are not read as keys."""
    lines: dict[KeyPath, int] = {}
    arrays: dict[KeyPath, int] = {}  # an array of tables: the position of its last element
    table: KeyPath = ()
    depth, string = 0, ""  # open brackets and an open multi-line string, from earlier lines

    def note(path: KeyPath, number: int) -> None:
        for end in range(1, len(path) + 1):
            lines.setdefault(path[:end], number)

    def resolve(keys: Sequence[str]) -> KeyPath:
        path: KeyPath = ()
        for key in keys:
            path += (key,)
            if path in arrays:
                path += (arrays[path],)
        return path

    for number, line in enumerate(text.splitlines(), start=1):
        start = 0
        if string:  # inside a multi-line string: only its end matters
            end = line.find(string)
            if end < 0:
                continue
            start, string = end + 3, ""
        if depth or start:
            depth, string = _value_state(line, start, depth)
            continue
        if (header := _header(line)) is not None:
            keys, many = header
            if many:
                whole = (*resolve(keys[:-1]), keys[-1])
                arrays[whole] = arrays.get(whole, -1) + 1
                table = (*whole, arrays[whole])
            else:
                table = resolve(keys)
            note(table, number)
            continue
        parsed = _keys(line, 0)
        if parsed is None:
            continue
        keys, after = parsed
        if after < len(line) and line[after] == "=":
            note(table + tuple(keys), number)
            depth, string = _value_state(line, after + 1, 0)
    return lines


def line_of(lines: Mapping[KeyPath, int], loc: Loc) -> int | None:
    """The line of `loc` (a validation error's location) in a text's `key_lines`: the line of
    the key itself, else of the nearest table around it that the text has (for a missing
    key: its table's header); None when not even that is in the text."""
    path = tuple(loc)
    for end in range(len(path), 0, -1):
        if path[:end] in lines:
            return lines[path[:end]]
    return None


def _keys(line: str, pos: int) -> tuple[list[str], int] | None:
    """The dotted key at `pos` in `line` and the position after it (spaces skipped); None
    when there is no key there."""
    keys: list[str] = []
    while True:
        while pos < len(line) and line[pos] in _SPACE:
            pos += 1
        if pos >= len(line):
            return None
        if line[pos] == '"':
            end = pos + 1
            while end < len(line) and line[end] != '"':
                end += 2 if line[end] == "\\" else 1
            if end >= len(line):
                return None
            try:
                keys.append(str(json.loads(line[pos : end + 1])))
            except ValueError:
                keys.append(line[pos + 1 : end])
            pos = end + 1
        elif line[pos] == "'":
            end = line.find("'", pos + 1)
            if end < 0:
                return None
            keys.append(line[pos + 1 : end])
            pos = end + 1
        elif match := _BARE.match(line, pos):
            keys.append(match.group())
            pos = match.end()
        else:
            return None
        while pos < len(line) and line[pos] in _SPACE:
            pos += 1
        if pos < len(line) and line[pos] == ".":
            pos += 1
            continue
        return keys, pos


def _header(line: str) -> tuple[list[str], bool] | None:
    """The keys of a `[table]` or `[[array table]]` header line, and whether it is the latter."""
    stripped = line.strip()
    many = stripped.startswith("[[")
    if not stripped.startswith("["):
        return None
    parsed = _keys(stripped, 2 if many else 1)
    if parsed is None:
        return None
    keys, pos = parsed
    close = "]]" if many else "]"
    if not stripped.startswith(close, pos):
        return None
    rest = stripped[pos + len(close) :].strip()
    return (keys, many) if not rest or rest.startswith("#") else None


def _value_state(line: str, pos: int, depth: int) -> tuple[int, str]:
    """Brackets still open at the end of `line` (read from `pos`, `depth` open before it) and
    the delimiter of a multi-line string left open ('' when none)."""
    while pos < len(line):
        char = line[pos]
        if line.startswith(('"""', "'''"), pos):
            end = line.find(line[pos : pos + 3], pos + 3)
            if end < 0:
                return depth, line[pos : pos + 3]
            pos = end + 3
            continue
        if char == '"':
            pos += 1
            while pos < len(line) and line[pos] != '"':
                pos += 2 if line[pos] == "\\" else 1
        elif char == "'":
            end = line.find("'", pos + 1)
            pos = end if end >= 0 else len(line)
        elif char == "#":
            break
        elif char in "[{":
            depth += 1
        elif char in "]}":
            depth = max(0, depth - 1)
        pos += 1
    return depth, ""


# --- the field in words -------------------------------------------------------------------------


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def _key(key: int | str) -> str:
    text = str(key)
    return text if _BARE.fullmatch(text) else json.dumps(text, ensure_ascii=False)


def field_words(loc: Loc, data: Any = None, whole: str = "the file") -> str:
    """`loc` as someone reading the TOML file sees it: dotted keys, and each list position
    counted from 1 — "live.position", "value in the 1st [[cards.x.tags]]", "the 2nd item of
    agenda", "text in the 2nd [[harvest.items.parts]] in the 1st [[harvest.items]]". A
    position last in `loc` is named as a table when `data` (the document) holds one there.
    `whole` names an empty `loc`."""
    tables: list[str] = []  # each array table the location is in, outermost first
    keys: list[str] = []  # every key so far: an array table's header
    since: list[str] = []  # the keys since the innermost array table
    item = ""
    for position, part in enumerate(loc):
        if isinstance(part, str):
            keys.append(_key(part))
            since.append(_key(part))
            continue
        last = position == len(loc) - 1
        if (not last and isinstance(loc[position + 1], str)) or (last and isinstance(_at(data, loc), dict)):
            tables.append(f"the {ordinal(part + 1)} [[{'.'.join(keys)}]]")
            since = []
        else:
            item = f"the {ordinal(part + 1)} item of {'.'.join(since) or 'the list'}"
            since = []
    words = item or ".".join(since)
    if tables:
        inner, *outer = reversed(tables)
        words = f"{words} in {inner}" if words else inner
        words += "".join(f" in {table}" for table in outer)
    return words or whole


def _at(data: Any, loc: Loc) -> Any:
    """What `data` holds at `loc` (None when it holds nothing there)."""
    for part in loc:
        if isinstance(part, str) and isinstance(data, dict):
            data = data.get(part)
        elif isinstance(part, int) and isinstance(data, list) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


# --- what is wrong, in plain words --------------------------------------------------------------

_DATE = "write the date as YYYY-MM-DD, without quotes (for example 2025-03-14)"
_DATETIME = "write the date and time as YYYY-MM-DD HH:MM:SS, without quotes (for example 2025-03-14 09:30:00)"
_BY_TYPE: dict[str, tuple[str, str]] = {
    "int_type": ("is not a whole number", "write a whole number, without quotes"),
    "int_parsing": ("is not a whole number", "write a whole number, without quotes"),
    "int_from_float": ("is not a whole number", "write a whole number, without a decimal point"),
    "int_parsing_size": ("is not a whole number of a usable size", "write a smaller whole number"),
    "float_type": ("is not a number", "write a number, without quotes (a point for decimals: 1.5)"),
    "float_parsing": ("is not a number", "write a number, without quotes (a point for decimals: 1.5)"),
    "finite_number": ("is not a number", "write a number, without quotes (a point for decimals: 1.5)"),
    "bool_type": ("is not true or false", "write true or false, without quotes"),
    "bool_parsing": ("is not true or false", "write true or false, without quotes"),
    "string_type": ("is not text", "write text in double quotes"),
    "dict_type": ("is not a table", "write it as a [table] with its keys under it"),
    "model_type": ("is not a table", "write it as a [table] with its keys under it"),
    "model_attributes_type": ("is not a table", "write it as a [table] with its keys under it"),
    "list_type": ("is not a list", "write a list in square brackets, or one [[table]] per item"),
    "tuple_type": ("is not a list", "write a list in square brackets"),
    "set_type": ("is not a list", "write a list in square brackets"),
}


def plain(error: Mapping[str, Any], thing: str = "session") -> tuple[str, str]:
    """What is wrong at a validation error's location and what to write instead, in plain
    words without the value that was there: ("is not a whole number", "write a whole
    number, without quotes"); what is wrong is '' when the fix says it (a rule of our own).
    `thing` is what the file holds ("a field a session has")."""
    kind = str(error["type"])
    ctx: Mapping[str, Any] = error.get("ctx") or {}
    loc = tuple(error.get("loc") or ())
    leaf = next((str(part) for part in reversed(loc) if isinstance(part, str)), "")
    if kind in _BY_TYPE:
        return _BY_TYPE[kind]
    if kind == "missing":
        where = "to that table" if len(loc) > 1 else "above the first [table] header"
        return "is missing", f"add a line {_key(leaf)} = … {where}"
    if kind == "extra_forbidden":
        return f"is not a field a {thing} has", "remove it or check its spelling"
    if kind.startswith("datetime_"):
        return "is not a date and time", _DATETIME
    if kind == "date_from_datetime_inexact":
        return "is not a date", "write the date only, as YYYY-MM-DD, without a time"
    if kind.startswith("date_"):
        return "is not a date", _DATE
    if kind in ("enum", "literal_error"):
        allowed = re.sub(r"'([^']*)'", r'"\1"', str(ctx.get("expected", "")))
        return "is not one of the values allowed here", f"write one of {allowed}"
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        if least == 1:
            return "is empty", "write some text"
        return "is too short", f"write at least {least} characters"
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return ("is empty" if not ctx.get("actual_length") else "has too few items"), (
            f"give at least {least} item{'s' if least != 1 else ''}"
        )
    if kind == "string_too_long":
        return "is too long", f"shorten it to at most {ctx.get('max_length')} characters"
    if kind == "too_long":
        return "has too many items", f"keep at most {ctx.get('max_length')}"
    limits = {
        "greater_than_equal": ("is too small", "of at least", "ge"),
        "greater_than": ("is too small", "above", "gt"),
        "less_than_equal": ("is too large", "of at most", "le"),
        "less_than": ("is too large", "below", "lt"),
    }
    if kind in limits:
        wrong, bound, key = limits[kind]
        return wrong, f"write a number {bound} {_number(ctx.get(key))}"
    if kind in ("value_error", "assertion_error"):
        return "", str(ctx.get("error", "")).strip() or "check it"  # our own words: the rule itself
    message = str(error.get("msg", "")).replace("Input should be", "it should be")
    return "is not a value this file can have here", message or "check it"


def _number(value: Any) -> str:
    """A limit as it is written in the file: 0, not 0.0."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


_LISTED = 5
"""How many lines of the other problems `explain` names."""


def explain(
    errors: Sequence[Mapping[str, Any]], text: str, data: Any, thing: str = "session"
) -> tuple[int | None, str]:
    """The line of the first problem in the file (by line) and all of them in one sentence:
    the field, what is wrong and what to write, then how many more there are and on which
    lines. Never a value from the file."""
    lines = key_lines(text)
    found = sorted(
        ((line_of(lines, error["loc"]), error) for error in errors),
        key=lambda pair: (pair[0] is None, pair[0] or 0),
    )
    (line, first), others = found[0], found[1:]
    wrong, fix = plain(first, thing)
    field = field_words(first["loc"], data, f"the {thing}")
    words = f"{field} {wrong}: {fix}" if wrong else f"{field}: {fix}"
    if others:
        count = len(others)
        where = sorted({other for other, _ in others if other is not None})
        on = ""
        if where:
            numbers = [str(number) for number in where[:_LISTED]]
            if len(where) > _LISTED:
                listed = ", ".join(numbers) + ", …"
            elif len(numbers) > 1:
                listed = ", ".join(numbers[:-1]) + f" and {numbers[-1]}"
            else:
                listed = numbers[0]
            on = f" (line{'s' if len(numbers) > 1 else ''} {listed})"
        words += f"; {count} more problem{'s' if count > 1 else ''} in this file{on}"
    return line, words
