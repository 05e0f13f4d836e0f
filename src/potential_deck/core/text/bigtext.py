"""Big letters for the room's screen: a small pixel font drawn with block characters.

A terminal has one text size, so a title that must read from the back of a room is drawn
larger with blocks: each letter is a few pixels wide and five high (capitals; an accent sits
above), drawn with `▀ ▄ █` (scale 1: a line of big text takes 4 rows) or with `██` per pixel
(scale 2: 8 rows). These block characters are in every monospace font and are drawn by the
browser terminal itself, so big text needs no special font. `render` wraps by words and
says None when the text has a character the font lacks or a word wider than the room.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# Each glyph: five rows of pixels, '#' on; widths vary (M and W are wider, I narrower).
_GLYPHS: dict[str, tuple[str, ...]] = {
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": (".##", "#..", "#..", "#..", ".##"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "F": ("###", "#..", "##.", "#..", "#.."),
    "G": (".##.", "#...", "#.##", "#..#", ".##."),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "J": ("..#", "..#", "..#", "#.#", ".#."),
    "K": ("#..#", "#.#.", "##..", "#.#.", "#..#"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": (".##.", "#..#", "#..#", "#..#", ".##."),
    "P": ("##.", "#.#", "#.#", "##.", "#.."),
    "Q": (".##.", "#..#", "#..#", "#.##", ".###"),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": (".##", "#..", ".#.", "..#", "##."),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#...#", "#...#", "#.#.#", "##.##", "#...#"),
    "X": ("#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
    "Z": ("###", "..#", ".#.", "#..", "###"),
    "0": (".#.", "#.#", "#.#", "#.#", ".#."),
    "1": (".#", "##", ".#", ".#", ".#"),
    "2": ("##.", "..#", ".#.", "#..", "###"),
    "3": ("##.", "..#", ".#.", "..#", "##."),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "##.", "..#", "##."),
    "6": (".##", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", ".#.", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "##."),
    " ": ("..", "..", "..", "..", ".."),
    ".": (".", ".", ".", ".", "#"),
    ",": (".", ".", ".", "#", "#"),
    ":": (".", "#", ".", "#", "."),
    ";": (".", "#", ".", "#", "#"),
    "!": ("#", "#", "#", ".", "#"),
    "?": ("##.", "..#", ".#.", "...", ".#."),
    "-": ("...", "...", "###", "...", "..."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "'": ("#", "#", ".", ".", "."),
    '"': ("#.#", "#.#", "...", "...", "..."),
    "(": (".#", "#.", "#.", "#.", ".#"),
    ")": ("#.", ".#", ".#", ".#", "#."),
    "/": ("..#", "..#", ".#.", "#..", "#.."),
    "•": ("..", "##", "##", "..", ".."),
    "●": ("...", "###", "###", "###", "..."),
    "✓": ("...", "..#", "#.#", ".#.", "..."),
    "…": (".....", ".....", ".....", ".....", "#.#.#"),
}
_SAME = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_ACCENTS = {"\u0301": "acute", "\u0300": "grave", "\u0308": "diaeresis", "\u0302": "circumflex"}
"""Combining marks drawn in the row above a capital; others (a cedilla, a tilde) are left out."""
_DROPPED = {"\u0327", "\u0303", "\u030a", "\u030c"}
ROWS = 8
"""Pixel rows of a line: an accent, a gap, five for the letter, one below."""
GAP = 1
"""Pixels between letters."""
LINE_ROWS = {1: ROWS // 2, 2: ROWS}
"""Text rows a line of big text takes at each scale."""


@cache
def _glyph(char: str) -> tuple[str, ...] | None:
    """A character's pixel rows (ROWS of them), accent included; None when the font lacks it."""
    char = char.translate(_SAME)
    if char in _GLYPHS:
        base, marks = char, ""
    else:
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        if base not in _GLYPHS or any(m not in _ACCENTS and m not in _DROPPED for m in marks):
            return None
    rows = _GLYPHS[base]
    width = len(rows[0])
    accent = ["."] * width
    for mark in marks:
        kind = _ACCENTS.get(mark)
        if kind == "diaeresis":
            accent[0] = accent[-1] = "#"
        elif kind == "acute":
            accent[min(width - 1, width // 2 + 1)] = "#"
        elif kind == "grave":
            accent[max(0, width // 2 - 1)] = "#"
        elif kind == "circumflex":
            accent[width // 2] = "#"
    blank = "." * width
    return ("".join(accent), blank, *rows, blank)


def can_render(text: str) -> bool:
    """Whether every character of `text` (in capitals) is in the font."""
    return all(_glyph(char) is not None for char in text.upper() if not char.isspace())


def _word_pixels(word: str) -> list[str] | None:
    """A word's pixel rows, letters `GAP` apart; None when a character is missing."""
    rows = [""] * ROWS
    for n, char in enumerate(word):
        glyph = _glyph(char)
        if glyph is None:
            return None
        for r in range(ROWS):
            rows[r] += ("." * GAP if n else "") + glyph[r]
    return rows


def _space_pixels() -> int:
    return len(_GLYPHS[" "][0]) + 2 * GAP


def _draw(pixels: list[str], scale: int) -> list[str]:
    """Pixel rows as text rows: half blocks at scale 1, two full blocks per pixel at scale 2."""
    if scale == 2:
        return [row.replace("#", "██").replace(".", "  ") for row in pixels]
    halves = {("#", "#"): "█", ("#", "."): "▀", (".", "#"): "▄", (".", "."): " "}
    return [
        "".join(halves[top, bottom] for top, bottom in zip(pixels[r], pixels[r + 1], strict=True))
        for r in range(0, ROWS, 2)
    ]


@cache
def _word_width(word: str) -> int | None:
    """A word's width in pixels; None when a character is missing."""
    widths = [_glyph(char) for char in word]
    if any(glyph is None for glyph in widths):
        return None
    return sum(len(glyph[0]) for glyph in widths if glyph is not None) + GAP * (len(word) - 1)


def measure(text: str, width: int, scale: int = 1) -> int | None:
    """The rows `render(text, width, scale)` would take, without drawing (None: it cannot)."""
    words = text.upper().split()
    if not words or scale not in LINE_ROWS:
        return None
    limit, space = width // scale, _space_pixels()
    lines, used = 0, -1
    for word in words:
        size = _word_width(word)
        if size is None or size > limit:
            return None
        if used >= 0 and used + space + size <= limit:
            used += space + size
        else:
            lines, used = lines + 1, size
    return lines * LINE_ROWS[scale]


def render(text: str, width: int, scale: int = 1) -> list[str] | None:
    """`text` in capitals as big text at most `width` columns wide, wrapped by words.

    The lines of text, `LINE_ROWS[scale]` per line of big text; None when a character is
    not in the font or a word is wider than `width`.
    """
    words = text.upper().split()
    if not words or scale not in LINE_ROWS:
        return None
    limit = width // scale
    space = _space_pixels()
    lines: list[list[str]] = []
    current: list[str] | None = None
    for word in words:
        pixels = _word_pixels(word)
        if pixels is None or len(pixels[0]) > limit:
            return None
        if current is not None and len(current[0]) + space + len(pixels[0]) <= limit:
            current = [a + "." * space + b for a, b in zip(current, pixels, strict=True)]
            lines[-1] = current
        else:
            current = pixels
            lines.append(current)
    return [row.rstrip() for line in lines for row in _draw(line, scale)]


def fit_all(
    texts: list[str], width: int, rows: int, scales: tuple[int, ...] = (2, 1)
) -> tuple[int, list[str] | None]:
    """The largest scale at which all `texts`, a blank row apart, fit `width` × `rows`; (0, None): none."""
    for scale in scales:
        blocks = [render(text, width, scale) for text in texts]
        if not blocks or any(block is None for block in blocks):
            continue
        lines: list[str] = []
        for block in blocks:
            lines += ([""] if lines else []) + (block or [])
        if len(lines) <= rows:
            return scale, lines
    return 0, None


def fit(text: str, width: int, rows: int, scales: tuple[int, ...] = (2, 1)) -> tuple[int, list[str] | None]:
    """The largest scale at which `text` fits `width` × `rows`, and its lines; (0, None): none."""
    for scale in scales:
        lines = render(text, width, scale)
        if lines is not None and len(lines) <= rows:
            return scale, lines
    return 0, None
