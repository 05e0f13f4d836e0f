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

__all__ = ["TOMLDecodeError", "error_where", "loads"]


_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)")
"""Where the parser says a TOML error is."""

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


def error_where(error: TOMLDecodeError, text: str) -> tuple[int | None, str]:
    """The line of a TOML `error` in `text` (counted from 1; the last line for an error at the
    end of the document; None when the parser does not say) and its reason without position."""
    message = str(error)
    match = _POSITION.search(message)
    line = int(match.group(1)) if match else None
    if line is None and "end of document" in message:
        line = max(1, len(text.splitlines()))
    return line, _POSITION.sub("", message).strip()
