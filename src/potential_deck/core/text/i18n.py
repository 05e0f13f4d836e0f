"""Every word of the interface and the exports, in Dutch and in English.

`t(lang, key, **values)` looks a text up and fills in its `{placeholders}`. A test checks that
every key has both languages and the same placeholders in each.

Words that follow a number have a singular and a plural form, written `{n:one|many}`: "{n}
{n:stip|stippen}" gives "1 stip" and "0 stippen", "{n} {n:dot|dots}" "1 dot" and "3 dots"
(one for exactly 1, in Dutch and in English). Never "stip(pen)" or "dot(s)": a test says so.
"""

from __future__ import annotations

import datetime as dt
from string import Formatter
from typing import Any

from potential_deck.core.choices import Collaboration, CoreValue, Dimension, Kind, Lang, StepStatus
from potential_deck.core.text.words_deck import DECK_STRINGS
from potential_deck.core.text.words_harvest import HARVEST_STRINGS
from potential_deck.core.text.words_join import JOIN_STRINGS
from potential_deck.core.text.words_year import YEAR_STRINGS

STRINGS: dict[str, tuple[str, str]] = {
    # kinds, fields, tags
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
    "value.valuing-diversity": ("Waarderen van diversiteit bij leerlingen", "Valuing learner diversity"),
    "value.supporting-all-learners": ("Ondersteunen van alle leerlingen", "Supporting all learners"),
    "value.working-with-others": ("Samenwerken met anderen", "Working with others"),
    "value.professional-development": (
        "Persoonlijke en gezamenlijke professionele ontwikkeling",
        "Personal and collective professional development",
    ),
    "value.none": ("Nog geen kernwaarde", "No core value yet"),
    "dimension.ethnic-cultural": ("etnisch-culturele achtergrond", "ethnic-cultural background"),
    "dimension.socio-economic": ("socio-economische status", "socio-economic status"),
    "dimension.religion": ("religie", "religion"),
    "dimension.gender": ("gender", "gender"),
    "dimension.disability": ("beperking", "disability"),
    "dimension.intersection": (
        "verschillen die elkaar kruisen (intersectionaliteit)",
        "intersecting differences (intersectionality)",
    ),
    **DECK_STRINGS,
    # app-wide
    "app.title": ("Doos vol Potential", "Box full of Potential"),
    "key.quit": ("Stoppen", "Quit"),
    "key.help": ("Toetsen", "Keys"),
    "key.back": ("Terug", "Back"),
    "key.new": ("Nieuwe sessie", "New session"),
    "key.open": ("Openen", "Open"),
    "key.lang": ("English", "Nederlands"),
    "key.start": ("Start", "Start"),
    "key.move_up": ("Omhoog", "Move up"),
    "key.move_down": ("Omlaag", "Move down"),
    "saved.never": ("Nog niet opgeslagen", "Not saved yet"),
    "saved.at": ("Opgeslagen {time}", "Saved {time}"),
    "saved.failed": ("Opslaan mislukt: {error}", "Saving failed: {error}"),
    "too.small": (
        "Maak het venster groter (minstens {width}×{height}).",
        "Make the window larger (at least {width}×{height}).",
    ),
    # home
    "home.subtitle": (
        "Gespreksstarters over diversiteit en inclusie voor schoolteams",
        "Conversation starters on diversity and inclusion for school teams",
    ),
    "home.new": ("Nieuwe sessie", "New session"),
    "home.resume": ("Verder met een sessie", "Resume a session"),
    "home.past": ("Afgeronde sessies", "Past sessions"),
    "home.none": ("Nog geen sessies in {folder}.", "No sessions in {folder} yet."),
    "home.broken": ("Kan niet gelezen worden", "Cannot be read"),
    "home.broken_detail": (
        "{file}{where} kan niet gelezen worden en blijft zoals het is: herstel het in een teksteditor of haal het uit de sessiemap. Technisch: {detail}",
        "{file}{where} cannot be read and is left as it is: repair it in a text editor or move it out of the sessions folder. Technical detail: {detail}",
    ),
    "home.at_line": (" (regel {line})", " (line {line})"),
    "home.locked": (
        "{file} is al open in een andere potential-deck{since}. Sluit de sessie daar eerst, of toon ze aan de zaal met 'potential-deck follow'. Is die app echt gesloten (ook op andere computers die deze map delen)? Probeer dan opnieuw: een gesloten app laat de sessie altijd los.",
        "{file} is already open in another potential-deck{since}. Close the session there first, or show it to the room with 'potential-deck follow'. Is that app really closed (also on other computers that share this folder)? Then try again: a closed app always lets go.",
    ),
    "home.locked_since": (" (sinds {time})", " (since {time})"),
    "home.deck_missing": (
        "Deze sessie gebruikt kaartenset {deck}, die niet gevonden werd in {path}. Start potential-deck met --deck en het pad naar die set.",
        "This session uses deck {deck}, which was not found at {path}. Start potential-deck with --deck and the path to that deck.",
    ),
    "home.progress": ("kaart {n} van {total}", "card {n} of {total}"),
    "home.at_harvest": ("bij de oogst", "at the harvest"),
    "home.done": ("afgerond", "finished"),
    "home.col.date": ("Datum", "Date"),
    "home.col.team": ("Team", "Team"),
    "home.col.where": ("Stand", "Progress"),
    "home.col.file": ("Bestand", "File"),
    "home.hint": (
        "n: nieuwe sessie · Enter: openen · l: taal · Ctrl+Q: stoppen",
        "n: new session · Enter: open · l: language · Ctrl+Q: quit",
    ),
    "home.lang": ("Taal", "Language"),
    # new session
    "new.title": ("Nieuwe sessie", "New session"),
    "new.team": ("Team of school (verplicht)", "Team or school (required)"),
    "new.facilitator": ("Begeleider (optioneel)", "Facilitator (optional)"),
    "new.participants": (
        "Deelnemers, met komma's (optioneel, enkel voor anonieme export)",
        "Participants, comma-separated (optional, only for anonymised exports)",
    ),
    "new.language": ("Taal van de sessie", "Language of the session"),
    "new.deck": ("Kaartenset (map of bestand; Enter laadt hem)", "Deck (folder or file; Enter loads it)"),
    "new.deck_bad": ("Deze kaartenset kan niet gebruikt worden:", "This deck cannot be used:"),
    "new.deck_more": (
        "… en nog {count} {count:probleem|problemen} (potential-deck validate toont ze allemaal)",
        "… and {count} more {count:problem|problems} (potential-deck validate shows them all)",
    ),
    "new.agenda": ("Agenda: Spatie kiest, Ctrl+↑/↓ verplaatst", "Agenda: Space toggles, Ctrl+↑/↓ moves"),
    "new.total": (
        "{count} {count:kaart|kaarten} · {minutes} {minutes:minuut|minuten} gepland",
        "{count} {count:card|cards} · {minutes} {minutes:minute|minutes} planned",
    ),
    "new.start": ("Start de sessie", "Start the session"),
    "new.cancel": ("Annuleren", "Cancel"),
    "new.cannot_save": (
        "De sessie kan niet bewaard worden in {folder} ({error}). Start potential-deck met --sessions en een map waarin je mag schrijven.",
        "The session cannot be saved in {folder} ({error}). Start potential-deck with --sessions and a folder you can write to.",
    ),
    "new.team_required": ("Vul de naam van het team of de school in.", "Fill in the team or school name."),
    "new.agenda_empty": ("Kies minstens één kaart.", "Choose at least one card."),
    "new.move_up": ("Omhoog", "Move up"),
    "new.move_down": ("Omlaag", "Move down"),
    "new.previous": (
        "Vorige keer ({date}) koos dit team als leervraag: {question}",
        "Last time ({date}) this team chose as its learning question: {question}",
    ),
    "new.open_steps": ("Open stappen: {steps}", "Open steps: {steps}"),
    # card screen
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
    "card.shared": ("Gedeeld met de zaal: {field}", "Shared with the room: {field}"),
    "card.unshared": ("Niets gedeeld met de zaal", "Nothing shared with the room"),
    "key.next": ("Volgende", "Next"),
    "key.prev": ("Vorige", "Previous"),
    "key.timer": ("Timer", "Timer"),
    "key.minute": ("Minuut erbij", "Add a minute"),
    "key.reset": ("Reset", "Reset"),
    "key.blank": ("Zwart", "Blank"),
    "key.projection": ("Projectie", "Projection"),
    "key.notes": ("Notities", "Notes"),
    "key.leave": ("Uit veld", "Leave field"),
    "key.share": ("Deel veld", "Share field"),
    "timer.paused": ("gepauzeerd", "paused"),
    "timer.running": ("loopt", "running"),
    "timer.over": ("overtijd", "overtime"),
    "blank.hint": ("Druk op een toets om verder te gaan", "Press any key to go on"),
    # the audience view (follow) and the app in a browser (serve)
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
    # the room's screen: which session, its end, serving it (issue 13)
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
    "follow.more": ("▼ meer", "▼ more"),
    "follow.steps": ("Ons stappenplan", "Our step plan"),
    "follow.no_steps": ("Nog geen stappen.", "No steps yet."),
    "follow.next_meeting": ("Volgende bijeenkomst: {date}", "Next meeting: {date}"),
    "follow.votes": ("{n} stippen", "{n} dots"),
    "follow.vote": ("1 stip", "1 dot"),
    "follow.question_writing": ("Onze leervraag", "Our learning question"),
    "follow.no_question": ("De leervraag komt hier.", "The learning question comes here."),
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
        "Tekstgrootte in de browser: voeg &fontsize=32 toe aan het adres (groter) of &fontsize=16 (kleiner).",
        "Text size in the browser: add &fontsize=32 to the address (larger) or &fontsize=16 (smaller).",
    ),
    "serve.closed": (
        "De weergave is gesloten. Herlaad de pagina om opnieuw te verbinden.",
        "The view has closed. Reload the page to connect again.",
    ),
    # help
    "help.title": ("Toetsen", "Keys"),
    "help.close": ("Escape of F1 sluit", "Escape or F1 closes"),
    "help.rule": (
        "Terwijl je typt, gaat elke letter in het veld. Opdrachten gebruiken dan toetsen die geen tekst zijn: PgUp/PgDn (de clicker), F-toetsen, Ctrl en Esc. Letters zijn opdrachten waar niets getypt kan worden: na Esc, in projectie en in lijsten.",
        "While you type, every letter goes into the field. Commands then use keys that are not text: PgUp/PgDn (the clicker), F-keys, Ctrl and Esc. Letters are commands where nothing can be typed: after Esc, in projection mode and in lists.",
    ),
    "help.next": ("Volgende kaart (ook met de clicker)", "Next card (clicker too)"),
    "help.next_space": ("Volgende kaart als geen veld focus heeft", "Next card when no field has focus"),
    "help.prev": ("Vorige kaart (ook met de clicker)", "Previous card (clicker too)"),
    "help.scroll": (
        "De kaart scrollen (als geen veld focus heeft)",
        "Scroll the card (when no field has focus)",
    ),
    "help.timer": ("Timer starten of pauzeren", "Start or pause the timer"),
    "help.minute": ("Eén minuut erbij", "Add a minute"),
    "help.reset": ("Timer terugzetten", "Reset the timer"),
    "help.blank": ("Scherm zwart (elke toets brengt het terug)", "Blank the screen (any key brings it back)"),
    "help.projection": ("Projectiemodus: enkel kaart en timer", "Projection mode: only card and timer"),
    "help.fields": ("Naar de notitievelden / volgend veld", "Into the note fields / next field"),
    "help.leave": ("Notitieveld verlaten", "Leave the note field"),
    "help.share": (
        "Een notitieveld tonen in de zaalweergave (volgend veld / geen)",
        "Show a note field in the audience view (next field / none)",
    ),
    "help.palette": (
        "Naar een kaart springen, thema, exporteren, beginscherm",
        "Jump to a card, theme, export, home screen",
    ),
    "help.help": ("Deze lijst", "This list"),
    "help.quit": ("Opslaan en stoppen", "Save and quit"),
    "help.harvest": ("Naar de oogst", "Go to the harvest"),
    # palette
    "cmd.placeholder": ("Zoek een opdracht, kaart of export…", "Search for a command, card or export…"),
    "cmd.goto": ("Ga naar kaart {n}: {title}", "Go to card {n}: {title}"),
    "cmd.goto_help": ("Spring naar deze kaart van de agenda", "Jump to this card on the agenda"),
    "cmd.theme_light": ("Thema: licht (projector)", "Theme: light (projector)"),
    "cmd.theme_dark": ("Thema: donker", "Theme: dark"),
    "cmd.theme_help": ("De keuze wordt onthouden", "The choice is remembered"),
    "cmd.harvest": ("Naar de oogst", "Go to the harvest"),
    "cmd.finish": ("Bijeenkomst afronden", "Finish the meeting"),
    "cmd.finish_help": (
        "Op het beginscherm als afgerond; exporteren en bijwerken kan nog altijd",
        "Listed as finished on the home screen; you can still export and edit it",
    ),
    "harvest.finished": (
        "De bijeenkomst is afgerond en bewaard. Exporteer het verslag met Ctrl+P.",
        "The meeting is finished and saved. Export the report with Ctrl+P.",
    ),
    "cmd.harvest_help": (
        "Groeimogelijkheden, leervraag en stappenplan",
        "Growth opportunities, learning question and step plan",
    ),
    "cmd.home": ("Naar het beginscherm", "Back to the home screen"),
    "cmd.home_help": ("De sessie blijft opgeslagen", "The session stays saved"),
    # harvest: in i18n_harvest
    **HARVEST_STRINGS,
    # joining from phones (issue 17): in i18n_join
    **JOIN_STRINGS,
    # summary (one session and a team's year)
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
    # exports
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
    # a team's year (issue 14): in i18n_year
    **YEAR_STRINGS,
    "export.file_anonymous": ("anoniem", "anonymous"),  # issue 15: in an export's file name
    "export.footer": (
        "Gemaakt met potential-deck {version}.",
        "Made with potential-deck {version}.",
    ),
    # --- issue 12: saving, odd and damaged files, restoring, quitting with unsaved text, errors ---
    "save.failed": (
        "Opslaan mislukt: {cause}. Het laatst bewaarde bestand blijft onveranderd.",
        "Saving failed: {cause}. The last saved file stays as it was.",
    ),
    "cause.disk_full": ("de schijf is vol", "the disk is full"),
    "cause.no_permission": ("je mag niet schrijven in deze map", "this folder cannot be written to"),
    "cause.folder_gone": ("de map van de sessie is er niet meer", "the session's folder is gone"),
    "cause.too_large": (
        "de sessie is te groot geworden (meer dan 32 MB); haal geplakte tekst weg",
        "the session has grown too large (over 32 MB); remove pasted text",
    ),
    "cause.other": ("het bestand kon niet geschreven worden", "the file could not be written"),
    "save.elsewhere": (
        "Dit sessiebestand werd intussen door iets anders gewijzigd. Die versie staat apart als {file}; je notities zijn bewaard zoals ze hier staan.",
        "This session file was changed meanwhile by something else. That version is kept as {file}; your notes are saved as they are here.",
    ),
    "save.kept_beside": ("andere versie apart bewaard: {file}", "other version kept as {file}"),
    "note.too_long": (
        "Dit notitieveld is vol (meer dan {limit} tekens): het plakken werd ongedaan gemaakt. Zet lange teksten in een apart bestand.",
        "This note field is full (more than {limit} characters): the paste was undone. Keep long texts in a separate file.",
    ),
    "unsaved.title": ("De sessie kan niet opgeslagen worden", "The session cannot be saved"),
    "unsaved.body": (
        "Opslaan in {file} lukt niet: {cause}. Wat je {since} typte, staat alleen in dit venster. Bewaar een kopie op een andere plek (een USB-stick, je map Documenten), probeer opnieuw, of stop zonder op te slaan.",
        "Saving to {file} does not work: {cause}. What you typed {since} is only in this window. Save a copy somewhere else (a USB stick, your Documents folder), try again, or quit without saving.",
    ),
    "unsaved.since": ("na {time}", "after {time}"),
    "unsaved.since_open": ("sinds de sessie openging", "since the session opened"),
    "unsaved.where": ("Kopie bewaren in (map of bestandsnaam):", "Save a copy in (folder or file name):"),
    "unsaved.copy": ("Kopie bewaren", "Save a copy"),
    "unsaved.retry": ("Opnieuw proberen", "Try again"),
    "unsaved.stay": ("Terug naar de sessie", "Back to the session"),
    "unsaved.discard": ("Stoppen zonder opslaan", "Quit without saving"),
    "unsaved.confirm": (
        "Zeker? Wat niet bewaard is, gaat verloren. Kies nog eens 'Stoppen zonder opslaan' om te bevestigen.",
        "Are you sure? What was not saved is lost. Choose 'Quit without saving' again to confirm.",
    ),
    "unsaved.copied": ("Kopie bewaard: {file}", "Copy saved: {file}"),
    "unsaved.copy_failed": (
        "De kopie kon niet bewaard worden in {target}: {cause}.",
        "The copy could not be saved in {target}: {cause}.",
    ),
    "unsaved.copy_exists": (
        "{target} bestaat al; kies een andere naam of map.",
        "{target} already exists; choose another name or folder.",
    ),
    "unsaved.still_failing": ("Het lukt nog altijd niet: {cause}.", "It still does not work: {cause}."),
    "open.refused": ("{file} kan niet geopend worden: {reason}", "{file} cannot be opened: {reason}"),
    "open.read_only": (
        "het bestand is alleen-lezen, en potential-deck verandert nooit een alleen-lezen bestand. Maak het weer schrijfbaar of open een kopie.",
        "the file is read-only, and potential-deck never changes a read-only file. Make it writable again or open a copy.",
    ),
    "open.linked": (
        "het bestand heeft een tweede naam (een harde link); opslaan zou de twee namen uit elkaar halen. Maak een kopie om aan te werken.",
        "the file has a second name (a hard link); saving would split the two names apart. Make a copy to work on.",
    ),
    "open.not_regular": (
        "het is geen gewoon bestand (een map, pipe of apparaat).",
        "it is not a regular file (a folder, pipe or device).",
    ),
    "open.folder": (
        "de map kan niet beschreven worden (alleen-lezen of vol), en potential-deck bewaart je notities daar terwijl je typt. Kopieer de sessie naar een map waarin je mag schrijven.",
        "the folder cannot be written to (read-only or full), and potential-deck saves your notes there as you type. Copy the session to a folder you can write to.",
    ),
    "open.too_large": (
        "het bestand is groter dan 32 MB; haal geplakte tekst weg in een teksteditor.",
        "the file is larger than 32 MB; remove pasted text in a text editor.",
    ),
    "open.missing": ("het bestand bestaat niet meer.", "the file no longer exists."),
    "home.folder_unreadable": (
        "De sessiemap {folder} kan niet gelezen worden. Kies een andere map met --sessions.",
        "The sessions folder {folder} cannot be read. Choose another folder with --sessions.",
    ),
    "home.damaged": ("Beschadigd: vorige versie kan terug", "Damaged: previous version can be restored"),
    "restore.title": ("Vorige versie terugzetten?", "Restore the previous version?"),
    "restore.body": (
        "{file} kan niet gelezen worden ({reason}). potential-deck bewaarde een vorige goede versie. Zet die terug? Het huidige bestand blijft verborgen bewaard naast de sessie.",
        "{file} cannot be read ({reason}). potential-deck kept a previous good version. Restore it? The current file is kept, hidden, beside the session.",
    ),
    "restore.yes": ("Vorige versie terugzetten", "Restore the previous version"),
    "restore.no": ("Annuleren", "Cancel"),
    "restore.done": ("{file}: de vorige versie staat terug.", "{file}: the previous version is back."),
    "restore.failed": ("{file}: terugzetten lukte niet: {reason}", "{file}: restoring failed: {reason}"),
    "error.unexpected": (
        "potential-deck stopte door een onverwachte fout. De details staan in {log} (alleen voor jou leesbaar: ze kunnen notities bevatten). Wat al opgeslagen is, blijft bewaard.",
        "potential-deck stopped because of an unexpected error. The details are in {log} (readable by you only: they may contain notes). What was saved stays saved.",
    ),
    "error.unexpected_nolog": (
        "potential-deck stopte door een onverwachte fout ({kind}). Wat al opgeslagen is, blijft bewaard.",
        "potential-deck stopped because of an unexpected error ({kind}). What was saved stays saved.",
    ),
    # --- issue 12b: safe export targets, anonymisation without names, reviewing replacements
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
        "{name} is een map; geef een bestandsnaam",
        "{name} is a folder; give a file name",
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
    # --- the report (issue 18: one owner of an export's target) ---
    "export.target.source": (
        "{name} is het sessiebestand zelf; kies een ander uitvoerbestand",
        "{name} is the session file itself; choose another output file",
    ),
}


class _Words(Formatter):
    """`str.format` that also writes `{n:one|many}`: the word for the number n."""

    def format_field(self, value: Any, format_spec: str) -> str:
        if "|" in format_spec:
            one, many = format_spec.split("|", 1)
            return one if value == 1 else many
        return str(super().format_field(value, format_spec))


_WORDS = _Words()


def t(lang: Lang, key: str, **values: object) -> str:
    """The text for `key` in `lang`, with `values` filled in (and words that follow a number)."""
    nl, en = STRINGS[key]
    text = nl if lang == "nl" else en
    if not values:
        return text
    return _WORDS.vformat(text, (), values) if "|" in text else text.format(**values)


def day(date: dt.date | None) -> str:
    """A date as people read and type it here, dd/mm/yyyy (blank for none).

    Reports, the summary and the screens use it; JSON and TOML keep ISO dates for programs.
    """
    return f"{date.day:02d}/{date.month:02d}/{date.year:04d}" if date else ""


def kind_label(lang: Lang, kind: Kind) -> str:
    """The name of a kind of card."""
    return t(lang, f"kind.{kind.value}")


def value_label(lang: Lang, value: CoreValue | None) -> str:
    """The name of a core value (or 'no core value yet')."""
    return t(lang, f"value.{value.value}" if value else "value.none")


def form_label(lang: Lang, form: Collaboration | None) -> str:
    """The name of a form of collaboration (or 'no form chosen')."""
    return t(lang, f"form.{form.value}" if form else "form.none")


def status_label(lang: Lang, status: StepStatus) -> str:
    """The name of a step's status: open, done, carried over, dropped."""
    return t(lang, f"status.{status.value}")


def dimension_label(lang: Lang, dimension: Dimension, *, short: bool = False) -> str:
    """The name of a diversity dimension (`short`: a word or two, for lists)."""
    return t(lang, f"dimension.{'short.' if short else ''}{dimension.value}")


def value_short(lang: Lang, value: CoreValue) -> str:
    """A core value in a few words, for lists (the full name: `value_label`)."""
    return t(lang, f"value.short.{value.value}")
