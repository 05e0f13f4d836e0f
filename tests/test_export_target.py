"""Exports write only what we own: a regular file whose extension is the format, nothing else."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from potential_deck.cli import main
from potential_deck.core.report.export import ExportExists, ExportTargetError, check_target, export_path, save
from potential_deck.core.session import store

try:
    import export_helpers as h
except ImportError:  # the tests folder imported as a package
    from tests import export_helpers as h

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="links, pipes and devices")


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "sessie.toml"
    store.write(path, h.filled())
    return path


def _error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@posix_only
def test_force_never_replaces_a_symbolic_link(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "elders.md"
    real.write_text("van iemand anders", encoding="utf-8")
    link = tmp_path / "verslag.md"
    link.symlink_to(real)
    assert main(["export", str(saved), "-o", str(link), "--force"]) == 1
    line = _error_line(capsys)
    assert str(link) in line and "symbolic link" in line and "remove the link" in line
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "van iemand anders"


@posix_only
def test_force_never_replaces_a_named_pipe(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "verslag.md"
    os.mkfifo(pipe)
    assert main(["export", str(saved), "-o", str(pipe), "--force"]) == 1
    line = _error_line(capsys)
    assert str(pipe) in line and "named pipe" in line and "choose another file name" in line
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="mknod needs root")
def test_force_never_replaces_a_device(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    device = tmp_path / "verslag.md"
    # a /dev/full of our own: a test never aims at the real one (old code, run as root,
    # replaced it with a regular file)
    os.mknod(device, stat.S_IFCHR | 0o600, os.makedev(1, 7))
    assert main(["export", str(saved), "-o", str(device), "--force"]) == 1
    line = _error_line(capsys)
    assert str(device) in line and "is a device" in line
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_an_extension_of_another_format_is_refused(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.md"
    assert main(["export", str(saved), "--format", "html", "-o", str(target)]) == 1
    line = _error_line(capsys)
    assert "x.md names a md file but the export is html; name it x.html" in line
    assert not target.exists()


def test_an_extension_we_cannot_write_is_refused(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.pdf"
    assert main(["export", str(saved), "-o", str(target)]) == 1
    line = _error_line(capsys)
    assert "report.pdf" in line and "must end in .md, .markdown, .html, .htm, .json, .toml" in line
    assert not target.exists()


def test_a_folder_as_the_target_is_called_a_folder(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert main(["export", "-o", str(folder), str(saved)]) == 1
    line = _error_line(capsys)
    assert f"{folder} is a folder; give a file name inside it, for example {folder / 'sessie.md'}" in line
    assert main(["calendar", str(saved), "-o", str(folder)]) == 1
    assert f"for example {folder / 'sessie.ics'}" in _error_line(capsys)
    assert list(folder.iterdir()) == []


def test_every_extension_the_message_lists_is_one_export_writes(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(saved), "-o", str(tmp_path / "report.pdf")]) == 1
    listed = _error_line(capsys).split("must end in ")[1].split(" (")[0].split(", ")
    assert ".ics" not in listed and {".md", ".html", ".json", ".toml"} <= set(listed)
    for suffix in listed:
        assert main(["export", str(saved), "-o", str(tmp_path / f"verslag{suffix}")]) == 0, suffix


def test_an_ics_name_for_an_export_points_to_the_calendar_command(
    saved: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.ics"
    assert main(["export", str(saved), "-o", str(target)]) == 1
    line = _error_line(capsys)
    assert "r.ics names a calendar file (.ics), which 'potential-deck calendar' writes" in line
    assert "unknown format" not in line and not target.exists()
    assert main(["calendar", str(saved), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    capsys.readouterr()
    assert main(["calendar", str(saved), "-o", str(tmp_path / "agenda.md")]) == 1
    assert "agenda.md: the file name must end in .ics" in _error_line(capsys)


def test_dash_as_the_output_prints_the_export(
    saved: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["export", str(saved)]) == 0
    printed = capsys.readouterr().out
    assert main(["export", str(saved), "-o", "-"]) == 0
    assert capsys.readouterr().out == printed and printed.startswith("# Verslag")
    assert main(["export", str(saved), "-f", "json", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("{")
    assert main(["cards", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("<!DOCTYPE html>")
    assert not (tmp_path / "-").exists()


def test_the_format_follows_the_extension(saved: Path, tmp_path: Path) -> None:
    target = tmp_path / "Verslag.HTM"
    assert main(["export", str(saved), "-o", str(target)]) == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_one_check_for_every_writer(tmp_path: Path) -> None:
    """`save` (the app's preview) refuses what the CLI refuses, with the same check."""
    existing = tmp_path / "a.json"
    existing.write_text("{}", encoding="utf-8")
    with pytest.raises(ExportExists):
        save(existing, "{}", "json")
    with pytest.raises(ExportTargetError, match="names a json file but the export is md"):
        save(existing, "x", "md", force=True)
    with pytest.raises(ExportTargetError, match="must end in"):
        check_target(tmp_path / "a.pdf", "md")
    check_target(existing, "json", force=True)  # a regular file, forced: allowed


def test_the_message_is_in_the_sessions_language(tmp_path: Path) -> None:
    with pytest.raises(ExportTargetError) as caught:
        check_target(tmp_path / "verslag.md", "html")
    assert "noem het verslag.html" in caught.value.message("nl")


# --- export names -----------------------------------------------------------------------------


def test_export_path_is_in_an_exports_folder_beside_the_session() -> None:
    path = Path("/s/2026-11-23-de-linde.toml")
    assert export_path(path, "md", lang="nl") == Path("/s/exports/2026-11-23-de-linde.md")
    assert export_path(path, "html", lang="en", anonymize=True) == Path(
        "/s/exports/2026-11-23-de-linde-anonymous.html"
    )
    assert export_path(path, "toml", lang="nl").parent != path.parent, "never read back as a session"


def test_an_anonymised_export_is_named_in_the_sessions_language() -> None:
    path = Path("/s/2026-11-23-de-linde.toml")
    assert export_path(path, "md", lang="nl", anonymize=True).name == ("2026-11-23-de-linde-anoniem.md")


def test_an_export_never_replaces_the_session_it_is_made_from(tmp_path: Path) -> None:
    session = tmp_path / "sessie.toml"
    session.write_text("team = 'x'\n", encoding="utf-8")
    with pytest.raises(ExportTargetError) as caught:
        check_target(session, "toml", force=True, source=session)
    assert caught.value.reason == "source"
    assert "het sessiebestand zelf" in caught.value.message("nl")
    assert session.read_text(encoding="utf-8") == "team = 'x'\n"
