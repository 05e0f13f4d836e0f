"""Anonymised copies of a session: participants' names replaced in every text.

Rules (also in docs/export-json.md, "Anonymised exports"):

- Participant n (in the order of the participant list) becomes "Deelnemer n" / "Participant n".
  The facilitator becomes "Begeleider" / "Facilitator" (or their participant label when the
  facilitator is also on the list) and is left out of the session's header fields.
- A name is matched as a whole word, in any case and with or without its accents ("Zoë",
  "Zoe", "ZOË"; "Émile", "emile"; "Ömer", "Omer"), with Unicode letters: "Ann"
  does not touch "Annelies" or "planning", "Jan" not "januari". A hyphen between letters
  counts as part of a word, so "Ann" leaves "Ann-Sofie" alone while "Ana-Lucía" is one name.
- The full name and its parts are replaced: "Jan Peeters", "Jan", "Peeters", and for "Jan De
  Smet" also "De Smet" and "Smet" (never a particle such as "de" or "van" on its own, nor a
  one-letter initial). The parts of a hyphenated name count too ("Ana", "Lucía").
- A part that belongs to more than one person (two participants called Jan) becomes the
  neutral "een deelnemer" / "a participant" (capitalised at the start of a sentence), so it
  reveals neither of them; each full name still gets its own number.
- Possessives are replaced with the name: "Jans", "Jan's", "Jan’s", "Lotte's", "Kees'" all
  become "Deelnemer 1's".
- Longest names are tried first, in one pass, so a replacement is never replaced again.

Every string of the session is treated except identifiers and the team (the school's name):
notes, fields, growth opportunities, harvest, question, steps. `deck_path` is cleared (a
local path can hold a user name). The input is never changed; a deep copy is returned.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from potential_deck.core.i18n import t
from potential_deck.core.models import Lang, Session

PARTICLES = frozenset({
    "de", "den", "der", "des", "van", "vande", "vanden", "vander", "von", "vom", "zu", "zum",
    "het", "ten", "ter", "te", "t", "'t", "in", "op", "aan", "uit", "la", "le", "les", "du",
    "da", "di", "del", "della", "do", "dos", "das", "e", "y", "el", "al", "bin", "ibn", "bint",
    "mc", "st",
})
"""Name parts never replaced on their own: they are also ordinary words ("de", "van")."""

_APOS = "'’ʼ"
_HYPHENS = "-‐‑"
_SKIP = frozenset({
    "team", "schema_version", "language", "deck_id", "deck_version", "agenda", "cards",
    "value", "stage", "theme", "shared_field",
})
"""Session keys whose strings are identifiers or the team's name, never anonymised."""
_LEFT = rf"(?<!\w)(?<!\w[{_HYPHENS}])"
_RIGHT = rf"(?!\w)(?![{_HYPHENS}]\w)"
_SENTENCE_END = ".!?"


def _fold(text: str) -> str:
    """`text` without accents: "Émile" -> "Emile", "Zoë" -> "Zoe" (letters without a base stay)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _accented() -> dict[str, str]:
    """For each base letter, the accented Latin letters that fold to it ("e" -> "èéêë...")."""
    variants: dict[str, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        ch = chr(code)
        base = _fold(ch).casefold()
        if len(base) == 1 and base != ch.casefold() and ch.isalpha():
            variants[base] = variants.get(base, "") + ch
    return variants


_ACCENTED = _accented()


def _norm(text: str) -> str:
    """A name as a lookup key: no accents, casefolded, one kind of apostrophe and hyphen, one space."""
    text = _fold(text).casefold()
    for ch in _APOS[1:]:
        text = text.replace(ch, "'")
    for ch in _HYPHENS[1:]:
        text = text.replace(ch, "-")
    return " ".join(text.split())


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def aliases(name: str) -> set[str]:
    """The normalised forms of `name` that stand for its person (see the module rules)."""
    tokens = _norm(name).split()
    if not tokens:
        return set()
    found = {" ".join(tokens)}
    for start in range(len(tokens)):
        for end in range(start + 1, len(tokens) + 1):
            span = tokens[start:end]
            if span[-1] in PARTICLES or all(tok in PARTICLES for tok in span):
                continue
            if end - start == 1 and _letters(span[0]) < 2:
                continue
            found.add(" ".join(span))
    for token in tokens:
        parts = token.split("-")
        if len(parts) > 1:
            found.update(p for p in parts if p not in PARTICLES and _letters(p) >= 2)
    return found


def _alias_pattern(alias: str) -> str:
    """Regex for a normalised alias: any apostrophe or hyphen, any run of white space."""
    out = []
    for ch in alias:
        if ch == "'":
            out.append(f"[{_APOS}]")
        elif ch == "-":
            out.append(f"[{_HYPHENS}]")
        elif ch == " ":
            out.append(r"\s+")
        elif ch in _ACCENTED:
            out.append(f"[{re.escape(ch)}{re.escape(_ACCENTED[ch])}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


class Pseudonyms:
    """A text transformer replacing the names of a session's people with their labels."""

    def __init__(
        self, participants: Sequence[str], facilitator: str = "", lang: Lang = "nl"
    ) -> None:
        self.neutral = t(lang, "export.some_participant")
        people: list[tuple[str, str]] = []
        for n, name in enumerate(participants, start=1):
            people.append((name, t(lang, "export.participant", n=n)))
        full_names = {_norm(name): label for name, label in people}
        if facilitator.strip():
            label = full_names.get(_norm(facilitator), t(lang, "export.the_facilitator"))
            people.append((facilitator, label))
        claims: dict[str, set[str]] = {}
        for name, label in people:
            for alias in aliases(name):
                claims.setdefault(alias, set()).add(label)
        self.labels: dict[str, str] = {
            alias: next(iter(owners)) if len(owners) == 1 else self.neutral
            for alias, owners in claims.items()
        }
        self._ordered = sorted(self.labels, key=lambda a: (-len(a), a))
        self.pattern: re.Pattern[str] | None = None
        if self._ordered:
            names = "|".join(_alias_pattern(alias) for alias in self._ordered)
            self.pattern = re.compile(
                rf"{_LEFT}(?P<name>{names})(?P<poss>[{_APOS}]s?|s)?{_RIGHT}", re.IGNORECASE
            )

    def __call__(self, text: str) -> str:
        """`text` with every name replaced."""
        if self.pattern is None or not text:
            return text
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        return self.pattern.sub(lambda m: self._replace(m, text), text)

    def _lookup(self, name: str) -> str:
        """The label of a match whose casefolded key differs from its alias (Turkish ı, ...)."""
        for alias in self._ordered:
            if re.fullmatch(_alias_pattern(alias), name, re.IGNORECASE):
                return self.labels[alias]
        return self.neutral

    def _replace(self, match: re.Match[str], text: str) -> str:
        label = self.labels.get(_norm(match.group("name"))) or self._lookup(match.group("name"))
        if label[:1].islower() and _starts_sentence(text, match.start()):
            label = label[:1].upper() + label[1:]
        poss = match.group("poss")
        if poss:
            apostrophe = poss[0] if poss[0] in _APOS else "'"
            label = f"{label}{apostrophe}s"
        return label


def _starts_sentence(text: str, at: int) -> bool:
    """Whether position `at` begins a sentence, a line or a list item."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    if not line.strip(" \t-•*>"):
        return True
    before = line.rstrip(" \t\"'“(")
    return not before or before[-1] in _SENTENCE_END


def anonymize_text(text: str, participants: Sequence[str], facilitator: str = "",
                   lang: Lang = "nl") -> str:
    """`text` with the names of `participants` and `facilitator` replaced."""
    return Pseudonyms(participants, facilitator, lang)(text)


def anonymize(session: Session) -> Session:
    """A deep copy of `session` with every name replaced and the facilitator left out."""
    replace = Pseudonyms(session.participants, session.facilitator, session.language)
    data = session.model_dump(mode="python")
    data = {key: _walk(value, key, replace) for key, value in data.items()}
    data["facilitator"] = ""
    data["deck_path"] = ""
    data["participants"] = [
        t(session.language, "export.participant", n=n)
        for n in range(1, len(session.participants) + 1)
    ]
    return Session.model_validate(data)


def _walk(value: Any, key: str, replace: Callable[[str], str]) -> Any:
    """`value` with `replace` applied to every plain string not under a skipped key."""
    if isinstance(value, dict):
        return {k: _walk(v, str(k), replace) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk(v, key, replace) for v in value]
    if type(value) is str and key not in _SKIP:
        return replace(value)
    return value
