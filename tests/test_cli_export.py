"""`potential-deck export` and `potential-deck summary` on session files in a temp folder."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from potential_deck.cli import main
from potential_deck.core.report.export import render
from potential_deck.core.session import store
from potential_deck.core.year.trajectory import year_until

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "sessie.toml"
    store.write(path, h.filled())
    return path


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_export_prints_markdown_by_default(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(saved)]) == 0
    out = capsys.readouterr().out
    session = store.read(saved)
    assert out == render(session, h.deck(), "md", year=year_until(session, saved))


def test_export_writes_a_private_file(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "verslag.html"
    assert main(["export", str(saved), "-o", str(target)]) == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    session = store.read(saved)
    assert target.read_text(encoding="utf-8") == render(
        session, h.deck(), "html", year=year_until(session, saved)
    )
    assert capsys.readouterr().out == ""


def test_export_into_a_missing_folder_is_one_clear_error(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "bestaat-niet" / "verslag.html"
    assert main(["export", str(saved), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert "folder does not exist" in err and "Traceback" not in err
    assert not target.parent.exists()


def test_export_refuses_to_overwrite_without_force(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "verslag.md"
    target.write_text("van vroeger", encoding="utf-8")
    assert main(["export", str(saved), "-o", str(target)]) == 1
    assert "already exists; add --force" in _one_line(capsys.readouterr().err)
    assert target.read_text(encoding="utf-8") == "van vroeger"
    assert main(["export", str(saved), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8").startswith("# Verslag")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_never_overwrites_the_session_itself(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = saved.read_text(encoding="utf-8")
    code = main(["export", str(saved), "--format", "toml", "--anonymize", "-o", str(saved), "--force"])
    assert code == 1
    assert "session file itself" in _one_line(capsys.readouterr().err)
    assert saved.read_text(encoding="utf-8") == before


def test_export_format_from_the_file_name_and_anonymized(saved: Path, tmp_path: Path) -> None:
    target = tmp_path / "verslag.json"
    assert main(["export", str(saved), "-o", str(target), "--anonymize"]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert "facilitator" not in data and data["anonymized"] is True
    text = target.read_text(encoding="utf-8")
    for name in h.name_parts([*h.PARTICIPANTS, h.FACILITATOR]):
        assert not h.mentions(text, name), name


def test_unknown_format_is_one_clear_line(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(saved), "--format", "pdf"]) == 1
    line = _one_line(capsys.readouterr().err)
    assert "unknown format 'pdf'" in line and "md, html, json, toml" in line


def test_missing_session_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", str(tmp_path / "weg.toml")]) == 1
    assert "weg.toml" in _one_line(capsys.readouterr().err)


def test_unreadable_session_is_one_clear_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "kapot.toml"
    bad.write_text("team = [", encoding="utf-8")
    assert main(["export", str(bad)]) == 1
    assert "kapot.toml" in _one_line(capsys.readouterr().err)


def test_a_missing_session_deck_falls_back_to_the_built_in_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = h.filled()
    s.deck_path = str(tmp_path / "bestaat-niet")
    path = tmp_path / "s.toml"
    store.write(path, s)
    assert main(["export", str(path)]) == 0
    assert "### 1. Diversiteit in onze school: wat zien we?" in capsys.readouterr().out


def test_the_real_command_exits_1_without_a_traceback(tmp_path: Path, cli_process) -> None:  # type: ignore[no-untyped-def]
    result = cli_process("export", str(tmp_path / "weg.toml"))
    assert result.returncode == 1
    assert result.stdout == ""
    _one_line(result.stderr)


# --- summary --------------------------------------------------------------------------------


def test_summary_of_one_session(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(saved)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Basisschool De Linde · sessie van 14/03/2025")
    assert "Hoe kunnen we thuistalen benutten, zoals Ömer voorstelde?" in out
    assert "█" in out
    assert "[ ] Bevraging bij ouders · Lotte Vos · 01/04/2025" in out


def test_summary_in_english(saved: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(saved), "--lang", "en"]) == 0
    assert "Joint learning question" in capsys.readouterr().out


def test_summary_of_a_folder_skips_a_broken_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "sessies"
    folder.mkdir()
    first = h.filled(when=h.NOW.replace(month=1))
    second = h.filled()
    second.harvest.steps[0].done = True
    store.write(folder / "a.toml", first)
    store.write(folder / "b.toml", second)
    (folder / "c.toml").write_text("team = [", encoding="utf-8")
    assert main(["summary", str(folder)]) == 0
    captured = capsys.readouterr()
    line = _one_line(captured.err)
    assert "c.toml" in line
    out = captured.out
    assert "Het traject van Basisschool De Linde" in out
    assert "14/01/2025: 3 kaarten, 45 min" in out
    assert "Thuistalen benutten: 2 sessies (14/01/2025, 14/03/2025)" in out
    open_steps = out.split("Open stappen van het team")[1].split("Wat er van elke stap werd")[0]
    # the January step stays open (nobody marked it); March's own copy of it is done
    assert "[ ] Bevraging bij ouders · Lotte Vos · 01/04/2025 (uit de sessie van 14/01/2025" in open_steps
    assert "(uit de sessie van 14/03/2025" not in open_steps
    assert "Contacturen: 1,5 u, richtpunt een twintigtal (8%)" in out


def test_summary_of_only_broken_files_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "c.toml").write_text("team = [", encoding="utf-8")
    assert main(["summary", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "no session could be read" in err.splitlines()[-1]


def test_summary_of_several_files_for_one_team(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = []
    for month in (1, 2):
        path = tmp_path / f"{month}.toml"
        store.write(path, h.filled(when=h.NOW.replace(month=month)))
        paths.append(str(path))
    other = tmp_path / "ander.toml"
    store.write(other, h.filled(team="Sint-Jozef"))
    assert main(["summary", *paths, str(other), "--team", "basisschool de linde"]) == 0
    out = capsys.readouterr().out
    assert "Sint-Jozef" not in out
    assert "14/01/2025" in out and "14/02/2025" in out


def test_anonymize_without_participants_warns_and_the_file_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    s = h.empty(facilitator="Kees")
    s.record(s.agenda[0]).free = "Lotte had een idee"
    path = tmp_path / "s.toml"
    store.write(path, s)
    assert main(["export", str(path), "--anonymize"]) == 0
    captured = capsys.readouterr()
    assert "lists no participants" in captured.err and "--names" in captured.err
    assert "names replaced" not in captured.err
    assert "namen in de tekst zijn NIET vervangen" in captured.out
    assert main(["export", str(path), "--anonymize", "--names", "Lotte, Jan"]) == 0
    captured = capsys.readouterr()
    assert captured.err == "" and "Deelnemer 1 had een idee" in captured.out
