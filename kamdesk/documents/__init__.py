"""Printed documents: the customer dossier and the service plan, as PDF and Word.

`model` holds the neutral document; `dossier` and `plan` build it from the archive; `pdf` and
`word` render it. The renderers import reportlab / python-docx, so import them only when a
document is actually printed (never at desktop start-up).
"""

from __future__ import annotations

from typing import Literal

from kamdesk.documents.model import Document

Format = Literal["pdf", "docx"]
FORMATS: tuple[Format, ...] = ("pdf", "docx")


def render(document: Document, fmt: Format) -> bytes:
    """The document as the bytes of a PDF or a Word (.docx) file."""
    if fmt == "pdf":
        from kamdesk.documents.pdf import render_pdf

        return render_pdf(document)
    if fmt == "docx":
        from kamdesk.documents.word import render_docx

        return render_docx(document)
    raise ValueError(f"unknown document format {fmt!r}")
