"""The HTML preview's text is the HTML file's text: every piece of it, in order, nothing else."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from potential_deck.core.report.export import render
from potential_deck.core.report.html_text import html_text

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

DECORATION = {"•", "|"}


def _body_words(page: str) -> list[str]:
    """Every word of the page's body, in document order, as the XML tree holds it."""
    tree = ET.fromstring(page.split("\n", 1)[1])
    body = tree.find("body")
    assert body is not None
    for svg in body.iter("svg"):  # a chart's <title> is its tooltip: not shown, like <head>
        for title in svg.findall("title"):
            svg.remove(title)
    return " ".join(body.itertext()).split()


@pytest.mark.parametrize("anonymize", [False, True])
@pytest.mark.parametrize("kind", ["empty", "filled", "big"])
def test_the_preview_text_is_every_word_of_the_page_in_order(kind: str, anonymize: bool) -> None:
    session = {"empty": h.empty, "filled": h.filled, "big": h.big}[kind]()
    if kind == "filled":
        session.record("superheld").free = "<script>x</script> & # kop\n1. lijst"
    page = render(session, h.deck(), "html", anonymize=anonymize)
    shown = [word for word in html_text(page).split() if word not in DECORATION]
    assert shown == _body_words(page)


def test_the_head_is_not_shown() -> None:
    page = render(h.filled(), h.deck(), "html")
    shown = html_text(page)
    assert "font-family" not in shown and "@media" not in shown
    assert shown.startswith("Verslag: Basisschool De Linde, 14/03/2025\n")
