"""Default texts of the letters (Chinese official documents; editable as ``LetterTemplate`` rows).

The reply letter carries the elements of the Jiangsu specification (domain-rules.md §1.9): title,
document number, applicant, facts, legal basis, decision, rights to reconsideration (60 days) and
litigation (6 months), replying agency, date.
"""

RIGHTS = (
    "申请人如对本答复不服，可以自收到本答复之日起60日内向{{ unit.parent.name|default:'上一级行政机关' }}申请行政复议，"
    "或者自收到本答复之日起6个月内依法向人民法院提起行政诉讼。"
)

FACTS = (
    "{{ applicant }}：\n"
    "本机关于{{ app.received_on|date:'Y年n月j日' }}收到您（单位）提出的政府信息公开申请"
    "（受理编号：{{ app.tracking_number }}），申请获取“{{ app.information_title|default:app.description|truncatechars:120 }}”。"
)

DEFAULTS = {
    "acknowledgement": (
        "政府信息公开申请登记回执",
        FACTS + "\n经核实，本机关确认收到该申请的日期为{{ app.received_on|date:'Y年n月j日' }}。"
        "根据《中华人民共和国政府信息公开条例》第三十三条，本机关将在收到申请之日起20个工作日内"
        "{% if clock.due_date and clock.due_date <= calendar_last_day %}（即{{ clock.due_date|date:'Y年n月j日' }}前）{% endif %}予以答复。您可凭受理编号和查询码查询办理进度。",
    ),
    "correction": (
        "政府信息公开申请补正告知书",
        FACTS
        + "\n经审查，您的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条，请您对以下事项作出补正："
        "\n{{ segment.reason }}\n请{% if segment.expected_end_on <= calendar_last_day %}于{{ segment.expected_end_on|date:'Y年n月j日' }}前{% else %}自收到本通知之日起{{ correction_period }}个工作日内{% endif %}提交补正材料。"
        "答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    "extension": (
        "政府信息公开申请延期答复告知书",
        FACTS
        + "\n因{{ segment.reason }}，本机关不能在法定期限内作出答复。根据《中华人民共和国政府信息公开条例》第三十三条第二款，"
        "经本机关政府信息公开工作机构负责人同意，答复期限延长{{ segment.extra_working_days }}个工作日，"
        "本机关将{% if clock.due_date and clock.due_date <= calendar_last_day %}于{{ clock.due_date|date:'Y年n月j日' }}前{% else %}在延长后的期限内{% endif %}作出答复。",
    ),
    "third_party": (
        "政府信息公开征求第三方意见书",
        "{{ segment.party }}：\n本机关收到政府信息公开申请（受理编号：{{ app.tracking_number }}），所申请的信息可能涉及贵方合法权益。"
        "根据《中华人民共和国政府信息公开条例》第三十二条，现书面征求贵方意见。请自收到本意见书之日起15个工作日内"
        "{% if segment.expected_end_on <= calendar_last_day %}（即{{ segment.expected_end_on|date:'Y年n月j日' }}前）{% endif %}提出意见；逾期未提出意见的，由本机关依照条例规定决定是否公开。"
        "\n{{ segment.reason }}",
    ),
    "other_agency": (
        "政府信息公开征求意见函",
        "{{ segment.party }}：\n本机关收到政府信息公开申请（受理编号：{{ app.tracking_number }}），所申请的信息涉及贵机关。"
        "根据《中华人民共和国政府信息公开条例》第三十四条，请自收到本函之日起15个工作日内"
        "{% if segment.expected_end_on <= calendar_last_day %}（即{{ segment.expected_end_on|date:'Y年n月j日' }}前）{% endif %}提出意见；逾期未提出意见的视为同意公开。\n{{ segment.reason }}",
    ),
    "fee": (
        "政府信息公开信息处理费收费通知书",
        FACTS
        + "\n根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），"
        "本机关决定对该申请收取信息处理费。\n收费标准：{{ notice.get_method_display }}，超额累进计算。\n计算明细："
        "{% for b in notice.breakdown %}第{{ b.first }}至{% if b.last %}{{ b.last }}{% else %}以上{% endif %}（{{ b.count }}）× {{ b.rate_yuan }}元 = {{ b.subtotal_yuan }}元；{% endfor %}"
        "\n应缴金额：{{ notice.amount_yuan }}元。\n缴纳方式：{{ notice.payment_method }}"
        "\n请自收到本通知次日起20个工作日内{% if notice.due_on <= calendar_last_day %}（即{{ notice.due_on|date:'Y年n月j日' }}前）{% endif %}缴纳。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    "deadline": (
        "政府信息公开申请延迟答复告知书",
        FACTS
        + "\n您申请公开政府信息的数量、频次明显超过合理范围。根据《中华人民共和国政府信息公开条例》第三十五条，"
        "本机关认为申请理由合理，但无法在第三十三条规定的期限内答复，确定延迟答复的合理期限为"
        "{{ app.reasonable_deadline_on|date:'Y年n月j日' }}前。\n理由：{{ app.reasonable_deadline_reason }}",
    ),
    "reply": (
        "政府信息公开申请答复书",
        FACTS + "\n{{ decision.text }}"
        "{% if withheld %}\n不予公开的内容及理由：{% for part in withheld %}\n{{ forloop.counter }}. {{ part.description }}：{{ part.get_ground_display }}。{{ part.reason }}{% endfor %}{% endif %}"
        "{% if app.transferred_to %}\n负责公开该信息的行政机关：{{ app.transferred_to }}，联系方式：{{ app.transferred_contact }}。{% endif %}"
        "\n{{ basis }}。\n" + RIGHTS,
    ),
}
