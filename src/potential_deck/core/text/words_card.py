"""The words of a card on screen, in Dutch and English: its kind, its note fields, the card
screen and its timer, blanking the screen; part of `i18n.STRINGS`."""

from __future__ import annotations

CARD_STRINGS: dict[str, tuple[str, str]] = {
    "kind.start": ("Startkaart", "Start card"),
    "kind.dialogue": ("Dialoogkaart", "Dialogue card"),
    "kind.action": ("Actiekaart", "Action card"),
    "field.free": ("Vrije notities", "Free notes"),
    "field.seen": ("Wat zien we in onze praktijk?", "What do we see in our practice?"),
    "field.did": ("Wat deed je in die situatie?", "What did you do in that situation?"),
    "field.worked": ("Wat werkte er en wat niet?", "What worked and what didn't?"),
    "field.satisfaction": ("Waar haalde je voldoening uit?", "What did you find rewarding?"),
    "field.strengths": ("Sterktes", "Strengths"),
    "field.challenges": ("Uitdagingen", "Challenges"),
    "field.growth": ("Groeimogelijkheden (één per regel)", "Growth opportunities (one per line)"),
    "card.progress": ("kaart {n} van {total}", "card {n} of {total}"),
    "card.next": ("Volgende: {title}", "Next: {title}"),
    "card.last": ("Laatste kaart: daarna de oogst", "Last card: the harvest comes next"),
    "card.questions": ("Richtvragen", "Guide questions"),
    "card.tip": ("Tip voor de begeleider", "Tip for the facilitator"),
    "card.notes": ("Notities", "Notes"),
    "card.beside": ("Van de kaart „{title}”:", "From the card “{title}”:"),
    "card.to_harvest": (
        "Deze kaart gaat verder in de oogst (PgDn na de laatste kaart): daar kiezen jullie samen de groeimogelijkheden en één leervraag.",
        "This card goes on in the harvest (PgDn after the last card): there you choose the growth opportunities and one learning question together.",
    ),
    "card.typing": ("✎ Je typt in: {field}", "✎ Typing in: {field}"),
    "card.steering": (
        "⌨ Je stuurt de kaart: letters zijn opdrachten (t timer, b zwart, Spatie volgende) · Tab of een andere letter: terug naar de notities",
        "⌨ Steering the card: letters are commands (t timer, b blank, Space next) · Tab or any other letter: back to the notes",
    ),
    "card.steering_short": (
        "⌨ Je stuurt de kaart: letters zijn opdrachten · Tab: terug naar de notities",
        "⌨ Steering the card: letters are commands · Tab: back to the notes",
    ),
    "card.steering_shortest": ("⌨ Je stuurt de kaart · Tab: notities", "⌨ Steering the card · Tab: notes"),
    "card.shared": ("Gedeeld met de zaal: {field}", "Shared with the room: {field}"),
    "card.shared_short": ("Gedeeld: {field}", "Shared: {field}"),
    "card.unshared": ("Niets gedeeld met de zaal", "Nothing shared with the room"),
    "timer.paused": ("gepauzeerd", "paused"),
    "timer.running": ("loopt", "running"),
    "timer.over": ("overtijd", "overtime"),
    "card.unclosed": (
        "Deze sessie werd de vorige keer niet afgesloten (open sinds {since}): alles wat bewaard is, staat er (laatst bewaard {saved}).",
        "This session was not closed last time (open since {since}): everything saved is here (last saved {saved}).",
    ),
    "blank.hint": ("Druk op een toets om verder te gaan", "Press any key to go on"),
    "note.too_long": (
        "Dit notitieveld is vol (meer dan {limit} tekens): het plakken werd ongedaan gemaakt. Zet lange teksten in een apart bestand.",
        "This note field is full (more than {limit} characters): the paste was undone. Keep long texts in a separate file.",
    ),
}
