"""The terminal summary renders the session's report (`contents.report_of`) as plain text: every
text of the sections it shows, the step plan as a checklist, and not the notes per card."""

from __future__ import annotations

from dataclasses import replace

import pytest

from potential_deck.core.report import contents
from potential_deck.core.report.contents import report_of
from potential_deck.core.report.plain import SUMMARY, plain_text, session_text
from potential_deck.core.report.sections import Heading, Paragraph, Table, walk
from potential_deck.core.report.view import ReportSource

try:
    import report_cases as cases
except ImportError:  # the tests folder imported as a package
    from tests import report_cases as cases


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", [cases.filled, cases.with_year], ids=["meeting", "with-year"])
def test_the_summary_shows_every_text_of_its_sections(case, lang) -> None:  # type: ignore[no-untyped-def]
    source: ReportSource = case(lang)
    report = report_of(source)
    shown = cases.one_line(session_text(source))
    missing = [text for text in cases.section_texts(report, SUMMARY) if cases.one_line(text) not in shown]
    assert not missing
    assert shown.startswith(report.name)


def test_the_summary_leaves_out_the_notes_per_card() -> None:
    source = cases.filled()
    report = report_of(source)
    notes = [
        b.text
        for b in walk(report.sections("notes")[0].blocks)
        if isinstance(b, Paragraph) and b.style == "text"
    ]
    assert notes, "the meeting has notes"
    shown = cases.one_line(session_text(source))
    assert not [text for text in notes if cases.one_line(text) in shown]
    alone = cases.one_line(plain_text(report, ("notes",)))
    assert all(cases.one_line(text) in alone for text in notes), "the notes section alone shows them"


def test_the_step_plan_is_a_checklist_without_its_done_column() -> None:
    source = cases.filled()
    steps = next(b for b in report_of(source).sections("steps")[0].blocks if isinstance(b, Table))
    lines = [line.strip() for line in session_text(source).splitlines()]
    done = [line for line in lines if line.startswith("[x] ")]
    open_ = [line for line in lines if line.startswith("[ ] ")]
    assert (len(done), len(open_)) == (1, len(steps.rows) - 1)
    assert steps.columns[-1].text not in session_text(source), "the marks say what the done column says"


def test_a_change_to_the_report_shows_in_the_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    def remarks(data: ReportSource) -> list[object]:
        return [Heading("Iets nieuws"), Paragraph("Een zin die alleen het model kent")]

    monkeypatch.setattr(contents, "remark_blocks", remarks)
    shown = session_text(cases.filled())
    assert "Iets nieuws" in shown and "Een zin die alleen het model kent" in shown


def test_a_table_that_fits_is_in_columns_with_numbers_right() -> None:
    report = report_of(cases.filled())
    time = next(b for b in report.sections("time")[0].blocks if isinstance(b, Table))
    lines = plain_text(report, ("time",)).splitlines()
    total = next(line for line in lines if line.strip().startswith(time.total[0][0].text))  # type: ignore[index]
    header = next(line for line in lines if time.columns[-1].text in line)
    assert total.rstrip().endswith(time.total[-1][0].text)  # type: ignore[index]
    assert len(total.rstrip()) == len(header.rstrip()), "the last column ends at the same place"


def test_the_report_name_titles_the_summary_else_the_title() -> None:
    report = report_of(cases.filled())
    assert plain_text(report, ()).splitlines()[0] == report.name
    assert plain_text(replace(report, name=""), ()).splitlines()[0] == report.title
