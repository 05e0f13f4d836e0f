"""Reading TOML: `tomli` where installed (the same parser as the standard `tomllib`, but a
compiled build, four times faster on session files), else `tomllib`.

Every string read (and every key) is cleaned of control characters (`core.text.clean`), so
session files, deck files and settings never bring an escape sequence into the app.
"""

from __future__ import annotations

import re
from typing import Any

from potential_deck.core.text.clean import clean_data, is_clean

try:
    from tomli import TOMLDecodeError
    from tomli import loads as _loads
except ImportError:  # pragma: no cover - tomli is a dependency; tomllib is the safety net
    from tomllib import TOMLDecodeError  # type: ignore[assignment]
    from tomllib import loads as _loads

__all__ = ["TOMLDecodeError", "loads"]


_ESCAPES = re.compile(r"\\[bfreuU]")
"""TOML escapes that can make a control character (or a bidi override) inside a string."""


def loads(text: str) -> dict[str, Any]:
    """The TOML document in `text`, every string cleaned (TOMLDecodeError when it is not TOML).

    A text with no unsafe character and no escape that could make one is clean once parsed:
    then the walk over every string is skipped (it costs as much as the parsing)."""
    data: dict[str, Any] = _loads(text)
    if is_clean(text) and _ESCAPES.search(text) is None:
        return data
    cleaned: dict[str, Any] = clean_data(data)
    return cleaned
