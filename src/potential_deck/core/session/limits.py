"""How much the app takes, with the reason for each number.

A meeting of two hours typed without a pause is about 40,000 characters; the largest session
the tests use is 200 cards of 100 KB of notes (20 MB), which opens in about two seconds. Past
these limits the app says so in words instead of freezing (50 MB of notes took 25 s and 675 MB).
"""

from __future__ import annotations

MAX_NOTE_CHARS = 200_000
"""Characters in one note field: five times a meeting typed non-stop (a paste beyond is refused)."""

MAX_SESSION_BYTES = 32 * 1024 * 1024
"""Bytes in one session file: room for the 20 MB test session; more is refused on reading and writing."""


def megabytes(size: int) -> str:
    """A size in whole megabytes, for messages ('48 MB')."""
    return f"{max(1, round(size / (1024 * 1024)))} MB"
