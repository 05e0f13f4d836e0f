"""The core: models, deck, sessions, timer, summary and export. It never imports Textual."""
