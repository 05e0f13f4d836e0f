"""The words of what the room sees, in Dutch and English: the audience view (`follow`), which
session it follows and its end, and serving it in a browser (`serve`); part of `i18n.STRINGS`."""

from __future__ import annotations

ROOM_STRINGS: dict[str, tuple[str, str]] = {
    "follow.title": ("Doos vol Potential · voor de zaal", "Box full of Potential · for the room"),
    "follow.waiting": ("Wachten op de begeleider…", "Waiting for the facilitator…"),
    "follow.stale": (
        "verbinding: laatste goede stand van {time} ({reason})",
        "connection: last good state from {time} ({reason})",
    ),
    "follow.missing": ("sessiebestand even weg", "session file briefly missing"),
    "follow.unreadable": ("sessiebestand onleesbaar", "session file unreadable"),
    "follow.no_card": ("kaart {card} niet in de kaartenset", "card {card} not in the deck"),
    "follow.harvest": ("De oogst: groeimogelijkheden", "The harvest: growth opportunities"),
    "follow.question": ("Onze gezamenlijke leervraag", "Our joint learning question"),
    "follow.no_items": ("Nog geen groeimogelijkheden.", "No growth opportunities yet."),
    "follow.growth": ("Groeimogelijkheden", "Growth opportunities"),
    "serve.url": ("Open {url} in een browser.", "Open {url} in a browser."),
    "serve.stop": ("Ctrl+C stopt de server.", "Ctrl+C stops the server."),
    "serve.warning": (
        "LET OP: {host} is geen loopback-adres: iedereen op het netwerk die {url} kan bereiken, "
        "kan de app openen. Sessienotities kunnen over leerlingen gaan: gebruik dit enkel op "
        "een vertrouwd netwerk.",
        "WARNING: {host} is not a loopback address: anyone on the network who can reach {url} "
        "can open the app. Session notes may concern pupils: use this only on a trusted network.",
    ),
    "follow.head": ("{team} · {date}", "{team} · {date}"),
    "follow.waiting_open": (
        "Deze weergave toont de kaarten zodra de begeleider een sessie opent.",
        "This view shows the cards as soon as the facilitator opens a session.",
    ),
    "follow.choose": ("Welke bijeenkomst volgen we?", "Which meeting do we follow?"),
    "follow.choose_hint": (
        "Kies met ↑/↓ en Enter, of met het cijfer ervoor.",
        "Choose with ↑/↓ and Enter, or with its number.",
    ),
    "follow.since": ("open sinds {time}", "open since {time}"),
    "follow.ended": ("De bijeenkomst is afgelopen.", "The meeting has ended."),
    "follow.not_open": (
        "Deze weergave toont de kaarten zodra de begeleider deze sessie opent.",
        "This view shows the cards as soon as the facilitator opens this session.",
    ),
    "follow.more": ("▼ meer", "▼ more"),
    "follow.steps": ("Ons stappenplan", "Our step plan"),
    "follow.no_steps": ("Nog geen stappen.", "No steps yet."),
    "follow.next_meeting": ("Volgende bijeenkomst: {date}", "Next meeting: {date}"),
    "follow.votes": ("{n} stippen", "{n} dots"),
    "follow.vote": ("1 stip", "1 dot"),
    "follow.question_writing": ("Onze leervraag", "Our learning question"),
    "follow.no_question": ("De leervraag komt hier.", "The learning question comes here."),
    "follow.lookback": ("Terugblik op vorige keer", "Looking back on last time"),
    "follow.lookback_question": ("Onze leervraag van vorige keer", "Our learning question from last time"),
    "follow.lookback_steps": ("Onze stappen die nog open stonden", "Our steps that were still open"),
    "follow.lookback_no_steps": ("Geen open stappen van vorige keer.", "No open steps from last time."),
    "serve.follow_waiting": (
        "Nog geen sessie open: de weergave wacht tot de begeleider er een opent.",
        "No session open yet: the view waits until the facilitator opens one.",
    ),
    "serve.following": ("De weergave volgt: {session}", "The view follows: {session}"),
    "serve.several": ("Er zijn meerdere sessies open:", "Several sessions are open:"),
    "serve.since": ("open sinds {time}", "open since {time}"),
    "serve.which": ("Welke volgen we? (1–{n}) ", "Which one do we follow? (1–{n}) "),
    "serve.name_one": (
        "noem de sessie die de zaal moet zien: potential-deck serve --follow BESTAND",
        "name the session the room should see: potential-deck serve --follow FILE",
    ),
    "serve.fontsize": (
        "Tekstgrootte in de browser: {size} px; voeg &fontsize={larger} toe aan het adres voor grotere "
        "tekst of &fontsize={smaller} voor kleinere (6–96).",
        "Text size in the browser: {size} px; add &fontsize={larger} to the address for larger text "
        "or &fontsize={smaller} for smaller (6–96).",
    ),
    "serve.closed": (
        "De weergave is gesloten. Herlaad de pagina om opnieuw te verbinden.",
        "The view has closed. Reload the page to connect again.",
    ),
}
