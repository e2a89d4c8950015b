"""Export a list of cases to XLSX (openpyxl). Applicant names only for staff who handle the case."""

import io

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from . import clock
from .serializers import may_see_applicant

HEADERS = [
    _l("Tracking number"), _l("Handling unit"), _l("Channel"), _l("Applicant type"), _l("Applicant"),
    _l("Information sought"), _l("Received on"), _l("Due date"), _l("Working days used"), _l("Status"),
    _l("Outcome"), _l("Legal basis"), _l("Closed on"),
]  # fmt: skip


def cases_xlsx(applications, user) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = _("Applications")[:31]
    ws.append([str(h) for h in HEADERS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for app in applications:
        state = clock.compute(app)
        ws.append([
            app.tracking_number, app.handling_unit.name, app.get_channel_display(), app.get_applicant_type_display(),
            app.applicant_display if may_see_applicant(user, app) else "—",
            (app.information_title or app.description)[:200], app.received_on, state.due_date,
            state.working_days_used, app.get_status_display(), app.get_outcome_display() if app.outcome else "",
            app.legal_basis, app.closed_on,
        ])  # fmt: skip
    for i, width in enumerate([20, 28, 14, 14, 16, 40, 12, 12, 8, 18, 28, 16, 12], start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
