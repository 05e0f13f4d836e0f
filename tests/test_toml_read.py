"""Reading TOML: where a syntax error is (`core.session.toml_read.error_where`)."""

from __future__ import annotations

import pytest

from potential_deck.core.session import toml_read


def _where(text: str) -> tuple[int | None, str]:
    with pytest.raises(toml_read.TOMLDecodeError) as caught:
        toml_read.loads(text)
    return toml_read.error_where(caught.value, text)


def test_the_line_of_an_error_is_read_from_the_parser() -> None:
    assert _where('team = "De Linde"\ndate = \nx = 1\n')[0] == 2


def test_the_reason_is_said_without_its_position() -> None:
    reason = _where('team = "De Linde"\ndate = \n')[1]
    assert reason and "line" not in reason and not reason.endswith(" ")


def test_an_error_at_the_end_of_the_document_is_on_the_last_line() -> None:
    assert _where('team = "De Linde"\nnotes = """open\nnever closed')[0] == 3
