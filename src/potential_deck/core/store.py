"""Session files: TOML on disk, written atomically, readable by their owner only.

A session file is named `YYYY-MM-DD-team-slug.toml`; a second session of the same team on
the same day gets `-2`, `-3`, ... A file that cannot be read is reported, never overwritten.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from potential_deck.core import tomlin, tomlout
from potential_deck.core.migrate import MigrationError, migrate

if TYPE_CHECKING:  # the models load after the first card is drawn (see core.first_card)
    from potential_deck.core.models import Session

PRIVATE = 0o600
SUFFIX = ".toml"
_TOML_POS = re.compile(r"\s*\(at line (\d+), column \d+\)")


class SessionFileError(Exception):
    """A session file that cannot be used, with the file named and what to do."""

    def __init__(self, path: Path, problem: str, line: int | None = None) -> None:
        self.path = path
        self.problem = problem
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {problem}")


def slugify(text: str, fallback: str = "session") -> str:
    """A file-name-safe slug: accents folded, lowercase, words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:60].strip("-") or fallback


def to_toml(session: Session) -> str:
    """The session as TOML text."""
    return data_to_toml(session_data(session))


def session_data(session: Session) -> dict[str, Any]:
    """A plain copy of the session, ready for `data_to_toml` (cheap: safe on the event loop)."""
    data: dict[str, Any] = _plain(session.model_dump(mode="python", exclude_none=True))
    return data


def data_to_toml(data: dict[str, Any]) -> str:
    """TOML text from `session_data` (the costly part: fine in a thread)."""
    return tomlout.dumps(data)


def _plain(value: Any) -> Any:
    """Model data made TOML-safe: enums to their str, tuples to lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def from_toml(text: str, path: Path) -> Session:
    """A session from TOML text; SessionFileError naming `path` and the problem."""
    try:
        data = tomlin.loads(text)
    except tomlin.TOMLDecodeError as exc:
        match = _TOML_POS.search(str(exc))
        reason = _TOML_POS.sub("", str(exc))
        line = int(match.group(1)) if match else None
        if line is None and "end of document" in str(exc):
            line = max(1, len(text.splitlines()))
        raise SessionFileError(
            path,
            f"not valid TOML ({reason}); the file was left untouched: repair it in a text "
            "editor or move it out of the sessions folder",
            line,
        ) from None
    try:
        data = migrate(data)
    except MigrationError as exc:
        raise SessionFileError(path, str(exc)) from None
    from pydantic import ValidationError

    from potential_deck.core.models import Session

    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "(top)"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise SessionFileError(
            path,
            f"field {field}: {first['msg']}{more}; the file was left untouched: "
            "repair that field in a text editor",
        ) from None


def atomic_write(path: Path, text: str, mode: int = PRIVATE) -> None:
    """Write `text` to `path` so that a crash leaves the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def read(path: Path) -> Session:
    """The session saved at `path`; SessionFileError when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SessionFileError(path, "no such session file; check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SessionFileError(path, f"cannot be read ({exc})") from None
    return from_toml(text, path)


def write(path: Path, session: Session) -> None:
    """Save `session` to `path` atomically, readable by its owner only."""
    atomic_write(path, to_toml(session))


CACHE_NAME = ".potential-deck-cache.json"
"""A hidden file in a sessions folder that remembers the sessions already read (mode 0600)."""


class ReadCache:
    """Reads session files, remembering each (by name, size and change time) for next time.

    Parsing TOML is what makes reading thousands of sessions slow; the cache holds each
    validated session as JSON, which pydantic reads several times faster. A file that
    changed is read again; the cache itself is never needed: a broken one is ignored.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_NAME
        self.entries: dict[str, list[Any]] = {}
        self.seen: set[str] = set()
        self.changed = False
        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(entries, dict):
                self.entries = entries
        except (OSError, ValueError):
            pass

    def read(self, path: Path) -> Session:
        """The session at `path` (from the cache when the file is unchanged)."""
        try:
            info = path.stat()
        except OSError:
            return read(path)
        stamp = [info.st_mtime_ns, info.st_size]
        self.seen.add(path.name)
        entry = self.entries.get(path.name)
        if isinstance(entry, list) and len(entry) == 3 and entry[:2] == stamp:
            from pydantic import ValidationError

            from potential_deck.core.models import Session

            try:
                return Session.model_validate_json(entry[2])
            except (ValidationError, TypeError):
                pass
        session = read(path)
        self.entries[path.name] = [*stamp, session.model_dump_json()]
        self.changed = True
        return session

    def save(self) -> None:
        """Write the cache back if it learned something (quietly skipped when it cannot)."""
        stale = set(self.entries) - self.seen
        if not self.changed and not stale:
            return
        for name in stale:
            del self.entries[name]
        with contextlib.suppress(OSError):  # a read-only folder simply gets no cache
            atomic_write(self.path, json.dumps(self.entries, ensure_ascii=False))


@dataclass(frozen=True, slots=True)
class Listed:
    """A session file as the session list shows it: the session, or why it cannot be read."""

    path: Path
    session: Session | None
    error: SessionFileError | None
    mtime: float


class SessionStore:
    """The sessions folder: create, save, load and list session files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def create(self, session: Session) -> Path:
        """Save a new session under a fresh name (`-2`, `-3`, ... when taken); its path.

        The file appears whole or not at all, and never replaces another: the text is
        written to a temporary file, then hard-linked to a name that does not exist yet.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        stem = f"{session.date.isoformat()}-{slugify(session.team)}"
        fd, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=self.folder)
        try:
            os.fchmod(fd, PRIVATE)
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(to_toml(session))
                handle.flush()
                os.fsync(handle.fileno())
            for n in range(1, 10_000):
                path = self.folder / (f"{stem}{SUFFIX}" if n == 1 else f"{stem}-{n}{SUFFIX}")
                try:
                    os.link(tmp, path)
                except FileExistsError:
                    continue
                _fsync_dir(self.folder)
                return path
        finally:
            Path(tmp).unlink(missing_ok=True)
        raise SessionFileError(self.folder / stem, "too many sessions with this name on one day")

    def files(self) -> Iterator[Path]:
        """Session files in the folder (temporary and hidden files left out)."""
        if not self.folder.is_dir():
            return iter(())
        return (
            p
            for p in self.folder.iterdir()
            if p.suffix == SUFFIX and not p.name.startswith(".") and p.is_file()
        )

    def list(self) -> list[Listed]:
        """Every session file, newest first (by session date, then last change)."""
        listed: list[Listed] = []
        cache = ReadCache(self.folder)
        for path in self.files():
            try:
                mtime = path.stat().st_mtime
            except OSError:
                continue
            try:
                listed.append(Listed(path, cache.read(path), None, mtime))
            except SessionFileError as exc:
                listed.append(Listed(path, None, exc, mtime))
        cache.save()
        return sorted(listed, key=_newest_first_key, reverse=True)


def _newest_first_key(item: Listed) -> tuple[str, float]:
    day = item.session.date.isoformat() if item.session else ""
    return day, item.mtime
