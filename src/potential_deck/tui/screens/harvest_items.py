"""Step 1 of the harvest: growth opportunities added, reworded, tagged, merged, split, struck
out and brought back; and the meeting's strengths and challenges, each tagged with a core value
by the team.

The harvest screen's actions of step 1 call these with the screen (`HarvestScreen.action_merge`
-> `merge(screen)`). Every change is committed to the session's history (`HarvestScreen.commit`):
`u` undoes it.
Merging two items with different core values asks which value the merged one gets (or none),
so nothing is dropped without the facilitator's word; a merged item (`⊕`) shows what it holds
(`w`, and in its edit dialog) and can be split again (`s`). Struck items can be brought back
(`r`, `core.harvest.struck`), also after the session was opened again, and a card line that
gathering leaves out because its words were struck before is said once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.harvest.struck import Notice, struck
from potential_deck.core.session.models import CoreValue, Lang
from potential_deck.core.session.notes import cycle_line_value, tagged_lines
from potential_deck.core.text.i18n import t, value_label
from potential_deck.tui.keys import HARVEST_COMMANDS, LINES, Where, by_id
from potential_deck.tui.screens.dialogs import ChoicePrompt, TextPrompt

if TYPE_CHECKING:
    from potential_deck.tui.screens.harvest import HarvestScreen

RESTORE = by_id(HARVEST_COMMANDS)["restore"]


def can_split(screen: HarvestScreen) -> bool:
    """Whether the item under the cursor is a merge (`s` splits it)."""
    items = screen.session.harvest.items
    return bool(items) and harvest.can_split(items[screen.item_index])


def add(screen: HarvestScreen) -> None:
    """A new growth opportunity, typed in a dialog."""

    def added(text: str | None) -> None:
        if text is None:
            return
        try:
            screen.item_row = harvest.add_item(screen.session, text)
        except ValueError as exc:
            screen.say(str(exc), error=True)
            return
        screen.commit("added", text=text)
        screen.changed()

    screen.push_dialog(TextPrompt(t(screen.lang, "harvest.add_prompt"), "", screen.lang), added)


def edit(screen: HarvestScreen) -> None:
    """Reword the item under the cursor; a merged one lists the wordings it holds."""
    if not screen.session.harvest.items:
        return
    index = screen.item_index
    item = screen.session.harvest.items[index]
    old = item.text

    def edited(text: str | None) -> None:
        if text is None:
            return
        try:
            changed = harvest.edit_item(screen.session, index, text)
        except ValueError as exc:
            screen.say(str(exc), error=True)
            return
        if changed:
            screen.commit("edited", text=old)
            screen.changed()

    offered = harvest.wordings(item) if harvest.can_split(item) else []
    prompt = TextPrompt(
        t(screen.lang, "harvest.edit_prompt"),
        item.text,
        screen.lang,
        offered=offered,
        offered_title=t(screen.lang, "harvest.edit_wordings"),
    )
    screen.push_dialog(prompt, edited)


def cycle_value(screen: HarvestScreen) -> None:
    """The next core value (or none) of the item, or of the strength or challenge, under the cursor."""
    if screen.part == LINES:
        _cycle_line_value(screen)
    elif screen.session.harvest.items:
        screen.item_row = screen.item_index
        item = screen.session.harvest.items[screen.item_row]
        value = harvest.cycle_value(screen.session, screen.item_row)
        screen.commit("value", text=item.text, value=value)
        screen.changed()


def _cycle_line_value(screen: HarvestScreen) -> None:
    lines = tagged_lines(screen.session)
    if not lines:
        return
    screen.line_row = min(screen.line_index, len(lines) - 1)
    line = lines[screen.line_row]
    value = cycle_line_value(screen.session.record(line.card_id), line.field, line.text)
    screen.commit("line_value", text=line.text, value=value)
    screen.outdated("lines")
    screen.redraw()
    screen.save_now()


# --- merging -------------------------------------------------------------------------


def merge(screen: HarvestScreen) -> None:
    """`m` marks an item; `m` on another merges the marked one into it (asking for the
    core value when the two have different ones)."""
    if not screen.session.harvest.items:
        return
    row = screen.item_row = screen.item_index
    if screen.merging is None or screen.merging == row:
        cancelled = screen.merging is not None
        screen.merging = None if cancelled else row  # the list marks it (or no longer)
        text = screen.session.harvest.items[row].text
        key = "harvest.merge_cancelled" if cancelled else "harvest.merge_from"
        screen.say(t(screen.lang, key, text=text))
        return
    source = screen.merging  # marked until the merge is done or cancelled
    choices = harvest.merge_choices(screen.session, source, row)
    if not choices:
        _merge(screen, source, row, "ask")  # nothing to choose
        return
    options: list[CoreValue | None] = [*choices, None]
    labels = [
        value_label(screen.lang, value) if value else t(screen.lang, "harvest.value_none")
        for value in options
    ]
    items = screen.session.harvest.items
    explanation = t(screen.lang, "harvest.value_merging", source=items[source].text, target=items[row].text)

    def chosen(index: int | None) -> None:
        if index is None:
            screen.merging = None
            screen.show_items()
            screen.say(t(screen.lang, "harvest.merge_cancelled"))
            return
        _merge(screen, source, row, options[index])

    prompt = ChoicePrompt(
        t(screen.lang, "harvest.value_title"), explanation, labels, t(screen.lang, "harvest.choice_hint")
    )
    screen.push_dialog(prompt, chosen)


def _merge(screen: HarvestScreen, source: int, target: int, value: CoreValue | str | None) -> None:
    items = screen.session.harvest.items
    merged, into = items[source].text, items[target].text
    screen.merging = None
    screen.item_row = harvest.merge(screen.session, source, target, value)  # type: ignore[arg-type]
    screen.commit("merged", text=merged, into=into)
    screen.changed(t(screen.lang, "harvest.merged", text=screen.session.harvest.items[screen.item_row].text))


def cancel_merge(screen: HarvestScreen) -> None:
    screen.merging = None
    screen.show_items()
    screen.say(t(screen.lang, "harvest.merge_cancelled"))


def split(screen: HarvestScreen) -> None:
    """Split the merged item under the cursor into the items it was made of."""
    if not can_split(screen):
        return
    index = screen.item_index
    text = screen.session.harvest.items[index].text
    parts = harvest.split(screen.session, index)
    screen.merging = None
    screen.item_row = parts[0]
    screen.commit("split", text=text)
    screen.changed(t(screen.lang, "harvest.split_done", text=text, count=len(parts)))


def toggle_wordings(screen: HarvestScreen) -> None:
    """Show or hide every wording merged items hold."""
    if not any(harvest.can_split(item) for item in screen.session.harvest.items):
        screen.say(t(screen.lang, "harvest.no_merges"))
        return
    screen.item_row = screen.item_index
    screen.all_wordings = not screen.all_wordings  # the list redraws itself
    screen.say(t(screen.lang, "harvest.wordings_shown" if screen.all_wordings else "harvest.wordings_hidden"))


# --- striking out, bringing back -------------------------------------------------------


def restore_key(lang: Lang) -> str:
    """The key that brings struck items back, as the key bar names it."""
    return RESTORE.bar_keys(Where.LIST, lang)


def remove(screen: HarvestScreen) -> None:
    if screen.session.harvest.items:
        screen.merging = None
        removed = harvest.remove_item(screen.session, screen.item_index)
        screen.commit("removed", text=removed.text)
        screen.changed(t(screen.lang, "harvest.removed", text=removed.text, letter=restore_key(screen.lang)))


def restore(screen: HarvestScreen) -> None:
    """The words struck out, in a small window: the one chosen comes back into the list."""
    texts = struck(screen.session)
    if not texts:
        screen.say(t(screen.lang, "harvest.nothing_struck"))
        return

    def chosen(index: int | None) -> None:
        if index is None:
            return
        screen.merging = None
        screen.item_row = harvest.bring_back(screen.session, texts[index])
        shown = screen.session.harvest.items[screen.item_row].text  # the wording the list shows
        screen.commit("restored", text=shown)
        screen.changed(t(screen.lang, "harvest.restored", text=shown))

    prompt = ChoicePrompt(
        t(screen.lang, "harvest.struck_title"),
        t(screen.lang, "harvest.struck_explanation"),
        texts,
        t(screen.lang, "harvest.struck_hint"),
    )
    screen.push_dialog(prompt, chosen)


def said_left_out(screen: HarvestScreen, notice: Notice) -> str:
    """What to say when gathering left out card lines with words struck before ('' if they
    were said before): once each, with the key that brings them back."""
    count = notice.news(screen.session)
    return t(screen.lang, "harvest.left_out", count=count, letter=restore_key(screen.lang)) if count else ""
