"""`python -m potential_deck`: the same as the `potential-deck` command."""

from potential_deck.cli import main

raise SystemExit(main())
