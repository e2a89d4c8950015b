import datetime as dt

import time_machine

from gongkai.applications import tokens

VALID = {
    "applicant_type": "natural",
    "applicant_name": "张三",
    "id_document_type": "resident_id",
    "id_document_number": "110101199001011234",
    "phone": "13800000000",
    "email": "zhangsan@example.org",
    "description": "2025年本区老旧小区改造项目清单",
    "information_form": "electronic",
    "delivery_method": "email",
}


def at(day):
    return time_machine.travel(dt.datetime.combine(day, dt.time(10)), tick=False)


def bearer(user):
    _t, raw = tokens.create(user, "test")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


def real_png() -> bytes:
    """A real (tiny) PNG: uploads are decoded, not only sniffed."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(out, format="PNG")
    return out.getvalue()


def real_pdf() -> bytes:
    """A real one-page PDF."""
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
