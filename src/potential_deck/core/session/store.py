"""Session files: TOML on disk, written atomically, readable by their owner only.

A session file is named `YYYY-MM-DD-team-slug.toml`; a second session of the same team on
the same day gets `-2`, `-3`, ... A file that cannot be read is reported, never overwritten.

Every file this app writes is framed by a first and a last line (`core.session.frame`): a
file that has the first and not the last was cut short and is reported as damaged before
anything can write over it; files written before these lines existed open as before. Open
sessions are read and written through `core.session.session_file`, which owns the file while
it is open; this module holds the file format.
"""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from potential_deck.core.choices import LANGS, STAGES
from potential_deck.core.session import toml_read as tomlin
from potential_deck.core.session import toml_write as tomlout
from potential_deck.core.session.frame import framed, is_whole
from potential_deck.core.session.limits import MAX_SESSION_BYTES, megabytes
from potential_deck.core.session.migrate import MigrationError, migrate

if TYPE_CHECKING:  # the models load after the first card is drawn (see core.deck.first_card)
    from potential_deck.core.session.models import Session

PRIVATE = 0o600
PRIVATE_FOLDER = 0o700
SUFFIX = ".toml"
_BOM = "\ufeff"
_SESSION_KEYS = {"schema_version", "team", "agenda", "deck_id"}


class SessionFileError(Exception):
    """A session file that cannot be used, with the file named and what to do.

    `kind` says what is wrong, for screens that offer a way out: "damaged" (cut short),
    "empty", "not_session", "encoding", "toml", "field", "missing", "not_regular", "linked",
    "read_only", "too_large", "folder" (the folder cannot be read or written), "unreadable".

    `reason` says what is wrong, `advice` what to do (may be empty); `problem` is both, and
    the message `FILE:LINE: problem`. A screen that words its own advice shows `reason`.
    """

    def __init__(
        self, path: Path, problem: str, line: int | None = None, kind: str = "unreadable", advice: str = ""
    ) -> None:
        self.path = path
        self.reason = problem
        self.advice = advice
        self.problem = f"{problem}; {advice}" if advice else problem
        self.line = line
        self.kind = kind
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {self.problem}")


def slugify(text: str, fallback: str = "session") -> str:
    """A file-name-safe slug: accents folded, lowercase, words joined by hyphens."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:60].strip("-") or fallback


# --- the file format ------------------------------------------------------------------------


def to_toml(session: Session) -> str:
    """The session as the text of a session file (HEADER, TOML, END)."""
    return data_to_toml(session_data(session))


def session_data(session: Session) -> dict[str, Any]:
    """A plain copy of the session, ready for `data_to_toml` (cheap: safe on the event loop)."""
    data: dict[str, Any] = _plain(session.model_dump(mode="python", exclude_none=True))
    return data


def data_to_toml(data: dict[str, Any]) -> str:
    """The text of a session file from `session_data` (the costly part: fine in a thread)."""
    return framed(tomlout.dumps(data))


def _plain(value: Any) -> Any:
    """Model data made TOML-safe: enums to their str, tuples to lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def decode(data: bytes, path: Path) -> str:
    """The text of a session file: UTF-8, with or without a byte-order mark."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SessionFileError(
            path,
            f"is not UTF-8 text (byte {exc.start + 1} cannot be read as UTF-8; it may have been "
            "saved as Latin-1 or Windows-1252)",
            kind="encoding",
            advice="the file was left untouched: open it in a text editor and save it again with "
            "the encoding UTF-8",
        ) from None
    return text.removeprefix(_BOM)


def check_whole(text: str, path: Path) -> None:
    """SessionFileError when the text of a session file is empty or was cut short."""
    if not text.strip():
        raise SessionFileError(
            path,
            "the file is empty: it is not a potential-deck session (or it was emptied by a copy "
            "or a sync tool)",
            kind="empty",
            advice=_restore_hint(path),
        )
    if not is_whole(text):
        raise SessionFileError(
            path,
            "this session file is incomplete: it was cut short (by a copy, a sync tool or an "
            "editor) and the notes at its end are missing",
            kind="damaged",
            advice=f"the file was left untouched: {_restore_hint(path)}",
        )


def session_data_of(text: str, path: Path) -> dict[str, Any]:
    """The data of a session file's text, migrated to the current schema but not validated:
    SessionFileError when it is cut short, not TOML, or not a session."""
    check_whole(text, path)
    try:
        data = tomlin.loads(text)
    except tomlin.TOMLDecodeError as exc:
        line, reason = tomlin.error_where(exc, text)
        raise SessionFileError(
            path,
            f"not valid TOML ({reason})",
            line,
            kind="toml",
            advice="the file was left untouched: repair it in a text editor or move it out of the "
            "sessions folder",
        ) from None
    if not _SESSION_KEYS & data.keys():
        raise SessionFileError(
            path,
            "this is not a potential-deck session (it has none of the keys a session has: team, "
            "agenda, schema_version)",
            kind="not_session",
            advice="the file was left untouched: give potential-deck a session file, or move this "
            "file out of the sessions folder",
        )
    try:
        data = migrate(data)
    except MigrationError as exc:
        from potential_deck.core.session import invalid  # only for a broken file

        line = invalid.line_of(invalid.key_lines(text), ("schema_version",))
        raise SessionFileError(
            path, str(exc), line, kind="field", advice="the file was left untouched"
        ) from None
    return data


def from_toml(text: str, path: Path) -> Session:
    """A session from the text of a session file; SessionFileError naming `path` and the problem."""
    data = session_data_of(text, path)
    from pydantic import ValidationError

    from potential_deck.core.session.models import Session

    try:
        return Session.model_validate(data)
    except ValidationError as exc:  # said without the wrong value: it may be a note
        from potential_deck.core.session import invalid  # only for a broken file

        line, problem = invalid.explain(exc.errors(include_input=False, include_url=False), text, data)
        raise SessionFileError(path, problem, line, kind="field", advice=_UNTOUCHED) from None


_UNTOUCHED = "the file was left untouched: repair it in a text editor"


def previous_version(path: Path) -> Path:
    """Where the previous good version of a session file is kept: beside it, hidden."""
    return path.with_name(f".{path.name}.previous")


def _restore_hint(path: Path) -> str:
    """What to do with a file cut short or emptied: restore it when a previous version was kept."""
    real = Path(os.path.realpath(path))
    if previous_version(real).is_file():
        return f"put back the previous version with 'potential-deck restore {path}'"
    return "repair it in a text editor, or move it out of the sessions folder"


# --- reading and writing files --------------------------------------------------------------

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)


def check_regular(path: Path, info: os.stat_result) -> None:
    """SessionFileError unless `info` (of `path`) is a regular file of a size we read."""
    if stat.S_ISDIR(info.st_mode):
        raise SessionFileError(
            path, "is a folder, not a session file; give the path of a .toml file", kind="not_regular"
        )
    if not stat.S_ISREG(info.st_mode):
        raise SessionFileError(
            path,
            "is not a regular file (a named pipe, a device or a socket) and was not opened; "
            "give the path of a session file",
            kind="not_regular",
        )
    if info.st_size > MAX_SESSION_BYTES:
        raise SessionFileError(
            path,
            f"is {megabytes(info.st_size)}; potential-deck opens session files up to "
            f"{megabytes(MAX_SESSION_BYTES)} (a meeting's notes are rarely more than 1 MB): "
            "remove pasted text from it in a text editor, or split it into two sessions",
            kind="too_large",
        )


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a session file and its stat, checked before reading (a pipe never blocks)."""
    try:
        check_regular(path, os.stat(path))
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except SessionFileError:
        raise
    except FileNotFoundError:
        raise SessionFileError(path, "no such session file; check the path", kind="missing") from None
    except OSError as exc:
        raise SessionFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        check_regular(path, info)  # what was opened is what was checked
        chunks = []
        while chunk := os.read(fd, 1 << 20):
            chunks.append(chunk)
        return b"".join(chunks), info
    except OSError as exc:
        raise SessionFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)


def read(path: Path) -> Session:
    """The session saved at `path`; SessionFileError when it cannot be read."""
    data, _ = read_bytes(path)
    return from_toml(decode(data, path), path)


def make_folder(folder: Path) -> None:
    """Create `folder` and any missing parent, each private (0700); existing ones are left as they are."""
    missing = []
    for level in (folder, *folder.parents):
        if level.is_dir():
            break
        missing.append(level)
    for level in reversed(missing):
        with contextlib.suppress(FileExistsError):
            level.mkdir(mode=PRIVATE_FOLDER)


def _write_all(fd: int, data: bytes) -> None:
    """Write `data` to `fd` and flush it to the disk: every file this module writes goes through here."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _set_mode(fd: int, path: str, mode: int) -> None:
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode)
    else:  # pragma: no cover - Windows before Python 3.13: only the read-only flag exists
        os.chmod(path, mode)


def atomic_write(path: Path, text: str, mode: int = PRIVATE) -> os.stat_result:
    """Write `text` to `path` so that a crash leaves the old file or the new, never half.

    The file gets `mode` (default private, 0600; `mode_of` keeps an existing file's mode).
    Missing folders are created private. Returns the new file's stat.
    """
    make_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        try:
            _set_mode(fd, tmp, mode)
            _write_all(fd, text.encode("utf-8"))
            written = os.fstat(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _fsync_dir(path.parent)
    return written


def _fsync_dir(folder: Path) -> None:
    try:
        dir_fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; its renames are durable without it
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def mode_of(path: Path) -> int:
    """The mode a file has (the user's choice, kept when it is rewritten); 0600 for a new one."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return PRIVATE


def write(path: Path, session: Session) -> None:
    """Save `session` to `path` atomically (a new file private; an existing one keeps its mode)."""
    atomic_write(path, to_toml(session), mode_of(path))


def write_temporary(beside: Path, data: bytes) -> Path:
    """Write `data` to a new private temporary file beside `beside` (`.NAME.XXXX.tmp`); its path.

    OSError when it cannot be written (nothing is left then)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{beside.name}.", suffix=".tmp", dir=beside.parent)
    try:
        try:
            _set_mode(fd, tmp, PRIVATE)
            _write_all(fd, data)
        finally:
            os.close(fd)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def place_new(tmp: str, path: Path) -> None:
    """Give the written temporary file `tmp` the name `path`, which must not exist yet (FileExistsError).

    A hard link does it in one step; where links do not exist (FAT and exFAT USB sticks, some
    network shares) the name is first claimed empty, then replaced by the whole file.
    """
    try:
        os.link(tmp, path)
        return
    except FileExistsError:
        raise
    except (OSError, NotImplementedError):
        pass  # no hard links here; a real problem (a read-only folder) fails again just below
    claim = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
    os.close(claim)
    os.replace(tmp, path)


def write_new(path: Path, content: str | bytes) -> None:
    """Write a new file at `path`, private, whole or not at all; FileExistsError if it exists."""
    make_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.new.", suffix=".tmp", dir=path.parent)
    try:
        try:
            _set_mode(fd, tmp, PRIVATE)
            _write_all(fd, content.encode("utf-8") if isinstance(content, str) else content)
        finally:
            os.close(fd)
        place_new(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)
    _fsync_dir(path.parent)


# --- the sessions folder --------------------------------------------------------------------


class Heading(NamedTuple):
    """What the session list shows of a session (and all the read cache keeps: no notes)."""

    team: str
    date: dt.date
    language: str
    stage: str
    position: int
    cards: int
    """Cards on the agenda."""

    @classmethod
    def of(cls, session: Session) -> Heading:
        """The heading of a session."""
        live = session.live
        return cls(
            session.team, session.date, session.language, live.stage, live.position, len(session.agenda)
        )

    def to_json(self) -> list[Any]:
        """The heading as JSON data."""
        return [self.team, self.date.isoformat(), self.language, self.stage, self.position, self.cards]

    @classmethod
    def peek(cls, path: Path) -> Heading | None:
        """The heading of the session file at `path`, read without the models (no pydantic: the
        home screen lists a folder before its first frame this way). None when the heading's
        fields are not plainly right: `read` then says what is wrong. The rest of the file is
        not validated here (`SessionStore.check` does that)."""
        data, _ = read_bytes(path)
        raw = session_data_of(decode(data, path), path)
        live = raw.get("live", {})
        agenda = raw.get("agenda")
        if not isinstance(live, dict) or not isinstance(agenda, list):
            return None
        heading = cls(
            raw.get("team"),  # type: ignore[arg-type]  # checked below
            raw.get("date"),  # type: ignore[arg-type]
            raw.get("language", "nl"),
            live.get("stage", "cards"),
            live.get("position", 0),
            len(agenda),
        )
        plain = (
            isinstance(heading.team, str)
            and bool(heading.team.strip())
            and type(heading.date) is dt.date
            and heading.language in LANGS
            and heading.stage in STAGES
            and type(heading.position) is int
            and heading.position >= 0
            and all(isinstance(card, str) for card in agenda)
        )
        return heading if plain else None

    @classmethod
    def from_json(cls, data: Any) -> Heading | None:
        """A heading from `to_json` data; None when it is not one."""
        try:
            team, day, language, stage, position, cards = data
            heading = cls(team, dt.date.fromisoformat(day), language, stage, position, cards)
        except (TypeError, ValueError):
            return None
        kinds = (str, dt.date, str, str, int, int)
        return heading if all(isinstance(v, k) for v, k in zip(heading, kinds, strict=True)) else None


CACHE_NAME = ".potential-deck-cache.json"
"""A hidden file in a sessions folder that remembers the headings of the sessions already read."""


class ReadCache:
    """Reads the headings of session files, remembering each (by name, size, change time).

    Parsing TOML is what makes listing thousands of sessions slow. The cache keeps only what
    the session list shows (team, date, language, how far it got): no note, no name of a
    participant, so a deleted session leaves nothing of what was said. A file that changed is
    read again; the cache itself is never needed: a broken one is ignored.
    """

    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_NAME
        self.entries: dict[str, list[Any]] = {}
        self.seen: set[str] = set()
        self.changed = False
        import json  # here: `run` and `resume` never list the folder before their first frame

        try:
            entries = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(entries, dict):
                self.entries = entries
        except (OSError, ValueError):
            pass

    def _remembered(self, path: Path) -> tuple[list[int] | None, Heading | None]:
        """The file's stamp (size and change time; None when it cannot be looked at) and its
        heading if the cache holds it for that stamp."""
        try:
            info = path.stat()
        except OSError:
            return None, None
        stamp = [info.st_mtime_ns, info.st_size]
        self.seen.add(path.name)
        entry = self.entries.get(path.name)
        if isinstance(entry, list) and len(entry) == 3 and entry[:2] == stamp:
            return stamp, Heading.from_json(entry[2])
        return stamp, None

    def heading(self, path: Path) -> Heading:
        """The heading of the session at `path` (from the cache when the file is unchanged)."""
        stamp, cached = self._remembered(path)
        if cached is not None:
            return cached
        heading = Heading.of(read(path))
        if stamp is not None:
            self.entries[path.name] = [*stamp, heading.to_json()]
            self.changed = True
        return heading

    def quick_heading(self, path: Path) -> tuple[Heading, bool]:
        """The heading of the session at `path`, and whether the whole file was validated: from
        the cache (validated) or, for a file it does not know, read without the models
        (`Heading.peek`, not validated, not remembered)."""
        _, cached = self._remembered(path)
        if cached is not None:
            return cached, True
        peeked = Heading.peek(path)
        return (peeked, False) if peeked is not None else (self.heading(path), True)

    def save(self) -> None:
        """Write the cache back if it learned or forgot something (quietly skipped when it cannot)."""
        stale = set(self.entries) - self.seen
        if not self.changed and not stale:
            return
        for name in stale:
            del self.entries[name]
        import json

        with contextlib.suppress(OSError):  # a read-only folder simply gets no cache
            atomic_write(self.path, json.dumps(self.entries, ensure_ascii=False), PRIVATE)


@dataclass(slots=True)
class ListedSession:
    """A session file as the session list shows it: its heading, or why it cannot be read.

    The whole session (`session`) is read from the file when first asked for: the list and
    its cache keep only the heading.
    """

    path: Path
    heading: Heading | None
    error: SessionFileError | None
    mtime: float
    checked: bool = True
    """False: the heading was read without validating the whole file (`SessionStore.check`)."""
    _session: Session | None = field(default=None, repr=False, compare=False)

    @property
    def session(self) -> Session | None:
        """The whole session, read when first asked for (None: it cannot be read)."""
        if self._session is None and self.heading is not None:
            try:
                self._session = read(self.path)
            except SessionFileError:
                return None
        return self._session


class SessionStore:
    """The sessions folder: create, save, load and list session files."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def create(self, session: Session) -> Path:
        """Save a new session under a fresh name (`-2`, `-3`, ... when taken); its path.

        The file appears whole or not at all, and never replaces another: the text is
        written to a temporary file, then given a name that does not exist yet.
        """
        make_folder(self.folder)
        stem = f"{session.date.isoformat()}-{slugify(session.team)}"
        fd, tmp = tempfile.mkstemp(prefix=f".{stem}.new.", suffix=".tmp", dir=self.folder)
        try:
            try:
                _set_mode(fd, tmp, PRIVATE)
                _write_all(fd, to_toml(session).encode("utf-8"))
            finally:
                os.close(fd)
            for n in range(1, 10_000):
                path = self.folder / (f"{stem}{SUFFIX}" if n == 1 else f"{stem}-{n}{SUFFIX}")
                try:
                    place_new(tmp, path)
                except FileExistsError:
                    continue
                _fsync_dir(self.folder)
                return path
        finally:
            Path(tmp).unlink(missing_ok=True)
        raise SessionFileError(self.folder / stem, "too many sessions with this name on one day")

    def files(self) -> Iterator[Path]:
        """Session files in the folder (temporary and hidden files left out).

        SessionFileError (kind "folder") when the folder exists but cannot be read.
        """
        try:
            names = [entry for entry in os.scandir(self.folder) if _is_session_name(entry.name)]
        except (FileNotFoundError, NotADirectoryError):
            return iter(())
        except OSError as exc:
            raise SessionFileError(
                self.folder,
                f"the sessions folder cannot be read ({exc.strerror or exc}); check that you may "
                "open it, or choose another folder with --sessions DIR",
                kind="folder",
            ) from None
        return (Path(entry.path) for entry in names if _is_file(entry))

    def list(self, *, check: bool = True) -> list[ListedSession]:
        """Every session file, newest first (by session date, then last change).

        Leftovers of a crash are tidied first (see `core.session.recovery.tidy`). With
        `check=False` a file the read cache does not know is read without the models: its
        heading shows at once, and `check` validates it later (`ListedSession.checked`).
        """
        from potential_deck.core.session.recovery import tidy

        files = list(self.files())  # SessionFileError when the folder cannot be read
        tidy(self.folder)
        listed: list[ListedSession] = []
        cache = ReadCache(self.folder)
        for path in files:
            try:
                mtime = path.stat().st_mtime
            except OSError:
                continue
            try:
                if check:
                    listed.append(ListedSession(path, cache.heading(path), None, mtime))
                else:
                    heading, checked = cache.quick_heading(path)
                    listed.append(ListedSession(path, heading, None, mtime, checked))
            except SessionFileError as exc:
                listed.append(ListedSession(path, None, exc, mtime))
        cache.save()
        return sorted(listed, key=_newest_first_key, reverse=True)

    def check(
        self, listed: builtins.list[ListedSession], stop: Callable[[], bool] = lambda: False
    ) -> builtins.list[ListedSession]:
        """`listed` with every session not yet validated (`checked` False) read in full: its
        heading confirmed and remembered by the read cache, or the reason it cannot be used;
        newest first, as `list` orders them. `stop()` true: the rest stays as it was."""
        if all(item.checked for item in listed):
            return listed
        cache = ReadCache(self.folder)
        cache.seen.update(cache.entries)  # forget nothing: this looks at a few files only
        result: builtins.list[ListedSession] = []
        for item in listed:
            if item.checked or stop():
                result.append(item)
                continue
            try:
                result.append(ListedSession(item.path, cache.heading(item.path), None, item.mtime))
            except SessionFileError as exc:
                result.append(ListedSession(item.path, None, exc, item.mtime))
        cache.save()
        return sorted(result, key=_newest_first_key, reverse=True)


def _is_session_name(name: str) -> bool:
    return name.endswith(SUFFIX) and not name.startswith(".")


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:
        return False


def _newest_first_key(item: ListedSession) -> tuple[str, float]:
    day = item.heading.date.isoformat() if item.heading else ""
    return day, item.mtime
