"""Big text that fits: a Static that draws its text with the block font when there is room."""

from __future__ import annotations

from rich.markup import escape
from textual.content import Content
from textual.widgets import Static

from potential_deck.core.text import bigtext


class BigText(Static):
    """Shows `text` in big letters at the largest scale that fits its width and `rows`.

    Without room for big letters it shows the text as it is (bold, through CSS). The
    class `-big` is set while big letters show; `scale` says which (0: normal text).
    """

    DEFAULT_CSS = """
    BigText { width: 100%; height: auto; }
    BigText.-big { text-wrap: nowrap; text-overflow: clip; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = ""
        self.scale = 0
        self.lines: list[str] | None = None
        self._asked: tuple[str, int, int, tuple[int, ...]] | None = None
        """What was last asked for: the same again redraws nothing."""

    def show(self, text: str, width: int, rows: int, scales: tuple[int, ...] = (2, 1)) -> int:
        """Show `text` as large as fits `width` × `rows`; the scale used (0: normal text)."""
        return self.show_all([text], width, rows, scales, escape(text))

    def show_all(
        self, texts: list[str], width: int, rows: int, scales: tuple[int, ...] = (2, 1), normal: str = ""
    ) -> int:
        """Show `texts` a blank row apart, as large as fits `width` × `rows`; else `normal` (markup)."""
        asked = ("\n".join(texts), width, rows, scales)
        if self._asked == asked:  # nothing to redraw (the timer asks often)
            return self.scale
        self._asked = asked
        self.text = asked[0]
        self.scale, self.lines = bigtext.fit_all(texts, width, rows, scales) if width > 0 else (0, None)
        self.update(Content("\n".join(self.lines)) if self.lines is not None else normal)
        self.set_class(self.lines is not None, "-big")
        return self.scale


def rows_for(text: str, width: int, scale: int) -> int | None:
    """Rows `text` takes at `scale` in `width` columns (0: normal text); None if it cannot."""
    if scale == 0:
        return sum(len(Content(part).wrap(max(1, width))) or 1 for part in text.split("\n"))
    return bigtext.measure(text, width, scale)
