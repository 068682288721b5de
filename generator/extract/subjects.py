"""The subject of a clause, read word by word: who a sentence near a quotation says is speaking.

A clause is read token by token. `classify` classifies a token (a quotation, punctuation, a
mention of an actor, a word); then the mention rules or the word rules (`_MENTION_RULES`,
`_WORD_RULES`), tried in order, decide what the token does: name the subject (`Stop`), go on at
a later token (`GoTo`), or not apply (None, and the next rule is tried). A token no rule
takes is passed over.

The subject opens the clause: only articles, adverbs, roles and prepositional phrases may
stand before it. A subject is a person or organisation named, a pronoun (`hij`, `zij`, `Die
zei`: the last person named before it, outside quotations), a role word (`de minister`, `de
NAVO-baas`: the person it names next, or else the last person named before), the office or
office of someone (`het kantoor van X` → X),
and a country adjective before an institution (`de Franse regering` → Frankrijk). A source
that the text leaves unnamed (`een EU-diplomaat`, `een woordvoerder van de NAVO`, `ingewijden`,
`zeiden zij`) or a person the
mentions do not know is `NOBODY`: the speaker stays empty, and no other rule may fill it in.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.extract.clauses import NOBODY, OPENERS, VERB_WORD, Clause, Context, GoTo, Speaker, Step, Stop, Word
from generator.extract.dutch import NATIONALITY, PARTICLE_WORDS, QUOTE_MARKS, is_role_word

# A party member: `VVD'er`, `sp.a’ers`, `D66-er`.
_MEMBER = re.compile(r"(?:['’]|-)?ers?(?![\w-])")
# A plural finite verb after `zij`/`ze`: `zij zijn`, `ze hebben`, `zij vinden`.
_PLURAL_VERB = re.compile(r"zijn|\w+(?:den|ten|ben|gen|len|ken|nen|ren|sen|pen|zen|ven)")

_PRONOUNS = {"hij", "zij", "ze"}
_OBJECT_PRONOUNS = {"haar", "hem"}  # only after `volgens`
_INDEFINITE = {"een", "enkele", "sommige", "meerdere", "verschillende", "diverse", "andere", "anonieme", "twee", "drie"}
_SPOKESPEOPLE = ("woordvoerder", "woordvoerster", "woordvoerders", "zegsman", "zegsvrouw", "voorlichter", "persvoorlichter", "spokesman")
_OFFICES = {"kantoor", "staf", "entourage", "omgeving", "team", "kabinet", "persdienst"}
_INSTITUTIONS = {"regering", "kabinet", "ministerie", "leger", "krijgsmacht", "ambassade", "autoriteiten", "overheid", "delegatie", "strijdkrachten"}
# People the text leaves unnamed.
_UNNAMED = re.compile(
    r"(?:\w+-)?(?:diplomaa?t(?:en)?|functionaris(?:sen)?|ingewijden?|bron(?:nen)?|journalist(?:en)?|vrouw(?:en)?|man(?:nen)?|"
    r"inwoners?|bewoners?|omwonenden?|omstanders?|waarnemers?|critic[iu]s?|deskundigen?|betrokkenen?|insiders?|medewerkers?|"
    r"ambtena(?:a|re)n?|ambtenaar|militairen?|officials?|verantwoordelijken?|kenners?|collega's|iemand|men|velen|sommigen|"
    r"anderen|bondgenoten|lidstaten|landen|leiders|regeringsleiders|ministers|kringen|je)"
)
_PREPOSITIONS = {
    "van", "in", "bij", "met", "tegen", "tegenover", "over", "na", "tijdens", "op", "uit", "voor", "namens", "aan", "door",
    "naar", "tussen", "onder", "zonder", "om", "rond", "achter", "binnen", "buiten", "vanuit", "richting", "sinds", "via",
}
# Words after which the subject of an inverted clause (`zei hij dat`) cannot follow any more.
_STOPS = {"dat", "of", "hoe", "wat", "waarom", "wanneer", "omdat", "terwijl", "toen", "maar", "want", "nadat", "zodat", "die", "dit"}
# Adverbs that open a clause with its verb before the subject: `Toch maakt ze …`, `Daarom wil hij …`.
_INVERTING = {
    "toch", "daarom", "ook", "daarna", "later", "eerder", "toen", "zo", "dan", "nu", "intussen", "daarbij", "bovendien",
    "wel", "gisteren", "vandaag", "vervolgens", "inmiddels", "tegelijk", "tegelijkertijd", "daarnaast", "evenmin", "dus",
}
# Lowercase words that may stand before the subject of a clause: `ook de nieuwe minister X`.
_LEADING = OPENERS | {
    "nieuwe", "voormalige", "oud", "demissionaire", "huidige", "toenmalige", "kersverse", "scheidende", "waarnemend",
    "waarnemende", "plaatsvervangend", "plaatsvervangende", "eerste", "tweede", "zelf", "'s", "meteen", "namelijk",
    "haar", "zijn", "hun",
}
# Someone's counterpart: `haar Oekraïense collega X`, `zijn Franse ambtsgenoot X`.
_COUNTERPARTS = {"collega", "ambtsgenoot", "ambtgenoot", "partijgenoot", "fractiegenoot", "evenknie", "tegenhanger"}
_ADJECTIVE = re.compile(NATIONALITY)


def subject(context: Context, start: int, end: int, *, after: bool = False, plural: bool = False,
            volgens: bool = False) -> Speaker | None:
    """The subject that text[start:end] names, or None when it names none.

    `after`: the words right after a reporting verb or `volgens`, where the subject comes
    within the first few words; `plural`: the verb is plural (a group speaks: nobody named);
    `volgens`: after `volgens`, where `haar` and `hem` are the subject.
    """
    clause = Clause(context, start, end, after=after, plural=plural, volgens=volgens)
    i = 0
    while i < len(clause.tokens):
        done = step(clause, i)
        if isinstance(done, Stop):
            return done.speaker
        i = done.index
    return None


def step(clause: Clause, i: int) -> Step:
    """What token i does: read with `classify`, then the first rule that applies."""
    word = classify(clause, i)
    if isinstance(word, (Stop, GoTo)):
        return word
    rules = _MENTION_RULES if word.mention is not None else _WORD_RULES
    for rule in rules:
        found = rule(clause, i, word)
        if found is not None:
            return found
    return GoTo(i + 1)


def classify(clause: Clause, i: int) -> Word | Step:
    """The token classifier: quotation marks and punctuation are passed over here (a comma ends
    the words after a verb, and any prepositional phrase); a word is counted and looked up."""
    token = clause.tokens[i]
    word = token.group()
    if word[0] in QUOTE_MARKS:
        return GoTo(i + 1)
    if word in ",;:()":
        if clause.after and clause.words and word in ",;:":
            return Stop(None)
        if word in ",;:":
            clause.prep = False
        return GoTo(i + 1)
    clause.words += 1
    lower = word.lower()
    if clause.after and (clause.words > 8 or lower in _STOPS):
        return Stop(None)
    mention = clause.context.index.starting_in(*token.span())
    if mention is not None and (mention.start != token.start() or mention.end < token.end()):
        if mention.start == token.start() and clause.text[mention.end] == "-":
            return Word(token, clause.text[mention.end + 1:token.end()].lower(), qualifier=mention)  # "NAVO-baas", "EU-diplomaat"
        return Word(token, lower)
    return Word(token, lower, mention=mention)


Rule = Callable[[Clause, int, Word], "Step | None"]


# --- mention rules: a token that is the start of a mention ------------------------------


def member_of_party(clause: Clause, i: int, word: Word) -> Step | None:
    """`zei sp.a’er Jan Jansen`: a member of the party, named next or not at all. (Where the party's
    name is one token, `VVD'er` and `D66-er` are one token too, which the word rules read.)"""
    mention = word.mention
    member = _MEMBER.match(clause.text, mention.end) if mention.kind == "organisation" else None
    if not member:
        return None
    j = clause.after_mention(clause.after_mention(i + 1, mention.end), member.end())
    if clause.person_at(j):
        return GoTo(j)
    return GoTo(j) if clause.prep else Stop(NOBODY)


def person_named(clause: Clause, i: int, word: Word) -> Step | None:
    """A person named as the subject (with a plural verb: one of a group, nobody named)."""
    mention = word.mention
    if mention.kind != "person":
        return None
    if not clause.prep or clause.owner:
        return Stop(NOBODY if clause.plural else Speaker(mention.actor_id))
    return GoTo(clause.after_mention(i + 1, mention.end))


def role_as_organisation(clause: Clause, i: int, word: Word) -> Step | None:
    """`Minister van Defensie` matched as the ministry: a role, read as one."""
    mention = word.mention
    if not is_role_word(clause.text[mention.start:mention.end].split()[0]):
        return None
    j = clause.after_mention(i + 1, mention.end)
    return _role(clause, j - 1) or GoTo(j)


def country_adjective(clause: Clause, i: int, word: Word) -> Step | None:
    """`de Franse regering`: the country waits for the institution that follows."""
    mention = word.mention
    if mention.kind != "country" or not _ADJECTIVE.fullmatch(clause.text[mention.start:mention.end]):
        return None
    if not clause.prep:
        clause.pending = mention.actor_id
    return GoTo(clause.after_mention(i + 1, mention.end))


def organisation_named(clause: Clause, i: int, word: Word) -> Step | None:
    """An organisation or country named as the subject; after `een` (`een NAVO-land`) nobody named."""
    mention = word.mention
    if clause.prep and not clause.owner:
        return GoTo(clause.after_mention(i + 1, mention.end))
    if clause.indefinite and not clause.owner:
        return Stop(NOBODY)
    if clause.pending and clause.text[mention.start:mention.start + 1].islower():  # "het Russische ministerie van Defensie"
        return Stop(Speaker(clause.pending))
    return Stop(Speaker(mention.actor_id))


_MENTION_RULES: tuple[Rule, ...] = (member_of_party, person_named, role_as_organisation, country_adjective, organisation_named)


# --- word rules: any other word ---------------------------------------------------------


def pronoun(clause: Clause, i: int, word: Word) -> Step | None:
    """`hij`, `zij` (after `volgens` also `haar`, `hem`): the person named last; `zij zijn`, `zeiden ze`: a group."""
    lower = word.lower
    if not (lower in _PRONOUNS or (clause.volgens and lower in _OBJECT_PRONOUNS)):
        return None
    if clause.prep:
        return GoTo(i + 1)
    tokens = clause.tokens
    if lower in ("zij", "ze") and (clause.plural or (i + 1 < len(tokens) and _PLURAL_VERB.fullmatch(tokens[i + 1].group()))):
        return Stop(NOBODY)
    return Stop(clause.context.antecedent(word.token.start()))


def die_opening(clause: Clause, i: int, word: Word) -> Step | None:
    """`Die zei: “…”`: the person named last."""
    tokens = clause.tokens
    if word.lower == "die" and i == 0 and not clause.after and i + 1 < len(tokens) and VERB_WORD.fullmatch(tokens[1].group()):
        return Stop(clause.context.antecedent(word.token.start()))
    return None


def indefinite(clause: Clause, i: int, word: Word) -> Step | None:
    """`een`, `enkele`: who follows is someone the text does not name."""
    if word.lower not in _INDEFINITE:
        return None
    clause.indefinite = True
    return GoTo(i + 1)


def spokesperson(clause: Clause, i: int, word: Word) -> Step | None:
    """`woordvoerder Jan Jansen`: the person named next. A spokesperson the text does not name
    (`een woordvoerder van de NAVO`, `een NAVO-woordvoerder`) is nobody named: the quotation says
    what the organisation holds, but no person is named as saying it."""
    if not word.lower.endswith(_SPOKESPEOPLE):
        return None
    if clause.person_at(i + 1) or clause.prep:
        return GoTo(i + 1)
    return Stop(NOBODY)


def office(clause: Clause, i: int, word: Word) -> Step | None:
    """`het kantoor van X`: X speaks."""
    if word.lower not in _OFFICES or clause.prep:
        return None
    clause.owner = True
    return GoTo(i + 1)


def unnamed(clause: Clause, i: int, word: Word) -> Step | None:
    """`een EU-diplomaat`, `ingewijden`, `bronnen`: a source the text leaves unnamed."""
    if not _UNNAMED.fullmatch(word.lower):
        return None
    if not clause.person_at(i + 1) and (not clause.prep or clause.owner):
        return Stop(NOBODY)
    return GoTo(i + 1)


def institution(clause: Clause, i: int, word: Word) -> Step | None:
    """`de Franse regering`: the country of the adjective before it."""
    if clause.pending and word.lower in _INSTITUTIONS and not clause.prep:
        return Stop(Speaker(clause.pending))
    return None


def counterpart(clause: Clause, i: int, word: Word) -> Step | None:
    """`haar Oekraïense collega X`: the colleague named next; unnamed, someone the text does not name."""
    if word.lower not in _COUNTERPARTS or clause.prep:
        return None
    return GoTo(i + 1) if clause.person_at(i + 1) else Stop(NOBODY)


def role(clause: Clause, i: int, word: Word) -> Step | None:
    """A role word (`de minister`, `de NAVO-baas`): see `_role`."""
    if not is_role_word(word.lower):
        return None
    return _role(clause, i) or GoTo(i + 1)


def preposition(clause: Clause, i: int, word: Word) -> Step | None:
    """A preposition opens a phrase whose words are no subject (`van` after an office names its owner)."""
    if word.lower not in _PREPOSITIONS:
        return None
    if not (word.lower == "van" and clause.owner):
        clause.prep = True
    return GoTo(i + 1)


def unknown_name(clause: Clause, i: int, word: Word) -> Step | None:
    """Two capitalised words no mention covers (perhaps with a particle between them): a person
    the mentions do not know. Not the first word of a sentence, which may be capitalised anyway."""
    if clause.prep or not clause.context.is_name(word.token) or not (i or clause.after) or i + 1 >= len(clause.tokens):
        return None
    following = i + 1
    if clause.tokens[following].group() in PARTICLE_WORDS and i + 2 < len(clause.tokens):
        following = i + 2
    return Stop(NOBODY) if clause.name_at(following) else GoTo(i + 1)


def inverted_verb(clause: Clause, i: int, word: Word) -> Step | None:
    """`Toch maakt ze zich zorgen`: after an adverb the verb comes first, then the subject."""
    tokens = clause.tokens
    if clause.after or clause.prep or clause.words != 2 or tokens[i - 1].group().lower() not in _INVERTING \
            or not word.token.group()[:1].islower():
        return None
    clause.plural = clause.plural or bool(_PLURAL_VERB.fullmatch(word.lower))
    return GoTo(i + 1)


def verb_before_subject(clause: Clause, i: int, word: Word) -> Step | None:
    """`De politie arresteerde Jansen`: the subject comes first, before any verb; a lower-case
    word that cannot stand before a subject ends the clause's subject without one."""
    if clause.after or clause.prep or not word.token.group()[:1].islower() or word.lower in _LEADING \
            or word.lower.endswith("-jarige"):
        return None
    return Stop(None)


_WORD_RULES: tuple[Rule, ...] = (
    pronoun, die_opening, indefinite, spokesperson, office, unnamed, institution, counterpart, role, preposition,
    unknown_name, inverted_verb, verb_before_subject,
)


def _role(clause: Clause, i: int) -> Step | None:
    """A role word at token i: go on at the name that follows it (`de minister van Defensie
    Jansen`, `de premier, Schoof, zei`), or stop with who the bare role refers to; None inside a
    prepositional phrase."""
    if clause.prep and not clause.owner:
        return None
    if clause.indefinite or clause.plural:
        return Stop(NOBODY)  # "een Russische minister", "zeggen de ministers"
    tokens = clause.tokens
    k = _after_complement(clause, i + 1)
    if k + 1 < len(tokens) and tokens[k].group() == "," and clause.person_at(k + 1):  # "de premier, Schoof, zei"
        return GoTo(k + 1)
    if clause.person_at(k):
        return GoTo(k)
    if clause.name_at(k):
        return Stop(NOBODY)  # "minister van Buitenlandse Zaken Jean-Noël Barrot", not a known actor
    return Stop(clause.context.antecedent(tokens[i].start()))


def _after_complement(clause: Clause, k: int) -> int:
    """The token after a role's complement that starts at token k (`van Buitenlandse Zaken`,
    `van de NAVO`: an organisation named, or one capitalised word), or k when there is none."""
    tokens = clause.tokens
    if k >= len(tokens) or tokens[k].group() != "van":
        return k
    k += 1
    if k < len(tokens) and tokens[k].group() in ("de", "het"):
        k += 1
    if k < len(tokens):
        complement = clause.context.index.starting_in(*tokens[k].span())
        if complement and complement.kind != "person":
            k = clause.after_mention(k, complement.end)
        elif tokens[k].group()[:1].isupper():
            k += 1
    return k
