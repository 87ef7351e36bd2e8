"""The words and patterns of the event rules: verbs of occurrence, the forms that make a date
a figure's period rather than an event, actors and documents."""
from __future__ import annotations

import re

# Verbs of occurrence. Weak ones also describe running activity (支持企业超过4000家):
# followed by a quantity they state a figure, not an event.
_STRONG = (
    "审议通过", "印发", "发布", "颁布", "出台", "公布", "下发", "批准", "获批", "批复", "核准",
    "签署", "签订", "签约", "成立", "设立", "组建", "揭牌", "挂牌", "启动", "开通", "上线",
    "举办", "举行", "召开", "开幕", "闭幕", "落幕", "推出", "首发", "发起", "宣布", "修订",
    "制定", "拨付", "命名", "创立", "创办", "施行", "试行", "生效", "投产", "开工", "竣工",
    "拉开帷幕", "休刊", "停刊", "获悉", "联合建设", "共同建设", "合作建设", "强调",
    "入选", "授牌", "发行", "落地", "出炉",
    "考察", "视察", "会见", "出席", "致贺信", "发来贺信", "致信", "接受采访", "专访",
    "开园", "开业", "开馆", "表决通过", "升级为", "揭晓", "走进", "集体学习", "更名为", "当选", "调研",
)
# 联合建设 is an occurrence where 建设 alone is not; what was done is still 建设.
CORE_ACTION = {"联合建设": "建设", "共同建设": "建设", "合作建设": "建设"}
_REPORTS = ("作报告", "作工作报告", "作政府工作报告", "作专题报告", "作主旨报告", "作主题报告")
_WEAK = ("开展", "实施", "支持", "完成", "选择", "建立", "认定", "上市", "调整")
_VERB = re.compile(
    r"(?<![拟待])(?:" + "|".join(sorted(_STRONG + _WEAK, key=len, reverse=True)) + r")"
    r"|(?<!工)(?:" + "|".join(sorted(_REPORTS, key=len, reverse=True)) + r")"  # not 作报告 of 工作报告
    r"|通过(?=[^,，。；;]{0,24}(?:审查|审议|验收|认证|评审|评估|备案)|《)"
)
_WEAK_SET = frozenset(_WEAK)
_NOUN_AFTER = {"上市": "企公", "挂牌": "企公", "开幕": "式", "闭幕": "式", "启动": "式仪", "签约": "仪",
               "调研": "座活报成结时", "制定": "工", "修订": "工", "发布": "会厅"}
_MEETING_VERBS = frozenset({"举办", "举行", "召开", "开幕", "闭幕", "落幕"})
_SPEECH_VERBS = frozenset({"强调", "获悉"})
# A leader's visit, a letter, an interview, a report delivered: occurrences, not policy acts.
_VISIT_VERBS = frozenset({"考察", "视察", "会见", "出席", "致贺信", "发来贺信", "致信", "接受采访", "专访",
                          "开园", "开业", "开馆", "揭晓", "走进", "集体学习", "当选", "调研", *_REPORTS})
_NON_POLICY = frozenset({"休刊", "停刊"}) | _MEETING_VERBS | _SPEECH_VERBS | _VISIT_VERBS
_APPROVAL = frozenset({"批准", "获批", "批复", "核准"})
_ISSUE = frozenset({"印发", "发布", "颁布", "出台", "公布", "下发", "审议通过", "表决通过", "通过", "施行", "实施"})

# A quantity: 4000家, 18项, 1.5亿元 (not 5G, not a year).
_QUANTITY = re.compile(r"(等)?[\d.]+(?:[万亿千百]+)?(?:多|余)?(?:家|项|个|件|人|元|亿|万|只|起|支|次|户|所|台|条)")
# Words before a date that make it a period or a target, not an occurrence.
_PERIOD_BEFORE = re.compile(r"(?:截至|截止|截止到|到|至|直到|预计到|从|自|由)$")
# …except the day a text takes effect: 自2024年1月1日起施行.
_IN_FORCE = re.compile(r"^起(?:正式)?(?:施行|实施|生效)")
# Words after a date that make it a frame for something else: 2020年是..., 2018年的41万项.
# (起 frames what follows, except the day a text takes effect: 2022年8月1日起施行.)
_FRAME_AFTER = re.compile(r"^(?:的|是|为|起(?![^。；;]{0,40}(?:施行|实施|生效))|之前|前后|以前|底前|年底前|末)")
# A clause after these no longer reports the dated occurrence.
_STOP = re.compile(r"近期|近日|日前|目前|当前|今后|未来|下一步|多年来|近年来|长期以来|此前|随后|截至|此外")
_SPEECH = re.compile(r"(?:介绍说|表示|介绍|指出|认为|说)$")
_MEETING_FRAME = re.compile(
    r"^在(?P<name>[^,，。；;]{2,60}?(?:会|论坛|峰会|博览会|展览|交易会|发布会|仪式|开幕式|大赛|年会|沙龙|活动))"
    r"(?:上|期间|中|现场)"
)
_CONTINUATION = re.compile(r"(?:会上|会议上|会议期间|活动上|活动中|活动现场|现场|仪式上|论坛上|大会上)")
_CLAUSE = re.compile(r"[^,，；;：:]+")
_BOOK = re.compile(r"《([^《》\n]{1,120})》")
_QUOTED_DOC = re.compile(
    r"“([^“”\n]{2,40}(?:标准|体系|方案|计划|政策|规划|意见|办法|措施|倡议|名单|纲要|通知|条例|规定|指南|"
    r"目录|清单|细则|决定|公报|战略|工程|行动))”"
)
_ADVERBS = re.compile(
    r"^(?:已经|已|于|在|并|也|还|均|又|再|则|就|便|即|共同|联合|正式|先后|陆续|相继|率先|继续|首次|再次|"
    r"分别|合作|成功|集中|日前|近日|今天|当天|同日|随后|牵头)+|(?:已经|已|于|正式|先后|陆续|相继|率先|"
    r"继续|首次|再次|分别|联合|共同|合作|成功|集中|在全国|在京|牵头|组织|对外|向社会)+$"
)
_AT_PHRASE = re.compile(r"在[^,，。；;]{1,40}(?:上|期间|方面)|在[\u4e00-\u9fff]{1,10}$")
# 与/和 join two actors only after an organisation's ending: 人力资源和社会保障部 is one name.
_AND = re.compile(r"(?<=[部局委院园司厅署办学所团行心会府])(?:与|和|同|联合)(?=[\u4e00-\u9fff“])")
# Clauses of purpose or manner (为落实..., 以改革创新为动力) do not report the occurrence.
_PURPOSE = re.compile(r"^(?:为了?|以|按照|根据|围绕|通过|在[^,，]*下)(?![^,，]*(?:发布|印发|举办))")
_MASK = re.compile(r"《[^《》\n]*》|“[^“”\n]*”")
_GOV = re.compile(
    r"国务院|中央|党中央|全国人大|人大常委会|政府|管委会|管理委员会|人民银行|领导小组|委员会|市委|省委|区委|"
    r"县委|党委|部门|部委|国家|我国|总书记|主席|总理|财政|"
    r"(?:部|局|厅|委|署|办|司|办公室)(?=$|[、，,和与及等])|^[\u4e00-\u9fff]{2,8}(?:市|省|区|县|自治区|特区)$"
)
_NOT_GOV = re.compile(r"公司|集团|银行|大学|学院|研究院|研究所|股份|企业|协会|学会|联盟|园|中心|基金")
_POLICY_TOPIC = re.compile(r"改革|试点|政策|注册制|规划|方案|条例|办法|示范区|先行先试|拨付|财政资金")
_PRODUCT = re.compile(r"产品|药品|注册证|医疗器械|上市许可|新药|疫苗|型号")
_META = re.compile(
    r"(?:【|\[)?(?P<label>发布|颁布|实施|印发|成文|公布|施行|生效)(?:日期|时间)(?:】|\])?\s*[:：]\s*$"
)
_META_ISSUER = re.compile(r"(?:颁布部门|发布机构|发文机关|发文单位|信息来源)(?:】|\])?\s*[:：]\s*([^\s【\[]{2,40})")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_SUMMARY_MAX = 60
_WINDOW = 400
_SCOPE_MAX = 200  # a date's verb comes within a clause or two of it
# Compiled once: a pattern string passed to re.sub looks up re's cache on every call.
_ACTOR_EDGES = re.compile(r"^[“”\"\s(（]+|[\s]+$")
_ACTOR_LEAD = re.compile(r"^(?:为[^，,]*|据了解|此外|同时|其中|由|随着|经|从|向|至今|以来)")
_ACTOR_CUT = re.compile(r"按照|根据|依据|围绕|将|为了|积极|大力|主要从")
_WORD_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_NAMED_BODY = re.compile(r"[\u4e00-\u9fff]{2,}(?:司|所|社|馆|报)$")
_LIST_SEP = re.compile(r"[、，,]")
_GOV_HEAD = re.compile(r"国务院|政府|管委会|部$|局$")
_NORM_DROP = re.compile(r"[\s《》“”\"'‘’()（）、,，·]+")
