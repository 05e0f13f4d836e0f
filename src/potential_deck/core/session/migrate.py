"""Bringing session data written by older versions up to the current schema."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

SCHEMA_VERSION = 2
"""The session file format; bump it and add a step to MIGRATIONS when it changes."""


class MigrationError(Exception):
    """Session data that no migration can bring to the current schema."""


Data = dict[str, Any]

FIRST_SCHEMA = 1
"""The oldest schema this version can read (through MIGRATIONS)."""


def _v1_to_v2(data: Data) -> Data:
    """Schema 2 (a team's year): a session id, the number of people, step ids and statuses.

    - `id`: derived from the team, the date and the creation time, so a file that is read
      again and again without being saved keeps the same id (steps carried from it point at it).
    - `people` = the number of participants named (0 when none were).
    - Each step gets an id (`s1`, `s2`, ... in plan order) and `done = true` becomes
      `status = "done"` (the day it was settled is not known; `settled` stays empty).

    Values of the wrong type are left for validation to report.
    """
    if "id" not in data:
        seed = "|".join(str(data.get(key, "")) for key in ("team", "date", "created"))
        import hashlib  # only for files from before ids (not on the way to the first frame)

        data["id"] = "v1-" + hashlib.sha256(seed.encode("utf-8")).hexdigest()[:24]
    participants = data.get("participants")
    if "people" not in data and isinstance(participants, list):
        data["people"] = len(participants)
    harvest = data.get("harvest")
    if isinstance(harvest, dict) and isinstance(harvest.get("steps"), list):
        steps = []
        for number, step in enumerate(harvest["steps"], start=1):
            if isinstance(step, dict):
                step = dict(step)
                step.setdefault("id", f"s{number}")
                if isinstance(step.get("done"), bool):
                    step["status"] = "done" if step.pop("done") else "open"
            steps.append(step)
        data["harvest"] = {**harvest, "steps": steps}
    return data


# MIGRATIONS[n] turns schema n into schema n + 1. Schema 1 is the first; add steps here.
MIGRATIONS: dict[int, Callable[[Data], Data]] = {1: _v1_to_v2}


def migrate(data: Data) -> Data:
    """`data` at the current schema version; MigrationError when it cannot be."""
    version = data.get("schema_version", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < FIRST_SCHEMA:
        raise MigrationError(  # said without the value: a file's values are never shown
            f"schema_version is not a schema version: write a whole number from {FIRST_SCHEMA} "
            f"to {SCHEMA_VERSION}, without quotes"
        )
    if version > SCHEMA_VERSION:
        raise MigrationError(
            f"schema_version {version} is from a newer potential-deck (this one reads up to "
            f"{SCHEMA_VERSION}): update potential-deck to open it"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data
