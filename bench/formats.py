"""What reading saved web pages and PDFs costs, measured on the synthetic corpus (`make bench`).

The same sources are written as saved web pages (each article inside navigation and a footer)
and, for a sample, as PDFs rendered with fpdf2; then the generator builds the web-page corpus
as it builds the text one, and the readers are timed per page.
"""

from __future__ import annotations

import html
import time
from pathlib import Path

SAMPLE = 50  # sources rendered as PDF and timed per page (rendering them is the slow part)


def _split(text: str) -> tuple[str | None, list[str]]:
    date = None
    if text.startswith(" date "):
        first, text = text.split("\n", 1)
        date = first.split()[1]
    return date, [p.strip() for p in text.split("\n\n") if p.strip()]


def write_html_corpus(sources: Path, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted(sources.iterdir()):
        date, paragraphs = _split(path.read_text(encoding="utf-8"))
        meta = f'<meta property="article:published_time" content="{date}">' if date and len(date) == 10 else ""
        body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        (folder / f"{path.stem}.html").write_text(
            f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{html.escape(paragraphs[0][:70])}</title>{meta}'
            f'</head><body><nav><a href="/">Home</a> <a href="/nieuws">Nieuws</a></nav><div class="cookies">Wij gebruiken cookies.</div>'
            f"<article>{body}</article><footer>Copyright. Deel dit artikel.</footer></body></html>", encoding="utf-8")


def _pdf(paragraphs: list[str]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in paragraphs:
        pdf.multi_cell(0, 6, paragraph.encode("latin-1", "replace").decode("latin-1"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    return bytes(pdf.output())


def reader_costs(sources: Path, html_folder: Path) -> dict:
    """Milliseconds per saved web page and per PDF page, over a sample."""
    from generator.inputs.formats import read_html, read_pdf

    pages = sorted(html_folder.iterdir())[:SAMPLE * 4]
    read_html(pages[0].read_bytes(), "warm-up")
    started = time.perf_counter()
    for page in pages:
        read_html(page.read_bytes(), page.name)
    html_ms = (time.perf_counter() - started) / len(pages) * 1000
    pdfs = [_pdf(_split(p.read_text(encoding="utf-8"))[1]) for p in sorted(sources.iterdir())[:SAMPLE]]
    import pypdfium2 as pdfium

    page_count = sum(len(pdfium.PdfDocument(data)) for data in pdfs)
    read_pdf(pdfs[0], "warm-up")
    started = time.perf_counter()
    for data in pdfs:
        read_pdf(data, "sample.pdf")
    pdf_ms = (time.perf_counter() - started) / page_count * 1000
    return {"html_page_ms": html_ms, "pdf_page_ms": pdf_ms}
