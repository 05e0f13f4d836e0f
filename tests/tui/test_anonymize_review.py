"""The anonymised export's preview lists every replacement in its context; Enter/Space skip one."""

from __future__ import annotations

import datetime as dt

from textual.widgets import OptionList, TextArea

from potential_deck.cli import main
from potential_deck.core.choices import Collaboration
from potential_deck.core.session.meeting import new_session
from potential_deck.core.session.models import Step
from potential_deck.tui.screens.anonymize_review import AnonymizedPreview

from .conftest import FIXED_NOW
from .helpers import palette_searched, shown_text

SIZE = (120, 40)


async def _open_preview(pilot, words: str) -> AnonymizedPreview:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await palette_searched(pilot)
    await pilot.press("enter")
    await pilot.pause()
    preview = pilot.app.screen
    assert isinstance(preview, AnonymizedPreview)
    return preview


def _session(deck, participants: list[str]):
    session = new_session(deck, team="De Linde", now=FIXED_NOW, participants=participants)
    session.record(session.agenda[0]).free = "Roos zei dat de roos in de klas groeit."
    return session


async def test_each_replacement_is_listed_and_can_be_skipped_or_confirmed(make_app, deck):
    app = make_app(session=_session(deck, ["Roos Vos"]))
    async with app.run_test(size=SIZE) as pilot:
        preview = await _open_preview(pilot, "Markdown, geanonimiseerd")
        listed = preview.query_one(OptionList)
        assert listed.has_focus and listed.option_count == 2
        assert "1 van 2 aan" in shown_text(app)
        text = preview.query_one("#export-text", TextArea)
        assert "Deelnemer 1 zei dat de roos in de klas groeit." in text.text
        await pilot.press("enter")  # skip the first: "Roos zei"
        await pilot.press("down", "space")  # confirm the second: "de roos"
        await pilot.pause()
        assert "Roos zei dat de Deelnemer 1 in de klas groeit." in text.text
        assert "1 van 2 aan" in shown_text(app)
        await pilot.click("#export-save")
        saved = preview.path.read_text(encoding="utf-8")
        assert saved == preview.text and "Roos zei dat de Deelnemer 1 in de klas" in saved


async def test_escape_closes_the_review_without_writing(make_app, deck):
    app = make_app(session=_session(deck, ["Roos Vos"]))
    async with app.run_test(size=SIZE) as pilot:
        preview = await _open_preview(pilot, "JSON, geanonimiseerd")
        await pilot.press("escape")
        assert not isinstance(app.screen, AnonymizedPreview)
        assert not preview.path.exists()


async def test_a_session_without_participants_says_names_are_not_replaced(make_app, deck):
    app = make_app(session=_session(deck, []))
    async with app.run_test(size=SIZE) as pilot:
        await _open_preview(pilot, "Markdown, geanonimiseerd")
        shown = shown_text(app)
        assert "geen lijst van deelnemers" in shown and "NIET" in shown
        assert "Geen namen gevonden" in shown


async def test_the_anonymised_export_has_the_teams_year_as_the_cli_makes_it(make_app, deck, store, tmp_path):
    """The team's year (its open steps, its hours) is in the app's anonymised export, with the
    names of earlier sessions replaced: the very text `potential-deck export --anonymize` writes."""
    earlier = new_session(deck, team="De Linde", now=FIXED_NOW - dt.timedelta(days=30), participants=["Omar"])
    earlier.harvest.steps = [
        Step(what="Woordmuur met Omar", who="Omar", form=Collaboration.CO_TEACHING, hours=2)
    ]
    store.create(earlier)
    session = _session(deck, ["Roos Vos"])
    session.record(session.agenda[1]).free = "Omar gaf de klas zijn woordmuur."
    app = make_app(session=session)
    async with app.run_test(size=SIZE) as pilot:
        preview = await _open_preview(pilot, "Markdown, geanonimiseerd")
        path = pilot.app.screen_stack[-2].path
        cli_export = tmp_path / "cli.md"
        assert main(["export", "--anonymize", str(path), "-o", str(cli_export)]) == 0
        assert preview.text == cli_export.read_text(encoding="utf-8")
        assert "## Het traject van De Linde" in preview.text
        assert "Woordmuur met Deelnemer 2" in preview.text and "Omar" not in preview.text
        listed = [(item.found, item.label) for item in preview.found]  # Omar too, to confirm or skip
        assert listed == [("Roos", "Deelnemer 1"), ("roos", "Deelnemer 1"), ("Omar", "Deelnemer 2")]
