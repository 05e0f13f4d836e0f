"""The deck as data: loading and validating `cards/`, the note fields of each card kind, coverage."""
