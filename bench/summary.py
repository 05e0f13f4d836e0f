"""Summary over a folder of sessions: `potential-deck summary DIR` for 100, 1,000 and 5,000 files.

    .venv/bin/python bench/summary.py [--repeat 3] [--sizes 100,1000,5000] [--quick]

The files are realistic (bench/_bench.py realistic_session: 3-5 cards with notes and growth
opportunities, a harvest with items, a question and steps; dates over a school year; one team
with a tenth of the sessions, the rest spread over size/10 teams), ~4 KB each. Each size is
timed as a subprocess (wall time; peak RSS from /usr/bin/time -v, else getrusage), median of
REPEAT runs (REPEAT // 2 above 1,000 files, where one run takes seconds). Baseline in the
same run: a subprocess that only parses the same files with tomllib.
Targets: 1,000 files <= 1 s, 5,000 <= 5 s, peak RSS < 200 MB, and linear growth (the marginal
time per file between sizes stays flat). Then where the time goes, in-process, for the
largest size: reading + tomllib, migrate + model_validate, the one-pass tally, the text.
"""

from __future__ import annotations

import argparse
import itertools
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _bench import PYTHON, cli, header, load_deck, median, temp_home, verdict, write_sessions

TARGETS = {1000: 1.0, 5000: 5.0}
TARGET_MB = 200
TIME_V = Path("/usr/bin/time")

PARSE_ONLY = """
import sys, tomllib, pathlib
n = 0
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.toml")):
    tomllib.loads(p.read_text(encoding="utf-8")); n += 1
print(n)
"""


def timed(cmd: list[str]) -> tuple[float, float, subprocess.CompletedProcess[bytes]]:
    """(wall seconds, peak RSS in MB, process) of `cmd`."""
    if TIME_V.exists():
        with tempfile.NamedTemporaryFile("r", suffix=".txt") as report:
            t0 = time.perf_counter()
            proc = subprocess.run(
                [str(TIME_V), "-v", "-o", report.name, *cmd],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
            )
            wall = time.perf_counter() - t0
            text = Path(report.name).read_text()
        kb = next(
            int(line.split(":")[1]) for line in text.splitlines() if "Maximum resident set size" in line
        )
        return wall, kb / 1024, proc
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of children is the largest child so far: only a lower bound when it did not grow.
    return wall, max(after, before) / 1024, proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs per size up to 1,000 files, half that above (default 3)"
    )
    parser.add_argument("--sizes", default="100,1000,5000", help="folder sizes (default 100,1000,5000)")
    parser.add_argument("--quick", action="store_true", help="1 run per size")
    args = parser.parse_args()
    repeat = 1 if args.quick else args.repeat
    sizes = [int(s) for s in args.sizes.split(",")]
    header(
        "summary of a folder of sessions (subprocess; peak RSS via "
        f"{'/usr/bin/time -v' if TIME_V.exists() else 'getrusage'})"
    )
    home = temp_home("summary")
    deck = load_deck()
    folders: dict[int, Path] = {}
    t0 = time.perf_counter()
    for size in sizes:
        folders[size] = home / f"sessions-{size}"
        write_sessions(folders[size], size, deck)
    mb = sum(p.stat().st_size for p in folders[sizes[-1]].iterdir()) / 1e6
    print(
        f"   generated {sum(sizes)} session files in {time.perf_counter() - t0:.1f} s "
        f"({sizes[-1]} files = {mb:.1f} MB); median of {repeat} runs "
        f"({max(1, repeat // 2)} above 1,000 files)"
    )

    command = cli()
    have_summary = subprocess.run([command, "summary", "--help"], capture_output=True).returncode == 0
    if not have_summary:
        print("   `potential-deck summary` does not exist here: timing core.year.trajectory here")
    results: dict[int, dict[str, float]] = {}
    print("   the summary reads every file each time and writes nothing into the folder (no read cache")
    print("   since issue 12): 'first' is the first run (cold disk cache), 'median' the later runs")
    print(
        f"\n   {'files':>6} {'first':>9} {'median':>9} {'per file':>10} {'peak RSS':>9}   "
        f"{'tomllib only':>12} {'peak RSS':>9}   warm ratio"
    )
    for size in sizes:
        folder = str(folders[size])
        app_runs, base_runs, app_mb, base_mb = [], [], 0.0, 0.0
        cold = 0.0
        for run in range(1 + (repeat if size <= 1000 else max(1, repeat // 2))):
            if have_summary:
                wall, peak, proc = timed([command, "summary", folder])
                if proc.returncode:
                    sys.exit(f"summary failed: {proc.stderr.decode()[-2000:]}")
            else:
                wall, peak = in_process(folder)
            app_mb = max(app_mb, peak)
            if run == 0:
                cold = wall
                continue
            app_runs.append(wall)
            wall, peak, proc = timed([PYTHON, "-c", PARSE_ONLY, folder])
            base_runs.append(wall)
            base_mb = max(base_mb, peak)
        app, base = median(app_runs), median(base_runs)
        results[size] = {"app": app, "base": base, "mb": app_mb, "cold": cold}
        print(
            f"   {size:>6} {cold:7.3f} s {app:7.3f} s {app / size * 1000:7.3f} ms {app_mb:6.0f} MB   "
            f"{base:10.3f} s {base_mb:6.0f} MB   {app / base:5.2f}x"
        )

    print("\n   growth (marginal time per extra file between sizes; flat = linear):")
    for small, large in itertools.pairwise(sizes):
        a = (results[large]["app"] - results[small]["app"]) / (large - small)
        b = (results[large]["base"] - results[small]["base"]) / (large - small)
        print(
            f"     {small:>5} -> {large:<5} summary {a * 1000:6.3f} ms/file   tomllib only "
            f"{b * 1000:6.3f} ms/file   ratio {a / b:5.2f}x"
        )
    print()
    for size, limit in TARGETS.items():
        if size in results:
            took, cold = results[size]["app"], results[size]["cold"]
            print(
                f"   target: {size} files <= {limit:.0f} s -> median {took:.2f} s: "
                f"{verdict(took <= limit)} (first {cold:.2f} s: {verdict(cold <= limit)})"
            )
    peak = max(r["mb"] for r in results.values())
    print(f"   target: peak RSS < {TARGET_MB} MB -> {peak:.0f} MB: {verdict(peak < TARGET_MB)}")
    if len(sizes) >= 3:
        first = (results[sizes[1]]["app"] - results[sizes[0]]["app"]) / (sizes[1] - sizes[0])
        last = (results[sizes[-1]]["app"] - results[sizes[-2]]["app"]) / (sizes[-1] - sizes[-2])
        print(
            f"   linear: marginal ms/file {first * 1000:.3f} then {last * 1000:.3f} "
            f"({last / first:.2f}x) -> {verdict(last / first < 1.5)}"
        )
    breakdown(folders[sizes[-1]])


def in_process(folder: str) -> tuple[float, float]:
    """Fallback when there is no `summary` subcommand: core.year.trajectory in this process."""
    from potential_deck.core.year import trajectory

    t0 = time.perf_counter()
    years = trajectory.team_years(
        e for e in trajectory.read_sessions([Path(folder)]) if not isinstance(e, Exception)
    )
    assert years
    return time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def breakdown(folder: Path) -> None:
    """Where the time goes for one folder, in-process, by stage."""
    import tomllib

    from potential_deck.core.report import text as export_text
    from potential_deck.core.session.migrate import migrate
    from potential_deck.core.session.models import Session
    from potential_deck.core.session.store import SessionStore
    from potential_deck.core.year import trajectory

    files = sorted(SessionStore(folder).files())
    stages: dict[str, float] = {}
    t0 = time.perf_counter()
    texts = [p.read_text(encoding="utf-8") for p in files]
    t1 = time.perf_counter()
    data = [tomllib.loads(t) for t in texts]
    t2 = time.perf_counter()
    sessions = [Session.model_validate(migrate(d)) for d in data]
    t3 = time.perf_counter()
    years = trajectory.team_years(list(zip(files, sessions, strict=True)))
    t4 = time.perf_counter()
    out = "\n".join(export_text.year_text(y, y.sessions[-1].language) for y in years if y.sessions)
    t5 = time.perf_counter()
    stages = {
        "list + read files": t1 - t0,
        "tomllib.loads": t2 - t1,
        "migrate + Session.model_validate": t3 - t2,
        "trajectory.team_years": t4 - t3,
        "export_text.year_text": t5 - t4,
    }
    total = sum(stages.values())
    print(
        f"\n== where the time goes for {len(files)} files, in-process (without Python start-up "
        f"and imports; {len(years)} teams, {len(out) / 1e6:.1f} MB of text)"
    )
    for name, took in stages.items():
        print(
            f"   {name:34} {took * 1000:8.0f} ms  {took / total * 100:5.1f}%  "
            f"{took / len(files) * 1e6:7.0f} us/file"
        )
    t0 = time.perf_counter()
    subprocess.run([PYTHON, "-c", "import potential_deck.cli"], check=True)
    imports = time.perf_counter() - t0
    t0 = time.perf_counter()
    subprocess.run(
        [
            PYTHON,
            "-c",
            "from potential_deck.core.report import summary, text\n"
            "from potential_deck.core.year import trajectory",
        ],
        check=True,
    )
    core = time.perf_counter() - t0
    print(
        f"   (start-up, in the subprocess timed above: Python importing potential_deck.cli takes "
        f"{imports * 1000:.0f} ms; importing core report.text, report.summary, year.trajectory "
        f"{core * 1000:.0f} ms)"
    )


if __name__ == "__main__":
    main()
