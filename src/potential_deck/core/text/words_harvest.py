"""The words of the harvest screen, in Dutch and English; part of `i18n.STRINGS`."""

from __future__ import annotations

HARVEST_STRINGS: dict[str, tuple[str, str]] = {
    "harvest.title": ("De oogst", "The harvest"),
    "harvest.tab.items": ("Groeimogelijkheden", "Growth opportunities"),
    "harvest.tab.votes": ("Stippen", "Dots"),
    "harvest.tab.question": ("Leervraag", "Question"),
    "harvest.tab.plan": ("Stappenplan", "Step plan"),
    "harvest.tab.overview": ("Overzicht", "Overview"),
    "harvest.intro.items": (
        "Alles wat op de kaarten genoteerd werd. Voeg samen wat hetzelfde zegt; geef elk een kernwaarde.",
        "Everything noted on the cards. Merge what says the same; give each a core value.",
    ),
    "harvest.intro.votes": (
        "Elke deelnemer verdeelt zijn stippen; tel ze hier.",
        "Each participant spreads their dots; count them here.",
    ),
    "harvest.intro.question": (
        "Eén vraag die het team samen wil onderzoeken, en waar ze uit komt.",
        "One question the team wants to explore together, and where it comes from.",
    ),
    "harvest.intro.plan": (
        "Concrete stappen: wat, wie en tegen wanneer.",
        "Concrete steps: what, who and by when.",
    ),
    "harvest.keys.items": (
        "a nieuw · Enter bewerken · v kernwaarde · m samenvoegen · x schrappen",
        "a add · Enter edit · v core value · m merge · x remove",
    ),
    "harvest.keys.votes": (
        "+ en - een stip erbij of eraf · s sorteren op stippen",
        "+ and - one dot more or less · s sort by dots",
    ),
    "harvest.keys.question": (
        "Spatie vinkt aan · Tab naar het volgende veld · Escape uit het veld",
        "Space ticks · Tab to the next field · Escape leaves the field",
    ),
    "harvest.keys.plan": (
        "Enter voegt de stap toe · x klaar · Delete verwijdert · e bewerkt",
        "Enter adds the step · x done · Delete removes · e edits",
    ),
    "harvest.col.votes": ("Stippen", "Dots"),
    "harvest.col.text": ("Groeimogelijkheid", "Growth opportunity"),
    "harvest.col.value": ("Kernwaarde", "Core value"),
    "harvest.col.cards": ("Van kaart", "From card"),
    "harvest.col.done": ("Klaar", "Done"),
    "harvest.col.what": ("Wat", "What"),
    "harvest.col.who": ("Wie", "Who"),
    "harvest.col.due": ("Uiterlijk", "By when"),
    "harvest.own": ("zelf toegevoegd", "added by the team"),
    "harvest.none": (
        "Nog geen groeimogelijkheden: druk op a om er een toe te voegen.",
        "No growth opportunities yet: press a to add one.",
    ),
    "harvest.short.valuing-diversity": ("Diversiteit waarderen", "Valuing diversity"),
    "harvest.short.supporting-all-learners": ("Alle leerlingen steunen", "Supporting all learners"),
    "harvest.short.working-with-others": ("Samenwerken", "Working with others"),
    "harvest.short.professional-development": ("Professionele groei", "Professional development"),
    "harvest.short.none": ("nog geen", "none yet"),
    "harvest.dots_per_person": ("Stippen per persoon", "Dots per person"),
    "harvest.budget": (
        "{given} van {available} {available:stip|stippen} gegeven ({people} × {dots})",
        "{given} of {available} {available:dot|dots} given ({people} × {dots})",
    ),
    "harvest.over_budget": ("Meer stippen gegeven dan er zijn!", "More dots given than there are!"),
    "harvest.question_placeholder": ("Hoe kunnen we …?", "How can we …?"),
    "harvest.links": ("Waar komt de vraag uit?", "Where does the question come from?"),
    "harvest.links_none": (
        "Nog geen groeimogelijkheden: voeg ze toe in stap 1 (a).",
        "No growth opportunities yet: add them in step 1 (a).",
    ),
    "harvest.what": ("Wat doen we?", "What do we do?"),
    "harvest.who": ("Wie?", "Who?"),
    "harvest.due": ("Tegen wanneer?", "By when?"),
    "harvest.date_placeholder": ("dd/mm/jjjj", "dd/mm/yyyy"),
    "harvest.add_step": ("Toevoegen", "Add"),
    "harvest.next_meeting": ("Volgende bijeenkomst", "Next meeting"),
    "harvest.bad_date": (
        "„{text}” is geen datum: schrijf bv. 01/12/2026, 01-12-2026 of 2026-12-01.",
        "“{text}” is not a date: write e.g. 01/12/2026, 01-12-2026 or 2026-12-01.",
    ),
    "harvest.bad_dots": (
        "Stippen per persoon: een getal van 1 tot {max}.",
        "Dots per person: a number from 1 to {max}.",
    ),
    "harvest.bad_votes": (
        "Een aantal stippen kan niet negatief zijn.",
        "A number of dots cannot be negative.",
    ),
    "harvest.empty": ("Schrijf eerst iets.", "Write something first."),
    "harvest.merge_from": (
        "Samenvoegen: ga naar het item waarin „{text}” opgaat en druk opnieuw op m (Escape annuleert).",
        "Merge: go to the item “{text}” goes into and press m again (Escape cancels).",
    ),
    "harvest.merge_cancelled": ("Samenvoegen geannuleerd.", "Merge cancelled."),
    "harvest.merged": ("Samengevoegd in „{text}”.", "Merged into “{text}”."),
    "harvest.removed": (
        "Geschrapt: „{text}”. u maakt het ongedaan · {letter} zet geschrapte terug.",
        "Struck out: “{text}”. u undoes it · {letter} brings struck ones back.",
    ),
    "harvest.restored": (
        "Teruggezet: „{text}”. u maakt het ongedaan.",
        "Brought back: “{text}”. u undoes it.",
    ),
    "harvest.not_struck": ("„{text}” is niet geschrapt.", "“{text}” is not struck out."),
    "harvest.nothing_struck": (
        "Niets geschrapt: er is niets om terug te zetten.",
        "Nothing struck out: there is nothing to bring back.",
    ),
    "harvest.struck_title": ("Geschrapte groeimogelijkheden", "Struck-out growth opportunities"),
    "harvest.struck_explanation": (
        "Kies wat terug in de lijst komt; van de kaarten komt het terug met de kaarten waarop het staat.",
        "Choose what comes back into the list; from the cards it comes back with the cards it is on.",
    ),
    "harvest.struck_hint": (
        "↑↓ kiest · Enter zet terug · Escape sluit",
        "↑↓ chooses · Enter brings back · Escape closes",
    ),
    "harvest.left_out": (
        "{count} {count:groeimogelijkheid|groeimogelijkheden} niet opnieuw opgenomen: eerder geschrapt"
        " · {letter} zet terug",
        "{count} {count:growth opportunity|growth opportunities} not taken in again: struck out before"
        " · {letter} brings back",
    ),
    "harvest.sorted": ("Gesorteerd op stippen.", "Sorted by dots."),
    "harvest.add_prompt": ("Nieuwe groeimogelijkheid", "New growth opportunity"),
    "harvest.edit_prompt": ("Groeimogelijkheid bewerken", "Edit the growth opportunity"),
    "harvest.edit_step_title": ("Stap bewerken", "Edit the step"),
    "harvest.add_step_title": ("Nieuwe stap", "New step"),
    "harvest.hours": ("Geplande uren (optioneel)", "Planned hours (optional)"),
    "harvest.hours_placeholder": ("bv. 1,5", "e.g. 1.5"),
    "harvest.col.form": ("Vorm", "Form"),
    "harvest.col.hours": ("Uren", "Hours"),
    "harvest.no_meeting": (
        "Volgende bijeenkomst: nog geen datum (n vult ze in)",
        "Next meeting: no date yet (n fills it in)",
    ),
    "harvest.no_typing": (
        "„{char}” doet hier niets: typen kan enkel in een venster dat opengaat (a, e) · F1 toont de toetsen",
        "“{char}” does nothing here: you type in a window that opens (a, e) · F1 shows the keys",
    ),
    "harvest.prompt_hint": ("Enter bewaart · Escape annuleert", "Enter saves · Escape cancels"),
    "harvest.ok": ("Bewaren", "Save"),
    "harvest.cancel": ("Annuleren", "Cancel"),
    "harvest.planned": ("{spent} van {planned}", "{spent} of {planned}"),
    "harvest.export": ("Exporteren als {format}", "Export as {format}"),
    "harvest.export_anonymous": (
        "Exporteren als {format}, geanonimiseerd",
        "Export as {format}, anonymised",
    ),
    "harvest.export_help": (
        "Eerst een voorbeeld; bewaren naast het sessiebestand",
        "A preview first; saved next to the session file",
    ),
    "harvest.preview": ("Voorbeeld van {name}", "Preview of {name}"),
    "harvest.preview_html": (
        "Het HTML-bestand is voor een browser (en om af te drukken); dit is de tekst ervan:",
        "The HTML file is for a browser (and for printing); this is its text:",
    ),
    "harvest.save": ("Bewaren", "Save"),
    "harvest.overwrite": ("Overschrijven", "Overwrite"),
    "harvest.exists": (
        "{name} bestaat al. Druk op Overschrijven om het te vervangen.",
        "{name} already exists. Press Overwrite to replace it.",
    ),
    "harvest.exported": ("Bewaard als {path}", "Saved as {path}"),
    "harvest.export_failed": ("Bewaren mislukt: {error}", "Saving failed: {error}"),
    "key.add": ("Toevoegen", "Add"),
    "key.edit": ("Bewerken", "Edit"),
    "key.value": ("Kernwaarde", "Core value"),
    "key.merge": ("Samenvoegen", "Merge"),
    "key.remove": ("Schrappen", "Remove"),
    "key.undo": ("Terugzetten", "Put back"),
    "key.dot_add": ("Stip erbij", "Add dot"),
    "key.dot_remove": ("Stip eraf", "Remove dot"),
    "key.sort": ("Sorteren", "Sort"),
    "key.done": ("Klaar", "Done"),
    "key.remove_step": ("Verwijderen", "Delete"),
    "key.steps": ("Stap", "Step"),
    "key.export": ("Exporteren", "Export"),
    "key.cancel": ("Annuleren", "Cancel"),
    "help.harvest_tabs": ("Naar stap 1 tot 5 van de oogst", "Go to step 1 to 5 of the harvest"),
    "help.harvest_add": ("Groeimogelijkheid toevoegen", "Add a growth opportunity"),
    "help.harvest_edit": (
        "Bewerken (een groeimogelijkheid, of een stap: wat, wie, tegen wanneer)",
        "Edit (a growth opportunity, or a step: what, who, by when)",
    ),
    "help.harvest_value": ("Volgende kernwaarde (of geen)", "Next core value (or none)"),
    "help.harvest_merge": (
        "Samenvoegen: m op het ene item, dan m op het item waarin het opgaat",
        "Merge: m on one item, then m on the item it goes into",
    ),
    "help.harvest_remove": (
        "Groeimogelijkheid schrappen (stap 1)",
        "Strike out a growth opportunity (step 1)",
    ),
    "help.harvest_undo": (
        "De laatst geschrapte groeimogelijkheid terugzetten, met haar stippen (stap 1)",
        "Put back the last struck-out growth opportunity, with its dots (step 1)",
    ),
    "help.harvest_dots": ("Een stip erbij of eraf (stap 2)", "One dot more or less (step 2)"),
    "help.harvest_sort": ("Sorteren op stippen (stap 2)", "Sort by dots (step 2)"),
    "help.harvest_link": (
        "Groeimogelijkheid aan de leervraag koppelen (stap 3)",
        "Link a growth opportunity to the question (step 3)",
    ),
    "help.harvest_done": ("Stap klaar of niet klaar (stap 4)", "Step done or not done (step 4)"),
    "help.harvest_remove_step": ("Stap verwijderen (stap 4)", "Delete a step (step 4)"),
    "help.harvest_focus": ("Volgend veld", "Next field"),
    "help.harvest_escape": (
        "Uit het veld; anders terug naar de laatste kaart",
        "Leave the field; otherwise back to the last card",
    ),
    "help.harvest_back": ("Terug naar de laatste kaart", "Back to the last card"),
    "help.harvest_palette": (
        "Exporteren (Markdown, HTML, JSON, TOML), thema",
        "Export (Markdown, HTML, JSON, TOML), theme",
    ),
    # --- issue 15: merges the team can see and split, the harvest's history (core.harvest.history)
    "harvest.merge_choose": (
        "Deze groeimogelijkheden hebben een andere kernwaarde ({values}): "
        "kies welke de samengevoegde krijgt.",
        "These growth opportunities have different core values ({values}): "
        "choose the one the merged item gets.",
    ),
    "harvest.cannot_split": (
        "„{text}” is niet samengevoegd (of samengevoegd met een oudere versie van potential-deck) "
        "en kan niet gesplitst worden.",
        "“{text}” is not a merge (or was merged by an older version of potential-deck) and cannot be split.",
    ),
    "history.undone": ("Ongedaan gemaakt: {what}", "Undone: {what}"),
    "history.redone": ("Opnieuw gedaan: {what}", "Redone: {what}"),
    "history.nothing_to_undo": ("Niets meer om ongedaan te maken.", "Nothing left to undo."),
    "history.nothing_to_redo": ("Niets om opnieuw te doen.", "Nothing to redo."),
    "history.none": ("geen", "none"),
    "history.gathered": (
        "nieuwe groeimogelijkheden van de kaarten",
        "new growth opportunities from the cards",
    ),
    "history.added": ("„{text}” toegevoegd", "added “{text}”"),
    "history.edited": ("„{text}” herschreven", "reworded “{text}”"),
    "history.merged": ("„{text}” samengevoegd in „{into}”", "merged “{text}” into “{into}”"),
    "history.split": ("„{text}” weer gesplitst", "split “{text}” again"),
    "history.removed": ("„{text}” geschrapt", "struck out “{text}”"),
    "history.restored": ("„{text}” teruggezet", "brought back “{text}”"),
    "history.value": ("kernwaarde van „{text}”: {value}", "core value of “{text}”: {value}"),
    "history.line_value": ("kernwaarde van „{text}”: {value}", "core value of “{text}”: {value}"),
    "history.dots": ("stippen van „{text}”: {votes}", "dots for “{text}”: {votes}"),
    "history.sorted": ("gesorteerd op stippen", "sorted by dots"),
    "history.dots_per_person": ("stippen per persoon: {dots}", "dots per person: {dots}"),
    "history.question": ("leervraag bewerkt", "edited the learning question"),
    "history.linked": (
        "„{text}” gekoppeld aan de leervraag",
        "linked “{text}” to the learning question",
    ),
    "history.unlinked": (
        "„{text}” losgekoppeld van de leervraag",
        "unlinked “{text}” from the learning question",
    ),
    "history.step_added": ("stap „{what}” toegevoegd", "added step “{what}”"),
    "history.step_edited": ("stap „{what}” bewerkt", "edited step “{what}”"),
    "history.step_removed": ("stap „{what}” verwijderd", "deleted step “{what}”"),
    "history.step_done": ("stap „{what}” klaar", "step “{what}” done"),
    "history.step_open": ("stap „{what}” niet meer klaar", "step “{what}” no longer done"),
    "history.next_meeting": ("volgende bijeenkomst: {date}", "next meeting: {date}"),
    "history.changed": ("wijzigingen aan de oogst", "changes to the harvest"),
    # --- issue 15 (round 2): the harvest screen: history, merges, strengths and challenges -----
    "harvest.col.kind": ("Soort", "Kind"),
    "harvest.col.line": ("Sterkte of uitdaging", "Strength or challenge"),
    "harvest.line.strengths": ("Sterkte", "Strength"),
    "harvest.line.challenges": ("Uitdaging", "Challenge"),
    "harvest.lines": (
        "Sterktes en uitdagingen van de kaarten (Tab): v geeft een kernwaarde",
        "Strengths and challenges from the cards (Tab): v gives a core value",
    ),
    "harvest.split_done": (
        "Gesplitst: „{text}” is weer {count} groeimogelijkheden.",
        "Split: “{text}” is {count} growth opportunities again.",
    ),
    "harvest.wordings_shown": (
        "Samengevoegde groeimogelijkheden (⊕) tonen al hun formuleringen; w verbergt ze.",
        "Merged growth opportunities (⊕) show all their wordings; w hides them.",
    ),
    "harvest.wordings_hidden": ("Formuleringen verborgen; w toont ze.", "Wordings hidden; w shows them."),
    "harvest.no_merges": (
        "Nog niets samengevoegd: m op het ene item, dan m op het andere.",
        "Nothing merged yet: m on one item, then m on the other.",
    ),
    "harvest.edit_wordings": (
        "Samengevoegd uit deze formuleringen; schrijf er één die ze samenvat:",
        "Merged from these wordings; write one that sums them up:",
    ),
    "harvest.value_title": (
        "Welke kernwaarde krijgt de samengevoegde groeimogelijkheid?",
        "Which core value does the merged growth opportunity get?",
    ),
    "harvest.value_merging": (
        "„{source}” en „{target}” worden één; elk houdt zijn eigen kernwaarde als je ze weer splitst.",
        "“{source}” and “{target}” become one; each keeps its own core value if you split them again.",
    ),
    "harvest.value_none": ("Geen kernwaarde", "No core value"),
    "harvest.choice_hint": (
        "↑↓ kiest · Enter bewaart · Escape annuleert het samenvoegen",
        "↑↓ chooses · Enter saves · Escape cancels the merge",
    ),
    "harvest.typed_in": (
        "Van de notities naar de oogst: letters zijn hier opdrachten en doen nog niets, zodat "
        "doortypen niets verandert · een pijltje, Enter of Tab en ze werken",
        "From the notes to the harvest: letters are commands here and do nothing yet, so typing "
        "on changes nothing · an arrow key, Enter or Tab and they work",
    ),
    "harvest.typed_in_key": (
        "„{char}” deed niets: je kwam van de notities, en letters zijn hier opdrachten · "
        "een pijltje, Enter of Tab en ze werken",
        "“{char}” did nothing: you came from the notes, and letters are commands here · "
        "an arrow key, Enter or Tab and they work",
    ),
    "harvest.not_now": (
        "„{char}” ({command}) doet hier nu niets · F1 toont wanneer het werkt",
        "“{char}” ({command}) does nothing here now · F1 shows when it works",
    ),
    "cmd.nothing_found": ("Niets gevonden voor „{query}”", "Nothing found for “{query}”"),
    "cmd.nothing_found_help": (
        "Backspace om iets anders te zoeken · Escape sluit",
        "Backspace to search for something else · Escape closes",
    ),
}
