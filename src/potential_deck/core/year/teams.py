"""The teams of a sessions folder, and finding one by part of its name.

Matching rule (accent- and case-blind, by whole words, ranked):

1. the same words ("basisschool de linde" = "Basisschool De Linde");
2. the words typed, in order, inside the name ("De Linde" finds "Basisschool De Linde");
3. every word typed somewhere in the name ("Linde basisschool");
4. every word typed is the start of a word of the name, for names being typed ("De Li").

Accents and case never matter ("zoe" finds "Zoë"); punctuation separates words. Among equal
ranks, the name with fewer other words comes first, then the team that met most recently. A
team is one team however its name is spelt in accents, case or spacing (`store.slugify`).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from potential_deck.core.choices import Lang
from potential_deck.core.session.store import ListedSession, slugify


def fold(text: str) -> str:
    """`text` without accents and case: "Zoë" -> "zoe"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The folded words of `text`."""
    return re.findall(r"\w+", fold(text))


def team_key(name: str) -> str:
    """What makes two spellings of a team's name the same team."""
    return slugify(name, fallback="")


def rank(query: str, name: str) -> int | None:
    """How well `query` matches the team `name`: 0 best to 3, None for no match (module rules)."""
    asked, have = words(query), words(name)
    if not asked:
        return None
    if asked == have:
        return 0
    size = len(asked)
    if any(have[i : i + size] == asked for i in range(len(have) - size + 1)):
        return 1
    if all(word in have for word in asked):
        return 2
    if all(any(word.startswith(part) for word in have) for part in asked):
        return 3
    return None


def ranked(query: str, names: Sequence[str]) -> list[str]:
    """The names that match `query`, best first (`names` in order of last meeting, newest first)."""
    scored = []
    for order, name in enumerate(names):
        score = rank(query, name)
        if score is not None:
            scored.append(((score, len(words(name)), order), name))
    scored.sort(key=lambda pair: pair[0])
    return [name for _, name in scored]


@dataclass(frozen=True, slots=True)
class KnownTeam:
    """A team that met before, as its latest session left it."""

    name: str
    key: str
    sessions: int
    last_date: dt.date
    facilitator: str
    participants: tuple[str, ...]
    people: int
    next_meeting: dt.date | None
    language: Lang
    last_path: Path


def known_teams(listed: Iterable[ListedSession]) -> list[KnownTeam]:
    """The teams in a `SessionStore.list()`, the one that met last first.

    Each with its latest session's facilitator, participants, number of people and agreed
    next-meeting date (the latest: by session date, then the file's last change).
    """
    latest: dict[str, tuple[tuple[dt.date, float], ListedSession]] = {}
    counts: dict[str, int] = {}
    for item in listed:
        heading = item.heading  # the list keeps headings; only each team's latest is read whole
        if heading is None:
            continue
        key = team_key(heading.team)
        counts[key] = counts.get(key, 0) + 1
        order = (heading.date, item.mtime)
        if key not in latest or order > latest[key][0]:
            latest[key] = (order, item)
    teams = []
    for key, (_, item) in latest.items():
        session = item.session
        if session is None:  # it changed into something unreadable since it was listed
            continue
        teams.append(
            KnownTeam(
                name=session.team,
                key=key,
                sessions=counts[key],
                last_date=session.date,
                facilitator=session.facilitator,
                participants=tuple(session.participants),
                people=session.people_count,
                next_meeting=session.harvest.next_meeting,
                language=session.language,
                last_path=item.path,
            )
        )
    teams.sort(key=lambda team: (latest[team.key][0], team.name), reverse=True)
    return teams


class AmbiguousTeam(LookupError):
    """Several teams match a name equally well."""

    def __init__(self, query: str, names: Sequence[str]) -> None:
        self.query = query
        self.names = tuple(names)
        super().__init__(f"{query!r} matches several teams: {', '.join(self.names)}")


def find(query: str, names: Sequence[str]) -> str | None:
    """The one team `query` stands for among `names` (newest first), or None when none matches.

    AmbiguousTeam when the best matches are equally good ("De" in two names): the caller asks
    for more of the name. A name equal to the query (rule 1) always wins.
    """
    best: list[str] = []
    best_rank: int | None = None
    for name in names:
        score = rank(query, name)
        if score is None:
            continue
        if best_rank is None or score < best_rank:
            best, best_rank = [name], score
        elif score == best_rank and team_key(name) not in {team_key(n) for n in best}:
            best.append(name)
    if not best:
        return None
    if len(best) > 1:
        raise AmbiguousTeam(query, best)
    return best[0]
