"""One owner for an open session file: links, checks, the lock, reading and writing.

`open` names the real file (links resolved: a symbolic link is never replaced by a plain file,
the file it points to is written), refuses at once what it must not write — a folder, a named
pipe or a device (checked before anything opens it), a file with a second name (a hard link),
a read-only file, a file too large — takes the OS lock (`core.session.lock`), reads the file (a file cut
short is refused, see `store.check_whole`) and keeps it as the previous good version
(`.NAME.toml.previous`, private), which also proves there is room to save.

`SessionFile.write` checks first that the file is still the one it last read or wrote (size,
change time, inode). When another program changed it (a hand edit, a sync tool bringing a
colleague's version), that version is kept beside it as `NAME (elders gewijzigd …).toml` — a
name the home screen lists as a session of its own — before this one is saved, and the write
says so. Writes are atomic and keep the file's mode; `close` keeps the last version written as
the previous good one and releases the lock. `restore` puts the previous version back.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import stat
import threading
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from potential_deck.core.choices import Lang
from potential_deck.core.session import lock
from potential_deck.core.session.limits import MAX_SESSION_BYTES, megabytes
from potential_deck.core.session.recovery import tidy
from potential_deck.core.session.store import (
    PRIVATE,
    SUFFIX,
    SessionFileError,
    atomic_write,
    check_regular,
    check_whole,
    decode,
    from_toml,
    mode_of,
    previous_version,
    read_bytes,
    write_new,
    write_temporary,
)

if TYPE_CHECKING:
    from potential_deck.core.session.models import Session

CHANGED_ELSEWHERE: dict[Lang, str] = {"nl": "elders gewijzigd", "en": "changed elsewhere"}
"""The words in the name of another program's version, kept beside the session."""


class Stamp(NamedTuple):
    """What tells one version of a file from another without reading it."""

    size: int
    mtime_ns: int
    ino: int
    dev: int

    @classmethod
    def of(cls, info: os.stat_result) -> Stamp:
        """The stamp of a stat result."""
        return cls(info.st_size, info.st_mtime_ns, info.st_ino, info.st_dev)


class Written(NamedTuple):
    """A write: the file's new stamp, and where another program's version was kept (if any)."""

    stamp: Stamp
    kept: Path | None


class TooLarge(OSError):
    """The session grew past MAX_SESSION_BYTES: it is not written (the last good file stays)."""

    def __init__(self, size: int) -> None:
        super().__init__(
            errno.EFBIG, f"the session is {megabytes(size)}, more than {megabytes(MAX_SESSION_BYTES)}"
        )


def cause(exc: BaseException) -> str:
    """Why a write failed, as a word for the facilitator's message (i18n key `cause.WORD`)."""
    if isinstance(exc, TooLarge):
        return "too_large"
    number = getattr(exc, "errno", None)
    if number in {errno.ENOSPC, getattr(errno, "EDQUOT", -1)}:
        return "disk_full"
    if number in {errno.EACCES, errno.EPERM, errno.EROFS}:
        return "no_permission"
    if number in {errno.ENOENT, errno.ENOTDIR}:
        return "folder_gone"
    return "other"


class SessionFile:
    """A session file this app holds open: the lock, the stamp of the last version seen, writes."""

    def __init__(self, path: Path, real: Path, held: lock.SessionLock, stamp: Stamp, lang: Lang) -> None:
        self.path = path
        """The path the user gave (perhaps a link)."""
        self.real = real
        """The file itself, written in place of the path."""
        self.lang = lang
        self.stamp = stamp
        self._held = held
        self._guard = threading.Lock()
        self._wrote = False
        self._loaded = False
        self.closed = False
        self.candidate: tuple[Path, Stamp] | None = None
        """The copy `claim` wrote of the file as it was then: the previous version once `load`
        has found it good."""

    @property
    def unclosed(self) -> lock.Owner | None:
        """The app that had this session open before ended without closing it (who, since
        when), or None (see `lock.SessionLock.unclosed`)."""
        return self._held.unclosed

    def write(self, text: str) -> Written:
        """Save `text` atomically; another program's version, if the file changed, is kept first.

        OSError when it cannot be written (TooLarge past the limit); the file on disk stays whole.
        """
        data_size = len(text.encode("utf-8"))
        if data_size > MAX_SESSION_BYTES:
            raise TooLarge(data_size)
        with self._guard:
            if self.closed:
                raise OSError(errno.EBADF, "the session was closed")
            try:
                now = os.stat(self.real)
            except FileNotFoundError:
                now = None  # removed meanwhile: written again, nothing to keep
            kept = None
            if now is not None and Stamp.of(now) != self.stamp:
                kept = self._keep_other()
            mode = stat.S_IMODE(now.st_mode) if now is not None else PRIVATE
            atomic_write(self.real, text, mode)
            self.stamp = Stamp.of(os.stat(self.real))
            self._wrote = True
        return Written(self.stamp, kept)

    def _keep_other(self) -> Path:
        """Keep the version another program left in the file, under a name of its own."""
        try:
            data, _ = read_bytes(self.real)
        except SessionFileError as exc:  # never write over what could not be read
            problem = f"the file was replaced by something that cannot be read: {exc.problem}"
            raise OSError(errno.EIO, problem) from None
        when = dt.datetime.now().strftime("%Y-%m-%d %H.%M")
        stem = self.real.name.removesuffix(SUFFIX)
        words = CHANGED_ELSEWHERE[self.lang]
        for n in range(1, 1000):
            number = f" {n}" if n > 1 else ""
            target = self.real.with_name(f"{stem} ({words} {when}{number}){SUFFIX}")
            try:
                write_new(target, data)
            except FileExistsError:
                continue
            return target
        raise OSError(errno.EEXIST, "too many versions changed elsewhere")

    def load(self, known: Session | None = None) -> Session:
        """Read the file (checked whole; parsed unless `known`, a session this app has just
        written there) and, the first time, keep it as the previous good version — which also
        proves there is room to save. SessionFileError when it cannot be used; thread-safe."""
        with self._guard:
            data, info = read_bytes(self.real)
            _check_before_opening(self.path, self.real, info)  # it may have changed meanwhile
            text = decode(data, self.path)
            if known is None:
                session = from_toml(text, self.path)
            else:
                check_whole(text, self.path)
                session = known
            if not self._loaded:
                try:
                    self._keep_previous(text, Stamp.of(info))
                except OSError as exc:
                    raise _cannot_write_here(self.path, self.real, exc) from None
                self._loaded = True
            self.stamp = Stamp.of(info)
            self.lang = session.language
        return session

    def _keep_previous(self, text: str, seen: Stamp) -> None:
        """Keep the file as read now as its previous good version (the candidate, if it is that)."""
        candidate, self.candidate = self.candidate, None
        if candidate is not None and candidate[1] == seen:
            os.replace(candidate[0], previous_version(self.real))
            return
        if candidate is not None:
            candidate[0].unlink(missing_ok=True)
        atomic_write(previous_version(self.real), text, PRIVATE)

    def close(self) -> None:
        """Keep the last version written as the previous good one, and release the lock."""
        with self._guard:
            if self.closed:
                return
            self.closed = True
            try:
                if self._wrote:
                    data, info = read_bytes(self.real)
                    if Stamp.of(info) == self.stamp:
                        atomic_write(previous_version(self.real), data.decode("utf-8"), PRIVATE)
            except (OSError, SessionFileError, UnicodeDecodeError):
                pass  # the session file itself is whole; only its spare copy is older
            finally:
                if self.candidate is not None:
                    self.candidate[0].unlink(missing_ok=True)
                    self.candidate = None
                self._held.release()
                if _open.get(self.real) is self:
                    del _open[self.real]


_open: dict[Path, SessionFile] = {}
"""The session files this process holds open, by real path: one owner per file."""


def real_path(path: Path) -> Path:
    """The file a path names, links resolved."""
    return Path(os.path.realpath(path))


def claim(path: Path, *, wait: float = lock.WAIT) -> SessionFile:
    """Check the session file at `path` and lock it for this app, before it is read (`load`).

    Refused at once (SessionFileError, with what to do): a folder, pipe or device, a file with a
    second name, a read-only file or folder, a file too large, one that is not UTF-8, empty or cut
    short (its bytes are read, not parsed), a disk without room for a copy of it;
    lock.SessionLocked when another app has it open. Leftovers of a crash beside it are tidied
    first. Nothing is left behind when refused.
    """
    real = real_path(path)
    mine = _open.get(real)
    if mine is not None:
        return mine
    tidy(real.parent)  # a crash's leftovers first (a half-made new session is a second name)
    _check_before_opening(path, real)
    try:
        held = lock.acquire(real, wait=wait)
    except OSError as exc:
        raise _cannot_write_here(path, real, exc) from None
    try:
        data, info = read_bytes(real)  # bytes only (no models): a damaged file is refused here too
        _check_before_opening(path, real, info)
        check_whole(decode(data, path), path)
        try:  # the previous version to be, written now: proof that there is room to save
            candidate = write_temporary(previous_version(real), data)
        except OSError as exc:
            raise _cannot_write_here(path, real, exc) from None
    except BaseException:
        held.release()
        raise
    claimed = SessionFile(path, real, held, Stamp.of(info), "nl")
    claimed.candidate = (candidate, Stamp.of(info))
    _open[real] = claimed
    return claimed


def open_file(
    path: Path, *, known: Session | None = None, wait: float = lock.WAIT
) -> tuple[SessionFile, Session]:
    """Open the session at `path` for this app: checked, locked (`claim`), read (`load`).

    With `known` (a session this app has just written there) the file is checked whole but not
    parsed again. SessionFileError (with what to do) when it cannot be opened for writing;
    lock.SessionLocked when another app has it open. Nothing is left behind when refused.
    """
    already = real_path(path) in _open
    opened = claim(path, wait=wait)
    try:
        return opened, opened.load(known)
    except BaseException:
        if not already:
            opened.close()
        raise


def attach(path: Path) -> SessionFile:
    """The open SessionFile of `path`; one that this app has just read is adopted (and locked)."""
    real = real_path(path)
    mine = _open.get(real)
    if mine is not None:
        return mine
    held = lock.acquire(real)
    try:
        info = os.stat(real)
    except OSError:
        held.release()
        raise
    opened = SessionFile(path, real, held, Stamp.of(info), "nl")
    _open[real] = opened
    return opened


def close(path: Path) -> None:
    """Close the session at `path` if this app has it open (its lock released)."""
    mine = _open.get(real_path(path))
    if mine is not None:
        mine.close()
    else:
        lock.release(path)


def close_all() -> None:
    """Close every session this app has open (on a signal, at exit)."""
    for opened in list(_open.values()):
        opened.close()


def _check_before_opening(path: Path, real: Path, info: os.stat_result | None = None) -> None:
    if info is None:
        try:
            info = os.stat(real)
        except FileNotFoundError:
            raise SessionFileError(path, "no such session file; check the path", kind="missing") from None
        except OSError as exc:
            raise SessionFileError(path, f"cannot be read ({exc.strerror or exc})") from None
    check_regular(path, info)
    if info.st_nlink > 1:
        raise SessionFileError(
            path,
            "this file has a second name (a hard link, made by a backup or sync tool or by hand), "
            "and saving would split the two names into two different files; make a copy to work "
            "on and open the copy",
            kind="linked",
        )
    if not os.access(real.parent, os.W_OK | os.X_OK):  # a read-only folder, disk or share
        raise _cannot_write_here(path, real, PermissionError(errno.EACCES, "read-only"))
    if not info.st_mode & stat.S_IWUSR or not os.access(real, os.W_OK):
        raise SessionFileError(
            path,
            "is read-only, and potential-deck never changes a read-only file; to work on it, make "
            "it writable again (chmod u+w, or on Windows: Properties, untick Read-only), or open a "
            "copy of it; 'potential-deck export' and 'summary' read it as it is",
            kind="read_only",
        )


def _cannot_write_here(path: Path, real: Path, exc: OSError) -> SessionFileError:
    folder = real.parent
    if cause(exc) == "disk_full":
        problem = (
            f"cannot be opened: there is no room left on the disk that holds {folder}, so "
            "nothing typed could be saved; free some space and try again (nothing was changed)"
        )
    else:
        problem = (
            f"cannot be opened for editing: the folder {folder} cannot be written "
            f"({exc.strerror or exc}), and potential-deck saves your notes there as you type; "
            "copy the session to a folder you can write to and open it there"
        )
    return SessionFileError(path, problem, kind="folder")


def write_copy(target: Path, text: str, name: str) -> Path:
    """Write a copy of a session to `target` (a file, or a folder to put it in as `name`); its path.

    For a facilitator whose session cannot be saved where it lives. Never over an existing file
    (FileExistsError); OSError when it cannot be written.
    """
    if target.is_dir():
        target = target / name
    write_new(target, text)
    return target


def restore(path: Path, *, force: bool = False) -> Path | None:
    """Put back the previous good version of a session; where the replaced file was kept (if any).

    SessionFileError when there is no usable previous version, or when the file itself can be
    read and `force` is not given (restoring would undo changes); lock.SessionLocked when the
    session is open in an app.
    """
    real = real_path(path)
    previous = previous_version(real)
    if real in _open:
        raise SessionFileError(path, "is open in this app; close it first", kind="open")
    try:
        held = lock.acquire(real)
    except OSError as exc:
        raise _cannot_write_here(path, real, exc) from None
    try:
        if not previous.is_file():
            raise SessionFileError(
                path,
                "no previous version of this session is kept (one is kept from the first time the "
                "session is opened by this version of potential-deck)",
                kind="no_previous",
            )
        old = read_bytes(previous)[0]
        from_toml(decode(old, previous), previous)  # only a good version is put back
        current = _current_bytes(real, path, old, force)
        kept = None
        if current is not None:
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = real.with_name(f".{real.name}.damaged-{stamp}")
            write_new(kept, current)
        atomic_write(real, old.decode("utf-8"), mode_of(real))
        return kept
    finally:
        held.release()


def _current_bytes(real: Path, path: Path, old: bytes, force: bool) -> bytes | None:
    """The bytes of the file a restore replaces (None: there is none); refuses a needless restore."""
    try:
        current = read_bytes(real)[0]
    except SessionFileError as exc:
        if exc.kind == "missing":
            return None
        if exc.kind in {"not_regular", "too_large"}:
            raise
        with open(real, "rb") as handle:  # unreadable as a session, but its bytes can be kept
            return handle.read()
    if current == old:
        raise SessionFileError(
            path, "is the same as its previous version: there is nothing to restore", kind="same"
        )
    try:
        from_toml(decode(current, path), path)
    except SessionFileError:
        return current
    if not force:
        raise SessionFileError(
            path,
            "can be read as it is; restoring would replace it with the version kept when it was "
            "last opened or closed, undoing what changed since: add --force to do so (the current "
            "file is kept beside it, hidden)",
            kind="readable",
        )
    return current
