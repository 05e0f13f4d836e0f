"""Joining under a real meeting's load: 30 phones for 60 s while the facilitator types.

    .venv/bin/python bench/join_load.py [--phones 30] [--seconds 60] [--quick]

The facilitator's app (the real PotentialDeckApp, headless under Pilot, with its real autosave
thread and the participants' server on its own loop, on a free loopback port) has a note field
focused; a key is typed every 150 ms (a fast typist), each timed from being sent until the
screen has handled it and every message it caused (as `typing_bench.py` does). Two phases in
the same run, each SECONDS long:

1. **baseline**: joining is on, no phone sends anything;
2. **phones**: PHONES phones, each an aiohttp client in another process (so their own work
   does not run on the app's loop), join with the code, then each sends a growth opportunity
   every 10 s (the limit is 6 a minute), moves one of its dots every 2 s (the vote is open,
   item ids read from the session file as the phones' pages would list them) and asks for
   its page's version every 3 s (what the page's script does); every POST follows its
   redirect to the page, as a browser does.

Reported: contributions the phones were told were sent (HTTP 200) and are not in the session
file after the run (must be 0); the time from a phone's submit to the item in the facilitator's
session with the status line counting it (p50, p95); the autosave's lag after an item came
in (until a save holding it was written; at most 1 s); and the key latency with phones beside
the baseline. `uptime` before and after says how busy the machine was.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import time
from pathlib import Path

from _bench import FIXED_NOW, REPO, FakeClock, header, load_deck, median, ms, pct, ratio, temp_home, verdict

KEY_EVERY = 0.150
ITEM_EVERY = 10.0
DOT_EVERY = 2.0
STATE_EVERY = 3.0
TARGET_LOST = 0
TARGET_SAVE_LAG = 1.0


# --- the phones (run in a process of their own) ---------------------------------------------------


async def phone(n: int, base: str, code: str, path: Path, until: float, log: list[dict[str, object]]) -> None:
    import aiohttp

    rng = random.Random(n)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as client:
        async with client.get(f"{base}/j/{code}") as response:
            page = str(response.url).split("?")[0]
            await response.read()
        next_item = time.time() + rng.uniform(0, ITEM_EVERY)
        next_dot = time.time() + rng.uniform(0, DOT_EVERY)
        next_state = time.time() + rng.uniform(0, STATE_EVERY)
        sent = 0
        ids: list[str] = []
        while time.time() < until:
            now = time.time()
            wake = min(next_item, next_dot, next_state)
            if wake > now:
                await asyncio.sleep(min(wake - now, until - now))
                continue
            try:
                if now >= next_item:
                    next_item += ITEM_EVERY
                    sent += 1
                    text = f"Telefoon {n} idee {sent}"
                    t0 = time.time()
                    async with client.post(page + "/add", data={"text": text, "anonymous": "1"}) as response:
                        await response.read()
                        log.append(
                            {
                                "kind": "item",
                                "text": text,
                                "sent": t0,
                                "status": response.status,
                                "done": time.time(),
                            }
                        )
                elif now >= next_dot:
                    next_dot += DOT_EVERY
                    if not ids or rng.random() < 0.1:
                        ids = _item_ids(path)
                    if ids:
                        delta = rng.choice(("1", "1", "-1"))
                        t0 = time.time()
                        data = {"item": rng.choice(ids), "delta": delta}
                        async with client.post(page + "/dot", data=data) as response:
                            await response.read()
                            log.append(
                                {"kind": "dot", "sent": t0, "status": response.status, "done": time.time()}
                            )
                else:
                    next_state += STATE_EVERY
                    async with client.get(page + "/state") as response:
                        await response.read()
            except (TimeoutError, aiohttp.ClientError) as exc:
                log.append({"kind": "error", "error": type(exc).__name__, "sent": now})


def _item_ids(path: Path) -> list[str]:
    from potential_deck.core.session.store import SessionFileError, read

    try:
        return [item.id for item in read(path).harvest.items]
    except (SessionFileError, OSError):
        return []


async def phones_main(base: str, code: str, path: Path, count: int, seconds: float, out: Path) -> None:
    log: list[dict[str, object]] = []
    until = time.time() + seconds
    await asyncio.gather(*(phone(n, base, code, path, until, log) for n in range(1, count + 1)))
    out.write_text(json.dumps(log), encoding="utf-8")


# --- the facilitator's app ----------------------------------------------------------------------


async def facilitator(phones: int, seconds: float) -> dict[str, object]:
    from textual import events
    from textual.widgets import TextArea

    from potential_deck.core.locations import builtin_deck
    from potential_deck.core.session.meeting import new_session
    from potential_deck.core.session.store import SessionStore, read
    from potential_deck.tui.app import PotentialDeckApp
    from potential_deck.tui.join_service import plan
    from potential_deck.tui.screens.card import CardScreen

    home = temp_home("join")
    deck = load_deck()
    store = SessionStore(home / "sessions")
    clock = FakeClock()
    app = PotentialDeckApp(
        deck=deck,
        deck_path=builtin_deck(),
        store=store,
        settings_path=home / "settings.toml",
        lang="nl",
        clock=clock,
        wall=lambda: 1_800_000_000.0 + clock.value,
        now=lambda: FIXED_NOW,
    )
    session = new_session(deck, team="Bench school", now=FIXED_NOW, deck_path=str(builtin_deck()))
    session.harvest.dots_per_person = 5
    path = store.create(session)
    app.set_initial(session, path)
    arrived: dict[str, float] = {}
    on_disk: dict[str, float] = {}
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CardScreen)
        await app.start_joining(plan("127.0.0.1", 0))
        joining = app.joining
        assert joining is not None
        session.room.vote_open = True  # the phones' dots are part of the load

        changed = joining.changed

        def record(what: str) -> None:
            changed(what)  # the session holds it, the status line is told, a save is asked for
            if what == "item":
                arrived.setdefault(session.harvest.items[-1].text, time.time())

        joining.changed = record  # type: ignore[method-assign]
        joining.desk.changed = record
        report = screen.autosaver.saved

        def reporting(*args):  # type: ignore[no-untyped-def]
            """After each write: which items that came in are in the file now (first time: on disk)."""
            now = time.time()
            text = path.read_text(encoding="utf-8")
            for item, when in arrived.items():
                if item not in on_disk and item in text:
                    on_disk[item] = now - when
            return report(*args)

        screen.autosaver.saved = reporting  # type: ignore[method-assign]
        area = screen.query_one("#note-free", TextArea)
        area.focus()
        await pilot.pause()

        async def type_for(duration: float) -> list[float]:
            latencies = []
            end = time.perf_counter() + duration
            n = 0
            while time.perf_counter() < end:
                char = "abcdefghij klmnopqrs tuvwxyz"[n % 28]
                key = "space" if char == " " else char
                n += 1
                t0 = time.perf_counter()
                app._driver.send_message(events.Key(key, char))  # type: ignore[union-attr]
                await pilot._wait_for_screen()
                latencies.append(time.perf_counter() - t0)
                await asyncio.sleep(max(0.0, KEY_EVERY - (time.perf_counter() - t0)))
            return latencies

        baseline = await type_for(seconds)
        out = home / "phones.json"
        code = joining.desk.code
        load = await asyncio.create_subprocess_exec(
            sys.executable,
            str(Path(__file__).resolve()),
            "--phone-process",
            joining.plan.base_url,
            code,
            str(path),
            str(phones),
            str(seconds),
            str(out),
            cwd=str(REPO),
        )
        with_phones = await type_for(seconds)
        await load.wait()
        await pilot.pause()
        await app.workers.wait_for_complete()
        typed = area.text
        screen.flush()
    saved = read(path)
    log = json.loads(out.read_text(encoding="utf-8"))
    return {
        "baseline": baseline,
        "phones": with_phones,
        "log": log,
        "arrived": arrived,
        "on_disk": on_disk,
        "saved": saved,
        "typed": typed,
        "card": session.agenda[0],
    }


def report(result: dict[str, object], phones: int, seconds: float) -> bool:
    log: list[dict[str, object]] = result["log"]  # type: ignore[assignment]
    saved = result["saved"]
    arrived: dict[str, float] = result["arrived"]  # type: ignore[assignment]
    items = [entry for entry in log if entry["kind"] == "item"]
    dots = [entry for entry in log if entry["kind"] == "dot"]
    errors = [entry for entry in log if entry["kind"] == "error"]
    accepted = [entry for entry in items if entry["status"] == 200]
    on_file = {item.text for item in saved.harvest.items}  # type: ignore[attr-defined]
    lost = [entry["text"] for entry in accepted if entry["text"] not in on_file]
    in_list = [
        arrived[str(entry["text"])] - float(entry["sent"])
        for entry in accepted  # type: ignore[arg-type]
        if entry["text"] in arrived
    ]
    lags = list(result["on_disk"].values())  # type: ignore[attr-defined]
    typed_ok = result["typed"] == saved.record(result["card"]).free  # type: ignore[attr-defined]
    base, busy = result["baseline"], result["phones"]
    print(
        f"   phones: {phones} for {seconds:.0f} s; {len(items)} items sent, {len(accepted)} accepted, "
        f"{len(items) - len(accepted)} refused (told on the phone), {len(dots)} dot changes "
        f"({sum(1 for d in dots if d['status'] == 200)} accepted), {len(errors)} connection errors"
    )
    print(f"   contributions lost: {len(lost)} (target {TARGET_LOST})  {verdict(len(lost) == TARGET_LOST)}")
    if in_list:
        print(
            f"   submit -> in the facilitator's session, counted on the status line: "
            f"median {ms(median(in_list))}, p95 {ms(pct(in_list, 95))}, max {ms(max(in_list))}"
        )
    if lags:
        print(
            f"   autosave after an item came in ({len(lags)} of {len(arrived)} seen written): "
            f"median {ms(median(lags))}, p95 {ms(pct(lags, 95))}, "
            f"max {ms(max(lags))} (target <= 1 s)  {verdict(max(lags) <= TARGET_SAVE_LAG)}"
        )
    print(
        f"   keys typed: {len(base)} baseline, {len(busy)} with phones; every key in the file: "  # type: ignore[arg-type]
        f"{verdict(typed_ok)}"
    )
    for label, p in (("median", 50), ("p95", 95), ("max", 100)):
        b, w = pct(base, p), pct(busy, p)  # type: ignore[arg-type]
        print(f"   key latency {label:>6}: baseline {ms(b)}, with phones {ms(w)}  {ratio(w, b)}")
    return not lost and typed_ok and (not lags or max(lags) <= TARGET_SAVE_LAG)


def uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "(no uptime here)"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--phone-process":
        base, code, path, count, seconds, out = sys.argv[2:8]
        asyncio.run(phones_main(base, code, Path(path), int(count), float(seconds), Path(out)))
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phones", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--quick", action="store_true", help="5 phones for 10 s")
    args = parser.parse_args()
    phones, seconds = (5, 10.0) if args.quick else (args.phones, args.seconds)
    header(f"joining under load: {phones} phones for {seconds:.0f} s while the facilitator types")
    print(f"   before: {uptime()}")
    result = asyncio.run(facilitator(phones, seconds))
    print(f"   after:  {uptime()}")
    ok = report(result, phones, seconds)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
