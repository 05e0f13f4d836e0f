"""The words of the home screen and of starting or opening a session, in Dutch and English: the
list of sessions, the new-session form, why a session cannot be opened, restoring a damaged
file; part of `i18n.STRINGS`."""

from __future__ import annotations

HOME_STRINGS: dict[str, tuple[str, str]] = {
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
        "{file}{where} cannot be read and is left as it is: repair it in a text editor or move it out of the sessions folder. What is wrong: {detail}",
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
    "new.title": ("Nieuwe sessie", "New session"),
    "new.deck_loading": ("De kaarten worden geladen…", "Loading the cards…"),
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
    "new.cancel": ("Terug", "Back"),
    "new.draft_back": (
        "Wat je de vorige keer invulde, staat er nog.",
        "What you filled in last time is still here.",
    ),
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
}
