"""Opening the app from the command line: the deck, the sessions folder and the session."""

from __future__ import annotations

import argparse
from pathlib import Path

from potential_deck.cli import UserError
from potential_deck.core import deck as decks
from potential_deck.core import lock, meeting
from potential_deck.core.locations import builtin_deck, sessions_dir, settings_file
from potential_deck.core.models import Session
from potential_deck.core.store import SessionStore, read


def deck_for(session: Session | None, override: str | None) -> Path:
    """The deck to use: --deck, else the session's own deck if it still exists, else the built-in."""
    if override:
        return Path(override)
    if session and session.deck_path and (Path(session.deck_path)).exists():
        return Path(session.deck_path)
    return builtin_deck()


def load_deck(path: Path) -> decks.Deck:
    """The deck at `path`, or a UserError that lists its problems."""
    try:
        return decks.load(path)
    except decks.DeckError as exc:
        raise UserError(
            f"the deck in {path} cannot be used:\n{exc}\n(fix it, then run 'potential-deck validate {path}')"
        ) from None


def launch(args: argparse.Namespace) -> int:
    """Build the app for `args.mode` (home, run or resume) and run it."""
    store = SessionStore(sessions_dir(args.sessions))
    session: Session | None = None
    path: Path | None = None
    if args.mode == "resume":
        path = Path(args.file)
        session = read(path)
        try:
            lock.acquire(path)
        except lock.SessionLocked as exc:
            raise UserError(str(exc)) from None
    deck_path = deck_for(session, args.deck)
    deck = load_deck(deck_path)
    if session is not None:
        missing = [card_id for card_id in session.agenda if not deck.has(card_id)]
        if missing:
            raise UserError(
                f"{path}: the session uses card {missing[0]!r}, which the deck in {deck_path} does "
                "not have; open it with --deck pointing at the deck it was made with"
            )
    from potential_deck.tui.app import PotentialDeckApp

    app = PotentialDeckApp(
        deck=deck,
        deck_path=deck_path,
        store=store,
        settings_path=settings_file(),
        lang=getattr(args, "lang", None) if args.mode != "resume" else None,
    )
    if args.mode == "run":
        team = args.team.strip()
        if not team:
            raise UserError("--team needs a team or school name")
        session = meeting.new_session(
            deck,
            team=team,
            now=app.now(),
            facilitator=args.facilitator,
            participants=meeting.parse_participants(args.participants),
            language=args.lang or "nl",
            deck_path=str(deck_path),
        )
        try:
            path = store.create(session)
        except OSError as exc:
            raise UserError(
                f"cannot save a session in {store.folder} ({exc.strerror or exc}); "
                "choose another folder with --sessions DIR"
            ) from None
    app.set_initial(session, path)
    app.run()
    return 0
