"""Letters (reportlab PDF) and receipts (ESC/POS): plain dataclasses in, bytes out, then a sink.

No Qt here and no database: desktop.services.documents.issue gathers the data, issues and archives
the bytes; the Qt print sink (rasterising a PDF for QPrinter) lives in desktop.ui.

    data.py             the documents as frozen dataclasses
    letters.py          render(doc, paper) -> RenderedPdf (layouts imported lazily)
    pdfbase.py          fonts, paper, styles, kop surat, QR code, signature block
    pdfpage.py          pages: margins, verification footer, 'Halaman x dari y', build()
    pdf_letters.py      Tanda Terima, Lembar Disposisi, Surat Tugas
    pdf_reports.py      Laporan Pelaksanaan, Rekapitulasi
    pdf_sop.py          the SOP document with its matrix (landscape)
    receipts.py         the thermal receipt as ESC/POS bytes (58 and 80 mm)
    receipt_preview.py  a PNG of a receipt, drawn from its ESC/POS bytes
    sinks.py            network / USB / serial / Windows spooler; PrinterUnavailable
"""
