"""Widgets of the facilitator's screens."""
