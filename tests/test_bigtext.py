"""Big letters (core.text.bigtext): block characters only, wrapped by words, the largest scale that fits."""

from __future__ import annotations

from potential_deck.core.text import bigtext

BLOCKS = set(" ▀▄█")


def test_a_line_of_big_text_is_four_rows_of_block_characters() -> None:
    lines = bigtext.render("Hoe kunnen we?", 200, 1)
    assert lines is not None and len(lines) == bigtext.LINE_ROWS[1]
    assert set("".join(lines)) <= BLOCKS and any("█" in line for line in lines)


def test_scale_two_draws_each_pixel_twice_as_wide_and_a_row_high() -> None:
    small, large = bigtext.render("ABC", 200, 1), bigtext.render("ABC", 200, 2)
    assert small is not None and large is not None
    assert len(large) == 2 * len(small) and max(map(len, large)) == 2 * max(map(len, small))
    assert set("".join(large)) <= {" ", "█"}


def test_text_wraps_by_words_within_the_width() -> None:
    lines = bigtext.render("Moet ik een superheld zijn om inclusief les te geven?", 80, 1)
    assert lines is not None
    assert len(lines) > bigtext.LINE_ROWS[1] and len(lines) % bigtext.LINE_ROWS[1] == 0
    assert max(map(len, lines)) <= 80


def test_a_word_wider_than_the_room_or_a_missing_character_gives_none() -> None:
    assert bigtext.render("Samenwerkingsverbanden", 40, 1) is None
    assert bigtext.render("Leerlingen 😀", 200, 1) is None
    assert not bigtext.can_render("مرحبا") and bigtext.can_render("Één coördinator, ideeën!")


def test_an_accent_sits_in_the_row_above_the_capital() -> None:
    plain, accented = bigtext.render("E", 20, 2), bigtext.render("É", 20, 2)
    assert plain is not None and accented is not None
    assert plain[0].strip() == "" and accented[0].strip() != ""
    assert plain[2:] == accented[2:]


def test_fit_takes_the_largest_scale_that_fits() -> None:
    assert bigtext.fit("Wat werkt?", 200, 20)[0] == 2
    assert bigtext.fit("Wat werkt?", 200, 6)[0] == 1
    assert bigtext.fit("Wat werkt?", 200, 3) == (0, None)


def test_fit_all_puts_a_blank_row_between_texts() -> None:
    scale, lines = bigtext.fit_all(["Een", "Twee"], 100, 20, (1,))
    assert scale == 1 and lines is not None and len(lines) == 2 * bigtext.LINE_ROWS[1] + 1
    assert lines[bigtext.LINE_ROWS[1]] == ""


def test_measure_says_the_rows_render_takes() -> None:
    for text, width, scale in (
        ("Moet ik een superheld zijn om inclusief les te geven?", 80, 1),
        ("Wat werkt?", 60, 2),
        ("Één coördinator", 200, 1),
    ):
        lines = bigtext.render(text, width, scale)
        assert lines is not None and bigtext.measure(text, width, scale) == len(lines)
    assert bigtext.measure("Samenwerkingsverbanden", 40, 1) is None
