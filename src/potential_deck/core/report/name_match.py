"""Text as a reader sees it, for finding names whatever bytes spell them.

`shadow(text)` is a folded copy of `text` for matching, with the position in `text` of each
of its characters:

- invisible characters are dropped: format characters (soft hyphen U+00AD, zero-width space,
  joiners, word joiner, byte-order mark, bidi marks), combining marks, Hangul fillers;
- look-alike letters become the letter they look like: compatibility forms by NFKD
  (full-width ``Ｊａｎ``, mathematical ``𝐉𝐚𝐧``, ligatures), Cyrillic and Greek letters that
  look Latin (``Јаn``), and Latin letters without a decomposition (``ł``, ``ø``, ``ı``, ``đ``);
- accents are removed and case is folded; every apostrophe becomes ``'`` and every hyphen ``-``.

So "Jan", "JAN", "Ｊａｎ", "J\\u00adan" and "Јаn" all shadow to "jan"; a match in the shadow maps
back to the span of the original text (`Shadow.span`).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

APOSTROPHES = "'’ʼ‘`´′＇ʻʹ"
HYPHENS = "-‐‑‒﹣－"
_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u2800")
_LOOKALIKE = {
    # Cyrillic (after case folding)
    "а": "a",
    "в": "b",
    "е": "e",
    "к": "k",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "с": "c",
    "т": "t",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "ԁ": "d",
    "һ": "h",
    "ӏ": "l",
    "ԛ": "q",
    "ԝ": "w",
    "ү": "y",
    # Greek
    "α": "a",
    "β": "b",
    "ε": "e",
    "η": "h",
    "ι": "i",
    "κ": "k",
    "μ": "m",
    "ν": "n",
    "ο": "o",
    "ρ": "p",
    "τ": "t",
    "υ": "y",
    "χ": "x",
    "ζ": "z",
    # Latin letters without a decomposition
    "ł": "l",
    "ø": "o",
    "ı": "i",
    "đ": "d",
    "ð": "d",
    "ħ": "h",
    "ŧ": "t",
    "ŀ": "l",
    "ɡ": "g",
    "ß": "ss",
    "æ": "ae",
    "œ": "oe",
    "þ": "th",
    "ĸ": "k",
    "ſ": "s",
}
LETTER = r"[^\W\d_]"
"""A letter (of the shadow): digits and the underscore are not, so "Jan2" and "jan_p" hold Jan."""


@functools.lru_cache(maxsize=4096)
def fold_char(ch: str) -> str:
    """What one character is in the shadow ("" for an invisible one)."""
    if ch in APOSTROPHES:
        return "'"
    if ch in HYPHENS:
        return "-"
    category = unicodedata.category(ch)
    if category in ("Cf", "Mn", "Me") or ch in _INVISIBLE:
        return ""
    if category.startswith(("Z", "C")):
        return ch
    out = []
    for part in unicodedata.normalize("NFKD", ch):
        if unicodedata.combining(part):
            continue
        for low in unicodedata.normalize("NFKD", part.casefold()):
            if not unicodedata.combining(low):
                out.append(_LOOKALIKE.get(low, low))
    return "".join(out)


_ASCII = str.maketrans({"`": "'"})


@dataclass(frozen=True, slots=True)
class Shadow:
    """A folded copy of a text; `index[i]` is where shadow character i came from."""

    source: str
    text: str
    index: list[int] | None  # None: the same positions as `source`

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The span of `source` that shadow characters `start`..`end` came from.

        Invisible characters and combining marks right after it are included.
        """
        if self.index is None:
            return start, end
        first, last = self.index[start], self.index[end - 1] + 1
        while (
            last < len(self.source) and fold_char(self.source[last]) == "" and not self.source[last].isspace()
        ):
            last += 1
        return first, last


def shadow(text: str) -> Shadow:
    """The shadow of `text` (see the module docstring)."""
    if text.isascii():
        return Shadow(text, text.lower().translate(_ASCII), None)
    chars: list[str] = []
    index: list[int] = []
    for position, ch in enumerate(text):
        folded = ch.lower().translate(_ASCII) if ch.isascii() else fold_char(ch)
        chars.append(folded)
        index.extend([position] * len(folded))
    return Shadow(text, "".join(chars), index)


def fold(text: str) -> str:
    """The shadow text alone, white space collapsed: a name as a lookup key."""
    return " ".join(shadow(text).text.split())


def canonical(text: str) -> str:
    """`fold(text)` with only its letters and digits: "D'Hondt", "Dhondt", "d-hondt" -> "dhondt"."""
    return re.sub(r"[\W_]+", "", fold(text))
