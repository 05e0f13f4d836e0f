"""The text of an HTML export as a reader sees it: what the app's preview shows.

The preview of an HTML export is drawn from the very text that will be written, so it cannot
say something else than the file: every piece of text of the page's body, in order, with
headings, paragraphs, list items (``•``), table rows (cells joined by ``|``) and the chart's
labels on lines of their own. The page's head (title, style sheet) is not shown, as in a
browser.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "li",
        "tr",
        "table",
        "ul",
        "ol",
        "section",
        "header",
        "footer",
        "main",
        "figure",
        "figcaption",
        "svg",
        "br",
    }
)
_HIDDEN = frozenset({"head", "style", "script", "title"})
_GAP_BEFORE = frozenset({"h1", "h2", "h3", "h4", "table", "ul", "figure", "footer"})


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.line: list[str] = []
        self.hidden = 0
        self.cells = 0

    def _end_line(self, gap: bool = False) -> None:
        text = "".join(self.line).strip()
        if text:
            self.lines.append(text)
        self.line = []
        if gap and self.lines and self.lines[-1] != "":
            self.lines.append("")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self._end_line(gap=tag in _GAP_BEFORE)
            if tag == "li":
                self.line.append("• ")
            self.cells = 0
        elif tag in ("td", "th"):
            if self.cells:
                self.line.append(" | ")
            self.cells += 1
        elif tag == "text":  # a label of the chart
            self._end_line()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._end_line()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS or tag == "text":
            self._end_line()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.line.append(data)

    def text(self) -> str:
        self._end_line()
        while self.lines and self.lines[-1] == "":
            self.lines.pop()
        return "\n".join(self.lines) + "\n"


def html_text(page: str) -> str:
    """The readable text of the HTML document `page` (see the module docstring)."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return reader.text()
