"""A session made ready for a report: anonymised when asked, summarised, with the team's year.

`view(session, deck, ...)` is the one step every export takes first; `contents.report_of` turns
the `ReportSource` into the section model, `export.to_json` into the JSON export.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from potential_deck.core.report.anonymize import Pseudonyms
from potential_deck.core.report.anonymize import anonymize as anonymized
from potential_deck.core.report.summary import SessionSummary, summarize
from potential_deck.core.session.models import Deck, Lang, Session
from potential_deck.core.year.trajectory import Year, anonymized_year


@dataclass(frozen=True, slots=True)
class ReportSource:
    """What every renderer needs: the (possibly anonymised) session and its summary."""

    session: Session
    summary: SessionSummary
    deck_name: str
    deck_version: str
    anonymized: bool
    names_known: bool = True
    """False for an anonymised export of a session that lists no participants."""
    year: Year | None = None
    """The team's year up to this session (contact hours, open steps), when known."""

    @property
    def lang(self) -> Lang:
        """The language of the export."""
        return self.session.language


def view(
    session: Session,
    deck: Deck | None,
    *,
    anonymize: bool = False,
    choices: Mapping[str, bool] | None = None,
    extra_names: Sequence[str] = (),
    year: Year | None = None,
) -> ReportSource:
    """The session prepared for rendering (anonymised when asked; the input is not changed).

    `choices` and `extra_names` are those of `core.report.anonymize.anonymize`. `year` (the team's,
    `trajectory.year_until`) adds the team's open steps and contact hours; anonymised, the
    names of the team's earlier sessions (its look back, its year) are replaced too.
    """
    known = bool(session.participants or [n for n in extra_names if n.strip()])
    source = session
    if anonymize:
        extra = [*extra_names, *names_elsewhere(session, year, extra_names)]
        source = anonymized(session, choices=choices, extra_names=extra)
        if year is not None:
            names = Pseudonyms([*session.participants, *extra], session.facilitator, session.language)
            year = anonymized_year(year, names)
    lang = source.language
    name = deck.info.name.get(lang, deck.info.id) if deck else source.deck_id
    if deck is not None and deck.info.id != source.deck_id:
        name = source.deck_id  # a different deck: its cards still title the ids they share
    return ReportSource(
        source,
        summarize(source, deck, lang),
        name,
        source.deck_version,
        anonymize,
        known or not anonymize,
        year,
    )


def names_elsewhere(session: Session, year: Year | None, given: Sequence[str] = ()) -> list[str]:
    """People named in the team's other sessions (the look back, the year), not in this one's list.

    A look back copies steps (and who does them) from earlier sessions, whose people need not be
    on this session's list; an anonymised export replaces them too, numbered after the others.
    """
    mine = {*session.participants, *given, session.facilitator}
    found = dict.fromkeys([*session.lookback.names, *(year.names if year else ())])
    return [name for name in found if name.strip() and name not in mine]
