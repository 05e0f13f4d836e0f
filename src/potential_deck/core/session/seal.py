"""The seal of a session file: its first and last line, which say that it was written whole.

Every file this app writes starts with the line HEADER and ends with the line END. A file
that has the first and not the last was cut short (by a copy, a sync tool, an editor that
gave up); files written before these lines existed (no HEADER) count as whole. The store
(`store`) writes and checks the seal; `recovery` checks it on what a crash left behind.
"""

from __future__ import annotations

HEADER = "# potential-deck session file: the last line says it was written whole"
END = "# end of potential-deck session"


def is_whole(text: str) -> bool:
    """False for a file this app wrote (HEADER) that lost its END: it was cut short."""
    return not text.startswith(HEADER) or text.rstrip().endswith(END)
