"""Extra words for the search index, so that Dutch word forms find each other.

Pagefind stems Dutch, but its stemmer gives `kernwapen` and `kernwapens` different stems, and it
cannot know that `defensiebegroting` is about a `begroting`. For every word of a briefing this
module adds, to an element readers do not see, the word's lemma and its other inflected forms
(from simplemma's Dutch lexicon: plurals, inflected adjectives, diminutives) and the parts of a
compound whose parts are both Dutch words. Only words the page does not already hold are added.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

# Words (letters only) of at least four letters: shorter ones are mostly function words.
MIN_LENGTH = 4
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}")
# A compound's parts: the head at least this long, the modifier at least MODIFIER letters.
HEAD, MODIFIER = 4, 3
# Endings past the lemma that a reader does not search by: comparatives, superlatives, present
# participles and the southern diminutive (groter, grootste, bouwend, huiske).
_UNSEARCHED = ("ke", "kes", "ken", "er", "ere", "ers", "st", "ste", "sten", "end", "ende", "enden")
# Joining letters between the parts of a Dutch compound (oorlogsschip, ziektekosten).
_LINKS = ("s", "e", "en")


def close(a: str, b: str) -> bool:
    """Do two forms differ only in their last two letters or less, past a common beginning?
    `raket`/`raketten`, `bondgenoot`/`bondgenoten` and `Europees`/`Europese` are close;
    `genoot`/`genieten` or `zei`/`zeggen` are not: a reader searching one rarely means the other."""
    common = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        common += 1
    return common >= min(len(a), len(b)) - 2


@cache
def _lexicon() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Form -> lemma, and lemma -> the forms close to it (see `close`)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    lemma_of: dict[str, str] = {}
    forms: dict[str, set[str]] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary("nl").items():
        form, lemma = form.lower(), lemma.lower()
        if form == lemma or not form.isalpha() or not lemma.isalpha():
            continue
        lemma_of.setdefault(form, lemma)
        if close(form, lemma) and not (form.startswith(lemma) and form[len(lemma):] in _UNSEARCHED):
            forms.setdefault(lemma, set()).add(form)
    return lemma_of, {lemma: tuple(sorted(f)) for lemma, f in forms.items()}


def _known(word: str) -> bool:
    lemma_of, forms = _lexicon()
    return word in lemma_of or word in forms


def _family(word: str) -> set[str]:
    """The word's lemma (following a diminutive to its base: huisjes, huisje, huis) and the
    lemma's forms."""
    lemma_of, forms = _lexicon()
    found = {word}
    lemma = word
    for _ in range(2):
        lemma = lemma_of.get(lemma, lemma)
        if close(lemma, word):
            found.add(lemma)
    for base in list(found):
        found.update(forms.get(base, ()))
    return found


def compound_parts(word: str) -> tuple[str, str] | None:
    """`defensiebegroting` -> (`defensie`, `begroting`): the longest head that is a Dutch word,
    after a modifier that is one too (with or without a joining s, e or en)."""
    for cut in range(MODIFIER, len(word) - HEAD + 1):
        head, modifier = word[cut:], word[:cut]
        if not _known(head):
            continue
        if _known(modifier):
            return modifier, head
        for link in _LINKS:
            if modifier.endswith(link) and len(modifier) - len(link) >= MODIFIER and _known(modifier[:-len(link)]):
                return modifier[:-len(link)], head
    return None


def search_words(texts: Iterable[str]) -> list[str]:
    """The forms a search should find these texts by that the texts do not hold, sorted."""
    present = {w.lower() for text in texts for w in _WORD.findall(text)}
    extra: set[str] = set()
    for word in present:
        extra |= _family(word)
        parts = compound_parts(word)
        if parts:  # the modifier as written, the head with its forms
            extra.add(parts[0])
            extra |= _family(parts[1])
    return sorted(w for w in extra - present if len(w) >= MIN_LENGTH)
