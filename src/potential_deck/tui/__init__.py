"""The Textual user interface: an App, one module per screen, widgets that post messages up."""
