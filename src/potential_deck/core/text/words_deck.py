"""Words of the deck: its tags (dimensions and core values), the agenda's coverage and the
printed cards, in Dutch and English; part of `i18n.STRINGS`."""

from __future__ import annotations

DECK_STRINGS: dict[str, tuple[str, str]] = {
    # dimensions and core values
    "value.valuing-diversity": ("Waarderen van diversiteit bij leerlingen", "Valuing learner diversity"),
    "value.supporting-all-learners": ("Ondersteunen van alle leerlingen", "Supporting all learners"),
    "value.working-with-others": ("Samenwerken met anderen", "Working with others"),
    "value.professional-development": (
        "Persoonlijke en gezamenlijke professionele ontwikkeling",
        "Personal and collective professional development",
    ),
    "value.none": ("Nog geen kernwaarde", "No core value yet"),
    "dimension.ethnic-cultural": ("etnisch-culturele achtergrond", "ethnic-cultural background"),
    "dimension.socio-economic": ("socio-economische status", "socio-economic status"),
    "dimension.religion": ("religie", "religion"),
    "dimension.gender": ("gender", "gender"),
    "dimension.disability": ("beperking", "disability"),
    "dimension.intersection": (
        "verschillen die elkaar kruisen (intersectionaliteit)",
        "intersecting differences (intersectionality)",
    ),
    # dimensions added from ProuD to Teach All
    "dimension.language": ("talige achtergrond", "linguistic background"),
    "dimension.gender-identity": (
        "genderidentiteit en seksuele oriëntatie (LGBTIQ+)",
        "gender identity and sexual orientation (LGBTIQ+)",
    ),
    "dimension.family": ("gezinsdiversiteit", "family diversity"),
    "dimension.cognitive": (
        "cognitief functioneren, hoger en lager",
        "cognitive functioning, higher and lower",
    ),
    # dimensions and core values in a word or two, for the agenda list
    "dimension.short.ethnic-cultural": ("etnisch-cultureel", "ethnic-cultural"),
    "dimension.short.language": ("taal", "language"),
    "dimension.short.socio-economic": ("socio-economisch", "socio-economic"),
    "dimension.short.religion": ("religie", "religion"),
    "dimension.short.gender": ("gender", "gender"),
    "dimension.short.gender-identity": ("LGBTIQ+", "LGBTIQ+"),
    "dimension.short.family": ("gezin", "family"),
    "dimension.short.cognitive": ("cognitief", "cognitive"),
    "dimension.short.disability": ("beperking", "disability"),
    "dimension.short.intersection": ("intersectionaliteit", "intersectionality"),
    "value.short.valuing-diversity": ("diversiteit waarderen", "valuing diversity"),
    "value.short.supporting-all-learners": ("alle leerlingen ondersteunen", "supporting all learners"),
    "value.short.working-with-others": ("samenwerken", "working with others"),
    "value.short.professional-development": ("professionele ontwikkeling", "professional development"),
    # the agenda's coverage (new-session form)
    "coverage.dimensions": ("Dimensies: {names}", "Dimensions: {names}"),
    "coverage.values": ("Kernwaarden: {names}", "Core values: {names}"),
    "coverage.none": ("geen", "none"),
    "coverage.missing": ("nog niet: {names}", "not yet: {names}"),
    "coverage.all": ("alle", "all"),
    # printed cards for pair work
    "cards.title": ("Kaarten: {deck}", "Cards: {deck}"),
    "cards.questions": ("Richtvragen", "Guide questions"),
    "cards.tip": ("Tip voor de begeleider", "Tip for the facilitator"),
    "cards.export": (
        "Kaarten afdrukken (HTML, {per_page} per blad)",
        "Print the cards (HTML, {per_page} per page)",
    ),
    "cards.export_help": (
        "De kaarten van de agenda als één HTML-bestand om af te drukken voor werk in duo's of groepjes",
        "The agenda's cards as one HTML file to print for work in pairs or small groups",
    ),
    "cards.file": ("kaarten", "cards"),
}
"""Every key here has both languages; `core.text.i18n` checks the placeholders match."""
