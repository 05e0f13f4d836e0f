"""The join address's QR code as drawn in a terminal scans back to the address (core.room.qr).

The block characters are turned back into pixels exactly as a terminal draws them (dark blocks
on light) and read with zxing-cpp, a barcode reader independent of the library that made them.
"""

from __future__ import annotations

import pytest

from potential_deck.core.room import qr

zxingcpp = pytest.importorskip("zxingcpp")

URL = "http://192.168.178.123:8765/j/12345678"
CELL = 8
"""Pixels per cell column; a cell is two of these high (a terminal's cell is about 1:2)."""

_TOP_BOTTOM = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}


def _pixels(lines: list[str], size: qr.Size) -> tuple[bytes, int, int]:
    """A grayscale image of the drawn lines: each cell CELL wide and 2×CELL high."""
    rows: list[list[bool]] = []
    for line in lines:
        if size == qr.SMALL:
            top = [_TOP_BOTTOM[ch][0] for ch in line]
            bottom = [_TOP_BOTTOM[ch][1] for ch in line]
            rows += [top] * CELL + [bottom] * CELL
        else:
            rows += [[ch == "█" for ch in line]] * (2 * CELL)
    width = len(rows[0]) * CELL
    image = bytearray()
    for row in rows:
        for dark in row:
            image += (b"\x00" if dark else b"\xff") * CELL
    return bytes(image), width, len(rows)


def _read(lines: list[str], size: qr.Size) -> list[str]:
    data, width, height = _pixels(lines, size)
    found = zxingcpp.read_barcodes(memoryview(data).cast("B", (height, width)))
    return [barcode.text for barcode in found]


@pytest.mark.parametrize("size", [qr.SMALL, qr.LARGE])
def test_the_drawn_code_reads_back_as_the_address(size: qr.Size) -> None:
    assert _read(qr.lines(URL, size), size) == [URL]


def test_the_small_code_fits_beside_the_notes() -> None:
    columns, lines = qr.dimensions(URL)
    assert columns <= 40 and lines <= 20


def test_the_large_code_has_square_modules_twice_the_size() -> None:
    small, large = qr.dimensions(URL, qr.SMALL), qr.dimensions(URL, qr.LARGE)
    assert large == (small[0] * 2, small[0])


def test_the_drawing_matches_the_librarys_modules() -> None:
    modules = qr.matrix(URL)
    drawn = qr.lines(URL, qr.LARGE)
    assert drawn == ["".join("██" if dark else "  " for dark in row) for row in modules]
    assert modules[qr.BORDER][qr.BORDER] and not modules[0][0]  # a finder's corner, the quiet zone
