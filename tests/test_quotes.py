"""Quotations and their speakers, by Dutch reporting patterns."""

import re

import pytest

from generator.extract.quotes import find_quotes
from generator.extract.spans import ActorSpan


def mentions(text, people=(), orgs=(), countries=None):
    """Mentions of each name wherever it stands; a person's or organisation's id is its last word,
    a country's is given ({"Franse": "frankrijk"})."""
    found = []
    for kind, names in (("person", people), ("organisation", orgs)):
        for name in names:
            for m in re.finditer(re.escape(name), text):
                found.append(ActorSpan(name.split()[-1].lower(), kind, m.start(), m.end()))
    for name, actor_id in (countries or {}).items():
        for m in re.finditer(re.escape(name), text):
            found.append(ActorSpan(actor_id, "country", m.start(), m.end()))
    return sorted(found, key=lambda m: m.start)


def speakers(text, **names):
    return [speaker for speaker, _ in find_quotes(text, mentions(text, **names))]


@pytest.mark.parametrize(
    ("text", "people", "speaker"),
    [
        ("“We hebben al een nucleaire afschrikking”, zei Stoltenberg vrijdag.", ["Stoltenberg"], "stoltenberg"),
        ("„Als de Fransen willen, zijn ze welkom”, aldus Stoltenberg.", ["Stoltenberg"], "stoltenberg"),
        ("Macron sprak. “Het is niet unaniem,” verklaarde hij donderdag.", ["Macron"], "macron"),
        ('Rutte zei: "We moeten meer doen voor onze veiligheid."', ["Rutte"], "rutte"),
        ("Volgens Rutte zijn de plannen “niet ambitieus genoeg voor Europa”.", ["Rutte"], "rutte"),
        ("Stoltenberg sprak. Volgens de NAVO-baas is “de drempel voor het gebruik van kernwapens” lager.", ["Stoltenberg"], "stoltenberg"),
        ("‘Dit is een cruciaal moment voor Europa’, staat in de verklaring.", [], None),
        # The office of a named person speaks for that person (tests/eval/cases/README.md, Quotes).
        ("Het kantoor van Starmer verklaarde: “We kijken naar alle opties voor de troepen.”", ["Starmer"], "starmer"),
    ],
)
def test_speaker(text, people, speaker):
    quotes = find_quotes(text, mentions(text, people))
    assert len(quotes) == 1
    assert quotes[0][0] == speaker


def test_organisation_can_speak():
    text = "“Wij zullen ons aanpassen aan de nieuwe omstandigheden”, aldus de NAVO."
    assert find_quotes(text, mentions(text, orgs=["NAVO"])) == [("navo", "Wij zullen ons aanpassen aan de nieuwe omstandigheden")]


@pytest.mark.parametrize("text", ["Parijs wil een 'Europese' rol.", "Die “hersendood” van de alliantie.", "Een „strategische dialoog” dus."])
def test_scare_quotes_are_not_quotations(text):
    assert find_quotes(text, []) == []


def test_apostrophes_are_not_quotation_marks():
    text = "NAVO's missie en 's avonds Europa’s rol. 'Dit is wel een echte quote van meer woorden', zei Rutte."
    quotes = find_quotes(text, mentions(text, ["Rutte"]))
    assert quotes == [("rutte", "Dit is wel een echte quote van meer woorden")]


def test_quote_over_paragraphs_keeps_its_speaker():
    text = "“Onze soldaten zijn er om te reageren.\n\n“Dus we staan niet aan het front,” zei Macron."
    assert [s for s, _ in find_quotes(text, mentions(text, ["Macron"]))] == ["macron", "macron"]


def test_unattributed_quote_after_an_attributed_one_inherits_within_the_paragraph():
    text = "“Het is niet unaniem,” zei Macron. “We hebben geen unanimiteit nodig.”"
    assert [s for s, _ in find_quotes(text, mentions(text, ["Macron"]))] == ["macron", "macron"]


def test_unclear_speaker_stays_empty():
    text = "Trump sprak. Rutte ook.\n\n“Dit gaat zo niet langer, dat weet iedereen wel.”"
    assert find_quotes(text, mentions(text, ["Trump", "Rutte"])) == [(None, "Dit gaat zo niet langer, dat weet iedereen wel.")]


# --- a reporting verb after the quote ----------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # a pronoun followed by a comma still refers back
        ("Minister Jansen bezocht de kazerne. “We gaan dit samen oplossen”, zegt hij, terwijl hij naar de tanks wijst.",
         {"people": ["Jansen"]}, "jansen"),
        ("Kallas reageerde kort. “Dit is onaanvaardbaar voor de hele Unie”, zei zij.", {"people": ["Kallas"]}, "kallas"),
        # a role word after the verb means the person named before
        ("Premier Frederiksen kwam als laatste aan. “Europa moet sneller beslissen dan nu”, zei de premier.",
         {"people": ["Frederiksen"]}, "frederiksen"),
        ("“Dit is een historische dag voor ons”, schreef Zelensky op Telegram.", {"people": ["Zelensky"]}, "zelensky"),
        ("“De orderboeken zitten vol tot 2030.” Dat zegt directeur Visser van de fabriek.", {"people": ["Visser"]}, "visser"),
        # an unnamed spokesperson is nobody named, not the organisation
        ("“We volgen de situatie nauwlettend”, zei een woordvoerder van de NAVO.", {"orgs": ["NAVO"]}, None),
        ("“We volgen de situatie nauwlettend”, zei een NAVO-woordvoerder.", {"orgs": ["NAVO"]}, None),
        ("“We volgen de situatie nauwlettend”, zei NAVO-woordvoerder Piet de Graaf.", {"orgs": ["NAVO"], "people": ["Piet de Graaf"]}, "graaf"),
        ("“De dreiging is reëel en groeit snel”, staat in de verklaring van de NAVO.", {"orgs": ["NAVO"]}, "navo"),
    ],
)
def test_reporting_verb_after_the_quote(text, names, speaker):
    assert speakers(text, **names) == [speaker]


# --- the sentence before the quote -------------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        ("Kallas: “Wij laten Oekraïne niet in de steek.”", {"people": ["Kallas"]}, "kallas"),
        # volgens X, also when a preposition follows the name
        ("Het ging volgens Moskou om “een vergeldingsactie voor de aanvallen op de brug”.", {"countries": {"Moskou": "rusland"}}, "rusland"),
        # the subject after an inverted verb
        ("Scholz sprak kort. Later zei hij dat Berlijn “altijd klaarstaat voor zijn partners”.",
         {"people": ["Scholz"], "countries": {"Berlijn": "duitsland"}}, "scholz"),
        ("In een verklaring zei het ministerie: “We onderzoeken wat er precies is gebeurd.”", {"orgs": ["ministerie"]}, "ministerie"),
        # a parenthetical `zei zij` between the subject of the sentence and the quote
        ("Kallas sprak in Brussel. De NAVO, zei zij, blijft “de hoeksteen van onze gezamenlijke veiligheid”.",
         {"people": ["Kallas"], "orgs": ["NAVO"]}, "kallas"),
        # a verb with an object before the quote: noemde, sprak van, veroordeelde, waarschuwde voor
        ("De Deense premier Mette Frederiksen noemde het besluit “een keerpunt voor heel Europa”.",
         {"people": ["Mette Frederiksen"], "countries": {"Deense": "denemarken"}}, "frederiksen"),
        ("Generaal Smit sprak van “de grootste oefening sinds de Koude Oorlog”.", {"people": ["Smit"]}, "smit"),
        ("Premier Van Dijk veroordeelde de aanval “in de scherpst mogelijke bewoordingen”.", {"people": ["Van Dijk"]}, "dijk"),
        ("Trump noemde Macron “een zeer onaardige man, echt waar”.", {"people": ["Trump", "Macron"]}, "trump"),
        ("Rutte zei dat Trump “altijd onvoorspelbaar zal blijven”.", {"people": ["Rutte", "Trump"]}, "rutte"),
        # X liet weten dat het “…”: an organisation speaking
        ("Het ministerie van Defensie liet weten dat het “de zorgen van omwonenden serieus neemt”.",
         {"orgs": ["ministerie van Defensie"]}, "defensie"),
        ("De Franse regering verklaarde: “Wij zullen onze bondgenoten niet in de steek laten.”",
         {"countries": {"Franse": "frankrijk"}}, "frankrijk"),
        ("Het Kremlin reageerde woedend: ‘Dit is een directe provocatie van het Westen.’", {"countries": {"Kremlin": "rusland"}}, "rusland"),
        # the pronoun refers to the subject before it, not to the object named later
        ("Poetin reageerde snel. Hij vergeleek Macron met Napoleon en zei dat Parijs “de geschiedenis vergeten is”.",
         {"people": ["Poetin", "Macron"]}, "poetin"),
        # a colon after the subject, and a clause whose subject is a person
        ("Macron was duidelijk: de beslissing blijft “in handen van de president alleen”.", {"people": ["Macron"]}, "macron"),
        ("Macron sprak lang. Toen kwam het belangrijkste: hij had besloten “het debat over de paraplu te openen”.",
         {"people": ["Macron"]}, "macron"),
        # a role in apposition, and a demonstrative `die` for the person named last
        ("De premier, Schoof, zei dat hij “geen enkele reden ziet voor paniek”.", {"people": ["Schoof"]}, "schoof"),
        ("“Wij gaan meer investeren in drones”, zei vrijdag de minister van Defensie, Jansen.", {"people": ["Jansen"]}, "jansen"),
        ("Rutte belde met Macron. Die zei: “Europa moet zelf meer doen voor zijn veiligheid.”", {"people": ["Rutte", "Macron"]}, "macron"),
        # a subordinate or prepositional phrase before the verb, the subject after it
        ("Tegenover Rutte zei Trump dat de NAVO “veel te weinig doet voor de veiligheid”.", {"people": ["Rutte", "Trump"]}, "trump"),
        # a passive sentence: the person is talked about, not speaking
        ("Rutte werd door critici “een slappe bemiddelaar zonder visie” genoemd.", {"people": ["Rutte"]}, None),
    ],
)
def test_sentence_before_the_quote(text, names, speaker):
    assert speakers(text, **names) == [speaker]


@pytest.mark.parametrize(
    ("text", "names", "speaker"),
    [
        # a paraphrase with a reporting verb, then the quote
        ("Minister Bakker zei dat de steun doorgaat. “We laten niemand in de kou staan.”", {"people": ["Bakker"]}, "bakker"),
        # the one person the sentence before is about
        ("Kamerlid De Boer is kritisch. “Dit plan is te duur en komt te laat.”", {"people": ["De Boer"]}, "boer"),
        # a reporting verb in the paragraph before
        ("Schoof reageerde tevreden op de uitkomst.\n\n“Dit is een goede dag voor Nederland.”", {"people": ["Schoof"]}, "schoof"),
        # the office speaks for the person, also in the sentence before a quote that names nobody
        ("Het kantoor van Starmer verklaarde dat de planners bijeenkomen. Daarbij wordt gekeken naar “alle middelen die Europa kan inzetten”.",
         {"people": ["Starmer"]}, "starmer"),
        # the person in the sentence before is its object, not its subject
        ("De politie arresteerde Jansen op vrijdag. “Wij hebben genoeg bewijs verzameld.”", {"people": ["Jansen"]}, None),
        # two people in the sentence before: unclear
        ("Trump ontmoette Rutte in het Witte Huis. “Dit was een heel goed gesprek over de toekomst.”", {"people": ["Trump", "Rutte"]}, None),
    ],
)
def test_speaker_named_in_the_sentence_before(text, names, speaker):
    assert speakers(text, **names) == [speaker]


def test_pronoun_skips_people_named_inside_a_quotation():
    text = "“Ik heb Poetin gisteren nog gesproken”, zei Macron. Hij voegde eraan toe: “Het gesprek was zakelijk.”"
    assert speakers(text, people=["Poetin", "Macron"]) == ["macron", "macron"]


def test_quote_split_around_the_reporting_verb():
    text = "“Wij zijn er klaar voor,” zei Tusk, “maar we kunnen het niet alleen.”"
    assert speakers(text, people=["Tusk"]) == ["tusk", "tusk"]


def test_follow_up_quote_after_an_attribution_that_names_someone_else():
    text = "Macron gaf niet toe. “Ik blijf bij mijn woorden”, zei hij naast Trump. “We moeten praten over wie de vijand is.”"
    assert speakers(text, people=["Macron", "Trump"]) == ["macron", "macron"]


def test_nested_quote_is_part_of_the_outer_one():
    text = "“Hij zei letterlijk ‘we komen niet’, en dat is teleurstellend”, aldus Rutte."
    assert find_quotes(text, mentions(text, ["Rutte"])) == [("rutte", "Hij zei letterlijk ‘we komen niet’, en dat is teleurstellend")]


@pytest.mark.parametrize("text", ["De zogeheten ‘coalition of the willing’ komt donderdag bijeen.", "Ook de 'coalition of the willing' zelf."])
def test_terms_in_quotation_marks_are_not_quotations(text):
    assert find_quotes(text, []) == []


# --- sources the text leaves unnamed ----------------------------------------


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # an unnamed source is not the organisation in its description, and what follows it is not Rutte's
        ("Rutte was er ook. “Niemand wil de eerste zijn”, zei een EU-diplomaat. “Anders blijven we afhankelijk.”",
         {"people": ["Rutte"], "orgs": ["EU"]}, [None, None]),
        ("Rutte was er ook. “Niemand wil de eerste zijn”, zegt een ingewijde op het ministerie van Defensie.",
         {"people": ["Rutte"], "orgs": ["ministerie van Defensie"]}, [None]),
        ("Scholz sprak. „Dit is pas het begin van de hervorming“, klinkt het in Berlijn.",
         {"people": ["Scholz"], "countries": {"Berlijn": "duitsland"}}, [None]),
        ("“We kunnen honderd mensen aannemen”, zegt Visser. ‘Het is een race tegen de klok’, hoor je op de beurs.",
         {"people": ["Visser"]}, ["visser", None]),
        # zij/ze with a plural verb is a group
        ("Rutte en Macron spraken elkaar. “Wij staan schouder aan schouder”, zeiden ze.", {"people": ["Rutte", "Macron"]}, [None]),
        ("Rutte sprak met de ministers. Zij zijn het eens: “We staan schouder aan schouder met Kyiv.”", {"people": ["Rutte"]}, [None]),
        # a person the mentions do not know is not the last person they know
        ("Rutte opende de top. “Dit is niet genoeg voor Europa”, zegt Anna Kowalski, onderzoeker bij een denktank. "
         "Volgens haar is de norm “een politiek compromis zonder plan”.", {"people": ["Rutte"]}, [None, None]),
        ("Rutte sprak eerst. De Franse minister Jean Dupont waarschuwde voor “een gevaarlijke wapenwedloop in Europa”.",
         {"people": ["Rutte"], "countries": {"Franse": "frankrijk"}}, [None]),
    ],
)
def test_unnamed_sources_stay_empty(text, names, expected):
    assert speakers(text, **names) == expected


def test_headline_quote_belongs_to_the_person_introduced_below_it():
    text = " date 2025-03\n‘We moeten sneller leren vechten’\n\nKolonel Bakker leidt sinds maart de brigade in Litouwen. Een gesprek."
    assert speakers(text, people=["Bakker"]) == ["bakker"]
    text = "‘We moeten sneller leren vechten’\n\nDe brigade oefent in Litouwen met Bakker en Smit."
    assert speakers(text, people=["Bakker", "Smit"]) == [None]


def quotes_of(text, **names):
    return find_quotes(text, mentions(text, **names))


def test_speaker_labels_in_a_debate_report_give_each_turn_its_speaker():
    text = ("Voorzitter: Hoogkamp\n\nDe voorzitter:\nIk open de vergadering van vandaag.\n\n"
            "De heer Wiersma (CDA):\nWij steunen dit voorstel van harte.\n\n"
            "Minister Terpstra:\nDat neem ik mee naar het kabinet.\n\n"
            "WIERSMA: Dank u wel, dat is helder.")
    assert quotes_of(text, people=["Hoogkamp", "Wiersma", "Terpstra"]) == [
        ("hoogkamp", "Ik open de vergadering van vandaag."),
        ("wiersma", "Wij steunen dit voorstel van harte."),
        ("terpstra", "Dat neem ik mee naar het kabinet."),
        ("wiersma", "Dank u wel, dat is helder."),
    ]


def test_a_transcript_label_of_a_surname_or_given_name_is_the_person_named_in_full_elsewhere():
    text = ("Sprekers: Anouk Brink (presentatie), Joris Veldman (hoogleraar).\n\n"
            "Anouk:\nWat betekent dit voor de krijgsmacht?\n\n"
            "Veldman:\nDat de voorraden snel moeten groeien.")
    assert quotes_of(text, people=["Anouk Brink", "Joris Veldman"]) == [
        ("brink", "Wat betekent dit voor de krijgsmacht?"), ("veldman", "Dat de voorraden snel moeten groeien.")]


def test_a_label_that_names_nobody_the_text_knows_is_no_turn():
    text = "Betreft: de voorraad munitie\n\nOnderwerp: de begroting voor volgend jaar"
    assert quotes_of(text) == []


def test_interview_answers_are_the_interviewees_and_questions_are_not():
    text = ("Minister Terpstra: ‘We leveren wat we kunnen, en snel.’\n\n"
            "Hoe lang houdt de steun nog stand?\n\n"
            "‘Zolang het nodig is. Daar twijfelt niemand aan.\n\n"
            "Wat vindt u van de kritiek?\n\n"
            "'Die begrijp ik wel, maar ik deel haar niet.'")
    assert quotes_of(text, people=["Terpstra"]) == [
        ("terpstra", "We leveren wat we kunnen, en snel."),
        ("terpstra", "Zolang het nodig is. Daar twijfelt niemand aan."),
        ("terpstra", "Die begrijp ik wel, maar ik deel haar niet."),
    ]


def test_interview_answers_stay_without_speaker_when_the_text_attributes_nothing():
    text = "Hoe lang houdt de steun nog stand?\n\n‘Zolang het nodig is. Daar twijfelt niemand aan.’"
    assert quotes_of(text) == [(None, "Zolang het nodig is. Daar twijfelt niemand aan.")]


def test_a_paragraph_opening_with_a_single_mark_and_no_closing_one_is_a_quotation():
    text = "Hoogleraar Veldman is stellig.\n\n‘Het probleem is de voorraad. Die is te klein voor een lange oorlog."
    found = quotes_of(text, people=["Veldman"])
    assert [q for _, q in found] == ["Het probleem is de voorraad. Die is te klein voor een lange oorlog."]
    # An apostrophe opening a word is no quotation mark.
    assert quotes_of("'s Avonds is het stil op de basis, zei Veldman.", people=["Veldman"]) == []


def test_an_interviewer_who_addresses_the_interviewee_asks_even_without_a_question_mark():
    text = ("Kolonel Bakker: ‘De oefening in Litouwen liep goed.’\n\n"
            "U bent al twintig jaar militair, en de dreiging is nu groter dan ooit.\n\n"
            "‘Dat klopt. We moeten ons beter voorbereiden.’")
    assert quotes_of(text, people=["Bakker"])[-1] == ("bakker", "Dat klopt. We moeten ons beter voorbereiden.")


def test_answers_of_an_interview_that_quotes_nobody_by_name_are_the_one_person_it_introduces():
    text = ("Hoogleraar Veldman schreef een boek over de voorraad munitie. Een gesprek.\n\n"
            "Waarom nu dit boek?\n\n‘Omdat de voorraden te klein zijn.’\n\n"
            "U waarschuwt al jaren.\n\n‘Ja, en eindelijk luistert men.’")
    assert [s for s, _ in quotes_of(text, people=["Veldman"])] == ["veldman", "veldman"]
    # Two people introduced: the text does not say which one answers.
    two = text.replace("Hoogleraar Veldman schreef", "Hoogleraar Veldman en kolonel Bakker schreven")
    assert [s for s, _ in quotes_of(two, people=["Veldman", "Bakker"])] == [None, None]
    # One answer alone is too little to call the text an interview.
    one = "Hoogleraar Veldman schreef een boek.\n\nWaarom nu?\n\n‘Omdat het moet.’"
    assert quotes_of(one, people=["Veldman"]) == [(None, "Omdat het moet.")]


def test_low_opening_marks_of_older_typesetting_are_quotation_marks():
    # `,,…''` as regional papers print them; a closing `''` may be missing at the paragraph's end.
    text = ("Minister Vos ziet geen reden tot paniek. Toch zegt ze: ,,We houden de oostgrens goed in de gaten''. "
            ",,De radar heeft prima gewerkt.'' Volgens Vos ,,neemt de dreiging wel iets toe")
    quotes = find_quotes(text, mentions(text, ["Vos"]))
    assert quotes == [("vos", "We houden de oostgrens goed in de gaten"), ("vos", "De radar heeft prima gewerkt."),
                      ("vos", "neemt de dreiging wel iets toe")]


def test_an_apostrophe_inside_a_single_quoted_quotation_does_not_close_it():
    text = "'Wij vervangen als laatste onze F-16's, en dat is te laat', zei Peeters. ‘Zo’n besluit kost jaren’, zei hij."
    quotes = find_quotes(text, mentions(text, ["Peeters"]))
    assert quotes == [("peeters", "Wij vervangen als laatste onze F-16's, en dat is te laat"), ("peeters", "Zo’n besluit kost jaren")]


def test_a_pronoun_after_an_opening_adverb_and_its_verb_is_the_subject():
    text = "Dat meldt minister Vos. Toch maakt ze zich geen zorgen over de vluchten, “want we waren op tijd ter plaatse”."
    assert speakers(text, people=["Vos"]) == ["vos"]


def test_a_plural_verb_before_ze_is_a_group_not_a_person():
    text = "Dat meldt minister Vos. Toch maken ze zich geen zorgen over de vluchten, “want we waren op tijd ter plaatse”."
    assert speakers(text, people=["Vos"]) == [None]


def test_a_party_member_word_before_a_name_names_the_person_not_the_party():
    text = "'Niemand vertrouwt nog de cijfers van de legertop', zei sp.a'er Karel Peeters. “Het is te laat,” zei een VVD’er."
    assert speakers(text, people=["Karel Peeters"], orgs=["sp.a", "VVD"]) == ["peeters", None]


def test_denkt_reports_who_thinks_so():
    text = "De Russen wilden zien hoe snel Nederland reageert, denkt minister Vos. “Het was een test van onze paraatheid.”"
    assert speakers(text, people=["Vos"], countries={"Russen": "rusland", "Nederland": "nederland"}) == ["vos"]


def test_an_opening_curly_mark_may_close_with_a_straight_one():
    text = "“We willen niet dat het nog verder toeneemt\", zegt Vos. Buren zijn boos.\n\n\"Het lijkt wel alsof de stad gespaard wordt.\""
    # The second quotation opens a paragraph of its own after the first one closed: no one says who speaks.
    assert speakers(text, people=["Vos"]) == ["vos", None]


def test_a_colon_after_a_joined_clause_gives_the_speaker_of_that_clause():
    text = "Minister Vos was meteen voor, terwijl minister Peeters eerst garanties wilde: “Zonder steun doen we niet mee.”"
    assert speakers(text, people=["Vos", "Peeters"]) == ["peeters"]


INTERVIEW = (
    "Generaal Anna Vos leidt sinds maart de missie.\n\n"
    "Hoe gaat het met de troepen?\n\n"
    "‘Goed, ze zijn gemotiveerd en goed getraind voor deze taak.’\n\n"
    "Is de steun van de bondgenoten voldoende?\n\n"
    "‘Die kan altijd beter, maar we redden het voorlopig wel.’\n\n"
    "Critici zeggen dat de missie te lang duurt.\n\n"
    "‘Dat hoor ik vaker, maar het werk is nog niet af.’\n\n"
    "‘We blijven zolang dat nodig is voor de mensen hier.’"
)


def test_an_interviewers_statement_is_answered_like_a_question():
    # Two answered questions make it an interview; the statement put to her and the answer that
    # runs on over the next paragraph are hers too.
    assert speakers(INTERVIEW, people=["Anna Vos"]) == ["vos"] * 4


def test_without_questions_a_statement_before_a_quote_makes_no_interview():
    text = INTERVIEW.replace("Hoe gaat het met de troepen?", "Het gaat goed met de troepen.").replace(
        "Is de steun van de bondgenoten voldoende?", "De steun van de bondgenoten is groot.")
    assert speakers(text, people=["Anna Vos"]) == [None] * 4


def test_a_word_quoted_inside_a_single_quoted_quotation_does_not_end_it():
    text = "‘Wij vragen het de bondgenoten. Die zullen vast ‘nee’ zeggen, en dat begrijp ik’, zegt Vos."
    assert find_quotes(text, mentions(text, ["Vos"])) == [("vos", "Wij vragen het de bondgenoten. Die zullen vast ‘nee’ zeggen, en dat begrijp ik")]


def test_a_counterpart_named_before_a_quote_speaks_and_an_unnamed_one_is_nobody_we_know():
    text = "De Duitse minister was kritisch. Haar Poolse collega Nowak zag er een bewijs in. „Wie niets verbergt, hoeft niets te vrezen.”"
    assert speakers(text, people=["Nowak"]) == ["nowak"]
    text = "Minister Vos was kritisch. Haar Poolse collega zag er een bewijs in. „Wie niets verbergt, hoeft niets te vrezen.”"
    assert speakers(text, people=["Vos"]) == [None]


def test_a_fragment_sentence_goes_on_with_the_sentence_before_it():
    text = ("President Petrenko riep het parlement op tot steun. En om druk te zetten op de regering in Moskou. "
            "“Dit is een oorlog die niet vergeven kan worden.”")
    assert speakers(text, people=["Petrenko"]) == ["petrenko"]


def test_a_speaker_label_before_a_quotation_names_its_speaker_by_given_name():
    text = ("Verslag: Sanne Verbeek en Karim Aziz.\n\n"
            "Sanne: “Ik vroeg hoeveel wapens er precies zijn geleverd aan de groepen ...”\n"
            "Antwoord: “Meer dan dit kan ik er niet over zeggen.”")
    assert speakers(text, people=["Sanne Verbeek", "Karim Aziz"]) == ["verbeek", None]
