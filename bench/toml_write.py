"""Writing a session's TOML: our own writer against tomli-w, on the same data, in the same run.

Two sessions: a 200-card session (~1 KB of notes per card, `_bench.big_session`) and a real
five-card meeting (`_bench.realistic_session`: notes, a harvest, a step plan). Each is turned
into plain data once (`store.session_data`, as the app does on the event loop), then the text
is made by each writer in turn, alternating run by run; medians, and the ratio tomli-w / ours.
The app writes this text in a thread, off the key path (`tui/autosave.py`).

    python bench/toml_write.py [--repeat N] [--quick]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from typing import Any

import tomli_w
from _bench import big_session, header, load_deck, median, ms, ratio, realistic_session

from potential_deck.core.session import toml_write
from potential_deck.core.session.store import session_data

Writer = Callable[[dict[str, Any]], str]


def tomli_w_multiline(data: dict[str, Any]) -> str:
    return tomli_w.dumps(data, multiline_strings=True)


WRITERS: dict[str, Writer] = {
    "ours": toml_write.dumps,
    "tomli-w": tomli_w.dumps,
    "tomli-w multiline": tomli_w_multiline,
}


def timed(writers: dict[str, Writer], data: dict[str, Any], repeat: int) -> dict[str, list[float]]:
    """Seconds per call of each writer, the writers taking turns run by run."""
    times: dict[str, list[float]] = {name: [] for name in writers}
    for writer in writers.values():
        writer(data)  # warm up
    for _ in range(repeat):
        for name, writer in writers.items():
            start = time.perf_counter()
            writer(data)
            times[name].append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=101)
    parser.add_argument("--quick", action="store_true", help="fewer repeats (21)")
    args = parser.parse_args()
    repeat = 21 if args.quick else args.repeat
    header("Writing a session's TOML: ours against tomli-w")
    print(f"   load: {os.getloadavg()[0]:.1f}")
    deck = load_deck()
    cases = {
        "200 cards x ~1 KB": session_data(big_session(deck, cards=200, note_bytes=1024)),
        "a five-card meeting": session_data(realistic_session(deck, 0, 1)),
    }
    for case, data in cases.items():
        times = timed(WRITERS, data, repeat)
        base = median(times["ours"])
        size = len(toml_write.dumps(data).encode())
        print(f"\n{case} ({size / 1024:.0f} KB of TOML), median of {repeat}:")
        for name, values in times.items():
            print(f"  {name:<18} {ms(median(values)):>10}   {ratio(median(values), base)} ours")


if __name__ == "__main__":
    main()
