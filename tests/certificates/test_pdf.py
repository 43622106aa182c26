import io

import pytest
from pypdf import PdfReader

from courses.certificates.rendering import certificate_pdf_render

from .samples import REQUIRED_TEXT, sample_snapshot_inputs, snapshot_build


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def test_certificate_pdf_contains_every_required_field():
    snapshot = snapshot_build(**sample_snapshot_inputs())
    pdf = certificate_pdf_render(snapshot=snapshot)
    text = pdf_text(pdf)
    missing = [field for field in REQUIRED_TEXT if field not in text]
    assert not missing, f"missing on the certificate: {missing}"
    assert "K7PX-M3QD-9RTA" in text  # the verification code, as printed
    assert "/certificates/verify/K7PXM3QD9RTA/" in text.replace("\n", "")


def test_certificate_is_one_letter_landscape_page_with_a_link_to_the_verify_page():
    snapshot = snapshot_build(**sample_snapshot_inputs())
    reader = PdfReader(io.BytesIO(certificate_pdf_render(snapshot=snapshot)))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    links = [annot.get_object()["/A"]["/URI"] for annot in reader.pages[0].get("/Annots", [])]
    assert "https://academy.example/certificates/verify/K7PXM3QD9RTA/" in links


def test_certificate_embeds_the_shipped_font_only():
    snapshot = snapshot_build(**sample_snapshot_inputs())
    reader = PdfReader(io.BytesIO(certificate_pdf_render(snapshot=snapshot)))
    fonts = set()
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts
    # "Cert Serif" exists only as the @font-face over the shipped files: no system fallback crept in.
    assert all("Cert-Serif" in name for name in fonts), fonts


def test_a_snapshot_renders_the_same_words_every_time():
    snapshot = snapshot_build(**sample_snapshot_inputs())
    assert pdf_text(certificate_pdf_render(snapshot=snapshot)) == pdf_text(certificate_pdf_render(snapshot=snapshot))


def test_render_loads_nothing_outside_the_fonts_and_private_storage(settings, tmp_path):
    from courses.certificates import rendering

    outside = tmp_path / "outside.png"
    outside.write_bytes(b"\\x89PNG not really")
    html = rendering.certificate_html(snapshot=snapshot_build(**sample_snapshot_inputs()))
    html = html.replace("</body>", f'<img src="{outside.as_uri()}"><img src="https://example.com/x.png"></body>')
    pdf = rendering.render_html_to_pdf(html)  # refused fetches are skipped, never fatal
    assert pdf.startswith(b"%PDF")
    fetcher = rendering._local_fetcher()
    with pytest.raises(ValueError):
        fetcher.fetch(outside.as_uri())
    with pytest.raises(ValueError):
        fetcher.fetch("https://example.com/x.png")


def test_a_certificate_reads_the_same_whatever_the_language_of_who_renders_it():
    """Filed with a U.S. bar's CLE board, and re-rendered from its snapshot: always English."""
    from django.utils import translation

    from courses.certificates.rendering import certificate_html

    snapshot = snapshot_build(**sample_snapshot_inputs())
    english = certificate_html(snapshot=snapshot)
    with translation.override("es"):
        assert certificate_html(snapshot=snapshot) == english
    assert "Certificate of Attendance" in english
