"""Every command of the app, declared once: its keys, its action, its words in Dutch and English,
and where it applies. The screens' bindings, the key bar, the help list (F1) and the command
palette are all built from these declarations.

The rule they keep: **a key that can be text is never a command while text can be typed.** A
command that works while a field takes text (`Where.TYPING`, `Where.FORM`) uses keys that cannot
be text: PageUp/PageDown (a presenter's clicker), F-keys, Ctrl-combinations, Escape, Tab. Single
letters, Space and arrows (`letters`) act only where nothing can be typed: the card screen after
the facilitator left the notes (`STEERING`), projection mode (`PROJECTION`), and lists with no
text field beside them (`LIST`). `tests/tui/test_keys.py` checks both, and both languages.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from textual.binding import Binding, BindingType

from potential_deck.core.choices import Lang


class Where(StrEnum):
    """Where a command applies, by what the keyboard is doing there."""

    TYPING = "typing"
    """The card screen with its notes visible: a note field takes every key that can be text."""
    STEERING = "steering"
    """The card screen after Escape: nothing takes text, letters steer the meeting."""
    PROJECTION = "projection"
    """Projection mode (F5): only the card and the timer, nothing takes text."""
    LIST = "list"
    """A list (harvest, home) with no text field: letters are commands."""
    FORM = "form"
    """A form, a dialog or a text field on a harvest step: fields take text."""


TEXT_PLACES = frozenset({Where.TYPING, Where.FORM})
"""Where text can be typed: no printable key may be bound there."""
CARD = frozenset({Where.TYPING, Where.STEERING, Where.PROJECTION})
NOT_TYPING = frozenset({Where.STEERING, Where.PROJECTION})
HARVEST = frozenset({Where.LIST, Where.FORM})


@dataclass(frozen=True, slots=True)
class Command:
    """One command: keys that work wherever it applies, letters where nothing can be typed."""

    id: str
    action: str
    label: tuple[str, str]
    """The key bar's word(s), Dutch and English."""
    help: tuple[str, str]
    """The help list's line, Dutch and English."""
    where: frozenset[Where]
    keys: str = ""
    """Textual key names (comma-separated) that work wherever the command applies."""
    letters: str = ""
    """Key names that can be text: they act only where nothing can be typed."""
    display: str = ""
    """How the key bar names the keys (default: the first key that acts where the bar is)."""
    show: bool = True
    """Shown on the key bar."""
    on: frozenset[str] = frozenset()
    """The screen's parts (harvest steps) it is limited to; empty: all."""
    palette: bool = False
    """Also offered in the command palette (Ctrl+P)."""

    def words(self, lang: Lang) -> str:
        """The key bar's word in `lang`."""
        return self.label[0] if lang == "nl" else self.label[1]

    def explain(self, lang: Lang) -> str:
        """The help list's line in `lang`."""
        return self.help[0] if lang == "nl" else self.help[1]

    def bar_keys(self, where: Where, lang: Lang | None = None) -> str:
        """The key the key bar names in `where`: `display`, else the one that acts there
        (the space bar named in `lang`, if given)."""
        if self.display:
            return in_language(self.display, lang)
        keys, letters = _split(self.keys), _split(self.letters)
        names = letters if letters and (where not in TEXT_PLACES or not keys) else keys
        return in_language(key_name(names[0]), lang) if names else ""

    def all_keys(self, lang: Lang | None = None) -> str:
        """Every key of the command, as people read them (for the help list)."""
        names = [*_split(self.keys), *_split(self.letters)]
        shown = "  ".join(dict.fromkeys(key_name(name) for name in names)) or self.display
        return in_language(shown, lang)

    def applies(self, where: Where, part: str = "") -> bool:
        """Whether the command works in `where` (and on `part` of the screen, if limited)."""
        return where in self.where and (not self.on or part in self.on)

    def letters_apply(self, where: Where) -> bool:
        """Whether its `letters` may act in `where` (never where text can be typed)."""
        return where not in TEXT_PLACES


def _split(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


SPACE = "Spatie/Space"
"""The space bar as `key_name` names it in no language in particular."""
SPACE_IN: dict[Lang, str] = {"nl": "Spatie", "en": "Space"}

_NAMES = {
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "space": SPACE,
    "delete": "Del",
    "right": "→",
    "left": "←",
    "up": "↑",
    "down": "↓",
    "plus": "+",
    "minus": "-",
    "equals_sign": "=",
    "full_stop": ".",
    "question_mark": "?",
}


def in_language(keys: str, lang: Lang | None) -> str:
    """Key names as `key_name` gives them, the space bar named in `lang` (if given)."""
    return keys.replace(SPACE, SPACE_IN[lang]) if lang else keys


def key_name(key: str) -> str:
    """A Textual key name as people read it."""
    if key in _NAMES:
        return _NAMES[key]
    if key.startswith("ctrl+"):
        return "Ctrl+" + key_name(key.removeprefix("ctrl+")).upper()
    if key.startswith("shift+"):  # written as Ctrl+T is: Shift+Tab
        return "Shift+" + key_name(key.removeprefix("shift+"))
    if key.startswith("f") and key[1:].isdigit():
        return key.upper()
    return key


LETTERS_SUFFIX = "_letters"
"""A command's letters are bound under `<id>_letters`, so `check_action` can tell them apart."""


def bindings(commands: Iterable[Command]) -> list[BindingType]:
    """Textual bindings for `commands`.

    Its keys are priority bindings (they work whatever has focus; `tui.key_order` runs them
    only after the keys typed before them), acting as `command('<id>')`; its letters are plain
    bindings acting as `letter('<id>')`. A screen's `check_action` decides from the command
    whether it applies where the keyboard is now (see `tui.screens.base.DeclaredCommands`).
    """
    found: list[BindingType] = []
    for command in commands:
        if command.keys:
            found.append(
                Binding(
                    command.keys,
                    f"command({command.id!r})",
                    command.label[1],
                    id=command.id,
                    show=command.show,
                    priority=True,
                )
            )
        if command.letters:
            found.append(
                Binding(
                    command.letters,
                    f"letter({command.id!r})",
                    command.label[1],
                    id=command.id + LETTERS_SUFFIX,
                    show=command.show,
                )
            )
    return found


def by_id(commands: Sequence[Command]) -> dict[str, Command]:
    """The commands by id."""
    return {command.id: command for command in commands}


# --- everywhere ------------------------------------------------------------------------------

QUIT = Command(
    "quit",
    "app.quit",
    ("Stoppen", "Quit"),
    ("Opslaan en stoppen", "Save and quit"),
    frozenset(Where),
    keys="ctrl+q",
)
PALETTE = Command(
    "palette",
    "app.command_palette",
    ("Meer", "More"),
    (
        "Alle opdrachten: naar een kaart, oogst, exporteren, thema, beginscherm",
        "Every command: go to a card, the harvest, export, theme, home screen",
    ),
    frozenset(Where),
    keys="ctrl+p",
)


def help_command(where: frozenset[Where]) -> Command:
    """F1 (and `?` where nothing can be typed): the screen's keys."""
    return Command(
        "help",
        "help",
        ("Toetsen", "Keys"),
        ("Deze lijst van toetsen", "This list of keys"),
        where,
        keys="f1",
        letters="question_mark" if where - TEXT_PLACES else "",
    )


# --- participants' phones (issue 17): on the card screen, the harvest and the join screen ---

JOIN = Command(
    "join",
    "join",
    ("Deelnemers laten meedoen", "Let participants join"),
    (
        "Deelnemers laten meedoen met hun telefoon: adres, code en QR-code (opnieuw: wie meedoet)",
        "Let participants join from their phones: address, code and QR code (again: who joined)",
    ),
    frozenset(Where),
    keys="f7",
    show=False,
    palette=True,
)
JOIN_ROOM = Command(
    "join_room",
    "join_room",
    ("QR-code voor de zaal", "QR code for the room"),
    (
        "De QR-code om mee te doen groot tonen aan de zaal; opnieuw: alleen de regel met de code",
        "Show the room the QR code to join, large; again: only the line with the code",
    ),
    frozenset(Where),
    keys="f8",
    show=False,
    palette=True,
)

VOTE = Command(
    "vote",
    "vote",
    ("Stemming", "Vote"),
    (
        "De stemming met telefoons openen of sluiten (in de oogst; de stippen blijven staan)",
        "Open or close the vote from phones (at the harvest; the dots placed stay)",
    ),
    frozenset({Where.LIST}),
    letters="o",
    on=frozenset({"votes"}),
)
HIDE = Command(
    "hide",
    "hide",
    ("Verbergen", "Hide"),
    (
        "Een groeimogelijkheid verbergen voor de zaal en de telefoons, of weer tonen",
        "Hide a growth opportunity from the room and the phones, or show it again",
    ),
    frozenset({Where.LIST}),
    letters="h",
    on=frozenset({"items", "votes"}),
)


# --- the card screen -----------------------------------------------------------------------

CARD_COMMANDS: tuple[Command, ...] = (
    Command(
        "next",
        "next",
        ("Volgende", "Next"),
        (
            "Volgende kaart (de clicker; → en Spatie als je niet typt)",
            "Next card (the clicker; → and Space when you are not typing)",
        ),
        CARD,
        keys="pagedown",
        letters="right,space",
        display="PgDn",
    ),
    Command(
        "prev",
        "prev",
        ("Vorige", "Previous"),
        (
            "Vorige kaart (de clicker; ← als je niet typt)",
            "Previous card (the clicker; ← when you are not typing)",
        ),
        CARD,
        keys="pageup",
        letters="left",
        display="PgUp",
    ),
    Command(
        "leave",
        "leave_notes",
        ("Sturen", "Steer"),
        (
            "Uit de notities: letters sturen dan de kaart (t timer, b zwart, Spatie volgende)",
            "Leave the notes: letters then steer the card (t timer, b blank, Space next)",
        ),
        frozenset({Where.TYPING}),
        keys="escape",
    ),
    Command(
        "notes",
        "field(1)",
        ("Volgend veld", "Next field"),
        (
            "Naar het volgende notitieveld; na Esc: terug naar de notities (of typ gewoon verder)",
            "To the next note field; after Esc: back to the notes (or just type)",
        ),
        frozenset({Where.TYPING, Where.STEERING}),
        keys="tab",
        letters="enter",
        display="Tab",
    ),
    Command(
        "prev_field",
        "field(-1)",
        ("Vorig veld", "Previous field"),
        ("Naar het vorige notitieveld", "To the previous note field"),
        frozenset({Where.TYPING, Where.STEERING}),
        keys="shift+tab",
        show=False,
    ),
    Command(
        "timer",
        "timer",
        ("Timer", "Timer"),
        ("Timer starten of pauzeren", "Start or pause the timer"),
        CARD,
        keys="ctrl+t",
        letters="t",
        palette=True,
    ),
    Command(
        "minute",
        "add_minute",
        ("1 minuut", "1 minute"),
        ("Eén minuut erbij", "One more minute"),
        CARD,
        keys="ctrl+n",
        letters="plus",
        palette=True,
    ),
    Command(
        "reset",
        "reset_timer",
        ("Timer terug", "Reset timer"),
        ("Timer terugzetten", "Reset the timer"),
        CARD,
        keys="ctrl+r",
        letters="r",
        show=False,
        palette=True,
    ),
    Command(
        "blank",
        "blank",
        ("Zwart", "Blank"),
        (
            "Scherm zwart, ook terwijl je typt (de clicker: b of .); een toets brengt het terug",
            "Blank the screen, also while typing (the clicker: b or .); a key brings it back",
        ),
        CARD,
        keys="ctrl+b",
        letters="b,full_stop",
        palette=True,
    ),
    Command(
        "projection",
        "projection",
        ("Projectie", "Projection"),
        (
            "Projectiemodus: enkel kaart, timer en de gedeelde notitie, groot (F5 of Esc terug)",
            "Projection mode: only the card, the timer and the shared note, large (F5 or Esc back)",
        ),
        CARD,
        keys="f5",
        palette=True,
    ),
    Command(
        "leave_projection",
        "projection",
        ("Terug", "Back"),
        ("Projectiemodus verlaten", "Leave projection mode"),
        frozenset({Where.PROJECTION}),
        keys="escape",
        show=False,
    ),
    Command(
        "share",
        "share",
        ("Delen", "Share"),
        (
            "Het notitieveld waarin je typt tonen aan de zaal, in projectie onder de kaart; opnieuw:"
            " niets meer delen (na Esc en in projectie: het volgende veld)",
            "Show the note field you are typing in to the room, in projection under the card; again:"
            " stop sharing (after Esc and in projection: the next field)",
        ),
        CARD,
        keys="f6",
        palette=True,
    ),
    Command(
        "scroll_down",
        "scroll_card(3)",
        ("Scrollen", "Scroll"),
        (
            "De kaart scrollen (Ctrl+↑/↓; ↑/↓ als je niet typt)",
            "Scroll the card (Ctrl+↑/↓; ↑/↓ when you are not typing)",
        ),
        CARD,
        keys="ctrl+down",
        letters="down",
        show=False,
    ),
    Command(
        "scroll_up",
        "scroll_card(-3)",
        ("Scrollen", "Scroll"),
        ("De kaart terug omhoog scrollen", "Scroll the card back up"),
        CARD,
        keys="ctrl+up",
        letters="up",
        show=False,
    ),
    JOIN,
    JOIN_ROOM,
    help_command(CARD),
    PALETTE,
    QUIT,
)


# --- the harvest ---------------------------------------------------------------------------

ITEMS, VOTES, QUESTION, PLAN, OVERVIEW = "items", "votes", "question", "plan", "overview"
LINES = "lines"
"""Step 1's second list: the meeting's strengths and challenges (a part of the items step)."""
LIST = frozenset({Where.LIST})

HARVEST_COMMANDS: tuple[Command, ...] = (
    Command(
        "next_step",
        "step(1)",
        ("Volgende stap", "Next step"),
        ("Volgende stap van de oogst (de clicker)", "Next step of the harvest (the clicker)"),
        HARVEST,
        keys="pagedown",
        display="PgDn",
    ),
    Command(
        "prev_step",
        "step(-1)",
        ("Vorige stap", "Previous step"),
        (
            "Vorige stap; vanaf stap 1 terug naar de laatste kaart",
            "Previous step; from step 1 back to the last card",
        ),
        HARVEST,
        keys="pageup",
        display="PgUp",
    ),
    Command(
        "undo",
        "undo",
        ("Ongedaan maken", "Undo"),
        (
            "De laatste wijziging aan de oogst ongedaan maken, stap voor stap (in het veld van de "
            "leervraag maakt Ctrl+Z het laatst getypte ongedaan)",
            "Undo the last change to the harvest, step by step (in the question's field Ctrl+Z "
            "undoes the last typing)",
        ),
        LIST,
        keys="ctrl+z",
        letters="u",
        palette=True,
    ),
    Command(
        "redo",
        "redo",
        ("Opnieuw", "Redo"),
        ("Opnieuw doen wat ongedaan gemaakt werd (U is Shift+u)", "Redo what was undone (U is Shift+u)"),
        LIST,
        keys="ctrl+y",
        letters="U",
        palette=True,
    ),
    Command(
        "leave_field",
        "leave_field",
        ("Uit veld", "Leave field"),
        ("Uit het veld, naar de lijst van deze stap", "Leave the field, to this step's list"),
        frozenset({Where.FORM}),
        keys="escape",
    ),
    Command(
        "back",
        "back",
        ("Kaarten", "Cards"),
        ("Terug naar de laatste kaart", "Back to the last card"),
        LIST,
        keys="escape",
        show=False,
    ),
    Command(
        "add",
        "add",
        ("Nieuw", "Add"),
        ("Groeimogelijkheid toevoegen", "Add a growth opportunity"),
        LIST,
        letters="a",
        on=frozenset({ITEMS}),
    ),
    Command(
        "edit",
        "edit",
        ("Bewerken", "Edit"),
        (
            "Bewerken (ook Enter): een groeimogelijkheid, of een stap (wat, wie, tegen wanneer)",
            "Edit (Enter too): a growth opportunity, or a step (what, who, by when)",
        ),
        LIST,
        letters="e",
        display="Enter e",
        on=frozenset({ITEMS, PLAN}),
    ),
    Command(
        "value",
        "value",
        ("Kernwaarde", "Core value"),
        (
            "Volgende kernwaarde (of geen): van een groeimogelijkheid, of van een sterkte of "
            "uitdaging (de lijst eronder, Tab)",
            "Next core value (or none): of a growth opportunity, or of a strength or challenge "
            "(the list below it, Tab)",
        ),
        LIST,
        letters="v",
        on=frozenset({ITEMS, LINES}),
    ),
    Command(
        "merge",
        "merge",
        ("Samenvoegen", "Merge"),
        (
            "Samenvoegen: m op het ene item, dan m op het item waarin het opgaat (Esc annuleert)",
            "Merge: m on one item, then m on the item it goes into (Esc cancels)",
        ),
        LIST,
        letters="m",
        on=frozenset({ITEMS}),
    ),
    Command(
        "wordings",
        "wordings",
        ("Formuleringen", "Wordings"),
        (
            "Samengevoegde groeimogelijkheden (⊕): alle formuleringen tonen of verbergen",
            "Merged growth opportunities (⊕): show or hide every wording",
        ),
        LIST,
        letters="w",
        on=frozenset({ITEMS}),
    ),
    Command(
        "split",
        "split",
        ("Splitsen", "Split"),
        (
            "Een samengevoegde groeimogelijkheid (⊕) weer splitsen",
            "Split a merged growth opportunity (⊕) again",
        ),
        LIST,
        letters="s",
        on=frozenset({ITEMS}),
    ),
    Command(
        "cancel_merge",
        "cancel_merge",
        ("Annuleren", "Cancel"),
        ("Samenvoegen annuleren", "Cancel the merge"),
        LIST,
        keys="escape",
        on=frozenset({ITEMS}),
    ),
    Command(
        "remove",
        "remove",
        ("Schrappen", "Strike out"),
        ("Groeimogelijkheid schrappen", "Strike out a growth opportunity"),
        LIST,
        keys="delete",
        letters="x",
        on=frozenset({ITEMS}),
    ),
    Command(
        "restore",
        "restore",
        ("Terugzetten", "Bring back"),
        (
            "Een geschrapte groeimogelijkheid terugzetten, ook nadat de sessie opnieuw geopend werd",
            "Bring back a struck-out growth opportunity, also after the session was opened again",
        ),
        LIST,
        letters="r",
        on=frozenset({ITEMS}),
    ),
    Command(
        "dot_add",
        "dot(1)",
        ("Stip erbij", "Add dot"),
        ("Een stip erbij", "One dot more"),
        LIST,
        letters="plus,equals_sign",
        on=frozenset({VOTES}),
    ),
    Command(
        "dot_remove",
        "dot(-1)",
        ("Stip eraf", "Remove dot"),
        ("Een stip eraf", "One dot less"),
        LIST,
        letters="minus",
        on=frozenset({VOTES}),
    ),
    Command(
        "sort",
        "sort",
        ("Sorteren", "Sort"),
        ("Sorteren op stippen", "Sort by dots"),
        LIST,
        letters="s",
        on=frozenset({VOTES}),
    ),
    Command(
        "dots",
        "dots_per_person",
        ("Stippen per persoon", "Dots each"),
        ("Hoeveel stippen elke deelnemer krijgt", "How many dots each participant gets"),
        LIST,
        letters="d",
        on=frozenset({VOTES}),
    ),
    Command(
        "link",
        "link",
        ("Koppelen", "Link"),
        (
            "Groeimogelijkheid aan de leervraag koppelen of loskoppelen (in de lijst)",
            "Link a growth opportunity to the question, or unlink it (in the list)",
        ),
        LIST,
        display=f"{SPACE} Enter",
        on=frozenset({QUESTION}),
    ),
    Command(
        "add_step",
        "add_step",
        ("Nieuwe stap", "Add step"),
        (
            "Een stap toevoegen: wat, wie, tegen wanneer, geplande uren",
            "Add a step: what, who, by when, planned hours",
        ),
        LIST,
        letters="a",
        on=frozenset({PLAN}),
    ),
    Command(
        "done",
        "toggle_done",
        ("Klaar", "Done"),
        ("Stap klaar of niet klaar", "Step done or not done"),
        LIST,
        letters="x",
        on=frozenset({PLAN}),
    ),
    Command(
        "step_form",
        "step_form",
        ("Vorm", "Form"),
        (
            "De samenwerkingsvorm van de stap: co-teaching, lesson study, collegiale consultatie, "
            "klasbezoek, teamoverleg, lerend netwerk, online, andere (of geen)",
            "The step's form of collaboration: co-teaching, lesson study, collegial consultation, "
            "class visit, team meeting, learning network, online, other (or none)",
        ),
        LIST,
        letters="f",
        on=frozenset({PLAN}),
    ),
    Command(
        "remove_step",
        "remove_step",
        ("Verwijderen", "Delete"),
        ("Stap verwijderen", "Delete a step"),
        LIST,
        keys="delete",
        on=frozenset({PLAN}),
    ),
    Command(
        "next_meeting",
        "next_meeting",
        ("Volgende bijeenkomst", "Next meeting"),
        ("De datum van de volgende bijeenkomst", "The date of the next meeting"),
        LIST,
        letters="n",
        on=frozenset({PLAN}),
    ),
    HIDE,
    VOTE,
    JOIN,
    JOIN_ROOM,
    help_command(HARVEST),
    PALETTE,
    QUIT,
)


# --- home, the new-session form, dialogs ---------------------------------------------------

HOME_COMMANDS: tuple[Command, ...] = (
    Command(
        "new",
        "new",
        ("Nieuwe sessie", "New session"),
        ("Een nieuwe sessie", "A new session"),
        LIST,
        letters="n",
    ),
    Command(
        "open",
        "open",
        ("Openen", "Open"),
        ("De gekozen sessie openen", "Open the chosen session"),
        LIST,
        keys="enter",
    ),
    Command(
        "lang",
        "language",
        ("English", "Nederlands"),
        ("Nederlands of Engels", "Dutch or English"),
        LIST,
        letters="l",
    ),
    Command(
        "year",
        "year",
        ("Jaar", "Year"),
        ("Het jaaroverzicht van het team van de gekozen sessie", "The year of the chosen session's team"),
        LIST,
        letters="j",
    ),
    help_command(LIST),
    PALETTE,
    QUIT,
)

FORM = frozenset({Where.FORM})

NEW_SESSION_COMMANDS: tuple[Command, ...] = (
    Command(
        "start", "start", ("Start", "Start"), ("De sessie starten", "Start the session"), FORM, keys="ctrl+s"
    ),
    Command(
        "cancel",
        "cancel",
        ("Terug", "Back"),
        (
            "Terug naar het beginscherm; wat je invulde blijft staan voor de volgende nieuwe sessie"
            " (in de lijst van teams: terug naar het teamveld)",
            "Back to the home screen; what you filled in stays for the next new session"
            " (in the list of teams: back to the team field)",
        ),
        FORM,
        keys="escape",
    ),
    Command(
        "move_up",
        "move(-1)",
        ("Omhoog", "Move up"),
        ("De gekozen kaart hoger op de agenda", "Move the highlighted card up the agenda"),
        FORM,
        keys="ctrl+up",
        show=False,
    ),
    Command(
        "move_down",
        "move(1)",
        ("Omlaag", "Move down"),
        ("De gekozen kaart lager op de agenda", "Move the highlighted card down the agenda"),
        FORM,
        keys="ctrl+down",
        show=False,
    ),
    help_command(FORM),
    QUIT,
)

# --- a team's year (issue 14): the look back and the year view -----------------------------
# Neither screen has a text field (their dialogs are screens of their own), so their letters
# are `keys`: priority bindings, which wait for the keys typed before them and hold the keys
# typed after them until they ran. "u20/01/2027⏎" typed in one burst thus lands in the date
# dialog whole, and "d↓d" marks the two rows it says.

LOOKBACK_COMMANDS: tuple[Command, ...] = (
    Command(
        "lb_done",
        "decide('done')",
        ("Klaar", "Done"),
        ("De stap is klaar", "The step is done"),
        LIST,
        keys="d",
    ),
    Command(
        "lb_carry",
        "carry",
        ("Uitstellen", "Carry over"),
        (
            "Uitstellen naar een nieuwe datum: de stap komt in het stappenplan van vandaag",
            "Carry over to a new date: the step goes into today's step plan",
        ),
        LIST,
        keys="u",
    ),
    Command(
        "lb_drop",
        "decide('dropped')",
        ("Schrappen", "Drop"),
        ("De stap vervalt", "The step is dropped"),
        LIST,
        keys="x",
    ),
    Command(
        "lb_open",
        "decide('open')",
        ("Weer open", "Reopen"),
        ("Nog niets besloten over de stap", "Nothing decided about the step yet"),
        LIST,
        keys="o",
        show=False,
    ),
    Command(
        "lb_learned",
        "learned",
        ("Geleerd", "Learned"),
        ("Noteren wat het team uit de stap leerde", "Note what the team learned from the step"),
        LIST,
        keys="enter",
    ),
    Command(
        "continue",
        "continue",
        ("Naar de kaarten", "To the cards"),
        (
            "Verder naar de eerste kaart (de terugblik blijft in het palet)",
            "On to the first card (the look back stays in the palette)",
        ),
        LIST,
        keys="ctrl+s,escape",
        display="Ctrl+S",
    ),
    help_command(LIST),
    PALETTE,
    QUIT,
)

YEAR_COMMANDS: tuple[Command, ...] = (
    Command(
        "add_activity",
        "add_activity",
        ("Activiteit", "Activity"),
        (
            "Een activiteit toevoegen voor de contacturen (klasbezoek, co-teaching, ...)",
            "Add an activity for the contact hours (class visit, co-teaching, ...)",
        ),
        LIST,
        keys="a",
    ),
    Command(
        "back",
        "back",
        ("Terug", "Back"),
        ("Terug naar het beginscherm", "Back to the home screen"),
        LIST,
        keys="escape",
    ),
    help_command(LIST),
    PALETTE,
    QUIT,
)
JOIN_COMMANDS: tuple[Command, ...] = (
    Command(
        "join_hide",
        "hide",
        ("Verbergen", "Hide"),
        (
            "De gekozen bijdrage verbergen voor de zaal en de telefoons, of weer tonen",
            "Hide the chosen contribution from the room and the phones, or show it again",
        ),
        LIST,
        keys="h",
    ),
    Command("join_vote", "vote", ("Stemming", "Vote"), VOTE.help, LIST, keys="o"),
    Command(
        "join_room",
        "join_room",
        ("QR-code voor de zaal", "QR code for the room"),
        JOIN_ROOM.help,
        LIST,
        keys="f8",
    ),
    Command(
        "join_stop",
        "stop",
        ("Stoppen", "Stop"),
        (
            "Meedoen stoppen: de code werkt niet meer (F7 start opnieuw, met een nieuwe code)",
            "Stop joining: the code no longer works (F7 starts again, with a new code)",
        ),
        LIST,
        keys="s",
    ),
    Command(
        "back",
        "back",
        ("Terug", "Back"),
        ("Terug naar de bijeenkomst", "Back to the meeting"),
        LIST,
        keys="escape,f7",
        display="Esc",
    ),
    help_command(LIST),
    PALETTE,
    QUIT,
)
"""The join screen's keys: it has no text field, so its letters are priority keys."""

DIALOG_COMMANDS: tuple[Command, ...] = (
    Command(
        "keep", "keep", ("Bewaren", "Save"), ("Bewaren en sluiten", "Save and close"), FORM, keys="enter"
    ),
    Command(
        "cancel",
        "cancel",
        ("Annuleren", "Cancel"),
        ("Sluiten zonder iets te veranderen", "Close without changing anything"),
        FORM,
        keys="escape",
    ),
)
"""A dialog's keys: its fields are one line each, so Enter is no text there."""

ALL: dict[str, tuple[Command, ...]] = {
    "card": CARD_COMMANDS,
    "harvest": HARVEST_COMMANDS,
    "home": HOME_COMMANDS,
    "new_session": NEW_SESSION_COMMANDS,
    "lookback": LOOKBACK_COMMANDS,
    "year": YEAR_COMMANDS,
    "dialog": DIALOG_COMMANDS,
    "join": JOIN_COMMANDS,
}
"""Every screen's commands, by screen: what the tests check."""
