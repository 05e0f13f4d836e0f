"""The section model of a session's report: built once (`contents.report_of`), rendered by
Markdown and HTML (and the app's preview of the HTML) without either adding or losing a word,
and every text escaped by the renderer, whichever block holds it."""

from __future__ import annotations

import ast
import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from potential_deck.core.choices import FieldColour
from potential_deck.core.report import view as report_view
from potential_deck.core.report.contents import report_of
from potential_deck.core.report.export import render
from potential_deck.core.report.html import html_page
from potential_deck.core.report.html_text import html_text
from potential_deck.core.report.markdown import markdown
from potential_deck.core.report.sections import (
    Bar,
    Chart,
    Column,
    Group,
    Heading,
    Items,
    Label,
    Paragraph,
    Progress,
    Report,
    Span,
    Subheading,
    Table,
    plain,
    texts,
    walk,
)
from potential_deck.core.text.i18n import t
from potential_deck.core.year.lookback import fill
from potential_deck.core.year.trajectory import team_year

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

HOSTILE = "*schuin* <b>vet</b> [link](x) `code` _niet_ | pijp & &amp;"
"""Text that is markup in Markdown and in HTML: every renderer must show it as it is."""


def _every_kind(text: str) -> Report:
    """A report with `text` in every kind of block and span."""
    spans = tuple(Span(text, kind) for kind in ("text", "strong", "tag", "mark", "aside", "detail"))
    return Report(
        lang="nl",
        title=text,
        meta=(text,),
        blocks=(
            Heading(text),
            Heading(text, 3, 1),
            Subheading(text),
            Label(text),
            *(Paragraph(text, style) for style in ("plain", "text", "note", "question")),
            Items((spans,)),
            Table((Column(text), Column(text, numeric=True)), ((plain(text), spans),), (plain(text), spans)),
            Chart(text, (Bar(text, 2, text, "#1f6f8b"),)),
            Progress(40),
            Group("card", (Paragraph(text),)),
            Group("field", (Label(text), Paragraph(text, "text")), FieldColour.BLUE),
        ),
        footer=text,
    )


def _sections(report: Report) -> list[str]:
    return [block.text for block in report.blocks if isinstance(block, Heading) and block.level == 2]


# --- the model ----------------------------------------------------------------------------------


def test_a_sessions_report_has_its_sections_in_order() -> None:
    report = report_of(report_view.view(h.filled(), h.deck()))
    keys = ("summary.question", "summary.priorities", "summary.remarks", "summary.steps")
    assert _sections(report) == [
        *(t("nl", key) for key in keys),
        t("nl", "export.notes"),
        t("nl", "summary.time"),
    ]


def test_the_report_is_in_the_sessions_language() -> None:
    report = report_of(report_view.view(h.filled(lang="en"), h.deck()))
    assert _sections(report)[:2] == [t("en", "summary.question"), t("en", "summary.priorities")]
    assert report.lang == "en"


def test_an_anonymised_report_never_names_the_facilitator() -> None:
    named = report_of(report_view.view(h.filled(), h.deck()))
    anonymous = report_of(report_view.view(h.filled(), h.deck(), anonymize=True))
    assert any(h.FACILITATOR in line for line in named.meta)
    assert not any(h.mentions(text, "Kees") for text in texts(anonymous))


def test_every_card_with_notes_is_a_numbered_group() -> None:
    report = report_of(report_view.view(h.filled(), h.deck()))
    cards = [block for block in report.blocks if isinstance(block, Group) and block.kind == "card"]
    numbers = [block.blocks[0].number for block in cards if isinstance(block.blocks[0], Heading)]
    assert numbers == list(range(1, len(cards) + 1)) and len(cards) >= 3


def test_walk_reaches_the_blocks_inside_groups() -> None:
    report = _every_kind("x")
    labels = [block for block in walk(report.blocks) if isinstance(block, Label)]
    assert len(labels) == 2, "the one at the top and the one inside the coloured field"


def test_a_year_without_steps_says_so_in_markdown_and_html_alike() -> None:
    session = h.empty()
    year = team_year([(Path("a.toml"), session)])
    none = t("nl", "year.no_steps")
    assert none in render(session, h.deck(), "md", year=year)
    assert none in render(session, h.deck(), "html", year=year)


def test_a_look_back_question_of_two_lines_is_a_quote_of_two_lines_in_markdown() -> None:
    earlier = h.empty(when=dt.datetime(2026, 10, 12, 14, 0))
    earlier.harvest.question = "Hoe *betrekken* we ouders,\nook anderstalige?"
    later = h.empty(when=dt.datetime(2026, 11, 16, 14, 0))
    fill(later, [(Path("oktober.toml"), earlier)])
    out = render(later, h.deck(), "md")
    assert "> Hoe \\*betrekken\\* we ouders,  \n> ook anderstalige?" in out


# --- Markdown renders the model, escaping every text -----------------------------------------------


def _markdown_html(report: Report) -> str:
    return (
        MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"]).render(markdown(report))
    )


def test_markdown_escapes_the_text_of_every_block() -> None:
    rendered = _markdown_html(_every_kind(HOSTILE))
    assert "<b>" not in rendered and "<a " not in rendered and "<code>" not in rendered
    emphasis = {html.unescape(text) for text in re.findall(r"<em>(.*?)</em>", rendered)}
    assert emphasis == {HOSTILE, f"({HOSTILE})"}, "only the report's own notes and asides are italic"


def test_markdown_shows_every_text_of_the_report() -> None:
    report = _every_kind(HOSTILE)
    shown = html.unescape(re.sub(r"<[^>]+>", "", _markdown_html(report)))
    chart_title = 1  # a chart is a list of its bars in Markdown; the subheading above names it
    assert shown.count(HOSTILE) == len(list(texts(report))) - chart_title


def test_markdown_tables_align_numbers_right_and_total_in_bold() -> None:
    table = Table(
        (Column("Kaart"), Column("Tijd", numeric=True)),
        ((plain("Start"), plain("10 min")),),
        ((Span("Totaal", "strong"),), plain("10 min")),
    )
    out = markdown(Report("nl", "T", (), (table,), "f"))
    assert "| Kaart | Tijd |\n|---|---:|\n| Start | 10 min |\n| **Totaal** | 10 min |" in out


def test_markdown_lists_a_charts_bars_and_draws_no_progress_bar() -> None:
    chart = Chart("Per kernwaarde", (Bar("Samenwerken", 3, "3", "#000000"),))
    out = markdown(Report("nl", "T", (), (chart, Progress(50)), "f"))
    assert "- Samenwerken: 3" in out and "50" not in out


def test_markdown_numbers_a_card_heading_and_asides_in_parentheses() -> None:
    blocks = (
        Heading("Kaart", 3, 2),
        Items(((Span("sterk"), Span("Kaart", "aside")), (Span("stap"), Span("Lies", "detail")))),
    )
    out = markdown(Report("nl", "T", (), blocks, "f"))
    assert "### 2. Kaart" in out and "- sterk _(Kaart)_" in out and "- stap (Lies)" in out


# --- HTML renders the model, escaping every text ----------------------------------------------------


def test_html_escapes_the_text_of_every_block_and_stays_well_formed() -> None:
    page = html_page(_every_kind(HOSTILE))
    root = ET.fromstring(page.split("\n", 1)[1])
    assert not list(root.iter("b")) and not list(root.iter("a"))
    body = " ".join(" ".join(root.find("body").itertext()).split())  # type: ignore[union-attr]
    tooltip = 1  # the chart's title is also its <title> inside the <svg>
    assert body.count(HOSTILE) == len(list(texts(_every_kind(HOSTILE)))) + tooltip


def test_html_draws_the_chart_the_progress_and_a_coloured_field() -> None:
    page = html_page(_every_kind("x"))
    assert '<figure>\n<svg class="chart"' in page and "<figcaption>x</figcaption>" in page
    assert '<progress max="100" value="40">40%</progress>' in page
    assert '<div class="field field-blue">' in page and '<section class="card">' in page


def test_a_total_row_is_bold_as_a_whole_in_html() -> None:
    table = Table((Column("a"), Column("b", numeric=True)), (), ((Span("Totaal", "strong"),), plain("1")))
    page = html_page(Report("nl", "T", (), (table,), "f"))
    assert '<tr class="total"><td>Totaal</td><td class="num">1</td></tr>' in page


# --- the preview in the app reads the HTML rendered from the same model ------------------------------


def test_the_html_preview_reads_every_text_of_the_report_in_order() -> None:
    report = report_of(report_view.view(h.filled(), h.deck()))
    lines = html_text(html_page(report)).splitlines()
    wanted = [
        f"{block.number}. {block.text}" if isinstance(block, Heading) and block.number else block.text
        for block in walk(report.blocks)
        if isinstance(block, Heading | Subheading | Label)
    ]
    found, position = [], 0
    for text in wanted:
        position = lines.index(text, position) + 1 if text in lines[position:] else -1
        found.append(position)
        if position < 0:
            break
    assert -1 not in found and found == sorted(found) and len(found) > 20


def test_export_renders_the_model_it_builds() -> None:
    session = h.filled()
    report = report_of(report_view.view(session, h.deck()))
    assert render(session, h.deck(), "md") == markdown(report)
    assert render(session, h.deck(), "html") == html_page(report)


# --- no import circles in core/report, imports inside functions counted too -------------------------

REPORT = Path(__file__).resolve().parents[1] / "src" / "potential_deck" / "core" / "report"


def _imports(path: Path) -> set[str]:
    """The modules of core/report that `path` imports anywhere (top level, functions, TYPE_CHECKING)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "potential_deck.core.report":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("potential_deck.core.report."):
                found.add(node.module.split(".")[3])
        elif isinstance(node, ast.Import):
            found |= {
                a.name.split(".")[3] for a in node.names if a.name.startswith("potential_deck.core.report.")
            }
    return found - {path.stem}


@pytest.mark.parametrize("start", sorted(p.stem for p in REPORT.glob("*.py") if p.stem != "__init__"))
def test_no_module_of_the_report_imports_itself_back(start: str) -> None:
    graph = {p.stem: _imports(p) for p in REPORT.glob("*.py")}
    seen, todo = set(), list(graph.get(start, ()))
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo += graph.get(name, ())
    assert start not in seen, f"{start} imports itself back through {sorted(seen)}"
