"""What a session becomes for readers: its summary, its report (one section model, `sections`,
built by `contents`, rendered by `markdown` and `html`), the exports (`export`), the terminal
text (`text`), the year's parts (`year`), printable cards and anonymising."""
