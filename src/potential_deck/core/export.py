"""Session exports: Markdown, one self-contained HTML file, JSON for other tools, TOML as is.

`render(session, deck, fmt, anonymize=...)` returns the text; writing it is the caller's job
(`store.atomic_write`). Everything is written in the session's language. The JSON shape is
`JSON_SHAPE` below, also in docs/export-json.md.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from potential_deck import __version__
from potential_deck.core import store
from potential_deck.core.anonymize import anonymize as anonymized
from potential_deck.core.i18n import day, kind_label, t, value_label
from potential_deck.core.models import Deck, Lang, Session
from potential_deck.core.summary import (
    VALUE_ORDER,
    SessionSummary,
    format_duration,
    summarize,
)

FORMATS: tuple[str, ...] = ("md", "html", "json", "toml")
SUFFIXES: dict[str, str] = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html",
                            ".json": "json", ".toml": "toml"}
EXPORT_SCHEMA_VERSION = 1

JSON_SHAPE = """\
{
  "schema_version": 1,                 // this export shape; bumped when keys change meaning
  "format": "potential-deck/session",
  "session_schema_version": 1,         // the session file's schema
  "anonymized": false,
  "team": "Basisschool De Linde",
  "date": "2025-03-14",                // ISO date
  "language": "nl",                    // "nl" or "en": the language of every label and title
  "facilitator": "Kees",               // LEFT OUT when anonymized
  "participants": 5,                   // how many; never names when anonymized
  "participant_names": ["Lotte", ...], // LEFT OUT when anonymized
  "deck": {"id": "...", "version": "...", "name": "..."},
  "agenda": [{"id": "...", "title": "...", "kind": "start|dialogue|action|null",
              "minutes": 10, "known": true}],  // known: false when the deck lacks the card
  "cards": [{"id": "...", "title": "...", "kind": "...", "values": ["valuing-diversity"],
             "on_agenda": true, "free": "...", "fields": {"seen": "..."},
             "growth": [{"text": "...", "value": "working-with-others"|null}],
             "spent_seconds": 612.0, "planned_seconds": 600.0}],
  "harvest": {
    "harvested": true,                 // false: items are the cards' opportunities only
    "dots_per_person": 3,
    "question": "Hoe kunnen we ...?",  // "" when none yet
    "items": [{"rank": 1, "text": "...", "votes": 4, "value": "..."|null,
               "cards": ["card-id"], "in_question": true}],   // by votes, most first
    "steps": [{"what": "...", "who": "...", "due": "2025-04-01"|null, "done": false}],
    "next_meeting": "2025-05-02"|null
  },
  "summary": {"total_seconds": 3600.0, "harvest_seconds": 900.0, "planned_seconds": 4200.0,
              "contact_hours": 1.0, "cards_with_notes": 4, "items": 7, "votes": 15, "steps": 3,
              "open_steps": 2,
              "items_per_value": {"valuing-diversity": 2, "supporting-all-learners": 1,
                                  "working-with-others": 3, "professional-development": 1,
                                  "none": 0}}
}"""
"""The documented shape of the JSON export (comments are explanations, not JSON)."""


class ExportError(ValueError):
    """An export that cannot be made (an unknown format)."""


class ExportExists(FileExistsError):
    """The export file exists and overwriting it was not asked for."""


def save(path: Path, text: str, *, force: bool = False, make_folder: bool = False) -> None:
    """Write an export atomically, readable by its owner only; never over a file unless `force`.

    ExportExists when `path` exists and `force` is False; FileNotFoundError when its folder
    does not exist (unless `make_folder`); OSError when it cannot be written.
    """
    if not make_folder and not path.parent.is_dir():
        raise FileNotFoundError(2, "the folder does not exist", str(path.parent))
    if path.is_dir():
        raise IsADirectoryError(21, "is a folder", str(path))
    if path.exists() and not force:
        raise ExportExists(17, "already exists", str(path))
    store.atomic_write(path, text)


@dataclass(frozen=True, slots=True)
class View:
    """What every renderer needs: the (possibly anonymised) session and its summary."""

    session: Session
    summary: SessionSummary
    deck_name: str
    deck_version: str
    anonymized: bool

    @property
    def lang(self) -> Lang:
        """The language of the export."""
        return self.session.language


def view(session: Session, deck: Deck | None, *, anonymize: bool = False) -> View:
    """The session prepared for rendering (anonymised when asked; the input is not changed)."""
    source = anonymized(session) if anonymize else session
    lang = source.language
    name = deck.info.name.get(lang, deck.info.id) if deck else source.deck_id
    if deck is not None and deck.info.id != source.deck_id:
        name = source.deck_id  # a different deck: its cards still title the ids they share
    return View(source, summarize(source, deck, lang), name, source.deck_version, anonymize)


def render(session: Session, deck: Deck | None, fmt: str, *, anonymize: bool = False) -> str:
    """The session as `fmt` (md, html, json or toml); ExportError for another format."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt == "toml":
        return store.to_toml(anonymized(session) if anonymize else session)
    data = view(session, deck, anonymize=anonymize)
    if fmt == "md":
        return markdown(data)
    if fmt == "json":
        return json.dumps(to_json(data), ensure_ascii=False, indent=2) + "\n"
    from potential_deck.core.export_html import html_page

    return html_page(data)


def format_for(path: str, default: str = "md") -> str:
    """The format an output file name suggests (by suffix), else `default`."""
    lowered = path.lower()
    for suffix, fmt in SUFFIXES.items():
        if lowered.endswith(suffix):
            return fmt
    return default


# --- Markdown -----------------------------------------------------------------------------------


def _cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped."""
    one_line = "<br>".join(line.strip() for line in text.strip().splitlines())
    return one_line.replace("|", r"\|") or " "


def _block(text: str) -> str:
    """Multi-line text as a Markdown paragraph with its line breaks kept."""
    return "  \n".join(line.rstrip() for line in text.strip().splitlines())


def header_lines(data: View) -> list[str]:
    """Facilitator, participant count, deck and the anonymisation note, one per line."""
    lang, session = data.lang, data.session
    lines = []
    people = []
    if session.facilitator and not data.anonymized:
        people.append(t(lang, "export.facilitator", name=session.facilitator))
    if session.participants:
        people.append(t(lang, "export.participants", count=len(session.participants)))
    if people:
        lines.append(" · ".join(people))
    lines.append(t(lang, "export.deck", name=data.deck_name, version=data.deck_version))
    if data.anonymized:
        lines.append(t(lang, "export.anonymized"))
    return lines


def markdown(data: View) -> str:
    """The Markdown export: paste-able into a school platform or an e-mail."""
    lang, s = data.lang, data.summary
    out = [f"# {t(lang, 'export.title', team=s.team, date=day(s.date))}", ""]
    out += [f"{line}  " for line in header_lines(data)]
    out += ["", f"## {t(lang, 'summary.question')}", ""]
    out.append(f"> {_block(s.question)}" if s.question else f"_{t(lang, 'summary.no_question')}_")

    out += ["", f"## {t(lang, 'summary.priorities')}", ""]
    if not s.priorities:
        out.append(f"_{t(lang, 'summary.no_items')}_")
    else:
        if not s.harvested:
            out += [f"_{t(lang, 'summary.not_harvested')}_", ""]
        out.append(
            f"| # | {t(lang, 'export.col.opportunity')} | {t(lang, 'export.col.votes')} | "
            f"{t(lang, 'export.col.value')} | {t(lang, 'export.col.cards')} |"
        )
        out.append("|---:|---|---:|---|---|")
        for item in s.priorities:
            text = _cell(item.text)
            if item.in_question:
                text += f" _({t(lang, 'summary.in_question')})_"
            cards = _cell(", ".join(c.title for c in item.cards))
            out.append(f"| {item.rank} | {text} | {item.votes} | "
                       f"{_cell(value_label(lang, item.value))} | {cards} |")
        out += ["", f"**{t(lang, 'summary.by_value')}**", ""]
        out += [f"- {value_label(lang, v)}: {n}" for v, n in s.counts]

    out += ["", f"## {t(lang, 'summary.remarks')}", ""]
    if not s.remarks:
        out.append(f"_{t(lang, 'summary.no_remarks')}_")
    for group in s.remarks:
        out += [f"### {value_label(lang, group.value)}", ""]
        for key, items in (("field.strengths", group.strengths),
                           ("field.challenges", group.challenges)):
            if items:
                out += [f"**{t(lang, key)}**", ""]
                out += [f"- {r.text} _({r.card.title})_" for r in items]
                out.append("")

    out += ["", f"## {t(lang, 'summary.steps')}", ""]
    if not s.steps:
        out.append(f"_{t(lang, 'summary.no_steps')}_")
    else:
        out.append(f"| {t(lang, 'export.col.what')} | {t(lang, 'export.col.who')} | "
                   f"{t(lang, 'export.col.due')} | {t(lang, 'export.col.done')} |")
        out.append("|---|---|---|---|")
        for step in s.steps:
            due = day(step.due) or " "
            done = t(lang, "export.yes" if step.done else "export.no")
            out.append(f"| {_cell(step.what)} | {_cell(step.who)} | {due} | {done} |")
    if s.next_meeting:
        out += ["", t(lang, "summary.next_meeting", date=day(s.next_meeting))]

    out += ["", f"## {t(lang, 'export.notes')}", ""]
    times = {row.card.id: row for row in s.times}
    if not s.notes:
        out.append(f"_{t(lang, 'export.no_notes')}_")
    for number, notes in enumerate(s.notes, start=1):
        row = times[notes.card.id]
        kind = kind_label(lang, notes.card.kind) if notes.card.kind else notes.card.id
        out += [f"### {number}. {notes.card.title}", ""]
        spent, planned = format_duration(lang, row.spent), format_duration(lang, row.planned)
        out += [f"_{t(lang, 'export.card_time', kind=kind, spent=spent, planned=planned)}_", ""]
        if notes.empty:
            out += [f"_{t(lang, 'export.no_notes')}_", ""]
        if notes.free:
            out += [f"**{t(lang, 'field.free')}**", "", _block(notes.free), ""]
        for note in notes.fields:
            out += [f"**{note.label}**", "", _block(note.text), ""]
        if notes.growth:
            out += [f"**{t(lang, 'export.growth')}**", ""]
            out += [f"- {text}" + (f" _({value_label(lang, v)})_" if v else "")
                    for text, v in notes.growth]
            out.append("")

    out += ["", f"## {t(lang, 'summary.time')}", ""]
    out.append(f"| {t(lang, 'export.col.card')} | {t(lang, 'export.col.planned')} | "
               f"{t(lang, 'export.col.spent')} |")
    out.append("|---|---:|---:|")
    for row in s.times:
        out.append(f"| {_cell(row.card.title)} | {format_duration(lang, row.planned)} | "
                   f"{format_duration(lang, row.spent)} |")
    if s.harvest_spent:
        out.append(f"| {t(lang, 'harvest.title')} | – | {format_duration(lang, s.harvest_spent)} |")
    out.append(f"| **{t(lang, 'summary.total')}** | {format_duration(lang, s.total_planned)} | "
               f"**{format_duration(lang, s.total_spent)}** |")
    out += ["", "---", "", f"_{t(lang, 'export.footer', version=__version__)}_", ""]
    return "\n".join(out)


# --- JSON ---------------------------------------------------------------------------------------


def to_json(data: View) -> dict[str, Any]:
    """The JSON export as plain data, in the shape of `JSON_SHAPE`."""
    session, s = data.session, data.summary
    notes = {n.card.id: n for n in s.notes}
    refs = {row.card.id: row.card for row in s.times}
    result: dict[str, Any] = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "format": "potential-deck/session",
        "session_schema_version": session.schema_version,
        "anonymized": data.anonymized,
        "team": session.team,
        "date": session.date.isoformat(),
        "language": session.language,
    }
    if not data.anonymized:
        result["facilitator"] = session.facilitator
    result["participants"] = len(session.participants)
    if not data.anonymized:
        result["participant_names"] = list(session.participants)
    result["deck"] = {"id": session.deck_id, "version": session.deck_version,
                      "name": data.deck_name}
    result["agenda"] = [
        {"id": ref.id, "title": ref.title, "kind": ref.kind.value if ref.kind else None,
         "minutes": ref.minutes, "known": ref.known}
        for ref in (refs[card_id] for card_id in dict.fromkeys(session.agenda))
    ]
    cards = []
    for row in s.times:
        card_notes = notes.get(row.card.id)
        cards.append({
            "id": row.card.id,
            "title": row.card.title,
            "kind": row.card.kind.value if row.card.kind else None,
            "values": [v.value for v in row.card.values],
            "on_agenda": row.on_agenda,
            "free": card_notes.free if card_notes else "",
            "fields": {note.id: note.text for note in card_notes.fields} if card_notes else {},
            "growth": [{"text": text, "value": v.value if v else None}
                       for text, v in (card_notes.growth if card_notes else ())],
            "spent_seconds": round(row.spent, 1),
            "planned_seconds": row.planned,
        })
    result["cards"] = cards
    result["harvest"] = {
        "harvested": s.harvested,
        "dots_per_person": session.harvest.dots_per_person,
        "question": s.question,
        "items": [
            {"rank": p.rank, "text": p.text, "votes": p.votes,
             "value": p.value.value if p.value else None,
             "cards": [c.id for c in p.cards], "in_question": p.in_question}
            for p in s.priorities
        ],
        "steps": [
            {"what": st.what, "who": st.who, "due": st.due.isoformat() if st.due else None,
             "done": st.done}
            for st in s.steps
        ],
        "next_meeting": s.next_meeting.isoformat() if s.next_meeting else None,
    }
    counts = dict(s.counts)
    result["summary"] = {
        "total_seconds": round(s.total_spent, 1),
        "harvest_seconds": round(s.harvest_spent, 1),
        "planned_seconds": s.total_planned,
        "contact_hours": round(s.total_spent / 3600, 2),
        "cards_with_notes": sum(1 for n in s.notes if not n.empty),
        "items": len(s.priorities),
        "votes": sum(p.votes for p in s.priorities),
        "steps": len(s.steps),
        "open_steps": len(s.open_steps),
        "items_per_value": {(v.value if v else "none"): counts.get(v, 0) for v in VALUE_ORDER},
    }
    return result
