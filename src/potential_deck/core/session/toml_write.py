"""A small, fast TOML writer for session data (tomli-w escapes strings one character at a time).

Strings are escaped by `json.dumps`, whose escapes are all valid in TOML basic strings; DEL,
which TOML forbids raw and JSON leaves alone, is escaped as well. Lists of tables become arrays
of tables; every other list is an inline array.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dumps(data: dict[str, Any]) -> str:
    """`data` as a TOML document."""
    out: list[str] = []
    _body(out, (), data)
    return "\n".join(out) + "\n"


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _body(out: list[str], path: tuple[str, ...], table: dict[str, Any]) -> None:
    """The key/value lines of `table`, then its sub-tables and arrays of tables."""
    nested: list[tuple[str, Any]] = []
    for key, value in table.items():
        if (isinstance(value, dict) and value) or _is_table_array(value):
            nested.append((key, value))
        else:
            out.append(f"{_key(key)} = {_value(value)}")
    for key, value in nested:
        child = (*path, key)
        header = ".".join(_key(part) for part in child)
        if isinstance(value, dict):
            out.append("")
            out.append(f"[{header}]")
            _body(out, child, value)
        else:
            for item in value:
                out.append("")
                out.append(f"[[{header}]]")
                _body(out, child, item)
