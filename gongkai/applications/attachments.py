"""Uploaded files of an application: identity proof and others, checked and stored privately (art. 29)."""

import hashlib

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Attachment

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
#: Allowed types, recognised by their first bytes and then parsed (the name and the browser's claim
#: are not trusted).
SIGNATURES = {
    b"%PDF-": ("application/pdf", ".pdf"),
    b"\xff\xd8\xff": ("image/jpeg", ".jpg"),
    b"\x89PNG\r\n\x1a\n": ("image/png", ".png"),
}


def sniff(upload) -> tuple[str, str] | None:
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    for magic, kind in SIGNATURES.items():
        if head.startswith(magic):
            return kind
    return None


# Markup that makes a file a polyglot a browser could run as a page (HTML hidden in a JPEG comment or
# after a PDF's end): a scan or a photo of an identity document never contains it.
MARKUP = (b"<html", b"<script", b"<svg", b"<iframe", b"<body", b"javascript:")


def parses_as(upload, content_type: str) -> bool:
    """The file really is what its first bytes say: the image decodes, the PDF parses with a page."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    if any(marker in data.lower() for marker in MARKUP):
        return False
    import io

    try:
        if content_type == "application/pdf":
            from pypdf import PdfReader

            return len(PdfReader(io.BytesIO(data)).pages) > 0
        from PIL import Image

        with Image.open(io.BytesIO(data)) as image:
            if image.width * image.height > 80_000_000:  # a decompression bomb, not a scan
                return False
            image.load()
        return True
    except Exception:  # noqa: BLE001 - any parser error means the file is not a valid PDF or image
        return False


def validate_upload(upload) -> str:
    """Check one file: at most 10 MB, a PDF, JPEG or PNG that parses as one. Returns its content type."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError(
            _("“%(name)s” is %(size)s MB; a file may be at most 10 MB.")
            % {"name": upload.name, "size": round(upload.size / 1024 / 1024, 1)},
            code="too_large",
        )
    kind = sniff(upload)
    if kind is None or not parses_as(upload, kind[0]):
        raise ValidationError(
            _("“%(name)s” is not a PDF, JPG or PNG file.") % {"name": upload.name}, code="bad_type"
        )
    return kind[0]


def validate_uploads(uploads) -> None:
    if len(uploads) > MAX_FILES:
        raise ValidationError(_("Attach at most %(n)s files.") % {"n": MAX_FILES}, code="too_many")
    for upload in uploads:
        validate_upload(upload)


def store(application, upload, kind: str) -> Attachment:
    """Save ``upload`` to the private storage (outside MEDIA_ROOT) and record it."""
    content_type = validate_upload(upload)
    digest = hashlib.sha256()
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    suffix = next(ext for _m, (ct, ext) in SIGNATURES.items() if ct == content_type)
    attachment = Attachment(
        application=application,
        kind=kind,
        original_name=upload.name[:200],
        content_type=content_type,
        size=upload.size,
        sha256=digest.hexdigest(),
    )
    attachment.file.save(
        f"{application.tracking_number}-{digest.hexdigest()[:12]}{suffix}", upload, save=False
    )
    attachment.save()
    return attachment
