"""Writing TOML: tomli-w writes every key and value; this module only lays out the tables.

tomli-w escapes every string (control characters and DEL too, so nothing unsafe is written
raw), quotes keys, and writes numbers and dates. What it does not offer is the layout our
files have: a list of tables is always an array of tables (`[[cards.x.growth]]`), never an
inline array, however short, so a session file reads the same for one opportunity as for
ten. So each table's plain values go to tomli-w, and its sub-tables follow under their
headers, in order. Strings stay on one line (`\\n` escapes): a multi-line TOML string cannot
keep a `\\r\\n` as written, and what is written must read back the same.

What the layout costs over one `tomli_w.dumps` of the whole document: `bench/toml_write.py`
(about 5%; the writer we had before was 3× faster than either, in a thread no user waits on).
"""

from __future__ import annotations

import re
from typing import Any

import tomli_w


def dumps(data: dict[str, Any]) -> str:
    """`data` as a TOML document."""
    out: list[str] = []
    _table(out, "", data)
    return "\n".join(out) + "\n"


def _table(out: list[str], header: str, table: dict[str, Any]) -> None:
    """The plain values of `table` (by tomli-w), then its sub-tables under their headers."""
    plain: dict[str, Any] = {}
    nested: list[tuple[str, Any]] = []
    for key, value in table.items():
        if _nested(value):
            nested.append((key, value))
        else:
            plain[key] = value
    if plain:
        out.append(tomli_w.dumps(plain).rstrip("\n"))
    for key, value in nested:
        child = f"{header}.{_key(key)}" if header else _key(key)
        if isinstance(value, dict):
            out += ["", f"[{child}]"]
            _table(out, child, value)
        else:
            for item in value:
                out += ["", f"[[{child}]]"]
                _table(out, child, item)


def _nested(value: Any) -> bool:
    """Whether `value` is written under a header: a table, or a list of tables."""
    if isinstance(value, dict):
        return True
    return isinstance(value, list | tuple) and bool(value) and all(isinstance(item, dict) for item in value)


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def _key(key: str) -> str:
    """`key` as tomli-w writes it: bare when it may be, else quoted (by tomli-w)."""
    if _BARE_KEY.fullmatch(key):
        return key
    return tomli_w.dumps({key: 0}).rsplit(" = ", 1)[0]
