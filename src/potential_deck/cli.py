"""The `potential-deck` command: thin subcommands that call the core (and the app)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from potential_deck import __version__
from potential_deck.core import deck as decks
from potential_deck.core.locations import builtin_deck
from potential_deck.core.models import Card
from potential_deck.core.store import SessionFileError


class UserError(Exception):
    """A mistake the user can fix: printed as one clear message, exit status 1."""


def _deck_path(value: str | None) -> Path:
    return Path(value) if value else builtin_deck()


def _load_deck(value: str | None) -> decks.Deck:
    path = _deck_path(value)
    try:
        return decks.load(path)
    except decks.DeckError as exc:
        raise UserError(
            f"the deck in {path} cannot be used:\n{exc}\n"
            f"(run 'potential-deck validate {path}' after fixing it)"
        ) from None


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a deck and report every problem."""
    path = _deck_path(args.path)
    deck, problems = decks.check(path)
    if deck is None:
        for problem in problems:
            print(problem)
        count = len(problems)
        print(f"{count} problem{'s' if count != 1 else ''} in {path}", file=sys.stderr)
        return 1
    kinds = {kind: len(deck.of_kind(kind)) for kind in ("start", "dialogue", "action")}
    print(
        f"{path}: ok: deck {deck.info.id} {deck.info.version}, {len(deck.cards)} cards "
        f"({kinds['start']} start, {kinds['dialogue']} dialogue, {kinds['action']} action), "
        f"languages {', '.join(deck.info.languages)}"
    )
    return 0


def _card_row(card: Card, lang: str) -> dict[str, object]:
    text = card.nl if lang == "nl" else card.en
    return {
        "id": card.id,
        "kind": card.kind.value,
        "title": text.title,
        "minutes": card.minutes,
        "dimensions": [d.value for d in card.dimensions],
        "values": [v.value for v in card.values],
    }


def cmd_deck(args: argparse.Namespace) -> int:
    """List the cards of a deck."""
    deck = _load_deck(args.deck)
    rows = [_card_row(card, args.lang) for card in deck.cards]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{deck.info.name.get(args.lang, deck.info.id)} ({deck.info.version})")
    width = max(len(str(row["id"])) for row in rows)
    for row in rows:
        print(f"  {row['kind']:<9} {row['id']:<{width}}  {row['minutes']:>3} min  {row['title']}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema of a card file."""
    schema = Card.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "potential-deck card"
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def cmd_app(args: argparse.Namespace) -> int:
    """Open the app: the home screen, a new session (`run`) or a saved one (`resume`)."""
    from potential_deck.launch import launch

    return launch(args)


def _add_common(parser: argparse.ArgumentParser, *, lang: bool = True, lang_default: str | None = "nl") -> None:
    parser.add_argument("--deck", metavar="PATH", help="a deck folder or file (default: the built-in deck)")
    parser.add_argument("--sessions", metavar="DIR", help="the sessions folder (default: ./sessions or $POTENTIAL_DECK_SESSIONS)")
    if lang:
        parser.add_argument("--lang", choices=("nl", "en"), default=lang_default,
                            help="language (default: nl, or the last one chosen)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="potential-deck",
        description="Doos vol Potential: conversation cards on diversity and inclusion for school teams.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    _add_common(parser, lang_default=None)
    parser.set_defaults(func=cmd_app, mode="home")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("validate", help="check a deck and report every problem")
    p.add_argument("path", nargs="?", metavar="PATH", help="deck folder or file (default: the built-in deck)")
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("deck", help="list the cards of a deck")
    p.add_argument("--lang", choices=("nl", "en"), default="nl")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--deck", metavar="PATH")
    p.set_defaults(func=cmd_deck)

    p = sub.add_parser("schema", help="print the JSON Schema of the card format")
    p.set_defaults(func=cmd_schema)

    p = sub.add_parser("run", help="start a new session with the default agenda")
    p.add_argument("--team", required=True, help="team or school name")
    p.add_argument("--facilitator", default="", help="the facilitator's name")
    p.add_argument("--participants", default="", help='names, comma-separated: "Lotte, Jan Peeters"')
    _add_common(p)
    p.set_defaults(func=cmd_app, mode="run")

    p = sub.add_parser("resume", help="reopen a saved session where it was left")
    p.add_argument("file", metavar="FILE", help="the session file")
    _add_common(p, lang=False)
    p.set_defaults(func=cmd_app, mode="resume")

    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except UserError as exc:
        print(f"potential-deck: {exc}", file=sys.stderr)
        return 1
    except SessionFileError as exc:
        print(f"potential-deck: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        sys.stderr.close()
        return 0

