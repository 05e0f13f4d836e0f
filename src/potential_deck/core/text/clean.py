"""Clean text in and out: control characters never reach a terminal or an export.

Text from a file, a paste or a keyboard can hold characters that are not text but orders to
the terminal or the renderer: an escape sequence (ESC ``[2J`` wipes a screen, ESC ``]0;...``
sets a window title), a C1 control (U+009B is an escape on some terminals), a lone surrogate
(no UTF-8 encoding: writing it fails), or a bidi override that shows text in another order than
it is stored ("Trojan source"). These are the *unsafe* characters:

- C0 controls U+0000–U+001F except tab and newline (a carriage return becomes a newline on
  the way in: ``\\r\\n`` and a lone ``\\r`` both end a line);
- DEL and the C1 controls, U+007F–U+009F;
- lone surrogates, U+D800–U+DFFF;
- the bidi embeddings, overrides and isolates, U+202A–U+202E and U+2066–U+2069 (the marks
  LRM, RLM and ALM stay: they nudge neutral characters, they cannot reorder a run of text);
- the noncharacters U+FFFE and U+FFFF (not allowed in XML, hence in our HTML).

Zero-width joiners (emoji, Persian), soft hyphens and other invisible format characters are
text and stay; the anonymiser sees through them (``core.report.anonymize``).

**In:** `clean` removes every unsafe character, `clean_data` does so in every string (and key)
of parsed data. `core.session.toml_read.loads` applies it, so session files, deck files, the first card
and settings are clean the moment they are read; the note fields call `clean` on what is typed
or pasted. **Out:** `neutralize` makes what might still be there visible and harmless (ESC
becomes ``␛``, another C0 control its Unicode "control picture", the rest U+FFFD); every export
format and every text the CLI prints go through it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

_UNSAFE_CLASS = "\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069\ufffe\uffff"
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_UNSAFE_OR_CR = re.compile(f"\r\n?|[{_UNSAFE_CLASS}]")

REPLACEMENT = "\ufffd"
"""What `neutralize` shows for an unsafe character that has no control picture."""


def is_clean(text: str) -> bool:
    """Whether `text` holds no unsafe character (and no carriage return)."""
    return _UNSAFE.search(text) is None


def clean(text: str) -> str:
    """`text` without unsafe characters; line ends as ``\\n``; tabs and newlines kept."""
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE_OR_CR.sub(lambda m: "\n" if m.group().startswith("\r") else "", text)


def _each_string(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {change(k) if isinstance(k, str) else k: _each_string(v, change) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_each_string(v, change) for v in value]
    return value


def clean_data(value: Any) -> Any:
    """`value` (parsed TOML or JSON) with `clean` applied to every string and key."""
    return _each_string(value, clean)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return REPLACEMENT


def neutralize(text: str) -> str:
    """`text` safe to print or export: every unsafe character shown as a visible symbol.

    Tabs and newlines stay; a carriage return is shown as ``␍`` (it would move the cursor).
    """
    if _UNSAFE.search(text) is None:
        return text
    return _UNSAFE.sub(_visible, text)


def neutralize_data(value: Any) -> Any:
    """`value` (data about to become JSON or TOML) with every string and key `neutralize`d."""
    return _each_string(value, neutralize)
