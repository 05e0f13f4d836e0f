"""A corpus of tricky names: none survives any export format; ordinary words do.

Each case is a note as a facilitator might type or paste it, and the name as it is spelled
there; the export (md, html, json, toml) must not hold that spelling, nor any participant's
name part read the way a reader reads it (an independent fold: NFKC, no invisible characters,
no accents, case folded).
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from pathlib import Path

import pytest

from potential_deck.core.report.export import FORMATS, render
from potential_deck.core.report.html_text import html_text
from potential_deck.core.report.name_words import COMMON_WORDS
from potential_deck.core.session import store
from potential_deck.core.session.models import Lang, Session

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

PARTICIPANTS = [
    "Jan Peeters",
    "Els D'Hondt",
    "Mohamed El Amrani",
    "Fatima-Zahra Ben Ali",
    "Ömer Yılmaz",
    "Ayşe Demir",
    "Łukasz Wiśniewski",
    "Agnieszka Nowak-Kowalska",
    "João Gonçalves",
    "Maria da Conceição",
    "Jānis Bērziņš",
    "Līga Kalniņa",
    "Roos Vos",
    "An Claes",
    "Lieve Van den Broeck",
    "Sara O'Neill",
]

# (note, the spelling that must be gone)
CASES_NL: list[tuple[str, str]] = [
    ("J\u00adan zei het", "J\u00adan"),  # soft hyphen
    ("Ja\u200bn zei het", "Ja\u200bn"),  # zero-width space
    ("Jan\u200dPeeters kwam", "Jan\u200dPeeters"),  # zero-width joiner
    ("Jan\u2060Peeters kwam", "Jan\u2060Peeters"),  # word joiner
    ("\ufeffJan kwam", "Jan"),  # byte-order mark before
    ("met Ｊａｎ Ｐｅｅｔｅｒｓ", "Ｊａｎ"),  # full-width
    ("met 𝐉𝐚𝐧", "𝐉𝐚𝐧"),  # mathematical bold
    ("met Јаn", "Јаn"),  # Cyrillic Ј and а
    ("met Οmer", "Οmer"),  # Greek capital omicron
    ("Ja\u0301n lachte", "Ja\u0301n"),  # a stray combining accent
    ("O\u0308mer (NFD) lachte", "O\u0308mer"),  # decomposed Ö
    ("volgens Dhondt", "Dhondt"),  # without its apostrophe
    ("volgens D Hondt", "D Hondt"),
    ("volgens D’Hondt", "D’Hondt"),
    ("volgens DHONDT", "DHONDT"),
    ("volgens Sara ONeill", "ONeill"),
    ("login Jan2 en jan_p", "Jan2"),  # glued to digits
    ("login Jan2 en jan_p", "jan_p"),  # glued to an underscore
    ("mail jan.peeters@school.be", "jan.peeters"),
    ("#JanPeeters op de foto", "JanPeeters"),
    ("Łukasz2024 en ŁUKASZ_W", "Łukasz2024"),
    ("Łukasz2024 en ŁUKASZ_W", "ŁUKASZ"),
    ("dank aan J. Peeters", "J. Peeters"),  # an initial
    ("dank aan J.Peeters", "J.Peeters"),
    ("Omer Yilmaz kwam", "Yilmaz"),  # Turkish ı without its dot
    ("YILMAZ en yılmaz", "yılmaz"),
    ("Ömer'in plan", "Ömer"),  # Turkish suffix
    ("Ayse Demir en ayşe", "Ayse"),
    ("Lukasz Wisniewski belde", "Wisniewski"),  # Polish without diacritics
    ("Nowak-Kowalska en Kowalska", "Kowalska"),
    ("Agnie\u00adszka kwam", "Agnie\u00adszka"),
    ("Joao Goncalves en GONÇALVES", "Goncalves"),  # Portuguese
    ("Maria da Conceicao", "Conceicao"),
    ("Janis Berzins en Bērziņš", "Berzins"),  # Latvian
    ("Liga Kalnina", "Kalnina"),
    ("Mohamed El Amrani en el-amrani", "Amrani"),  # Moroccan, with a particle
    ("Fatima Zahra kwam", "Zahra"),  # a space instead of the hyphen
    ("met Fatima-Zahra en Ben Ali", "Fatima"),
    ("Roos zei dat het werkte", "Roos"),  # a word-name used as a name
    ("we vroegen het aan Roos Vos", "Vos"),
    ("An's klas", "An's"),
    ("met Lieve gesproken", "Lieve"),
    ("Van den Broeck had gelijk", "Broeck"),
    ("Jan\u00a0Peeters (NBSP)", "Peeters"),
    ("Jan\nPeeters", "Peeters"),
    ("JAN-PEETERS", "PEETERS"),
    ("(Jan) en @jan en Jan👍", "Jan"),
    ("Līga's idee", "Līga"),
]

WORDS_NL = [
    "roos in de klas",
    "Ans kwam ook",
    "de vos en de raaf",
    "ik ben blij",
    "lieve collega's",
    "Annelies",
    "januari",
    "planning",
    "Jansen",
    "Roosendaal",
    "analyse",
    "Lieve collega's, dank",
    "elsewhere",
    "de alinea",
]
WORDS_EN = [
    "an idea",
    "I will try",
    "mark the date",
    "we hope so",
    "Will you help?",
    "Hope is what we need.",
    "a mark",
]
# (note, as it must read): the same words stay elsewhere (WORDS_EN)
CASES_EN: list[tuple[str, str]] = [
    ("then Will shared his plan", "then Participant 1 shared his plan"),
    ("we asked Mark about it", "we asked Participant 2 about it"),
    ("Hope said it worked", "Participant 3 said it worked"),
    ("An explained it; Mark's idea", "Participant 4 explained it; Participant 2's idea"),
    ("WILL and Hope agreed", "Participant 1 and Participant 3 agreed"),
]


def _session(lang: Lang, participants: list[str], notes: list[str]) -> Session:
    session = h.empty(lang=lang, participants=participants, facilitator="Kees Wouters")
    record = session.record(session.agenda[0])
    record.free = "\n".join(notes)
    session.harvest.question = notes[0]
    return session


def _as_read(fmt: str, out: str) -> str:
    """The export's text as its reader gets it (escapes undone)."""
    if fmt == "html":
        return html_text(out)
    if fmt == "md":
        return re.sub(r"\\(.)", r"\1", out)
    if fmt == "json":
        return json.dumps(json.loads(out), ensure_ascii=False)
    return json.dumps(store.from_toml(out, Path("x.toml")).model_dump(mode="json"), ensure_ascii=False)


def _reader_fold(text: str) -> str:
    """An independent fold: NFKC, invisible and combining characters gone, no accents."""
    out = []
    for ch in unicodedata.normalize("NFKC", text):
        if unicodedata.category(ch) in ("Cf", "Mn"):
            continue
        out.append(ch)
    decomposed = unicodedata.normalize("NFKD", "".join(out))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.casefold().translate(str.maketrans("ıłј", "ilj"))


def _parts(names: list[str], lang: Lang) -> set[str]:
    particles = {"da", "el", "ben", "van", "den", "de"}
    parts = set()
    for name in names:
        for part in re.split(r"[\s'’-]+", _reader_fold(name)):
            if len(part) >= 3 and part not in particles and part not in COMMON_WORDS[lang]:
                parts.add(part)
    return parts


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("note", "spelled"), CASES_NL)
def test_no_tricky_spelling_survives(fmt: str, note: str, spelled: str) -> None:
    out = _as_read(fmt, render(_session("nl", PARTICIPANTS, [note]), h.deck(), fmt, anonymize=True))
    assert spelled not in out
    assert "Deelnemer" in out or "deelnemer" in out


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_participant_name_survives_the_whole_corpus(fmt: str) -> None:
    notes = [note for note, _ in CASES_NL] + WORDS_NL
    out = _reader_fold(
        _as_read(fmt, render(_session("nl", PARTICIPANTS, notes), h.deck(), fmt, anonymize=True))
    )
    left = [
        part
        for part in _parts(PARTICIPANTS, "nl")
        if re.search(rf"(?<![^\W\d_]){re.escape(part)}(?![^\W\d_])", out)
    ]
    assert not left


@pytest.mark.parametrize("fmt", FORMATS)
def test_ordinary_words_survive_in_dutch(fmt: str) -> None:
    notes = [note for note, _ in CASES_NL] + WORDS_NL
    out = html.unescape(
        _as_read(fmt, render(_session("nl", PARTICIPANTS, notes), h.deck(), fmt, anonymize=True))
    )
    for words in WORDS_NL:
        assert words in out, words


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("note", "expected"), CASES_EN)
def test_english_word_names_go_where_they_are_names(fmt: str, note: str, expected: str) -> None:
    people = ["Will Smith", "Mark Janssens", "Hope Adeyemi", "An Claes"]
    out = _as_read(fmt, render(_session("en", people, [note, *WORDS_EN]), h.deck(), fmt, anonymize=True))
    assert note not in out
    assert expected in out
    for words in WORDS_EN:
        assert words in out, words


def test_the_corpus_is_big_enough() -> None:
    assert len(CASES_NL) + len(CASES_EN) >= 40
    assert len(WORDS_NL) + len(WORDS_EN) >= 15
