"""The fictional Qinghe District (清河区) and its units and staff."""

from django.contrib.auth import get_user_model

from .models import Role, Unit, UnitKind
from .services import create_staff_user, grant_role

DEMO_PASSWORD = "Gongkai-demo-2026"
AREA = "110199"  # fictional administrative division code

# (slug, name, kind, parent slug)
UNITS = [
    ("district", "清河区人民政府", UnitKind.DISTRICT_GOVERNMENT, None),
    ("gov-office", "清河区人民政府办公室", UnitKind.GOVERNMENT_OFFICE, "district"),
    ("drc", "清河区发展和改革委员会", UnitKind.BUREAU, "district"),
    ("education", "清河区教育委员会", UnitKind.BUREAU, "district"),
    ("science", "清河区科学技术和信息化局", UnitKind.BUREAU, "district"),
    ("civil-affairs", "清河区民政局", UnitKind.BUREAU, "district"),
    ("justice", "清河区司法局", UnitKind.BUREAU, "district"),
    ("finance", "清河区财政局", UnitKind.BUREAU, "district"),
    ("hrss", "清河区人力资源和社会保障局", UnitKind.BUREAU, "district"),
    ("ecology", "清河区生态环境局", UnitKind.BUREAU, "district"),
    ("housing", "清河区住房和城乡建设委员会", UnitKind.BUREAU, "district"),
    ("urban", "清河区城市管理委员会", UnitKind.BUREAU, "district"),
    ("transport", "清河区交通局", UnitKind.BUREAU, "district"),
    ("water", "清河区水务局", UnitKind.BUREAU, "district"),
    ("agriculture", "清河区农业农村局", UnitKind.BUREAU, "district"),
    ("health", "清河区卫生健康委员会", UnitKind.BUREAU, "district"),
    ("emergency", "清河区应急管理局", UnitKind.BUREAU, "district"),
    ("market", "清河区市场监督管理局", UnitKind.BUREAU, "district"),
    ("gov-services", "清河区政务服务管理局", UnitKind.BUREAU, "district"),
    ("chengbei", "清河区城北街道办事处", UnitKind.STREET_OFFICE, "district"),
    ("chengnan", "清河区城南街道办事处", UnitKind.STREET_OFFICE, "district"),
    ("xishan", "清河区西山镇人民政府", UnitKind.TOWNSHIP, "district"),
    ("donghu", "清河区东湖镇人民政府", UnitKind.TOWNSHIP, "district"),
]

FUNCTIONS = {
    "district": "贯彻执行上级决定和命令，管理本行政区域内的经济、教育、科学、文化、卫生、民政、城乡建设等行政工作。",
    "hrss": "负责本区人力资源和社会保障工作，统筹城乡就业和社会保险，承担劳动保障监察等职责。",
    "housing": "负责本区住房保障、房屋征收与补偿、建筑市场监督管理等工作。",
    "education": "负责本区教育事业发展规划和义务教育均衡发展，管理区属学校招生入学工作。",
}

LEADERS = {
    "district": [
        ("王建国", "区长", "主持区政府全面工作。"),
        ("李晓梅", "常务副区长", "负责政府日常工作，分管财政、审计、政务公开。"),
    ],
    "hrss": [("张伟", "局长", "主持局全面工作。"), ("陈静", "副局长", "分管就业促进、社会保险。")],
    "housing": [("刘洋", "主任", "主持委全面工作。")],
}

# username, display name, role, unit slug
STAFF = [
    ("gkb_admin", "赵公开（区政务公开办）", Role.OFFICE_ADMIN, "gov-office"),
    ("pinggu", "孙评估（第三方评估）", Role.EVALUATOR, "gov-office"),
    ("hrss_editor", "周编辑（人社局）", Role.UNIT_EDITOR, "hrss"),
    ("hrss_reviewer", "吴审核（人社局）", Role.UNIT_REVIEWER, "hrss"),
    ("hrss_handler", "郑承办（人社局）", Role.UNIT_CASE_HANDLER, "hrss"),
    ("hrss_head", "王负责人（人社局公开工作机构）", Role.OFFICE_HEAD, "hrss"),
    ("housing_editor", "冯编辑（住建委）", Role.UNIT_EDITOR, "housing"),
    ("housing_reviewer", "陈审核（住建委）", Role.UNIT_REVIEWER, "housing"),
    ("housing_handler", "褚承办（住建委）", Role.UNIT_CASE_HANDLER, "housing"),
    ("housing_head", "何负责人（住建委公开工作机构）", Role.OFFICE_HEAD, "housing"),
    ("chengbei_editor", "卫编辑（城北街道）", Role.UNIT_EDITOR, "chengbei"),
    ("chengbei_handler", "蒋承办（城北街道）", Role.UNIT_CASE_HANDLER, "chengbei"),
]


def demo_code(index: int) -> str:
    # 11 = 机构编制 / 机关, then the area code, a 9-character organization code and a check character.
    return f"11{AREA}{index:08d}X{'0123456789ABCDEFGHJKLMNPQRTUWXY'[index % 31]}"


def load(command) -> None:
    units: dict[str, Unit] = {}
    for index, (slug, name, kind, parent_slug) in enumerate(UNITS, start=1):
        unit, _ = Unit.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "short_name": name.removeprefix("清河区"),
                "kind": kind,
                "parent": units.get(parent_slug),
                "code": demo_code(index),
                "sort_order": index * 10,
                "functions": FUNCTIONS.get(slug, f"{name}依法履行本单位法定职责。"),
                "office_name": f"{name}政府信息公开工作机构"
                if slug != "district"
                else "清河区政务公开办公室",
                "office_address": f"清河区政府路{index}号",
                "office_postcode": "102200",
                "office_hours": "工作日 上午9:00-12:00，下午13:30-17:30",
                "office_phone": f"010-6970{index:04d}",
                "office_fax": f"010-6971{index:04d}",
                "office_email": f"gk{index:02d}@qinghe.example.gov.cn",
            },
        )
        units[slug] = unit
    for slug, leaders in LEADERS.items():
        unit = units[slug]
        unit.leaders.all().delete()
        for order, (name, post, duties) in enumerate(leaders):
            unit.leaders.create(name=name, post=post, responsibilities=duties, sort_order=order)
    for username, display, role, slug in STAFF:
        user = create_staff_user(
            username, DEMO_PASSWORD, name=display, email=f"{username}@qinghe.example.gov.cn"
        )
        grant_role(user, units[slug], role)
    User = get_user_model()
    admin = User.objects.filter(username="admin").first()
    if admin is None:
        User.objects.create_superuser("admin", "admin@qinghe.example.gov.cn", DEMO_PASSWORD)
    else:
        admin.set_password(DEMO_PASSWORD)
        admin.save()


def print_logins(command) -> None:
    command.stdout.write("")
    command.stdout.write("Staff login / 工作人员登录: http://127.0.0.1:8000/admin/")
    command.stdout.write(f"  password for every demo account / 演示账号密码: {DEMO_PASSWORD}")
    command.stdout.write("  admin (superuser)")
    for username, display, role, _slug in STAFF:
        command.stdout.write(f"  {username:<18} {role.label} · {display}")
