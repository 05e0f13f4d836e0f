"""Mistakes the user can fix: one clear message, never a traceback."""

from __future__ import annotations


class UserError(Exception):
    """A mistake the user can fix: shown as one clear message (the CLI exits with status 1)."""
