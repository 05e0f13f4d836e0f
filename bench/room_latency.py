"""The room's latency: a card change, blank or share in the facilitator's app → on the room's screen.

    .venv/bin/python bench/room_latency.py [--rounds 20] [--quick]

The facilitator's app (the real PotentialDeckApp, headless under Pilot, with its real
autosave thread) presses PageDown/PageUp (card change), Ctrl+B then a key (blank, unblank) and
F6 (share the next note field). Two audience views follow the same session file, each in a
process of its own (`FollowApp`, headless): one with the file watcher (`core.room.filewatch.watch`,
what `potential-deck follow` uses), the baseline with the old 200 ms poll of the file. Each
view prints what it shows (card, blank, shared field) with the wall-clock time right after
the screen was refreshed with it (`call_after_refresh`). Latency = that time minus the time
just before the key was sent. Both views see every change: baseline and watcher are measured
on the same presses, at the same moment. Target: p95 <= 150 ms. The line `(saved)` is the
facilitator's part: from the key until the saved file is in place (written, fsynced, renamed).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

from _bench import FIXED_NOW, REPO, header, load_deck, median, ms, pct, ratio, temp_home, verdict

TARGET_P95 = 0.150
MODES = ("watch", "poll-200ms")


def room(path: Path, mode: str) -> None:
    """The audience view, headless, printing 'SIGNATURE<TAB>wall time' after each new frame."""
    from potential_deck.core.room import filewatch
    from potential_deck.tui import audience as follow

    original = follow.FollowScreen.show_state
    last: list[str] = [""]

    def show_state(self: follow.FollowScreen) -> None:
        original(self)
        session = self.watcher.session
        if session is None:
            return
        shared = self.query_one("#shared")
        signature = "|".join(
            (
                str(self.query_one(follow.ContentSwitcher).current),
                str(session.live.position),
                str(shared.border_title) if shared.display else "",
            )
        )
        if signature != last[0]:
            last[0] = signature
            self.app.call_after_refresh(lambda: print(f"{signature}\t{time.time():.6f}", flush=True))

    follow.FollowScreen.show_state = show_state  # type: ignore[method-assign]
    watch = filewatch.watch if mode == "watch" else follow.polling(0.2)
    app = follow.FollowApp(folder=path.parent, target=path, watch=watch)
    app.run(headless=True, size=(120, 36))


class Room:
    """A room process and the lines it printed, read by a thread."""

    def __init__(self, path: Path, mode: str) -> None:
        self.mode = mode
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--room", str(path), mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=REPO,
        )
        self.lines: queue.Queue[tuple[str, float]] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            signature, _, when = line.rstrip("\n").partition("\t")
            if when:
                self.lines.put((signature, float(when)))

    def until(self, wanted: str, timeout: float = 5.0) -> float:
        """The wall time the view first showed `wanted` (earlier lines are dropped)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise RuntimeError(f"{self.mode}: {wanted!r} not shown within {timeout} s")
            signature, when = self.lines.get(timeout=left)
            if signature == wanted:
                return when

    def close(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


async def measure(rounds: int) -> dict[str, dict[str, list[float]]]:
    from potential_deck.core.locations import builtin_deck
    from potential_deck.core.session.meeting import new_session
    from potential_deck.core.session.store import SessionStore
    from potential_deck.tui import autosave
    from potential_deck.tui.app import PotentialDeckApp

    replaced: list[float] = []
    write = autosave.atomic_write

    def timed_write(*args, **kwargs):  # type: ignore[no-untyped-def]
        write(*args, **kwargs)
        replaced.append(time.time())  # the new file is in place: the room can see it from now on

    autosave.atomic_write = timed_write  # type: ignore[assignment]
    home = temp_home("room")
    deck = load_deck()
    store = SessionStore(home / "sessions")
    session = new_session(deck, team="De Linde", now=FIXED_NOW, deck_path=str(builtin_deck()))
    path = store.create(session)
    app = PotentialDeckApp(deck=deck, deck_path=builtin_deck(), store=store, settings_path=home / "s.toml")
    app.set_initial(session, path)
    results: dict[str, dict[str, list[float]]] = {mode: {} for mode in (*MODES, "saved")}
    rooms = [Room(path, mode) for mode in MODES]
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            for one in rooms:
                one.until("cards|0|", timeout=30)

            async def step(kind: str, keys: list[str], wanted: str) -> None:
                replaced.clear()
                sent = time.time()
                await pilot.press(*keys)
                for one in rooms:
                    shown = await asyncio.to_thread(one.until, wanted)
                    results[one.mode].setdefault(kind, []).append(shown - sent)
                if replaced:
                    results["saved"].setdefault(kind, []).append(replaced[0] - sent)
                await pilot.pause(0.05)

            share_label = "Vrije notities"
            for _ in range(rounds):
                await step("card change", ["pagedown"], "cards|1|")
                await step("card change", ["pageup"], "cards|0|")
                await step("blank", ["ctrl+b"], "blank|0|")
                await step("blank", ["escape"], "cards|0|")
                await step("share", ["f6"], f"cards|0|{share_label}")
                await step("share", ["pagedown"], "cards|1|")  # a card change ends sharing
                await step("card change", ["pageup"], "cards|0|")
    finally:
        for one in rooms:
            one.close()
    return results


def report(results: dict[str, dict[str, list[float]]]) -> None:
    kinds = list(results["watch"])
    print(f"   {'what':<14}{'view':<13}{'n':>4}  {'median':>11}  {'p95':>11}  {'max':>11}   ratio p95")
    for kind in [*kinds, "all"]:
        rows = {}
        for mode in MODES:
            series = results[mode]
            rows[mode] = [v for one in series.values() for v in one] if kind == "all" else series[kind]
        series = results["saved"]
        saved = [v for one in series.values() for v in one] if kind == "all" else series.get(kind, [])
        if saved:
            print(f"   {kind:<14}{'(saved)':<13}{len(saved):>4}  {ms(median(saved))}  {ms(pct(saved, 95))}")
        base = pct(rows["poll-200ms"], 95)
        for mode in MODES:
            values = rows[mode]
            print(
                f"   {kind:<14}{mode:<13}{len(values):>4}  {ms(median(values))}  {ms(pct(values, 95))}  "
                f"{ms(max(values))}   {ratio(pct(values, 95), base)}"
            )
    watch_all = [v for series in results["watch"].values() for v in series]
    p95 = pct(watch_all, 95)
    met = verdict(p95 <= TARGET_P95)
    print(f"\n   file watcher, all changes: p95 {p95 * 1000:.1f} ms; target <= 150 ms: {met}")


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--room":
        room(Path(sys.argv[2]), sys.argv[3])
        return
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20, help="rounds of 7 changes (default 20)")
    parser.add_argument("--quick", action="store_true", help="5 rounds")
    args = parser.parse_args()
    header("room latency: facilitator's key -> the audience view's frame")
    print(f"   load average {os.getloadavg()[0]:.2f} (2 cores shared with other work)")
    results = asyncio.run(measure(5 if args.quick else args.rounds))
    report(results)


if __name__ == "__main__":
    main()
