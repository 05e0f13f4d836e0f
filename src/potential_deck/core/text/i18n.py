"""Every word of the interface and the exports, in Dutch and in English, and how they are used.

The words are tables by idea, merged into `STRINGS`: the app as a whole (`words_app`: help,
palette, keys, saving, errors), a card on screen (`words_card`), the deck's tags and coverage
(`words_deck`), the home screen and opening sessions (`words_home`), the room's view
(`words_room`), the harvest (`words_harvest`), joining from phones (`words_join`), the summary
and exports (`words_report`), a team's year (`words_year`). A new word goes into the table of
its idea; keys start with the area's prefix.

`t(lang, key, **values)` looks a text up and fills in its `{placeholders}`. A test checks that
every key has both languages and the same placeholders in each.

Words that follow a number have a singular and a plural form, written `{n:one|many}`: "{n}
{n:stip|stippen}" gives "1 stip" and "0 stippen", "{n} {n:dot|dots}" "1 dot" and "3 dots"
(one for exactly 1, in Dutch and in English). Never "stip(pen)" or "dot(s)": a test says so.
"""

from __future__ import annotations

import datetime as dt
from string import Formatter
from typing import Any

from potential_deck.core.choices import Collaboration, CoreValue, Dimension, Kind, Lang, StepStatus
from potential_deck.core.text.words_app import APP_STRINGS
from potential_deck.core.text.words_card import CARD_STRINGS
from potential_deck.core.text.words_deck import DECK_STRINGS
from potential_deck.core.text.words_harvest import HARVEST_STRINGS
from potential_deck.core.text.words_home import HOME_STRINGS
from potential_deck.core.text.words_join import JOIN_STRINGS
from potential_deck.core.text.words_report import REPORT_STRINGS
from potential_deck.core.text.words_room import ROOM_STRINGS
from potential_deck.core.text.words_year import YEAR_STRINGS

STRINGS: dict[str, tuple[str, str]] = {
    **APP_STRINGS,
    **CARD_STRINGS,
    **DECK_STRINGS,
    **HOME_STRINGS,
    **ROOM_STRINGS,
    **HARVEST_STRINGS,
    **JOIN_STRINGS,
    **REPORT_STRINGS,
    **YEAR_STRINGS,
}


class _Words(Formatter):
    """`str.format` that also writes `{n:one|many}`: the word for the number n."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value == 1 else many
        return str(super().format_field(value, format_spec))


_WORDS = _Words()


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for `key` in `lang`, with `values` filled in (and words that follow a number)."""
    nl, en = STRINGS[key]
    text = nl if lang == "nl" else en
    if not values:
        return text
    return _WORDS.vformat(text, (), values) if "|" in text else text.format(**values)


def day(date: dt.date | None) -> str:
    """A date as people read and type it here, dd/mm/yyyy (blank for none).

    Reports, the summary and the screens use it; JSON and TOML keep ISO dates for programs.
    """
    return f"{date.day:02d}/{date.month:02d}/{date.year:04d}" if date else ""


def kind_label(lang: Lang, kind: Kind) -> str:
    """The name of a kind of card."""
    return t(lang, f"kind.{kind.value}")


def value_label(lang: Lang, value: CoreValue | None) -> str:
    """The name of a core value (or 'no core value yet')."""
    return t(lang, f"value.{value.value}" if value else "value.none")


def form_label(lang: Lang, form: Collaboration | None) -> str:
    """The name of a form of collaboration (or 'no form chosen')."""
    return t(lang, f"form.{form.value}" if form else "form.none")


def status_label(lang: Lang, status: StepStatus) -> str:
    """The name of a step's status: open, done, carried over, dropped."""
    return t(lang, f"status.{status.value}")


def dimension_label(lang: Lang, dimension: Dimension, *, short: bool = False) -> str:
    """The name of a diversity dimension (`short`: a word or two, for lists)."""
    return t(lang, f"dimension.{'short.' if short else ''}{dimension.value}")


def value_short(lang: Lang, value: CoreValue) -> str:
    """A core value in a few words, for lists (the full name: `value_label`)."""
    return t(lang, f"value.short.{value.value}")
