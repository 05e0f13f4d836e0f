"""The card as the room sees it: kind, title, introduction and guide questions.

For projection (the facilitator's F5, and the audience view) the card fills the space it has:
the title, and at large sizes the questions too, in big letters when they fit
(`core.text.bigtext`); a card that does not fit scrolls, shows a sign when more follows, and
reports its scroll position (`Scrolled`) so the room can follow the facilitator's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple, Protocol

from rich.markup import escape
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from potential_deck.core.choices import Kind, Lang
from potential_deck.core.text import bigtext
from potential_deck.core.text.i18n import kind_label, t
from potential_deck.tui.widgets import changed_only
from potential_deck.tui.widgets.big_text import BigText, rows_for

KIND_CLASSES = ("-start", "-dialogue", "-action")


def kind_class_of(kind: Kind) -> str:
    """The card view's class for a card of `kind` (give it at construction for the first card:
    adding it later restyles the card view and all its parts once more)."""
    return f"-{kind.value}"


TITLE_SHARE = 0.45
"""At most this share of the height goes to the title, so the questions keep their room."""


class CardWords(Protocol):
    """A card's words in one language: a `CardText`, or the `FirstCard` read before the models."""

    @property
    def title(self) -> str: ...
    @property
    def intro(self) -> str: ...
    @property
    def questions(self) -> Sequence[str]: ...
    @property
    def tip(self) -> str: ...


class CardView(VerticalScroll):
    """One card, large; `show(kind, words, lang)` swaps its content without rebuilding."""

    DEFAULT_CSS = """
    CardView {
        padding: 1 2;
        /* room for the scrollbar kept whether or not the card needs it: a card change that
           shows or hides it would otherwise wrap the text again and lay the screen out twice more */
        scrollbar-gutter: stable;
        border-left: thick $kind-start;
        &.-dialogue { border-left: thick $kind-dialogue; }
        &.-action { border-left: thick $kind-action; }
    }
    #card-kind {
        text-style: bold;
        color: $kind-start;
    }
    CardView.-dialogue #card-kind { color: $kind-dialogue; }
    CardView.-action #card-kind { color: $kind-action; }
    #card-title {
        text-style: bold;
        color: $foreground;
        margin: 1 0;
        padding: 0 1;
        background: $kind-start 15%;
    }
    CardView.-dialogue #card-title { background: $kind-dialogue 15%; }
    CardView.-action #card-title { background: $kind-action 15%; }
    #card-intro { margin-bottom: 1; }
    #card-questions {
        text-style: bold;
        margin-bottom: 1;
    }
    #card-tip {
        color: $text-muted;
        text-style: italic;
    }
    /* projection: the card fills the screen (its text fitted by `show`) */
    CardView.-projection {
        padding: 1 2 0 2;
        align-vertical: middle;
        scrollbar-gutter: auto;  /* the room's card takes every column it can */
    }
    CardView.-projection #card-title {
        padding: 0 2;
        margin: 1 0;
    }
    CardView.-projection #card-title.-big {
        background: transparent;
        color: $kind-start;
    }
    CardView.-projection.-dialogue #card-title.-big { color: $kind-dialogue; }
    CardView.-projection.-action #card-title.-big { color: $kind-action; }
    CardView.-projection #card-questions.-big { text-style: none; }
    #card-more {
        dock: bottom;
        display: none;
        width: 100%;
        text-align: right;
        text-style: bold;
        color: $accent;
        background: $background 80%;
    }
    """

    @dataclass
    class Scrolled(Message):
        """The card was scrolled: `fraction` is 0 at its top, 1 at its end."""

        fraction: float

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, can_focus=False)
        self._words: CardWords | None = None
        self._projection = False
        self._lang: Lang = "nl"
        self.layout_scales = (0, 0)
        """The title's and the questions' scale as last fitted (0: normal text)."""
        self._fitted: tuple[tuple[int, int, int], Fit] | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="card-kind")
        yield BigText(id="card-title")
        yield Static(id="card-intro")
        yield Static(id="card-questions")
        yield Static(id="card-tip")
        yield Static(id="card-more")

    def show(self, kind: Kind, text: CardWords, lang: Lang, *, projection: bool = False) -> None:
        """Show a card of `kind` with `text`; for projection large and without the facilitator's tip."""
        kind_class = kind_class_of(kind)
        if not self.has_class(kind_class):  # restyles the card view and all its parts
            self.remove_class(*KIND_CLASSES, update=False)
            self.add_class(kind_class)
        self._words, self._projection, self._lang = text, projection, lang
        self.set_class(projection, "-projection")
        changed_only.update(self.query_one("#card-kind", Static), kind_label(lang, kind).upper())
        changed_only.update(self.query_one("#card-intro", Static), escape(text.intro))
        tip_widget = self.query_one("#card-tip", Static)
        tip_widget.display = not projection and bool(text.tip)
        changed_only.update(tip_widget, f"[b]{t(lang, 'card.tip')}:[/b] {escape(text.tip)}")
        changed_only.update(self.query_one("#card-more", Static), t(lang, "follow.more"))
        self._fit()
        self.scroll_home(animate=False)
        self._show_more()

    # --- fitting the space ------------------------------------------------------------------

    def on_resize(self, _event: events.Resize) -> None:
        if self._projection:
            self._fit()
        self.call_after_refresh(self._show_more)

    def watch_virtual_size(self) -> None:
        """The text was laid out anew (fitted to a new space, a shared note below it): whether
        more follows may have changed without the view's own size changing."""
        self.call_after_refresh(self._show_more)

    def _fit(self) -> None:
        """Choose the largest title and questions that fit the card's space, and show them."""
        words = self._words
        if words is None:
            return
        title = self.query_one("#card-title", BigText)
        questions = self.query_one("#card-questions", Static)
        if not self._projection or self.size.width == 0:
            self.layout_scales = (0, 0)
            title.show(words.title, 0, 0)
            changed_only.update(questions, "\n".join(f"• {escape(q)}" for q in words.questions))
            return
        width = self.scrollable_content_region.width
        height = self.scrollable_content_region.height
        key = (id(words), width, height)
        if self._fitted is None or self._fitted[0] != key:
            self._fitted = (key, choose_layout(words, width, height - 1))  # minus the sign's row
        title_scale, question_scale, gap = self._fitted[1]
        self.layout_scales = (title_scale, question_scale)
        title_width = max(1, width - title.styles.gutter.width)
        title.show(words.title, title_width, 10_000, (title_scale,) if title_scale else ())
        if question_scale:
            blocks = [bigtext.render(f"• {q}", width, question_scale) or [] for q in words.questions]
            questions.update(Content("\n\n".join("\n".join(block) for block in blocks)))
        else:
            questions.update(("\n\n" if gap else "\n").join(f"• {escape(q)}" for q in words.questions))
        questions.set_class(question_scale > 0, "-big")

    # --- scrolling ----------------------------------------------------------------------------

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if round(old_value) != round(new_value):
            self.post_message(self.Scrolled(self.scroll_fraction))
            self._show_more()

    @property
    def scroll_fraction(self) -> float:
        """How far the card is scrolled: 0 at its top, 1 at its end."""
        most = self.max_scroll_y
        return round(min(1.0, self.scroll_y / most), 3) if most > 0 else 0.0

    def scroll_to_fraction(self, fraction: float) -> None:
        """Scroll to `fraction` of the way down (the facilitator's position, for the room)."""
        self.scroll_to(y=round(fraction * self.max_scroll_y), animate=False)
        self._show_more()

    def _show_more(self) -> None:
        """The sign that more of the card follows below, in projection only."""
        more = self.query_one("#card-more", Static)
        more.display = self._projection  # its row stays while projecting: the scroll range keeps still
        more.visible = self.scroll_y < self.max_scroll_y


class Fit(NamedTuple):
    """How a projected card is drawn: title and questions scale (0: normal text), blank lines between."""

    title: int
    questions: int
    gap: bool


def choose_layout(words: CardWords, width: int, height: int) -> Fit:
    """How to draw a projected card in `width` × `height`: as large as lets all of it show.

    The largest title and questions that leave the whole card visible, the title taking at
    most `TITLE_SHARE` of the height; big questions only with a big title too; questions
    closer together before anything is left to scroll.
    """
    fixed = 1 + 1 + 2 + 1  # the kind line, the intro's margin, the title's margins, the questions'
    intro = rows_for(words.intro, width, 0) or 0
    normal_questions = sum((rows_for(f"• {q}", width, 0) or 1) for q in words.questions)
    gaps = len(words.questions) - 1
    title_width = max(1, width - 4)
    title_budget = int(height * TITLE_SHARE)
    for title_scale, question_scale in ((2, 1), (1, 1), (2, 0), (1, 0)):
        title_rows = rows_for(words.title, title_width, title_scale)
        if title_rows is None or title_rows > title_budget:
            continue
        if question_scale:
            rows = [rows_for(f"• {q}", width, question_scale) for q in words.questions]
            if any(r is None for r in rows):
                continue
            question_rows = sum(r or 0 for r in rows) + gaps
        else:
            question_rows = normal_questions + gaps
        if fixed + title_rows + intro + question_rows <= height:
            return Fit(title_scale, question_scale, True)
    title_rows = rows_for(words.title, title_width, 0) or 1
    return Fit(0, 0, fixed + title_rows + intro + normal_questions + gaps <= height)
