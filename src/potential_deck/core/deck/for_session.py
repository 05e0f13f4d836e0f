"""Which deck a session uses: the one rule that the app, the room's view and the CLI all ask.

1. `--deck`, when the user gave one: that deck and no other (a deck that cannot be used is
   the user's to fix, so it is said, never swapped for another).
2. Else the session's own deck (its `deck_path`, `~` expanded; a relative path is also looked
   for beside the session file) when it exists, can be loaded and holds every card on the
   session's agenda.
3. Else the fallback: the deck the caller starts new sessions with (the built-in one unless
   the app was given another).

A deck that is there but cannot be loaded is skipped and named (`DeckChoice.skipped`), so a
caller can say so. When no deck holds all the agenda's cards, the first that loads is the
answer and `DeckChoice.missing` lists the cards it lacks: the caller decides whether that is
a refusal (opening a session) or a report that names the unknown cards (an export).

`deck_path_for` is the same order without loading anything, for start-up (the first card is
drawn before the models are imported, see `core.deck.first_card`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from potential_deck.core.locations import builtin_deck

if TYPE_CHECKING:
    from potential_deck.core.session.models import Deck, Session


class DeckChoice(NamedTuple):
    """The deck a session uses, where it was found, and what the caller may want to say."""

    path: Path
    deck: Deck
    missing: tuple[str, ...]
    """Cards on the session's agenda that this deck does not hold (empty: it fits)."""
    skipped: tuple[Path, ...]
    """The session's own deck, when it was there but could not be loaded."""


def candidates(
    own: str, *, override: Path | None = None, folder: Path | None = None, fallback: Path | None = None
) -> list[Path]:
    """The decks to try for a session whose `deck_path` is `own`, best first.

    `override`: --deck (then it is the only one); `folder`: the session file's folder;
    `fallback`: the deck new sessions use (default: the built-in deck).
    """
    if override is not None:
        return [override]
    found: list[Path] = []
    if own:
        path = Path(own).expanduser()
        places = [path] if path.is_absolute() or folder is None else [path, folder / path]
        found = [place for place in places if place.exists()][:1]
    last = fallback if fallback is not None else builtin_deck()
    return found if found and found[0] == last else [*found, last]


def deck_path_for(
    own: str, *, override: Path | None = None, folder: Path | None = None, fallback: Path | None = None
) -> Path:
    """The deck to read first for a session whose `deck_path` is `own` (nothing is loaded)."""
    return candidates(own, override=override, folder=folder, fallback=fallback)[0]


def session_deck(
    session: Session,
    *,
    override: Path | None = None,
    folder: Path | None = None,
    fallback: Path | None = None,
    load: Callable[[Path], Deck] | None = None,
) -> DeckChoice:
    """The deck `session` uses, by the rule in this module's docstring.

    `load` reads a deck (default `core.deck.load.load`; a caller with decks in memory passes
    its own). UserError when --deck, or the fallback when nothing else loads, cannot be used.
    """
    from potential_deck.core.deck.load import DeckError, unusable
    from potential_deck.core.deck.load import load as load_deck

    read = load or load_deck
    paths = candidates(session.deck_path, override=override, folder=folder, fallback=fallback)
    loaded: list[DeckChoice] = []
    skipped: list[Path] = []
    for path in paths:
        try:
            deck = read(path)
        except DeckError as exc:
            if path == paths[-1] and not loaded:
                raise unusable(path, exc) from None
            skipped.append(path)
            continue
        missing = tuple(card_id for card_id in session.agenda if not deck.has(card_id))
        loaded.append(DeckChoice(path, deck, missing, ()))
        if not missing:
            break
    best = next((choice for choice in loaded if not choice.missing), loaded[0])
    return best._replace(skipped=tuple(skipped))
