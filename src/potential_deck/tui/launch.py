"""Opening the app from the command line: the deck, the sessions folder and the session.

A deck, a folder or a session that cannot be used is reported as a UserError, and nothing is
written. The first screen takes keys from its first frame (keys typed earlier are held and
delivered in order, see `tui.key_order`).
"""

from __future__ import annotations

import argparse
import errno
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from potential_deck.core.deck.first_card import peek_new, peek_saved, plainly_readable
from potential_deck.core.deck.for_session import deck_path_for, session_deck
from potential_deck.core.errors import UserError
from potential_deck.core.locations import settings_file, usable_sessions_dir
from potential_deck.core.session import lock, session_file
from potential_deck.core.session.store import SessionFileError, SessionStore, make_folder

if TYPE_CHECKING:
    from potential_deck.core.deck.for_session import DeckChoice
    from potential_deck.core.session.models import Deck, Session
    from potential_deck.tui.app import PotentialDeckApp
    from potential_deck.tui.join_service import JoinPlan


def _override(args: argparse.Namespace) -> Path | None:
    """The deck named with --deck, if any."""
    deck: str | None = getattr(args, "deck", None)
    return Path(deck) if deck else None


def load_deck(path: Path) -> Deck:
    """The deck at `path`, or a UserError that lists its problems (pydantic loads here)."""
    from potential_deck.core.deck.load import load_for_user

    return load_for_user(path)


def launch(args: argparse.Namespace) -> int:
    """Build the app for `args.mode` (home, run or resume) and run it."""
    from potential_deck.tui.closing import saving_on_signals
    from potential_deck.tui.crash_report import kept_private

    join_plan = join_at(getattr(args, "join", None))  # a port in use is said before anything else
    app = build_app(args)
    app.join_plan = join_plan
    with saving_on_signals(app), kept_private(app):  # closing the window saves; no traceback shown
        app.run()
    if app.startup_error is not None:
        raise app.startup_error
    return app.return_code or 0


def join_at(value: str | None) -> JoinPlan | None:
    """Where participants join (`--join [HOST:]PORT`), listening already; UserError if it cannot."""
    if value is None:
        return None
    from potential_deck.tui.join_service import parse_join, plan

    try:
        host, port = parse_join(value)
    except ValueError:
        raise UserError(f"--join {value}: give a port (8765) or a host and a port (0.0.0.0:8765)") from None
    try:
        return plan(host, port)
    except OSError as exc:
        raise UserError(
            f"--join {value}: cannot listen there ({exc.strerror or exc}); choose another port"
        ) from None


def build_app(args: argparse.Namespace) -> PotentialDeckApp:
    """The app `args` asks for; UserError for what can be found wrong before it opens.

    `run` and `resume` open on their card at once when the files plainly give it
    (`core.deck.first_card`): the note fields take keys from the first frame while the deck and the
    session load in a thread (`LoadingSession`). Otherwise everything loads first.
    """
    from potential_deck.tui.app import PotentialDeckApp

    store = SessionStore(usable_sessions_dir(args.sessions))  # a file, not a folder: said now
    settings = settings_file()
    if args.mode == "run":
        if not args.team.strip():
            raise UserError("--team needs a team or school name")
        _check_folder(store)
        deck_path = deck_path_for("", override=_override(args))
        app = PotentialDeckApp(deck_path=deck_path, store=store, settings_path=settings, lang=args.lang)
        met_before = _met_before(store, args.team)
        first = None if met_before else peek_new(deck_path, team=args.team, lang=args.lang or "nl")
        if first is not None:
            from potential_deck.tui.screens.card import LoadingSession

            app.set_loading(LoadingSession(first, partial(_load_new, args, app)), new=True)
        else:  # a team that met before looks back first; a deck that cannot be used is said now
            session, path, deck = _load_new(args, app)
            app.use_deck(deck, deck_path)
            app.set_initial(session, path, new=True)
        return app
    if args.mode == "resume":
        path = _locked(args)
        try:
            first = peek_saved(
                path, lambda own: deck_path_for(own, override=_override(args), folder=path.parent)
            )
            app = PotentialDeckApp(
                deck_path=deck_path_for("", override=_override(args)),
                store=store,
                settings_path=settings,
                lang=None,
            )
            if first is not None:
                from potential_deck.tui.screens.card import LoadingSession

                app.set_loading(LoadingSession(first, partial(_load_saved, args, path)))
            else:
                session, choice = _open_saved(args, path)
                app.use_deck(choice.deck, choice.path)
                app.set_initial(session, path)
        except UserError:
            session_file.close(path)  # a refused resume leaves nothing behind
            raise
        return app
    deck_path = deck_path_for("", override=_override(args))
    if not plainly_readable(deck_path):
        load_deck(deck_path)  # a deck that is not plainly usable is said before the window opens
    # else it is validated in a thread once the list shows (`HomeScreen`); the new-session form
    # then says what is wrong with it, if anything
    return PotentialDeckApp(deck_path=deck_path, store=store, settings_path=settings, lang=args.lang)


def _cannot_save(store: SessionStore, exc: OSError) -> UserError:
    return UserError(
        f"cannot save a session in {store.folder} ({exc.strerror or exc}); "
        "choose another folder with --sessions DIR"
    )


def _check_folder(store: SessionStore) -> None:
    """UserError when the sessions folder cannot be made or written (before the window opens)."""
    try:
        make_folder(store.folder)  # private (0700) when it is new
        if not os.access(store.folder, os.W_OK | os.X_OK):
            raise PermissionError(errno.EACCES, "Permission denied")
    except OSError as exc:
        raise _cannot_save(store, exc) from None


def _locked(args: argparse.Namespace) -> Path:
    """The session file `resume` names, checked and locked for this app (it is read afterwards,
    see core.session.session_file: `claim`, then `load`)."""
    path = Path(args.file)
    try:
        session_file.claim(path)
    except lock.SessionLocked as exc:
        raise UserError(str(exc)) from None
    return path


def _load_saved(args: argparse.Namespace, path: Path) -> tuple[Session, Path, Deck]:
    """The session `resume` opens, read and checked against its deck; UserError if it cannot."""
    session, choice = _open_saved(args, path)
    return session, path, choice.deck


def _open_saved(args: argparse.Namespace, path: Path) -> tuple[Session, DeckChoice]:
    """The session `resume` opens and the deck it uses (`core.deck.for_session`); UserError
    when it cannot be read or no deck holds its cards."""
    try:
        session = session_file.open_file(path)[1]  # claimed already: read, kept as the previous version
    except SessionFileError as exc:
        raise UserError(str(exc)) from None
    choice = session_deck(session, override=_override(args), folder=path.parent)
    if choice.missing:
        raise UserError(
            f"{path}: the session uses card {choice.missing[0]!r}, which the deck in {choice.path} does "
            "not have; open it with --deck pointing at the deck it was made with"
        )
    return session, choice


def _met_before(store: SessionStore, team: str) -> bool:
    """Whether the sessions folder seems to hold an earlier session of `team` (by file name:
    cheap; the loader then reads the folder and decides)."""
    from potential_deck.core.year.teams import team_key

    key = team_key(team)
    try:
        patterns = (f"????-??-??-{key}.toml", f"????-??-??-{key}-*.toml")
        return any(next(store.folder.glob(pattern), None) for pattern in patterns)
    except OSError:
        return False


def _load_new(args: argparse.Namespace, app: PotentialDeckApp) -> tuple[Session, Path, Deck]:
    """The session `run` opens: the deck checked, the session made (a team that met before
    with a look back at its open steps), saved under a fresh name and locked; UserError if the
    deck cannot be used or the session cannot be saved."""
    from potential_deck.core.session import meeting
    from potential_deck.core.year import lookback
    from potential_deck.core.year.teams import team_key

    deck = load_deck(app.deck_path)
    session = meeting.new_session(
        deck,
        team=args.team.strip(),
        now=app.now(),
        facilitator=args.facilitator,
        participants=meeting.parse_participants(args.participants),
        language=args.lang or "nl",
        deck_path=str(app.deck_path),
    )
    key = team_key(session.team)
    earlier = [
        (item.path, item.session)
        for item in app.store.list()  # headings first: only the
        if item.heading is not None
        and team_key(item.heading.team) == key  # team's files are read
        and item.session is not None
    ]
    lookback.fill(session, earlier)
    try:
        path = app.store.create(session)
    except OSError as exc:
        raise _cannot_save(app.store, exc) from None
    try:
        session_file.open_file(path, known=session)  # a fresh name: create() never reuses one
    except (SessionFileError, lock.SessionLocked) as exc:
        raise UserError(str(exc)) from None
    return session, path, deck
