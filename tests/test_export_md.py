"""The Markdown export renders note text as text, in a real renderer (markdown-it-py)."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from potential_deck.core.report.export import render
from potential_deck.core.report.markdown import md_cell, md_line, md_text

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

NOTE_LINES = [
    "# geen kop",
    "## ook geen kop",
    "1. geen genummerde lijst",
    "2) ook niet",
    "- geen opsomming",
    "+ ook niet",
    "* evenmin",
    "> geen citaat",
    "| geen | tabel |",
    "|---|---|",
    "```",
    "geen code",
    "```",
    "`geen code`",
    "*niet schuin* en **niet vet** en _ook niet_",
    "~~niet doorgestreept~~",
    "[geen link](https://example.org) en <https://example.org>",
    "![geen beeld](x.png)",
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    "&amp; &copy; blijven tekens",
    "***",
    "===",
    "a \\ b\\",
    "    geen ingesprongen code",
]
NOTE = "\n".join(NOTE_LINES)


def _renderer() -> MarkdownIt:
    """CommonMark with tables and strikethrough, as school platforms and GitHub render it."""
    return MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])


def _exported() -> str:
    session = h.filled()
    session.record("superheld").free = NOTE
    session.record("superheld").growth[0].text = "# kop in een opsomming"
    session.harvest.question = "> Hoe kunnen we *dit*?\n# echt?"
    session.harvest.steps[0].what = "1. eerst | dan"
    return _renderer().render(render(session, h.deck(), "md"))


def _text_of(rendered: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", rendered))


@pytest.fixture(scope="module")
def rendered() -> str:
    return _exported()


def test_no_markup_is_made_from_note_text(rendered: str) -> None:
    assert rendered.count("<hr") == 1  # the line above the footer, ours
    for tag in (
        "<script",
        "<img",
        "<a ",
        "<code",
        "<pre",
        "<ol",
        "<del",
        "<s>",
        "<strong>niet",
        "<em>niet",
        "<em>ook",
    ):
        assert tag not in rendered, tag


def test_headings_are_only_the_exports_own(rendered: str) -> None:
    headings = re.findall(r"<h(\d)>(.*?)</h\1>", rendered)
    assert not [text for _, text in headings if "kop" in text or "echt" in text]
    assert rendered.count("<h1>") == 1


def test_the_only_quote_is_the_question_and_the_only_tables_ours(rendered: str) -> None:
    assert rendered.count("<blockquote>") == 1
    quote = rendered.split("<blockquote>")[1].split("</blockquote>")[0]
    assert "&gt; Hoe kunnen we *dit*?" in quote and "# echt?" in quote
    assert rendered.count("<table>") == 3  # priorities, steps, time
    assert "<td>1. eerst | dan</td>" in rendered


@pytest.mark.parametrize("line", NOTE_LINES)
def test_every_note_line_reads_as_written(rendered: str, line: str) -> None:
    text = _text_of(rendered).replace("\u00a0", " ")
    assert line.strip() in text


def test_list_items_from_notes_stay_one_item_of_text(rendered: str) -> None:
    assert "<li># kop in een opsomming" in rendered


def test_leading_spaces_are_kept_as_no_break_spaces() -> None:
    assert md_line("    code") == "\u00a0\u00a0\u00a0\u00a0code"
    assert md_line("  - sub") == "\u00a0\u00a0\\- sub"


def test_line_breaks_and_paragraphs_are_kept() -> None:
    assert md_text("een\ntwee\n\ndrie") == "een  \ntwee\n\ndrie"
    assert md_text("een\n\ntwee", "> ") == "> een\n>\n> twee"
    assert md_cell("a|b\nc") == "a\\|b<br>c"
