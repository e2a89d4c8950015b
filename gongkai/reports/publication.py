"""The report as a page of the portal: under the annual-report column (disclosure column of kind
``annual_reports``) if the portal has one, else under the site root."""

from django.utils.text import slugify
from wagtail.models import Page, Site

from .models import AnnualReport, AnnualReportPage


def annual_report_column() -> Page:
    from gongkai.disclosure.columns import find_column

    column = find_column("annual_reports")
    if column is not None:
        return column
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_page if site else Page.get_first_root_node()


def publish_page(report: AnnualReport, user=None) -> AnnualReportPage:
    page = AnnualReportPage.objects.filter(report=report).first()
    if page is None:
        parent = annual_report_column()
        base = f"annual-report-{report.year}-{slugify(report.unit.slug) or report.unit_id}-{report.kind}"
        page = AnnualReportPage(title=report.title, slug=base, report=report)
        parent.add_child(instance=page)
    page.title = report.title
    revision = page.save_revision(user=user, log_action=True)
    # Permission was checked by the report workflow (reviewers of the unit, the disclosure office).
    revision.publish(user=user, skip_permission_checks=True)
    return page
