"""The iCalendar export: RFC 5545 structure, parsed back, and the `calendar` command."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import icalendar
import pytest

from potential_deck.cli import main
from potential_deck.core.session import store
from potential_deck.core.session.models import Session, Step, StepStatus
from potential_deck.core.year.ical import escape, fold, session_calendar
from potential_deck.core.year.lookback import decide, fill

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

STAMP = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)


def _session() -> Session:
    s = h.empty("Basisschool De Linde", when=dt.datetime(2026, 11, 16, 14, 0))
    s.harvest.question = "Hoe kunnen we ouders betrekken, thuis; en op school?"
    s.harvest.next_meeting = dt.date(2026, 12, 14)
    s.harvest.steps = [
        Step(
            what="Oudercafé plannen; uitnodiging, affiche\\folder",
            who="Zoë Çelik, Bram",
            due=dt.date(2026, 12, 4),
        ),
        Step(what="Zonder datum", who="Els"),
        Step(what="Al klaar", due=dt.date(2026, 11, 20), status=StepStatus.DONE),
        Step(what="Een heel lange stap " + "met veel woorden én accenten " * 6, due=dt.date(2026, 12, 10)),
    ]
    return s


def _events(text: str) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(text).walk("VEVENT"))


def test_lines_end_in_crlf_and_are_at_most_75_octets() -> None:
    text = session_calendar(_session(), STAMP)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n")[:-1]:
        assert len(line.encode("utf-8")) <= 75, line


def test_folding_never_splits_a_character() -> None:
    line = "SUMMARY:" + "é" * 80
    folded = fold(line)
    parts = folded.split("\r\n ")
    assert "".join(parts) == line
    assert all(len(p.encode("utf-8")) <= 75 for p in folded.split("\r\n"))


def test_text_is_escaped() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_it_parses_back_to_the_next_meeting_and_the_open_dated_steps() -> None:
    events = _events(session_calendar(_session(), STAMP))
    found = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events}
    assert found == {
        "Volgende bijeenkomst Basisschool De Linde": dt.date(2026, 12, 14),
        "Stap: Oudercafé plannen; uitnodiging, affiche\\folder": dt.date(2026, 12, 4),
        "Stap: Een heel lange stap "
        + "met veel woorden én accenten " * 5
        + "met veel woorden én accenten": dt.date(2026, 12, 10),
    }


def test_events_are_all_day_with_a_stamp_and_a_unique_uid() -> None:
    text = session_calendar(_session(), STAMP)
    assert "DTSTART;VALUE=DATE:20261214\r\n" in text and "DTEND;VALUE=DATE:20261215\r\n" in text
    events = _events(text)
    assert all(e.decoded("DTSTAMP") == STAMP for e in events)
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids) == 3
    calendar = icalendar.Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0" and "PRODID" in calendar


def test_descriptions_keep_their_commas_and_lines() -> None:
    event = _events(session_calendar(_session(), STAMP))[1]
    assert str(event["DESCRIPTION"]) == "Wie: Zoë Çelik, Bram\nTeam: Basisschool De Linde"


def test_a_carried_step_keeps_its_uid_so_a_new_import_moves_it() -> None:
    first = _session()
    later = h.empty("Basisschool De Linde", when=dt.datetime(2026, 12, 14, 14, 0))
    fill(later, [(Path("first.toml"), first)])
    decide(later, 0, StepStatus.CARRIED, new_due=dt.date(2027, 1, 20))
    before = {str(e["SUMMARY"]): str(e["UID"]) for e in _events(session_calendar(first, STAMP))}
    after = {
        str(e["SUMMARY"]): (str(e["UID"]), e.decoded("DTSTART"))
        for e in _events(session_calendar(later, STAMP))
    }
    name = "Stap: Oudercafé plannen; uitnodiging, affiche\\folder"
    assert after[name] == (before[name], dt.date(2027, 1, 20))


def test_english_sessions_get_english_words() -> None:
    s = _session()
    s.language = "en"
    assert "SUMMARY:Next meeting Basisschool De Linde" in session_calendar(s, STAMP)


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "sessie.toml"
    store.write(path, _session())
    return path


def test_the_calendar_command_writes_a_private_file(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "agenda.ics"
    assert main(["calendar", str(saved), "-o", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert len(_events(target.read_text(encoding="utf-8"))) == 3
    assert "3 events" in capsys.readouterr().err


def test_the_calendar_command_never_overwrites_without_force(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "agenda.ics"
    target.write_text("mine", encoding="utf-8")
    assert main(["calendar", str(saved), "-o", str(target)]) == 1
    assert "already exists; add --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "mine"
    assert main(["calendar", str(saved), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


def test_the_calendar_command_refuses_the_session_file_itself(
    saved: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = saved.read_bytes()
    assert main(["calendar", str(saved), "-o", str(saved), "--force"]) == 1
    assert "sessie.toml: the file name must end in .ics" in capsys.readouterr().err
    assert saved.read_bytes() == before


def test_the_calendar_command_writes_only_an_ics_file(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", str(saved), "-o", str(tmp_path / "agenda.txt")]) == 1
    assert "agenda.txt" in capsys.readouterr().err
    assert not (tmp_path / "agenda.txt").exists()


def test_control_characters_never_reach_the_calendar() -> None:
    s = _session()
    s.harvest.steps[0].who = "Zoë\x1b[31m"
    text = session_calendar(s, STAMP)
    assert "\x1b" not in text


def test_the_calendar_command_of_a_missing_file_is_one_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["calendar", str(tmp_path / "nope.toml")]) == 1
    err = capsys.readouterr().err
    assert "nope.toml" in err and "Traceback" not in err
