"""Generated Chinese government text of realistic length (demo data and the benchmark)."""

import random

TOPICS = {
    "hrss": [
        "高校毕业生就业创业补贴",
        "稳岗返还",
        "职业技能培训补贴",
        "城乡居民基本养老保险",
        "劳动保障监察",
        "创业担保贷款贴息",
    ],
    "civil-affairs": [
        "最低生活保障",
        "临时救助",
        "特困人员救助供养",
        "社区养老服务驿站",
        "困难残疾人生活补贴",
    ],
    "housing": [
        "老旧小区综合整治",
        "公共租赁住房配租",
        "国有土地上房屋征收与补偿",
        "物业服务管理",
        "既有住宅加装电梯",
    ],
    "education": ["义务教育阶段入学", "学前教育普惠发展", "校外培训机构监管", "中小学课后服务"],
    "health": ["家庭医生签约服务", "基本公共卫生服务", "疫苗预防接种", "医疗机构依法执业检查"],
    "ecology": ["大气污染防治", "建设项目环境影响评价", "河道水环境治理", "噪声污染防治"],
    "emergency": ["安全生产专项整治", "防汛抗旱应急预案", "危险化学品安全监管", "消防安全检查"],
    "market": ["食品安全监督抽检", "特种设备安全监察", "价格监督检查", "个体工商户登记"],
    "finance": ["部门预算公开", "政府采购管理", "财政资金直达", "政府债务管理"],
    "agriculture": ["耕地地力保护补贴", "高标准农田建设", "农村宅基地审批", "农村人居环境整治"],
    "transport": ["城市道路交通秩序整治", "公交线路优化调整", "农村公路养护"],
    "urban": ["生活垃圾分类", "占道经营综合执法", "市容环境整治", "户外广告设置管理"],
    "water": ["河长制工作", "节约用水管理", "农村供水保障"],
    "drc": ["营商环境优化", "重大建设项目", "价格认定", "粮食储备管理"],
    "justice": ["公共法律服务", "行政执法监督", "人民调解"],
    "science": ["科技企业孵化", "数字政府建设", "政务数据共享"],
    "gov-services": ["一网通办", "政务服务事项清单", "12345热线接诉即办"],
}
DEFAULT_TOPICS = ["政务公开", "依法行政", "基层治理", "为民办实事项目", "社区服务"]

OPENINGS = [
    "为深入贯彻落实党中央、国务院和市委、市政府关于{topic}工作的决策部署，进一步提升工作质量和群众满意度，结合本区实际，制定本{kind}。",
    "根据《中华人民共和国政府信息公开条例》和有关法律法规，现就{topic}有关事项{verb}如下。",
    "为做好{year}年度{topic}工作，切实保障人民群众合法权益，经区政府同意，现将有关事项{verb}如下。",
]
SECTIONS = [
    "一、总体要求。坚持以人民为中心的发展思想，坚持依法依规、公开透明、便民高效的原则，统筹推进{topic}各项工作，确保政策落实到位、服务精准到人。",
    "二、适用范围。本{kind}适用于本区行政区域内{topic}相关工作。各街道办事处、乡镇人民政府和区有关部门按照职责分工做好组织实施。",
    "三、主要任务。（一）健全工作机制，明确责任分工；（二）规范办理流程，压缩办理时限，推行“一网通办”；（三）加强信息公开，及时公布办理结果，接受社会监督。",
    "四、申请条件和办理程序。符合条件的申请人可通过政务服务网或线下窗口提交申请材料，经审核、公示无异议后予以办理。公示期为5个工作日。",
    "五、资金保障。所需资金纳入区级财政预算，实行专款专用，严禁截留、挤占、挪用。区财政局会同有关部门加强资金绩效管理。",
    "六、监督检查。区有关部门要加强日常监督检查，对弄虚作假、骗取补贴等违法违规行为依法严肃处理，并追回相关资金。",
    "七、工作要求。各单位要高度重视，加强组织领导，做好政策宣传解读，及时回应社会关切，确保各项措施落地见效。",
    "八、本{kind}自发布之日起施行，有效期{years}年。法律法规另有规定的，从其规定。",
]
KIND_WORDS = {
    "normative_document": "办法",
    "rule": "规定",
    "plan": "方案",
    "notice": "通知",
    "other_document": "通知",
}


def topics_for(slug: str) -> list[str]:
    return TOPICS.get(slug, DEFAULT_TOPICS)


def body_paragraphs(
    rng: random.Random, topic: str, genre: str, year: int, target_chars: int = 800
) -> list[str]:
    kind = KIND_WORDS.get(genre, "通知")
    fill = {
        "topic": topic,
        "kind": kind,
        "verb": rng.choice(["通知", "公告", "明确"]),
        "year": year,
        "years": rng.choice([2, 3, 5]),
    }
    paragraphs = [rng.choice(OPENINGS).format(**fill)]
    sections = SECTIONS[:]
    while sum(len(p) for p in paragraphs) < target_chars and sections:
        paragraphs.append(sections.pop(0).format(**fill))
    return paragraphs


def title_for(rng: random.Random, topic: str, genre: str, unit_name: str, year: int) -> str:
    short = unit_name.removeprefix("清河区")
    options = {
        "normative_document": [
            f"清河区{topic}管理办法",
            f"关于印发《清河区{topic}实施细则》的通知",
            f"清河区{topic}实施办法（试行）",
        ],
        "rule": [f"清河区{topic}规定"],
        "notice": [
            f"关于做好{year}年{topic}工作的通知",
            f"{short}关于{topic}有关事项的公告",
            f"关于开展{topic}专项行动的通知",
        ],
        "plan": [f"清河区{topic}三年行动计划（{year}—{year + 2}年）", f"{short}{year}年{topic}工作要点"],
        "budget": [f"{unit_name}{year}年部门预算", f"{unit_name}{year - 1}年部门决算"],
        "statistics": [f"{year}年{rng.randint(1, 12)}月{topic}情况统计"],
        "news": [f"{short}召开{topic}工作推进会", f"{short}扎实推进{topic}工作"],
        "report": [f"{short}{year - 1}年{topic}工作总结"],
        "other_document": [f"关于{topic}有关情况的说明"],
    }
    return rng.choice(options.get(genre, options["other_document"]))
