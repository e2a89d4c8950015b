"""Services for units and staff membership."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from . import permissions
from .models import Membership, Role, Unit

# Wagtail groups staff are put in, by role: they open the admin. Every screen of our models asks the
# unit-scoped policy (policies.py) instead of these model permissions; the page tree and documents use
# Wagtail's own per-unit page and collection permissions (disclosure/unit_access.py).
ROLE_GROUPS: dict[str, tuple[str, list[str]]] = {
    Role.UNIT_EDITOR: ("单位编辑 Unit editors", ["wagtailadmin.access_admin"]),
    Role.UNIT_REVIEWER: ("单位审核 Unit reviewers", ["wagtailadmin.access_admin"]),
    Role.UNIT_CASE_HANDLER: ("单位承办 Case handlers", ["wagtailadmin.access_admin"]),
    Role.OFFICE_HEAD: ("公开工作机构负责人 Heads of unit disclosure offices", ["wagtailadmin.access_admin"]),
    Role.OFFICE_ADMIN: (
        "公开办管理员 Disclosure office",
        [
            "wagtailadmin.access_admin",
            "organizations.add_unit",
            "organizations.change_unit",
            "organizations.view_unit",
            "organizations.add_membership",
            "organizations.change_membership",
            "organizations.delete_membership",
            "organizations.view_membership",
            "workdays.add_dayoverride",
            "workdays.change_dayoverride",
            "workdays.delete_dayoverride",
            "workdays.view_dayoverride",
            "workdays.add_calendaryear",
            "workdays.change_calendaryear",
            "workdays.view_calendaryear",
        ],
    ),
    Role.EVALUATOR: ("评估人员 Evaluators", ["wagtailadmin.access_admin", "organizations.view_unit"]),
}


def ensure_role_groups() -> dict[str, Group]:
    """Create the role groups and give them their permissions (idempotent)."""
    groups = {}
    for role, (name, perms) in ROLE_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted.extend(Permission.objects.filter(content_type__app_label=app_label, codename=codename))
        group.permissions.add(*wanted)
        groups[role] = group
    return groups


def sync_groups(user) -> None:
    """Put ``user`` in exactly the role groups of their active memberships."""
    groups = ensure_role_groups()
    roles = set(Membership.objects.active().filter(user=user).values_list("role", flat=True))
    for role, group in groups.items():
        if role in roles:
            user.groups.add(group)
        else:
            user.groups.remove(group)
    permissions.clear_cache(user)


@transaction.atomic
def grant_role(user, unit: Unit, role: Role) -> Membership:
    membership, created = Membership.objects.get_or_create(user=user, unit=unit, role=role)
    if not created and not membership.is_active:
        membership.is_active = True
        membership.save(update_fields=["is_active"])
    sync_groups(user)
    return membership


@transaction.atomic
def revoke_role(user, unit: Unit, role: Role) -> None:
    for membership in Membership.objects.filter(user=user, unit=unit, role=role, is_active=True):
        membership.is_active = False
        membership.save(update_fields=["is_active"])
    sync_groups(user)


def create_staff_user(username: str, password: str, *, name: str = "", email: str = "") -> "object":
    User = get_user_model()
    user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
    user.first_name = name
    user.email = email or user.email
    user.set_password(password)
    user.save()
    return user


def district_government() -> Unit | None:
    return Unit.objects.filter(kind="district_government", parent__isnull=True).first()
