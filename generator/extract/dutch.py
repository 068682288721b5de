"""The words and patterns of Dutch that the extraction rules share: capitals, name particles,
role words, months and weekdays, quotation marks. One definition each; the rules build their
regular expressions from these."""

from __future__ import annotations

from functools import lru_cache

from generator.extract.lexicon import words
from generator.model import DUTCH_MONTHS

# --- capitals ----------------------------------------------------------------
# The capital letters that open a name, for a regex character class: ASCII, Latin-1 (without
# the multiplication sign) and the Latin Extended-A capitals of European names (`Łukasz`,
# `Şahin`, `Čapek`).
UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# A nationality adjective, capitalised: `Franse`, `Britse`, `Europees`, `Oekraïense`, `Duitsche`.
NATIONALITY = rf"[{UPPER}][\w-]*(?:se|sche|ees|ese)"
# The lower-case letters a word of a name holds, for a character class (ASCII and Latin-1).
LOWER = "a-zà-ÿ"

# --- name particles ------------------------------------------------------------
# Words that stand inside a person's name, before the surname (`Wilma van der Veen`, `Ursula
# von der Leyen`, `Mohammed bin Salman`), longest first so that a regex alternation takes
# `van der` before `van`.
PARTICLES = (
    "van der", "van den", "van de", "van het", "von der",
    "van", "von", "de", "der", "den", "ter", "ten", "du", "da", "di", "le", "la", "al", "bin", "el", "zu",
)
# The single words of the particles, and `het`/`'t` of `van het`, `van 't`.
PARTICLE_WORDS = frozenset(w for p in PARTICLES for w in p.split()) | {"het", "'t"}


def particles_pattern(space: str = r"\s+", *, capital: bool = False) -> str:
    """The particles as a regex alternation (no group), their words joined by `space`;
    `capital`: a particle may also open with a capital, as Belgians write it (`Van der`, `De`)."""
    def one(particle: str) -> str:
        text = space.join(particle.split())
        return f"[{particle[0].upper()}{particle[0]}]{text[1:]}" if capital else text
    return "(?:" + "|".join(map(one, PARTICLES)) + ")"


# --- role words ----------------------------------------------------------------
# A word ending in one of these is a role: `NAVO-secretaris-generaal`, `oud-premier`, `marinechef`.
ROLE_ENDINGS = ("voorzitter", "minister", "commissaris", "secretaris-generaal", "president", "premier", "kanselier", "chef",
                "baas", "leider")


def role_words() -> frozenset[str]:
    """Role nouns that stand before or after a person's name, lower case (lexicon/roles.txt)."""
    return words("roles")


@lru_cache(maxsize=16384)
def is_role_word(word: str) -> bool:
    """Whether a word (any case, punctuation after it ignored) is a role: one of the role words,
    a compound whose last part is one (`EU-commissaris`), or a word with a role ending."""
    lower = word.lower().strip(",.:;")
    if not lower:
        return False
    roles = role_words()
    return lower in roles or lower.rsplit("-", 1)[-1] in roles or lower.endswith(ROLE_ENDINGS)


# --- months and weekdays ---------------------------------------------------------
MONTHS = DUTCH_MONTHS
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

# --- quotation marks -------------------------------------------------------------
# Every quotation mark a Dutch text uses: „…”, “…”, "…", ‘…’ and '…'.
QUOTE_MARKS = "„“”\"‘’'"
# The marks that may open a quotation before a word.
OPENING_MARKS = "„“\"‘'"
# The marks that can only be quotation marks (not an apostrophe): a paragraph with one quotes someone.
TYPOGRAPHIC_MARKS = "„“”\"‘’"
# Marks and brackets that may close a sentence after its full stop: `…, zei hij.”`
CLOSING = "\"'”’»)"

# --- reporting -----------------------------------------------------------------
# Finite reporting verbs (singular and plural), and the nouns `met de woorden`, `bij de opmerking`.
REPORTING_VERBS = (
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
IMPERSONAL = r"klinkt\s+het|klonk\s+het|hoor\s+je|hoorde\s+je|heet\s+het|luidt\s+het|luidde\s+het|valt\s+te\s+horen|is\s+te\s+horen|(?:staat|stond)(?:\s+(?:er|in)\b|(?=\s*:))"
