"""A Screen that knows its app is the PotentialDeckApp (for its deck, store, clock and routing)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Generic, TypeVar

from textual.screen import Screen

if TYPE_CHECKING:
    from potential_deck.tui.app import PotentialDeckApp

ResultType = TypeVar("ResultType")


class AppScreen(Screen[ResultType], Generic[ResultType]):
    """Base of the app's screens: `papp` is the app, typed."""

    @property
    def papp(self) -> PotentialDeckApp:
        """The app, typed."""
        from potential_deck.tui.app import PotentialDeckApp

        assert isinstance(self.app, PotentialDeckApp)
        return self.app
