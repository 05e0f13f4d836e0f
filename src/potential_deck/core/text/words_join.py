"""The words of joining from phones (issue 17): the participants' page, the facilitator's join
screen, the room's join line; part of `i18n.STRINGS`."""

from __future__ import annotations

JOIN_STRINGS: dict[str, tuple[str, str]] = {
    # the participants' page
    "join.page_title": ("Doe mee", "Join in"),
    "join.code_label": ("De code op het scherm", "The code on the screen"),
    "join.code_hint": (
        "Typ de acht cijfers die op het scherm van de zaal staan.",
        "Type the eight digits shown on the room's screen.",
    ),
    "join.code_button": ("Meedoen", "Join"),
    "join.now": ("Nu aan de beurt", "Now on screen"),
    "join.harvest": ("De oogst", "The harvest"),
    "join.questions": ("De vragen bij deze kaart", "This card's questions"),
    "join.add_heading": ("Een groeimogelijkheid toevoegen", "Add a growth opportunity"),
    "join.add_hint": (
        "Eén idee per keer, hoogstens {max} tekens.",
        "One idea at a time, at most {max} characters.",
    ),
    "join.name_label": ("Je naam (mag leeg blijven)", "Your name (may stay empty)"),
    "join.anonymous": ("Anoniem versturen, zonder naam", "Send anonymously, without a name"),
    "join.send": ("Versturen", "Send"),
    "join.note_heading": ("Meeschrijven in: {field}", "Write along in: {field}"),
    "join.note_send": ("Toevoegen aan de notitie", "Add to the note"),
    "join.vote_heading": ("Stippen verdelen", "Place your dots"),
    "join.vote_left": (
        "Je hebt nog {n} {n:stip|stippen} over, van {budget}.",
        "You have {n} {n:dot|dots} left, of {budget}.",
    ),
    "join.vote_hint": (
        "Je kunt je stippen verschuiven tot de begeleider de stemming sluit.",
        "You can move your dots until the facilitator closes the vote.",
    ),
    "join.dot_more": ("Stip erbij voor: {text}", "One dot more for: {text}"),
    "join.dot_less": ("Stip eraf voor: {text}", "One dot less for: {text}"),
    "join.my_dots": ("{n} {n:stip|stippen} van jou", "{n} of your {n:dot|dots}"),
    "join.sent_heading": ("Wat je stuurde", "What you sent"),
    "join.refresh": ("Vernieuwen", "Refresh"),
    "join.waiting": ("De bijeenkomst begint zo.", "The meeting is about to start."),
    "join.privacy": (
        "Wat je stuurt, komt in de notities van de begeleider. Anoniem gaat zonder naam. "
        "Andere deelnemers zien alleen wat ook op het scherm van de zaal staat; "
        "de begeleider kan een bijdrage verbergen.",
        "What you send goes into the facilitator's notes. Anonymously means without a name. "
        "Other participants only see what the room's screen shows too; the facilitator can "
        "hide a contribution.",
    ),
    "join.ok.sent": ("Verstuurd. Dank je!", "Sent. Thank you!"),
    "join.ok.note": ("Toegevoegd aan de notitie.", "Added to the note."),
    "join.ok.joined": ("Welkom, je doet mee.", "Welcome, you are in."),
    "join.error.empty": ("Er staat nog niets in het veld.", "The field is still empty."),
    "join.error.too_long": (
        "Te lang: hoogstens {max} tekens. Maak het korter of splits het in twee.",
        "Too long: at most {max} characters. Shorten it or split it in two.",
    ),
    "join.error.name_too_long": (
        "Die naam is te lang: hoogstens {name_max} tekens.",
        "That name is too long: at most {name_max} characters.",
    ),
    "join.error.closed": (
        "Meedoen is gestopt. Scan de nieuwe code als de begeleider er een toont.",
        "Joining has stopped. Scan the new code if the facilitator shows one.",
    ),
    "join.error.too_many_codes": (
        "Te veel verkeerde codes. Wacht een minuut en probeer opnieuw.",
        "Too many wrong codes. Wait a minute and try again.",
    ),
    "join.error.wrong_code": (
        "Die code klopt niet. Kijk nog eens naar het scherm van de zaal.",
        "That code is not right. Look at the room's screen again.",
    ),
    "join.error.full": (
        "Er doen al te veel toestellen mee.",
        "Too many devices have joined already.",
    ),
    "join.error.unknown": (
        "Deze link werkt niet meer. Scan de code op het scherm opnieuw.",
        "This link no longer works. Scan the code on the screen again.",
    ),
    "join.error.not_ready": (
        "De bijeenkomst is nog niet open. Probeer zo meteen opnieuw.",
        "The meeting is not open yet. Try again in a moment.",
    ),
    "join.error.too_fast": (
        "Even rustig: te veel wijzigingen in een minuut. Wacht even.",
        "Slow down: too many changes in a minute. Wait a moment.",
    ),
    "join.error.too_many": (
        "Je stuurde al {per_minute} bijdragen deze minuut. Wacht even en stuur dan de rest.",
        "You sent {per_minute} contributions this minute already. Wait a moment, then send the rest.",
    ),
    "join.error.not_shared": (
        "De begeleider deelt nu geen notitie; je tekst staat hieronder nog.",
        "The facilitator shares no note now; your text is still below.",
    ),
    "join.error.vote_closed": (
        "De stemming is gesloten: je stippen blijven zoals ze waren.",
        "The vote is closed: your dots stay as they were.",
    ),
    "join.error.no_item": (
        "Die groeimogelijkheid staat niet meer op de lijst.",
        "That growth opportunity is no longer on the list.",
    ),
    "join.error.no_dots_left": (
        "Je stippen zijn op. Neem er eerst een weg om hem elders te zetten.",
        "Your dots are used up. Take one away first to place it elsewhere.",
    ),
    "join.error.too_large": (
        "Dat is te veel tekst ineens (hoogstens {kb} kB).",
        "That is too much text at once (at most {kb} kB).",
    ),
    "join.error.bad_request": ("Dat verzoek begrijpen we niet.", "We do not understand that request."),
    "join.error.forbidden": (
        "Geweigerd: dit verzoek kwam van een andere website.",
        "Refused: this request came from another website.",
    ),
    "join.error.unknown_host": (
        "Onbekend adres: open het adres dat op het scherm van de zaal staat.",
        "Unknown address: open the address shown on the room's screen.",
    ),
    # the facilitator's app
    "join.status": (
        "Meedoen: {people} {people:toestel|toestellen} · {sent} {sent:bijdrage|bijdragen}",
        "Joining: {people} {people:device|devices} · {sent} {sent:contribution|contributions}",
    ),
    "join.started": (
        "Deelnemers kunnen meedoen: {url} · code {code}",
        "Participants can join: {url} · code {code}",
    ),
    "join.stopped": (
        "Meedoen is gestopt; de code werkt niet meer.",
        "Joining has stopped; the code no longer works.",
    ),
    "join.network": (
        "Iedereen op dit netwerk die de code heeft, kan bijdragen sturen.",
        "Anyone on this network who has the code can send contributions.",
    ),
    "join.loopback": (
        "Alleen deze computer kan meedoen (het adres is lokaal). Voor telefoons: "
        "potential-deck run --join 0.0.0.0:8765, of start meedoen uit het palet.",
        "Only this computer can join (the address is local). For phones: "
        "potential-deck run --join 0.0.0.0:8765, or start joining from the palette.",
    ),
    "join.cannot": (
        "Meedoen kan niet starten op {address}: {error}. Kies een andere poort.",
        "Joining cannot start on {address}: {error}. Choose another port.",
    ),
    "join.title": ("Deelnemers doen mee", "Participants join in"),
    "join.how": (
        "Scan de QR-code, of open {url} en typ de code {code}.",
        "Scan the QR code, or open {url} and type the code {code}.",
    ),
    "join.off": (
        "Meedoen staat uit. Start het uit het palet: Deelnemers laten meedoen.",
        "Joining is off. Start it from the palette: Let participants join.",
    ),
    "join.list": ("Bijdragen uit de zaal", "Contributions from the room"),
    "join.none": ("Nog geen bijdragen.", "No contributions yet."),
    "join.anonymous_mark": ("anoniem", "anonymous"),
    "join.hidden_mark": ("verborgen voor de zaal", "hidden from the room"),
    "join.vote_state_open": (
        "De stemming staat open: {voters} {voters:toestel stemde|toestellen stemden} · "
        "{dots} {dots:stip|stippen} per persoon",
        "The vote is open: {voters} {voters:device voted|devices voted} · {dots} {dots:dot|dots} per person",
    ),
    "join.vote_state_closed": (
        "De stemming is dicht: {voters} {voters:toestel stemde|toestellen stemden}.",
        "The vote is closed: {voters} {voters:device voted|devices voted}.",
    ),
    "join.vote_needs_harvest": (
        "Stemmen met telefoons kan in de oogst.",
        "Voting from phones happens at the harvest.",
    ),
    "join.vote_opened": ("De stemming is open voor de telefoons.", "Voting is open to the phones."),
    "join.vote_closed": (
        "De stemming is gesloten; de stippen van de telefoons tellen mee.",
        "Voting is closed; the phones' dots count.",
    ),
    "join.hidden": ("Verborgen voor de zaal: {text}", "Hidden from the room: {text}"),
    "join.shown": ("Weer zichtbaar voor de zaal: {text}", "Shown to the room again: {text}"),
    "join.from": ("uit de zaal", "from the room"),
    # the harvest's history (core.harvest.history): the facilitator's own steps
    "history.hidden": ("„{text}” verborgen voor de zaal", "hid “{text}” from the room"),
    "history.shown": ("„{text}” weer getoond aan de zaal", "showed “{text}” to the room again"),
    # the harvest screen
    "join.harvest_from": ("uit de zaal: {who}", "from the room: {who}"),
    "join.hidden_short": ("verborgen", "hidden"),
    "join.not_joining": (
        "Niemand doet mee met een telefoon: start meedoen met F7.",
        "Nobody joins from a phone: start joining with F7.",
    ),
    # the room's screen
    "join.room_line": ("Doe mee: {url} · code {code}", "Join in: {url} · code {code}"),
    "join.room_title": ("Doe mee met je telefoon", "Join in with your phone"),
}
"""Keys `join.*`; `join.error.<key>` is the message for `contributions.Refused(key)`."""
