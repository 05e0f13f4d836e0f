"""Opening a session file from inside the app: through its one owner, or one clear message.

The home screen, the new-session form and `resume` all open a session here
(`core.session.session_file.open_file`: checked, locked, read). What cannot be opened — open in another
app, a read-only file or folder, a full disk, a file with a second name, a damaged file — is
said in the facilitator's language, and the app stays as it was: never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App

from potential_deck.core.choices import Lang
from potential_deck.core.session import lock, session_file
from potential_deck.core.session.store import SessionFileError
from potential_deck.core.text.i18n import t

if TYPE_CHECKING:
    from potential_deck.core.session.models import Session

EXPLAINED = {"read_only", "linked", "not_regular", "folder", "too_large", "missing"}
"""Kinds of SessionFileError said in the app's words; the others add the file's own detail."""


def open_or_explain(app: App[Any], lang: Lang, known: Session | None, path: Path) -> Session | None:
    """The session at `path`, opened for this app; None when it cannot be (and the app says why)."""
    try:
        return session_file.open_file(path, known=known)[1]
    except lock.SessionLocked as exc:
        since = exc.owner.since[11:16]
        detail = t(lang, "home.locked_since", time=since) if since else ""
        message = t(lang, "home.locked", file=path.name, since=detail)
    except SessionFileError as exc:
        message = refusal(lang, path, exc)
    app.notify(message, severity="error", timeout=15, markup=False)
    return None


def refusal(lang: Lang, path: Path, error: SessionFileError) -> str:
    """Why a session file cannot be opened, in the facilitator's language."""
    if error.kind in EXPLAINED:
        reason = t(lang, f"open.{error.kind}")
    else:
        where = t(lang, "home.at_line", line=error.line) if error.line else ""
        return t(lang, "home.broken_detail", file=path.name, where=where, detail=error.reason)
    return t(lang, "open.refused", file=path.name, reason=reason)
