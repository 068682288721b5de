"""When a word in capitals that no registry entry knows is an organisation.

Texts on security policy are full of capitals that are no organisations: weapon systems and
aircraft (`F16`, `TU-160`), flights (`MH17`), treaties (`NPT`), hazards (`CBRN`), policies
(`GVDB`), operations (`OEF`), meetings (`DMM`) and offices (`HV`). So a candidate acronym names
an organisation only when the text says so:

- an expansion in brackets names an organisation: `Joint Force Command (JFC)` or `JFC (Joint
  Force Command)`, where the expansion holds an organisation word (`raad`, `dienst`, `Command`,
  `Group`...); the candidate then takes the expansion as its name. An expansion without one
  (`Bruto Binnenlands Product (BPP)`, `Operatie Enduring Freedom (OEF)`) means no organisation.
- an organisation context: a role or organisation word joined to it (`ISAF-missie`,
  `XYZ-woordvoerder`), or right before it (`woordvoerder van de XYZ`, `de missie XYZ`,
  `terreurgroep XYZ`), or an English role after it (`XYZ Director`).

A designation with digits (`F35`, `MH17`, `SNMG1`) or one followed by `-` and a number
(`TU-160`) is a type or a number, never an organisation.
"""

from __future__ import annotations

import re

from generator.extract.dutch import LOWER, UPPER

ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")

# Words that make a phrase the name of an organisation; matched as the end of a word, so
# `Adviesraad` and `Bestuursdienst` count.
_ORG_WORDS = (
    "raad", "commissie", "dienst", "agentschap", "organisatie", "bureau", "instituut", "alliantie", "bank", "fonds", "hof",
    "vereniging", "partij", "beweging", "front", "leger", "strijdkrachten", "parlement", "assemblee", "comité", "centrum",
    "federatie", "unie", "forum", "secretariaat", "directie", "inspectie", "autoriteit", "ministerie", "groep", "brigade",
    "council", "command", "group", "agency", "organization", "organisation", "office", "institute", "alliance", "fund",
    "court", "association", "party", "movement", "army", "force", "forces", "parliament", "assembly", "committee",
    "centre", "center", "federation", "union", "authority", "ministry", "board", "corps",
)
_ORG_WORD = re.compile(rf"(?:{'|'.join(_ORG_WORDS)})$", re.IGNORECASE)
_EXPANSION_TOKEN = rf"(?:[{UPPER}][\w’'&.-]*|van|voor|de|der|het|en|of|for|of|the|and|on|in|op|tegen)"
_EXPANSION_BEFORE = re.compile(rf"((?:{_EXPANSION_TOKEN}\s+){{0,7}}[{UPPER}][\w’'&.-]*)\s*\($")
_EXPANSION_AFTER = re.compile(rf"\s*\(((?:[{UPPER}][\w’'&.-]*)(?:\s+{_EXPANSION_TOKEN}){{0,7}})\)")
_SMALL_WORDS = {"van", "voor", "de", "der", "het", "en", "of", "for", "the", "and", "on", "in", "op", "tegen"}

_CONTEXT_AFTER = {
    "woordvoerder", "woordvoerster", "woordvoerders", "topman", "topvrouw", "chef", "baas", "directeur", "voorzitter",
    "leider", "leiders", "leiding", "lid", "leden", "lidstaat", "lidstaten", "landen", "missie", "militairen", "troepen",
    "strijders", "hoofdkwartier", "top", "fractie", "delegatie", "secretaris-generaal", "commandant", "bondgenoten",
}
_CONTEXT_AFTER_WORD = re.compile(rf"-([{LOWER}-]+)")
_ENGLISH_ROLE_AFTER = re.compile(r"\s+(?:Director|CEO|chief|spokesperson|spokesman|chairman|Secretary-General)\b")
_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:woordvoerders?|woordvoerster|directeur|voorzitter|topman|topvrouw|chef|leider|leiding|lid|leden|commandant|"
    r"secretaris-generaal|baas|medewerkers?)\s+(?:van|bij)\s+(?:de\s+|het\s+)?"
    r"|\b(?:troepenmacht|missie|organisatie|beweging|terreurgroep|terreurorganisatie|groepering|militie|rebellengroep|partij|"
    r"bondgenootschap|alliantie|vakbond|bedrijf|concern|denktank|inlichtingendienst)\s+)$"
)
_DESIGNATION_AFTER = re.compile(r"-\d")


def _initials_fit(acronym: str, expansion: str) -> bool:
    """The acronym's first letter opens the expansion and it has no more letters than words allow."""
    words = [w for w in expansion.split() if w.lower() not in _SMALL_WORDS]
    letters = [c for c in acronym if c.isalpha()]
    return bool(words) and letters[0] == words[0][0].upper() and len(letters) <= 2 * len(words) + 1


def _expansion(text: str, start: int, end: int) -> str | None:
    acronym = text[start:end]
    if start and text[start - 1] == "(" and text[end:end + 1] == ")":
        match = _EXPANSION_BEFORE.search(text, max(0, start - 120), start)
        if match:
            phrase = match.group(1)
            words = phrase.split()
            # Drop leading words until the initials line up (`stelt de Adviesraad ... (AIV)`).
            while words and not (words[0][0].isupper() and words[0][0] == acronym[0]):
                words.pop(0)
            phrase = " ".join(words)
            if phrase and _initials_fit(acronym, phrase):
                return phrase
    match = _EXPANSION_AFTER.match(text, end)
    if match and _initials_fit(acronym, match.group(1)):
        return match.group(1)
    return None


def is_organisation_word(phrase: str) -> bool:
    return any(_ORG_WORD.search(word.strip("’'.,")) for word in phrase.split())


def organisation_for(text: str, start: int, end: int) -> tuple[str | None, tuple[int, int] | None]:
    """For a candidate acronym at text[start:end]: the organisation's name, or None when the
    text does not make it one; and the span of an expansion in brackets, if it has one."""
    acronym = text[start:end]
    if any(c.isdigit() for c in acronym) or _DESIGNATION_AFTER.match(text, end):
        return None, None
    expansion = _expansion(text, start, end)
    if expansion is not None:
        if not is_organisation_word(expansion):
            return None, None
        at = text.rfind(expansion, max(0, start - 130), start) if text[start - 1:start] == "(" else text.find(expansion, end)
        return expansion, (at, at + len(expansion)) if at >= 0 else None
    after = _CONTEXT_AFTER_WORD.match(text, end)
    if after and after.group(1) in _CONTEXT_AFTER:
        return acronym, None
    if _ENGLISH_ROLE_AFTER.match(text, end) or _CONTEXT_BEFORE.search(text, max(0, start - 60), start):
        return acronym, None
    return None, None
