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
    for name in (
        "deck.load",
        "text.i18n",
        "locations",
        "session.meeting",
        "session.migrate",
        "session.models",
        "session.notes",
        "session.store",
        "session.timer",
        "harvest.rules",
        "report.export",
        "year.lookback",
        "room.follow",
    ):
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
