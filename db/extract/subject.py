"""What a figure measures: the subject of a metric, read from the clause around its number.

The subject is the noun phrase the number's verb attaches to, in its shortest
faithful form (规模以上企业总收入, not 示范区规模以上企业总收入 nor 实现总收入):

- before the number: the clause's head, without the time, the owner (a place or
  zone in front), adverbs and the verbs of having and reaching (已, 共有, 实现,
  达到, 累计, 初步形成);
- after it, when the head is a verb or nothing (形成了90余份子课题研究报告, 走访
  超过6000家企业): the noun the measure word counts, with the verb when the noun
  alone says little (走访企业);
- 从A提高到B: both figures belong to what stands before 从;
- a measure word alone (成交额, 总额, 增加值) belongs to the figure just before it
  in the sentence (技术合同 … 成交额 → 技术合同成交额);
- a share (占全国近一半) names what has the share: 独角兽企业占全国比重;
- a growth rate takes the subject of the figure it follows; 分别 hands the
  rates after it to the figures before it, in order;
- a figure in brackets is a part of the one before (21家(含创新层3家) → 创新层新增挂牌企业);
- what the counted things did reads as a relative clause, without its own figure (8家银行设立12家
  科技支行 → 设立科技支行的银行; 其中2000多项正在转化实施 → 正在转化实施的科技成果);
- a share is told as what it is of (贡献了全市GDP的1/4 → 全市GDP; 贡献了全省90%的技术输出 → 贡献的技术输出);
- a lone measure word with no figure before it is of what the clause before says went well
  (电子信息产业保持稳步增长，全年实现增加值 → 电子信息产业增加值);
- a date is never part of a subject, wherever in the clause it stands.
"""
from __future__ import annotations

import re

_CLAUSE_PUNCT = re.compile(r"[，,；;：:。！？!?]")
_PAREN = re.compile(r"[(（][^()（）]{0,40}[)）]")
_QUAL_TAIL = re.compile(r"(?:同比|比上年|较上年|(?<![一二三四五六七八九十两\d])年均)?"
                        r"(?:增长|增加|提高|提升|下降|减少|降低|降|控制在|保持在|保持)?"
                        r"(?:了)?"
                        r"(?:可|可以|将|有望|预计)?"
                        r"(?:到|至)?(?:共计|共有|共|合计|累计|总计|达到了|达到|高达|达|超过|超|突破|约|近|为|是|有|分别为)?$")
_TIME_HEAD = re.compile(r"^(?:截至|截止|到)?(?:\d{4}(?:年|全年)?(?:\d{1,2}[—-]?\d{0,2}月)?(?:底|末|以来)?"
                        r"|今年|去年|全年|前三季度|上半年|一季度|目前|当前|近年来|近日|(?:建成|投产|达产|完成)后"
                        r"|(?:近|连续|过去)[一二三四五六七八九十两\d]{1,2}年(?:来|以来)?)+")
# A date anywhere in the clause is no part of what is measured: 本刊3月2日、3月9日停刊两期.
_DATE_IN = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号]、?|\d{4}年(?:\d{1,2}月)?(?:底|末|以来)?、?")
_LEAD_WORDS = re.compile(r"^(?:其中|此外|同时|另外|初步核算|据统计|数据显示|据了解|经济发展质量显著提升|本报(?!告)|"
                         r"本刊|能够|已经|已|还|并|均|都|共计|共有|共|累计|合计|实现了|实现|完成了|完成|预计|聚集了|聚集|拥有|"
                         r"初步探索形成了|初步探索形成|初步形成了|初步形成|形成了|形成|涌现出|力争|争取|确保|努力|建成了|建成|"
                         r"该(?![市省区县]))+")
# What a measure word's figure is of drops the counting verbs too: 认定登记技术合同 … 成交额 → 技术合同成交额.
_COUNTING = re.compile(r"^(?:认定登记|登记)")
# An owner in front of the subject: 中关村示范区规模以上企业总收入, 北部海洋经济圈海洋生产总值.
_LEAD_SCOPE = re.compile(
    r"^(?:全国|我国|中国|[全本我该][省市区]|中关村(?:国家自主创新示范区|示范区)?|"
    r"(?:(?![对每个的和与在将把被向从])[\u4e00-\u9fff]){2,8}?(?:示范区|高新区|开发区|经济圈|自贸区|科学城|新区|(?<![城本该全我])省|(?<![上本该全我])市(?![场值民])|区(?![域块]))"
    r"(?:内|辖内|中(?=属于|的))?)")
_FROM = re.compile(r"从(?=\d|[一二三四五六七八九十〇]+年|去年|上年)")  # 从2018年的41.20万项提高到…
_PREPOSITION = re.compile(r"^(?:在|从(?!业)|对(?![手象话接标])|向|与|由|以|经(?![济营费])|据|按|将|把)")
# 云州高新区实现营业收入: the verb between owner and measure goes too (→ 营业收入 of 云州高新区).
_MID_VERB = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:实现了?|完成了?)(?=[\u4e00-\u9fff]{2,}$)")
# The verbs a counted noun may go on with: 7家领军企业组建创新联合体 → 组建创新联合体的领军企业.
_GOES_ON = (r"(?:已经|已|正在|先后|共同)?"
            r"(?:组建|牵头|参加|参与|设立|成立|开展|获批|实施|入驻|落户|建成|签约|通过|发布|公布|印发|承担|入选|支撑|联合(?![体会国]))")
_VERB_TAIL = re.compile(
    r"(?:了|的|建设|建立|设立|支持|走访|培训|举办|新增|引进|推动|带动|布局|纳入|包括|组建|联合|发放|惠及|对|向|有|和|"
    r"与|等|及|形成|启动|公布|导入|利用|获得|(?<![费作使应])用|经过|发行|扩建|总结|(?<!总)投资|有组织推动|推荐|吸引|签约|培育|认定|入选|"
    r"做|开展|实施|完成|以|明确|提出|部署|制定|出台|推出|列出)$")
_NOUN_AFTER = re.compile(r"^的?([\u4e00-\u9fffA-Za-z“”\"]{1,16}?)(?=[，,。；;：:、！？!?（(\d]|的|中[，,。；;]|"
                         r"中(?=属于|有)|已|参加|建立|共同|正在|进行|获|是|(?<!正)在|为|将|和|与|等|融资|总额|却|高达|达到|超过|分别|贡献|"
                         + _GOES_ON + r"|$)")
# The kinds of counted set a count names (30家试点单位): what the figures after it may belong to.
COUNTED_SET = re.compile(r"(?:单位|企业|公司|高校|院所|机构|城市|园区|医院|学校|银行|平台|基地|团队|项目|孵化器)")
# After the counted noun, another figure: 30家试点单位转化成果超过900项.
_FIGURE_NEXT = re.compile(r"(?:共计|共|合计|累计)?(?:超过|达到了?|高达|达|突破|超|为|是|约)?\d")
_RELATIVE = re.compile(_GOES_ON + r"[\u4e00-\u9fff“”\"]{1,16}$")
# 3.8万项科技成果已经单列管理: what is counted is what has been done so (单列管理的科技成果).
_DONE = re.compile(r"(?:已经|已|正在)[\u4e00-\u9fff]{2,8}")
# Adverbs between what is measured and its verb: 营收规模迅速扩张, 挂牌不久即融资.
_ADVERB_IN = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:迅速|快速|大幅|显著|明显|稳步|进一步|不久即|随即)"
                        r"(?=[\u4e00-\u9fff])")
# The clause before names what a lone measure word is of: 电子信息产业保持稳步增长，全年实现增加值….
_TOPIC_VERB = re.compile(r"保持|实现|继续|持续|稳步|呈现|延续|完成|取得|运行")
_REPORTING = re.compile(r"显示|表明|介绍|指出|表示|认为|说|称|透露")
# Nouns that say little without the verb that counts them: 走访企业, 投资企业.
_GENERIC = frozenset({"企业", "项目", "高校", "城市", "地区", "省市", "单位", "机构", "人次", "人"})
_PLANNED = re.compile(r"(?:拟|计划|将|规划)(?:新建|扩建|改建|建设|建成|引进|投资|打造)$")
_DONE_BEFORE = re.compile(r"((?:已经|已)[\u4e00-\u9fff]{1,4})的$")
_LAST_VERB = re.compile(r"(走访|投资|支持|服务|培训|引进|孵化|合作|调研|帮扶|带动|吸引|新增|设立|认定|培育)$")
# Measure words that name no thing of their own: they belong to the figure before them.
_MEASURE = re.compile(r"^(?:已?披露|登记)?(?:成交额|成交金额|金额|总额|总金额|规模|总规模|总量|增加值|总值|收入|总收入|"
                      r"营收|数量|总数|融资额|融资总额|投资额|产值|利润|税收)")
# An earlier figure in the clause: what follows it is what this one measures (推动120所高校服务 → 高校服务).
_FIGURE_IN = re.compile(r"\d[\d.]*(?![\d.A-Za-z])(?:余|多)?[万亿]?(?:余|多)?[个家所项户位名人元条座%]?"
                        r"(?:以上|以下|左右)?")
_COMPARED = re.compile(r"(?:是|为|相当于|约为|达到?)的?|(?:高于|低于|快于|慢于|超出|超过)[^，,；;]{0,16}")
_DOC_NAME = re.compile(r"《([^《》]{1,60})》")
_COUNT_ITEMS = re.compile(r"(?:、[\d一二三四五六七八九十百千万余多]+(?:大类|小类|项|种|个|类))+")
_INCLUDING = re.compile(r"^.*在内的")
_SOURCE = re.compile(r"(?:根据|依据|按照)")
_PART_LEAD = re.compile(r"^(?:其中|含|包括|包含)")
_RATE_AFTER = re.compile(r"^(?:以上|以下|左右)?的?(?:增速|增幅|增长|涨幅|降幅)")
_SHARE_OF = re.compile(r"(?:贡献了?|占有|拥有)([^，,；;的]{2,16})的$")
_SHARE_VERB = re.compile(r"(贡献|占有|拥有)了?[^，,；;\d]{0,8}$")
_SHARE = re.compile(r"^(?:均|分别|约)?(?:占|超|超过|接近)(?P<whole>[^，,。；;]{1,30}?)(?:的)?(?:比重|比例)?$")


def subject(before: str, after: str, kind: str, previous: list[str], carried: str | None = None) -> str | None:
    """The subject of a figure.

    `before` is the sentence up to the number, `after` the text after it (from the end of the
    quantity); `previous` the subjects of the sentence's earlier figures (not rates), in order;
    `carried` the subject the sentence before ended on, for a clause that names none
    (…总收入2.1万亿元。近五年均保持了10%以上的增速).
    """
    inner = _open_paren(before)
    if inner is not None and previous:
        # 新增挂牌企业21家(含创新层3家): a part of the figure before, named by what it is a part of.
        part = _head(_PART_LEAD.sub("", inner))
        last = previous[-1]
        return last if not part or last.startswith(part) else part + last
    marks = [m.end() for m in _CLAUSE_PUNCT.finditer(before)]
    clause = before[marks[-1]:] if marks else before
    if kind == "share" and (share_of := _share_of(clause, after, previous)):
        return share_of
    if kind in ("rate", "share") and previous:
        if "分别" in clause:
            # 分别增长87.6%和170%: the figures after 分别 go to the figures before it, in order.
            n = _figures_in(clause[clause.index("分别"):])
            k = n + 1 + _figures_in(_CLAUSE_PUNCT.split(after, maxsplit=1)[0])
            earlier = list(dict.fromkeys(previous))
            if k <= len(earlier):
                return earlier[len(earlier) - k + n]
        share = _SHARE.match(_QUAL_TAIL.sub("", _PAREN.sub("", clause)).strip())
        if kind == "share" and share and previous[-1]:
            whole = _FIGURE_IN.sub("", share.group("whole")).strip("的")  # 全省600余家高校 → 全省高校
            return f"{previous[-1]}占{whole}比重"
        if kind == "rate" and not _has_own_subject(clause):
            return previous[-1]
    if previous and _PART_LEAD.match(clause) and (done := _DONE.match(_CLAUSE_PUNCT.split(after, maxsplit=1)[0])):
        # 3.8万项科技成果已单列管理，其中3000多项正在转化实施: a part of them, told by what it is doing.
        return re.sub(r"^(?:已经|已)", "", done.group()) + "的" + previous[-1].rsplit("的", 1)[-1]
    head = _head(clause)
    if previous and _COMPARED.fullmatch(head):
        return previous[-1]  # 企业数量突破2.8万家，是2012年的3.3倍: a multiple of the figure before
    if kind in ("rate", "other") and not head and carried and _RATE_AFTER.match(after):
        return carried
    noun = _NOUN_AFTER.match(after)
    word = noun.group(1).strip("“”\"") if noun else ""
    rest_at = noun.end() if noun else 0
    if noun and after.startswith("的", rest_at) and (owned := _NOUN_AFTER.match(after[rest_at + 1:])):
        # 7个具有国际影响力的产业集群: the counted noun with what defines it.
        word, rest_at = word + "的" + owned.group(1).strip("“”\""), rest_at + 1 + owned.end()
    if noun and _FIGURE_NEXT.match(after, rest_at) and (counted := COUNTED_SET.search(word)) \
            and counted.end() < len(word):
        # 30家试点单位转化成果超过900项: 转化成果 is what the next figure measures; this one counts 试点单位.
        word = word[:counted.end()]
    # 建立甲、乙两个平台: the names listed before the number are what is counted, the noun after says what.
    if noun and (not head or len(head) < 2 or _VERB_TAIL.search(head) or head.startswith(("占", "超"))
                 or "、" in head):
        rest = _CLAUSE_PUNCT.split(after[rest_at:], maxsplit=1)[0]
        bare = _FIGURE_IN.sub("", rest)  # 设立12家科技支行: what they did, without its own figure
        bare = _DOC_NAME.sub(lambda m: m.group(1)[-4:], bare)  # 印发《…试点实施方案》: the kind of document
        if word and not re.search(r"\d", bare) and (_RELATIVE.match(bare) or _DONE.fullmatch(bare)):
            return re.sub(r"^(?:已经|已|先后)|了", "", bare) + "的" + word
        verb = _LAST_VERB.search(head or "")
        if word in _GENERIC and verb:
            return verb.group(1) + word
        if word and (plan := _PLANNED.search(head or "")):
            return plan.group() + word  # 拟扩建6000平米生产基地: what is planned is no base yet
        if word and (done := _DONE_BEFORE.search(head or "")):
            return done.group(1) + word  # 已签约的36支子基金 → 已签约子基金
        return word or None
    head = _VERB_TAIL.sub("", head)
    if head and previous and _MEASURE.match(head):
        last = previous[-1]
        return last if last.endswith(head) else _last_noun(last) + head
    if head and not previous and _MEASURE.fullmatch(head) and marks:
        topic = _topic(before[marks[-2] if len(marks) > 1 else 0:marks[-1] - 1])
        if topic:
            return topic + head
    return head[-24:] or (noun.group(1) if noun else None)


def _share_of(clause: str, after: str, previous: list[str]) -> str | None:
    """A share told as what it is of: 贡献了云州市GDP的1/3 → 云州市GDP; 贡献了全国60%的技术输出和40%的技术
    吸纳 → 贡献的技术输出, 贡献的技术吸纳."""
    if of := _SHARE_OF.search(clause):
        return of.group(1)
    noun = _NOUN_AFTER.match(after) if after.startswith("的") else None
    if not noun:
        return None
    if verb := _SHARE_VERB.search(clause):
        return verb.group(1) + "的" + noun.group(1)
    if previous and "的" in previous[-1] and clause.endswith(("和", "及", "、")):
        return previous[-1][:previous[-1].rindex("的") + 1] + noun.group(1)
    return None


def counted_in_list(after: str) -> str | None:
    """The noun a list of counts ends on: 四大类、十五小类、120余项科技服务产品 → 科技服务产品 (for 四大类)."""
    items = _COUNT_ITEMS.match(after)
    noun = _NOUN_AFTER.match(after[items.end():]) if items.end() else None
    return noun.group(1) if noun else None


def _topic(clause: str) -> str | None:
    """What the clause before is about, when it says how it went (电子信息产业保持稳步增长 → 电子信息产业)."""
    if _REPORTING.search(clause):
        return None
    head = _head(clause)
    verb = _TOPIC_VERB.search(head, 2)
    return head[:verb.start()] if verb else None


def _figures_in(text: str) -> int:
    return len(re.findall(r"\d+(?:\.\d+)?", text))


def _has_own_subject(clause: str) -> bool:
    """A rate's clause that names what grew (研发投入同比增长16%), not just 同比增长."""
    return len(_head(clause)) >= 2


def _open_paren(before: str) -> str | None:
    """The text inside a bracket the figure stands in, when one is open."""
    i = max(before.rfind("("), before.rfind("（"))
    return before[i + 1:] if i >= 0 and max(before.rfind(")"), before.rfind("）")) < i else None


def _head(clause: str) -> str:
    head = _PAREN.sub("", clause)
    if (m := _FROM.search(head, 1)) is not None:
        head = head[: m.start()]
    head = _DATE_IN.sub("", head)
    head = _INCLUDING.sub("", head)  # 包括云州市、长沙市在内的全国23个地区: the members named go
    if (source := _SOURCE.search(head)) is not None:
        head = head[source.end():]  # 本报告根据全国177家…: what stands after 根据 is what is counted
    if head.endswith("、") or ("、" in head and re.search(r"\d", head[: head.rindex("、")])):
        head = head[head.rindex("、") + 1:]  # an item of a list of figures: 30多家行业协会、20家…
    elif (figures := list(_FIGURE_IN.finditer(head))) and figures[-1].end() < len(head):
        head = head[figures[-1].end():]
    head = _QUAL_TAIL.sub("", head)
    head = _MID_VERB.sub("", head)
    head = _ADVERB_IN.sub("", head)
    for _ in range(3):  # time, owner and adverbs come in any order: 2019年中关村已聚集…
        head = _LEAD_WORDS.sub("", _TIME_HEAD.sub("", head.strip(" “”\"")))
        head = _PREPOSITION.sub("", head)
        scope = _LEAD_SCOPE.match(head)
        if scope and (len(head) - scope.end() >= 2 or scope.end() == len(head)):
            head = head[scope.end():]
    return head.strip(" “”\"、")


def _last_noun(subject: str) -> str:
    """技术合同 of 认定登记技术合同: what a measure word's figure is of."""
    return _COUNTING.sub("", _LEAD_WORDS.sub("", subject))
