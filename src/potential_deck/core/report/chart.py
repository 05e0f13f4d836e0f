"""Growth opportunities per core value as bars: text for the terminal, inline SVG for HTML.

Both take rows of (label, count); `value_rows` makes them from `summary.value_counts`, `form_rows`
the contact hours per form. A bar is as long as the number written after it.
The SVG has no scripts, no external references and no namespace URL, and is well-formed XML.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterable, Sequence

from potential_deck.core.session.models import Collaboration, CoreValue, Lang
from potential_deck.core.text.i18n import form_label, value_label

BLOCK = "█"
COLOURS: dict[CoreValue | None, str] = {
    CoreValue.VALUING_DIVERSITY: "#1f6f8b",
    CoreValue.SUPPORTING_ALL: "#3a7d44",
    CoreValue.WORKING_WITH_OTHERS: "#b5651d",
    CoreValue.PROFESSIONAL_DEVELOPMENT: "#6a4c93",
    None: "#777777",
}
"""Bar colours per core value, dark enough for white backgrounds and black-and-white print."""


def value_rows(counts: Iterable[tuple[CoreValue | None, int]], lang: Lang) -> list[tuple[str, int, str]]:
    """(label, count, colour) per core value, labelled in `lang`."""
    return [(value_label(lang, value), n, COLOURS[value]) for value, n in counts]


def text_bars(
    rows: Sequence[tuple[str, float] | tuple[str, float, str]],
    width: int = 30,
    shown: Callable[[float], str] = str,
) -> list[str]:
    """One line per row: the label padded, a bar of █ scaled so the longest is `width`, the count.

    A non-zero count always gets at least one block; zero gets none. `shown` writes a count
    (hours: '1,5').
    """
    if not rows:
        return []
    width = max(width, 1)
    top = max(row[1] for row in rows)
    pad = max(len(row[0]) for row in rows)
    digits = max(len(shown(row[1])) for row in rows)
    lines = []
    for row in rows:
        label, count = row[0], row[1]
        size = 0 if top == 0 or count <= 0 else max(1, round(count / top * width))
        lines.append(f"{label:<{pad}}  {BLOCK * size:<{width}}  {shown(count):>{digits}}")
    return lines


FORM_COLOURS: tuple[str, ...] = (
    "#1f6f8b",
    "#3a7d44",
    "#b5651d",
    "#6a4c93",
    "#8b1f4a",
    "#4a6b1f",
    "#1f3f8b",
    "#777777",
)
"""Bar colours for the forms of collaboration, in `Collaboration` order (the last: other)."""


HOURS_DIGITS = 1
"""Contact hours are shown to one decimal ('0,5 u'); each form's bar is drawn for its hours as shown."""


def form_rows(
    per_form: Iterable[tuple[Collaboration | None, float]], lang: Lang
) -> list[tuple[str, float, str]]:
    """(label, hours, colour) per form of collaboration, labelled in `lang`.

    The hours are rounded to `HOURS_DIGITS`, as every rendering writes them, so a bar agrees
    with its label: hours that show as '0 u' (a meeting of 2 minutes) get no bar, not a full one.
    """
    order = list(Collaboration)
    return [
        (
            form_label(lang, form),
            round(hours, HOURS_DIGITS),
            FORM_COLOURS[order.index(form)] if form is not None else COLOURS[None],
        )
        for form, hours in per_form
    ]


def svg_bars(
    rows: Sequence[tuple[str, float, str]],
    *,
    title: str,
    width: int = 640,
    shown: Callable[[float], str] = str,
) -> str:
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
            f'<text x="{pad}" y="{y + label_h - 5}" font-size="13" fill="#222222">{esc(label)}</text>'
        )
        parts.append(f'<rect x="{pad}" y="{y + label_h}" width="{track}" height="{bar_h}" fill="#eeeeee"/>')
        if length:
            parts.append(
                f'<rect x="{pad}" y="{y + label_h}" width="{length}" height="{bar_h}" fill="{esc(colour)}"/>'
            )
        parts.append(
            f'<text x="{pad + track + 8}" y="{y + label_h + bar_h - 4}" font-size="14" '
            f'font-weight="bold" fill="#222222">{esc(shown(count))}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts)


def _escape(text: str) -> str:
    return html.escape(text, quote=True)
