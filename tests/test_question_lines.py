"""A learning question written over several lines keeps them: in the file and in every export."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.report.export import render
from potential_deck.core.report.html import CSS
from potential_deck.core.report.plain import session_text
from potential_deck.core.report.text import year_text
from potential_deck.core.report.view import view
from potential_deck.core.session import store
from potential_deck.core.session.models import Session
from potential_deck.core.year.trajectory import team_year

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

QUESTION = (
    "Hoe kunnen we differentiëren voor alle leerlingen,\n"
    "ook anderstalige nieuwkomers\n\nen kinderen in armoede?"
)


def asked() -> Session:
    s = h.filled()
    harvest.set_question(s, QUESTION)
    return s


def test_the_lines_survive_save_and_load(tmp_path: Path) -> None:
    store.write(tmp_path / "s.toml", asked())
    assert store.read(tmp_path / "s.toml").harvest.question == QUESTION


def test_markdown_quotes_every_line_and_keeps_the_breaks() -> None:
    lines = render(asked(), h.deck(), "md").splitlines()
    start = lines.index("> Hoe kunnen we differentiëren voor alle leerlingen,  ")
    assert lines[start + 1 : start + 4] == [
        "> ook anderstalige nieuwkomers",
        ">",
        "> en kinderen in armoede?",
    ]
    assert lines[start + 4] == "", "the quote ends after the question"


def test_html_keeps_the_line_breaks() -> None:
    out = render(asked(), h.deck(), "html")
    tree = ET.fromstring(out.split("\n", 1)[1])
    question = tree.find(".//p[@class='question']")
    assert question is not None and question.text == QUESTION
    rule = CSS[CSS.index(".question {") : CSS.index("}", CSS.index(".question {"))]
    assert "white-space: pre-wrap" in rule


def test_json_keeps_the_line_breaks() -> None:
    assert json.loads(render(asked(), h.deck(), "json"))["harvest"]["question"] == QUESTION


def test_the_text_summary_indents_every_line() -> None:
    out = session_text(view(asked(), h.deck())).splitlines()
    start = out.index("  Hoe kunnen we differentiëren voor alle leerlingen,")
    assert out[start + 1 : start + 4] == ["  ook anderstalige nieuwkomers", "", "  en kinderen in armoede?"]


def test_the_year_keeps_a_question_under_its_date() -> None:
    out = year_text(team_year([asked()]), "nl").splitlines()
    start = out.index("  14/03/2025  Hoe kunnen we differentiëren voor alle leerlingen,")
    assert out[start + 1] == "              ook anderstalige nieuwkomers"
