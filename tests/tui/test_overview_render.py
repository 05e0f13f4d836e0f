"""The harvest's overview renders the session's report (`contents.report_of`) with Rich: every
text of the sections it shows, steps as a checklist (done struck through), the chart in colour."""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.table import Table as RichTable
from rich.text import Text

from potential_deck.core.choices import StepStatus
from potential_deck.core.report import contents
from potential_deck.core.report.contents import report_of
from potential_deck.core.report.sections import Chart, Heading, Paragraph, Table
from potential_deck.core.report.view import ReportSource
from potential_deck.tui.widgets.harvest_tables import OVERVIEW, overview
from potential_deck.tui.widgets.report_rich import rich_report

try:
    from tests import report_cases as cases
except ImportError:  # the tests folder on the path
    import report_cases as cases  # type: ignore[no-redef]


def _text(renderable: object, width: int) -> str:
    console = Console(width=width, file=io.StringIO(), record=True)
    console.print(renderable)
    return console.export_text()


@pytest.mark.parametrize("width", [76, 156])
@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("case", [cases.filled, cases.with_year], ids=["meeting", "with-year"])
def test_the_overview_shows_every_text_of_its_sections(case, lang, width) -> None:  # type: ignore[no-untyped-def]
    source: ReportSource = case(lang)
    shown = cases.one_line(_text(overview(source, width), width + 4))
    missing = [
        text for text in cases.section_texts(report_of(source), OVERVIEW) if cases.one_line(text) not in shown
    ]
    assert not missing


def test_every_section_of_the_report_renders_every_text() -> None:
    report = report_of(cases.with_year())
    shown = cases.one_line(_text(rich_report(report, (), 156), 160))
    ids = tuple(section.id for section in report.sections())
    assert "year" in ids and "lookback" in ids
    assert not [text for text in cases.section_texts(report, ids) if cases.one_line(text) not in shown]


def test_a_change_to_the_report_shows_in_the_overview(monkeypatch: pytest.MonkeyPatch) -> None:
    def remarks(data: ReportSource) -> list[object]:
        return [Heading("Iets nieuws"), Paragraph("Een zin die alleen het model kent")]

    monkeypatch.setattr(contents, "remark_blocks", remarks)
    shown = _text(overview(cases.filled(), 116), 120)
    assert "Iets nieuws" in shown and "Een zin die alleen het model kent" in shown


def test_a_done_step_is_ticked_and_struck_through() -> None:
    source = cases.filled()
    steps = next(b for b in report_of(source).sections("steps")[0].blocks if isinstance(b, Table))
    parts = overview(source, 156).renderables  # type: ignore[attr-defined]
    grid = next(part for part in parts if isinstance(part, RichTable))
    done = steps.checks.index(StepStatus.DONE)
    assert "strike" in str(grid.rows[done].style) and "strike" not in str(grid.rows[1 - done].style)
    lines = _text(grid, 160).splitlines()
    assert [line.split()[0] for line in lines[2:]] == ["✓" if i == done else "·" for i in range(2)]
    assert steps.columns[-1].text not in lines[0], "the marks say what the done column says"


def test_the_chart_draws_each_bar_in_its_colour() -> None:
    source = cases.filled()
    chart = next(b for b in report_of(source).sections("priorities")[0].blocks if isinstance(b, Chart))
    parts = overview(source, 116).renderables  # type: ignore[attr-defined]
    colours = {str(span.style) for part in parts if isinstance(part, Text) for span in part.spans}
    assert {bar.colour for bar in chart.bars if bar.value} <= colours
