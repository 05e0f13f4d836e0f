"""The session TOML writer: whatever it writes, tomllib reads back the same."""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from potential_deck.core.session.toml_write import dumps

SCALARS = st.one_of(
    st.text(),
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False, allow_infinity=False),
    st.dates(),
)
KEYS = st.text(min_size=1, max_size=8)
TREES = st.recursive(
    st.dictionaries(KEYS, st.one_of(SCALARS, st.lists(st.text(), max_size=3)), max_size=4),
    lambda children: st.dictionaries(KEYS, st.one_of(children, st.lists(children, max_size=3)), max_size=4),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(tree=TREES)
def test_any_tree_reads_back_the_same(tree: dict) -> None:
    assert tomllib.loads(dumps(tree)) == tree


def test_hostile_strings_and_nested_tables() -> None:
    data = {
        "a": 'x"""y\\z\r\n\x00\x7f\t\x1b',
        "when": dt.datetime(2026, 11, 23, 14, 30, tzinfo=dt.UTC),
        "cards": {"een kaart": {"free": "", "fields": {}, "growth": [{"text": "g"}]}},
        "empty": [],
    }
    text = dumps(data)
    assert tomllib.loads(text) == data
    assert '"een kaart"' in text and '[[cards."een kaart".growth]]' in text


def test_a_key_ending_in_a_newline_is_quoted() -> None:
    assert tomllib.loads(dumps({"0\n": "", "a b": 1})) == {"0\n": "", "a b": 1}
