"""Start-up: from launch to the first card on screen, in a real terminal (tmux), against a
minimal Textual app (bench/minimal_app.py) measured in the same run, runs alternating.

    .venv/bin/python bench/startup.py [--repeat 7] [--existing 300] [--quick]

Target: `potential-deck run --team X` at most 1.2x the minimal app. Also lists, from
`python -X importtime`, our slowest imports and whether export/serve/summary/harvest modules
are imported at start-up (they should not be).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
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
    verdict,
    write_sessions,
)

TARGET = 1.2
NOTES_NEEDLE = "Vrije notities"
"""The first note field's title: shown once `run` has loaded and saved the session."""
LAZY = ("export", "serve", "summary", "harvest", "trajectory", "anonymize", "chart", "follow")
WORDS_ONLY = {"potential_deck.core.i18n_harvest"}
"""The harvest's words: part of the string table every screen reads (~1 ms), no harvest code."""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each (default 7)")
    parser.add_argument("--existing", type=int, default=300,
                        help="also time start-up with this many sessions already in the folder "
                             "(0: skip; default 300)")
    parser.add_argument("--quick", action="store_true", help="3 runs each")
    args = parser.parse_args()
    repeat = 3 if args.quick else args.repeat
    if not shutil.which("tmux"):
        sys.exit("tmux is needed (apt-get install tmux)")

    header("start-up: launch -> first card on screen (tmux 100x30)")
    byte_compile()
    home = temp_home("startup")
    deck = load_deck()
    title = first_card_title(deck)
    needle = title_needle(title)
    print(f"   waiting for the first card's title: {needle!r}; {repeat} runs each, alternating,"
          " after one warm-up run each")
    print(f"   also timed: until the note fields show ({NOTES_NEEDLE!r}): the session is loaded and saved,"
          " and keys act")

    full = home / "existing"
    if args.existing:
        write_sessions(full, args.existing, deck)

    env = shell_env()
    variants: dict[str, tuple[str, str]] = {
        "minimal app": (f"{env} {PYTHON} {BENCH / 'minimal_app.py'} MINIMAL-READY", "MINIMAL-READY"),
    }
    counter = iter(range(10_000))

    def app_cmd(folder: str) -> str:
        # A fresh sessions folder per run (a new file per run), unless `folder` is given.
        return f"{env} {cli()} run --team X --sessions {folder}"

    tmux = Tmux("startup")
    times: dict[str, list[float]] = {}
    names = ["minimal app", "potential-deck run (empty folder)"]
    if args.existing:
        names.append(f"potential-deck run ({args.existing} sessions in folder)")
    try:
        for rnd in range(repeat + 1):
            for name in names:
                if name == "minimal app":
                    command, wanted = variants[name]
                elif "empty" in name:
                    command, wanted = app_cmd(str(home / f"empty-{next(counter)}")), needle
                else:
                    command, wanted = app_cmd(str(full)), needle
                window = f"w{next(counter)}"
                needles = [wanted] if name == "minimal app" else [wanted, NOTES_NEEDLE]
                took = tmux.times_until(window, command, needles)
                tmux.kill(window)
                if rnd:  # round 0 is the warm-up (page cache)
                    times.setdefault(name, []).append(took[0])
                    if len(took) > 1:
                        times.setdefault(f"{name}: notes", []).append(took[1])
    finally:
        tmux.close()

    base = median(times["minimal app"])
    print()
    print(f"   {'':44} {'median':>11} {'min':>11} {'max':>11}   vs minimal")
    for name in [n for base_name in names for n in (base_name, f"{base_name}: notes") if n in times]:
        values = times[name]
        label = "  ... until the note fields show" if name.endswith(": notes") else name
        print(f"   {label:44} {ms(median(values))} {ms(min(values))} {ms(max(values))}   "
              f"{ratio(median(values), base)}")
    app = median(times["potential-deck run (empty folder)"])
    print(f"\n   target: run <= {TARGET}x minimal -> {app / base:.2f}x: {verdict(app / base <= TARGET)}")
    if args.existing:
        many = median(times[names[2]])
        print(f"   with {args.existing} sessions in the folder: {many / base:.2f}x minimal "
              f"({(many - app) * 1000:+.0f} ms vs empty folder)")
    breakdown(repeat, home)
    import_report()


PHASES = r"""
import asyncio, json, os, sys, time
t0 = time.perf_counter()
which, folder = sys.argv[1], sys.argv[2]
marks = {}
if which == "minimal":
    sys.path.insert(0, os.path.dirname(os.path.abspath(sys.argv[3])))
    from minimal_app import MinimalApp
    t1 = t2 = time.perf_counter()
    app = MinimalApp()
else:
    import potential_deck.cli as cli, potential_deck.launch as launch
    import potential_deck.tui.app
    from potential_deck.tui.card_screen import CardScreen
    t1 = time.perf_counter()
    app = launch.build_app(cli.build_parser().parse_args(["run", "--team", "X", "--sessions", folder]))
    t2 = time.perf_counter()
    real_open = CardScreen._open
    async def timed_open(self):
        marks["open"] = time.perf_counter()
        await real_open(self)
        marks["opened"] = time.perf_counter()
    CardScreen._open = timed_open
async def first_frame():
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        return time.perf_counter()
t3 = time.perf_counter()
t4 = asyncio.run(first_frame())
first = marks.get("open", t4)
print(json.dumps({"imports": t1 - t0, "settings, first card read": t2 - t1,
                  "run to first frame (headless)": first - t3,
                  "then: validate, save, note fields": marks.get("opened", first) - first}))
"""


def breakdown(repeat: int, home: Path) -> None:
    """Where the start-up time goes, in-process (headless, no terminal), vs the minimal app."""
    import json
    import tempfile

    print("\n== where the time goes (fresh process each run, headless run_test; medians)")
    runs: dict[str, list[dict[str, float]]] = {"minimal": [], "app": []}
    for _ in range(repeat):
        for which in runs:
            folder = tempfile.mkdtemp(prefix="phases-", dir=home)
            out = subprocess.run([PYTHON, "-c", PHASES, which, folder, str(BENCH / "minimal_app.py")],
                                 capture_output=True, text=True, check=True).stdout
            runs[which].append(json.loads(out.strip().splitlines()[-1]))
    print(f"   {'phase':36} {'minimal app':>13} {'potential-deck':>15}")
    for phase in runs["app"][0]:
        base = median([r[phase] for r in runs["minimal"]])
        ours = median([r[phase] for r in runs["app"]])
        print(f"   {phase:36} {ms(base):>13} {ms(ours):>15}   {(ours - base) * 1000:+7.1f} ms")


def import_report() -> None:
    """Our slowest imports (cumulative) and the modules that should wait until needed."""
    ours_code = "import potential_deck.cli, potential_deck.launch, potential_deck.tui.app"
    base_code = "import textual.app; from textual.widgets import Header, Footer, Static, TextArea"
    print(f"\n== python -X importtime -c '{ours_code}'")
    print("   (best of 5 per module; noisy: the phase table above is steadier)")
    rows = _importtime(ours_code)
    base_rows = _importtime(base_code)
    total = sum(cum for _, cum, level, _ in rows if level == 0)
    base_total = sum(cum for _, cum, level, _ in base_rows if level == 0)
    print(f"   all imports: potential-deck run {total / 1000:.0f} ms; minimal app (textual + 4 widgets) "
          f"{base_total / 1000:.0f} ms; ratio {total / base_total:.2f}x")
    ours = sorted((r for r in rows if r[3].startswith("potential_deck")), key=lambda r: -r[1])
    print("   our 10 slowest imports (cumulative ms, self ms):")
    for own, cum, _level, name in ours[:10]:
        print(f"     {cum / 1000:8.1f} {own / 1000:8.1f}  {name}")
    names = [name for *_, name in rows]
    loaded = sorted(n for n in names if n.startswith("potential_deck"))
    short = ", ".join(n.removeprefix("potential_deck.") for n in loaded)
    print(f"   our modules at start-up ({len(loaded)}): {short}")
    lazy = [n for n in names if (n.startswith("potential_deck") or n.startswith("textual_serve"))
            and any(part in n.split(".")[-1] for part in LAZY) and n not in WORDS_ONLY]
    print("   export/serve/summary/harvest (and trajectory/anonymize/chart/follow) modules "
          f"imported at start-up: {', '.join(lazy) if lazy else 'none'} -> {verdict(not lazy)}"
          f" (the harvest's words, {', '.join(sorted(WORDS_ONLY))}, load with the string table)")
    print(f"   pydantic imported before the first card: {'pydantic' in names}")


def _importtime(code: str) -> list[tuple[int, int, int, str]]:
    """(self us, cumulative us, nesting level, module) per import; best of 5 runs per module."""
    best: dict[str, tuple[int, int, int, str]] = {}
    for _ in range(5):
        err = subprocess.run([PYTHON, "-X", "importtime", "-c", code], capture_output=True,
                             text=True).stderr
        for line in err.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
            if m:
                row = (int(m.group(1)), int(m.group(2)), (len(m.group(3)) - 1) // 2, m.group(4))
                if row[3] not in best or row[1] < best[row[3]][1]:
                    best[row[3]] = row
    return list(best.values())


if __name__ == "__main__":
    main()
