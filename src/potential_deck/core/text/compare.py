"""When two texts count as the same: case and runs of white space do not count.

`text_key` is the one answer: the harvest list gathered from the cards, merges and repeated
questions in a deck, and the opportunities that come back over a team's year all compare by it.
"""

from __future__ import annotations


def text_key(text: str) -> str:
    """`text` as it is compared: case folded, white space runs made one space, ends trimmed."""
    return " ".join(text.casefold().split())
