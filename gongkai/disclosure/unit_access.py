"""Per-unit editing rights and the "three reviews" (三审) workflow, wired into Wagtail.

Each unit gets its own column (its subtree of the page tree), a document collection, two Wagtail
groups ("单位编辑:<slug>" edits; "单位审核:<slug>" edits and gives the unit review) and a workflow
"三审:<slug>": the editor submits (first review), the unit reviewer approves (second), the disclosure
office approves (third) — and only that last approval publishes. Unit groups get add/change but
never publish permission, so nothing reaches the public without the approvals. The office can edit
the steps in Settings › Workflows.

Group membership follows the organizations app's memberships (signal on ``Membership``).
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from gongkai.organizations.models import Membership, Role

EDITOR_PREFIX = "单位编辑:"
REVIEWER_PREFIX = "单位审核:"
OFFICE_GROUP = "公开办:终审"
WORKFLOW_PREFIX = "三审:"

UNIT_PAGE_PERMS = ["add_page", "change_page", "lock_page", "unlock_page"]
OFFICE_PAGE_PERMS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
    "bulk_delete_page",
]
DOC_PERMS = ["add_document", "change_document", "choose_document"]
IMAGE_PERMS = ["add_image", "change_image", "choose_image"]


def _perm(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _grant_pages(group, page, codenames):
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group, page=page, permission=_perm("wagtailcore", codename)
        )


def _grant_collection(group, collection):
    for app, codenames in (("wagtaildocs", DOC_PERMS), ("wagtailimages", IMAGE_PERMS)):
        for codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=_perm(app, codename)
            )


def unit_collection(unit) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=unit.name).first()
    return existing or root.add_child(name=unit.name)


@transaction.atomic
def ensure_office_access(home) -> Group:
    office, _ = Group.objects.get_or_create(name=OFFICE_GROUP)
    office.permissions.add(_perm("wagtailadmin", "access_admin"))
    for codename in (
        "add_standardcatalogueentry",
        "change_standardcatalogueentry",
        "view_standardcatalogueentry",
    ):
        office.permissions.add(_perm("disclosure", codename))
    _grant_pages(office, home, OFFICE_PAGE_PERMS)
    _grant_collection(office, Collection.get_first_root_node())
    return office


@transaction.atomic
def ensure_unit_access(unit, column, home) -> Workflow:
    """Groups, permissions and the review workflow of ``unit``'s column (idempotent)."""
    office = ensure_office_access(home)
    collection = unit_collection(unit)
    editor, _ = Group.objects.get_or_create(name=f"{EDITOR_PREFIX}{unit.slug}")
    reviewer, _ = Group.objects.get_or_create(name=f"{REVIEWER_PREFIX}{unit.slug}")
    for group in (editor, reviewer):
        group.permissions.add(_perm("wagtailadmin", "access_admin"))
        _grant_pages(group, column, UNIT_PAGE_PERMS)
        _grant_collection(group, collection)

    workflow, _ = Workflow.objects.get_or_create(name=f"{WORKFLOW_PREFIX}{unit.slug}")
    if not workflow.workflow_tasks.exists():
        unit_task = GroupApprovalTask.objects.create(name=f"单位审核（{unit.short_name or unit.name}）")
        unit_task.groups.set([reviewer])
        office_task = GroupApprovalTask.objects.create(name=f"公开办终审（{unit.short_name or unit.name}）")
        office_task.groups.set([office])
        WorkflowTask.objects.create(workflow=workflow, task=unit_task, sort_order=0)
        WorkflowTask.objects.create(workflow=workflow, task=office_task, sort_order=1)
    WorkflowPage.objects.update_or_create(page=column, defaults={"workflow": workflow})
    for membership in Membership.objects.active().filter(unit=unit).select_related("user"):
        sync_user_groups(membership.user)
    return workflow


def sync_user_groups(user) -> None:
    """Put ``user`` in exactly the per-unit groups their active memberships call for."""
    wanted = set()
    for slug, role in Membership.objects.active().filter(user=user).values_list("unit__slug", "role"):
        if role in (Role.UNIT_EDITOR, Role.UNIT_REVIEWER):
            wanted.add(f"{EDITOR_PREFIX}{slug}")
        if role == Role.UNIT_REVIEWER:
            wanted.add(f"{REVIEWER_PREFIX}{slug}")
        if role == Role.OFFICE_ADMIN:
            wanted.add(OFFICE_GROUP)
    managed = (
        Group.objects.filter(name__startswith=EDITOR_PREFIX)
        | Group.objects.filter(name__startswith=REVIEWER_PREFIX)
        | Group.objects.filter(name=OFFICE_GROUP)
    )
    for group in managed:
        if group.name in wanted:
            user.groups.add(group)
        else:
            user.groups.remove(group)
