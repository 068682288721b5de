"""Quotations and who said them, by Dutch reporting patterns.

Quotation marks: „…”, ,,…'', “…”, "…", ‘…’ and '…'. One to three words without end
punctuation are scare quotes, not quotations, and so is a term in quotation
marks right after `de` or `zogenoemde` (`de 'coalition of the willing'`).
A quotation inside another one is part of it.

The speaker is found by, in order:
- a reporting verb right after the quote: `“…”, zei X`, `aldus X`, `verklaarde hij`,
  `liet de NAVO weten`, or a next sentence `Dat zegt X.`;
- the sentence before the quote: a reporting verb with its subject
  (`X zei: “…”`, `X noemde het “…”`, `Later zei hij dat “…”`, `De VS, zei hij, …`),
  `volgens X`, a colon after the subject (`X: “…”`), or a sentence whose subject is a
  person and that names nobody else (`Hij had besloten “…”`);
- for a quote that opens its sentence, the sentence before it: its reporting verb and
  subject, or the one person it is about (`Kamerlid X is tevreden. “…”`); across a
  paragraph break only a reporting verb or a colon counts;
- for a headline quote (a paragraph of its own at the top), the person the first
  sentence below it is about (`Generaal X is sinds maart commandant …`);
- a quotation that continues over paragraphs keeps its speaker, and a quote right after
  an attributed one, with nobody else named in a new sentence between them, goes on
  with the same speaker.

A subject is read word by word: a person or organisation named, a pronoun (`hij`,
`zij`, `Die zei`: the last person named before it, outside quotations), a role word (`de
minister`, `de NAVO-baas`: the person it names next, or else the last person named
before), the office or spokesperson of someone (`het kantoor van X` → X, `een
woordvoerder van de NAVO` → the NAVO), and a country adjective before an institution
(`de Franse regering` → Frankrijk). A source that the text leaves unnamed (`een
EU-diplomaat`, `ingewijden`, `klinkt het in Berlijn`, `zeiden zij`) or that names a
person the mentions do not know is left empty, and then no other rule may fill it in:
the speaker is never guessed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from generator.extract.dutch import PARTICLE_WORDS, QUOTE_MARKS, TYPOGRAPHIC_MARKS, UPPER, is_role_word, particles_pattern
from generator.extract.spans import SpanSet

# (opening mark, pattern): a text without the mark is not scanned for that pair.
# Inside '…' and ‘…’ an apostrophe between letters or digits (`F-16's`, `zo'n`, `auto’s`)
# does not close the quotation, and neither does a word quoted inside ‘…’ (`‘Ze zeggen ‘nee’.’`).
_PAIRS = [
    ("„", re.compile(r"„([^„“”\n]+?)[”“]")),
    ("“", re.compile(r"“([^“”\n]+?)[”\"]")),
    ('"', re.compile(r'(?<![\w])"([^"\n]+?)["”]')),
    ("‘", re.compile(r"(?<![\w])‘((?:[^‘’\n]|(?<=\w)’(?=\w)|(?<![\w])‘[^‘’\n]{1,60}’(?![\w]))+?)’(?![\w])")),
    ("'", re.compile(r"(?<![\w'])'(?!s\s)((?:[^'\n]|(?<=\w)'(?=\w))+?)'(?![\w])")),
]
# The marks of older Dutch typesetting, `,,…''`, read as „…” (same offsets: `,,` becomes `„ `,
# a closing `''` becomes ` ”`), also when the closing marks are missing or the opening is `"`.
_LOW_PAIR_OPEN = re.compile(r"(?<![\w,]),,(?=[^\s,])")
_LOW_PAIR_CLOSE = re.compile(r"(?<=[^\s'])''(?!['\w])")


def normalise_marks(text: str) -> str:
    """The text with `,,…''` quotation marks as „…”, every offset unchanged."""
    if ",," not in text and "''" not in text:
        return text
    return _LOW_PAIR_CLOSE.sub(" ”", _LOW_PAIR_OPEN.sub("„ ", text))


# An opening mark whose quotation runs to the end of the paragraph (continued in the next one).
_OPEN_TO_END = re.compile(rf"(?:^|(?<=\s))[„“]([^„“”\n]+)$|^[ \t]*[‘'](?=[{UPPER}])([^\n]+)$", re.MULTILINE)
_MARKS = QUOTE_MARKS
# A term in quotation marks: `de zogenoemde 'coalition of the willing'`, `de 'coalition of the willing'`
# (not `het`, which may be a pronoun: `dat het “…”`).
_TERM_BEFORE = re.compile(r"\b(?:[Dd]e|zogenoemde|zogenaamde|zogeheten|genaamde)\s+\Z")

# Finite reporting verbs (singular and plural), and the nouns `met de woorden`, `bij de opmerking`.
_VERB_FORMS = (
    r"zegt|zei|zeiden|zeggen|gezegd|aldus|verklaart|verklaarde|verklaarden|verklaren|stelt|stelde|stelden|"
    r"schrijft|schreef|schreven|meldt|meldde|meldden|benadrukt|benadrukte|benadrukten|waarschuwt|waarschuwde|waarschuwden|"
    r"reageert|reageerde|reageerden|antwoordt|antwoordde|antwoordden|concludeert|concludeerde|vervolgt|vervolgde|"
    r"vraagt|vroeg|vroegen|riep|roept|tweette|twittert|twitterde|noemt|noemde|noemden|voegt|voegde|voegden|"
    r"liet|lieten|laat(?=\s+(?:\S+\s+){0,3}weten)|sprak|spreekt|betoogt|betoogde|erkent|erkende|erkenden|belooft|beloofde|"
    r"herhaalt|herhaalde|onderstreept|onderstreepte|vertelt|vertelde|vertelden|vindt|vond(?!\s+plaats)|vonden|meent|meende|"
    r"veroordeelt|veroordeelde|veroordeelden|pleit|pleitte|beweert|beweerde|bevestigt|bevestigde|ontkent|ontkende|"
    r"constateert|constateerde|verzekert|verzekerde|kondigt|kondigde|vatte|beklemtoont|beklemtoonde|denkt|dacht|denken|dachten"
)
# Reporting without a speaker: `klinkt het in Berlijn`, `hoor je op de beursvloer`, `staat in de verklaring`.
_IMPERSONAL = r"klinkt\s+het|klonk\s+het|hoor\s+je|hoorde\s+je|heet\s+het|luidt\s+het|luidde\s+het|valt\s+te\s+horen|is\s+te\s+horen|(?:staat|stond)(?:\s+(?:er|in)\b|(?=\s*:))"
_AFTER = re.compile(rf"[\s,]*(?:zo\s+)?(?:(?P<imp>{_IMPERSONAL})|(?P<verb>{_VERB_FORMS}))\b")
_NEXT_SENTENCE = re.compile(rf"[.!?]?\s+(?:Dat|Dit|Zo)\s+(?:(?P<imp>{_IMPERSONAL})|(?P<verb>{_VERB_FORMS}))\b")
_VERB_WORD = re.compile(_VERB_FORMS)
# A sentence that is a fragment of the one before it: `En om …`, `Maar vooral …`.
_FRAGMENT = re.compile(r"\s*(?:En|Maar|Of|Ook|Vooral|Zeker)\s+(?:om|ook|vooral|niet|dan|zeker|met|voor|tegen|door|zonder|dat)\b")
# A clause joined to the one before, with its own subject: `…, terwijl Y …`, `…, maar Y …`.
_JOINED_CLAUSE = re.compile(r",\s*(?:terwijl|maar|want|doch|en|zodat)\s+")
# A party member: `VVD'er`, `sp.a’ers`, `D66-er`.
_MEMBER = re.compile(r"(?:['’]|-)?ers?(?![\w-])")
_VERB_BEFORE = re.compile(rf"\b(?:(?P<imp>{_IMPERSONAL})|(?P<verb>{_VERB_FORMS}|opmerking|woorden))\b")
_VOLGENS = re.compile(r"\b[Vv]olgens\b")
_SPACE = re.compile(r"\s*")
_PHRASE = re.compile(r"(?:[^.;!?\n„“”\"‘]|\.(?=\w)){0,100}")
# A plural finite verb after `zij`/`ze`: `zij zijn`, `ze hebben`, `zij vinden`.
_PLURAL_VERB = re.compile(r"zijn|\w+(?:den|ten|ben|gen|len|ken|nen|ren|sen|pen|zen|ven)")
_PASSIVE = re.compile(r"\b(?:door|werd|wordt|werden|worden|kreeg|kregen|krijgt)\b")

_QUOTED = re.compile(r"„[^„“”\n]*[”“]|“[^“”\n]*[”\"]|\"[^\"\n]*\"|‘[^‘’\n]*’")
_TOKEN = re.compile(r"„[^„“”\n]*[”“]|“[^“”\n]*[”\"]|\"[^\"\n]*\"|‘[^‘’\n]*’|[^\W\d_][\w'’-]*|\d[\w.,]*|[,;:()]")
_SENTENCE_END = re.compile(r"[.!?…](?:\s?[”“\"’']{1,2})?\s+(?=[„“\"‘'(\w])|\n")

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
# Capitalised words that open a sentence without being a name.
_OPENERS = {
    "de", "het", "een", "ook", "maar", "en", "daarna", "later", "eerder", "toen", "zo", "toch", "dan", "nu", "intussen",
    "volgens", "in", "op", "bij", "na", "tijdens", "over", "met", "voor", "hij", "zij", "ze", "dat", "dit", "die", "wie",
    "vorige", "vorig", "afgelopen", "gisteren", "vandaag", "daarbij", "daarom", "bovendien", "wel", "niet", "al", "nog",
}
# Adverbs that open a clause with its verb before the subject: `Toch maakt ze …`, `Daarom wil hij …`.
_INVERTING = {
    "toch", "daarom", "ook", "daarna", "later", "eerder", "toen", "zo", "dan", "nu", "intussen", "daarbij", "bovendien",
    "wel", "gisteren", "vandaag", "vervolgens", "inmiddels", "tegelijk", "tegelijkertijd", "daarnaast", "evenmin", "dus",
}
# Lowercase words that may stand before the subject of a clause: `ook de nieuwe minister X`.
_LEADING = _OPENERS | {
    "nieuwe", "voormalige", "oud", "demissionaire", "huidige", "toenmalige", "kersverse", "scheidende", "waarnemend",
    "waarnemende", "plaatsvervangend", "plaatsvervangende", "eerste", "tweede", "zelf", "'s", "meteen", "namelijk",
    "haar", "zijn", "hun",
}
# Someone's counterpart: `haar Oekraïense collega X`, `zijn Franse ambtsgenoot X`.
_COUNTERPARTS = {"collega", "ambtsgenoot", "ambtgenoot", "partijgenoot", "fractiegenoot", "evenknie", "tegenhanger"}
# Two capitalised words (with particles): a name, when the words around it say it is a person.
_NAME_RUN = re.compile(rf"(?<=[\s(])[{UPPER}][\w'’-]+(?:\s+{particles_pattern(' ')})?\s+[{UPPER}][\w'’-]+")
_PERSON_AFTER = re.compile(r"\s*\(\d{1,3}\)|,\s+(?:de\s+|het\s+)?([\w-]+)")
_PERSON_NOUNS = (
    "commandant", "wethouder", "burgemeester", "directeur", "woordvoerder", "woordvoerster", "matroos", "omwonende", "onderzoeker",
    "generaal", "majoor", "kolonel", "luitenant", "kapitein", "officier", "hoogleraar", "parlementariër", "kamerlid", "bewoner",
)
_ADJECTIVE = re.compile(rf"[{UPPER}][\w-]*(?:se|sche|ees|ese)")


class _Nobody(str):
    """A source the text leaves unnamed: the speaker stays empty, and no other rule may fill it in."""


_NOBODY = _Nobody("")


@dataclass(frozen=True)
class Mention:
    """An actor named at a span of the text; kind as in the registry."""

    actor_id: str
    kind: str
    start: int
    end: int


class MentionIndex:
    """Mentions sorted by position, with the look-ups attribution needs in logarithmic time."""

    def __init__(self, mentions: list[Mention], quoted: SpanSet | None = None):
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        # People named inside a quotation are what someone said, not who is speaking.
        self.people = [m for m in self.items if m.kind == "person" and not (quoted and quoted.overlaps(m.start, m.end))]
        self.people_ends = [m.end for m in self.people]
        self.person_ids = {m.actor_id for m in self.people}

    def within(self, start: int, end: int) -> list[Mention]:
        """Mentions that lie inside [start, end)."""
        i, j = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.items[i:j] if m.end <= end]

    def starting_in(self, start: int, end: int) -> Mention | None:
        """The first mention that starts inside [start, end)."""
        i = bisect_left(self.starts, start)
        return self.items[i] if i < len(self.items) and self.items[i].start < end else None

    def people_within(self, start: int, end: int) -> list[Mention]:
        """People named inside [start, end), outside quotations."""
        i, j = bisect_left(self.people_ends, start + 1), bisect_right(self.people_ends, end)
        return [m for m in self.people[i:j] if m.start >= start]

    def last_person_before(self, position: int) -> Mention | None:
        i = bisect_right(self.people_ends, position)
        return self.people[i - 1] if i else None


@dataclass(frozen=True)
class QuoteSpan:
    text: str
    start: int
    end: int
    continued: bool = False  # runs on from a quote in the paragraph before


def _is_quotation(text: str) -> bool:
    words = text.split()
    return len(words) > 3 or bool(re.search(r"[.!?…,;]", text.strip()[-1:] or ""))


def _is_term(text: str, start: int, inner: str) -> bool:
    """`de zogenoemde 'coalition of the willing'`: a name or term in quotation marks, not an utterance."""
    return not re.search(r"[.!?…,;:]", inner.strip()) and bool(_TERM_BEFORE.search(text, max(0, start - 30), start))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    # The outermost pair wins: a quotation inside another one is part of it.
    candidates = sorted((m.start(), -m.end(), m.group(1)) for mark, regex in _PAIRS if mark in text for m in regex.finditer(text))
    spans: list[QuoteSpan] = []
    taken = SpanSet()
    for start, minus_end, inner in candidates:
        end = -minus_end
        if taken.overlaps(start, end):
            continue
        taken.add(start, end)
        if _is_quotation(inner) and not _is_term(text, start, inner):
            spans.append(QuoteSpan(" ".join(inner.split()), start, end))
    for match in _OPEN_TO_END.finditer(text):
        start, end = match.span()
        inner = match.group(1) or match.group(2)
        if taken.overlaps(start, end) or not _is_quotation(inner):
            continue
        taken.add(start, end)
        spans.append(QuoteSpan(" ".join(inner.split()), start, end))
    spans.sort(key=lambda q: q.start)
    # A quote opening a paragraph right after a paragraph whose quote stayed open continues it.
    result = []
    for span in spans:
        previous = result[-1] if result else None
        gap = text[previous.end:span.start] if previous else ""
        continued = bool(previous and previous.end == _paragraph_end(text, previous.start) and re.fullmatch(r"\s*\n\s*\n\s*", gap))
        result.append(QuoteSpan(span.text, span.start, span.end, continued))
    return result


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end == -1 else end


def _is_person_noun(word: str) -> bool:
    return is_role_word(word) or word.lower().endswith(_PERSON_NOUNS)


def _mask(segment: str) -> str:
    """The segment with quoted passages blanked out, offsets unchanged."""
    return _QUOTED.sub(lambda m: " " * len(m.group()), segment)


class _Attribution:
    """Who said each quotation of one text."""

    def __init__(self, text: str, spans: list[QuoteSpan], mentions: list[Mention]):
        self.text = text
        self.quoted = SpanSet((s.start, s.end) for s in spans)
        self.index = MentionIndex(mentions, self.quoted)
        self.boundaries = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.mentioned = SpanSet((m.start, m.end) for m in mentions)

    # --- sentences ---------------------------------------------------------

    def sentence_start(self, position: int) -> int:
        i = bisect_right(self.boundaries, position) - 1
        return self.boundaries[i] if i >= 0 else 0

    # --- subjects ----------------------------------------------------------

    def antecedent(self, position: int) -> str:
        """The person a pronoun or a bare role word refers back to.

        Nobody when a person the mentions do not know was introduced after the last one they know.
        """
        last = self.index.last_person_before(position)
        if self._unknown_person(last.end if last else max(0, position - 3000), position):
            return _NOBODY
        return last.actor_id if last else _NOBODY

    def _unknown_person(self, start: int, end: int) -> bool:
        """Whether text[start:end] introduces a person no mention covers: `zegt Sanne Verhoeven, onderzoeker`."""
        text = self.text
        for match in _NAME_RUN.finditer(text, max(start, end - 3000), end):
            if self.mentioned.overlaps(*match.span()) or self.quoted.overlaps(*match.span()):
                continue
            before = text[max(0, match.start() - 40):match.start()].split()
            cue = before[-1].strip(",:(").lower() if before else ""
            after = _PERSON_AFTER.match(text, match.end())
            if _VERB_WORD.fullmatch(cue) or _is_person_noun(cue) or (after and (not after.group(1) or _is_person_noun(after.group(1)))):
                return True
        return False

    def _mention_at(self, token: re.Match) -> Mention | None:
        mention = self.index.starting_in(*token.span())
        return mention if mention and mention.start == token.start() else None

    def _person_at(self, tokens: list[re.Match], k: int) -> bool:
        """Does a person's mention start at tokens[k] (False past the end)?"""
        if k >= len(tokens):
            return False
        mention = self._mention_at(tokens[k])
        return mention is not None and mention.kind == "person"

    def _is_name(self, token: re.Match | None) -> bool:
        """A capitalised word that no mention covers, and no role: part of a name the mentions do not know."""
        if token is None:
            return False
        word = token.group()
        return word[:1].isupper() and word[0] not in _MARKS and not self._mention_at(token) and not is_role_word(word) \
            and word.lower() not in _OPENERS

    def scan(self, start: int, end: int, *, after: bool = False, plural: bool = False, volgens: bool = False) -> str | None:
        """The subject that text[start:end] names: an actor id, _NOBODY, or None when it names none.

        The subject opens the clause: only articles, adverbs, roles and prepositional phrases may
        stand before it. `after`: the words right after a reporting verb or `volgens`, where the
        subject comes within the first few words.
        """
        text = self.text
        tokens = list(_TOKEN.finditer(text, start, end))
        prep = owner = indefinite = False
        pending = None  # a country adjective waiting for its noun: `de Franse regering`
        words = 0
        i = 0
        while i < len(tokens):
            token = tokens[i]
            word = token.group()
            if word[0] in _MARKS:
                i += 1
                continue
            if word in ",;:()":
                if after and words and word in ",;:":
                    break
                if word in ",;:":
                    prep = False
                i += 1
                continue
            words += 1
            lower = word.lower()
            if after and (words > 8 or lower in _STOPS):
                break
            mention = self.index.starting_in(*token.span())
            qualifier = None
            if mention is not None and (mention.start != token.start() or mention.end < token.end()):
                if mention.start == token.start() and text[mention.end] == "-":
                    qualifier, lower = mention, text[mention.end + 1:token.end()].lower()  # "NAVO-baas", "EU-diplomaat"
                mention = None
            if mention is not None:
                j = i + 1
                while j < len(tokens) and tokens[j].start() < mention.end:
                    j += 1
                surface = text[mention.start:mention.end]
                member = _MEMBER.match(text, mention.end) if mention.kind == "organisation" else None
                if member:
                    # "zei VVD'er Jan Jansen": a member of the party, named next or not at all.
                    while j < len(tokens) and tokens[j].start() < member.end():
                        j += 1
                    if self._person_at(tokens, j):
                        i = j
                        continue
                    if not prep:
                        return _NOBODY
                    i = j
                    continue
                if mention.kind == "person":
                    if not prep or owner:
                        return _NOBODY if plural else mention.actor_id
                elif is_role_word(surface.split()[0]):  # "Minister van Defensie" matched as the ministry
                    found = self._role(tokens, j - 1, prep=prep and not owner, indefinite=indefinite, plural=plural)
                    if isinstance(found, int):
                        i = found
                        continue
                    if found is not None:
                        return found
                elif _ADJECTIVE.fullmatch(surface) and mention.kind == "country":
                    if not prep:
                        pending = mention.actor_id
                elif not prep or owner:
                    if indefinite and not owner:
                        return _NOBODY
                    if pending and surface[:1].islower():  # "het Russische ministerie van Defensie"
                        return pending
                    return mention.actor_id
                i = j
                continue
            if lower in _PRONOUNS or (volgens and lower in _OBJECT_PRONOUNS):
                if not prep:
                    if lower in ("zij", "ze") and (plural or (i + 1 < len(tokens) and _PLURAL_VERB.fullmatch(tokens[i + 1].group()))):
                        return _NOBODY  # "zij zijn", "zeiden ze": a group, not one person
                    return self.antecedent(token.start())
            elif lower == "die" and i == 0 and not after and i + 1 < len(tokens) and _VERB_WORD.fullmatch(tokens[1].group()):
                return self.antecedent(token.start())  # "Die zei: “…”": the person named last
            elif lower in _INDEFINITE:
                indefinite = True
            elif lower.endswith(_SPOKESPEOPLE):
                if not self._person_at(tokens, i + 1):
                    if qualifier is not None and not prep:
                        return qualifier.actor_id  # "een NAVO-woordvoerder"
                    owner = True
            elif lower in _OFFICES and not prep:
                owner = True
            elif _UNNAMED.fullmatch(lower):
                if not self._person_at(tokens, i + 1) and (not prep or owner):
                    return _NOBODY
            elif pending and lower in _INSTITUTIONS and not prep:
                return pending
            elif lower in _COUNTERPARTS and not prep:
                # "Haar Oekraïense collega X": the colleague named next; unnamed, someone the text does not name.
                if not self._person_at(tokens, i + 1):
                    return _NOBODY
            elif is_role_word(lower):
                found = self._role(tokens, i, prep=prep and not owner, indefinite=indefinite, plural=plural)
                if isinstance(found, int):
                    i = found
                    continue
                if found is not None:
                    return found
            elif lower in _PREPOSITIONS:
                if not (lower == "van" and owner):
                    prep = True
            elif not prep and self._is_name(token) and (i or after) and i + 1 < len(tokens):
                # Two capitalised words no mention covers: a person the mentions do not know.
                following = tokens[i + 1]
                if following.group() in PARTICLE_WORDS and i + 2 < len(tokens):
                    following = tokens[i + 2]
                if self._is_name(following):
                    return _NOBODY
            elif not after and not prep and words == 2 and tokens[i - 1].group().lower() in _INVERTING and word[:1].islower():
                # "Toch maakt ze zich zorgen": after an adverb the verb comes first, then the subject.
                plural = plural or bool(_PLURAL_VERB.fullmatch(lower))
            elif not after and not prep and word[:1].islower() and lower not in _LEADING and not lower.endswith("-jarige"):
                return None  # "De politie arresteerde Jansen": the subject comes first, before any verb
            i += 1
        return None

    def _role(self, tokens: list[re.Match], i: int, *, prep: bool, indefinite: bool, plural: bool) -> str | int | None:
        """A role word at tokens[i]: the index of the name that follows it, or who the bare role refers to."""
        if prep:
            return None
        if indefinite or plural:
            return _NOBODY  # "een Russische minister", "zeggen de ministers"
        k = i + 1
        if k < len(tokens) and tokens[k].group() == "van":  # "minister van Buitenlandse Zaken"
            k += 1
            if k < len(tokens) and tokens[k].group() in ("de", "het"):
                k += 1
            if k < len(tokens):
                complement = self.index.starting_in(*tokens[k].span())
                if complement and complement.kind != "person":
                    while k < len(tokens) and tokens[k].start() < complement.end:
                        k += 1
                elif tokens[k].group()[:1].isupper():
                    k += 1
        if k + 1 < len(tokens) and tokens[k].group() == "," and self._person_at(tokens, k + 1):  # "de premier, Schoof, zei"
            return k + 1
        if k < len(tokens):
            if self._person_at(tokens, k):
                return k
            if self._is_name(tokens[k]):
                return _NOBODY  # "minister van Buitenlandse Zaken Jean-Noël Barrot", not a known actor
        return self.antecedent(tokens[i].start())

    # --- the sentence before a quote ---------------------------------------

    def before(self, start: int, end: int, *, strong: bool = False) -> str | None:
        """Who text[start:end] (a sentence, or its part before a quote) says is speaking.

        `strong`: only a reporting verb or a colon counts, not the subject of any sentence.
        """
        masked = _mask(self.text[start:end])
        verbs = list(_VERB_BEFORE.finditer(masked))
        if verbs:
            verb = verbs[-1]
            if verb.group("imp"):
                return _NOBODY
            plural = verb.group().endswith("en") and verb.group() not in ("woorden",)
            clause = start + max(masked.rfind(";", 0, verb.start()), masked.rfind(":", 0, verb.start())) + 1
            verb_start, verb_end = start + verb.start(), start + verb.end()

            def before_verb():
                return self.scan(clause, verb_start, plural=plural)

            def after_verb():
                return self.scan(verb_end, end, after=True, plural=plural)

            # "De VS, zei hij, blijven": a verb after a comma is followed by its subject.
            inverted = masked[:verb.start()].rstrip().endswith(",")
            for attempt in (after_verb, before_verb) if inverted else (before_verb, after_verb):
                found = attempt()
                if found is not None:
                    return found
        volgens = list(_VOLGENS.finditer(masked))
        if volgens:
            found = self.scan(start + volgens[-1].end(), end, after=True, volgens=True)
            if found is not None:
                return found
        colon = masked.rfind(":")
        if colon >= 0:
            clause = start + max(masked.rfind(";", 0, colon), masked.rfind(":", 0, colon)) + 1
            # "X was voor, terwijl Y garanties wilde: “…”": the clause joined last has the speaker.
            joined = [m.end() for m in _JOINED_CLAUSE.finditer(masked, clause - start, colon)]
            found = self.scan(start + joined[-1], start + colon) if joined else None
            if found is None:
                found = self.scan(clause, start + colon)
            if found is not None:
                return found
        if strong:
            return None
        # "Hij had besloten “…”", "Kamerlid X is tevreden.": the person the clause is about.
        clause = max(masked.rfind(":"), masked.rfind(";")) + 1
        if _PASSIVE.search(masked, clause):
            return None
        found = self.scan(start + clause, end)
        if found in self.index.person_ids:
            others = {m.actor_id for m in self.index.people_within(start + clause, end)} - {found}
            return None if others else found
        return _NOBODY if found is _NOBODY else None

    # --- one quotation -----------------------------------------------------

    def attribute(self, span: QuoteSpan) -> str | None:
        text = self.text
        after = _AFTER.match(text, span.end) or _NEXT_SENTENCE.match(text, span.end)
        if after:
            if after.group("imp"):
                # "staat in de verklaring van de NAVO" names who issued it; "klinkt het in Berlijn" names nobody.
                return self._document(after.end()) if after.group("imp").startswith(("staat", "stond")) else _NOBODY
            plural = after.group("verb").endswith("en")
            phrase_end = _phrase_end(text, after.end())
            found = self.scan(after.end(), phrase_end, after=True, plural=plural)
            if found is not None:
                return found
            if re.search(r"\w", text[after.end():phrase_end]):
                return _NOBODY  # "aldus het ministerie": a source, but not one we know
        sentence_start = self.sentence_start(span.start)
        opens_sentence = not text[sentence_start:span.start].strip()
        if not opens_sentence:
            found = self.before(sentence_start, span.start)
            if found is not None:
                return found
        if span.continued:
            return None
        if self._is_headline(span):
            # A headline quote: said by the person the first sentence below it is about.
            below = _SPACE.match(text, _paragraph_end(text, span.end)).end()
            i = bisect_right(self.boundaries, below)
            below_end = self.boundaries[i] if i < len(self.boundaries) else len(text)
            return self.before(below, below_end) if below < len(text) else None
        if sentence_start == 0:
            return None
        # The sentence before, unless it holds a quotation (what follows a quote is handled in find_quotes).
        previous_start = self.sentence_start(sentence_start - 1)
        if self.quoted.overlaps(previous_start, sentence_start) or not text[previous_start:sentence_start].strip():
            return None
        if not opens_sentence and self.index.people_within(sentence_start, span.start):
            return None
        new_paragraph = "\n" in text[previous_start:sentence_start]
        found = self.before(previous_start, sentence_start, strong=new_paragraph or not opens_sentence)
        if found is None and opens_sentence and not new_paragraph and _FRAGMENT.match(text, previous_start) \
                and not self.index.people_within(previous_start, sentence_start):
            # "X riep op tot steun. En om druk te zetten. “…”": a fragment goes on with the sentence before it.
            earlier = self.sentence_start(previous_start - 1)
            if earlier < previous_start and "\n" not in text[earlier:previous_start] and not self.quoted.overlaps(earlier, previous_start):
                found = self.before(earlier, previous_start)
        return found

    def _is_headline(self, span: QuoteSpan) -> bool:
        """A quote that is a paragraph of its own at the top of the text (at most a header line, not a sentence, above it)."""
        line_start = self.text.rfind("\n", 0, span.start) + 1
        if self.text[line_start:span.start].strip() or self.text[span.end:_paragraph_end(self.text, span.end)].strip(" .!?"):
            return False
        above = [line.strip() for line in self.text[:line_start].splitlines() if line.strip()]
        return len(above) <= 1 and not any(line.endswith((".", "!", "?", ":", "”", "“", '"', "’")) for line in above)

    def _document(self, position: int) -> str:
        """`staat in de verklaring van de NAVO`: the organisation that issued it, if the phrase names one."""
        for mention in self.index.within(position, _phrase_end(self.text, position)):
            if mention.kind == "organisation":
                return mention.actor_id
        return _NOBODY


def _phrase_end(text: str, position: int) -> int:
    """Where the words after a reporting verb end: at a sentence end, a quotation mark or 100 characters."""
    return _PHRASE.match(text, position).end()


# A speaker label opening a line in a debate report, transcript or interview: `De heer Jansen (D66):`,
# `Mevrouw De Vries (VVD):`, `Minister Jansen:`, `JANSEN:`, `Piet Jansen: Dat klopt niet.`
_TITLES = r"(?:[Dd]e\s+heer|[Mm]evrouw|[Mm]inister(?:-president)?|[Ss]taatssecretaris|[Pp]remier)"
_LABEL_PARTICLES = particles_pattern(r"[ \t]+")
_LABEL = re.compile(
    rf"^[ \t]*(?P<label>(?:{_TITLES}[ \t]+)?(?P<name>[{UPPER}][\w'’.-]*(?:[ \t]+(?:{_LABEL_PARTICLES}|[{UPPER}][\w'’.-]*)){{0,4}})"
    r"|(?P<chair>[Dd]e\s+voorzitter))(?:[ \t]*\((?P<aside>[^()\n]{1,80})\))?:[ \t]*(?P<rest>[^\n]*)$",
    re.MULTILINE,
)
# `Voorzitter: Jansen` in the head of a parliamentary report: who `De voorzitter:` is.
_CHAIR = re.compile(rf"^[ \t]*Voorzitter:[ \t]*(?P<name>[{UPPER}][^\n]{{1,60}}?)[ \t]*$", re.MULTILINE)
_TITLE_WORDS = {"de", "heer", "mevrouw", "minister", "minister-president", "staatssecretaris", "premier"}


@dataclass(frozen=True)
class Turn:
    """What one speaker says after a speaker label: the first paragraph of the turn."""

    speaker: str | None
    text: str
    start: int
    end: int
    quoted: bool = False  # `Jansen: “…”`: the turn is a quotation, found and attributed as one


def _label_speaker(text: str, name: str, start: int, end: int, people: list[Mention]) -> str | None:
    """The person a speaker label names: a person mention at the label, or else the one person
    named elsewhere in the text whose surname (or, for a label of one word, given name) it is."""
    for m in people:
        if m.start < end and m.end > start:
            return m.actor_id
    words = [w for w in name.split() if w.lower() not in _TITLE_WORDS] or name.split()
    wanted = " ".join(words).lower()
    found = set()
    for m in people:
        surface = text[m.start:m.end].split()
        if not surface:
            continue
        if " ".join(surface).lower() == wanted or surface[-1].lower() == words[-1].lower() and (
                len(words) == 1 or surface[0].lower() == words[0].lower()):
            found.add(m.actor_id)
        elif len(words) == 1 and surface[0].lower() == wanted and len(surface) > 1:
            found.add(m.actor_id)
    return found.pop() if len(found) == 1 else None


def find_turns(text: str, mentions: list[Mention]) -> list[Turn]:
    """Turns after speaker labels whose label names a person the mentions know (or the chair)."""
    if ":" not in text:
        return []
    people = [m for m in mentions if m.kind == "person"]
    chair_match = _CHAIR.search(text)
    chair = None
    if chair_match:
        chair = _label_speaker(text, chair_match.group("name"), *chair_match.span("name"), people)
    turns = []
    for match in _LABEL.finditer(text):
        if match.group("chair"):
            speaker = chair
            if speaker is None:
                continue
        else:
            name = match.group("name")
            if len(name) > 60:
                continue
            speaker = _label_speaker(text, name, *match.span("name"), people)
            if speaker is None:
                continue
        rest = match.group("rest").strip()
        if rest and rest[0] in _MARKS:
            # `Jansen: “…”`: a quotation introduced by a colon, attributed as one; the label
            # names its speaker when the attribution finds none.
            turns.append(Turn(speaker, rest, match.start("rest"), match.end("rest"), quoted=True))
            continue
        if rest:
            start, end = match.span("rest")
        else:
            # The turn is the next paragraph (the label stands on a line of its own).
            start = match.end()
            while start < len(text) and text[start].isspace():
                start += 1
            end = _paragraph_end(text, start)
            if start >= len(text) or _LABEL.match(text, start):
                continue
        said = " ".join(text[start:end].split())
        if len(said.split()) < 2:
            continue
        turns.append(Turn(speaker, said, start, end))
    return turns


def find_quotes(text: str, mentions: list[Mention]) -> list[tuple[str | None, str]]:
    """(speaker actor id or None, quoted text) in text order: quotations, and turns after speaker labels."""
    text = normalise_marks(text)
    turns = find_turns(text, mentions)
    quotes = _find_marked_quotes(text, mentions)
    labelled = {t.start: t.speaker for t in turns if t.quoted}
    if labelled:
        quotes = [(speaker or labelled.get(start), said, start) for speaker, said, start in quotes]
        turns = [t for t in turns if not t.quoted]
    if not turns:
        return [(speaker, said) for speaker, said, _ in quotes]
    inside = SpanSet((t.start, t.end) for t in turns)
    merged = [(t.start, t.speaker, t.text) for t in turns]
    merged += [(start, speaker, said) for speaker, said, start in quotes if not inside.overlaps(start, start + 1)]
    merged.sort(key=lambda q: q[0])
    return [(speaker, said) for _, speaker, said in merged]


def _continue_over_paragraphs(spans: list[QuoteSpan], speakers: list[str | None]) -> None:
    """A quotation that runs over paragraphs has one speaker, named at its start or its end."""
    for i in range(1, len(spans)):
        if spans[i].continued and not speakers[i] and speakers[i - 1] is not None:
            speakers[i] = speakers[i - 1]
    for i in range(len(spans) - 1, 0, -1):
        if spans[i].continued and not speakers[i - 1] and speakers[i] is not None:
            speakers[i - 1] = speakers[i]


def _find_marked_quotes(text: str, mentions: list[Mention]) -> list[tuple[str | None, str, int]]:
    """(speaker actor id or None, quoted text, where it starts) in text order."""
    spans = find_quote_spans(text)
    attribution = _Attribution(text, spans, mentions)
    speakers = [attribution.attribute(span) for span in spans]
    _continue_over_paragraphs(spans, speakers)
    # An unattributed quote right after an attributed one in the same paragraph goes on with the
    # same speaker, unless someone else is named between them (after the sentence that attributes
    # the first one: `“…”, zei hij naast Trump. “…”` goes on with him).
    for i in range(1, len(spans)):
        if speakers[i] is None and speakers[i - 1] is not None:
            between = text[spans[i - 1].end:spans[i].start]
            if "\n" in between or len(between) >= 200:
                continue
            boundaries = attribution.boundaries
            k = bisect_right(boundaries, spans[i - 1].end)
            new_sentence = boundaries[k] if k < len(boundaries) and boundaries[k] <= spans[i].start else spans[i - 1].end
            others = [m for m in attribution.index.people_within(new_sentence, spans[i].start) if m.actor_id != speakers[i - 1]]
            if not others:
                speakers[i] = speakers[i - 1]
    _answers(text, spans, speakers, attribution.index, attribution.quoted)
    _continue_over_paragraphs(spans, speakers)  # an answer that runs over paragraphs
    return [(speaker or None, span.text, span.start) for speaker, span in zip(speakers, spans, strict=True)]


# The interviewer addresses the interviewee: `U bent …`, `Jij schreef …`, `Hoe ziet uw …`.
_ADDRESS = re.compile(r"(?<![\w-])(?:[Uu]|[Uu]w|[Jj]e|[Jj]ij|[Jj]ouw)(?![\w-])")


def _is_question(paragraph: str) -> bool:
    """An interviewer's paragraph: a question, or a statement put to the interviewee (`U bent
    …`), quoting nobody."""
    if not paragraph or any(mark in paragraph for mark in TYPOGRAPHIC_MARKS):
        return False
    return paragraph.endswith("?") or bool(_ADDRESS.search(paragraph))


def _is_prompt(paragraph: str) -> bool:
    """A short paragraph (that quotes nobody, the caller checks) an interviewer may put as a statement."""
    return bool(paragraph) and len(paragraph) <= 300 and not paragraph.endswith(":")


def _answers(text: str, spans: list[QuoteSpan], speakers: list[str | None], index: MentionIndex | None = None,
             quoted: SpanSet | None = None) -> None:
    """In a question-and-answer interview, a quotation opening the paragraph right after a question
    (a paragraph of its own that ends with `?` and quotes nobody) is the interviewee's answer: the
    one person the other quotations of the text are attributed to most."""
    answers, after_prompts, asked = [], [], 0
    for i, span in enumerate(spans):
        line_start = text.rfind("\n", 0, span.start) + 1
        if speakers[i] or text[line_start:span.start].strip():
            continue
        before = text[:line_start].rstrip()
        question_start = before.rfind("\n") + 1
        question = before[question_start:].strip()
        if _is_question(question):
            answers.append(i)
            asked += question.endswith("?")
        elif _is_prompt(question) and not (quoted and quoted.overlaps(question_start, len(before))):
            after_prompts.append(i)
    if not answers:
        return
    if asked >= 2:
        # An interview (two answered questions at least): the interviewer also puts statements
        # (`Critici zeggen: …`), answered the same way.
        answers = sorted(answers + after_prompts)
    counts: dict[str, int] = {}
    for speaker in speakers:
        if speaker:
            counts[speaker] = counts.get(speaker, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked and index is not None and len(answers) >= 2:
        # Nobody is quoted by name: the interviewee is the person the text introduces before
        # the first answer, when it names exactly one.
        before = {m.actor_id for m in index.people if m.end <= spans[answers[0]].start}
        ranked = [(before.pop(), 1)] if len(before) == 1 else []
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return  # nobody, or two people as often: the text does not say who answers
    for i in answers:
        speakers[i] = ranked[0][0]
