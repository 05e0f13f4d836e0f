"""Shared helpers for the benchmarks in bench/ (not a benchmark itself).

Every benchmark compares with a baseline measured in the same run: these machines are
noisy, so a figure is only ever compared with one taken minutes apart on the same box.
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
PYTHON = sys.executable
FIXED_NOW = dt.datetime(2026, 11, 23, 14, 30, 0, tzinfo=dt.UTC)


def byte_compile() -> None:
    """Byte-compile our package, as installing it does, so start-up does not compile sources.

    The baseline's Textual in site-packages was byte-compiled by pip. Our sources in `src/`
    (an editable install) are compiled on first import and cached in `__pycache__`, unless
    PYTHONDONTWRITEBYTECODE is set (it is on some machines here): then every start would
    compile ~30 modules again (~40 ms), a cost no installed copy pays.
    """
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(REPO / "src" / "potential_deck")], check=True)
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print(
            "   (PYTHONDONTWRITEBYTECODE is set here: src/potential_deck was byte-compiled first,"
            " as an install would be)"
        )


def cli() -> str:
    """The `potential-deck` console script next to this Python (the venv's), else on PATH."""
    beside = Path(PYTHON).parent / "potential-deck"
    if beside.exists():
        return str(beside)
    found = shutil.which("potential-deck")
    if not found:
        sys.exit("potential-deck is not installed: run with the venv's python (.venv/bin/python)")
    return found


def machine() -> str:
    """One line saying where and when the figures were taken."""
    return (
        f"{dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}, nproc={os.cpu_count()}, "
        f"Python {platform.python_version()}, {platform.machine()}"
    )


def header(title: str) -> None:
    print(f"== {title}")
    print(f"   {machine()}")


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def pct(values: Sequence[float], p: float) -> float:
    """The p-th percentile (nearest rank), p in 0..100."""
    ordered = sorted(values)
    rank = max(1, round(p / 100 * len(ordered) + 0.4999))
    return ordered[min(rank, len(ordered)) - 1]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.2f} ms"


def ratio(value: float, base: float) -> str:
    return f"{value / base:6.2f}x" if base > 0 else "   n/a"


def verdict(ok: bool) -> str:
    return "MET" if ok else "MISSED"


def temp_home(prefix: str) -> Path:
    """A fresh temporary folder; POTENTIAL_DECK_CONFIG points into it (settings never touch
    the user's config), and so does POTENTIAL_DECK_SESSIONS (never the repo's sessions/)."""
    folder = Path(tempfile.mkdtemp(prefix=f"pd-bench-{prefix}-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["POTENTIAL_DECK_CONFIG"] = str(folder / "settings.toml")
    os.environ["POTENTIAL_DECK_SESSIONS"] = str(folder / "sessions")
    return folder


# --- a real terminal ---------------------------------------------------------------------------


class Tmux:
    """A private tmux server (its own socket), so the user's tmux is never touched."""

    def __init__(self, name: str) -> None:
        self.socket = f"pd-bench-{name}-{os.getpid()}"
        # A session that keeps the server up, so each timed run does not pay its start.
        self._run("new-session", "-d", "-s", "keepalive", "-x", "100", "-y", "30", "sleep 100000")

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)

    def start(self, name: str, command: str, width: int = 100, height: int = 30) -> None:
        self._run("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), command)

    def send(self, name: str, text: str) -> None:
        """Type `text` into window `name` (literally, one write)."""
        self._run("send-keys", "-t", name, "-l", text)

    def key(self, name: str, key: str) -> None:
        """Press a named key (PageDown, Escape, ...) in window `name`."""
        self._run("send-keys", "-t", name, key)

    def capture(self, name: str) -> str:
        return self._run("capture-pane", "-p", "-t", name).stdout

    def pid(self, name: str) -> int:
        return int(self._run("display-message", "-p", "-t", name, "#{pane_pid}").stdout.strip())

    def kill(self, name: str) -> None:
        self._run("kill-session", "-t", name)

    def close(self) -> None:
        self._run("kill-server")
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)

    def time_until(
        self, name: str, command: str, needle: str, timeout: float = 30.0, poll: float = 0.01
    ) -> float:
        """Seconds from starting `command` in a new window until `needle` is on screen."""
        return self.times_until(name, command, [needle], timeout, poll)[0]

    def times_until(
        self, name: str, command: str, needles: Sequence[str], timeout: float = 30.0, poll: float = 0.01
    ) -> list[float]:
        """Seconds from starting `command` in a new window until each of `needles` is on screen."""
        start = time.perf_counter()
        self.start(name, command)
        found: dict[str, float] = {}
        while True:
            screen = self.capture(name)
            now = time.perf_counter() - start
            for needle in needles:
                if needle not in found and needle in screen:
                    found[needle] = now
            if len(found) == len(needles):
                return [found[needle] for needle in needles]
            if now > timeout:
                self.kill(name)
                missing = [n for n in needles if n not in found]
                raise RuntimeError(f"{missing!r} not on screen after {timeout} s:\n{screen}")
            time.sleep(poll)


def shell_env(**extra: str) -> str:
    """`env K=V ...` for a tmux command line (tmux does not pass our environment on)."""
    keys = {"POTENTIAL_DECK_CONFIG": os.environ["POTENTIAL_DECK_CONFIG"], **extra}
    return "env " + " ".join(f"{k}={shlex.quote(v)}" for k, v in keys.items())


def rss_kb(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process in kB, from /proc."""
    fields: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            fields[key] = int(value.split()[0])
    return fields["VmRSS"], fields["VmHWM"]


# --- sessions ---------------------------------------------------------------------------------


def load_deck():  # -> Deck
    from potential_deck.core.deck.load import load
    from potential_deck.core.locations import builtin_deck

    return load(builtin_deck())


def first_card_title(deck, lang: str = "nl") -> str:  # deck: Deck
    """The title of the first card of the deck's default agenda."""
    from potential_deck.core.session.meeting import default_agenda

    return deck.card(default_agenda(deck)[0]).text(lang).title


def twin_cards(deck, agenda: list[str], team: str = "X") -> list[dict[str, object]]:  # deck: Deck
    """The cards of `agenda` as `layout_twin_app.py` shows them: the words and note fields the
    card screen shows for each (Dutch), for a session of `team` with no notes yet."""
    from potential_deck.core.deck.fields import note_fields
    from potential_deck.core.text.i18n import kind_label

    keys = " PgDn  Volgende   Esc  Kaart sturen   Ctrl+T  Timer   F1  Toetsen   Ctrl+Q  Stoppen"
    cards: list[dict[str, object]] = []
    for index, card_id in enumerate(agenda):
        card = deck.card(card_id)
        words = card.text("nl")
        after = index + 1 < len(agenda)
        following = (
            f"Volgende: {deck.card(agenda[index + 1]).text('nl').title}"
            if after
            else "Laatste kaart: daarna de oogst"
        )
        dots = "●" * (index + 1) + "○" * (len(agenda) - index - 1)
        fields = [field.label("nl") for field in note_fields(card)]
        cards.append(
            {
                "where": f"[b]{team}[/b] · kaart {index + 1} van {len(agenda)}  {dots}",
                "next": following,
                "kind": kind_label("nl", card.kind).upper(),
                "kind_class": f"-{card.kind.value}",
                "title": words.title,
                "intro": words.intro,
                "questions": "\n".join(f"• {question}" for question in words.questions),
                "tip": f"[b]Tip voor de begeleider:[/b] {words.tip}" if words.tip else "",
                "fields": fields,
                "keyboard": f"✎ Je typt in: {fields[0]}",
                "status": "Nog niet opgeslagen",
                "keys": keys,
            }
        )
    return cards


def title_needle(title: str, limit: int = 40) -> str:
    """A prefix of `title` that a 100-column screen shows on one line (cut at a word)."""
    if len(title) <= limit:
        return title
    cut = title[:limit].rsplit(" ", 1)[0]
    return cut or title[:limit]


def filler(size: int, seed: int = 0) -> str:
    """About `size` characters of note-like text (lines of words, deterministic)."""
    words = (
        "leerling",
        "ouders",
        "meertaligheid",
        "klas",
        "samen",
        "taal",
        "we",
        "zien",
        "kansen",
        "collega",
        "steun",
        "gesprek",
        "school",
        "diversiteit",
        "groei",
    )
    out: list[str] = []
    total = 0
    i = seed
    while total < size:
        line = " ".join(words[(i * 7 + j * 3) % len(words)] for j in range(10))
        out.append(line)
        total += len(line) + 1
        i += 1
    return "\n".join(out)[:size]


def big_session(deck, cards: int = 200, note_bytes: int = 1024):  # -> Session
    """A session on the built-in deck with `cards` CardRecords of ~`note_bytes` notes each.

    The records are keyed by fake ids (`bench-card-000`, ...); the agenda stays the default,
    so the app can open it.
    """
    from potential_deck.core.session.meeting import new_session
    from potential_deck.core.session.models import CardRecord, Opportunity, TimerSnapshot

    session = new_session(
        deck, team="Bench school", now=FIXED_NOW, facilitator="Bench", participants=["Ann", "Bert", "Chris"]
    )
    half = note_bytes // 2
    for i in range(cards):
        session.cards[f"bench-card-{i:03d}"] = CardRecord(
            free=filler(half, i),
            fields={"did": filler(note_bytes - half, i + 1)},
            growth=[Opportunity(text=f"groeikans {i}")],
            timer=TimerSnapshot(budget=600, elapsed=123.5, at=1_800_000_000.0),
        )
    return session


def run_quiet(cmd: Sequence[str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(cmd), capture_output=True, text=True, **kwargs)


GROWTH = (
    "Meer samen voorbereiden",
    "Ouders vaker betrekken",
    "Thuistalen zichtbaar maken",
    "Schoolkosten laag houden",
    "Leerlingen laten meebeslissen",
    "Collega's observeren",
    "Tijd maken voor overleg",
    "Beeldvorming in lesmateriaal nakijken",
)
MAIN_TEAM = "Basisschool De Regenboog"


def realistic_session(deck, i: int, total: int):  # -> Session
    """Session number `i` of `total`: a finished meeting with notes, a harvest and a plan.

    One team (MAIN_TEAM) holds a tenth of the sessions, spread over a school year; the others
    are shared among total // 10 teams. Dates vary over a year.
    """
    from potential_deck.core.session.meeting import default_agenda, new_session
    from potential_deck.core.session.models import (
        CardRecord,
        CoreValue,
        Harvest,
        HarvestItem,
        Opportunity,
        Step,
        TimerSnapshot,
    )

    teams = max(2, total // 10)
    team = MAIN_TEAM if i % 10 == 0 else f"School {i % teams:04d}"
    day = dt.date(2025, 9, 1) + dt.timedelta(days=(i * 37) % 365)
    when = dt.datetime.combine(day, dt.time(15, 30), tzinfo=dt.UTC) + dt.timedelta(minutes=i % 97)
    session = new_session(
        deck,
        team=team,
        now=when,
        facilitator="Inge",
        participants=["Ann", "Bert", "Chris", "Dina"][: 2 + i % 3],
        deck_path="",
    )
    values = list(CoreValue)
    agenda = default_agenda(deck)
    for n, card_id in enumerate(agenda[: 3 + i % 3]):
        kind = deck.card(card_id).kind.value
        fields = {
            "start": {"seen": filler(180, i + n)},
            "dialogue": {"did": filler(150, i), "worked": filler(120, n), "satisfaction": "7/10"},
            "action": {"strengths": filler(140, i), "challenges": filler(140, n)},
        }[kind]
        session.cards[card_id] = CardRecord(
            free=filler(300 + (i * 13 + n) % 400, i * 3 + n),
            fields=fields,
            growth=[
                Opportunity(text=GROWTH[(i + n + k) % len(GROWTH)], value=values[(i + k) % 4])
                for k in range(1 + (i + n) % 3)
            ],
            timer=TimerSnapshot(budget=900, elapsed=600.0 + (i * 11 + n * 60) % 600, at=1_800_000_000.0),
        )
    session.harvest = Harvest(
        items=[
            HarvestItem(
                text=GROWTH[(i + k) % len(GROWTH)], cards=agenda[:2], value=values[k % 4], votes=(i + k) % 7
            )
            for k in range(2 + i % 3)
        ],
        question=f"Hoe maken we {GROWTH[i % len(GROWTH)].lower()} tot een gewoonte?",
        question_items=[0, 1],
        steps=[
            Step(
                what=f"Stap {k + 1}: {GROWTH[(i + k) % len(GROWTH)]}",
                who="Ann",
                due=day + dt.timedelta(days=14 * (k + 1)),
                done=(i + k) % 3 == 0,
            )
            for k in range(2 + i % 2)
        ],
        next_meeting=day + dt.timedelta(days=42),
    )
    session.live.stage = "done"
    session.live.position = len(session.agenda)
    return session


def write_sessions(folder: Path, count: int, deck) -> list[Path]:
    """`count` realistic session files in `folder` (plain writes: this is setup, not timed)."""
    from potential_deck.core.session.store import slugify, to_toml

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        session = realistic_session(deck, i, count)
        path = folder / f"{session.date.isoformat()}-{slugify(session.team)}-{i:05d}.toml"
        path.write_text(to_toml(session), encoding="utf-8")
        paths.append(path)
    return paths


class FakeClock:
    """A clock the benchmark sets by hand, so timers never tick during a measurement."""

    def __init__(self) -> None:
        self.value = 1000.0

    def __call__(self) -> float:
        return self.value
