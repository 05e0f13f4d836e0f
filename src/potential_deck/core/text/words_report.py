"""The words of the summary and the exports, in Dutch and English: a session's summary and a
team's year, the export formats and file names, safe export targets, anonymisation and the
review of its replacements; part of `i18n.STRINGS`."""

from __future__ import annotations

REPORT_STRINGS: dict[str, tuple[str, str]] = {
    "summary.title": ("Samenvatting", "Summary"),
    "summary.heading": ("{team} · sessie van {date}", "{team} · session of {date}"),
    "summary.question": ("Gezamenlijke leervraag", "Joint learning question"),
    "summary.no_question": ("Nog geen leervraag gekozen.", "No learning question chosen yet."),
    "summary.priorities": ("Groeimogelijkheden op prioriteit", "Growth opportunities by priority"),
    "summary.by_value": (
        "Groeimogelijkheden per kernwaarde",
        "Growth opportunities per core value",
    ),
    "summary.no_items": ("Nog geen groeimogelijkheden.", "No growth opportunities yet."),
    "summary.not_harvested": (
        "De oogst is nog niet gedaan: dit zijn de groeimogelijkheden van de kaarten.",
        "The harvest has not been done yet: these are the growth opportunities from the cards.",
    ),
    "summary.votes": ("{count} {count:stip|stippen}", "{count} {count:dot|dots}"),
    "summary.in_question": ("in de leervraag", "in the learning question"),
    "summary.remarks": (
        "Sterktes en uitdagingen per kernwaarde",
        "Strengths and challenges per core value",
    ),
    "summary.no_remarks": (
        "Nog geen sterktes of uitdagingen genoteerd.",
        "No strengths or challenges noted yet.",
    ),
    "summary.steps": ("Stappenplan", "Step plan"),
    "summary.no_steps": ("Nog geen stappen gepland.", "No steps planned yet."),
    "summary.next_meeting": ("Volgende bijeenkomst: {date}", "Next meeting: {date}"),
    "summary.time": ("Tijd per kaart", "Time per card"),
    "summary.total": ("Totaal", "Total"),
    "summary.minutes": ("{minutes} min", "{minutes} min"),
    "summary.hours": ("{hours} u {minutes} min", "{hours} h {minutes} min"),
    "summary.year": ("Het traject van {team}", "{team}: the year so far"),
    "summary.sessions": ("Sessies", "Sessions"),
    "summary.session_line": (
        "{date}: {cards} {cards:kaart|kaarten}, {time}",
        "{date}: {cards} {cards:card|cards}, {time}",
    ),
    "summary.questions": ("Leervragen doorheen de tijd", "Learning questions over time"),
    "summary.recurring": (
        "Groeimogelijkheden die terugkomen",
        "Recurring growth opportunities",
    ),
    "summary.recurring_line": (
        "{count} {count:sessie|sessies} ({dates})",
        "{count} {count:session|sessions} ({dates})",
    ),
    "summary.no_recurring": (
        "Nog geen groeimogelijkheden die terugkomen.",
        "No recurring growth opportunities yet.",
    ),
    "summary.open_steps": ("Open stappen van het team", "The team's open steps"),
    "summary.no_open_steps": ("Geen open stappen.", "No open steps."),
    "summary.contact_hours": (
        "Contacturen: {hours} u, richtpunt een twintigtal ({percent}%)",
        "Contact hours: {hours} h, guide some twenty ({percent}%)",
    ),
    "summary.hours_note": (
        "De lerarenopleiders in het Flexio-project benadrukten dat effectieve professionalisering "
        "een uitgebreid en intensief traject vraagt, gespreid over een voldoende lange periode, "
        "met minstens een twintigtal contacturen.",
        "The teacher educators in the Flexio project stressed that effective professional "
        "development needs an extended, intensive trajectory over a long enough period, with at "
        "least some twenty contact hours.",
    ),
    "export.title": ("Verslag: {team}, {date}", "Report: {team}, {date}"),
    "export.facilitator": ("Begeleider: {name}", "Facilitator: {name}"),
    "export.participants": ("Aantal deelnemers: {count}", "Number of participants: {count}"),
    "export.deck": ("Kaartenset: {name} (versie {version})", "Deck: {name} (version {version})"),
    "export.anonymized": (
        "Geanonimiseerd: de namen van de deelnemers zijn vervangen.",
        "Anonymised: the participants' names have been replaced.",
    ),
    "export.participant": ("Deelnemer {n}", "Participant {n}"),
    "export.some_participant": ("een deelnemer", "a participant"),
    "export.the_facilitator": ("Begeleider", "Facilitator"),
    "export.notes": ("Notities per kaart", "Notes per card"),
    "export.no_notes": ("Niets genoteerd.", "Nothing noted."),
    "export.growth": ("Groeimogelijkheden", "Growth opportunities"),
    "export.card_time": (
        "{kind} · {spent} besteed van {planned} gepland",
        "{kind} · {spent} spent of {planned} planned",
    ),
    "export.col.opportunity": ("Groeimogelijkheid", "Growth opportunity"),
    "export.col.votes": ("Stippen", "Dots"),
    "export.col.value": ("Kernwaarde", "Core value"),
    "export.col.cards": ("Kaarten", "Cards"),
    "export.col.what": ("Wat", "What"),
    "export.col.who": ("Wie", "Who"),
    "export.col.due": ("Tegen wanneer", "By when"),
    "export.col.done": ("Klaar", "Done"),
    "export.col.card": ("Kaart", "Card"),
    "export.col.planned": ("Gepland", "Planned"),
    "export.col.spent": ("Besteed", "Spent"),
    "export.yes": ("ja", "yes"),
    "export.no": ("nee", "no"),
    "export.chart": (
        "Grafiek: groeimogelijkheden per kernwaarde",
        "Chart: growth opportunities per core value",
    ),
    "export.file_anonymous": ("anoniem", "anonymous"),  # issue 15: in an export's file name
    "export.footer": (
        "Gemaakt met potential-deck {version}.",
        "Made with potential-deck {version}.",
    ),
    "export.anonymized_unknown": (
        "Geanonimiseerd zonder lijst van deelnemers: namen in de tekst zijn NIET vervangen "
        "(alleen die van de begeleider). Lees alles na voor je het deelt.",
        "Anonymised without a list of participants: names in the text have NOT been replaced "
        "(only the facilitator's). Read it all before you share it.",
    ),
    "export.target.suffix": (
        "{name}: de bestandsnaam moet eindigen op {suffixes} (het formaat volgt de extensie)",
        "{name}: the file name must end in {suffixes} (the format follows the extension)",
    ),
    "export.target.mismatch": (
        "{name} is een naam voor een {found}-bestand, maar de export is {fmt}; "
        "noem het {stem}{suffix} of kies het formaat {found}",
        "{name} names a {found} file but the export is {fmt}; "
        "name it {stem}{suffix} or choose the format {found}",
    ),
    "export.target.link": (
        "{name} is een symbolische koppeling; een export schrijft er niet overheen. "
        "Kies een andere bestandsnaam, of verwijder de koppeling eerst",
        "{name} is a symbolic link; an export never writes over one. "
        "Choose another file name, or remove the link first",
    ),
    "export.target.folder": (
        "{name} is een map; geef een bestandsnaam in die map, bijvoorbeeld {example}",
        "{name} is a folder; give a file name inside it, for example {example}",
    ),
    "export.target.calendar": (
        "{name} is een naam voor een agendabestand (.ics), en dat maakt 'potential-deck calendar'; "
        "de bestandsnaam van een export eindigt op {suffixes}",
        "{name} names a calendar file (.ics), which 'potential-deck calendar' writes; "
        "an export's file name ends in {suffixes}",
    ),
    "export.target.device": (
        "{name} is een apparaat, geen gewoon bestand; kies een bestandsnaam in een map",
        "{name} is a device, not a regular file; choose a file name in a folder",
    ),
    "export.target.pipe": (
        "{name} is een named pipe, geen gewoon bestand; kies een andere bestandsnaam",
        "{name} is a named pipe, not a regular file; choose another file name",
    ),
    "export.target.socket": (
        "{name} is een socket, geen gewoon bestand; kies een andere bestandsnaam",
        "{name} is a socket, not a regular file; choose another file name",
    ),
    "export.target.special": (
        "{name} is geen gewoon bestand; kies een andere bestandsnaam",
        "{name} is not a regular file; choose another file name",
    ),
    "export.review.title": (
        "Vervangingen ({on} van {count} aan): Enter of spatie zet er een aan of uit",
        "Replacements ({on} of {count} on): Enter or Space turns one on or off",
    ),
    "export.review.none": (
        "Geen namen gevonden om te vervangen.",
        "No names found to replace.",
    ),
    "export.review.word": ("ook een gewoon woord", "also an ordinary word"),
    "export.review.no_names": (
        "Deze sessie heeft geen lijst van deelnemers: hun namen in de notities worden NIET "
        "vervangen. Lees het voorbeeld na.",
        "This session lists no participants: their names in the notes are NOT replaced. Read the preview.",
    ),
    # one owner of an export's target (issue 18)
    "export.target.source": (
        "{name} is het sessiebestand zelf; kies een ander uitvoerbestand",
        "{name} is the session file itself; choose another output file",
    ),
}
