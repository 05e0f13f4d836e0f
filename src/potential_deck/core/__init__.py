"""The core: every rule of potential-deck, with no user interface. It never imports Textual.

Packages by idea: `session` (one meeting on disk: models, store, lock, migrations, TOML),
`deck` (the cards as data), `harvest` (growth opportunities, dots, the learning question, the
step plan), `year` (a team's trajectory over a school year), `report` (summaries and exports),
`text` (the words of both languages, as data), `room` (what the room and the participants see).
Loose modules: `choices` (the enumerations), `errors`, `errorlog`, `locations`, `settings`.
"""
