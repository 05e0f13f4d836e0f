"""The core and the command line never import Textual (the CLI opens the app lazily)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap


def _run(code: str) -> subprocess.CompletedProcess[str]:
    """Run `code` in a fresh interpreter, so no earlier import can hide a Textual import."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_importing_every_core_module_does_not_import_textual() -> None:
    result = _run(
        """
        import importlib, json, pkgutil, sys
        import potential_deck.core as core
        names = [core.__name__] + [
            info.name for info in pkgutil.walk_packages(core.__path__, core.__name__ + ".")
        ]
        for name in names:
            importlib.import_module(name)
        textual = sorted(m for m in sys.modules if m.split(".")[0] == "textual")
        print(json.dumps({"imported": names, "textual": textual}))
        """
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert len(report["imported"]) >= 10  # the package plus deck, i18n, meeting, models, ...
    assert report["textual"] == []


def test_the_core_module_walk_finds_the_known_modules() -> None:
    result = _run(
        """
        import pkgutil
        import potential_deck.core as core
        prefix = "potential_deck.core."
        print(" ".join(i.name for i in pkgutil.walk_packages(core.__path__, prefix)))
        """
    )
    assert result.returncode == 0, result.stderr
    found = set(result.stdout.split())
    for name in ("deck", "i18n", "locations", "meeting", "migrate", "models", "notes", "store",
                 "timer"):
        assert f"potential_deck.core.{name}" in found


def test_importing_the_cli_does_not_import_textual() -> None:
    result = _run(
        """
        import sys
        import potential_deck.cli
        potential_deck.cli.build_parser()
        print("textual" in sys.modules)
        """
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_what_run_needs_for_its_first_card_does_not_import_pydantic() -> None:
    """`run` draws its first card before the models load (start-up, issue 7); pydantic comes after."""
    result = _run(
        """
        import json, sys
        from pathlib import Path
        import potential_deck.cli, potential_deck.launch
        import potential_deck.tui.app, potential_deck.tui.card_screen
        from potential_deck.core.first_card import peek
        from potential_deck.core.locations import builtin_deck
        from potential_deck.core.settings import load_settings
        potential_deck.cli.build_parser()
        load_settings(Path("does-not-exist.toml"))
        first = peek(builtin_deck(), team="X", lang="nl")
        before = "pydantic" in sys.modules
        potential_deck.launch.load_deck(builtin_deck())
        print(json.dumps({"first": first is not None, "before": before, "after": "pydantic" in sys.modules}))
        """
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"first": True, "before": False, "after": True}
