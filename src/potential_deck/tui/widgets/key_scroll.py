"""A scrolling view whose keys scroll at once: every arrow press its line, however fast they come."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.containers import VerticalScroll


class KeyScroll(VerticalScroll):
    """A `VerticalScroll` whose keys (↑ ↓ PageUp PageDown Home End) scroll without animation.

    `VerticalScroll`'s keys start a smooth scroll after the next frame, each from where the
    last one aimed: keys that came in one burst all aimed at the same line, so fifteen Down
    presses scrolled two lines. Here each key moves the view at once, from where it is.
    """

    def _scroll_keyed(self, y: float) -> None:
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=y, animate=False, immediate=True)

    def action_scroll_up(self) -> None:
        self._scroll_keyed(self.scroll_target_y - 1)

    def action_scroll_down(self) -> None:
        self._scroll_keyed(self.scroll_target_y + 1)

    def action_page_up(self) -> None:
        self._scroll_keyed(self.scroll_target_y - self.scrollable_content_region.height)

    def action_page_down(self) -> None:
        self._scroll_keyed(self.scroll_target_y + self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        self._scroll_keyed(0)

    def action_scroll_end(self) -> None:
        self._scroll_keyed(self.max_scroll_y)
