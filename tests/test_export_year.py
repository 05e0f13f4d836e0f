"""Exports of a session with the team's year: the look back, open steps with origin, contact hours."""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from potential_deck.core.report.chart import BLOCK
from potential_deck.core.report.export import render
from potential_deck.core.report.plain import session_text
from potential_deck.core.report.text import year_text
from potential_deck.core.report.view import view
from potential_deck.core.session.models import Activity, Collaboration, Session, Step, StepStatus
from potential_deck.core.year.lookback import decide, fill, set_learned
from potential_deck.core.year.trajectory import Year, team_year

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


@pytest.fixture
def pair() -> tuple[Session, Session]:
    """October (Omar, Lotte named) and November, which looked back on October."""
    october = h.empty(when=dt.datetime(2026, 10, 12, 14, 0), participants=["Omar Haddad", "Lotte"])
    october.harvest.steps = [
        Step(
            what="Co-teaching met Omar",
            who="Omar Haddad",
            due=dt.date(2026, 10, 30),
            form=Collaboration.CO_TEACHING,
            hours=3,
        ),
        Step(what="Woordmuur", who="Lotte", due=dt.date(2026, 11, 6)),
    ]
    november = h.empty(when=dt.datetime(2026, 11, 16, 14, 0), participants=["Lotte", "Jan"])
    november.harvest.question = "Hoe betrekken we ouders?"
    fill(november, [(Path("2026-10-12-de-linde.toml"), october)])
    decide(november, 0, StepStatus.DONE)
    set_learned(november, 0, "Omar zag hoe de kinderen samenwerkten")
    decide(november, 1, StepStatus.CARRIED, new_due=dt.date(2026, 12, 4))
    november.activities = [
        Activity(date=dt.date(2026, 11, 20), form=Collaboration.CLASS_VISIT, hours=2, who="Jan", note="4A")
    ]
    return october, november


def _year(pair: tuple[Session, Session]):  # type: ignore[no-untyped-def]
    return team_year([(Path("2026-10-12-de-linde.toml"), pair[0]), (Path("nov.toml"), pair[1])])


def test_markdown_has_the_look_back_and_the_teams_year(pair) -> None:
    text = render(pair[1], h.deck(), "md", year=_year(pair))
    assert "## Terugblik" in text
    assert "| Co-teaching met Omar · Omar Haddad · 30/10/2026 | 12/10/2026 | klaar | Omar zag hoe" in text
    assert "uitgesteld naar 04/12/2026" in text
    assert "| Woordmuur _(uit de sessie van 12/10/2026)_ | Lotte | 04/12/2026 | nee |" in text
    assert "- 20/11/2026 · klasbezoek · 2 u · Jan · 4A" in text
    team = text.split("## Het traject van Basisschool De Linde")[1]
    assert "- Woordmuur (Lotte · 04/12/2026 · uit de sessie van 12/10/2026)" in team
    assert "Co-teaching met Omar: gepland 12/10/2026 → klaar (16/11/2026)" in team
    assert "### Contacturen: 5,0 u, richtpunt een twintigtal (25%)" in team
    assert "- co-teaching: 3 u" in team and "- klasbezoek: 2 u" in team


def test_html_has_a_chart_per_form_and_stays_well_formed(pair) -> None:
    page = render(pair[1], h.deck(), "html", year=_year(pair))
    root = ET.fromstring(page.split("\n", 1)[1])
    charts = [svg for svg in root.iter("svg") if "contacturen" in (svg.get("aria-label") or "")]
    assert len(charts) == 1
    labels = [el.text for el in charts[0].iter("text")]
    assert "co-teaching" in labels and "3 u" in labels
    assert '<progress max="100" value="25">25%</progress>' in page
    assert "<h2>Terugblik</h2>" in page


def test_json_has_the_look_back_activities_and_the_teams_year(pair) -> None:
    data = json.loads(render(pair[1], h.deck(), "json", year=_year(pair)))
    assert [s["decision"] for s in data["lookback"]["steps"]] == ["done", "carried"]
    assert data["lookback"]["steps"][1]["new_due"] == "2026-12-04"
    assert data["harvest"]["steps"][0]["origin"]["date"] == "2026-10-12"
    assert data["activities"][0]["form"] == "class-visit"
    hours = data["team_year"]["contact_hours"]
    assert (hours["steps"], hours["activities"], hours["per_form"]["co-teaching"]) == (3.0, 2.0, 3.0)
    assert [s["what"] for s in data["team_year"]["open_steps"]] == ["Woordmuur"]


def test_without_the_year_there_is_no_team_section(pair) -> None:
    text = render(pair[1], h.deck(), "md")
    assert "## Het traject" not in text and "## Terugblik" in text
    assert json.loads(render(pair[1], h.deck(), "json"))["team_year"] is None


def test_anonymised_the_names_of_earlier_sessions_go_too(pair) -> None:
    """Omar took part in October only; November's export must not name him anywhere."""
    for fmt in ("md", "html", "json"):
        text = render(pair[1], h.deck(), fmt, anonymize=True, year=_year(pair))
        assert not h.mentions(text, "Omar") and not h.mentions(text, "Haddad"), fmt
        assert not h.mentions(text, "Lotte") and not h.mentions(text, "Jan"), fmt


def test_the_people_present_are_in_the_header() -> None:
    s = h.empty(participants=["Lotte"])
    s.people = 6
    assert "Aantal deelnemers: 6" in render(s, h.deck(), "md")


def _short_meeting(seconds: float, *, co_teaching: float = 0) -> tuple[Session, Year]:
    """A meeting of `seconds` on its first card, with a done co-teaching step of `co_teaching` hours."""
    session = h.empty(when=dt.datetime(2026, 10, 12, 14, 0))
    session.record(session.agenda[0]).shown = seconds
    if co_teaching:
        session.harvest.steps = [
            Step(
                what="Co-teaching", form=Collaboration.CO_TEACHING, hours=co_teaching, status=StepStatus.DONE
            )
        ]
    return session, team_year([(Path("2026-10-12-de-linde.toml"), session)])


def _form_line(text: str, form: str) -> str:
    (line,) = [line for line in text.splitlines() if line.strip().startswith(form)]
    return line


def _svg_bar_widths(page: str) -> dict[str, int]:
    """Per label of the contact hours chart, the width of its coloured bar (0: none)."""
    root = ET.fromstring(page.split("\n", 1)[1])
    (chart,) = [svg for svg in root.iter("svg") if "contacturen" in (svg.get("aria-label") or "")]
    widths: dict[str, int] = {}
    label = ""
    for element in chart:
        if element.tag == "text" and not (element.text or "").endswith(" u"):
            label = element.text or ""
            widths[label] = 0
        elif element.tag == "rect" and element.get("fill") != "#eeeeee":
            widths[label] = int(element.get("width") or 0)
    return widths


@pytest.mark.parametrize("seconds", [100.0, 170.0])
def test_hours_that_show_as_0_get_no_bar_next_to_others(seconds: float) -> None:
    session, year = _short_meeting(seconds, co_teaching=2)
    for text in (year_text(year, "nl"), session_text(view(session, h.deck(), year=year))):
        assert _form_line(text, "co-teaching").rstrip().endswith(f"{BLOCK * 30}  2 u")
        meeting = _form_line(text, "teamoverleg")
        assert BLOCK not in meeting and meeting.rstrip().endswith(" 0 u")
    widths = _svg_bar_widths(render(session, h.deck(), "html", year=year))
    assert widths["co-teaching"] > 0 and widths["teamoverleg"] == 0


def test_a_year_of_only_a_few_minutes_draws_no_full_bar() -> None:
    session, year = _short_meeting(170.0)  # 0,05 u: shown as 0 u
    meeting = _form_line(year_text(year, "nl"), "teamoverleg")
    assert BLOCK not in meeting and meeting.rstrip().endswith(" 0 u")
    assert _svg_bar_widths(render(session, h.deck(), "html", year=year)) == {"teamoverleg": 0}


def test_a_bar_is_as_long_as_the_hours_its_label_shows() -> None:
    session, year = _short_meeting(6 * 60.0, co_teaching=2.9)  # 0,1 u beside 2,9 u
    text = year_text(year, "nl")
    assert _form_line(text, "teamoverleg").rstrip().endswith(f"  {BLOCK}{' ' * 29}  0,1 u")
    assert _form_line(text, "co-teaching").rstrip().endswith(f"{BLOCK * 30}  2,9 u")
    widths = _svg_bar_widths(render(session, h.deck(), "html", year=year))
    assert widths["co-teaching"] == 576 and widths["teamoverleg"] == round(576 / 29)
