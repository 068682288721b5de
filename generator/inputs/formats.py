"""Saved web pages and PDF documents as sources: their text and what their metadata says.

Each reader turns a file into what a plain-text source holds, paragraphs separated by blank
lines, plus metadata under the keys a Markdown source's front matter uses (`title`, `date`,
`url`) and two of its own (`author`, `site_name`), so extraction treats every format alike.
Nothing from the file is kept as markup: the text is plain text, escaped when it is rendered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.errors import ERROR, WARNING, Problem

# A saved page over this size is not an article page (measured: trafilatura needs about a
# second per MB of HTML); it is refused rather than left to stall the build.
MAX_HTML_BYTES = 5 * 1024 * 1024
# Kamerstukken run to a few hundred pages; a longer PDF is read up to here, with a warning.
MAX_PDF_PAGES = 500

_WEB_ADDRESS = re.compile(r"https?://[^\s<>\"'`]+")
_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass
class Read:
    """What a reader found: the text (None when there is none to publish), metadata, problems."""

    text: str | None
    meta: list[tuple[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


# --- signatures ------------------------------------------------------------

def sniff(data: bytes) -> str | None:
    """The format a file's first bytes give away: "pdf", "html", another binary kind, or None."""
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head[:256]:
        return "html"
    for signature, kind in ((b"pk\x03\x04", "a ZIP archive or Word/OpenDocument file"), (b"\x89png", "a PNG image"),
                            (b"\xff\xd8\xff", "a JPEG image"), (b"gif8", "a GIF image"), (b"\xd0\xcf\x11\xe0", "an old Word file")):
        if head.startswith(signature):
            return kind
    return None


# --- HTML ------------------------------------------------------------------

def read_html(data: bytes, display: str) -> Read:
    """The article of a saved web page, without navigation, banners and footers (trafilatura),
    and its title, publication date, byline, site name and canonical address."""
    if len(data) > MAX_HTML_BYTES:
        return Read(None, problems=[Problem(display, 0, ERROR, f"is a web page of {len(data) // (1024 * 1024)} MB, over the "
                                            f"{MAX_HTML_BYTES // (1024 * 1024)} MB that an article page takes; save the article "
                                            "alone (or as text) and build again")])
    import trafilatura  # imported here: only builds with web pages pay for loading it

    try:
        document = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True, include_images=False,
            # The publication date only from where one stands (metadata, <time>, the address),
            # never a date found in the running text, which is an event.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # noqa: BLE001 - a page the parser cannot handle is one bad source, not a failed build
        return Read(None, problems=[Problem(display, 0, ERROR, f"cannot be read as a web page ({type(exc).__name__}: "
                                            f"{' '.join(str(exc).split())[:200]}); save the article as text instead")])
    found = document.as_dict() if document is not None else {}
    meta: list[tuple[str, str]] = []
    title = _clean(found.get("title"))
    if title:
        meta.append(("title", title))
    date = _precise(_clean(found.get("date")), data)
    if date:
        meta.append(("date", date))
    url = _clean(found.get("url"))
    if url and _WEB_ADDRESS.fullmatch(url):
        meta.append(("url", url))
    for key, value in (("author", found.get("author")), ("site_name", found.get("sitename"))):
        value = _clean(value)
        if value:
            meta.append((key, value))
    lines = [line.strip() for line in (found.get("text") or "").split("\n")]
    lines = [line for line in lines if line]
    if lines and title and lines[0] == title:
        lines = lines[1:]  # the headline is the title, not the first paragraph
    if not lines:
        return Read(None, meta, [Problem(display, 0, WARNING, "is a web page without article text (only navigation, scripts or "
                                         "other page chrome); save the article page itself, or its text as a .txt file")])
    return Read("\n\n".join(lines), meta)


def _precise(date: str, data: bytes) -> str:
    """The date as precise as the page gives it: htmldate fills in a day (and a month) that the
    page may not state, so a day counts only when the page itself writes it."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date):
        return date if _ISO_DATE.fullmatch(date or "-") else ""
    year, month, day = date.split("-")
    raw = data.decode("utf-8", errors="replace")
    from generator.model import DUTCH_MONTHS

    written = (f"{year}-{month}-{day}", f"{year}/{month}/{day}", f"{year}{month}{day}", f"{day}-{month}-{year}",
               f"{int(day)} {DUTCH_MONTHS[int(month) - 1]} {year}", f"{day}.{month}.{year}")
    if any(form in raw for form in written):
        return date
    if f"{year}-{month}" in raw or f"{year}/{month}" in raw:
        return f"{year}-{month}"
    return year


def _clean(value: object) -> str:
    return " ".join(str(value).split()) if value else ""


# --- PDF -------------------------------------------------------------------

# The running header or footer of an official publication, with the page number after it:
# `Tweede Kamer, vergaderjaar 2023–2024, 36 045, nr. 174 3`.
_RUNNING_LINE = re.compile(
    r"^(?:Tweede|Eerste) Kamer(?: der Staten-Generaal)?, vergaderjaar \d{4}\s*[–-]\s*\d{4}, [\d ]+(?:[A-Z]{1,3})?, nr\. \d+(?:\s+\d+)?$")
_PAGE_NUMBER = re.compile(r"^(?:(?:pagina|blz\.?|page)\s*)?\d{1,4}(?:\s*(?:/|van|of)\s*\d{1,4})?$", re.IGNORECASE)


def read_pdf(data: bytes, display: str) -> Read:
    """The text of a PDF with the layout noise of official publications removed: running
    headers and footers, page numbers, words hyphenated at line ends, lines rebuilt into
    paragraphs. Its title and creation date are kept apart, for when the text gives none."""
    if not data:
        return Read(None, problems=[Problem(display, 0, ERROR, "is an empty file (0 bytes); download the PDF again or remove it")])
    import pypdfium2 as pdfium  # imported here: only builds with PDFs pay for loading it

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            message = "is an encrypted PDF (it needs a password); save an unprotected copy, or the text as a .txt file"
        else:
            message = (f"cannot be read as a PDF ({' '.join(reason.split())[:120]}); it may be truncated or damaged: "
                       "download it again, or save its text as a .txt file")
        return Read(None, problems=[Problem(display, 0, ERROR, message)])
    problems: list[Problem] = []
    try:
        count = len(document)
        if count > MAX_PDF_PAGES:
            problems.append(Problem(display, 0, WARNING, f"has {count} pages; the first {MAX_PDF_PAGES} are read. "
                                    "Split the document if the rest matters"))
        pages = []
        for index in range(min(count, MAX_PDF_PAGES)):
            page = document[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range())
            textpage.close()
            page.close()
        meta = _pdf_meta(document)
    finally:
        document.close()
    text = rebuild_text(pages)
    if not text.strip():
        problems.append(Problem(display, 0, ERROR, "is a PDF without a text layer (a scan or images only); run it through OCR "
                                "and save the text as a .txt file, or find the text version of the document"))
        return Read(None, meta, problems)
    return Read(text, meta, problems)


def _pdf_meta(document) -> list[tuple[str, str]]:
    meta: list[tuple[str, str]] = []
    try:
        info = document.get_metadata_dict(skip_empty=True)
    except Exception:  # noqa: BLE001 - metadata is a bonus; a PDF without readable metadata still builds
        return meta
    title = _clean(info.get("Title"))
    if title and len(title) > 8 and not title.lower().endswith((".doc", ".docx", ".pdf")):
        meta.append(("pdf_title", title))
    created = re.match(r"D:(\d{4})(\d{2})(\d{2})", info.get("CreationDate") or "")
    if created:
        meta.append(("pdf_date", "-".join(created.groups())))
    return meta


def rebuild_text(pages: list[str]) -> str:
    """Paragraphs from the lines of PDF pages: running headers and footers and page numbers
    dropped, a word hyphenated at a line end joined, lines of one paragraph joined."""
    lines: list[str] = []
    for text in pages:
        page_lines = [" ".join(line.split()) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        lines += [line for line in page_lines if not _RUNNING_LINE.match(line) and not _PAGE_NUMBER.match(line)]
        lines.append("")  # the page break
    lengths = sorted(len(line) for line in lines if line)
    width = lengths[len(lengths) * 19 // 20] if lengths else 0  # a full line of the text block
    paragraphs: list[str] = []
    current, last = "", ""
    for index, line in enumerate(lines):
        if not line:
            nxt = next((candidate for candidate in lines[index + 1:] if candidate), "")
            # A paragraph runs on over a page break (or a blank line) when it stopped
            # mid-sentence and the next line continues in lower case.
            if current and not current.endswith((".", ":", "?", "!", ";")) and nxt[:1].islower():
                continue
            if current:
                paragraphs.append(current)
            current = last = ""
            continue
        if not current:
            current = line
        elif current.endswith("-") and line[:1].islower() and len(current) > 1 and current[-2].isalpha():
            current = current[:-1] + line  # `verdedigings-` + `bereidheid`
        elif _starts_paragraph(last, line, width):
            paragraphs.append(current)
            current = line
        else:
            current = f"{current} {line}"
        last = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _starts_paragraph(last: str, line: str, width: int) -> bool:
    """Whether a line starts a new paragraph although no empty line stands between: a list
    item, or a line after one that ended well short of the text's width."""
    if re.match(r"^(?:[-•–]\s|\d+[.)]\s|[a-z][.)]\s)", line):
        return True
    if last.endswith((".", "?", "!", ":")) and len(line) < width * 0.6:
        return True  # a short line after a sentence's end: a paragraph of one line (a signature, a heading)
    if len(last) >= width * 0.8 or last.endswith(","):
        return False  # the line before ran to the margin, or a comma goes on (`De minister van X,` + name)
    # A short line ends its paragraph (a heading, an address line, a sentence's end), unless the
    # next line continues it in lower case after no sentence end.
    return last.endswith((".", ":", "?", "!")) or not line[:1].islower()
