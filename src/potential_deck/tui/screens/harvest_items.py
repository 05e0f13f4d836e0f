"""Step 1 of the harvest: growth opportunities added, reworded, tagged, merged, split, struck
out; and the meeting's strengths and challenges, each tagged with a core value by the team.

Every change is committed to the session's history (`HarvestBase.commit`): `u` undoes it.
Merging two items with different core values asks which value the merged one gets (or none),
so nothing is dropped without the facilitator's word; a merged item (`⊕`) shows what it holds
(`w`, and in its edit dialog) and can be split again (`s`).
"""

from __future__ import annotations

from potential_deck.core.harvest import rules as harvest
from potential_deck.core.session.models import CoreValue
from potential_deck.core.session.notes import cycle_line_value, tagged_lines
from potential_deck.core.text.i18n import t, value_label
from potential_deck.tui.keys import LINES
from potential_deck.tui.screens.dialogs import ChoicePrompt, TextPrompt
from potential_deck.tui.screens.harvest_base import HarvestBase


class ItemActions(HarvestBase):
    """The actions of step 1 (mixed into the harvest screen)."""

    def current_item_can_split(self) -> bool:
        """Whether the item under the cursor is a merge (`s` splits it)."""
        items = self.session.harvest.items
        return bool(items) and harvest.can_split(items[self.item_index])

    def on_items_pane_item_highlighted(self) -> None:
        self.refresh_bindings()  # 's' splits only a merged item: the key bar follows the cursor

    def action_add(self) -> None:
        def added(text: str | None) -> None:
            if text is None:
                return
            try:
                self.item_row = harvest.add_item(self.session, text)
            except ValueError as exc:
                self.say(str(exc), error=True)
                return
            self.commit("added", text=text)
            self._changed()

        self.push_dialog(TextPrompt(t(self.lang, "harvest.add_prompt"), "", self.lang), added)

    def _edit_item(self) -> None:
        """Reword the item under the cursor; a merged one lists the wordings it holds."""
        if not self.session.harvest.items:
            return
        index = self.item_index
        item = self.session.harvest.items[index]
        old = item.text

        def edited(text: str | None) -> None:
            if text is None:
                return
            try:
                changed = harvest.edit_item(self.session, index, text)
            except ValueError as exc:
                self.say(str(exc), error=True)
                return
            if changed:
                self.commit("edited", text=old)
                self._changed()

        offered = harvest.wordings(item) if harvest.can_split(item) else []
        prompt = TextPrompt(
            t(self.lang, "harvest.edit_prompt"),
            item.text,
            self.lang,
            offered=offered,
            offered_title=t(self.lang, "harvest.edit_wordings"),
        )
        self.push_dialog(prompt, edited)

    def action_value(self) -> None:
        """The next core value (or none) of the item, or of the strength or challenge, under the cursor."""
        if self.part == LINES:
            self._cycle_line_value()
        elif self.session.harvest.items:
            self.item_row = self.item_index
            item = self.session.harvest.items[self.item_row]
            value = harvest.cycle_value(self.session, self.item_row)
            self.commit("value", text=item.text, value=value)
            self._changed()

    def _cycle_line_value(self) -> None:
        lines = tagged_lines(self.session)
        if not lines:
            return
        self.line_row = min(self.line_index, len(lines) - 1)
        line = lines[self.line_row]
        value = cycle_line_value(self.session.record(line.card_id), line.field, line.text)
        self.commit("line_value", text=line.text, value=value)
        self.outdated("lines")
        self._redraw()
        self.save_now()

    # --- merging -------------------------------------------------------------------------

    def action_merge(self) -> None:
        """`m` marks an item; `m` on another merges the marked one into it (asking for the
        core value when the two have different ones)."""
        if not self.session.harvest.items:
            return
        row = self.item_row = self.item_index
        if self.merging is None or self.merging == row:
            cancelled = self.merging is not None
            self.merging = None if cancelled else row  # the list marks it (or no longer)
            text = self.session.harvest.items[row].text
            key = "harvest.merge_cancelled" if cancelled else "harvest.merge_from"
            self.say(t(self.lang, key, text=text))
            return
        source = self.merging  # marked until the merge is done or cancelled
        choices = harvest.merge_choices(self.session, source, row)
        if not choices:
            self._merge(source, row, "ask")  # nothing to choose
            return
        options: list[CoreValue | None] = [*choices, None]
        labels = [
            value_label(self.lang, value) if value else t(self.lang, "harvest.value_none")
            for value in options
        ]
        items = self.session.harvest.items
        explanation = t(self.lang, "harvest.value_merging", source=items[source].text, target=items[row].text)

        def chosen(index: int | None) -> None:
            if index is None:
                self.merging = None
                self._show_items()
                self.say(t(self.lang, "harvest.merge_cancelled"))
                return
            self._merge(source, row, options[index])

        prompt = ChoicePrompt(
            t(self.lang, "harvest.value_title"), explanation, labels, t(self.lang, "harvest.choice_hint")
        )
        self.push_dialog(prompt, chosen)

    def _merge(self, source: int, target: int, value: CoreValue | str | None) -> None:
        items = self.session.harvest.items
        merged, into = items[source].text, items[target].text
        self.merging = None
        self.item_row = harvest.merge(self.session, source, target, value)  # type: ignore[arg-type]
        self.commit("merged", text=merged, into=into)
        self._changed(t(self.lang, "harvest.merged", text=self.session.harvest.items[self.item_row].text))

    def action_cancel_merge(self) -> None:
        self.merging = None
        self._show_items()
        self.say(t(self.lang, "harvest.merge_cancelled"))

    def action_split(self) -> None:
        """Split the merged item under the cursor into the items it was made of."""
        if not self.current_item_can_split():
            return
        index = self.item_index
        text = self.session.harvest.items[index].text
        parts = harvest.split(self.session, index)
        self.merging = None
        self.item_row = parts[0]
        self.commit("split", text=text)
        self._changed(t(self.lang, "harvest.split_done", text=text, count=len(parts)))

    def action_wordings(self) -> None:
        """Show or hide every wording merged items hold."""
        if not any(harvest.can_split(item) for item in self.session.harvest.items):
            self.say(t(self.lang, "harvest.no_merges"))
            return
        self.item_row = self.item_index
        self.all_wordings = not self.all_wordings  # the list redraws itself
        self.say(t(self.lang, "harvest.wordings_shown" if self.all_wordings else "harvest.wordings_hidden"))

    # --- striking out --------------------------------------------------------------------

    def action_remove(self) -> None:
        if self.session.harvest.items:
            self.merging = None
            removed = harvest.remove_item(self.session, self.item_index)
            self.commit("removed", text=removed.text)
            self._changed(t(self.lang, "harvest.removed", text=removed.text))
