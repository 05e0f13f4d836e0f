"""Redraw a widget only when what it shows changes.

Textual's `Static.update` and a widget's `border_title` redraw the widget (and `update` lays the
screen out again) even when given what they already show. A card change sets a dozen of them,
most to what they were: these helpers skip those, so only what changed is drawn again.
"""

from __future__ import annotations

from textual.visual import VisualType
from textual.widget import Widget
from textual.widgets import Static


def update(static: Static, content: VisualType) -> None:
    """`static.update(content)`, unless it shows `content` already."""
    shown = static.content
    if type(shown) is not type(content) or shown != content:  # Content equals a str by its text
        static.update(content)


def set_border_title(widget: Widget, title: str) -> None:
    """`widget.border_title = title`, unless it has that title already."""
    if widget.border_title != title:
        widget.border_title = title
