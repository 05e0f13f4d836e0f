"""Every export format on empty, filled and big sessions; HTML self-contained and well-formed."""

from __future__ import annotations

import json
import re
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from potential_deck.core.report.chart import svg_bars, text_bars
from potential_deck.core.report.export import (
    FORMATS,
    JSON_SHAPE,
    ExportError,
    ExportExists,
    ExportTargetError,
    format_for,
    render,
    save,
)
from potential_deck.core.session import store
from potential_deck.core.session.models import Session

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

DOCS = Path(__file__).resolve().parents[1] / "docs" / "export-json.md"
SESSIONS = {"empty": h.empty, "filled": h.filled, "big": h.big}


def _html_tree(text: str) -> ET.Element:
    first, rest = text.split("\n", 1)
    assert first == "<!DOCTYPE html>"
    return ET.fromstring(rest)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", SESSIONS)
@pytest.mark.parametrize("anon", [False, True])
def test_every_format_renders_every_session(fmt: str, kind: str, anon: bool) -> None:
    s = SESSIONS[kind]()
    before = s.model_dump()
    out = render(s, h.deck(), fmt, anonymize=anon)
    assert out.strip()
    assert s.model_dump() == before
    if fmt == "html":
        _html_tree(out)
    elif fmt == "json":
        assert json.loads(out)["team"] == s.team
    elif fmt == "toml":
        assert store.from_toml(out, Path("x.toml")).team == s.team


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ExportError, match="unknown format 'pdf'"):
        render(h.filled(), h.deck(), "pdf")


def test_format_for_file_names() -> None:
    assert format_for("verslag.HTML") == "html"
    assert format_for("x.json") == "json"
    assert format_for("x.toml") == "toml"
    assert format_for("verslag") == "md"


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_has_title_question_priorities_steps_notes_and_time() -> None:
    out = render(h.filled(), h.deck(), "md")
    lines = out.splitlines()
    assert lines[0] == "# Verslag: Basisschool De Linde, 14/03/2025"
    assert "Begeleider: Kees Wouters · Aantal deelnemers: 7  " in lines
    assert "> Hoe kunnen we thuistalen benutten, zoals Ömer voorstelde?" in lines
    rows = [line for line in lines if re.match(r"\| \d+ \|", line)]
    assert rows[0].startswith("| 1 | Ouders betrekken (idee van Lotte) | 5 | Nog geen kernwaarde")
    assert rows[1].startswith("| 2 | Thuistalen benutten _(in de leervraag)_ | 3 | Waarderen")
    assert "| Wat | Wie | Tegen wanneer | Klaar |" in lines
    assert "| Bevraging bij ouders | Lotte Vos | 01/04/2025 | nee |" in lines
    assert "| Lesvoorbereiding samen met Ana-Lucía | Jan |   | ja |" in lines
    assert "Volgende bijeenkomst: 02/05/2025" in lines
    assert "### 2. Een collega die me verder hielp" in lines
    assert "**Wat werkte er en wat niet?**" in lines
    assert "| **Totaal** | 1 u 10 min | **45 min** |" in lines


def test_markdown_in_english() -> None:
    out = render(h.filled(lang="en"), h.deck(), "md")
    assert out.startswith("# Report: Basisschool De Linde, 14/03/2025")
    assert "## Step plan" in out and "| What | Who | By when | Done |" in out
    assert "Diversity in our school: what do we see?" in out


def test_markdown_table_cells_stay_one_line() -> None:
    s = h.filled()
    s.harvest.steps[0].what = "eerst dit | dan dat\nen nog iets"
    out = render(s, h.deck(), "md")
    assert r"| eerst dit \| dan dat<br>en nog iets |" in out


def test_empty_session_says_so() -> None:
    out = render(h.empty(), h.deck(), "md")
    assert "Nog geen leervraag gekozen." in out
    assert "Nog geen groeimogelijkheden." in out
    assert "Nog geen stappen gepland." in out


def test_cards_the_deck_lacks_are_titled_by_id() -> None:
    s = h.filled()
    s.deck_id = "een-ander-deck"
    s.record("eigen-kaart").free = "iets"
    out = render(s, h.deck(), "md")
    assert "### 4. eigen-kaart" in out
    assert "Kaartenset: een-ander-deck" in out
    assert "### 1. Diversiteit in onze school: wat zien we?" in out


# --- HTML -----------------------------------------------------------------------------------


def test_html_is_self_contained_and_printable() -> None:
    out = render(h.big(), h.deck(), "html")
    tree = _html_tree(out)
    lowered = out.lower()
    for forbidden in (
        "<script",
        "<link",
        "url(",
        "src=",
        "href=",
        "http:",
        "https:",
        "@import",
        "<img",
        "<iframe",
        "javascript:",
    ):
        assert forbidden not in lowered, forbidden
    assert "@media print" in out
    assert tree.find("./head/style") is not None
    assert tree.attrib["lang"] == "nl"
    assert len(tree.findall(".//svg")) == 1


def test_html_escapes_user_text() -> None:
    s = h.filled()
    s.harvest.question = 'Hoe <script>alert("x")</script> & "dan"?\x07'
    s.record("superheld").free = "<img src=http://evil/x.png>"
    out = render(s, h.deck(), "html")
    tree = _html_tree(out)
    assert "<script" not in out and "<img" not in out
    question = tree.find(".//p[@class='question']")
    assert question is not None
    assert question.text == 'Hoe <script>alert("x")</script> & "dan"?␇'  # the bell made visible


def test_html_chart_counts_per_core_value() -> None:
    tree = _html_tree(render(h.filled(), h.deck(), "html"))
    svg = tree.find(".//svg")
    assert svg is not None
    texts = [t.text for t in svg.findall("text")]
    assert texts[:2] == ["Waarderen van diversiteit bij leerlingen", "1"]
    assert texts[-2:] == ["Nog geen kernwaarde", "1"]


# --- JSON -----------------------------------------------------------------------------------


def _documented_keys() -> set[str]:
    return set(re.findall(r'^  "(\w+)":', JSON_SHAPE, re.MULTILINE))


def test_json_has_the_documented_keys() -> None:
    data = json.loads(render(h.filled(), h.deck(), "json"))
    assert set(data) == _documented_keys()
    assert data["schema_version"] == 1
    assert data["participants"] == 7
    assert data["facilitator"] == "Kees Wouters"
    assert [i["votes"] for i in data["harvest"]["items"]] == [5, 3, 3, 1]
    assert data["harvest"]["items"][1]["in_question"] is True
    assert data["harvest"]["steps"][0]["due"] == "2025-04-01"
    assert data["summary"]["items_per_value"]["none"] == 1
    assert data["summary"]["total_seconds"] == 2700.0
    assert data["agenda"][0]["title"] == "Diversiteit in onze school: wat zien we?"
    cards = {c["id"]: c for c in data["cards"]}
    assert cards["steun-van-collega"]["fields"]["did"] == "Lotte's collega Ann hielp."


def test_anonymized_json_leaves_out_the_names() -> None:
    data = json.loads(render(h.filled(), h.deck(), "json", anonymize=True))
    assert set(data) == _documented_keys() - {"facilitator", "participant_names"}
    assert data["participants"] == 7
    assert data["anonymized"] is True


def test_the_json_shape_is_in_the_docs() -> None:
    assert JSON_SHAPE in DOCS.read_text(encoding="utf-8")


# --- TOML and anonymised exports ----------------------------------------------------------


@pytest.mark.parametrize("kind", SESSIONS)
def test_toml_round_trips(kind: str) -> None:
    s: Session = SESSIONS[kind]()
    assert store.from_toml(render(s, h.deck(), "toml"), Path("x.toml")) == s


@pytest.mark.parametrize("fmt", FORMATS)
def test_anonymized_exports_contain_no_name(fmt: str) -> None:
    out = render(h.filled(), h.deck(), fmt, anonymize=True)
    for name in h.name_parts([*h.PARTICIPANTS, h.FACILITATOR]):
        assert not h.mentions(out, name), (fmt, name)
    assert "Deelnemer 1" in out
    for word in h.WORDS_THAT_MUST_STAY:
        assert word in out


def test_anonymized_toml_round_trips() -> None:
    out = render(h.filled(), h.deck(), "toml", anonymize=True)
    back = store.from_toml(out, Path("x.toml"))
    assert back.facilitator == "" and back.participants[0] == "Deelnemer 1"


# --- charts ---------------------------------------------------------------------------------


def test_text_bars_scale_to_the_width() -> None:
    lines = text_bars([("een", 4), ("twee", 2), ("nul", 0), ("klein", 1)], width=8)
    assert lines[0] == "een    ████████  4"
    assert lines[1] == "twee   ████      2"
    assert lines[2] == "nul              0"
    assert lines[3].count("█") == 2
    assert text_bars([]) == []
    assert text_bars([("a", 0)], width=5) == ["a         0"]


def test_svg_bars_are_well_formed_and_escaped() -> None:
    svg = svg_bars([("<a & b>", 3, "#000000"), ("c", 0, "#111111")], title='"t"')
    root = ET.fromstring(svg)
    assert root.tag == "svg"
    assert [t.text for t in root.findall("text")] == ["<a & b>", "3", "c", "0"]
    assert "<script" not in svg and "href" not in svg


def test_save_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "verslag.md"
    save(target, "eerste", "md")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(ExportExists):
        save(target, "tweede", "md")
    assert target.read_text(encoding="utf-8") == "eerste"
    save(target, "tweede", "md", force=True)
    assert target.read_text(encoding="utf-8") == "tweede"
    folder = tmp_path / "map.md"
    folder.mkdir()
    with pytest.raises(ExportTargetError, match="is a folder"):
        save(folder, "x", "md", force=True)
