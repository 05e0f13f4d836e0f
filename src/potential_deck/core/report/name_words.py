"""Words the anonymiser must tell apart from names (see `core.report.anonymize` for the rule).

`COMMON_WORDS[lang]` holds first names and surnames that are also ordinary words of that
language ("roos", "ben", "will", "an"), folded (lowercase, no accents). Such a name is replaced
only where it is used as a name. `NAME_VERBS[lang]` are verbs that follow a person at the start
of a sentence ("Roos zei", "Will shared"): with one of them, a capitalised first word is a name;
without ("Roos in de klas", "Hope is what we need", "Will you help?"), a word.
Extend the lists here; `tests/test_anonymize_corpus.py` checks that every listed word survives.
"""

from __future__ import annotations

from potential_deck.core.choices import Lang

_NL_FIRST = """
    roos els ben lieve lief fleur linde iris lot toon wil jade amber hoop storm dag lies staf
    joke rosa bloem zon rein bas dries merel madelief jasmijn lente engel mus
"""
_NL_SURNAMES = """
    vos smet bos visser bakker smit kok koning prins paus post wolf vink haan wit zwart groen
    bruin klein groot jong mol kat boer baas beer leeuw vogel vis hoek berg dam dijk beek veld
    broek boom steen hout stam meer laan goud zilver winter zomer lang kort schaap kuiper
    molenaar timmerman koster kramer schipper wagenaar
"""
_EN_FIRST = """
    an will mark hope may can grace joy faith rose lily daisy iris ivy holly hazel heather
    violet ruby pearl amber jade summer april june august dawn eve sky river storm rich frank
    grant chase drew wade miles bill pat sue rob nick jack art guy ray jay sandy rusty penny
    said dean gene glen don page reed rod lot robin sage clay cliff dale gray lane price star
    sunny trust honor justice major rowan sterling wren basil
"""
_EN_SURNAMES = """
    smith baker cook fisher brown green white black young long little stone wood hill bush
    king rice hunter mason shepherd marsh moss noble bird fox wolf lamb bell church hall park
    may day
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


COMMON_WORDS: dict[Lang, frozenset[str]] = {
    "nl": frozenset((_NL_FIRST + _NL_SURNAMES).split()),
    "en": frozenset((_EN_FIRST + _EN_SURNAMES).split()),
}
"""Names that are also ordinary words, per language of the session (folded)."""

NAME_VERBS: dict[Lang, frozenset[str]] = {
    "nl": _words("""
        zei zegt vertelde vertelt vroeg vraagt vond vindt stelde stelt deelde deelt gaf geeft
        merkte merkt legde legt toonde toont bracht brengt werkt werkte neemt nam gaat ging
        komt kwam heeft had antwoordde antwoordt lachte lacht denkt dacht wil wou wilde kan
        kon zal zou moet moest schreef schrijft noemde noemt voegde voegt probeerde probeert
        hielp helpt leidde leidt startte start
    """),
    "en": _words("""
        said says asked asks told tells thinks thought shared shares explained explains
        suggested suggests proposed proposes agreed agrees added adds wants wanted noted
        mentioned mentions felt feels gave gives brought brings works worked took takes went
        goes came comes has had answered answers laughed laughs wrote writes showed shows
        tried tries helped helps led leads started starts
    """),
}
"""Verbs that, right after a capitalised first word, make it a person."""
