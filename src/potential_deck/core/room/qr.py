"""A QR code for the join address, drawn with block characters for a terminal (issue 17).

`segno` (pure Python, no dependencies) makes the symbol; this module turns its modules into
lines of text. A terminal cell is about twice as high as it is wide, so:

- `SMALL` draws two modules per cell, one above the other, with the half blocks ▀ ▄ █: each
  module comes out about square, and a code for a LAN address fits in 33×17 cells;
- `LARGE` draws each module as two full blocks side by side, one line high (66×33 cells),
  for the room's screen.

A block is a *dark* module: the widget that shows the lines must draw them dark on light
(`qr-code` in the CSS), whatever the theme, or some phones will not read it. The quiet zone
around the code is `BORDER` modules.
"""

from __future__ import annotations

from typing import Literal

BORDER = 2
"""Light modules around the code (the standard asks for four; phones read two well, and a
smaller code fits a laptop's screen beside the notes)."""

Size = Literal["small", "large"]
SMALL: Size = "small"
LARGE: Size = "large"

_HALVES = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def matrix(text: str) -> list[list[bool]]:
    """The modules of the QR code for `text`, quiet zone included (True: dark)."""
    import segno

    code = segno.make(text, error="m", micro=False)
    return [[bool(module) for module in row] for row in code.matrix_iter(scale=1, border=BORDER)]


def lines(text: str, size: Size = SMALL) -> list[str]:
    """The QR code for `text` as lines of block characters (see the module)."""
    rows = matrix(text)
    if size == LARGE:
        return ["".join("██" if dark else "  " for dark in row) for row in rows]
    if len(rows) % 2:
        rows.append([False] * len(rows[0]))
    return [
        "".join(_HALVES[(top, bottom)] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(rows[::2], rows[1::2], strict=True)
    ]


def dimensions(text: str, size: Size = SMALL) -> tuple[int, int]:
    """(columns, lines) the code for `text` takes."""
    drawn = lines(text, size)
    return len(drawn[0]), len(drawn)
