"""The anonymised export's preview lists every replacement in its context; Enter/Space skip one."""

from __future__ import annotations

from textual.widgets import OptionList, TextArea

from potential_deck.core.session.meeting import new_session
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
