"""Time to interactive: from launch until a word typed into the note field is visible, in a real
terminal (tmux), against a minimal Textual app (bench/minimal_app.py, its TextArea focused)
measured in the same run, runs alternating.

    .venv/bin/python bench/startup.py [--repeat 9] [--quick]

The word is typed the moment the process starts (as a person types ahead), and the clock stops
when the word shows inside the app (the app's own text on screen too, so the terminal's echo
before the app starts does not count). Measured for:

- `potential-deck run --team X` (a new session: the deck validated, the session saved),
- `potential-deck resume FILE` (a saved session, on its first card),
- `potential-deck` (the home screen): until its list of sessions shows; and with `n` typed at
  launch, until the new-session form shows.

Targets: each at most 1.2x the minimal app. Also, as a second line, the time until the first
card's title shows (`run`), and our slowest imports (python -X importtime).

A second baseline, `bench/layout_twin_app.py`: the card screen's widgets and words in plain
Textual (nothing of potential-deck imported), the first note field focused, timed the same way.
It tells what any Textual app showing this screen pays, next to the four-widget minimal app the
target is set against.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _bench import (
    BENCH,
    PYTHON,
    Tmux,
    byte_compile,
    cli,
    first_card_title,
    header,
    load_deck,
    median,
    ms,
    ratio,
    shell_env,
    temp_home,
    title_needle,
    twin_cards,
    verdict,
)

TARGET = 1.2
WORD = "zichtbaarwoord"
FORM = "Team of school"
"""Only the new-session form shows this (its first field's label)."""
HOME = "Bench school"
"""The home screen's list of sessions shows the saved session's team."""


def typed_at_launch(
    tmux: Tmux, name: str, command: str, keys: str, needles: list[str], timeout: float = 30.0
) -> tuple[float, dict[str, float]]:
    """Seconds from starting `command` (with `keys` typed at once) until every needle shows in
    one and the same screen; and when each needle first showed on its own.

    One screen: the terminal echoes what is typed before the app switches it to raw mode, so the
    word alone is on screen long before the app shows it in its field."""
    start = time.perf_counter()
    tmux.start(name, command)
    if keys:
        tmux.send(name, keys)
    found: dict[str, float] = {}
    while True:
        screen = tmux.capture(name)
        now = time.perf_counter() - start
        for needle in needles:
            if needle not in found and needle in screen:
                found[needle] = now
        if all(needle in screen for needle in needles):
            tmux.kill(name)
            return now, found
        if now > timeout:
            tmux.kill(name)
            raise RuntimeError(f"{[n for n in needles if n not in found]!r} not on screen:\n{screen}")
        time.sleep(0.01)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=9, help="timed runs of each (default 9)")
    parser.add_argument("--quick", action="store_true", help="3 runs each")
    args = parser.parse_args()
    repeat = 3 if args.quick else args.repeat
    if not shutil.which("tmux"):
        sys.exit("tmux is needed (apt-get install tmux)")

    header("time to interactive: launch -> a word typed at launch visible in the note field (tmux 100x30)")
    byte_compile()
    home = temp_home("startup")
    deck = load_deck()
    title = title_needle(first_card_title(deck))
    saved = _saved_session(home, deck)
    from potential_deck.core.session.meeting import default_agenda

    twin_card = home / "twin-card.json"
    twin_card.write_text(
        json.dumps(twin_cards(deck, default_agenda(deck))[:1], ensure_ascii=False), encoding="utf-8"
    )
    env = shell_env()
    counter = iter(range(100_000))

    def variants() -> dict[str, tuple[str, str, list[str]]]:
        """name: (command, keys typed at launch, needles that mean 'interactive')."""
        fresh = home / f"s{next(counter)}"
        copy = home / f"r{next(counter)}"
        copy.mkdir()
        resumed = copy / saved.name
        shutil.copy(saved, resumed)
        return {
            "minimal app": (
                f"{env} {PYTHON} {BENCH / 'minimal_app.py'} MINIMAL-READY",
                WORD,
                ["MINIMAL-READY", WORD],
            ),
            "layout twin (plain Textual)": (
                f"{env} {PYTHON} {BENCH / 'layout_twin_app.py'} {twin_card}",
                WORD,
                [title, WORD],
            ),
            "run": (f"{env} {cli()} run --team X --sessions {fresh}", WORD, [title, WORD]),
            "resume": (f"{env} {cli()} resume {resumed} --sessions {copy}", WORD, [title, WORD]),
            "home": (f"{env} {cli()} --sessions {copy}", "", [HOME]),
            "home, n": (f"{env} {cli()} --sessions {copy}", "n", [FORM]),
        }

    tmux = Tmux("startup")
    times: dict[str, list[float]] = {}
    first_frames: list[float] = []
    try:
        for rnd in range(repeat + 1):
            for name, (command, keys, needles) in variants().items():
                took, found = typed_at_launch(tmux, f"w{next(counter)}", command, keys, needles)
                time.sleep(0.5)  # the app just killed is gone before the next one starts
                if rnd:  # round 0 is the warm-up (page cache)
                    times.setdefault(name, []).append(took)
                    if name == "run":
                        first_frames.append(found[title])
    finally:
        tmux.close()

    base = median(times["minimal app"])
    print(f"\n   {'':34} {'median':>11} {'min':>11} {'max':>11}   vs minimal")
    for name, values in times.items():
        print(
            f"   {name:34} {ms(median(values))} {ms(min(values))} {ms(max(values))}   "
            f"{ratio(median(values), base)}"
        )
    print(
        f"   {'run: first card title shows':34} {ms(median(first_frames))} {ms(min(first_frames))} "
        f"{ms(max(first_frames))}   {ratio(median(first_frames), base)}"
    )
    print()
    for name in ("run", "resume", "home", "home, n"):
        value = median(times[name]) / base
        print(f"   target: {name} <= {TARGET}x minimal -> {value:.2f}x: {verdict(value <= TARGET)}")
    twin = median(times["layout twin (plain Textual)"])
    print(
        f"   the card screen in plain Textual costs {twin / base:.2f}x the minimal app; "
        f"run is {median(times['run']) / twin:.2f}x, resume {median(times['resume']) / twin:.2f}x the twin"
    )
    import_report()


def _saved_session(home: Path, deck) -> Path:  # deck: Deck
    """A saved session of the default agenda, on its first card, with a few notes."""
    from _bench import FIXED_NOW

    from potential_deck.core.session.meeting import new_session
    from potential_deck.core.session.store import SessionStore

    session = new_session(deck, team="Bench school", now=FIXED_NOW)
    session.record(session.agenda[0]).free = "Eerdere notities"
    return SessionStore(home / "saved").create(session)


def import_report() -> None:
    """Our slowest imports (cumulative), and the total against the minimal app's."""
    ours_code = "import potential_deck.cli, potential_deck.tui.launch, potential_deck.tui.app"
    base_code = "import textual.app; from textual.widgets import Header, Footer, Static, TextArea"
    print(f"\n== python -X importtime -c '{ours_code}' (best of 5 per module; noisy)")
    rows = _importtime(ours_code)
    base_rows = _importtime(base_code)
    total = sum(cum for _, cum, level, _ in rows if level == 0)
    base_total = sum(cum for _, cum, level, _ in base_rows if level == 0)
    print(
        f"   all imports: potential-deck {total / 1000:.0f} ms; minimal app (textual + 4 widgets) "
        f"{base_total / 1000:.0f} ms; ratio {total / base_total:.2f}x"
    )
    ours = sorted((r for r in rows if r[3].startswith("potential_deck")), key=lambda r: -r[1])
    print("   our 10 slowest imports (cumulative ms, self ms):")
    for own, cum, _level, name in ours[:10]:
        print(f"     {cum / 1000:8.1f} {own / 1000:8.1f}  {name}")


def _importtime(code: str) -> list[tuple[int, int, int, str]]:
    """(self us, cumulative us, nesting level, module) per import; best of 5 runs per module."""
    best: dict[str, tuple[int, int, int, str]] = {}
    for _ in range(5):
        err = subprocess.run([PYTHON, "-X", "importtime", "-c", code], capture_output=True, text=True).stderr
        for line in err.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
            if m:
                row = (int(m.group(1)), int(m.group(2)), (len(m.group(3)) - 1) // 2, m.group(4))
                if row[3] not in best or row[1] < best[row[3]][1]:
                    best[row[3]] = row
    return list(best.values())


if __name__ == "__main__":
    main()
