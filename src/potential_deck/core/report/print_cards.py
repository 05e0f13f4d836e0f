"""Cards for pair work: chosen cards as one self-contained HTML file that prints on A4.

One card per page, or two or four per A4 sheet with dashed lines to cut along; large type,
each card in its kind's colour, with its title, intro and questions (the facilitator's tip
only when asked). No fonts, scripts, images or links from anywhere; every text escaped.
`@page` and print CSS make a browser's "Print" or "Save as PDF" give one sheet per page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from potential_deck.core.choices import Kind, Lang
from potential_deck.core.report.html import esc
from potential_deck.core.text.i18n import kind_label, t

if TYPE_CHECKING:
    from potential_deck.core.session.models import Card, Deck

PER_PAGE: tuple[int, ...] = (1, 2, 4)
"""How many cards fit on one A4 sheet: a whole page, two halves (A5) or four quarters (A6)."""

KIND_HEX: dict[Kind, str] = {
    Kind.START: "#1d4ed8",
    Kind.DIALOGUE: "#047857",
    Kind.ACTION: "#c2410c",
}
"""The colours of the card kinds, as the app's light theme shows them."""

ROOM: dict[int, tuple[tuple[float, ...], float, float]] = {
    1: ((4.15, 1.0, 1.75, 56.7, 0.80, 78.0), 476.0, 0.000471),
    2: ((4.03, 1.0, 1.21, 34.7, 0.80, 64.0), 850.0, 0.000525),
    4: ((3.91, 1.0, 1.42, 38.8, 0.52, 92.0), 385.0, 0.000651),
}
"""Per layout, the share of a card's height its text takes at full size: weights of the title's,
intro's and questions' characters, of each question, of the tip's characters and of a tip; the
fixed part (kind, headings, footer); and the share per unit. Measured in Chromium with its
wide default sans-serif on every card of the built-in deck (within 8%)."""

FILL = 0.86
"""The share of a card's height its text may take; type shrinks until it does."""

LARGEST = 1.2
"""How much larger than the layout's base size a short card's type may grow."""


class UnknownCards(ValueError):
    """Card ids the deck does not have; `ids` names them."""

    def __init__(self, ids: Sequence[str]) -> None:
        self.ids = tuple(ids)
        super().__init__(f"the deck has no card {', '.join(repr(i) for i in self.ids)}")


def pick(deck: Deck, ids: Iterable[str] | None = None) -> list[Card]:
    """The cards `ids` names, in that order (repeats once); the whole deck when None.

    UnknownCards when the deck lacks any of them.
    """
    if ids is None:
        return list(deck.cards)
    wanted = list(dict.fromkeys(card_id.strip() for card_id in ids if card_id.strip()))
    unknown = [card_id for card_id in wanted if not deck.has(card_id)]
    if unknown:
        raise UnknownCards(unknown)
    return [deck.card(card_id) for card_id in wanted]


def cards_html(
    deck: Deck, cards: Sequence[Card], lang: Lang, *, per_page: int = 1, tips: bool = False
) -> str:
    """The cards as one HTML page of A4 sheets, `per_page` cards (1, 2 or 4) on each."""
    if per_page not in PER_PAGE:
        raise ValueError(f"{per_page} cards per page is not possible; use 1, 2 or 4")
    deck_name = deck.info.name.get(lang, deck.info.id)
    sheets = [cards[i : i + per_page] for i in range(0, len(cards), per_page)]
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}">',
        "<head>",
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
        f"<title>{esc(t(lang, 'cards.title', deck=deck_name))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        f'<body class="per-{per_page}">',
    ]
    for sheet in sheets:
        out.append('<section class="sheet">')
        for card in sheet:
            out += _card(card, lang, deck_name, per_page, tips=tips)
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def fit(card: Card, lang: Lang, per_page: int, *, tips: bool = False) -> float:
    """The type scale at which `card` fills its place on the sheet (at most `LARGEST`).

    Wrapped text takes room with the square of the scale, the fixed lines with the scale.
    """
    weights, fixed, unit = ROOM[per_page]
    text = card.text(lang)
    tip = len(text.tip) if tips and text.tip else 0
    counts = (
        len(text.title),
        len(text.intro),
        sum(len(q) for q in text.questions),
        len(text.questions),
        tip,
        1 if tip else 0,
    )
    wrapped = unit * sum(w * n for w, n in zip(weights, counts, strict=True))
    lines = unit * fixed
    scale = (-lines + math.sqrt(lines * lines + 4 * wrapped * FILL)) / (2 * wrapped)
    return min(LARGEST, scale)


def _card(card: Card, lang: Lang, deck_name: str, per_page: int, *, tips: bool) -> list[str]:
    text = card.text(lang)
    out = [
        f'<div class="cell"><article class="card kind-{card.kind.value}" '
        f'style="--fit: {fit(card, lang, per_page, tips=tips):.2f}">',
        f'<p class="kind">{esc(kind_label(lang, card.kind))} · {card.minutes}′</p>',
        f"<h1>{esc(text.title)}</h1>",
        f'<p class="intro">{esc(text.intro)}</p>',
        f"<h2>{esc(t(lang, 'cards.questions'))}</h2>",
        '<ol class="questions">',
        *(f"<li>{esc(question)}</li>" for question in text.questions),
        "</ol>",
    ]
    if tips and text.tip:
        out.append(f'<p class="tip"><strong>{esc(t(lang, "cards.tip"))}</strong> {esc(text.tip)}</p>')
    out += [f"<footer>{esc(deck_name)}</footer>", "</article></div>"]
    return out


_BASE: dict[int, tuple[float, int]] = {1: (17.0, 14), 2: (12.5, 9), 4: (9.5, 6)}
"""Per layout: the base type size (pt) of a card at full size, and its padding (mm)."""


def _size_rules() -> str:
    return "".join(
        f".per-{per_page} .card {{ --base: {base}pt; padding: {pad}mm {pad}mm {pad * 0.7:.1f}mm; }}\n"
        for per_page, (base, pad) in _BASE.items()
    )


def _kind_rules() -> str:
    return "".join(
        f".kind-{kind.value} {{ border-top-color: {hex_}; }}\n"
        f".kind-{kind.value} .kind, .kind-{kind.value} h1 {{ color: {hex_}; }}\n"
        f".kind-{kind.value} .questions li::marker {{ color: {hex_}; }}\n"
        for kind, hex_ in KIND_HEX.items()
    )


CSS = (
    """
@page { size: A4 portrait; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: #111111; background: #d1d5db; line-height: 1.3;
       print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.sheet { width: 210mm; height: 296mm; margin: 8mm auto; background: #ffffff; display: grid;
         overflow: hidden; break-after: page; page-break-after: always;
         box-shadow: 0 1mm 4mm rgba(0, 0, 0, 0.25); }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.per-1 .sheet { grid-template: 1fr / 1fr; padding: 12mm; }
.per-2 .sheet { grid-template: 1fr 1fr / 1fr; }
.per-4 .sheet { grid-template: 1fr 1fr / 1fr 1fr; }
.cell { min-height: 0; min-width: 0; overflow: hidden; display: flex; }
.per-2 .cell, .per-4 .cell { padding: 5mm; outline: 0.25mm dashed #9ca3af; outline-offset: -0.125mm; }
.card { flex: 1; display: flex; flex-direction: column; border: 0.4mm solid #d1d5db;
        border-top: 7mm solid #6b7280; border-radius: 3mm; min-height: 0; overflow: hidden;
        font-size: calc(var(--base) * var(--fit, 1)); }
.per-4 .card { border-top-width: 5mm; }
.card .kind { margin: 0 0 0.5em; font-size: 0.62em; font-weight: bold;
              text-transform: uppercase; letter-spacing: 0.05em; }
.card h1 { margin: 0 0 0.45em; font-size: 1.75em; line-height: 1.15; }
.card .intro { margin: 0 0 0.7em; font-size: 0.95em; }
.card h2 { margin: 0 0 0.4em; font-size: 0.62em; text-transform: uppercase;
           letter-spacing: 0.05em; color: #4b5563; }
.card .questions { margin: 0; padding-left: 1.4em; font-size: 1.02em; font-weight: 600; }
.card .questions li { margin: 0 0 0.45em; padding-left: 0.15em; }
.card .tip { margin: 0.6em 0 0; padding: 0.5em 0.7em; font-size: 0.75em;
             border-left: 1mm solid #9ca3af; background: #f3f4f6; }
.card footer { margin-top: auto; padding-top: 0.8em; font-size: 0.55em; color: #6b7280;
               white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
@media print {
  body { background: #ffffff; }
  .sheet { margin: 0; box-shadow: none; }
}
"""
    + _kind_rules()
    + _size_rules()
)
"""The page's CSS: A4 sheets, the grid of cards, type sizes per layout, kind colours."""
