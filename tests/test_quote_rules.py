"""The rules that find who said a quotation, each on its own: those that read the subject of a
clause near a quotation, and those around the quotation that decide which clause to read.

A subject rule's test reads a clause up to one token (the steps before it run as they would)
and asks the rule what that token does: name the subject (`Stop`), go on at a later token
(`GoTo`), or not apply (None). An attribution rule's test asks the rule who the words around a
quotation name. The sentences are made up for these tests."""

import pytest

from generator.extract import subjects as rules
from generator.extract.attribution import Attribution
from generator.extract.clauses import NOBODY, Clause, Context, GoTo, Speaker, Stop, Word
from generator.extract.quotemarks import find_quote_spans, mask
from generator.extract.spans import ActorSpan, SpanSet


def spans(text: str, **kinds: list[str]) -> list[ActorSpan]:
    """An actor span for each named surface at its first place in the text; the id is the
    surface in lower case with hyphens (`Bram Hoekstra` → `bram-hoekstra`)."""
    found = []
    for kind, surfaces in kinds.items():
        for surface in surfaces:
            start = text.index(surface)
            found.append(ActorSpan(surface.lower().replace(" ", "-"), kind, start, start + len(surface)))
    return found


def reading(text: str, word: str, *, clause_from: int = 0, person=(), organisation=(), country=(), nth: int = 0,
            **flags) -> tuple[Clause, int, Word | GoTo | Stop]:
    """The clause text[clause_from:], read up to the `nth` token `word`, and that token classified."""
    context = Context(text, SpanSet(), spans(text, person=list(person), organisation=list(organisation), country=list(country)))
    clause = Clause(context, clause_from, len(text), **flags)
    at = [k for k, token in enumerate(clause.tokens) if token.group() == word][nth]
    i = 0
    while i < at:
        done = rules.step(clause, i)
        assert isinstance(done, GoTo), f"reading stopped at {clause.tokens[i].group()!r}"
        i = done.index
    assert i == at, "the token was skipped"
    return clause, i, rules.classify(clause, i)


def apply(rule, text: str, word: str, **kwargs):
    clause, i, read = reading(text, word, **kwargs)
    assert isinstance(read, Word)
    return rule(clause, i, read), clause, i


def speaker(actor_id: str) -> Stop:
    return Stop(Speaker(actor_id))


# --- the token classifier ------------------------------------------------------------


def test_classify_passes_over_quotations_and_brackets():
    text = "De „gemiste kans” (opnieuw) kwam"
    clause, i, read = reading(text, "„gemiste kans”")
    assert read == GoTo(i + 1)
    clause, i, read = reading(text, "(")
    assert read == GoTo(i + 1)


def test_classify_ends_the_words_after_a_verb_at_a_comma_or_a_clause_word():
    assert reading(", toen het stil werd", ",", after=True)[2] == GoTo(1)  # no word yet: go on
    assert reading("later, toen het stil werd", ",", after=True)[2] == Stop(None)
    assert reading("vervolgens dat het niet kon", "dat", after=True)[2] == Stop(None)
    many = "een een een een een een een een negen"
    assert reading(many, "negen", after=True)[2] == Stop(None)


def test_classify_a_comma_closes_a_prepositional_phrase():
    assert reading("Na het overleg, zei zij", "overleg")[0].prep
    clause, i, read = reading("Na het overleg, zei zij", ",")
    assert read == GoTo(i + 1) and not clause.prep


def test_classify_reads_a_mention_joined_by_a_hyphen_as_its_qualifier():
    _, _, read = reading("Een NAVO-woordvoerder bevestigde het.", "NAVO-woordvoerder", organisation=["NAVO"])
    assert isinstance(read, Word)
    assert read.mention is None and read.qualifier.actor_id == "navo" and read.lower == "woordvoerder"


def test_classify_gives_the_mention_that_is_the_whole_token():
    _, _, read = reading("Bram Hoekstra zei het.", "Bram", person=["Bram Hoekstra"])
    assert read.mention.actor_id == "bram-hoekstra" and read.qualifier is None


# --- mention rules ---------------------------------------------------------------------


def test_member_of_party_named_next():
    text = "zei sp.a’er Bram Hoekstra later"
    found, clause, _ = apply(rules.member_of_party, text, "sp", after=True, organisation=["sp.a"], person=["Bram Hoekstra"])
    assert found == GoTo([t.group() for t in clause.tokens].index("Bram"))


def test_member_of_party_not_named_is_nobody():
    found, _, _ = apply(rules.member_of_party, "zei een sp.a’er die er was", "sp", after=True, organisation=["sp.a"])
    assert found == Stop(NOBODY)


def test_member_of_party_applies_to_organisations_only():
    found, _, _ = apply(rules.member_of_party, "Bram Hoekstra zei het", "Bram", person=["Bram Hoekstra"])
    assert found is None


def test_person_named_is_the_subject():
    found, _, _ = apply(rules.person_named, "Marieke Dijkstra zei het.", "Marieke", person=["Marieke Dijkstra"])
    assert found == speaker("marieke-dijkstra")


def test_person_named_with_a_plural_verb_is_one_of_a_group():
    found, _, _ = apply(rules.person_named, "Marieke Dijkstra en anderen", "Marieke", person=["Marieke Dijkstra"], plural=True)
    assert found == Stop(NOBODY)


def test_person_named_in_a_prepositional_phrase_is_passed_over():
    found, _, i = apply(rules.person_named, "Na Marieke Dijkstra sprak hij", "Marieke", person=["Marieke Dijkstra"])
    assert found == GoTo(i + 2)


def test_role_as_organisation_refers_back_to_the_person_before():
    text = "Bram Hoekstra is terug. De Minister van Defensie zei het"
    found, _, _ = apply(rules.role_as_organisation, text, "Minister", clause_from=text.index("De"),
                        person=["Bram Hoekstra"], organisation=["Minister van Defensie"])
    assert found == speaker("bram-hoekstra")


def test_role_as_organisation_needs_a_role_word():
    found, _, _ = apply(rules.role_as_organisation, "De NAVO zei het", "NAVO", organisation=["NAVO"])
    assert found is None


def test_country_adjective_waits_for_its_noun():
    found, clause, i = apply(rules.country_adjective, "De Franse regering liet weten", "Franse", country=["Franse"])
    assert found == GoTo(i + 1) and clause.pending == "franse"


def test_organisation_named_is_the_subject():
    found, _, _ = apply(rules.organisation_named, "De NAVO liet weten dat", "NAVO", organisation=["NAVO"])
    assert found == speaker("navo")


def test_organisation_after_an_indefinite_article_is_nobody_named():
    found, _, _ = apply(rules.organisation_named, "Een NAVO zonder Amerika", "NAVO", organisation=["NAVO"])
    assert found == Stop(NOBODY)


def test_organisation_in_lower_case_after_a_country_adjective_is_the_country():
    text = "Het Russische ministerie van Defensie meldde"
    found, _, _ = apply(rules.organisation_named, text, "ministerie", country=["Russische"],
                        organisation=["ministerie van Defensie"])
    assert found == speaker("russische")


# --- word rules ------------------------------------------------------------------------


def test_pronoun_refers_back_to_the_person_named_last():
    text = "Marieke Dijkstra kwam binnen. Hij of zij zei"
    found, _, _ = apply(rules.pronoun, text, "Hij", clause_from=text.index("Hij"), person=["Marieke Dijkstra"])
    assert found == speaker("marieke-dijkstra")


def test_pronoun_with_a_plural_verb_is_a_group():
    text = "Marieke Dijkstra kwam binnen. Zij zijn het eens"
    found, _, _ = apply(rules.pronoun, text, "Zij", clause_from=text.index("Zij"), person=["Marieke Dijkstra"])
    assert found == Stop(NOBODY)


def test_object_pronoun_counts_only_after_volgens():
    text = "Marieke Dijkstra sprak. Volgens haar"
    start = text.index("haar")
    assert apply(rules.pronoun, text, "haar", clause_from=start, person=["Marieke Dijkstra"], volgens=True)[0] \
        == speaker("marieke-dijkstra")
    assert apply(rules.pronoun, text, "haar", clause_from=start, person=["Marieke Dijkstra"])[0] is None


def test_die_opening_a_clause_with_a_verb():
    text = "Bram Hoekstra kwam binnen. Die zei"
    found, _, _ = apply(rules.die_opening, text, "Die", clause_from=text.index("Die"), person=["Bram Hoekstra"])
    assert found == speaker("bram-hoekstra")
    assert apply(rules.die_opening, "Die kwestie bleef", "Die")[0] is None


def test_indefinite_marks_who_follows_as_unnamed():
    found, clause, i = apply(rules.indefinite, "Enkele deskundigen", "Enkele")
    assert found == GoTo(i + 1) and clause.indefinite


def test_a_spokesperson_joined_to_an_organisation_is_nobody_named():
    found, _, _ = apply(rules.spokesperson, "Een NAVO-woordvoerder bevestigde", "NAVO-woordvoerder", organisation=["NAVO"])
    assert found == Stop(NOBODY)


def test_a_spokesperson_of_an_organisation_is_nobody_named_not_the_organisation():
    found, clause, _ = apply(rules.spokesperson, "Een woordvoerder van de NAVO", "woordvoerder", organisation=["NAVO"])
    assert found == Stop(NOBODY)
    assert rules.subject(clause.context, 0, len(clause.text)) == NOBODY


def test_spokesperson_named_next_is_no_owner():
    found, clause, _ = apply(rules.spokesperson, "woordvoerder Bram Hoekstra", "woordvoerder", person=["Bram Hoekstra"])
    assert isinstance(found, GoTo) and not clause.owner


def test_office_speaks_for_its_owner():
    found, clause, i = apply(rules.office, "Het kantoor van Marieke Dijkstra", "kantoor", person=["Marieke Dijkstra"])
    assert found == GoTo(i + 1) and clause.owner
    assert rules.subject(clause.context, 0, len(clause.text)) == Speaker("marieke-dijkstra")


def test_office_in_a_prepositional_phrase_does_not_apply():
    assert apply(rules.office, "Uit het kantoor kwam", "kantoor")[0] is None


def test_unnamed_sources():
    assert apply(rules.unnamed, "Ingewijden melden", "Ingewijden")[0] == Stop(NOBODY)
    assert apply(rules.unnamed, "Een EU-diplomaat", "EU-diplomaat", organisation=["EU"])[0] == Stop(NOBODY)


def test_unnamed_source_named_next_goes_on():
    found, _, i = apply(rules.unnamed, "oud-diplomaat Bram Hoekstra", "oud-diplomaat", person=["Bram Hoekstra"])
    assert found == GoTo(i + 1)


def test_institution_of_a_country_adjective():
    found, _, _ = apply(rules.institution, "De Franse regering liet weten", "regering", country=["Franse"])
    assert found == speaker("franse")
    assert apply(rules.institution, "De regering liet weten", "regering")[0] is None


def test_counterpart_named_next_or_not_at_all():
    text = "Haar Belgische collega Bram Hoekstra"
    found, _, i = apply(rules.counterpart, text, "collega", person=["Bram Hoekstra"])
    assert found == GoTo(i + 1)
    assert apply(rules.counterpart, "Haar Belgische collega", "collega")[0] == Stop(NOBODY)


def test_role_followed_by_the_name():
    found, clause, _ = apply(rules.role, "De minister Bram Hoekstra", "minister", person=["Bram Hoekstra"])
    assert found == GoTo([t.group() for t in clause.tokens].index("Bram"))


def test_role_with_its_complement_and_the_name_between_commas():
    text = "De premier van Nederland, Bram Hoekstra, zei"
    found, clause, _ = apply(rules.role, text, "premier", person=["Bram Hoekstra"], country=["Nederland"])
    assert found == GoTo([t.group() for t in clause.tokens].index("Bram"))


def test_bare_role_refers_back():
    text = "Marieke Dijkstra landde. De minister zei"
    found, _, _ = apply(rules.role, text, "minister", clause_from=text.index("De"), person=["Marieke Dijkstra"])
    assert found == speaker("marieke-dijkstra")


def test_role_of_someone_unnamed_or_unknown_is_nobody():
    assert apply(rules.role, "Een minister zei", "minister")[0] == Stop(NOBODY)
    assert apply(rules.role, "De minister Sanne Onbekend", "minister")[0] == Stop(NOBODY)


def test_preposition_opens_a_phrase_but_not_after_an_office():
    found, clause, i = apply(rules.preposition, "Tijdens het debat", "Tijdens")
    assert found == GoTo(i + 1) and clause.prep
    found, clause, _ = apply(rules.preposition, "Het kantoor van de premier", "van")
    assert isinstance(found, GoTo) and not clause.prep


def test_unknown_name_is_nobody_the_mentions_know():
    assert apply(rules.unknown_name, "zei Sanne Onbekend", "Sanne", after=True)[0] == Stop(NOBODY)
    assert apply(rules.unknown_name, "zei Sanne van Onbekend", "Sanne", after=True)[0] == Stop(NOBODY)


def test_unknown_name_needs_two_capitalised_words_and_not_the_first_of_a_sentence():
    assert apply(rules.unknown_name, "Sanne Onbekend zei", "Sanne")[0] is None
    assert apply(rules.unknown_name, "zei Sanne later", "Sanne", after=True)[0] == GoTo(2)


def test_inverted_verb_after_an_adverb_gives_its_number():
    found, clause, i = apply(rules.inverted_verb, "Toch vinden ze", "vinden")
    assert found == GoTo(i + 1) and clause.plural
    assert rules.subject(clause.context, 0, len(clause.text)) == NOBODY
    found, clause, _ = apply(rules.inverted_verb, "Toch vindt ze", "vindt")
    assert isinstance(found, GoTo) and not clause.plural


def test_verb_before_the_subject_ends_the_clause_without_one():
    found, _, _ = apply(rules.verb_before_subject, "De politie arresteerde Bram Hoekstra", "politie", person=["Bram Hoekstra"])
    assert found == Stop(None)


@pytest.mark.parametrize(("text", "word"), [("De nieuwe minister", "nieuwe"), ("De oud minister", "oud"),
                                            ("De vijftig-jarige minister", "vijftig-jarige")])
def test_words_that_may_stand_before_a_subject(text, word):
    assert apply(rules.verb_before_subject, text, word)[0] is None


# --- a whole clause ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "people", "expected"),
    [
        ("Kamerlid Marieke Dijkstra zei", ["Marieke Dijkstra"], Speaker("marieke-dijkstra")),
        ("Ook de nieuwe minister Marieke Dijkstra", ["Marieke Dijkstra"], Speaker("marieke-dijkstra")),
        ("Bronnen rond het kabinet", [], NOBODY),
        ("De boer verkocht zijn koeien", [], None),
    ],
)
def test_subject_of_a_clause(text, people, expected):
    context = Context(text, SpanSet(), spans(text, person=people))
    assert rules.subject(context, 0, len(text)) == expected


# --- the rules around a quotation (attribution) -----------------------------------------------


def attribution_of(text: str, person=(), organisation=()) -> tuple[Attribution, list]:
    quotations = find_quote_spans(text)
    return Attribution(text, quotations, spans(text, person=list(person), organisation=list(organisation))), quotations


def sentence_rule(rule_name: str, text: str, before: str, **kinds) -> Speaker | None:
    """A rule that reads the part of `text` before the first quotation that starts with `before`."""
    attribution, quotations = attribution_of(text, **kinds)
    start, end = text.index(before), quotations[0].start
    return getattr(attribution, rule_name)(mask(text[start:end]), start, end)


def test_verb_after_the_quotation():
    text = "„We gaan door met de steun”, zei Marieke Dijkstra."
    attribution, quotations = attribution_of(text, person=["Marieke Dijkstra"])
    assert attribution.verb_after(quotations[0]) == Speaker("marieke-dijkstra")


def test_verb_after_the_quotation_with_a_source_nobody_knows():
    text = "„We gaan door met de steun”, aldus het ministerie."
    attribution, quotations = attribution_of(text)
    assert attribution.verb_after(quotations[0]) == NOBODY


def test_verb_after_the_quotation_impersonal():
    text = "„Het is nog te vroeg voor een oordeel”, klinkt het in de Kamer."
    attribution, quotations = attribution_of(text)
    assert attribution.verb_after(quotations[0]) == NOBODY


def test_document_names_who_issued_it():
    text = "„Alle bondgenoten staan achter dit besluit”, staat in de verklaring van de NAVO."
    attribution, quotations = attribution_of(text, organisation=["NAVO"])
    assert attribution.verb_after(quotations[0]) == Speaker("navo")


def test_reporting_verb_before_the_quotation():
    text = "Bram Hoekstra zei: „Dit plan werkt niet.”"
    assert sentence_rule("reporting_verb", text, "Bram", person=["Bram Hoekstra"]) == Speaker("bram-hoekstra")


def test_reporting_verb_after_a_comma_is_followed_by_its_subject():
    text = "De boeren, zei Bram Hoekstra, „willen vooral zekerheid over de komende jaren”."
    assert sentence_rule("reporting_verb", text, "De", person=["Bram Hoekstra"]) == Speaker("bram-hoekstra")


def test_volgens():
    text = "Volgens Marieke Dijkstra is het „een kwestie van tijd voordat het misgaat”."
    assert sentence_rule("volgens", text, "Volgens", person=["Marieke Dijkstra"]) == Speaker("marieke-dijkstra")


def test_colon_after_the_subject():
    text = "Marieke Dijkstra: „Wij stemmen tegen dit voorstel.”"
    assert sentence_rule("colon", text, "Marieke", person=["Marieke Dijkstra"]) == Speaker("marieke-dijkstra")


def test_colon_after_a_joined_clause_takes_its_subject():
    text = "Bram Hoekstra was voor, terwijl Marieke Dijkstra garanties wilde: „Eerst geld, dan steun.”"
    found = sentence_rule("colon", text, "Bram", person=["Bram Hoekstra", "Marieke Dijkstra"])
    assert found == Speaker("marieke-dijkstra")


def test_about_the_one_person_the_sentence_names():
    text = "Kamerlid Marieke Dijkstra is tevreden over „de eerste stap naar een betere regeling”."
    assert sentence_rule("about", text, "Kamerlid", person=["Marieke Dijkstra"]) == Speaker("marieke-dijkstra")


def test_about_nobody_when_the_sentence_names_someone_else_too():
    text = "Marieke Dijkstra sprak met Bram Hoekstra over „de eerste stap naar een betere regeling”."
    assert sentence_rule("about", text, "Marieke", person=["Marieke Dijkstra", "Bram Hoekstra"]) is None


def test_about_not_in_a_passive_sentence():
    text = "Marieke Dijkstra werd bekritiseerd om „een plan zonder enige onderbouwing”."
    assert sentence_rule("about", text, "Marieke", person=["Marieke Dijkstra"]) is None


def test_sentence_before_a_quotation_that_opens_its_sentence():
    text = "Kamerlid Bram Hoekstra is tevreden. „Dit is wat we wilden bereiken.”"
    attribution, quotations = attribution_of(text, person=["Bram Hoekstra"])
    span = quotations[0]
    assert attribution.sentence_before(span, attribution.sentence_start(span.start), True) == Speaker("bram-hoekstra")


def test_sentence_before_across_a_paragraph_needs_a_reporting_verb():
    text = "Kamerlid Bram Hoekstra is tevreden.\n\n„Dit is wat we wilden bereiken.”"
    attribution, quotations = attribution_of(text, person=["Bram Hoekstra"])
    span = quotations[0]
    assert attribution.sentence_before(span, attribution.sentence_start(span.start), True) is None


def test_a_fragment_goes_on_with_the_sentence_before_it():
    text = "Bram Hoekstra riep op tot steun. En om druk te zetten. „Het moet nu gebeuren.”"
    attribution, quotations = attribution_of(text, person=["Bram Hoekstra"])
    span = quotations[0]
    assert attribution.sentence_before(span, attribution.sentence_start(span.start), True) == Speaker("bram-hoekstra")


def test_headline_quotation_belongs_to_the_person_below_it():
    text = "„We houden de grens open”\n\nMinister Marieke Dijkstra bezocht dinsdag de haven."
    attribution, quotations = attribution_of(text, person=["Marieke Dijkstra"])
    assert attribution.is_headline(quotations[0])
    assert attribution.below_headline(quotations[0]) == Speaker("marieke-dijkstra")
