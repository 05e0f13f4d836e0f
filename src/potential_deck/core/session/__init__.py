"""One meeting on disk: the session model, its TOML, the store and its lock, migrations, limits, recovery.

`session_file` is the one owner of an open session file; `store` finds and lists sessions;
`frame` is a file's first and last line (whether it was written whole); `toml_read`/`toml_write`
read and write TOML (tomli / tomli-w), `invalid` says what a model refused in a TOML file (line,
field, what to write); `timer` and `meeting` hold the clock of a card.
"""
