"""Next card in a real terminal: from PageDown sent to tmux until the new card's title is on
screen, against a minimal Textual app that swaps a Static's text on PageDown
(bench/minimal_swap_app.py), presses interleaved between the two in the same run.

    .venv/bin/python bench/next_card.py [--presses 100] [--quick]

Our app runs a saved session whose agenda is every card of the built-in deck (so every press
is a real card change, with its autosave); a press is done when the card's place ("kaart 3 van
24", drawn in the same frame as its title) shows. Two patterns: `alternate` (PgDn, PgUp, ... between
the first two cards) and `sweep` (down through every card and back). Each press: `tmux
send-keys`, then `capture-pane` polled until the expected title shows (the polling costs the
same for both apps). Target: p95 at most 1.5x the minimal app's.

A second baseline, `bench/minimal_card_app.py`, shows each card's own words (its place, title,
introduction, questions) in one Static beside a TextArea: what any Textual app pays to show a
whole new card, next to the one-line swap the target is set against. A third,
`bench/layout_twin_app.py`, is the card screen itself in plain Textual (its widgets, words and
note fields, nothing of potential-deck): what this screen costs before any of our code.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time

from _bench import (
    BENCH,
    FIXED_NOW,
    PYTHON,
    Tmux,
    byte_compile,
    cli,
    header,
    load_deck,
    median,
    ms,
    pct,
    ratio,
    shell_env,
    temp_home,
    twin_cards,
    verdict,
)

TARGET = 1.5


def pattern(kind: str, presses: int, cards: int) -> list[int]:
    """The card index to expect after each press (PgDn +1, PgUp -1) for a pattern."""
    if kind == "alternate":
        return [1 if i % 2 == 0 else 0 for i in range(presses)]
    out: list[int] = []
    while len(out) < presses:
        out += list(range(1, cards)) + list(range(cards - 2, -1, -1))
    return out[:presses]


def press_until(tmux: Tmux, window: str, key: str, needle: str, timeout: float = 10.0) -> float:
    """Seconds from sending `key` until `needle` is on screen."""
    start = time.perf_counter()
    tmux.key(window, key)
    while needle not in tmux.capture(window):
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"{needle!r} did not show within {timeout} s")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=100, help="presses per pattern (default 100)")
    parser.add_argument("--quick", action="store_true", help="40 presses per pattern")
    parser.add_argument(
        "--gap",
        type=float,
        default=0.02,
        help="seconds between a card showing and the next press (default 0.02: what is left of "
        "one change, such as its save, still runs at the next; 0.3: each change on its own)",
    )
    args = parser.parse_args()
    presses = 40 if args.quick else args.presses
    if not shutil.which("tmux"):
        sys.exit("tmux is needed (apt-get install tmux)")

    header("next card in a real terminal: PageDown sent -> new title on screen (tmux 100x30)")
    byte_compile()
    home = temp_home("next-card")
    deck = load_deck()
    from potential_deck.core.session.meeting import new_session
    from potential_deck.core.session.store import SessionStore

    agenda = [card.id for card in deck.cards]
    session = new_session(deck, team="Bench school", now=FIXED_NOW, agenda=agenda)
    path = SessionStore(home / "sessions").create(session)
    # The card's place ("kaart 3 van 24"), drawn in the same frame as its title: a title alone
    # would not do, since the card before shows the next card's title ("Volgende: ...").
    ours = [f"kaart {n} van {len(agenda)}" for n in range(1, len(agenda) + 1)]
    from minimal_swap_app import TITLES

    # the second baseline shows each card's own words (title, introduction, questions)
    texts = []
    for card in deck.cards:
        words = card.text("nl")
        texts.append("\n\n".join([words.title, words.intro, "\n".join(f"• {q}" for q in words.questions)]))
    cards_json = home / "cards.json"
    cards_json.write_text(json.dumps(texts), encoding="utf-8")
    whole = [f"kaart {n} van {len(texts)}" for n in range(1, len(texts) + 1)]
    # the third: the card screen's widgets and words in plain Textual
    twin_json = home / "twin-cards.json"
    twin_json.write_text(
        json.dumps(twin_cards(deck, agenda, team="Bench school"), ensure_ascii=False), encoding="utf-8"
    )

    env = shell_env()
    tmux = Tmux("next-card")
    try:
        tmux.start("app", f"{env} {cli()} resume {path} --sessions {home / 'sessions'}")
        tmux.start("minimal", f"{env} {PYTHON} {BENCH / 'minimal_swap_app.py'}")
        tmux.start("card", f"{env} {PYTHON} {BENCH / 'minimal_card_app.py'} {cards_json}")
        tmux.start("twin", f"{env} {PYTHON} {BENCH / 'layout_twin_app.py'} {twin_json}")
        windows = (("app", ours[0]), ("minimal", TITLES[0]), ("card", whole[0]), ("twin", ours[0]))
        for window, needle in windows:
            end = time.perf_counter() + 30
            while needle not in tmux.capture(window):
                if time.perf_counter() > end:
                    sys.exit(f"{window} did not start:\n{tmux.capture(window)}")
                time.sleep(0.05)
        time.sleep(1.0)  # both settled
        print(f"   {len(agenda)} cards; {presses} presses per pattern, each app in turn")
        for kind in ("alternate", "sweep"):
            results: dict[str, list[float]] = {"app": [], "minimal": [], "card": [], "twin": []}
            current = 0
            for index in pattern(kind, presses, len(agenda)):
                key = "PageDown" if index > current else "PageUp"
                current = index
                results["app"].append(press_until(tmux, "app", key, ours[index]))
                results["minimal"].append(press_until(tmux, "minimal", key, TITLES[index]))
                results["card"].append(press_until(tmux, "card", key, whole[index]))
                results["twin"].append(press_until(tmux, "twin", key, ours[index]))
                time.sleep(args.gap)
            base_med, base_p95 = median(results["minimal"]), pct(results["minimal"], 95)
            app_med, app_p95 = median(results["app"]), pct(results["app"], 95)
            print(f"\n   {kind}:")
            print(f"     minimal swap app  median {ms(base_med)}  p95 {ms(base_p95)}")
            card_med, card_p95 = median(results["card"]), pct(results["card"], 95)
            print(
                f"     minimal card app  median {ms(card_med)}  p95 {ms(card_p95)}   "
                f"{ratio(card_med, base_med)} / {ratio(card_p95, base_p95)}   (a whole card's words)"
            )
            twin_med, twin_p95 = median(results["twin"]), pct(results["twin"], 95)
            print(
                f"     layout twin       median {ms(twin_med)}  p95 {ms(twin_p95)}   "
                f"{ratio(twin_med, base_med)} / {ratio(twin_p95, base_p95)}   (this screen in plain Textual)"
            )
            print(
                f"     potential-deck    median {ms(app_med)}  p95 {ms(app_p95)}   "
                f"{ratio(app_med, base_med)} / {ratio(app_p95, base_p95)}"
            )
            ok = app_p95 / base_p95 <= TARGET
            print(f"     target p95 <= {TARGET}x minimal -> {app_p95 / base_p95:.2f}x: {verdict(ok)}")
            print(
                f"     potential-deck against the twin: "
                f"{ratio(app_med, twin_med)} / {ratio(app_p95, twin_p95)}"
            )
    finally:
        tmux.close()


if __name__ == "__main__":
    main()
