"""Growth opportunities per core value as bars: text for the terminal, inline SVG for HTML.

Both take rows of (label, count); `value_rows` makes them from `summary.value_counts`.
The SVG has no scripts, no external references and no namespace URL, and is well-formed XML.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from potential_deck.core.i18n import value_label
from potential_deck.core.models import CoreValue, Lang

BLOCK = "█"
COLOURS: dict[CoreValue | None, str] = {
    CoreValue.VALUING_DIVERSITY: "#1f6f8b",
    CoreValue.SUPPORTING_ALL: "#3a7d44",
    CoreValue.WORKING_WITH_OTHERS: "#b5651d",
    CoreValue.PROFESSIONAL_DEVELOPMENT: "#6a4c93",
    None: "#777777",
}
"""Bar colours per core value, dark enough for white backgrounds and black-and-white print."""


def value_rows(
    counts: Iterable[tuple[CoreValue | None, int]], lang: Lang
) -> list[tuple[str, int, str]]:
    """(label, count, colour) per core value, labelled in `lang`."""
    return [(value_label(lang, value), n, COLOURS[value]) for value, n in counts]


def text_bars(rows: Sequence[tuple[str, int] | tuple[str, int, str]], width: int = 30) -> list[str]:
    """One line per row: the label padded, a bar of █ scaled so the longest is `width`, the count.

    A non-zero count always gets at least one block; zero gets none.
    """
    if not rows:
        return []
    width = max(width, 1)
    top = max(row[1] for row in rows)
    pad = max(len(row[0]) for row in rows)
    digits = len(str(top))
    lines = []
    for row in rows:
        label, count = row[0], row[1]
        size = 0 if top == 0 or count <= 0 else max(1, round(count / top * width))
        lines.append(f"{label:<{pad}}  {BLOCK * size:<{width}}  {count:>{digits}}")
    return lines


def svg_bars(rows: Sequence[tuple[str, int, str]], *, title: str, width: int = 640) -> str:
    """A horizontal bar chart as an inline <svg> element: a label above each bar, the count after.

    Every text is escaped; the result has no scripts and references nothing outside itself.
    """
    bar_h, gap, label_h, pad = 18, 14, 18, 8
    count_w = 48
    track = width - 2 * pad - count_w
    top = max((row[1] for row in rows), default=0)
    row_h = label_h + bar_h + gap
    height = pad * 2 + max(len(rows), 1) * row_h
    esc = _escape
    parts = [
        f'<svg class="chart" role="img" viewBox="0 0 {width} {height}" width="100%" '
        f'preserveAspectRatio="xMinYMin meet" aria-label="{esc(title)}">',
        f"<title>{esc(title)}</title>",
    ]
    for index, (label, count, colour) in enumerate(rows):
        y = pad + index * row_h
        length = 0 if top == 0 or count <= 0 else max(2, round(count / top * track))
        parts.append(
            f'<text x="{pad}" y="{y + label_h - 5}" font-size="13" '
            f'fill="#222222">{esc(label)}</text>'
        )
        parts.append(
            f'<rect x="{pad}" y="{y + label_h}" width="{track}" height="{bar_h}" '
            f'fill="#eeeeee"/>'
        )
        if length:
            parts.append(
                f'<rect x="{pad}" y="{y + label_h}" width="{length}" height="{bar_h}" '
                f'fill="{esc(colour)}"/>'
            )
        parts.append(
            f'<text x="{pad + track + 8}" y="{y + label_h + bar_h - 4}" font-size="14" '
            f'font-weight="bold" fill="#222222">{count}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
