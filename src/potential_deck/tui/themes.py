"""Two themes made for projectors: light and high-contrast for lit rooms, and a dark one."""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

from potential_deck.core.settings import DARK_THEME, LIGHT_THEME

KIND_DEFAULTS = {
    "kind-start": "#1d4ed8",
    "kind-dialogue": "#047857",
    "kind-action": "#c2410c",
    "timer-last": "#b45309",
    "timer-over": "#b91c1c",
}
"""Colours of the card kinds and the timer states; themes may override them."""

LIGHT = Theme(
    name=LIGHT_THEME,
    primary="#0b3d91",
    secondary="#5b21b6",
    accent="#c2410c",
    warning="#b45309",
    error="#b91c1c",
    success="#047857",
    foreground="#000000",
    background="#ffffff",
    surface="#f3f4f6",
    panel="#e5e7eb",
    dark=False,
    variables={
        **KIND_DEFAULTS,
        "footer-key-foreground": "#0b3d91",
        "block-cursor-background": "#0b3d91",
        "block-cursor-foreground": "#ffffff",
    },
)

DARK = Theme(
    name=DARK_THEME,
    primary="#60a5fa",
    secondary="#c4b5fd",
    accent="#fb923c",
    warning="#fbbf24",
    error="#f87171",
    success="#34d399",
    foreground="#f9fafb",
    background="#000000",
    surface="#111827",
    panel="#1f2937",
    dark=True,
    variables={
        "kind-start": "#60a5fa",
        "kind-dialogue": "#34d399",
        "kind-action": "#fb923c",
        "timer-last": "#fbbf24",
        "timer-over": "#f87171",
    },
)

THEMES = (LIGHT, DARK)
OWN_THEMES = {theme.name: theme for theme in THEMES}


def known_theme(name: str) -> bool:
    """Whether `name` is one of our themes or one of Textual's (a remembered theme may be either)."""
    return name in BUILTIN_THEMES or name in OWN_THEMES
