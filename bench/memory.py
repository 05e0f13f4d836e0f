"""Memory: RSS of the app with a 200-card session open, in a real terminal (tmux), against the
minimal Textual app (bench/minimal_app.py) in the same run.

    .venv/bin/python bench/memory.py [--repeat 3] [--quick]

Each process is started in tmux (100x30); once its first screen shows, and after a short
settle, VmRSS and VmHWM (peak) are read from /proc/<pid>/status. Cases, alternating:
the minimal app; Python importing what `potential-deck run` imports (no app); the app on a new
session; the app resuming a 200-card session (~1 KB of notes per card, 0.25 MB file).
Target: the 200-card case under 80 MB RSS.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time

from _bench import (
    BENCH,
    PYTHON,
    Tmux,
    big_session,
    byte_compile,
    cli,
    first_card_title,
    header,
    load_deck,
    median,
    ratio,
    rss_kb,
    shell_env,
    temp_home,
    title_needle,
    verdict,
)

TARGET_MB = 80
SETTLE = 1.0
IMPORTS = (
    "import potential_deck.cli, potential_deck.tui.launch, potential_deck.tui.app, time; "
    "print('IMPORTS-READY', flush=True); time.sleep(600)"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of each case (default 3)")
    parser.add_argument("--quick", action="store_true", help="1 run of each case")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    if not shutil.which("tmux"):
        sys.exit("tmux is needed (apt-get install tmux)")
    header(f"memory: RSS with the first screen up (tmux 100x30, {SETTLE:.0f} s settle), median of {repeat}")
    byte_compile()
    home = temp_home("memory")
    deck = load_deck()
    needle = title_needle(first_card_title(deck))
    from potential_deck.core.locations import builtin_deck
    from potential_deck.core.session.store import SessionStore

    store = SessionStore(home / "big")
    session = big_session(deck, 200, 1024)
    session.deck_path = str(builtin_deck())
    big_path = store.create(session)
    env = shell_env()
    counter = iter(range(10_000))
    cases = {
        "minimal app": (f"{env} {PYTHON} {BENCH / 'minimal_app.py'}", "MINIMAL-READY"),
        "imports only (no app)": (f'{env} {PYTHON} -c "{IMPORTS}"', "IMPORTS-READY"),
        "app, new session": (None, needle),
        "app, 200-card session": (f"{env} {cli()} resume {big_path} --sessions {home / 'big'}", needle),
    }
    rss: dict[str, list[float]] = {name: [] for name in cases}
    hwm: dict[str, list[float]] = {name: [] for name in cases}
    tmux = Tmux("memory")
    try:
        for _ in range(repeat):
            for name, (command, wanted) in cases.items():
                if command is None:
                    command = f"{env} {cli()} run --team X --sessions {home / f'new-{next(counter)}'}"
                window = f"m{next(counter)}"
                tmux.time_until(window, command, wanted)
                time.sleep(SETTLE)
                now, peak = rss_kb(tmux.pid(window))
                tmux.kill(window)
                rss[name].append(now / 1024)
                hwm[name].append(peak / 1024)
    finally:
        tmux.close()
    base = median(rss["minimal app"])
    print(f"\n   {'':28} {'VmRSS':>9} {'VmHWM':>9}   RSS vs minimal")
    for name in cases:
        print(
            f"   {name:28} {median(rss[name]):6.1f} MB {median(hwm[name]):6.1f} MB   "
            f"{ratio(median(rss[name]), base)}"
        )
    big = median(rss["app, 200-card session"])
    new, imports = median(rss["app, new session"]), median(rss["imports only (no app)"])
    print(
        f"\n   200-card session adds {big - new:+.1f} MB to a new session; the app adds "
        f"{new - imports:+.1f} MB to its imports"
    )
    print(
        f"   target: 200-card session < {TARGET_MB} MB RSS -> {big:.1f} MB "
        f"(peak {median(hwm['app, 200-card session']):.1f} MB): {verdict(big < TARGET_MB)}"
    )


if __name__ == "__main__":
    main()
