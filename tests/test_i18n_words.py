"""Words right in both languages: real plurals, no English on Dutch screens, one word for a thing."""

from __future__ import annotations

import re
from pathlib import Path
from string import Formatter

import pytest

from english_words import ENGLISH_WORDS
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session import toml_read as tomlin
from potential_deck.core.session.models import Deck, Kind
from potential_deck.core.text.i18n import STRINGS, t

SAME_IN_BOTH = frozenset(
    {
        "Start",
        "Team",
        "Timer",
        "Reset",
        "gender",
        "LGBTIQ+",
        "–",
        "{minutes} min",
        # a team's year: the sources' own terms ('co-teaching', 'lesson study')
        "co-teaching",
        "lesson study",
        "open",
        "Team: {team}",
        # only placeholders and punctuation: the room view's top line
        "{team} · {date}",
    }
)
"""Texts that are the same words in Dutch and English (a Dutch screen may show them)."""

ENGLISH_ONLY = ENGLISH_WORDS | {"was"}  # 'was' too: a Dutch word, but no Dutch table entry uses it
"""Common English words that are not Dutch words too ('open', 'export', 'is' are both)."""

KEY_NAMES = re.compile(r"\b(Enter|Escape|Delete|Tab|Space|Ctrl|PageUp|PageDown)\b")
SPLIT_PLURAL = re.compile(r"[^\W\d_]\((?:s|en|n|e|es|pen|ken)\)", re.IGNORECASE)


def _placeholders(text: str) -> list[tuple[str, str]]:
    return [(name, spec or "") for _, name, spec, _ in Formatter().parse(text) if name]


def _words(text: str) -> set[str]:
    text = KEY_NAMES.sub("", re.sub(r"\{[^}]*\}", "", text))
    text = re.sub(r"--\w+|potential-deck( \w+)?", "", text)  # commands and options
    return {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}


@pytest.mark.parametrize("lang", [0, 1])
def test_no_text_writes_a_plural_in_brackets(lang: int) -> None:
    found = {key: texts[lang] for key, texts in STRINGS.items() if SPLIT_PLURAL.search(texts[lang])}
    assert found == {}, "write {n:one|many}, e.g. '{count} {count:stip|stippen}'"


def test_the_bracket_check_catches_what_it_should() -> None:
    for wrong in ("stip(pen)", "kaart(en)", "dot(s)", "Card(s)", "sessie(s)"):
        assert SPLIT_PLURAL.search(wrong), wrong
    assert not SPLIT_PLURAL.search("Team of school (verplicht)")


def test_every_plural_form_follows_a_placeholder_of_its_text() -> None:
    for key, texts in STRINGS.items():
        for text in texts:
            names = {name for name, _ in _placeholders(text)}
            for name, spec in _placeholders(text):
                if "|" in spec:
                    assert name in names and len(spec.split("|")) == 2, key


@pytest.mark.parametrize("key", [k for k, (nl, _) in STRINGS.items() if "|" in nl])
def test_one_and_many_differ_in_both_languages(key: str) -> None:
    for lang in ("nl", "en"):
        names = {name for name, _ in _placeholders(STRINGS[key][0])}
        one = t(lang, key, **dict.fromkeys(names, 1))
        many = t(lang, key, **dict.fromkeys(names, 2))
        none = t(lang, key, **dict.fromkeys(names, 0))
        assert one.replace("1", "2") != many, f"{key} ({lang}): {one} / {many}"
        assert none.replace("0", "2") == many, f"{key} ({lang}): zero is plural"


@pytest.mark.parametrize(
    ("lang", "key", "values", "expected"),
    [
        ("nl", "summary.votes", {"count": 1}, "1 stip"),
        ("nl", "summary.votes", {"count": 4}, "4 stippen"),
        ("en", "summary.votes", {"count": 1}, "1 dot"),
        ("en", "summary.votes", {"count": 0}, "0 dots"),
        ("nl", "summary.session_line", {"date": "d", "cards": 1, "time": "5 min"}, "d: 1 kaart, 5 min"),
        ("en", "summary.session_line", {"date": "d", "cards": 3, "time": "5 min"}, "d: 3 cards, 5 min"),
        ("nl", "new.total", {"count": 1, "minutes": 1}, "1 kaart · 1 minuut gepland"),
        ("en", "new.total", {"count": 5, "minutes": 1}, "5 cards · 1 minute planned"),
    ],
)
def test_real_singular_and_plural(lang: str, key: str, values: dict[str, object], expected: str) -> None:
    assert t(lang, key, **values) == expected  # type: ignore[arg-type]


def test_a_dutch_text_differs_from_its_english_one_unless_the_words_are_both() -> None:
    same = {
        key: nl for key, (nl, en) in STRINGS.items() if nl == en and nl not in SAME_IN_BOTH and _words(nl)
    }  # '{team} · {date}' has no words
    assert same == {}


def test_no_english_words_on_dutch_screens() -> None:
    found = {key: sorted(_words(nl) & ENGLISH_ONLY) for key, (nl, _) in STRINGS.items()}
    assert {key: words for key, words in found.items() if words} == {}


def test_the_english_word_check_catches_what_it_should() -> None:
    assert _words("No matches found") & ENGLISH_ONLY == {"no", "matches", "found"}
    assert _words("Enter bewaart · Escape annuleert") & ENGLISH_ONLY == set()


def test_one_word_for_growth_opportunities_in_each_language() -> None:
    for key, (nl, en) in STRINGS.items():
        assert "groeikans" not in nl.casefold(), key
        if "growth" in en.casefold():
            assert re.search(r"growth opportunit", en, re.IGNORECASE), key


def test_the_built_in_cards_say_groeimogelijkheden_too() -> None:
    for path in sorted(Path(builtin_deck()).glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        assert "groeikans" not in text.casefold(), path.name
        tomlin.loads(text)


def test_the_fixes_the_team_asked_for() -> None:
    assert "volgend veld" in t("nl", "help.share")
    assert not t("nl", "key.minute").startswith("+") and not t("en", "key.minute").startswith("+")
    assert "satisfaction" not in t("en", "field.satisfaction")
    assert t("en", "summary.recurring") == "Recurring growth opportunities"
    assert t("en", "export.col.cards") == "Cards"


def test_the_guide_question_fields_say_what_the_dialogue_cards_ask(builtin: Deck) -> None:
    """A field of a guide question is labelled with the card's own words, in both languages."""
    guides = {t("nl", f"field.{name}"): name for name in ("did", "worked", "satisfaction")}
    asked = 0
    for card in builtin.of_kind(Kind.DIALOGUE):
        for nl, en in zip(card.nl.questions, card.en.questions, strict=True):
            if nl in guides:
                asked += 1
                assert en == t("en", f"field.{guides[nl]}"), card.id
    assert asked >= 3


def _command_words() -> list[tuple[str, str, str]]:
    """Every command's key-bar word and help line (declared beside the command, tui.keys)."""
    from potential_deck.tui.keys import ALL

    return [
        (command.id, *words)
        for commands in ALL.values()
        for command in commands
        for words in (command.label, command.help)
    ]


def test_the_commands_words_are_right_in_both_languages_too() -> None:
    problems = []
    for command, nl, en in _command_words():
        for text in (nl, en):
            if SPLIT_PLURAL.search(text):
                problems.append((command, text))
        if _words(nl) & ENGLISH_ONLY or (nl == en and nl not in SAME_IN_BOTH):
            problems.append((command, nl))
    assert problems == []


def test_the_key_bar_never_says_a_key_twice() -> None:
    """ "+ +1 min": a symbol key followed by a word that starts with the same symbol."""
    from potential_deck.tui.keys import ALL, Where

    twice = []
    for commands in ALL.values():
        for command in commands:
            for where in Where:
                shown = command.bar_keys(where) if command.applies(where) else ""
                for lang in ("nl", "en"):
                    if shown and not shown[0].isalnum() and command.words(lang).startswith(shown):
                        twice.append(f"{shown} {command.words(lang)}")
    assert twice == []


QUOTED = re.compile(r"""(.)\{\w+\}(.)""")
OPEN_AND_CLOSE = {"nl": ("„", "”"), "en": ("“", "”")}
QUOTE_MARKS = "'\"‘’‚“”„«»"


@pytest.mark.parametrize("lang", [0, 1], ids=["nl", "en"])
def test_a_quoted_placeholder_wears_the_language_s_quotes(lang: int) -> None:
    """Typed words quoted back in a message: „…” in Dutch, “…” in English, never '…'."""
    opening, closing = OPEN_AND_CLOSE["nl" if lang == 0 else "en"]
    wrong = [
        key
        for key, texts in STRINGS.items()
        for before, after in QUOTED.findall(texts[lang])
        if (before in QUOTE_MARKS or after in QUOTE_MARKS) and (before, after) != (opening, closing)
    ]
    assert wrong == []
