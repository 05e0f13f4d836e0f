"""Opening the app from the command line: the deck, the sessions folder and the session.

`run` draws its first card straight from the deck's files (`core.first_card`) and only
then validates the deck and saves the new session; `resume` and the home screen load
everything first. Either way a deck or folder that cannot be used is reported as a
UserError, and nothing is written.
"""

from __future__ import annotations

import argparse
import errno
import os
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from potential_deck.core import lock, session_file
from potential_deck.core.errors import UserError
from potential_deck.core.first_card import peek
from potential_deck.core.locations import builtin_deck, sessions_dir, settings_file
from potential_deck.core.store import SessionFileError, SessionStore

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
    from potential_deck.tui.card_screen import Opening

    store = SessionStore(sessions_dir(args.sessions))
    if args.mode == "run":
        if not args.team.strip():
            raise UserError("--team needs a team or school name")
        _check_folder(store)
        deck_path = deck_for(None, args.deck)
        app = PotentialDeckApp(
            deck_path=deck_path, store=store, settings_path=settings_file(), lang=args.lang
        )
        open_new = partial(_open_new, args, app)
        first = peek(deck_path, team=args.team, lang=args.lang or "nl")
        # A deck `peek` cannot read is checked before the window opens, and reported as before.
        app.set_opening(Opening(open_new, first) if first else Opening.ready(*open_new()))
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
        store.folder.mkdir(parents=True, exist_ok=True)
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


def _open_new(args: argparse.Namespace, app: PotentialDeckApp) -> tuple[Session, Path, Deck]:
    """The session `run` opens: the deck validated, the session made, saved and locked.

    Called by the card screen after its first frame; UserError when the deck cannot be used
    or the session cannot be saved (nothing is written then).
    """
    from potential_deck.core import meeting

    deck = load_deck(app.deck_path)
    app.use_deck(deck, app.deck_path)
    session = meeting.new_session(
        deck,
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
    return session, path, deck
