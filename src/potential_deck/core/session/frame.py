"""The frame of a session file: its first line (HEADER) and its last (END).

Every file this app writes starts with HEADER and ends with END. A file that has the first and
not the last was cut short (by a copy, a sync tool, an editor that gave up); files written
before these lines existed (no HEADER) count as whole. The store writes the frame and refuses a
file cut short (`core.session.store`); the tidy after a crash asks whether a temporary file is
a whole save (`core.session.recovery`).
"""

from __future__ import annotations

HEADER = "# potential-deck session file: the last line says it was written whole"
END = "# end of potential-deck session"


def framed(toml: str) -> str:
    """The text of a session file around its TOML."""
    return f"{HEADER}\n{toml}\n{END}\n"


def is_whole(text: str) -> bool:
    """False for a file this app wrote (HEADER) that lost its END: it was cut short."""
    return not text.startswith(HEADER) or text.rstrip().endswith(END)


def is_whole_save(text: str) -> bool:
    """Whether `text` is a whole file written by this app (HEADER ... END)."""
    return text.startswith(HEADER) and is_whole(text)
