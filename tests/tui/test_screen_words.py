"""Every word a facilitator sees in the session's language: each screen walked in Dutch shows no
English word, and in English no Dutch one (the palette, its 'nothing found', the dialogs too)."""

from __future__ import annotations

import re

import pytest

from english_words import ENGLISH_WORDS
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CoreValue, Lang, Opportunity, Step
from potential_deck.tui.screens.card import CardScreen
from potential_deck.tui.screens.dialogs import ChoicePrompt
from potential_deck.tui.screens.harvest import HarvestScreen
from potential_deck.tui.screens.home import HomeScreen
from potential_deck.tui.screens.new_session import NewSessionScreen

from .conftest import FIXED_NOW
from .test_harvest import open_harvest, screen_words

ENGLISH = ENGLISH_WORDS | {
    "challenge",
    "challenges",
    "commands",
    "core",
    "harvest",
    "help",
    "home",
    "meeting",
    "merge",
    "new",
    "nothing",
    "saved",
    "space",
    "split",
    "strength",
    "strengths",
    "team's",
    "type",
    "typing",
    "value",
    "yet",
}  # the screens' own words, in English
"""English words that are no Dutch words: none may show on a Dutch screen."""

DUTCH = frozenset(
    {
        "de",
        "het",
        "een",
        "van",
        "niet",
        "geen",
        "nog",
        "met",
        "voor",
        "naar",
        "kaart",
        "kaarten",
        "stip",
        "stippen",
        "volgende",
        "vorige",
        "toetsen",
        "stoppen",
        "opgeslagen",
        "nieuwe",
        "sessie",
        "oogst",
        "leervraag",
        "stappenplan",
        "overzicht",
        "kernwaarde",
        "groeimogelijkheden",
        "groeimogelijkheid",
        "bewerken",
        "samenvoegen",
        "ongedaan",
        "opnieuw",
        "wat",
        "wie",
        "wanneer",
        "ook",
        "bij",
        "uit",
        "dat",
        "deze",
        "zelf",
        "toegevoegd",
        "niets",
        "gevonden",
        "zoeken",
        "typen",
        "veld",
        "notities",
        "sterktes",
        "uitdagingen",
        "schrappen",
        "klaar",
        "bewaren",
        "annuleren",
        "afronden",
        "exporteren",
        "thema",
        "beginscherm",
        "zwart",
        "spatie",
    }
)
"""Dutch words that are no English words: none may show on an English screen."""

KEY_NAMES = re.compile(r"\b(Enter|Esc|Escape|Del|Delete|Tab|Ctrl|PgUp|PgDn)\b")
"""Names on the keys themselves (not the space bar: it is named in each language)."""
NAMES = {"nl": "De Linde", "en": "Oak Tree School"}


def words(text: str) -> set[str]:
    """The words of a screen; key names and file paths left out (their own names)."""
    text = re.sub(r"\S*[/\\]\S*", " ", KEY_NAMES.sub(" ", text))
    return {word.casefold() for word in re.findall(r"[^\W\d_]+(?:'s)?", text)}


def wrong_words(app, lang: Lang) -> list[str]:
    """The words of the other language on the screen on show."""
    text = screen_words(app).replace(NAMES[lang], " ")
    return sorted(words(text) & (ENGLISH if lang == "nl" else DUTCH))


def check(app, lang: Lang, where: str, found: dict[str, list[str]]) -> None:
    wrong = wrong_words(app, lang)
    if wrong:
        found[where] = wrong


def harvest_session(deck, lang: Lang):
    session = new_session(deck, team=NAMES[lang], now=FIXED_NOW, language=lang, participants=["An", "Bo"])
    second, hero = session.agenda[1], session.record("superheld")
    nl = lang == "nl"
    session.record(second).growth = [
        Opportunity(
            text="Thuistalen zichtbaar maken" if nl else "Make home languages visible",
            value=CoreValue.VALUING_DIVERSITY,
        ),
        Opportunity(
            text="Ouders betrekken" if nl else "Involve parents", value=CoreValue.WORKING_WITH_OTHERS
        ),
    ]
    hero.fields = {"strengths": "geduld" if nl else "patience", "challenges": "tijd" if nl else "time"}
    session.harvest.steps = [Step(what="Ouderavond plannen" if nl else "Plan a parents' evening")]
    session.live.stage = "harvest"
    session.live.position = len(session.agenda)
    return session


async def palette_nothing_found(pilot) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"zqxj")
    await pilot.pause(0.8)  # longer than Textual's wait before it would say "No matches found"


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_harvest_speaks_the_sessions_language_on_every_step_and_dialog(make_app, deck, lang):
    app = make_app(session=harvest_session(deck, lang), lang=lang)
    found: dict[str, list[str]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_harvest(pilot)
        for step in range(1, 6):
            if step > 1:
                await pilot.press("pagedown")
                await pilot.pause()
            check(app, lang, f"step {step}", found)
        await pilot.press("f1")
        check(app, lang, "help", found)
        await pilot.press("escape")
        while screen.tab != "items":  # PageUp back to step 1
            await pilot.press("pageup")
        await pilot.press("m", "down", "m")
        assert isinstance(app.screen, ChoicePrompt)
        check(app, lang, "value choice", found)
        await pilot.press("escape", "x", "u", "w", "s")
        check(app, lang, "messages", found)
        await pilot.press("e")
        check(app, lang, "edit dialog", found)
        await pilot.press("escape")
        await palette_nothing_found(pilot)
        shown = screen_words(app)
        assert "No matches found" not in shown
        assert ("Niets gevonden voor „zqxj”" if lang == "nl" else "Nothing found for “zqxj”") in shown
        check(app, lang, "palette", found)
    assert found == {}


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_the_card_screen_speaks_the_sessions_language(make_app, deck, lang):
    app = make_app(team=NAMES[lang], lang=lang)
    found: dict[str, list[str]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, CardScreen)
        check(app, lang, "first card", found)
        await pilot.press("pagedown")
        check(app, lang, "dialogue card", found)
        await pilot.press("escape")
        check(app, lang, "steering", found)
        await pilot.press("f1")
        check(app, lang, "help", found)
        await pilot.press("escape")
        await palette_nothing_found(pilot)
        assert "No matches found" not in screen_words(app)
        check(app, lang, "palette", found)
    assert found == {}


@pytest.mark.parametrize("lang", ["nl", "en"])
async def test_home_and_the_new_session_form_speak_the_chosen_language(make_app, deck, store, lang):
    store.create(new_session(deck, team=NAMES[lang], now=FIXED_NOW, language=lang))
    app = make_app(lang=lang)
    found: dict[str, list[str]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        check(app, lang, "home", found)
        await palette_nothing_found(pilot)
        assert "No matches found" not in screen_words(app)
        check(app, lang, "palette", found)
        await pilot.press("escape", "n")
        assert isinstance(app.screen, NewSessionScreen)
        check(app, lang, "new session", found)
    assert found == {}


def test_key_names_and_paths_are_no_words_but_the_space_bar_is_named_in_a_language() -> None:
    assert words("Enter Koppelen · /home/an/cards") == {"koppelen"}
    assert words("Spatie Space") == {"spatie", "space"}


@pytest.mark.parametrize(
    ("lang", "said", "wrong"),
    [("nl", "No matches found", ["found", "matches", "no"]), ("en", "Niets gevonden", ["gevonden", "niets"])],
)
async def test_the_word_check_sees_a_wrong_word(make_app, deck, lang, said, wrong):
    app = make_app(session=harvest_session(deck, lang), lang=lang)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_harvest(pilot)
        assert isinstance(screen, HarvestScreen)
        screen.say(said)
        await pilot.pause()
        assert wrong_words(app, lang) == wrong
