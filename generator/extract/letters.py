"""The head of a source: a news agency's dateline (`LONDEN (ANP/AFP) - `) and the header and
signatures of a Dutch parliamentary letter (number, senders, addressee, place and date,
subject, dossier)."""

from __future__ import annotations

import re

from generator.extract.dates import find_dutch_date
from generator.extract.dutch import UPPER
from generator.extract.text import paragraphs
from generator.model import Dateline, Letter, PartialDate, Signatory

_DATELINE = re.compile(
    rf"\A(?P<place>[{UPPER}][{UPPER}'’.-]+(?: [{UPPER}][{UPPER}'’.-]+){{0,3}})"
    rf"\s*(?:\((?P<agencies>[{UPPER}0-9][{UPPER}0-9a-z&. -]*(?:\s*[/,]\s*[{UPPER}0-9][{UPPER}0-9a-z&. -]*)*)\))?"
    r"\s*[-–—]+\s+"
)
_DOSSIER = re.compile(r"\d{2}\s?\d{3}(?:-[A-Z0-9]+)?(?:\s+[A-Z]{1,3})?")
_DOSSIER_AND_TITLE = re.compile(r"(\d{2}\s?\d{3}(?:-[A-Z0-9]+)?)\s+([A-Z][^\d].{0,150})")
# `De Minister van Defensie, A.B. Jansen` on one line, as the official publication prints it.
_SIGNATURE_LINE = re.compile(
    r"((?:De|Het)\s+(?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)\b[^,\n]{0,100}),\s+"
    rf"((?:[A-Z][a-z]?\.)+\s*(?:[a-z]+\s+){{0,3}}[{UPPER}][\w’'-]+(?:[ -][{UPPER}][\w’'-]+)?)"
)
_LETTER_NUMBER = re.compile(r"Nr\.\s*(\d+)\s*(.*)")
_SENDERS = re.compile(r"(?:Brief van|BRIEF VAN)\s+(.+)")
_ADDRESSEE = re.compile(r"Aan (de .+)")
_PLACE_DATE = re.compile(r"([A-Z][^,\d]{1,40}),\s*(\d{1,2}\s+\w+\s+\d{4})")
_DATE_FIELD = re.compile(r"Datum:?\s+(.*\d{4})")
_SUBJECT_FIELD = re.compile(r"(?:Betreft|Onderwerp):?\s+(.+)")
_POSTAL = re.compile(
    r"(?:Postbus\s+\d+|\d{4}\s?[A-Z]{2}\s+.+|der Staten-Generaal|Binnenhof.*|Plein.*|Kenmerk.*|Uw kenmerk.*|Bijlage\(n\).*|Bijlagen?.*)"
)
_ROLE_LINE = re.compile(r"(?:De|Het)\s+\S.{2,100},")
_AGENCY_CASE = {"BLOOMBERG": "Bloomberg", "REUTERS": "Reuters", "BELGA": "Belga", "NOVUM": "Novum"}


def parse_dateline(text: str) -> tuple[Dateline | None, int]:
    """`LONDEN (ANP/BLOOMBERG/AFP) - ` at the very start: place, agencies and where it ends."""
    match = _DATELINE.match(text)
    if not match:
        return None, 0
    place_caps = match.group("place")
    agencies_raw = match.group("agencies")
    if len(place_caps.replace(" ", "")) < 3 or (not agencies_raw and len(place_caps) < 4):
        return None, 0
    place = " ".join("-".join(part.capitalize() for part in word.split("-")) for word in place_caps.split())
    agencies: tuple[str, ...] = ()
    if agencies_raw:
        names = [a.strip() for a in re.split(r"[/,]", agencies_raw) if a.strip()]
        agencies = tuple(_AGENCY_CASE.get(a.upper(), a if len(a) <= 4 else a.capitalize()) for a in names)
    return Dateline(place, agencies), match.end()


def parse_letter(text: str) -> tuple[Letter | None, int, PartialDate | None]:
    """The header of a Dutch parliamentary letter, the offset where its body starts, and its date."""
    if "Nr." not in text and "Aan de " not in text:
        return None, 0, None  # neither a number line nor an addressee line: not a letter
    lines = _top_lines(text)
    fields = _fields(lines)
    has_date = "place_date" in fields or "date_field" in fields
    if not ("number" in fields or ("addressee" in fields and has_date)):
        return None, 0, None
    header_end = _header_end(lines, fields)
    number, senders, dossier, dossier_title = _number_and_dossier(lines, fields)
    if not senders and "senders" in fields:
        senders = _SENDERS.fullmatch(fields["senders"][0]).group(1)
    addressee = _addressee(lines, fields)
    place, date = _place_and_date(fields)
    subject = _SUBJECT_FIELD.fullmatch(fields["subject"][0]).group(1).strip() if "subject" in fields else ""
    letter = Letter(dossier, dossier_title, number, senders, addressee, place, subject, _signatories(text))
    return letter, lines[header_end][2], date


def _top_lines(text: str) -> list[tuple[str, int, int]]:
    """The first 25 lines that are not blank: (stripped line, start, end)."""
    lines = []
    offset = 0
    for raw in text.split("\n"):
        if raw.strip():
            lines.append((raw.strip(), offset, offset + len(raw)))
        offset += len(raw) + 1
        if len(lines) >= 25:
            break
    return lines


# Each field regex with what a line must start with (or hold) to match it, tested first.
_FIELD_REGEXES = (
    ("number", _LETTER_NUMBER, "Nr."),
    ("senders", _SENDERS, ("Brief van", "BRIEF VAN")),
    ("addressee", _ADDRESSEE, "Aan de "),
    ("place_date", _PLACE_DATE, ""),
    ("date_field", _DATE_FIELD, "Datum"),
    ("subject", _SUBJECT_FIELD, ("Betreft", "Onderwerp")),
)


def _fields(lines: list[tuple[str, int, int]]) -> dict[str, tuple[str, int]]:
    """The first line of each header field (the line, its index), each line one field at most."""
    fields: dict[str, tuple[str, int]] = {}
    for index, (line, _, _) in enumerate(lines):
        for key, regex, opening in _FIELD_REGEXES:
            if (
                key not in fields
                and (line.startswith(opening) if opening else "A" <= line[0] <= "Z" and "," in line)
                and regex.fullmatch(line)
            ):
                fields[key] = (line, index)
                break
    return fields


def _header_end(lines: list[tuple[str, int, int]], fields: dict[str, tuple[str, int]]) -> int:
    """The index of the header's last line: address lines and a subject that follow the last
    recognised field still belong to it (a subject found there is added to `fields`)."""
    header_end = max(index for _, index in fields.values())
    while header_end + 1 < len(lines) and (
        _POSTAL.fullmatch(lines[header_end + 1][0]) or _SUBJECT_FIELD.fullmatch(lines[header_end + 1][0])
    ):
        header_end += 1
        if _SUBJECT_FIELD.fullmatch(lines[header_end][0]) and "subject" not in fields:
            fields["subject"] = (lines[header_end][0], header_end)
    return header_end


def _number_and_dossier(lines: list[tuple[str, int, int]], fields: dict[str, tuple[str, int]]) -> tuple[str, str, str, str]:
    """The letter's number, its senders as the number line gives them, and the dossier number
    and title above it."""
    if "number" not in fields:
        return "", "", "", ""
    number, rest = _LETTER_NUMBER.fullmatch(fields["number"][0]).groups()
    senders = re.sub(r"^(?:Brief van|BRIEF VAN)\s+", "", rest).strip()
    before = [line for line, _, _ in lines[: fields["number"][1]]]
    if before and _DOSSIER.fullmatch(before[0]):
        return number, senders, before[0], " ".join(before[1:])
    # `28 676 NAVO` on one line, perhaps under a line of page chrome.
    for line in before[:3]:
        match = _DOSSIER_AND_TITLE.fullmatch(line)
        if match:
            return number, senders, match.group(1), match.group(2)
    return number, senders, "", ""


def _addressee(lines: list[tuple[str, int, int]], fields: dict[str, tuple[str, int]]) -> str:
    if "addressee" not in fields:
        return ""
    addressee = _ADDRESSEE.fullmatch(fields["addressee"][0]).group(1)
    following = fields["addressee"][1] + 1
    if following < len(lines) and lines[following][0].startswith("der Staten-Generaal") and "Staten-Generaal" not in addressee:
        addressee += " der Staten-Generaal"
    return addressee


def _place_and_date(fields: dict[str, tuple[str, int]]) -> tuple[str, PartialDate | None]:
    """The place and date of the date line (`Den Haag, 2 maart 2026`), else the date of a `Datum` field."""
    place, date = "", None
    if "place_date" in fields:
        place_text, date_text = _PLACE_DATE.fullmatch(fields["place_date"][0]).groups()
        place = place_text.strip()
        found = find_dutch_date(date_text)
        date = found[0] if found else None
    if date is None and "date_field" in fields:
        found = find_dutch_date(fields["date_field"][0])
        date = found[0] if found else None
    return place, date


def _signatories(text: str) -> tuple[Signatory, ...]:
    """The signature blocks at the end (role line, name line), else role and name on one line
    (`De Minister van Defensie, A.B. Jansen`) wherever such lines stand."""
    found = []
    for lines in reversed(paragraphs(text)):
        if len(lines) == 2 and _ROLE_LINE.fullmatch(lines[0]) and len(lines[1]) <= 60:
            found.append(Signatory(lines[0].rstrip(","), lines[1]))
        else:
            break
    if found:
        return tuple(reversed(found))
    one_line = [
        Signatory(*m.groups()) for lines in paragraphs(text) if len(lines) == 1 for m in [_SIGNATURE_LINE.fullmatch(lines[0].strip())] if m
    ]
    return tuple(dict.fromkeys(one_line))

