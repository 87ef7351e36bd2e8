"""The entity rules' word lists and patterns, and the lexicon built from the shipped name lists.

The lexicon is the shipped surnames and gazetteer (db/data) plus the words of
jieba's dictionary whose tags say they never sit inside a proper name; it is
built once per process (and before the build's workers fork, so they share it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .. import segment

_H = "\u4e00-\u9fff"


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Tags of jieba's dictionary whose words never sit inside a proper name.
_STOP_TAGS = frozenset({"v", "p", "c", "d", "ad", "vd", "r", "u", "uj", "ul", "uz", "ug", "uv", "ud",
                        "m", "q", "y", "e", "o", "f", "z", "zg", "mq", "rr", "rz", "vg", "dg", "i", "l"})
_PROPER_TAGS = frozenset({"ns", "nt", "nz", "j", "nrt", "nrfg"})
# Verbs that do occur inside organisation and event names.
_NAME_VERBS = _wordset("""促进 发展 合作 转让 保护 孵化 创新 控股 开发 制造 推广 保障 协调 认证 投资 交流 管理
服务 研究 运营 评估 设计 改革 监督 转移 交易 培育 建设 联合 促进会 创业 创造 引导 转化
融资 共享 保险 对接 开放 提升 应用 检测 监测 营销 出版 发行 规划 示范 互动 信息化
科学技术 集成 双创 传播 培训 贸易 仲裁 登记 申报 共建 共同""")
_EXTRA_STOPS = _wordset("""的 在 由 与 和 及 等 是 为 对 向 从 把 被 让 使 经 据 如 例如 包括 其中 以及 并
受 图为 考察 视察 调研 走进 来到 赴 前往 参观 据悉
且 或 也 都 还 又 就 而 但 将 已 已经 了 着 过 会同 联合 携手 依托 推动 支持 加快
建设 成立 设立 组建 牵头 举办 举行 召开 主办 承办 协办 发布 印发 公布 获得 获 入驻 通过 落户
位于 来自 参加 出席 组织 推进 深化 打造 培育 实施 完善 发挥 鼓励 引导 积极 加强 提升
优化 携手 率先 首家 首个 一家 该 其 各 本 我国 我 你 他 她 们 这 那 此 之 以 于 至
即 暨 上 下 中 内 外 前 后 平行论坛 分论坛 主论坛 开幕式 闭幕式 期间 目前 近日 日前
今年 去年 明年 近年来 当前 近期 今后 届时 以来 此前 年底 年初 现在 新时代 时代 当年 如今
同时 此外 另外 以下 简称 全市 全省 全区 本市 当地 相关 有关 所属 旗下 下属 作为 成为
是为 认定 被誉为 获批 批准 同意 委托 面向 针对 围绕 聚焦 瞄准 立足 依据 按照 根据 结合
通过 利用 带动 吸引 服务于 诞生 诞生于 位居 走进 参观 考察 调研 走访 联手 协同 与会 会上
会议 现场 此次 本次 这次 首届 第一届 新一轮 一批 多家 多个 部分 全国性 区域性 国家级 省级
市级 区级 地方 基层 各级 各类 各地 一些 主要 重要 重点 领先 龙头 大型 中小 新型 新兴
优秀 首批 第二批 若干 个 家 所 项 种 次 位 名 年 月 日 号 期""")
# Leading words that make a suffix phrase generic rather than a name (相关部门, 上市公司).
_GENERIC_PREFIX = _wordset("""相关 有关 大院 各 该 本 全 其 这 此 各级 地方 基层 省级 市级 区级 县级 国家级 重点 专业
新型 科技型 大型 中小 国有 民营 外资 高新技术 一批 多家 上市 各类 知名 中资 跨国 私募
股权 公益性 科学研究 研究 一流 特色 高质量 高品质 智慧化 专业化 共建 龙头 相应 主管 行业
政府 金融 科技 创新 企业 高校 技术 科研 研发 区域 当地 地区 产业 商业 保险 担保 投资
服务 管理 运营 创业 孵化 工作 领导 专家 咨询 评审 检测 试点 示范 首家 单位 主体 社会
国际 全球 世界 国内 海外 境外 境内 我国 中外 中国特色 新 老 大 小 高 低 子 分 母 总
原 前 新一代 数字 智能 绿色""")
# Words ending in a one-character suffix that are ordinary nouns, not bodies (干部, 格局).
_GENERIC_SUFFIX_WORDS = _wordset("""全部 内部 外部 干部 总部 东部 西部 南部 北部 中部 局部 本部 俱乐部 部委 各部
头部 底部
腹部 胸部 背部 面部 细部 顶部 后部 前部 上部 下部 基部 布局 格局 大局 全局 当局 结局
开局 局面 残局 时局 政局 赛局 变局 新局 棋局 平局 骗局 董事局 董事会 上司 公司 官司 总司 主委 党委
常委 编委 村委 居委 纪委     政委 委 部 局 司 厅 署 大厅 展厅 客厅
门厅 餐厅 舞厅 一厅 官署 部署 公署 签署""")
_ONE_CHAR_SUFFIX = frozenset("部局委厅司署")

_GOV = "管理委员会|管委会|委员会|人民政府|政府|办公厅|办公室|领导小组|协调小组|工作专班|监督管理总局|总局|管理局|部|局|委|厅|司|署"  # noqa: E501
_COMPANY = "股份有限公司|有限责任公司|有限公司|集团公司|集团|公司|银行|分行|支行"
_UNIV = "大学|学院|研究院|研究所|科学院|工程院"
_ORG = ("协会|学会|商会|联合会|促进会|研究会|基金会|联盟|基金|交易所|办事处|联络处|加速器|专利池|赋能站|联合体|智库|"
        "中心|实验室|报社|杂志社|日报|晚报|导报|时报|商报|机场")
_PARK = ("国家自主创新示范区|自由贸易试验区|自贸试验区|自贸区|高新技术产业开发区|经济技术开发区|开发试验区|示范区|高新区|开发区|"  # noqa: E501
         "科技园区|高教园区|科技园|软件园|产业园|创新园|科学城|科技城|生物城|科创城|生态园|创业园|试验区|人才特区|集聚区|产业基地|"
         "园区")
_PRODUCT = "芯片|机器人|疫苗|注射液|APP|App|政务网|服务平台"
_PLACE = "经济圈|经济带|城市群|都市圈|片区|大街"
_EVENT = "博览会|交易会|展览会|发布会|座谈会|研讨会|协调会|推介会|交流会|对接会|论坛|峰会|大会|会议|大赛|竞赛|年会|交流季"  # noqa: E501
_SUFFIX_TYPE: dict[str, str] = {}
for _t, _alts in (("gov", _GOV), ("company", _COMPANY), ("university", _UNIV), ("org", _ORG), ("park", _PARK),
                  ("event", _EVENT), ("product", _PRODUCT), ("place", _PLACE)):
    for _s in _alts.split("|"):
        _SUFFIX_TYPE.setdefault(_s, _t)
_SUFFIX_RE = re.compile("|".join(sorted(_SUFFIX_TYPE, key=len, reverse=True)))
_MAX_LEN = {"gov": 26, "company": 36, "university": 22, "org": 26, "park": 22, "event": 32, "product": 16, "place": 12}
# Kinds whose name needs a proper-noun part (a place, a brand): 专业化园区, 研究中心 are common nouns.
_NEEDS_ANCHOR = frozenset({"park", "org", "company", "product", "place", "gov"})
_NUMERAL_HEAD = re.compile("^[一二三四五六七八九十两几数多百千万]+[个家项大类批]")
# Sub-units named after their parent body: 财政部办公厅, 科技部火炬中心.
_SUB_UNIT = re.compile("(?:司|办公厅|办公室|中心|局|处|所)$")
_DIRECTIONS = _wordset("""东部 西部 南部 北部 中部 东北 西北 东南 西南 华东 华南 华北 华中 东 西 南 北""")
_INNER_EVENT = re.compile("(?:平行论坛|分论坛|主论坛|开幕式暨|暨|交易会|博览会|展览会)")
_GENERIC_EVENT = re.compile("(?:专题|常务|常委会|出席|有关|相关|领导)会议$")
# 中科院软件所等高校院所: the institute ends before a word joining it to others.
_CAS_INSTITUTE = re.compile(rf"(?:中国科学院|中科院)[{_H}]{{1,6}}?(?:研究所|所)"
                            rf"(?:(?![{_H}])|(?=等|和|与|及|联合|牵头))")
_FIRM_AFTER = re.compile(rf"(?:企业|公司)([{_H}]{{2,4}}(?:科技|生物|医疗|智能|电子|信息|软件|网络|制药|股份|医药|材料|能源))"  # noqa: E501
                         r"(?=的|、|，|,|。|等|相关|董秘|负责人|董事长|总经理|创始人)")
# 刚刚上市的云州智造是一家…企业: a name the text introduces as a company.
_IS_A_FIRM = re.compile(rf"(?:^|(?<=[，。,；;的\n]))((?!目前|现在|如今|同时|其中)[{_H}]{{2,6}}(?<![也还都就又亦已仍]))"
                        rf"是一家[^，。,；;\n]{{0,20}}?(?:企业|公司)")
# A name part before 和/与/及 that already ends like a name means the conjunction joins two names.
_ENDS_LIKE_NAME = re.compile(f"(?:{_SUFFIX_RE.pattern}|[省市区县])$")
_NAME_TOKEN = re.compile(rf"[{_H}A-Za-z0-9·\-\+/]+")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d年?")

_TITLES = _wordset("""总书记 国家主席 副主席 主席 国务院总理 副总理 总理 国务委员 部长 副部长 司长 副司长 局长
副局长 处长 副处长 副主任 主任 党委书记 副书记 书记 副秘书长 秘书长 一级巡视员 二级巡视员
巡视员 调研员 厅长 副厅长 省长 副省长 市长 副市长 区长 副区长 县长 副院长 院长 副校长 校长
副所长 所长 副董事长 董事长 副总经理 总经理 高级副总裁 副总裁 总裁 首席执行官 首席科学家
CEO CTO 总工程师 总监 董秘 董事会秘书 相关负责人 负责人 新闻发言人 发言人 联合创始人
创始人 合伙人 理事长 副会长 会长 社长 主编 总编辑 教授 研究员 院士 工作人员 经理 主管 组长
站长 行长 副行长 台长 团长 队长 主任委员 委员 代表""")
_TITLE_RE = re.compile("|".join(sorted(set(_TITLES), key=len, reverse=True)))
_AFTER_NAME = "教授|院士|研究员|总书记|同志|先生|女士|博士|主席|总理|委员长|书记"
_AFTER_NAME_RE = re.compile(_AFTER_NAME)
_ORG_END = re.compile("(?:系|院|所|大学|学院|司|局|部|委|中心|公司|集团|银行|协会)$")
_TRIGGER = re.compile(
    r"(?:表示|介绍|说|指出|认为|强调|称|透露|谈到|坦言|感慨|告诉|在|就|等|和|与|同样|带领|提出|回答|还|也|对|向|接受|发表|"
    r"致辞|出席|参加|主持|讲话|解释|分析|补充|直言|建议|呼吁|提到|坦承|评价|宣布|则|一行|率|到|为|是|的|作|以|从|曾|已|将|"
    r"又|都|近日|日前|今天|当天|同志|[，。、：:；;！？!?,\s（）()“”\"—/]|$)")
_ONE_CHAR_TRIGGERS = frozenset("表介说指认强称透谈坦感告在就等和与同带提回还也对向接发致出参主讲解分补直建呼评宣则一率到为是的作以从曾已将又都近日今当")  # noqa: E501
_SPEECH_VERBS = "表示|介绍|指出|强调|认为|坦言|透露|说道|告诉记者"
_SPEECH_RE = re.compile(rf"(?:(?<=[，。；：！？”\n\s,;:!?])|^)([{_H}]{{2,3}}?)(?={_SPEECH_VERBS})")
_SPEECH_VERB_RE = re.compile(_SPEECH_VERBS)
# The lookahead (first characters of who) spares the scan trying the optional heads everywhere.
_BYLINE_RE = re.compile(
    rf"(?=[本新中人光经科特见记])(?P<who>(?:本报|新华社|中新社|人民日报|光明日报|经济日报|科技日报)?(?:特约|见习)?记者)[\s\u3000]*"
    rf"(?P<names>[{_H}]{{2,3}}(?:[\s\u3000、]+[{_H}]{{2,3}})*)")
_CREDIT_RE = re.compile(
    rf"(?P<who>责任编辑|编辑|责编|组版|校对|摄影|美编|通讯员)[:：\s\u3000]+(?P<names>[{_H}]{{2,3}})")
_BYLINE_NAME = re.compile(rf"([{_H}]{{2,3}}?)(?=报道|/摄|摄|[\s\u3000\)）、,，]|$)")
_PHOTO_RE = re.compile(rf"([{_H}]{{2,3}})/摄")
# 海淀园, 昌平园: a zone's sub-park, named after its district (not 园区, 园林, 园艺).
_SUB_PARK = re.compile(rf"([{_H}]{{2}})园(?![区林艺丁地长])")
# 王 明 摄: a credit's name with a space between surname and given name.
_SPACED_CREDIT = re.compile(rf"(?<![{_H}])([{_H}])[ \u3000]([{_H}]{{1,2}})[ \u3000]*摄")
_ROLE_LEAD = re.compile(r"^(?:据|在|由|经|对|与|和|同时|此外|其中|会上|会议上|现场|如|例如|比如|作为|该|其|记者|本报记者|"  # noqa: E501
                        r"他|她|据悉|另外|并|而|但|后|随后|对此|为此|谈及|谈到|说起|提到)+")

_DOC_BRACKET = re.compile(r"《([^《》\n]{1,100})》")
_DOC_SUFFIX = "规划|纲要|方案|意见|通知|办法|条例|计划|工程|措施|名单|指南|规定|标准|倡议|细则|决定|公报|体系|政策|战略|法"  # noqa: E501
_DOC_VERB_RE = re.compile(
    rf"(?:印发|发布|出台|制定|实施|公布|修订|颁布)了?([{_H}A-Za-z0-9“”\.\-]{{5,34}}?(?:{_DOC_SUFFIX.replace('|法', '')}))"  # noqa: E501
    r"(?=[，。、；,;\s的》]|$)")
_QUOTED_RE = re.compile(r"“([^“”\n]{2,30})”")
# 高质量园区——云州壹号。: a name set after the kind of thing it names, by a dash.
_APPOSITIVE_TYPE = {"园区": "park", "科技园": "park", "产业园": "park", "基地": "park", "孵化器": "org", "平台": "org",
                    "公司": "company", "企业": "company", "实验室": "org", "机构": "org"}
_APPOSITIVE_RE = re.compile(rf"({'|'.join(_APPOSITIVE_TYPE)})——([{_H}A-Za-z0-9]{{2,12}})(?=[。，；,;！!]|$)")
# 两城一区, 一区多园, 一区十园: a set of zones named by counting them, one name.
_ZONE_COUNT = "[一二三四五六七八九十两多]{1,3}[城区园]"
_ZONE_SET = re.compile(rf"(?<![\d第]){_ZONE_COUNT}{_ZONE_COUNT}(?![区园林])")
_QUOTED_DOC = re.compile(rf"“([^“”\n]{{1,10}})”([{_H}]{{0,8}}?(?:规划|纲要|方案|计划|工程|政策|办法|条例))")
_QUOTED_EVENT_RE = re.compile(rf"“[^“”\n]{{1,10}}”[{_H}]{{2,16}}?(?:{_EVENT}|活动)")
# 数据安全法落地, 十九届二中、三中全会: a law named without 《》 by what happens to it; a party plenum.
_LAW_RE = re.compile(rf"(?<![{_H}])((?!推动|推进|加快|支持|实施|落实|开展|完善)[{_H}]{{3,8}}"
                     rf"(?<!办|方|做|立|执|司|依|违|合|守|说|想|看|用|算|疗|语|手|兵|书|魔|戏)法)"
                     r"(?=落地|实施|施行|正式施行|生效|出台|颁布|修订|修正|通过)")
# 麓谷路沿线: a road named by what lies along it.
_ROAD_RE = re.compile(rf"(?<![{_H}])(?:沿着|沿|在|经|从|向|到|往|以|对|将)?((?!道|一带)[{_H}]{{2,4}}(?:路|大道))"
                      r"(?=沿线|两侧|周边|一带|沿岸|以[东南西北])")
_NTH = "[一二三四五六七八九]"
_PLENUM_RE = re.compile(rf"(?:党的)?十{_NTH}?届(?:{_NTH}中、)*{_NTH}中全会")
# “百校千企”协同创新平台: a quoted name and the kind of platform it names.
# (At least four characters of its own kind: “双创”平台, “一站式”服务平台 say what sort, not which.)
_QUOTED_PLATFORM_RE = re.compile(rf"“[^“”\n]{{1,10}}”(?:(?!的)[{_H}A-Za-z/]){{4,12}}?平台(?![化型类上内])")
_SHORT_DOC = re.compile(rf"^(?:{_DOC_SUFFIX})$")
_ALIAS_RE = re.compile(r"[(（](?:以下简称|以下称|简称|下称)?[“\"]?([^()（）“”\"，。、,;；\n]{1,15}?)[”\"]?[)）]")
# _ENUM_RE consumes only these characters, so a match lies inside one run of them.
_ENUM_STOP = re.compile(rf"[^{_H}A-Za-z0-9、]")
_ENUM_RE = re.compile(
    rf"((?:[{_H}A-Za-z0-9]{{2,10}}、){{1,12}}[{_H}A-Za-z0-9]{{2,10}})等(?:[0-9一二三四五六七八九十几数多百余]+(?:多)?[家个所])?"
    rf"([{_H}]{{0,12}}?)(企业|公司|高校|院所|大学|银行|社区|园区)")
# The kind of thing an enumeration's head says its items are (小米、百度等企业; 岳麓、河西等人才社区).
_ENUM_KIND = {"高校": "university", "院所": "university", "大学": "university", "社区": "place", "园区": "park"}
_MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})
_BARE_LOCAL = re.compile(
    r"(?=[市区])(?:(?<![\u4e00-\u9fff])|(?<=[委和与及]))(?:市委|市政府|市人民政府|区委|区政府|区人民政府)")
_ABBREV = (("国家自主创新示范区", "示范区"), ("管理委员会", "管委会"), ("人民政府", "政府"), ("教育委员会", "教委"), ("科学技术委员会", "科委"),  # noqa: E501
           ("高新技术产业开发区", "高新区"), ("研究院", "院"), ("股份有限公司", ""), ("有限公司", ""), ("集团", ""))
_ABBREV_FULL = tuple(full for full, _ in _ABBREV)
_HAN_ONLY = re.compile(f"[{_H}]+")
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z0-9 \.&\-]*$")
_PRIO = {"document": 6, "person": 5, "quoted": 4, "suffix": 3, "gazetteer": 2, "enum": 1}
# Compiled once: a pattern string passed to re.search looks up re's cache on every call, and
# recompiles when other code has pushed it out (0.3 ms each).
_PERIODICAL_END = re.compile(r"(?:日报|晚报|杂志|周刊)$")
_DOC_JOINER = re.compile("[的和及与]")
_BROAD_DOC = re.compile("(?:体系|政策|战略)$")
_ROLE_CLAUSE = re.compile(r"^.*?(?:上|中|后|时)[,，]")
_NAME_CHAR = re.compile(f"[{_H}A-Za-z]")
_QUOTED_NAME = re.compile(rf"[{_H}A-Za-z0-9\+\-·]+")
_NOT_A_BODY = re.compile(r"(?:全国|国际)科技创新中心$|金融(?:管理)?中心$|交往中心$|(?:^|[^国])科技(?:创新)?中心$")
_SUB_FORUM = re.compile("(?:平行|分|主)论坛$")
_UNIV_UNIT = re.compile("(?:大学|学院)(?!城)[^大学院]{2,}$")  # (深圳大学城国际会议中心 is a venue)
# 云州大学技术转移院, 云州大学化学系: a school's own institute or department, one name with the school's.
_UNIV_SUB = re.compile(rf"(?<=大学|学院)[{_H}]{{1,6}}?[院系](?![{_H}]{{0,1}}(?:长|主任|书记))")
_UNIV_SUB_JOINER = re.compile("[与和及等的在同向为对将是从]")
_MINISTRY_CENTRE = re.compile(r"^(?:科学技术部|科技部|教育部|工业和信息化部)[^科]")
_NUMBER_PREFIX = re.compile(r"[\d\.]+[年月日]?")
_LATIN = re.compile("[A-Za-z]")
_CLAUSE_MARK = re.compile(r"[，。、；：,;:!?！？]")
_SUFFIX_END = re.compile(f"(?:{_SUFFIX_RE.pattern})$")
_DOC_SUFFIX_END = re.compile(f"(?:{_DOC_SUFFIX})$")
_NOT_FIRMS = re.compile("项|政策|措施|支持|方面|领域|类|种")
_HAS_DIGIT = re.compile(r"\d")
# 市委 and 区政府 (see _BARE_LOCAL): the city or district body they belong to.
_LOCAL_BODY = {lv: re.compile(f"{lv}(?:委|政府|人民政府)?$") for lv in "市区"}
_LOCAL_BODY_TAIL = {lv: re.compile(f"(?<={lv})(?:委|政府|人民政府)$") for lv in "市区"}


@dataclass(frozen=True)
class Lexicon:
    """Shipped name lists plus the stop words taken from jieba's dictionary tags."""

    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    gazetteer: dict[str, tuple[str, str]]  # any name -> (canonical name, type)
    max_gazetteer: int
    stops: frozenset[str]
    tags: dict[str, str]  # tags of dictionary words ending in a one-character suffix
    lengths: tuple[int, ...]  # lengths of gazetteer names, longest first
    last_chars: frozenset[str]  # last characters of gazetteer names
    prefixes: frozenset[str]  # every prefix of a gazetteer name, to stop token lookups early
    proper: frozenset[str]  # dictionary words tagged as place, organisation or other proper names
    persons: frozenset[str]  # dictionary words tagged as person names
    # Lengths of the gazetteer names ending in each character, longest first: a lookup of the
    # names ending at a position tries only these instead of every length.
    lengths_by_last: dict[str, tuple[int, ...]]
    abroad: frozenset[str]  # canonical names of places outside China


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = resources.files("zgc.db.data")
    single: set[str] = set()
    compound: set[str] = set()
    for line in data.joinpath("surnames.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        for w in line.split():
            (compound if len(w) > 1 else single).add(w)
    gaz: dict[str, tuple[str, str]] = {}
    abroad: set[str] = set()
    for line in data.joinpath("gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        canon, typ = parts[0], parts[1]
        others = parts[2].split("|") if len(parts) > 2 and parts[2] else []
        for n in (canon, *others):
            gaz.setdefault(n, (canon, typ))
        if len(parts) > 3 and parts[3] == "abroad":
            abroad.add(canon)
    stops = set(_EXTRA_STOPS)
    tags: dict[str, str] = {}
    proper: set[str] = set()
    persons: set[str] = set()
    with segment.tokenizer().get_dict_file() as f:
        for raw in f:
            parts = raw.decode("utf-8").split()
            if len(parts) < 3:
                continue
            w, tag = parts[0], parts[2]
            if tag in _STOP_TAGS and w not in _NAME_VERBS and len(w) <= 4:
                stops.add(w)
            if w[-1] in _ONE_CHAR_SUFFIX:
                tags[w] = tag
            if tag in _PROPER_TAGS:
                proper.add(w)
            elif tag == "nr":
                persons.add(w)
    proper.update(n for n in gaz if len(n) > 1)
    prefixes = frozenset(n[:i] for n in gaz for i in range(1, len(n) + 1))
    by_last: dict[str, set[int]] = {}
    for n in gaz:
        if len(n) > 1:
            by_last.setdefault(n[-1], set()).add(len(n))
    return Lexicon(frozenset(single), frozenset(compound), gaz, max(map(len, gaz)), frozenset(stops), tags,
                   tuple(sorted({len(n) for n in gaz if len(n) > 1}, reverse=True)), frozenset(n[-1] for n in gaz),
                   prefixes,
                   frozenset(proper), frozenset(persons),
                   {c: tuple(sorted(ls, reverse=True)) for c, ls in by_last.items()}, frozenset(abroad))
