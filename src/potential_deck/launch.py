"""Opening the app from the command line: the deck, the sessions folder and the session.

Everything the first screen needs is made before the window opens: `run` validates the deck,
saves the new session and locks it; `resume` locks the session and reads it. A deck, a folder
or a session that cannot be used is reported as a UserError, and nothing is written. The first
screen takes keys from its first frame (keys typed before are held and delivered in order).
"""

from __future__ import annotations

import argparse
import errno
import os
from pathlib import Path
from typing import TYPE_CHECKING

from potential_deck.core import lock, session_file
from potential_deck.core.errors import UserError
from potential_deck.core.locations import builtin_deck, sessions_dir, settings_file
from potential_deck.core.store import SessionFileError, SessionStore, make_folder

if TYPE_CHECKING:
    from potential_deck.core.models import Deck, Session
    from potential_deck.tui.app import PotentialDeckApp


def deck_for(session: Session | None, override: str | None) -> Path:
    """The deck to use: --deck, else the session's own deck if it still exists, else the built-in."""
    if override:
        return Path(override)
    if session and session.deck_path and (Path(session.deck_path)).exists():
        return Path(session.deck_path)
    return builtin_deck()


def load_deck(path: Path) -> Deck:
    """The deck at `path`, or a UserError that lists its problems (pydantic loads here)."""
    from potential_deck.core.deck import load_for_user

    return load_for_user(path)


def launch(args: argparse.Namespace) -> int:
    """Build the app for `args.mode` (home, run or resume) and run it."""
    from potential_deck.tui.closing import saving_on_signals
    from potential_deck.tui.crash_report import kept_private

    app = build_app(args)
    with saving_on_signals(app), kept_private(app):  # closing the window saves; no traceback shown
        app.run()
    if app.startup_error is not None:
        raise app.startup_error
    return app.return_code or 0


def build_app(args: argparse.Namespace) -> PotentialDeckApp:
    """The app `args` asks for; UserError for what can be found wrong before it opens."""
    from potential_deck.tui.app import PotentialDeckApp

    store = SessionStore(sessions_dir(args.sessions))
    if args.mode == "run":
        if not args.team.strip():
            raise UserError("--team needs a team or school name")
        _check_folder(store)
        deck_path = deck_for(None, args.deck)
        deck = load_deck(deck_path)
        app = PotentialDeckApp(
            deck=deck, deck_path=deck_path, store=store, settings_path=settings_file(), lang=args.lang
        )
        app.set_initial(*_new_session(args, app))
        return app
    session, path = _resumed(args) if args.mode == "resume" else (None, None)
    try:
        deck_path = deck_for(session, args.deck)
        deck = load_deck(deck_path)
        if session is not None:
            missing = [card_id for card_id in session.agenda if not deck.has(card_id)]
            if missing:
                raise UserError(
                    f"{path}: the session uses card {missing[0]!r}, which the deck in {deck_path} does "
                    "not have; open it with --deck pointing at the deck it was made with"
                )
    except UserError:
        if path is not None:
            session_file.close(path)  # a refused resume leaves nothing behind
        raise
    lang = args.lang if args.mode == "home" else None
    app = PotentialDeckApp(
        deck=deck, deck_path=deck_path, store=store, settings_path=settings_file(), lang=lang
    )
    app.set_initial(session, path)
    return app


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


def _resumed(args: argparse.Namespace) -> tuple[Session, Path]:
    """The session `resume` names, opened for this app (checked, locked, read; see core.session_file)."""
    path = Path(args.file)
    try:
        return session_file.open_file(path)[1], path
    except lock.SessionLocked as exc:
        raise UserError(str(exc)) from None


def _new_session(args: argparse.Namespace, app: PotentialDeckApp) -> tuple[Session, Path]:
    """The session `run` opens: made with the app's deck, saved under a fresh name, locked."""
    from potential_deck.core import meeting

    session = meeting.new_session(
        app.deck,
        team=args.team.strip(),
        now=app.now(),
        facilitator=args.facilitator,
        participants=meeting.parse_participants(args.participants),
        language=args.lang or "nl",
        deck_path=str(app.deck_path),
    )
    try:
        path = app.store.create(session)
    except OSError as exc:
        raise _cannot_save(app.store, exc) from None
    try:
        session_file.open_file(path, known=session)  # a fresh name: create() never reuses one
    except (SessionFileError, lock.SessionLocked) as exc:
        raise UserError(str(exc)) from None
    return session, path
