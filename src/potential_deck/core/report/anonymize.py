"""Anonymised copies of a session: participants' names replaced in every text.

Rules (also in README.md, "Anonymised exports"):

- Participant n (in the order of the participant list) becomes "Deelnemer n" / "Participant n".
  The facilitator becomes "Begeleider" / "Facilitator" (or their participant label when the
  facilitator is also on the list) and is left out of the session's header fields.
- **What a reader would recognise goes, whatever bytes spell it.** Text is matched through
  its shadow (`core.report.name_match`): any case, with or without accents ("Zoë", "zoe", "ZOË"),
  with an invisible character inside ("J\\u00adan", "Jan\\u200bPeeters"), in look-alike
  letters (full-width "Ｊａｎ", Cyrillic "Јаn", "Yilmaz" for "Yılmaz", "Lukasz" for "Łukasz"),
  without its apostrophe or with a space or hyphen instead ("Dhondt", "D Hondt" for "D'Hondt"),
  a full name glued, or joined by "_" or "." ("JanPeeters", "jan.peeters@school.be"), and an
  initial before a surname ("J. Peeters").
- A name is a whole word: no letter (nor hyphen and letter) right before or after it. Digits
  and "_" are not letters, so "Jan2" and "jan_p" are Jan; "Annelies", "planning", "januari",
  "Jansen" and "Ann-Sofie" are not Ann or Jan; "Ana-Lucía" is one name.
- The full name and its parts are replaced: "Jan Peeters", "Jan", "Peeters", and for "Jan De
  Smet" also "De Smet" and "Smet" (never a particle such as "de", "van", "el" on its own, nor a
  one-letter initial). The parts of a hyphenated name count too ("Ana", "Lucía").
- A part that belongs to more than one person (two participants called Jan) becomes the
  neutral "een deelnemer" / "a participant" (capitalised at the start of a sentence), so it
  reveals neither of them; each full name still gets its own number.
- Possessives are replaced with the name: "Jan's", "Lotte's", "Kees'" become "Deelnemer
  1's" (an apostrophe and suffix are kept as written: "Jan’s", Turkish "Ömer'in" ->
  "Deelnemer 4'in"); "Lottes" too, but a bare "s" only after a name of three letters or more
  that is not an ordinary word: "Ans" is not An's.
- **A name that is also an ordinary word** (`core.report.name_words.COMMON_WORDS` of the session's
  language: Roos, Els, Ben, Lieve, Vos in Dutch; An, Will, Mark, Hope, May in English) is
  replaced only where it is used as a name: written with a capital (or in capitals) inside a
  sentence, with a possessive, or at the start of a sentence when a verb of speech or action
  follows ("Roos zei", "Will shared"; `NAME_VERBS`) or "and"/"en" and a capitalised word
  ("Will and Hope agreed"). Written in lower case ("roos in de klas",
  "an idea", "I will") or at the start of a sentence without such a verb ("Hope is what we
  need", "Will you help?") it stays a word. Such a word is still listed by `occurrences` as
  not replaced, so the facilitator can switch it on in the preview.
- Longest names are tried first, in one pass, so a replacement is never replaced again.

Every string of the session is treated except identifiers and the team (the school's name):
notes, fields, growth opportunities, harvest, question, steps. `deck_path` is cleared (a
local path can hold a user name). The input is never changed; a deep copy is returned.

`occurrences(session)` lists every match with where it is, its context, its label and whether
it is replaced by default; `anonymize(session, choices=...)` applies the facilitator's choices
(`Occurrence.key` -> replace or not) over those defaults.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from potential_deck.core.report.name_match import LETTER, Shadow, canonical, fold, shadow
from potential_deck.core.report.name_words import COMMON_WORDS, NAME_VERBS
from potential_deck.core.room.contributions import names_given
from potential_deck.core.session.models import Lang, Session
from potential_deck.core.text.i18n import t

PARTICLES = frozenset(
    {
        "de",
        "den",
        "der",
        "des",
        "van",
        "vande",
        "vanden",
        "vander",
        "von",
        "vom",
        "zu",
        "zum",
        "het",
        "ten",
        "ter",
        "te",
        "t",
        "'t",
        "in",
        "op",
        "aan",
        "uit",
        "la",
        "le",
        "les",
        "du",
        "da",
        "di",
        "del",
        "della",
        "do",
        "dos",
        "das",
        "e",
        "y",
        "el",
        "al",
        "bin",
        "ibn",
        "bint",
        "mc",
        "st",
        "ait",
        "ou",
        "ould",
        "bou",
        "abou",
    }
)
"""Name parts never replaced on their own: they are also ordinary words ("de", "van")."""

_SKIP = frozenset(
    {
        "team",
        "schema_version",
        "language",
        "deck_id",
        "deck_version",
        "agenda",
        "cards",
        "value",
        "stage",
        "theme",
        "shared_field",
    }
)
"""Session keys whose strings are identifiers or the team's name, never anonymised."""
_LEFT = rf"(?<!{LETTER})(?<!{LETTER}-)"
_RIGHT = rf"(?!{LETTER})(?!-{LETTER})"
_BETWEEN = r"[\s_.'-]*"
_SENTENCE_END = ".!?"
_NEXT_WORD = re.compile(r"[\s,:;]*([^\W\d_][^\W\d_'’-]*)")
CONTEXT = 30
"""Characters of context shown on each side of an occurrence."""


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def aliases(name: str) -> set[str]:
    """The folded forms of `name` that stand for its person (see the module rules)."""
    tokens = fold(name).split()
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
    if len(tokens) > 1 and _letters(tokens[0]) >= 1:
        found.add(f"{tokens[0][0]}. {' '.join(tokens[1:])}")  # "J. Peeters"
    return found


def _alias_pattern(alias: str) -> str:
    """Regex (on the shadow) for an alias: the separators a writer may drop or change."""
    tokens = []
    for token in alias.split(" "):
        out = []
        for ch in token:
            if ch == "'":
                out.append(r"(?:'|\s|-)?")
            elif ch == "-":
                out.append(r"(?:-|\s+)?")
            elif ch == ".":
                out.append(r"\.?")
            else:
                out.append(re.escape(ch))
        tokens.append("".join(out))
    return _BETWEEN.join(tokens)


@dataclass(frozen=True, slots=True)
class Found:
    """One name found in a text."""

    start: int
    end: int
    label: str
    replace: bool
    """Replaced unless the facilitator says otherwise (False: it reads as an ordinary word)."""
    word: bool
    """The name is also an ordinary word (the facilitator may want to check)."""


class Pseudonyms:
    """A text transformer replacing the names of a session's people with their labels."""

    def __init__(self, participants: Sequence[str], facilitator: str = "", lang: Lang = "nl") -> None:
        self.lang = lang
        self.neutral = t(lang, "export.some_participant")
        self.common = COMMON_WORDS[lang]
        self.verbs = NAME_VERBS[lang]
        people: list[tuple[str, str]] = []
        for n, name in enumerate(participants, start=1):
            people.append((name, t(lang, "export.participant", n=n)))
        full_names = {canonical(name): label for name, label in people}
        if facilitator.strip():
            label = full_names.get(canonical(facilitator), t(lang, "export.the_facilitator"))
            people.append((facilitator, label))
        claims: dict[str, set[str]] = {}
        forms: dict[str, str] = {}
        for name, label in people:
            for alias in aliases(name):
                key = canonical(alias)
                if key:
                    claims.setdefault(key, set()).add(label)
                    forms.setdefault(key, alias)
        self.labels: dict[str, str] = {
            key: next(iter(owners)) if len(owners) == 1 else self.neutral for key, owners in claims.items()
        }
        self.single = {key for key, alias in forms.items() if " " not in alias}
        ordered = sorted(forms.values(), key=lambda a: (-len(a), a))
        self.pattern: re.Pattern[str] | None = None
        if ordered:
            names = "|".join(_alias_pattern(alias) for alias in ordered)
            self.pattern = re.compile(rf"{_LEFT}(?P<name>{names})(?P<poss>'{LETTER}{{1,5}}|'|s)?{_RIGHT}")

    def find(self, text: str) -> list[Found]:
        """Every name in `text`, with its label and whether it is replaced by default."""
        if self.pattern is None or not text:
            return []
        folded = shadow(text)
        found = []
        for match in self.pattern.finditer(folded.text):
            result = self._judge(text, folded, match)
            if result is not None:
                found.append(result)
        return found

    def __call__(self, text: str, choose: Callable[[Found], bool] | None = None) -> str:
        """`text` with every name replaced (or those `choose` says yes to)."""
        found = self.find(text)
        if not found:
            return text
        out, last = [], 0
        for item in found:
            if choose(item) if choose is not None else item.replace:
                out += [text[last : item.start], item.label]
                last = item.end
        out.append(text[last:])
        return "".join(out)

    def _judge(self, text: str, folded: Shadow, match: re.Match[str]) -> Found | None:
        key = canonical(match.group("name"))
        label = self.labels.get(key, self.neutral)
        poss = match.group("poss") or ""
        common = key in self.single and key in self.common
        if poss == "s" and (len(key) < 3 or common):
            return None  # "Ans" is not An's; "Roos" + s is not a possessive
        start, end = folded.span(match.start(), match.end())
        if poss == "s" or poss == "'":
            label = f"{label}'s"
        elif poss:  # "Jan’s" keeps its apostrophe; "Ömer'in" its suffix
            end_of_name = folded.span(match.start(), match.end("name"))[1]
            written = text[end_of_name:end]
            label += f"{written[:1]}s" if poss == "'s" else written
        at_start = _starts_sentence(text, start)
        if label[:1].islower() and at_start:
            label = label[:1].upper() + label[1:]
        replace = True
        if common:
            replace = self._used_as_name(text, start, end, poss, at_start)
        return Found(start, end, label, replace, common)

    def _used_as_name(self, text: str, start: int, end: int, poss: str, at_start: bool) -> bool:
        """Whether a name that is also a word is used as a name here (see the module rules)."""
        first = next((ch for ch in text[start:end] if ch.isalpha()), "")
        if not first.isupper():
            return False
        if poss.startswith("'") or not at_start:
            return True
        following = _NEXT_WORD.match(text, end)
        if following is None:
            return False
        word = fold(following.group(1))
        if word in ("en", "and"):  # "Will and Hope agreed": names side by side
            second = _NEXT_WORD.match(text, following.end())
            return second is not None and second.group(1)[:1].isupper()
        return word in self.verbs


def _starts_sentence(text: str, at: int) -> bool:
    """Whether position `at` begins a sentence, a line or a list item."""
    line = text[text.rfind("\n", 0, at) + 1 : at]
    if not line.strip(" \t-•*>"):
        return True
    before = line.rstrip(" \t\"'“(")
    return not before or before[-1] in _SENTENCE_END


def anonymize_text(text: str, participants: Sequence[str], facilitator: str = "", lang: Lang = "nl") -> str:
    """`text` with the names of `participants` and `facilitator` replaced."""
    return Pseudonyms(participants, facilitator, lang)(text)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A name found in a session, as the preview lists it."""

    key: str
    """Stable id for a choice: the field and the position, "cards.superheld.free@12"."""
    where: str
    """The field: "cards.superheld.free", "harvest.steps.0.who", ..."""
    found: str
    """The text as written ("Jan", "Ｊａｎ")."""
    label: str
    """What replaces it ("Deelnemer 1", "Deelnemer 1's")."""
    before: str
    after: str
    """Up to `CONTEXT` characters on each side, on one line."""
    replace: bool
    """Replaced unless the facilitator says otherwise."""
    word: bool
    """The name is also an ordinary word."""


def _pseudonyms(session: Session, extra_names: Sequence[str]) -> Pseudonyms:
    given = [name for name in names_given(session) if name not in session.participants]  # on phones
    names = [*session.participants, *dict.fromkeys(n for n in [*extra_names, *given] if n.strip())]
    return Pseudonyms(names, session.facilitator, session.language)


def _strings(value: Any, path: str, key: str) -> Iterator[tuple[str, str]]:
    """(path, text) of every plain string of `value` not under a skipped key."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{path}.{k}" if path else str(k), str(k))
    elif isinstance(value, list):
        for n, v in enumerate(value):
            yield from _strings(v, f"{path}.{n}", key)
    elif type(value) is str and key not in _SKIP:
        yield path, value


def _without_phone_names(items: list[dict[str, Any]]) -> None:
    """No name stays on what was sent from a phone (issue 17): it counts as sent anonymously."""
    for item in items:
        if item.get("room"):
            item["room"]["by"] = ""
        _without_phone_names(item.get("parts", []))


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def occurrences(session: Session, extra_names: Sequence[str] = ()) -> list[Occurrence]:
    """Every name the anonymiser finds in `session`, in the order of the session's fields."""
    names = _pseudonyms(session, extra_names)
    data = _texts(session)
    result = []
    for path, text in _strings(data, "", ""):
        for item in names.find(text):
            result.append(
                Occurrence(
                    f"{path}@{item.start}",
                    path,
                    text[item.start : item.end],
                    item.label,
                    _one_line(text[max(0, item.start - CONTEXT) : item.start]),
                    _one_line(text[item.end : item.end + CONTEXT]),
                    item.replace,
                    item.word,
                )
            )
    return result


def _texts(session: Session) -> dict[str, Any]:
    data = session.model_dump(mode="python")
    for key in ("facilitator", "participants", "deck_path"):
        data.pop(key, None)
    return data


def anonymize(
    session: Session, *, choices: Mapping[str, bool] | None = None, extra_names: Sequence[str] = ()
) -> Session:
    """A deep copy of `session` with every name replaced and the facilitator left out.

    `choices` maps an `Occurrence.key` to replace (True) or keep (False), over its default.
    `extra_names` are names to replace as well, numbered after the participants.
    """
    replace = _pseudonyms(session, extra_names)
    chosen = choices or {}
    data = session.model_dump(mode="python")

    def walk(value: Any, path: str, key: str) -> Any:
        if isinstance(value, dict):
            return {k: walk(v, f"{path}.{k}" if path else str(k), str(k)) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, f"{path}.{n}", key) for n, v in enumerate(value)]
        if type(value) is str and key not in _SKIP:
            return replace(value, lambda f: chosen.get(f"{path}@{f.start}", f.replace))
        return value

    data = {key: walk(value, key, key) for key, value in data.items()}
    _without_phone_names(data["harvest"]["items"])
    data["facilitator"] = ""
    data["deck_path"] = ""
    data["participants"] = [
        t(session.language, "export.participant", n=n) for n in range(1, len(session.participants) + 1)
    ]
    return Session.model_validate(data)
