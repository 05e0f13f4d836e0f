"""Sessions whose reports hold every kind of section, and the texts a renderer must show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from potential_deck.core.choices import Lang
from potential_deck.core.report.sections import Chart, Report, SectionId, Table, texts
from potential_deck.core.report.view import ReportSource, view
from potential_deck.core.session.models import Activity, Collaboration, Step, StepStatus
from potential_deck.core.year.lookback import decide, fill, set_learned
from potential_deck.core.year.trajectory import team_year

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


def filled(lang: Lang = "nl") -> ReportSource:
    """The filled meeting: priorities, remarks, a done step, notes, time."""
    return view(h.filled(lang=lang), h.deck())


def with_year(lang: Lang = "nl") -> ReportSource:
    """A meeting that looked back on the last one, logged an activity, with the team's year."""
    october = h.empty(when=dt.datetime(2026, 10, 12, 14, 0), lang=lang)
    october.harvest.steps = [
        Step(
            what="Co-teaching met Omar", who="Omar", due=dt.date(2026, 10, 30), form=Collaboration.CO_TEACHING
        ),
        Step(what="Woordmuur", who="Lotte", due=dt.date(2026, 11, 6)),
    ]
    november = h.empty(when=dt.datetime(2026, 11, 16, 14, 0), lang=lang)
    november.harvest.question = "Hoe betrekken we ouders?"
    fill(november, [(Path("oct.toml"), october)])
    decide(november, 0, StepStatus.DONE)
    set_learned(november, 0, "Omar zag hoe de kinderen samenwerkten")
    decide(november, 1, StepStatus.CARRIED, new_due=dt.date(2026, 12, 4))
    november.activities = [
        Activity(date=dt.date(2026, 11, 20), form=Collaboration.CLASS_VISIT, hours=2, who="Jan", note="4A")
    ]
    year = team_year([(Path("oct.toml"), october), (Path("nov.toml"), november)])
    return view(november, h.deck(), year=year)


def section_texts(report: Report, ids: tuple[SectionId, ...]) -> Iterator[str]:
    """Every text of the sections with these ids, but a checklist's state column (its rows say
    it with a mark: `Column.state`) and a chart's title (without pictures a chart is a list of
    its bars, as in Markdown; the subheading above it names it)."""
    for section in report.sections(*ids):
        blocks = tuple(
            _without_state(block)
            if isinstance(block, Table)
            else replace(block, title="")
            if isinstance(block, Chart)
            else block
            for block in section.blocks
        )
        yield from (text for text in texts(Report(report.lang, "", (), blocks, "")) if text)


def _without_state(table: Table) -> Table:
    if not table.checks:
        return table
    keep = [i for i, column in enumerate(table.columns) if not column.state]
    return Table(
        tuple(table.columns[i] for i in keep),
        tuple(tuple(row[i] for i in keep) for row in table.rows),
        None,
        table.checks,
    )


def one_line(text: str) -> str:
    """Text with every run of white space as one space (renderers wrap and align)."""
    return " ".join(text.split())
