"""The clauses of a text as the subject rules (see `subjects`) read them: what a rule finds
(`Speaker`, and the reading steps `Stop` and `GoTo`), what the whole text tells them
(`Context`: its mentions, its quotations, who a pronoun refers back to) and the state of
reading one clause (`Clause`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.extract.dutch import QUOTE_MARKS, REPORTING_VERBS, UPPER, is_role_word, particles_pattern
from generator.extract.spans import ActorSpan, ActorSpans, SpanSet

VERB_WORD = re.compile(REPORTING_VERBS)
TOKEN = re.compile(r"„[^„“”\n]*[”“]|“[^“”\n]*[”\"]|\"[^\"\n]*\"|‘[^‘’\n]*’|[^\W\d_][\w'’-]*|\d[\w.,]*|[,;:()]")
# Capitalised words that open a sentence without being a name.
OPENERS = {
    "de", "het", "een", "ook", "maar", "en", "daarna", "later", "eerder", "toen", "zo", "toch", "dan", "nu", "intussen",
    "volgens", "in", "op", "bij", "na", "tijdens", "over", "met", "voor", "hij", "zij", "ze", "dat", "dit", "die", "wie",
    "vorige", "vorig", "afgelopen", "gisteren", "vandaag", "daarbij", "daarom", "bovendien", "wel", "niet", "al", "nog",
}
# Two capitalised words (with particles): a name, when the words around it say it is a person.
_NAME_RUN = re.compile(rf"(?<=[\s(])[{UPPER}][\w'’-]+(?:\s+{particles_pattern(' ')})?\s+[{UPPER}][\w'’-]+")
_PERSON_AFTER = re.compile(r"\s*\(\d{1,3}\)|,\s+(?:de\s+|het\s+)?([\w-]+)")
_PERSON_NOUNS = (
    "commandant", "wethouder", "burgemeester", "directeur", "woordvoerder", "woordvoerster", "matroos", "omwonende", "onderzoeker",
    "generaal", "majoor", "kolonel", "luitenant", "kapitein", "officier", "hoogleraar", "parlementariër", "kamerlid", "bewoner",
)


def _is_person_noun(word: str) -> bool:
    return is_role_word(word) or word.lower().endswith(_PERSON_NOUNS)


# --- results -------------------------------------------------------------------


@dataclass(frozen=True)
class Speaker:
    """Who a rule says is speaking: an actor, or (`actor_id` None) a source the text leaves
    unnamed, which no other rule may then fill in."""

    actor_id: str | None


NOBODY = Speaker(None)


def named(speaker: Speaker | None) -> str | None:
    """The actor id of a speaker, None for nobody or no speaker found."""
    return speaker.actor_id if speaker is not None else None


@dataclass(frozen=True)
class Stop:
    """Reading stops: the clause's subject is `speaker` (None: the clause names no subject)."""

    speaker: Speaker | None


@dataclass(frozen=True)
class GoTo:
    """Reading goes on at token `index`."""

    index: int


Step = Stop | GoTo


# --- the text -----------------------------------------------------------


class Context:
    """What the subject rules need to know about the whole text: the actors it names and its quotations."""

    def __init__(self, text: str, quoted: SpanSet, mentions: list[ActorSpan]):
        self.text = text
        self.quoted = quoted
        self.index = ActorSpans(mentions, quoted)
        self.mentioned = SpanSet((m.start, m.end) for m in mentions)

    def antecedent(self, position: int) -> Speaker:
        """The person a pronoun or a bare role word refers back to.

        Nobody when a person the mentions do not know was introduced after the last one they know.
        """
        last = self.index.last_person_before(position)
        if self._unknown_person(last.end if last else max(0, position - 3000), position):
            return NOBODY
        return Speaker(last.actor_id) if last else NOBODY

    def _unknown_person(self, start: int, end: int) -> bool:
        """Whether text[start:end] introduces a person no mention covers: `zegt Sanne Verhoeven, onderzoeker`."""
        text = self.text
        for match in _NAME_RUN.finditer(text, max(start, end - 3000), end):
            if self.mentioned.overlaps(*match.span()) or self.quoted.overlaps(*match.span()):
                continue
            before = text[max(0, match.start() - 40):match.start()].split()
            cue = before[-1].strip(",:(").lower() if before else ""
            after = _PERSON_AFTER.match(text, match.end())
            if VERB_WORD.fullmatch(cue) or _is_person_noun(cue) or (after and (not after.group(1) or _is_person_noun(after.group(1)))):
                return True
        return False

    def mention_at(self, token: re.Match) -> ActorSpan | None:
        """The mention that starts where the token starts."""
        mention = self.index.starting_in(*token.span())
        return mention if mention and mention.start == token.start() else None

    def is_name(self, token: re.Match) -> bool:
        """A capitalised word that no mention covers, and no role: part of a name the mentions do not know."""
        word = token.group()
        return word[:1].isupper() and word[0] not in QUOTE_MARKS and not self.mention_at(token) and not is_role_word(word) \
            and word.lower() not in OPENERS


# --- reading a clause ---------------------------------------------------------------


@dataclass(frozen=True)
class Word:
    """A word token as the rules see it: its lower case (for `NAVO-baas`, the part after the
    mention: `baas`), the mention that is the whole token, and the mention a hyphen joins
    it to (`NAVO-woordvoerder`)."""

    token: re.Match
    lower: str
    mention: ActorSpan | None = None
    qualifier: ActorSpan | None = None


class Clause:
    """The tokens of a clause and what reading them so far has found."""

    def __init__(self, context: Context, start: int, end: int, *, after: bool = False, plural: bool = False,
                 volgens: bool = False):
        self.context = context
        self.text = context.text
        self.tokens = list(TOKEN.finditer(context.text, start, end))
        self.after = after  # right after a reporting verb or `volgens`
        self.plural = plural  # the verb is plural
        self.volgens = volgens  # right after `volgens`
        self.prep = False  # inside a prepositional phrase: what it names is no subject
        self.owner = False  # an office or spokesperson whose owner the text names next
        self.indefinite = False  # after `een`, `enkele`: someone the text does not name
        self.pending: str | None = None  # a country adjective waiting for its noun: `de Franse regering`
        self.words = 0  # words read so far

    def person_at(self, k: int) -> bool:
        """Does a person's mention start at token k (False past the end)?"""
        if k >= len(self.tokens):
            return False
        mention = self.context.mention_at(self.tokens[k])
        return mention is not None and mention.kind == "person"

    def name_at(self, k: int) -> bool:
        """Is token k part of a name the mentions do not know (False past the end)?"""
        return k < len(self.tokens) and self.context.is_name(self.tokens[k])

    def after_mention(self, i: int, end: int) -> int:
        """The first token from i on that starts at or after `end`."""
        while i < len(self.tokens) and self.tokens[i].start() < end:
            i += 1
        return i

