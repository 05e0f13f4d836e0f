"""Bringing session data written by older versions up to the current schema."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 1
"""The session file format; bump it and add a step to MIGRATIONS when it changes."""


class MigrationError(Exception):
    """Session data that no migration can bring to the current schema."""


Data = dict[str, Any]

FIRST_SCHEMA = 1
"""The oldest schema this version can read (through MIGRATIONS)."""

# MIGRATIONS[n] turns schema n into schema n + 1. Schema 1 is the first; add steps here.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {}


def migrate(data: Data) -> Data:
    """`data` at the current schema version; MigrationError when it cannot be."""
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < FIRST_SCHEMA:
        raise MigrationError(
            f"field schema_version: {version!r} is not a schema version; it must be a whole "
            f"number from {FIRST_SCHEMA} to {SCHEMA_VERSION}"
        )
    if version > SCHEMA_VERSION:
        raise MigrationError(
            f"field schema_version: {version} was written by a newer potential-deck (this one "
            f"reads up to {SCHEMA_VERSION}); update potential-deck to open it"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data
