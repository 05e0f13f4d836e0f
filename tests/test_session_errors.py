"""A session file with a wrong value: the file, the line, the field in a facilitator's words,
what to write instead, how many more problems; never the value that was there, never a traceback."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from conftest import run_cli
from potential_deck.core.session import store
from potential_deck.core.session.invalid import field_words, key_lines, line_of, ordinal
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import CoreValue, Deck, HarvestItem, LineTag, Opportunity, Step
from potential_deck.core.session.store import SessionFileError

SECRET = "Jan zei iets over Emma"
"""A wrong value that is itself private text: it must never be shown."""

JARGON = ("Input should be", "(and ", "loc", ".0.", "Traceback")


def _text(deck: Deck) -> str:
    """A saved session with notes, line tags, harvest items and a step: its file's text."""
    session = new_session(deck, team="Team Zon", now=dt.datetime(2025, 3, 14, 9, 15), participants=["Jan"])
    record = session.record("praten")
    record.free = "Notes"
    record.growth = [Opportunity(text="More time", value=CoreValue.VALUING_DIVERSITY)]
    record.tags = [LineTag(field="did", text="Sang", value=CoreValue.VALUING_DIVERSITY)]
    session.harvest.items = [HarvestItem(text="Buddy", cards=["praten"], votes=3), HarvestItem(text="Two")]
    session.harvest.steps = [Step(what="Ask", who="Jan", due=dt.date(2025, 4, 1))]
    return store.to_toml(session)


def _refused(tmp_path: Path, text: str) -> SessionFileError:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SessionFileError) as caught:
        store.read(path)
    assert path.read_text(encoding="utf-8") == text, "the file is left untouched"
    return caught.value


def _line(text: str, line: str) -> int:
    return text.splitlines().index(line) + 1


def _plain(message: str) -> None:
    for jargon in JARGON:
        assert jargon not in message, jargon
    assert SECRET not in message and "Emma" not in message


@pytest.mark.parametrize(
    ("kind", "good", "bad", "words"),
    [
        ("int", "people = 1", f'people = "{SECRET}"', "people is not a whole number: write a whole number"),
        (
            "date",
            "date = 2025-03-14",
            f'date = "{SECRET}"',
            "date is not a date: write the date as YYYY-MM-DD",
        ),
        (
            "datetime",
            "created = 2025-03-14 09:15:00",
            f'created = "{SECRET}"',
            "created is not a date and time: write the date and time as YYYY-MM-DD HH:MM:SS",
        ),
        (
            "enum",
            'value = "valuing-diversity"\n\n[cards.praten.timer]',
            f'value = "{SECRET}"\n\n[cards.praten.timer]',
            "value in the 1st [[cards.praten.tags]] is not one of the values allowed here: write one of "
            '"valuing-diversity", "supporting-all-learners", "working-with-others" or '
            '"professional-development"',
        ),
        (
            "literal",
            'language = "nl"',
            f'language = "{SECRET}"',
            'language is not one of the values allowed here: write one of "nl" or "en"',
        ),
        (
            "extra",
            "people = 1",
            f'people = 1\nwhisper = "{SECRET}"',
            "whisper is not a field a session has: remove it or check its spelling",
        ),
        (
            "text in a list table",
            'text = "Two"',
            "text = 12345",
            "text in the 2nd [[harvest.items]] is not text: write text in double quotes",
        ),
        (
            "bool in a list table",
            "hidden = false",
            f'hidden = "{SECRET}"',
            "hidden in the 1st [[harvest.items]] is not true or false: write true or false, without quotes",
        ),
        (
            "number in a list table",
            "hours = 0.0",
            f'hours = "{SECRET}"',
            "hours in the 1st [[harvest.steps]] is not a number: write a number",
        ),
        (
            "too large",
            "dots_per_person = 3",
            "dots_per_person = 99",
            "harvest.dots_per_person is too large: write a number of at most 20",
        ),
        (
            "too small",
            "votes = 3",
            "votes = -3",
            "votes in the 1st [[harvest.items]] is too small: write a number of at least 0",
        ),
        (
            "a list item",
            '    "praten",',
            "    12345,",
            "the 2nd item of agenda is not text: write text in double quotes",
        ),
    ],
)
def test_a_wrong_value_is_said_with_its_line_and_field_in_plain_words(
    tmp_path: Path, small_deck: Deck, kind: str, good: str, bad: str, words: str
) -> None:
    text = _text(small_deck)
    assert good in text, kind
    broken = text.replace(good, bad, 1)
    error = _refused(tmp_path, broken)
    first_bad_line = bad.splitlines()[-1] if kind == "extra" else bad.splitlines()[0]
    line = _line(broken, first_bad_line)
    if kind == "a list item":
        line = _line(broken, "agenda = [")  # the list's own line
    assert error.line == line and error.kind == "field"
    assert str(error).startswith(f"{tmp_path / 'bad.toml'}:{line}: {words}"), str(error)
    assert str(error).endswith("; the file was left untouched: repair it in a text editor")
    _plain(str(error))
    assert "12345" not in str(error)


def test_a_missing_required_field_says_where_to_add_it(tmp_path: Path, small_deck: Deck) -> None:
    error = _refused(tmp_path, _text(small_deck).replace('team = "Team Zon"\n', ""))
    assert error.line is None, "not in the file: no line to name"
    assert str(error).startswith(
        f"{tmp_path / 'bad.toml'}: team is missing: add a line team = … above the first [table] header;"
    )


def test_a_missing_field_of_a_list_table_names_that_table_and_its_line(
    tmp_path: Path, small_deck: Deck
) -> None:
    text = _text(small_deck).replace('text = "Two"\n', "")
    error = _refused(tmp_path, text)
    second = [n for n, line in enumerate(text.splitlines(), 1) if line == "[[harvest.items]]"][1]
    assert error.line == second
    assert "text in the 2nd [[harvest.items]] is missing: add a line text = … to that table" in str(error)


def test_a_wrong_value_in_a_nested_list_table_names_both_tables(tmp_path: Path, small_deck: Deck) -> None:
    text = _text(small_deck).replace(
        "parts = []\n\n[[harvest.items]]",
        f'\n[[harvest.items.parts]]\ntext = "A"\n\n[[harvest.items.parts]]\nvotes = "{SECRET}"\n'
        'text = "B"\n\n[[harvest.items]]',
        1,
    )
    error = _refused(tmp_path, text)
    assert error.line == _line(text, f'votes = "{SECRET}"')
    assert (
        "votes in the 2nd [[harvest.items.parts]] in the 1st [[harvest.items]] is not a whole number"
        in str(error)
    )
    _plain(str(error))


def test_other_problems_are_counted_in_words_with_their_lines(tmp_path: Path, small_deck: Deck) -> None:
    text = (
        _text(small_deck)
        .replace("people = 1", f'people = "{SECRET}"')
        .replace('text = "Two"', "text = 12345")
        .replace("dots_per_person = 3", "dots_per_person = 99")
    )
    error = _refused(tmp_path, text)
    message = str(error)
    assert error.line == _line(text, f'people = "{SECRET}"'), "the first problem in the file"
    others = _line(text, "dots_per_person = 99"), _line(text, "text = 12345")
    more = f"2 more problems in this file (lines {others[0]} and {others[1]})"
    assert f"; {more}; the file was left untouched" in message
    _plain(message)
    one = _refused(tmp_path, _text(small_deck).replace("people = 1", 'people = "x"\nnonsense = 3'))
    assert f"; 1 more problem in this file (line {one.line + 1});" in str(one)


def test_a_schema_version_that_is_not_one_gets_its_line_and_no_value(
    tmp_path: Path, small_deck: Deck
) -> None:
    text = _text(small_deck).replace("schema_version = 2", f'schema_version = "{SECRET}"')
    error = _refused(tmp_path, text)
    assert error.line == 2
    assert "schema_version is not a schema version: write a whole number from 1 to 2" in str(error)
    _plain(str(error))


def test_the_advice_is_said_once_where_a_screen_words_its_own(tmp_path: Path, small_deck: Deck) -> None:
    """The home screen and the app's refusal add their own advice to `reason`: not the file's too."""
    from potential_deck.tui.session_opening import refusal

    error = _refused(tmp_path, _text(small_deck).replace("people = 1", f'people = "{SECRET}"'))
    assert error.reason == "people is not a whole number: write a whole number, without quotes"
    assert error.problem == f"{error.reason}; {error.advice}"
    shown = refusal("en", tmp_path / "bad.toml", error)
    assert shown.count("text editor") == 1 and "left untouched" not in shown
    assert f"bad.toml (line {error.line}) cannot be read" in shown and error.reason in shown
    toml = _refused(tmp_path, "# potential-deck session file\nteam = = 1\n")
    shown = refusal("nl", tmp_path / "bad.toml", toml)
    assert "teksteditor" in shown and "text editor" not in shown and "not valid TOML" in shown


def test_export_of_a_session_with_a_wrong_value_exits_1_with_one_line(
    tmp_path: Path, small_deck: Deck
) -> None:
    path = tmp_path / "badtype.toml"
    text = _text(small_deck).replace("people = 1", f'people = "{SECRET}"')
    path.write_text(text, encoding="utf-8")
    for command in ("export", "summary"):
        result = run_cli(command, str(path))
        assert result.returncode == 1 and result.stdout == ""
        line = _line(text, f'people = "{SECRET}"')
        assert result.stderr == (
            f"potential-deck: {path}:{line}: people is not a whole number: write a whole number, without "
            "quotes; the file was left untouched: repair it in a text editor\n"
        )
    assert path.read_text(encoding="utf-8") == text


# --- where a key is, and its name in words -------------------------------------------------------


def test_key_lines_follow_tables_arrays_of_tables_and_dotted_keys() -> None:
    text = "\n".join(
        [
            'team = "x"',  # 1
            "agenda = [",  # 2
            '    "[live]",',  # 3: inside a list, not a table
            "]",  # 4
            'note = """',  # 5
            "[harvest]",  # 6: inside a multi-line string, not a table
            '"""',  # 7
            "[harvest]",  # 8
            "[[harvest.items]]",  # 9
            "text = 'a'",  # 10
            "[[harvest.items.parts]]",  # 11
            "[[harvest.items]]",  # 12
            "room.by = 'x'  # a comment",  # 13
            '[cards."met spatie"]',  # 14
            "[[ harvest.items.parts ]]  # spaced",  # 15
            "votes = 2",  # 16
        ]
    )
    lines = key_lines(text)
    assert lines[("agenda",)] == 2 and ("live",) not in lines
    assert lines[("note",)] == 5 and lines[("harvest",)] == 8
    assert lines[("harvest", "items", 0)] == 9 and lines[("harvest", "items", 0, "text")] == 10
    assert lines[("harvest", "items", 0, "parts", 0)] == 11
    assert lines[("harvest", "items", 1)] == 12 and lines[("harvest", "items", 1, "room", "by")] == 13
    assert lines[("cards", "met spatie")] == 14
    assert lines[("harvest", "items", 1, "parts", 0, "votes")] == 16
    assert line_of(lines, ("harvest", "items", 1, "parts", 0, "text")) == 15, "missing: its table"
    assert line_of(lines, ("facilitator",)) is None


def test_field_words_count_list_positions_from_one() -> None:
    assert field_words(("people",)) == "people"
    assert field_words(("live", "position")) == "live.position"
    assert field_words(("cards", "praten", "tags", 0, "value")) == "value in the 1st [[cards.praten.tags]]"
    assert field_words(("agenda", 1)) == "the 2nd item of agenda"
    assert (
        field_words(("harvest", "items", 2, "cards", 0))
        == "the 1st item of cards in the 3rd [[harvest.items]]"
    )
    assert (
        field_words(("harvest", "items", 0, "parts", 1, "text"))
        == "text in the 2nd [[harvest.items.parts]] in the 1st [[harvest.items]]"
    )
    steps = {"harvest": {"steps": [{"what": "x"}]}}
    assert field_words(("harvest", "steps", 0), steps) == "the 1st [[harvest.steps]]"
    assert field_words(("cards", "met spatie", "free")) == 'cards."met spatie".free'
    assert field_words((), whole="the session") == "the session"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"
    ]  # fmt: skip
