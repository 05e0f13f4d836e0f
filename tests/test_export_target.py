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
