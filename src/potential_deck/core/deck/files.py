"""Which files make a deck folder, in which order: shared by the loader (`core.deck.load`) and by
`core.deck.first_card`, which reads them before pydantic is loaded (so: no pydantic here)."""

from __future__ import annotations

from pathlib import Path

DECK_FILE = "deck.toml"
"""The deck's own file in a deck folder: id, name, version, languages, default agenda."""


def card_files(folder: Path) -> list[Path]:
    """The card files of a deck folder, in deck order (file-name order)."""
    return sorted(p for p in folder.glob("*.toml") if p.name != DECK_FILE)
