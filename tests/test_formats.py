"""Saved web pages and PDFs as sources: the article without page chrome, the metadata, the
same briefing from any format, and a clear message for every file that cannot be read."""

from __future__ import annotations

import shutil

import pytest
import yaml
from fpdf import FPDF

from generator.config import ROOT, Config
from generator.inputs import formats
from generator.inputs.formats import read_html, read_pdf, rebuild_text
from generator.pipeline import build

TITLE = "Kabinet stuurt luchtverdediging naar Polen"
PARAGRAPHS = [
    'Het kabinet stuurt meer luchtverdediging naar Polen, meldt minister Ruben Brekelmans van Defensie. '
    '"Dit is een belangrijke stap voor de veiligheid van het hele bondgenootschap", zei hij dinsdag in Den Haag.',
    "Op 24 februari 2022 viel Rusland Oekraïne binnen. Sindsdien versterkt de NAVO haar oostflank met extra troepen.",
    "De Tweede Kamer debatteert volgende week over de plannen van het kabinet.",
]
DATE = "2025-03-04"


def page(article: str = "", head_extra: str = "") -> str:
    """A saved news page: navigation, a cookie banner, share buttons, related links, a footer."""
    body = article or f"<h1>{TITLE}</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{TITLE} | Het Nieuws</title>
<meta property="og:title" content="{TITLE}"><meta property="og:site_name" content="Het Nieuws">
<meta name="author" content="Anna de Boer"><link rel="canonical" href="https://nieuws.example.nl/artikel/123">
<meta property="article:published_time" content="{DATE}T10:15:00+01:00">{head_extra}</head>
<body><nav><a href="/">Home</a> <a href="/buitenland">Buitenland</a></nav>
<div class="cookie-banner">Wij gebruiken cookies om de site te verbeteren. Akkoord</div>
<main><article>{body}<div class="share">Deel dit artikel op Facebook of X</div></article>
<aside><h2>Meer nieuws</h2><ul><li><a href="/a">Brand in Rotterdam</a></li><li><a href="/b">Weerbericht</a></li></ul></aside></main>
<footer>Copyright Het Nieuws 2025. Alle rechten voorbehouden.</footer></body></html>"""


def pdf_bytes(paragraphs: list[str], pages_of_filler: int = 0, encrypt: bool = False, text: bool = True) -> bytes:
    class Document(FPDF):
        def footer(self):
            self.set_y(-15)
            self.set_font("Helvetica", size=8)
            self.cell(0, 10, f"Tweede Kamer, vergaderjaar 2024-2025, 36 045, nr. 99 {self.page_no()}")

    pdf = Document()
    pdf.set_auto_page_break(True, margin=25)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    if not text:
        pdf.rect(20, 20, 100, 60, style="F")  # a scanned page: an image, no text layer
    for paragraph in paragraphs if text else []:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    for index in range(pages_of_filler):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"Bijlage {index + 1}.", new_x="LMARGIN", new_y="NEXT")
    if encrypt:
        pdf.set_encryption(owner_password="eigenaar", user_password="geheim")
    return bytes(pdf.output())


def project(tmp_path):
    (tmp_path / "seeds").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copytree(ROOT / "data", tmp_path / "data")
    return Config(sources=tmp_path / "seeds", docs=tmp_path / "docs", data=tmp_path / "data", root=tmp_path)


def front(config: Config, glob: str = "*.md") -> dict:
    text = next(p for p in sorted((config.docs / "briefings").glob(glob)) if p.name != "index.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1]) | {"_text": text}


# --- web pages ----------------------------------------------------------------

def test_a_saved_page_gives_the_article_without_the_page_around_it():
    read = read_html(page().encode(), "seeds/a.html")
    assert read.problems == []
    assert read.text.split("\n\n") == PARAGRAPHS  # paragraphs kept, headline not repeated
    for chrome in ("cookies", "Deel dit artikel", "Meer nieuws", "Brand in Rotterdam", "Copyright", "Buitenland"):
        assert chrome not in read.text
    assert dict(read.meta) == {"title": TITLE, "date": DATE, "url": "https://nieuws.example.nl/artikel/123",
                               "author": "Anna de Boer", "site_name": "Het Nieuws"}


def test_a_page_dates_from_its_metadata_never_from_an_event_in_its_text():
    undated = page().replace(f'<meta property="article:published_time" content="{DATE}T10:15:00+01:00">', "")
    read = read_html(undated.encode(), "seeds/a.html")
    assert "date" not in dict(read.meta)  # not 24 februari 2022 from the second paragraph


def test_a_page_that_gives_only_the_month_is_dated_to_the_month():
    monthly = page().replace(f"{DATE}T10:15:00+01:00", "2025-03")
    assert dict(read_html(monthly.encode(), "seeds/a.html").meta)["date"] == "2025-03"  # no invented day


def test_byline_and_site_are_provenance_never_actors(tmp_path):
    config = project(tmp_path)
    (config.sources / "artikel.html").write_text(page(), encoding="utf-8")
    report = build(config)
    assert report.errors == 0, report.problems
    data = front(config)
    assert data["author"] == "Anna de Boer" and "Het Nieuws" in data["media"]
    assert data["url"] == "https://nieuws.example.nl/artikel/123" and data["date"] == DATE
    assert not any("anna" in a or "nieuws" in a for a in data["actors"])
    assert '<li>Auteur: Anna de Boer</li>' in data["_text"]
    assert '<a href="https://nieuws.example.nl/artikel/123">' in data["_text"]


def test_markup_and_script_in_a_page_never_become_live_html(tmp_path):
    config = project(tmp_path)
    hostile = (f"<h1>{TITLE}</h1><p>{PARAGRAPHS[0]} De NAVO &lt;script&gt;alert(1)&lt;/script&gt; reageert.</p>"
               "<script>document.write('gevaar')</script><p>Meer over de NAVO en de Tweede Kamer in Den Haag vandaag.</p>")
    (config.sources / "artikel.html").write_text(page(hostile, '<meta name="author" content="&lt;b&gt;X&lt;/b&gt;">'), encoding="utf-8")
    build(config)
    text = front(config)["_text"]
    assert "<script" not in text and "gevaar" not in text and "<b>" not in text


def test_a_page_of_scripts_only_is_named_and_the_rest_still_builds(tmp_path):
    config = project(tmp_path)
    (config.sources / "leeg.html").write_text("<html><body><script>" + "var x = 1;" * 5000 + "</script></body></html>", encoding="utf-8")
    (config.sources / "goed.txt").write_text(f" date {DATE}\n{TITLE}\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    report = build(config)
    assert any(p.file.endswith("leeg.html") and "without article text" in p.message for p in report.problems)
    assert front(config)["title"] == TITLE


def test_malformed_and_huge_pages_give_a_message_not_a_crash(monkeypatch):
    read = read_html(b"<html><p>Half <b>open <i>tags " + b"De NAVO vergadert. " * 50 + b"<div><<<>>", "seeds/kapot.html")
    assert read.text is not None and "NAVO" in read.text  # read as far as it goes
    monkeypatch.setattr(formats, "MAX_HTML_BYTES", 1000)
    huge = read_html(page().encode() * 3, "seeds/groot.html")
    assert huge.text is None and "over the" in huge.problems[0].message and huge.problems[0].file == "seeds/groot.html"


# --- PDF --------------------------------------------------------------------

def test_running_headers_page_numbers_and_hyphenation_are_removed():
    pages = ["Dit is de eerste regel van een lange alinea die over de rand van de pagina heen door-\n"
             "loopt en daar verdergaat met de verdedigings-\nbereidheid van de NAVO.\n"
             "Tweede Kamer, vergaderjaar 2023–2024, 36 045, nr. 174 3\n",
             "4\nKort.\nEen nieuwe alinea begint hier.\n"]
    text = rebuild_text(pages)
    assert "vergaderjaar" not in text and "\n4\n" not in text
    assert "doorloopt" in text and "verdedigingsbereidheid" in text
    assert text.split("\n\n")[-1] == "Een nieuwe alinea begint hier."


def test_a_kamerstuk_pdf_gives_the_letter_fields_of_a_text_letter(tmp_path):
    letter = ["Tweede Kamer der Staten-Generaal", "Vergaderjaar 2024-2025", "36 045 Situatie in het Midden-Oosten",
              "Nr. 99 BRIEF VAN DE MINISTER VAN DEFENSIE", "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
              "Den Haag, 12 maart 2025",
              "Met deze brief informeer ik uw Kamer over de bijdrage van Nederland aan de luchtverdediging van de NAVO. "
              "Het kabinet heeft besloten een Patriot-eenheid naar Polen te sturen voor een periode van zes maanden.",
              "De minister van Defensie,", "R.P. Brekelmans"]
    config = project(tmp_path)
    (config.sources / "brief.pdf").write_bytes(pdf_bytes(letter))
    report = build(config)
    assert report.errors == 0, report.problems
    data = front(config)
    assert data["date"] == "2025-03-12" and data["source_type"] == "parliamentary_letter"
    assert data["letter"]["dossier"] == "36 045" and data["letter"]["number"] == "99"
    assert data["letter"]["signatories"] == [{"role": "De minister van Defensie", "name": "R.P. Brekelmans"}]
    assert "https://zoek.officielebekendmakingen.nl/kst-36045-99.html" in data["_text"]
    assert "vergaderjaar 2024-2025, 36 045" not in data["_text"]  # the running footer is gone


def test_unreadable_pdfs_are_named_with_what_to_do(tmp_path):
    config = project(tmp_path)
    good = pdf_bytes(PARAGRAPHS)
    (config.sources / "leeg.pdf").write_bytes(b"")
    (config.sources / "afgebroken.pdf").write_bytes(good[: len(good) // 3])
    (config.sources / "scan.pdf").write_bytes(pdf_bytes([], text=False))
    (config.sources / "beveiligd.pdf").write_bytes(pdf_bytes(PARAGRAPHS, encrypt=True))
    (config.sources / "goed.pdf").write_bytes(good)
    report = build(config)
    messages = {p.file.rsplit("/", 1)[-1]: p.message for p in report.problems if p.severity == "error"}
    assert "empty file" in messages["leeg.pdf"]
    assert "truncated or damaged" in messages["afgebroken.pdf"]
    assert "without a text layer" in messages["scan.pdf"] and "OCR" in messages["scan.pdf"]
    assert "encrypted" in messages["beveiligd.pdf"]
    assert "goed.pdf" not in messages and front(config)["source"].endswith("goed.pdf")


def test_a_pdf_of_many_pages_is_read_up_to_a_bound_with_a_warning(monkeypatch):
    monkeypatch.setattr(formats, "MAX_PDF_PAGES", 3)
    read = read_pdf(pdf_bytes(PARAGRAPHS, pages_of_filler=6), "seeds/lang.pdf")
    assert read.text and "Bijlage 2." in read.text and "Bijlage 5." not in read.text
    assert "has 7 pages; the first 3 are read" in read.problems[0].message


# --- every format alike -------------------------------------------------------

@pytest.mark.parametrize("fmt", ["txt", "md", "html", "pdf"])
def test_the_same_article_gives_the_same_briefing_in_every_format(tmp_path, fmt):
    config = project(tmp_path)
    body = "\n\n".join(PARAGRAPHS)
    writers = {
        "txt": lambda p: p.write_text(f" date {DATE}\n{body}\n", encoding="utf-8"),
        "md": lambda p: p.write_text(f"---\ntitle: {TITLE}\ndate: {DATE}\n---\n\n{body}\n", encoding="utf-8"),
        "html": lambda p: p.write_text(page(), encoding="utf-8"),
        # A PDF's date comes from its text or, failing that, its metadata: here the text says it.
        "pdf": lambda p: p.write_bytes(pdf_bytes([f"Den Haag, {4} maart 2025", *PARAGRAPHS])),
    }
    writers[fmt](config.sources / f"artikel.{fmt}")
    report = build(config)
    assert report.errors == 0, report.problems
    data = front(config)
    assert data["date"] == DATE
    assert {"ruben-brekelmans", "polen", "rusland", "oekraine", "navo", "tweede-kamer"} <= set(data["actors"])
    assert [q["speaker"] for q in data["quotes"]] == ["ruben-brekelmans"]
    assert data["quotes"][0]["text"].startswith("Dit is een belangrijke stap")


def test_the_same_article_in_two_formats_is_published_once(tmp_path):
    config = project(tmp_path)
    (config.sources / "a.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    (config.sources / "b.html").write_text(page(), encoding="utf-8")
    report = build(config)
    assert len([p for p in (config.docs / "briefings").glob("*.md") if p.name != "index.md"]) == 1
    assert any("b.html" in p.file or "b.html" in p.message for p in report.problems)


# --- every file accounted for -------------------------------------------------

def test_files_that_are_not_sources_are_named_and_disguised_ones_refused(tmp_path):
    config = project(tmp_path)
    (config.sources / "notities.docx").write_bytes(b"PK\x03\x04 word")
    (config.sources / "brief.txt").write_bytes(pdf_bytes(PARAGRAPHS))
    (config.sources / "pagina.txt").write_text(page(), encoding="utf-8")
    (config.sources / "artikel.yml").write_text("title: Een titel\n", encoding="utf-8")
    (config.sources / "artikel.txt").write_text("\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    report = build(config)
    by_file = {p.file.rsplit("/", 1)[-1]: p for p in report.problems}
    assert by_file["notities.docx"].severity == "warning" and "is not read" in by_file["notities.docx"].message
    assert by_file["brief.txt"].severity == "error" and "rename it to .pdf" in by_file["brief.txt"].message
    assert by_file["pagina.txt"].severity == "error" and "rename it to .html" in by_file["pagina.txt"].message
    assert "artikel.yml" not in by_file  # a sidecar is no stray file


# --- dossiers -----------------------------------------------------------------

def letter_text(number: int, day: int, subject: str) -> str:
    return (f"Tweede Kamer der Staten-Generaal\n\n36 045 Situatie in het Midden-Oosten\n\nNr. {number} BRIEF VAN DE MINISTER VAN DEFENSIE\n\n"
            f"Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\nDen Haag, {day} maart 2025\n\n"
            f"Met deze brief informeer ik uw Kamer over {subject}. De NAVO en Polen zijn hierover geïnformeerd.\n\n"
            "De minister van Defensie,\nR.P. Brekelmans\n")


def test_letters_of_one_dossier_are_related_and_listed_on_the_dossier_page(tmp_path):
    config = project(tmp_path)
    (config.sources / "a.txt").write_text(letter_text(98, 3, "de inzet van een Patriot-eenheid"), encoding="utf-8")
    (config.sources / "b.txt").write_text(letter_text(99, 20, "de kosten van de luchtverdediging"), encoding="utf-8")
    report = build(config)
    assert report.errors == 0, report.problems
    dossier = (config.docs / "dossiers" / "36045.md").read_text(encoding="utf-8")
    assert "# Kamerstuk 36 045: Situatie in het Midden-Oosten" in dossier
    items = [line for line in dossier.splitlines() if line.startswith("<li>")]
    assert [("20 maart" in items[0]), ("3 maart" in items[1])] == [True, True]  # newest first
    assert "kst-36045-99.html" in items[0] and "kst-36045-98.html" in items[1]
    newer = front(config, "2025-03-20-*.md")
    related = newer["_text"].split("## Gerelateerde briefings", 1)[1]
    assert "zelfde Kamerstukdossier 36 045" in related and "2025-03-03-" in related
    assert '<a href="../../dossiers/36045/">36 045 · Situatie in het Midden-Oosten</a>' in newer["_text"]
