"""The `potential-deck` command: thin subcommands that call the core (and the app)."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
import traceback
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from potential_deck import __version__
from potential_deck.core.choices import Kind, Lang
from potential_deck.core.errors import UserError
from potential_deck.core.locations import builtin_deck
from potential_deck.core.session import store
from potential_deck.core.session.store import SessionFileError

if TYPE_CHECKING:
    from potential_deck.core.session.models import Card, Deck, Lang, Session
    from potential_deck.core.year.trajectory import Year

# The deck loader and the models (pydantic) are imported by the commands that need them:
# `run` draws its first card before they load (see core.deck.first_card).


def _deck_path(value: str | None) -> Path:
    return Path(value) if value else builtin_deck()


def _load_deck(value: str | None) -> Deck:
    from potential_deck.core.deck import load as decks

    return decks.load_for_user(_deck_path(value))


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a deck and report every problem."""
    from potential_deck.core.deck import load as decks

    path = _deck_path(args.path)
    deck, problems = decks.check(path)
    if deck is None:
        for problem in problems:
            print(problem)
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {path}", file=sys.stderr)
        return 1
    kinds = {kind.value: len(deck.of_kind(kind)) for kind in Kind}
    print(
        f"{path}: ok: deck {deck.info.id} {deck.info.version}, {len(deck.cards)} cards "
        f"({kinds['start']} start, {kinds['dialogue']} dialogue, {kinds['action']} action), "
        f"languages {', '.join(deck.info.languages)}"
    )
    return 0


def _card_row(card: Card, lang: Lang) -> dict[str, object]:
    text = card.text(lang)
    return {
        "id": card.id,
        "kind": card.kind.value,
        "title": text.title,
        "minutes": card.minutes,
        "dimensions": [d.value for d in card.dimensions],
        "values": [v.value for v in card.values],
    }


def cmd_deck(args: argparse.Namespace) -> int:
    """List the cards of a deck."""
    deck = _load_deck(args.deck)
    lang: Lang = args.lang or "nl"
    rows = [_card_row(card, lang) for card in deck.cards]
    if args.json:
        import json

        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{deck.info.name.get(lang, deck.info.id)} ({deck.info.version})")
    width = max(len(str(row["id"])) for row in rows)
    for row in rows:
        print(f"  {row['kind']:<9} {row['id']:<{width}}  {row['minutes']:>3} min  {row['title']}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a card file."""
    import json

    from potential_deck.core.session.models import Card

    schema = Card.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "potential-deck card"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    """Open the app: the home screen, a new session (`run`) or a saved one (`resume`).

    Keys typed ahead are not echoed on the terminal meanwhile (`tui.typed_ahead`). The garbage
    collector rests until the app's first frame (the app starts it again then): start-up makes
    many objects and frees few, and its rounds cost a tenth of the time to the first frame
    (bench/startup.py)."""
    from potential_deck.tui.typed_ahead import typed_ahead_unseen

    gc.disable()
    try:
        with typed_ahead_unseen():
            from potential_deck.tui.launch import launch

            return launch(args)
    finally:
        gc.enable()  # the app did already, unless it ended before its first frame


def cmd_follow(args: argparse.Namespace) -> int:
    """Open the audience view: a read-only mirror of the live session."""
    from potential_deck.core.locations import usable_sessions_dir

    if not args.session:  # the view looks in the sessions folder: a file there is said before it opens
        usable_sessions_dir(args.sessions)
    from potential_deck.tui import audience as follow

    return follow.run(args.session, args.sessions, args.deck)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the app, or the audience view, to a web browser."""
    from potential_deck.web import serve

    return serve.serve(
        host=args.host,
        port=args.port,
        follow=args.follow,
        sessions=args.sessions,
        deck=args.deck,
        url=args.public_url,
    )


def _session_deck(session: Session, session_path: Path, deck_arg: str | None) -> Deck:
    """The deck the session uses (`core.deck.for_session`); its own deck that cannot be loaded is said."""
    from potential_deck.core.deck.for_session import session_deck

    choice = session_deck(session, override=Path(deck_arg) if deck_arg else None, folder=session_path.parent)
    for path in choice.skipped:
        print(
            f"potential-deck: the session's deck {path} cannot be used; using another deck", file=sys.stderr
        )
    return choice.deck


def cmd_export(args: argparse.Namespace) -> int:
    """Export a session as Markdown, HTML, JSON or TOML, to stdout or a file."""
    from potential_deck.core.report import export
    from potential_deck.core.session.meeting import parse_participants

    out = _output(args.output)
    # A name's extension that is no export's (.ics, .pdf) is refused by the target check below.
    fmt = args.format or (export.format_for(str(out), formats=export.FORMATS) if out else "md")
    if fmt not in export.FORMATS:
        raise UserError(f"unknown format {fmt!r}; use one of: {', '.join(export.FORMATS)}")
    source = Path(args.session)
    if out is not None:
        _check_export_target(out, fmt, force=args.force, source=source)
    session = store.read(source)
    extra = parse_participants(args.names or "")
    if args.anonymize and not session.participants and not extra:
        print(
            f"potential-deck: warning: {source} lists no participants, so names in its notes "
            'are NOT replaced (only the facilitator\'s); add --names "Lotte, Jan Peeters" '
            "to name them; the export says so too",
            file=sys.stderr,
        )
    year = _year_until(session, source) if fmt != "toml" else None
    text = export.render(
        session,
        _session_deck(session, source, args.deck),
        fmt,
        anonymize=args.anonymize,
        extra_names=extra,
        year=year,
    )
    if out is None:
        sys.stdout.write(text)
        return 0
    _save_export(out, text, fmt, force=args.force, source=source)
    print(f"{out}: {fmt} export written", file=sys.stderr)
    return 0


def _output(value: str | None) -> Path | None:
    """The file `-o` names; None for standard output (no `-o`, or `-o -`)."""
    return None if value in (None, "", "-") else Path(value)


def _check_export_target(out: Path, fmt: str, *, force: bool, source: Path | None = None) -> None:
    """`export.check_target` as a UserError (before anything is read or rendered)."""
    from potential_deck.core.report import export

    try:
        export.check_target(out, fmt, force=force, source=source)
    except (export.ExportExists, export.ExportTargetError) as exc:
        raise _target_problem(out, exc) from None


def _save_export(out: Path, text: str, fmt: str, *, force: bool, source: Path | None = None) -> None:
    """`export.save`, its refusals and failures as a UserError."""
    from potential_deck.core.report import export

    try:
        export.save(out, text, fmt, force=force, source=source)
    except (export.ExportExists, export.ExportTargetError) as exc:  # it changed meanwhile
        raise _target_problem(out, exc) from None
    except OSError as exc:
        raise UserError(f"cannot write {out}: {exc.strerror or exc}") from None


def _target_problem(out: Path, exc: Exception) -> UserError:
    if isinstance(exc, FileExistsError):
        return UserError(f"{out} already exists; add --force to overwrite it")
    return UserError(str(exc))


def cmd_cards(args: argparse.Namespace) -> int:
    """Print-ready cards for pair work: the chosen cards as one HTML file."""
    from potential_deck.core.report import print_cards

    if args.agenda is not None and args.session is not None:
        raise UserError("give --agenda or --session, not both")
    source = Path(args.session) if args.session is not None else None
    out = _output(args.output)
    if out is not None:
        _check_export_target(out, "html", force=args.force)
    lang = getattr(args, "lang", None)
    ids: list[str] | None = None
    if source is not None:
        session = store.read(source)
        deck = _session_deck(session, source, getattr(args, "deck", None))
        ids = list(session.agenda)
        lang = lang or session.language
    else:
        deck = _load_deck(getattr(args, "deck", None))
        if args.agenda is not None:
            ids = args.agenda.split(",")
            if not any(card_id.strip() for card_id in ids):
                raise UserError("--agenda names no card; give card ids separated by commas")
    try:
        cards = print_cards.pick(deck, ids)
    except print_cards.UnknownCards as exc:
        raise UserError(f"{exc}; 'potential-deck deck' lists the cards and their ids") from None
    text = print_cards.cards_html(deck, cards, lang or "nl", per_page=args.per_page, tips=args.tips)
    if out is None:
        sys.stdout.write(text)
        return 0
    _save_export(out, text, "html", force=args.force)
    count = len(cards)
    print(f"{out}: {count} card{'s' if count != 1 else ''}, {args.per_page} per page", file=sys.stderr)
    return 0


def cmd_summary(args: argparse.Namespace) -> int:
    """One session's summary, or the year of the teams in a folder or several files."""
    from potential_deck.core.report import plain
    from potential_deck.core.report import text as export_text
    from potential_deck.core.report.view import view
    from potential_deck.core.year import trajectory

    paths = [Path(p) for p in args.paths]
    if len(paths) == 1 and not paths[0].is_dir():
        session = store.read(paths[0])
        deck = _session_deck(session, paths[0], args.deck)
        if args.out_lang:
            session = session.model_copy(update={"language": args.out_lang})
        sys.stdout.write(plain.session_text(view(session, deck)))
        return 0
    read = 0

    def sessions() -> Iterator[tuple[Path, Session]]:
        nonlocal read
        for entry in trajectory.read_sessions(paths):
            if isinstance(entry, SessionFileError):
                message = " ".join(str(entry).split())
                print(f"potential-deck: skipped {message}", file=sys.stderr)
                continue
            read += 1
            yield entry

    years = trajectory.team_years(sessions())
    if not read:
        raise UserError(f"no session could be read in {', '.join(map(str, paths))}")
    if args.team:
        years = _pick_year(years, args.team, paths)
    texts = []
    for year in years:
        if not year.sessions:
            continue
        lang: Lang = args.out_lang or year.sessions[-1].language
        texts.append(export_text.year_text(year, lang))
    if not texts:
        raise UserError(f"no session of team {args.team!r} in {', '.join(map(str, paths))}")
    sys.stdout.write("\n".join(texts))
    return 0


# --- a team's year (issue 14): activities, the calendar, finding a team --------------------------


def _year_until(session: Session, path: Path) -> Year:
    """The team's year up to `session`, from its folder (files that cannot be read are skipped)."""
    from potential_deck.core.year import trajectory

    return trajectory.year_until(session, path)


def _pick_year(years: list[Year], query: str, paths: Sequence[Path]) -> list[Year]:
    """The year of the team `query` names (part of its name will do; see core.year.teams)."""
    name = _find_team(query, [year.team for year in years])
    if name is None:
        raise UserError(f"no session of team {query!r} in {', '.join(map(str, paths))}")
    return [year for year in years if year.team == name]


def _find_team(query: str, names: list[str]) -> str | None:
    """`teams.find`; a query that matches several teams equally well as a UserError."""
    from potential_deck.core.year import teams

    try:
        return teams.find(query, names)
    except teams.AmbiguousTeam as exc:
        raise UserError(
            f"--team {query!r} matches several teams ({'; '.join(exc.names)}); give more of the name"
        ) from None


def _sessions_folder(args: argparse.Namespace) -> Path:
    """The sessions folder; UserError when it is a file (`locations.usable_sessions_dir`)."""
    from potential_deck.core.locations import usable_sessions_dir

    return usable_sessions_dir(getattr(args, "sessions", None))


def _known_team(folder: Path, query: str) -> str:
    """The name of the team `query` stands for among the teams of `folder`; UserError if none."""
    from potential_deck.core.year import teams

    known = teams.known_teams(store.SessionStore(folder).list())
    name = _find_team(query, [team.name for team in known])
    if name is None:
        listed = ", ".join(team.name for team in known[:8]) or "none yet"
        raise UserError(
            f"no team {query!r} in {folder} (known teams: {listed}); start a session for it first"
        )
    return name


def cmd_activity_add(args: argparse.Namespace) -> int:
    """Log collaboration by hand (a class visit, co-teaching, ...) for a team's contact hours."""
    from pydantic import ValidationError

    from potential_deck.core.session.models import Collaboration
    from potential_deck.core.year import activities

    into = Path(args.session) if args.session else None
    folder = into.parent if into is not None else _sessions_folder(args)
    try:
        activity = activities.typed_activity(
            date=args.date,
            hours=args.hours,
            form=Collaboration(args.form),
            who=args.who,
            note=args.note,
            lang="en",
        )
    except activities.ActivityProblem as exc:
        raise UserError(f"--{exc.field}: {exc}") from None
    except ValidationError as exc:
        raise UserError(f"the activity cannot be saved: {exc.errors()[0]['msg']}") from None
    if into is not None:
        session = store.read(into)
        team = session.team
    else:
        team = _known_team(folder, args.team)
    path = activities.log(folder, team, activity, into=into)
    print(
        f"{path}: activity {activity.id} logged for {team}: {activity.date:%d/%m/%Y}, "
        f"{activity.form.value}, {activity.hours:g} h",
        file=sys.stderr,
    )
    return 0


def cmd_activity_list(args: argparse.Namespace) -> int:
    """The activities logged for a team (or every team), with their ids and files."""
    from potential_deck.core.year import activities, teams

    folder = _sessions_folder(args)
    names = (
        [_known_team(folder, args.team)]
        if args.team
        else [team.name for team in teams.known_teams(store.SessionStore(folder).list())]
    )
    shown = 0
    for name in names:
        found = activities.team_activities(activities.team_sessions(folder, name))
        if not found:
            continue
        total = sum(activity.hours for activity, _ in found)
        print(f"{name}: {len(found)} activit{'y' if len(found) == 1 else 'ies'}, {total:g} h")
        for activity, path in found:
            parts = [f"{activity.date:%d/%m/%Y}", activity.form.value, f"{activity.hours:g} h"]
            parts += [text for text in (activity.who, activity.note) if text]
            print(f"  {activity.id}  {' · '.join(parts)}  ({path.name})")
        shown += 1
    if not shown:
        print("no activities logged yet", file=sys.stderr)
    return 0


def cmd_activity_remove(args: argparse.Namespace) -> int:
    """Take a logged activity out again (by the id `activity list` shows)."""
    from potential_deck.core.year import activities

    folder = _sessions_folder(args)
    team = _known_team(folder, args.team)
    activity, path = activities.remove(folder, team, args.id)
    print(f"{path}: activity {activity.id} removed", file=sys.stderr)
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    """The next meeting and the open steps' due dates as an iCalendar (.ics) file."""
    import datetime as dt

    from potential_deck.core.year import ical

    source = Path(args.session)
    out = _output(args.output)
    if out is not None:
        _check_export_target(out, "ics", force=args.force, source=source)
    session = store.read(source)
    text = ical.session_calendar(session, dt.datetime.now(dt.UTC))
    if out is None:
        sys.stdout.buffer.write(text.encode("utf-8"))
        return 0
    _save_export(out, text, "ics", force=args.force, source=source)
    count = text.count("BEGIN:VEVENT")
    print(f"{out}: calendar written ({count} event{'s' if count != 1 else ''})", file=sys.stderr)
    return 0


def _add_common(parser: argparse.ArgumentParser, *, lang: bool = True, top: bool = False) -> None:
    """--deck, --sessions and --lang, accepted before or after the subcommand.

    On subcommands they default to SUPPRESS, so a value given before the subcommand survives.
    """
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--deck", metavar="PATH", default=default, help="a deck folder or file (default: the built-in deck)"
    )
    parser.add_argument(
        "--sessions",
        metavar="DIR",
        default=default,
        help="the sessions folder (default: ./sessions or $POTENTIAL_DECK_SESSIONS)",
    )
    if lang:
        parser.add_argument(
            "--lang",
            choices=("nl", "en"),
            default=default,
            help="language (default: nl, or the last one chosen)",
        )


def _add_join(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--join",
        metavar="[HOST:]PORT",
        help="let participants join from their phones on PORT (this computer only unless HOST is "
        "given; 0.0.0.0:8765 for phones on the same network)",
    )


def _usage(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    """A command group given without its subcommand: its help, and status 2 like argparse."""
    parser.print_usage(sys.stderr)
    print(f"{parser.prog}: choose a command: add, list or remove", file=sys.stderr)
    return 2


def _form_names() -> list[str]:
    from potential_deck.core.choices import Collaboration

    return [form.value for form in Collaboration]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="potential-deck",
        description="Doos vol Potential: conversation cards on diversity and inclusion for school teams.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser, top=True)
    parser.set_defaults(func=cmd_app, mode="home")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("validate", help="check a deck and report every problem")
    p.add_argument("path", nargs="?", metavar="PATH", help="deck folder or file (default: the built-in deck)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("deck", help="list the cards of a deck")
    p.add_argument("--json", action="store_true", help="print JSON")
    _add_common(p)
    p.set_defaults(func=cmd_deck)

    p = sub.add_parser("schema", help="print the JSON Schema of the card format")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser(
        "export",
        help="export a session as md, html, json or toml",
        description="Export a session. Without -o the export is printed; -o never overwrites "
        "an existing file unless --force is given, and never a link, device or pipe. The format "
        "follows the file name's extension (.md, .html, .json, .toml); a mismatch is refused.",
    )
    p.add_argument("session", metavar="SESSION", help="the session file")
    p.add_argument(
        "--format",
        "-f",
        metavar="FORMAT",
        help="md, html, json or toml (default: from the -o suffix, else md)",
    )
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (mode 0600); - prints it")
    p.add_argument(
        "--anonymize",
        "--anonymise",
        action="store_true",
        help="replace participants' names, leave out the facilitator's",
    )
    p.add_argument(
        "--names",
        metavar="NAMES",
        help='with --anonymize: more names to replace, comma-separated ("Lotte, Jan Peeters")',
    )
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists (a regular file only)")
    p.add_argument(
        "--deck",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="deck for card titles when the session's own deck is not found",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser(
        "cards",
        help="print-ready cards for pair work, as one HTML file",
        description="Write cards to print for pair work: the whole deck, the cards --agenda names, "
        "or a session's agenda, as one self-contained HTML file (open it in a browser and print, "
        "or save as PDF). Without -o the HTML is printed; -o never overwrites an existing file "
        "unless --force is given.",
    )
    p.add_argument("--agenda", metavar="IDS", help="card ids, comma-separated (default: every card)")
    p.add_argument("--session", metavar="FILE", help="take the agenda, language and deck of this session")
    p.add_argument(
        "--per-page", type=int, choices=(1, 2, 4), default=1, help="cards per A4 sheet: 1, 2 or 4 (default 1)"
    )
    p.add_argument("--tips", action="store_true", help="also print the facilitator's tip on each card")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (mode 0600); - prints it")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    _add_common(p)
    p.set_defaults(func=cmd_cards)

    p = sub.add_parser(
        "summary",
        help="summarise a session, or a team's year from a folder or several files",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="a session file, a folder, or files")
    p.add_argument(
        "--deck",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="deck for card titles when the session's own deck is not found",
    )
    p.add_argument(
        "--lang",
        dest="out_lang",
        choices=("nl", "en"),
        default=None,
        help="language (default: the session's)",
    )
    p.add_argument("--team", metavar="NAME", help="only this team (part of its name will do)")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser(
        "calendar",
        help="the next meeting and open steps' due dates as an .ics file",
        description="Write the session's next meeting and the due dates of its open steps as an "
        "iCalendar file for Outlook, Google Calendar or Apple Calendar. Without -o it is printed; "
        "-o never overwrites an existing file unless --force is given.",
    )
    p.add_argument("session", metavar="SESSION", help="the session file")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE.ics (mode 0600); - prints it")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(func=cmd_calendar)

    p = sub.add_parser("activity", help="log collaboration by hand for a team's contact hours")
    p.set_defaults(func=partial(_usage, p))
    activity = p.add_subparsers(title="activity commands", metavar="COMMAND")
    forms = _form_names()
    q = activity.add_parser(
        "add",
        help="log an activity (kept in a session of the team)",
        description="Log collaboration that counts as contact hours: a class visit, co-teaching, "
        "a network day, ... It is kept in the team's latest session on or before its date.",
    )
    q.add_argument("--team", required=True, help="the team (part of its name will do)")
    q.add_argument("--date", required=True, metavar="DD/MM/YYYY", help="the day it took place")
    q.add_argument(
        "--form",
        required=True,
        choices=forms,
        metavar="FORM",
        help=f"form of collaboration: {', '.join(forms)}",
    )
    q.add_argument("--hours", required=True, metavar="HOURS", help="hours, e.g. 2 or 1,5")
    q.add_argument("--who", default="", help='who took part: "An, Jan"')
    q.add_argument("--note", default="", help="a short note")
    q.add_argument("--session", metavar="FILE", help="keep it in this session file instead")
    _add_common(q, lang=False)
    q.set_defaults(func=cmd_activity_add)
    q = activity.add_parser("list", help="list the activities logged, with their ids")
    q.add_argument("--team", help="only this team (part of its name will do)")
    _add_common(q, lang=False)
    q.set_defaults(func=cmd_activity_list)
    q = activity.add_parser("remove", help="remove a logged activity by its id")
    q.add_argument("id", metavar="ID", help="the id 'activity list' shows")
    q.add_argument("--team", required=True, help="the team (part of its name will do)")
    _add_common(q, lang=False)
    q.set_defaults(func=cmd_activity_remove)

    p = sub.add_parser("run", help="start a new session with the default agenda")
    p.add_argument("--team", required=True, help="team or school name")
    p.add_argument("--facilitator", default="", help="the facilitator's name")
    p.add_argument("--participants", default="", help='names, comma-separated: "Lotte, Jan Peeters"')
    _add_join(p)
    _add_common(p)
    p.set_defaults(func=cmd_app, mode="run")

    p = sub.add_parser("resume", help="reopen a saved session where it was left")
    p.add_argument("file", metavar="FILE", help="the session file")
    _add_join(p)
    _add_common(p, lang=False)
    p.set_defaults(func=cmd_app, mode="resume")

    p = sub.add_parser(
        "restore",
        help="put back the previous good version of a session file",
        description="Put back the previous good version of a session file (kept, hidden, beside it "
        "each time the app opens or closes the session). The file it replaces is kept beside it too.",
    )
    p.add_argument("file", metavar="FILE", help="the session file")
    p.add_argument("--force", action="store_true", help="restore even when FILE can be read as it is")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("follow", help="the audience view: mirror the live session for the room")
    p.add_argument(
        "session",
        nargs="?",
        metavar="SESSION",
        help="the session file (default: the session a facilitator's app has open now)",
    )
    _add_common(p, lang=False)
    p.set_defaults(func=cmd_follow)

    p = sub.add_parser("serve", help="serve the app, or the audience view, to a web browser")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this computer only)"
    )
    p.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    p.add_argument(
        "--follow",
        nargs="?",
        const="",
        metavar="SESSION",
        help="serve the audience view of SESSION (without SESSION: the one a facilitator has open)",
    )
    p.add_argument(
        "--public-url", metavar="URL", help="the address browsers use, when it differs from --host:--port"
    )
    _add_common(p, lang=False)
    p.set_defaults(func=cmd_serve)

    return parser


def cmd_restore(args: argparse.Namespace) -> int:
    """Put back the previous good version of a session file."""
    from potential_deck.core.session import lock, session_file

    path = Path(args.file)
    try:
        kept = session_file.restore(path, force=args.force)
    except lock.SessionLocked as exc:
        raise UserError(str(exc)) from None
    where = f"; the file it replaced is kept beside it as {kept.name} (hidden)" if kept else ""
    print(f"{path}: the previous version is back{where}", file=sys.stderr)
    return 0


class OutputError(UserError):
    """Standard output cannot be written (a full disk behind `> FILE`, a closed device)."""


class _GuardedOutput:
    """Standard output whose write errors become one clear message (an OutputError)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _output_error(exc) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _output_error(exc) from None

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def _output_error(exc: OSError) -> OutputError:
    _silence_stdout()
    return OutputError(
        f"cannot write to the standard output ({exc.strerror or exc}); nothing was changed: "
        "send the output to a file on a disk with room, e.g. with -o FILE or > FILE"
    )


def _silence_stdout() -> None:
    """Point the real standard output at the null device, so Python's last flush cannot fail."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.__stdout__.fileno())  # type: ignore[union-attr]
        os.close(null)


def _settings_language() -> Lang:
    from potential_deck.core.locations import settings_file
    from potential_deck.core.settings import load_settings

    try:
        return load_settings(settings_file())[0].language
    except Exception:  # the message must come out whatever is wrong with the settings
        return "nl"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status."""
    args = build_parser().parse_args(argv)
    real_stdout = sys.stdout
    sys.stdout = _GuardedOutput(real_stdout)
    try:
        status = int(args.func(args))
        sys.stdout.flush()
        return status
    except UserError as exc:
        print(f"potential-deck: {exc}", file=sys.stderr)
        return 1
    except SessionFileError as exc:
        print(f"potential-deck: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        _silence_stdout()
        sys.stderr.close()
        return 0
    except Exception as exc:  # never a traceback: its details may hold notes
        from potential_deck.core import errorlog

        errorlog.report(_settings_language(), "".join(traceback.format_exception(exc)), type(exc).__name__)
        return 1
    finally:
        sys.stdout = real_stdout
