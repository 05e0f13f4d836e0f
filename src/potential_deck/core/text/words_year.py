"""The words of a team's year (issue 14), in Dutch and English; part of `i18n.STRINGS`.

Forms of collaboration, step statuses, the look back, contact hours, activities, the
calendar export, the known teams on the new-session form and the year view.
"""

from __future__ import annotations

YEAR_STRINGS: dict[str, tuple[str, str]] = {
    # forms of collaboration (core.choices.Collaboration)
    "form.co-teaching": ("co-teaching", "co-teaching"),
    "form.lesson-study": ("lesson study", "lesson study"),
    "form.collegial-consultation": ("collegiale consultatie", "collegial consultation"),
    "form.class-visit": ("klasbezoek", "class visit"),
    "form.team-meeting": ("teamoverleg", "team meeting"),
    "form.learning-network": ("lerend netwerk", "learning network"),
    "form.online-session": ("online sessie", "online session"),
    "form.other": ("andere", "other"),
    "form.none": ("geen vorm gekozen", "no form chosen"),
    # step statuses (core.choices.StepStatus)
    "status.open": ("open", "open"),
    "status.done": ("klaar", "done"),
    "status.carried": ("uitgesteld", "carried over"),
    "status.dropped": ("geschrapt", "dropped"),
    # contact hours
    "hours.value": ("{hours} u", "{hours} h"),
    "hours.by_source": ("Contacturen per bron", "Contact hours by source"),
    "hours.meetings": ("Bijeenkomsten in de app", "Meetings in the app"),
    "hours.steps": ("Afgeronde stappen (geplande uren)", "Steps done (planned hours)"),
    "hours.activities": ("Zelf ingevoerde activiteiten", "Activities logged by hand"),
    "hours.by_form": ("Contacturen per samenwerkingsvorm", "Contact hours per form of collaboration"),
    "hours.meeting_form": (
        "Bijeenkomsten in de app tellen als teamoverleg.",
        "Meetings in the app count as team meetings.",
    ),
    "hours.chart": (
        "Grafiek: contacturen per samenwerkingsvorm",
        "Chart: contact hours per form of collaboration",
    ),
    "hours.none": ("Nog geen contacturen.", "No contact hours yet."),
    # the team's steps over time
    "year.open_steps": ("Open stappen van het team", "The team's open steps"),
    "year.from_session": ("uit de sessie van {date}", "from the session of {date}"),
    "year.steps_fate": ("Wat er van elke stap werd", "What became of each step"),
    "year.no_steps": ("Nog geen stappen gepland.", "No steps planned yet."),
    "year.planned_on": ("gepland {date}", "planned {date}"),
    "year.event.done": ("klaar ({date})", "done ({date})"),
    "year.event.carried": ("uitgesteld naar {due} ({date})", "carried over to {due} ({date})"),
    "year.event.carried_undated": ("uitgesteld ({date})", "carried over ({date})"),
    "year.event.dropped": ("geschrapt ({date})", "dropped ({date})"),
    "year.learned": ("geleerd: {text}", "learned: {text}"),
    "year.activities": ("Zelf ingevoerde activiteiten", "Activities logged by hand"),
    "year.no_activities": ("Nog geen activiteiten ingevoerd.", "No activities logged yet."),
    "year.title": ("Jaaroverzicht · {team}", "The year · {team}"),
    "year.pick_team": ("Kies een team in de lijst.", "Choose a team in the list."),
    "year.keys": (
        "a activiteit toevoegen · ↑/↓ scrollen · Escape terug",
        "a add an activity · ↑/↓ scroll · Escape back",
    ),
    "year.sessions_line": (
        "{date}: {cards} {cards:kaart|kaarten}, {time}{question}",
        "{date}: {cards} {cards:card|cards}, {time}{question}",
    ),
    "year.bad_hours": (
        "„{text}” is geen aantal uren: typ een getal tot {max}, bijvoorbeeld 1,5.",
        "“{text}” is not a number of hours: type a number up to {max}, for example 1.5.",
    ),
    # the look back in a session (summary, exports)
    "lookback.title": ("Terugblik", "Looking back"),
    "lookback.question": (
        "Leervraag van vorige keer ({date})",
        "Last time's learning question ({date})",
    ),
    "lookback.no_steps": (
        "Geen open stappen van eerdere bijeenkomsten.",
        "No open steps from earlier meetings.",
    ),
    "lookback.col.step": ("Stap", "Step"),
    "lookback.col.from": ("Uit de sessie van", "From the session of"),
    "lookback.col.decision": ("Besluit", "Decision"),
    "lookback.col.learned": ("Wat we leerden", "What we learned"),
    "lookback.undecided": ("nog niet besproken", "not discussed yet"),
    "lookback.carried_to": ("uitgesteld naar {date}", "carried over to {date}"),
    # activities logged by hand
    "activity.no_session": (
        "Team {team} heeft nog geen sessie in {folder}. Een activiteit wordt bewaard in een "
        "sessie van het team: start eerst een sessie, of kies een andere map met --sessions.",
        "Team {team} has no session in {folder} yet. An activity is kept in a session of its "
        "team: start a session first, or choose another folder with --sessions.",
    ),
    "activity.not_found": (
        "Geen activiteit {id} bij team {team}; 'potential-deck activity list' toont ze met hun id.",
        "No activity {id} for team {team}; 'potential-deck activity list' shows them with their id.",
    ),
    "activity.locked": (
        "{file} is open in een andere potential-deck{since}: de activiteit is niet bewaard. "
        "Voeg ze toe na de bijeenkomst, of sluit de sessie daar eerst.",
        "{file} is open in another potential-deck{since}: the activity was not saved. "
        "Add it after the meeting, or close the session there first.",
    ),
    "activity.saved": ("Activiteit bewaard in {file}.", "Activity saved in {file}."),
    "activity.title": ("Activiteit toevoegen · {team}", "Add an activity · {team}"),
    "activity.date": ("Datum (dd/mm/jjjj)", "Date (dd/mm/yyyy)"),
    "activity.form": ("Samenwerkingsvorm", "Form of collaboration"),
    "activity.hours": ("Uren (bv. 1,5)", "Hours (e.g. 1.5)"),
    "activity.who": ("Wie (optioneel)", "Who (optional)"),
    "activity.note": ("Korte notitie (optioneel)", "Short note (optional)"),
    "activity.save": ("Bewaren", "Save"),
    "activity.cancel": ("Annuleren", "Cancel"),
    "activity.date_required": ("Vul een datum in.", "Fill in a date."),
    "activity.keys": (
        "Tab volgend veld · Enter of Ctrl+S bewaart · Escape annuleert",
        "Tab next field · Enter or Ctrl+S saves · Escape cancels",
    ),
    # the calendar export
    "ical.name": ("{team} (Doos vol Potential)", "{team} (Box full of Potential)"),
    "ical.meeting": ("Volgende bijeenkomst {team}", "Next meeting {team}"),
    "ical.meeting_about": ("Leervraag: {question}", "Learning question: {question}"),
    "ical.step": ("Stap: {what}", "Step: {what}"),
    "ical.who": ("Wie: {who}", "Who: {who}"),
    "ical.team": ("Team: {team}", "Team: {team}"),
    "cmd.calendar": (
        "Agenda-export (.ics): volgende bijeenkomst en stappen",
        "Calendar export (.ics): next meeting and steps",
    ),
    "cmd.calendar_help": (
        "Voor Outlook, Google Agenda of Apple Agenda, in de map exports",
        "For Outlook, Google Calendar or Apple Calendar, in the exports folder",
    ),
    # the new-session form
    "new.date": ("Datum van de sessie (dd/mm/jjjj)", "Date of the session (dd/mm/yyyy)"),
    "new.people": (
        "Aantal aanwezigen (telt voor de stippen bij de oogst)",
        "Number of people present (counts for the dots at the harvest)",
    ),
    "new.people_hint": ("leeg: het aantal namen hieronder", "empty: the number of names below"),
    "new.participants_anon": (
        "Namen van de deelnemers, met komma's (optioneel, om exports te anonimiseren)",
        "Participants' names, comma-separated (optional, to anonymise exports)",
    ),
    "new.known": ("Bekende teams (pijltjes en Enter kiezen)", "Known teams (arrows and Enter choose)"),
    "new.known_line": (
        "{team} · {count} {count:sessie|sessies}, laatst {date}",
        "{team} · {count} {count:session|sessions}, last {date}",
    ),
    "new.agreed": ("Vorige keer afgesproken: {date}", "Agreed last time: {date}"),
    "new.use_agreed": ("Neem {date} over", "Use {date}"),
    "new.bad_people": (
        "Het aantal aanwezigen is een geheel getal van 0 tot 1000.",
        "The number of people present is a whole number from 0 to 1000.",
    ),
    "new.returning": (
        "Dit team kwam al {count} keer samen, laatst op {date}.",
        "This team met {count} {count:time|times} before, last on {date}.",
    ),
    "new.returning_question": ("Leervraag: {question}", "Learning question: {question}"),
    "new.returning_steps": (
        "{count} open {count:stap|stappen}: de sessie begint met een terugblik.",
        "{count} open {count:step|steps}: the session starts with a look back.",
    ),
    "new.returning_none": ("Geen open stappen.", "No open steps."),
    # the look back screen
    "lb.title": ("Terugblik · {team}", "Looking back · {team}"),
    "lb.question": ("Leervraag van vorige keer ({date})", "Last time's learning question ({date})"),
    "lb.no_question": (
        "Vorige keer werd geen leervraag gekozen.",
        "No learning question was chosen last time.",
    ),
    "lb.steps": ("Open stappen: wat besluit het team?", "Open steps: what does the team decide?"),
    "lb.no_steps": ("Geen open stappen van eerdere bijeenkomsten.", "No open steps from earlier meetings."),
    "lb.col.step": ("Stap", "Step"),
    "lb.col.who": ("Wie", "Who"),
    "lb.col.due": ("Tegen", "By"),
    "lb.col.from": ("Uit sessie", "From session"),
    "lb.col.decision": ("Besluit", "Decision"),
    "lb.keys": (
        "d klaar · u uitstellen (nieuwe datum) · x schrappen · o open · Enter wat we leerden · "
        "Ctrl+S naar de kaarten",
        "d done · u carry over (new date) · x drop · o open · Enter what we learned · Ctrl+S to the cards",
    ),
    "lb.new_due": (
        "Nieuwe datum voor: {what} (gepland tegen {date})",
        "New date for: {what} (planned by {date})",
    ),
    "lb.new_due_undated": (
        "Nieuwe datum voor: {what} (nog zonder datum)",
        "New date for: {what} (no date yet)",
    ),
    "lb.learned": ("Wat leerde het team van: {what}", "What did the team learn from: {what}"),
    "lb.learned_label": ("Geleerd: {text}", "Learned: {text}"),
    "lb.continue": ("Naar de kaarten", "On to the cards"),
    "lb.field_keys": ("Enter bewaart · Escape annuleert", "Enter saves · Escape cancels"),
    "cmd.lookback": ("Terugblik: open stappen van eerder", "Look back: open steps from earlier"),
    "cmd.lookback_help": (
        "Wat werd er van de stappen van vorige keer?",
        "What became of last time's steps?",
    ),
    "cmd.year": ("Jaaroverzicht van {team}", "The year of {team}"),
    "cmd.year_help": (
        "Sessies, leervragen, open stappen en contacturen",
        "Sessions, learning questions, open steps and contact hours",
    ),
    "home.year": ("j: jaaroverzicht van het team", "j: the team's year"),
    "key.year": ("Jaar", "Year"),
    "key.continue": ("Naar de kaarten", "To the cards"),
    "key.lb_done": ("Klaar", "Done"),
    "key.lb_carry": ("Uitstellen", "Carry over"),
    "key.lb_drop": ("Schrappen", "Drop"),
    "key.lb_learned": ("Geleerd", "Learned"),
    "key.add_activity": ("Activiteit", "Activity"),
    "export.people": ("Aantal aanwezigen: {count}", "People present: {count}"),
}
