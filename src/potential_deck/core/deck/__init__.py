"""The deck as data: loading and validating `cards/`, which deck a session uses (`for_session`),
the note fields of each card kind, coverage."""
