"""Writing a session's TOML: the app's writer against tomli-w alone, on the same data, same run.

The app writes TOML with tomli-w, laying out the tables itself (`core.session.toml_write`:
arrays of tables always as `[[...]]`). This measures what that layout costs on top of one
`tomli_w.dumps` of the whole document (the baseline), and the same with multi-line strings.
Before the switch it compared our own whole-file writer with tomli-w: 4.60 ms against
14.63 ms for 200 cards, 0.21 ms against 0.35 ms for a five-card meeting (2 cores, load 2.3).

Two sessions: a 200-card session (~1 KB of notes per card, `_bench.big_session`) and a real
five-card meeting (`_bench.realistic_session`: notes, a harvest, a step plan). Each is turned
into plain data once (`store.session_data`, as the app does on the event loop), then the text
is made by each writer in turn, alternating run by run; medians, and the ratio to tomli-w.
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
    "tomli-w": tomli_w.dumps,
    "the app's writer": toml_write.dumps,
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
    header("Writing a session's TOML: the app's writer against tomli-w alone")
    print(f"   load: {os.getloadavg()[0]:.1f}")
    deck = load_deck()
    cases = {
        "200 cards x ~1 KB": session_data(big_session(deck, cards=200, note_bytes=1024)),
        "a five-card meeting": session_data(realistic_session(deck, 0, 1)),
    }
    for case, data in cases.items():
        times = timed(WRITERS, data, repeat)
        base = median(times["tomli-w"])
        size = len(toml_write.dumps(data).encode())
        print(f"\n{case} ({size / 1024:.0f} KB of TOML), median of {repeat}:")
        for name, values in times.items():
            print(f"  {name:<18} {ms(median(values)):>10}   {ratio(median(values), base)} tomli-w")


if __name__ == "__main__":
    main()
