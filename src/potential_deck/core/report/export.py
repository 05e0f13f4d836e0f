"""Session exports: Markdown, one self-contained HTML file, JSON for other tools, TOML as is.

`render(session, deck, fmt, anonymize=...)` returns the text; `save` writes it where
`check_target` allows. Markdown and HTML render one section model (`contents.report_of`);
JSON is `to_json`; TOML is the session file. Everything is written in the session's language.
The JSON shape is `JSON_SHAPE` below, also in docs/export-json.md.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from potential_deck.core.report import year as export_year
from potential_deck.core.report.anonymize import anonymize as anonymized
from potential_deck.core.report.contents import report_of
from potential_deck.core.report.html import html_page
from potential_deck.core.report.markdown import markdown
from potential_deck.core.report.summary import VALUE_ORDER
from potential_deck.core.report.view import ReportSource, names_elsewhere, view
from potential_deck.core.session import store
from potential_deck.core.session.models import Deck, Lang, Session
from potential_deck.core.text.clean import neutralize, neutralize_data
from potential_deck.core.text.i18n import t
from potential_deck.core.year.trajectory import Year

FORMATS: tuple[str, ...] = ("md", "html", "json", "toml")
SUFFIXES: dict[str, str] = {
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".toml": "toml",
    ".ics": "ics",
}
"""The file name extensions an export may have, and the format each one means."""
FILE_SUFFIX: dict[str, str] = {"md": ".md", "html": ".html", "json": ".json", "toml": ".toml", "ics": ".ics"}
"""The extension of each format's file; `ics` is the calendar (`core.year.ical`), not a session export."""
EXPORT_SCHEMA_VERSION = 1

JSON_SHAPE = """\
{
  "schema_version": 1,                 // this export shape; bumped when keys change meaning
  "format": "potential-deck/session",
  "session_schema_version": 2,         // the session file's schema
  "anonymized": false,
  "team": "Basisschool De Linde",
  "date": "2025-03-14",                // ISO date
  "language": "nl",                    // "nl" or "en": the language of every label and title
  "facilitator": "Kees",               // LEFT OUT when anonymized
  "participants": 5,                   // how many names; never names when anonymized
  "people": 6,                         // people present (the number given, else the names)
  "participant_names": ["Lotte", ...], // LEFT OUT when anonymized
  "deck": {"id": "...", "version": "...", "name": "..."},
  "agenda": [{"id": "...", "title": "...", "kind": "start|dialogue|action|null",
              "minutes": 10, "known": true}],  // known: false when the deck lacks the card
  "cards": [{"id": "...", "title": "...", "kind": "...", "values": ["valuing-diversity"],
             "on_agenda": true, "free": "...", "fields": {"seen": "..."},
             "growth": [{"text": "...", "value": "working-with-others"|null}],
             "tags": [{"field": "strengths", "text": "...",   // lines the team tagged
                       "value": "supporting-all-learners"}],     // with a core value
             "spent_seconds": 612.0, "planned_seconds": 600.0}],
  "harvest": {
    "harvested": true,                 // false: items are the cards' opportunities only
    "dots_per_person": 3,
    "question": "Hoe kunnen we ...?",  // "" when none yet
    "items": [{"rank": 1, "text": "...", "votes": 4, "value": "..."|null,
               "cards": ["card-id"], "in_question": true}],   // by votes, most first
    "steps": [{"what": "...", "who": "...", "due": "2025-04-01"|null, "done": false,
               "form": "co-teaching"|null, "hours": 2.0,
               "status": "open|done|carried|dropped",
               "origin": {"session": "id", "date": "2025-02-01", "file": "..."}|null}],
    "next_meeting": "2025-05-02"|null
  },
  "summary": {"total_seconds": 3600.0, "harvest_seconds": 900.0, "planned_seconds": 4200.0,
              "contact_hours": 1.0, "cards_with_notes": 4, "items": 7, "votes": 15, "steps": 3,
              "open_steps": 2,
              "items_per_value": {"valuing-diversity": 2, "supporting-all-learners": 1,
                                  "working-with-others": 3, "professional-development": 1,
                                  "none": 0}},
  "lookback": {"question": "...", "question_date": "2025-02-01"|null,
               "steps": [{"what": "...", "who": "...", "due": "..."|null, "origin": {...},
                          "decision": "open|done|carried|dropped", "new_due": "..."|null,
                          "learned": "..."}]},
  "activities": [{"id": "...", "date": "2025-03-01", "form": "class-visit", "hours": 2.0,
                  "who": "...", "note": "..."}],   // logged by hand in this session file
  "team_year": {"sessions": 3,         // null unless the team's year was given (CLI, app)
                "open_steps": [{"what": "...", "who": "...", "due": "..."|null,
                                "form": "..."|null, "hours": 0.0, "status": "open|carried",
                                "origin": {...}}],
                "contact_hours": {"total": 5.5, "meetings": 3.0, "steps": 2.0,
                                  "activities": 0.5, "target": 20.0,
                                  "per_form": {"team-meeting": 3.0, "co-teaching": 2.0}}}
}"""
"""The documented shape of the JSON export (comments are explanations, not JSON)."""


class ExportError(ValueError):
    """An export that cannot be made (an unknown format)."""


class ExportExists(FileExistsError):
    """The export file exists and overwriting it was not asked for."""


class ExportTargetError(ExportError):
    """A target an export must never be written to: a link, a device, a pipe, a folder, or a
    file name whose extension says another format. `str()` says what to do, in English;
    `message(lang)` says it in the session's language."""

    def __init__(self, path: Path, reason: str, **words: str) -> None:
        self.path, self.reason, self.words = path, reason, words
        super().__init__(self.message("en"))

    def message(self, lang: Lang) -> str:
        """What is wrong with the target and what to do, in `lang`."""
        return t(lang, f"export.target.{self.reason}", name=str(self.path), **self.words)


_KINDS = (
    (stat.S_ISCHR, "device"),
    (stat.S_ISBLK, "device"),
    (stat.S_ISFIFO, "pipe"),
    (stat.S_ISSOCK, "socket"),
)


def check_target(path: Path, fmt: str, *, force: bool = False, source: Path | None = None) -> None:
    """Refuse a target an export must not be written to; the one check every writer makes.

    An export is written only to a file name whose extension matches `fmt` (`SUFFIXES`), and
    replaces only a regular file, only with `force` (ExportExists without). A symbolic link,
    a device such as /dev/full, a named pipe, a socket, a folder or the session file it is
    made from (`source`) is never written to. A session export (`FORMATS`) is never an .ics
    file, nor a calendar anything else.
    """
    try:
        info: os.stat_result | None = path.lstat()
    except OSError:  # not there (or a folder we cannot look into: writing will say why)
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        example = path / f"{source.stem if source is not None else 'export'}{FILE_SUFFIX.get(fmt, '')}"
        raise ExportTargetError(path, "folder", example=str(example))
    suffix_format = SUFFIXES.get(path.suffix.lower())
    allowed = suffixes_for(fmt)
    if suffix_format is None or path.suffix.lower() not in allowed:
        reason = "calendar" if suffix_format == "ics" else "suffix"
        raise ExportTargetError(path, reason, suffixes=", ".join(allowed))
    if suffix_format != fmt:
        raise ExportTargetError(
            path, "mismatch", found=suffix_format, fmt=fmt, stem=path.stem, suffix=FILE_SUFFIX.get(fmt, fmt)
        )
    if info is None:
        return
    if stat.S_ISLNK(info.st_mode):
        raise ExportTargetError(path, "link")
    for test, kind in _KINDS:
        if test(info.st_mode):
            raise ExportTargetError(path, kind)
    if not stat.S_ISREG(info.st_mode):
        raise ExportTargetError(path, "special")
    if source is not None and _same_file(path, source):
        raise ExportTargetError(path, "source")
    if not force:
        raise ExportExists(17, "already exists", str(path))


def suffixes_for(fmt: str) -> list[str]:
    """The extensions a file of `fmt` may have: any session export's (`FORMATS`), else its own."""
    formats = FORMATS if fmt in FORMATS else (fmt,)
    return [suffix for suffix, named in SUFFIXES.items() if named in formats]


def _same_file(path: Path, source: Path) -> bool:
    try:
        return path.samefile(source)
    except OSError:
        return False


def save(
    path: Path,
    text: str,
    fmt: str,
    *,
    force: bool = False,
    make_folder: bool = False,
    source: Path | None = None,
) -> None:
    """Write an export atomically, readable by its owner only, where `check_target` allows.

    ExportTargetError for a target that is not ours to write (see `check_target`);
    ExportExists when `path` exists and `force` is False; FileNotFoundError when its folder
    does not exist (unless `make_folder`); OSError when it cannot be written.
    """
    if not make_folder and not path.parent.is_dir():
        raise FileNotFoundError(2, "the folder does not exist", str(path.parent))
    check_target(path, fmt, force=force, source=source)
    # A calendar is made safe by core.year.ical itself: RFC 5545 needs its CRLF line endings.
    store.atomic_write(path, text if fmt == "ics" else neutralize(text))


def render(
    session: Session,
    deck: Deck | None,
    fmt: str,
    *,
    anonymize: bool = False,
    choices: Mapping[str, bool] | None = None,
    extra_names: Sequence[str] = (),
    year: Year | None = None,
) -> str:
    """The session as `fmt` (md, html, json or toml); ExportError for another format.

    Every control character left in the session is made visible (`clean_text.neutralize`),
    in the text and in every JSON or TOML string, so none reaches a reader's terminal. With the
    team's `year`, the Markdown, HTML and JSON exports add the team's open steps and contact
    hours (TOML is the session file as it is).
    """
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt == "toml":
        extra = [*extra_names, *names_elsewhere(session, year, extra_names)]
        source = anonymized(session, choices=choices, extra_names=extra) if anonymize else session
        if anonymize:
            source.lookback.names = []
        return store.data_to_toml(neutralize_data(store.session_data(source)))
    data = view(session, deck, anonymize=anonymize, choices=choices, extra_names=extra_names, year=year)
    if fmt == "json":
        return json.dumps(neutralize_data(to_json(data)), ensure_ascii=False, indent=2) + "\n"
    report = report_of(data)
    return neutralize(markdown(report) if fmt == "md" else html_page(report))


EXPORTS = "exports"
"""The folder beside the session files where the app saves exports (never read as sessions)."""


def export_path(session_path: Path, fmt: str, *, anonymize: bool = False, lang: Lang | None = None) -> Path:
    """Where the app saves an export: `exports/<stem>.<fmt>` beside the session file.

    Anonymised exports get `-anoniem` (Dutch) or `-anonymous` (English): pass the session's
    language, which names the file as it names everything else (without it: `-anonymous`).
    Keeping exports in their own folder means a TOML export is never mistaken for a session,
    nor is the session file itself.
    """
    suffix = f"-{t(lang or 'en', 'export.file_anonymous')}" if anonymize else ""
    return session_path.parent / EXPORTS / f"{session_path.stem}{suffix}.{fmt}"


def format_for(path: str, default: str = "md", formats: Sequence[str] | None = None) -> str:
    """The format an output file name suggests (by suffix), else `default`; only one of
    `formats` when given (`FORMATS`: a session export, never the calendar's .ics)."""
    lowered = path.lower()
    for suffix, fmt in SUFFIXES.items():
        if lowered.endswith(suffix) and (formats is None or fmt in formats):
            return fmt
    return default


# --- JSON ---------------------------------------------------------------------------------------


def _tags(session: Session, card_id: str) -> list[dict[str, str]]:
    """The core values the team gave lines of a card's fields, for the JSON export."""
    record = session.cards.get(card_id)
    return [
        {"field": tag.field, "text": tag.text, "value": tag.value.value}
        for tag in (record.tags if record else ())
    ]


def to_json(data: ReportSource) -> dict[str, Any]:
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
    result["people"] = session.people_count
    if not data.anonymized:
        result["participant_names"] = list(session.participants)
    result["deck"] = {"id": session.deck_id, "version": session.deck_version, "name": data.deck_name}
    result["agenda"] = [
        {
            "id": ref.id,
            "title": ref.title,
            "kind": ref.kind.value if ref.kind else None,
            "minutes": ref.minutes,
            "known": ref.known,
        }
        for ref in (refs[card_id] for card_id in dict.fromkeys(session.agenda))
    ]
    cards = []
    for row in s.times:
        card_notes = notes.get(row.card.id)
        cards.append(
            {
                "id": row.card.id,
                "title": row.card.title,
                "kind": row.card.kind.value if row.card.kind else None,
                "values": [v.value for v in row.card.values],
                "on_agenda": row.on_agenda,
                "free": card_notes.free if card_notes else "",
                "fields": {note.id: note.text for note in card_notes.fields} if card_notes else {},
                "growth": [
                    {"text": text, "value": v.value if v else None}
                    for text, v in (card_notes.growth if card_notes else ())
                ],
                "tags": _tags(session, row.card.id),
                "spent_seconds": round(row.spent, 1),
                "planned_seconds": row.planned,
            }
        )
    result["cards"] = cards
    result["harvest"] = {
        "harvested": s.harvested,
        "dots_per_person": session.harvest.dots_per_person,
        "question": s.question,
        "items": [
            {
                "rank": p.rank,
                "text": p.text,
                "votes": p.votes,
                "value": p.value.value if p.value else None,
                "cards": [c.id for c in p.cards],
                "in_question": p.in_question,
            }
            for p in s.priorities
        ],
        "steps": [
            {
                "what": st.what,
                "who": st.who,
                "due": st.due.isoformat() if st.due else None,
                "done": st.done,
                **export_year.json_step(st),
            }
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
    result.update(export_year.json_year(data))
    return result
