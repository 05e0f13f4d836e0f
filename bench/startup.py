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

from _bench import (
    BENCH, PYTHON, Tmux, cli, first_card_title, header, load_deck, median, ms, ratio, shell_env,
    temp_home, title_needle, verdict, write_sessions,
)

TARGET = 1.2
LAZY = ("export", "serve", "summary", "harvest", "trajectory", "anonymize", "chart", "follow")


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
    home = temp_home("startup")
    deck = load_deck()
    title = first_card_title(deck)
    needle = title_needle(title)
    print(f"   waiting for the first card's title: {needle!r}; {repeat} runs each, alternating,"
          " after one warm-up run each")

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
                took = tmux.time_until(window, command, wanted)
                tmux.kill(window)
                if rnd:  # round 0 is the warm-up (byte-compiling, page cache)
                    times.setdefault(name, []).append(took)
    finally:
        tmux.close()

    base = median(times["minimal app"])
    print()
    print(f"   {'':44} {'median':>11} {'min':>11} {'max':>11}   vs minimal")
    for name in names:
        values = times[name]
        print(f"   {name:44} {ms(median(values))} {ms(min(values))} {ms(max(values))}   "
              f"{ratio(median(values), base)}")
    app = median(times["potential-deck run (empty folder)"])
    print(f"\n   target: run <= {TARGET}x minimal -> {app / base:.2f}x: {verdict(app / base <= TARGET)}")
    if args.existing:
        many = median(times[names[2]])
        print(f"   with {args.existing} sessions in the folder: {many / base:.2f}x minimal "
              f"({(many - app) * 1000:+.0f} ms vs empty folder)")
    import_report()


def import_report() -> None:
    """Our slowest imports (cumulative) and the modules that should wait until needed."""
    print("\n== python -X importtime -c 'import potential_deck.tui.app' (and the minimal app's imports)")
    rows = _importtime("import potential_deck.tui.app")
    base_rows = _importtime("import textual.app, textual.widgets; "
                            "from textual.widgets import Header, Footer, Static, TextArea")
    total = max(cum for _, cum, _ in rows)
    base_total = max(cum for _, cum, _ in base_rows)
    print(f"   total: potential_deck.tui.app {total / 1000:.0f} ms; textual + the 4 widgets "
          f"{base_total / 1000:.0f} ms; ratio {total / base_total:.2f}x")
    ours = sorted((r for r in rows if r[2].startswith("potential_deck")), key=lambda r: -r[1])
    print("   our 10 slowest imports (cumulative, self):")
    for _self, cum, name in ours[:10]:
        print(f"     {cum / 1000:8.1f} ms {_self / 1000:8.1f} ms  {name}")
    third = sorted((r for r in rows if not r[2].startswith("potential_deck") and r[2].count(".") == 0),
                   key=lambda r: -r[1])
    print("   top-level third-party/stdlib packages (cumulative):",
          ", ".join(f"{n} {c / 1000:.0f} ms" for _, c, n in third[:6]))
    lazy = [name for _, _, name in rows if any(part in name.split(".")[-1] for part in LAZY)
            and (name.startswith("potential_deck") or name.startswith("textual_serve"))]
    print("   export/serve/summary/harvest (and trajectory/anonymize/chart/follow) modules "
          f"imported at start-up: {', '.join(lazy) if lazy else 'none'}"
          f" -> {verdict(not lazy)}")
    heavy = [name for _, _, name in rows if name in ("textual_serve", "aiohttp", "jinja2", "markdown_it")]
    if heavy:
        print(f"   heavy optional packages imported: {', '.join(heavy)}")


def _importtime(code: str) -> list[tuple[int, int, str]]:
    """(self us, cumulative us, module) for each import; best of 3 runs for each module."""
    best: dict[str, tuple[int, int, str]] = {}
    for _ in range(3):
        err = subprocess.run([PYTHON, "-X", "importtime", "-c", code], capture_output=True,
                             text=True).stderr
        for line in err.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|(\s*)(\S+)", line)
            if m:
                row = (int(m.group(1)), int(m.group(2)), m.group(4))
                if row[2] not in best or row[1] < best[row[2]][1]:
                    best[row[2]] = row
    return list(best.values())


if __name__ == "__main__":
    main()
