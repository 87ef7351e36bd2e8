"""What a figure measures and whose it is, on sentences of our own making in the forms news uses."""
from __future__ import annotations

import pytest
from zgc.db.extract.article import process_article
from zgc.db.extract.metrics import extract_metrics
from zgc.db.records import Article, ArticleText


def subjects(body: str) -> dict[str, str | None]:
    return {m.text: m.subject for m in extract_metrics(ArticleText(body=body, published="2023-06-01"))}


CASES = [
    ("课题组形成了60余份专题研究报告。", "60余份", "专题研究报告"),
    ("今年以来，园区走访超过3000家企业。", "超过3000家", "走访企业"),
    ("去年共投资约420家企业。", "约420家", "投资企业"),
    ("云州高新区上市公司达48家。", "达48家", "上市公司"),
    ("其中科创板上市企业9家。", "9家", "科创板上市企业"),
    ("全市新增上市公司11家。", "11家", "新增上市公司"),
    ("万名从业人员发明专利拥有量提高到520件。", "520件", "万名从业人员发明专利拥有量"),
    ("我国国内(不含港澳台)发明专利拥有量共计120.5万件。", "120.5万件", "国内发明专利拥有量"),
    ("东部经济圈海洋生产总值18360亿元，比上年增长6.1%。", "18360亿元", "海洋生产总值"),
    ("东部经济圈海洋生产总值18360亿元，比上年增长6.1%。", "6.1%", "海洋生产总值"),
    ("今年前三季度，规模以上企业总收入超2.1万亿元，同比增长9.8%。", "9.8%", "规模以上企业总收入"),
    ("学院与数十家企业、40多家行业协会、15家投资机构建立了合作关系。", "40多家", "行业协会"),
    ("学院与数十家企业、40多家行业协会、15家投资机构建立了合作关系。", "15家", "投资机构"),
    ("来自多个国家的180多位嘉宾参加现场论坛。", "180多位", "参加现场论坛的嘉宾"),
    ("目前已支持9家领军企业组建创新联合体。", "9家", "组建创新联合体的领军企业"),
    ("其中，145个项目已经成立了公司。", "145个", "成立公司的项目"),
    ("独角兽企业共有57家，占全国近三成。", "近三成", "独角兽企业占全国比重"),
    ("股权类直接融资18.5亿元，占该市股权融资的72%。", "72%", "股权类直接融资占该市股权融资比重"),
    # adverbs between what is measured and its verb go
    ("对手营收规模迅速扩张8倍。", "8倍", "对手营收规模扩张"),
    ("以云州智造为例，挂牌不久即融资3.5亿元。", "3.5亿元", "挂牌融资"),
    # what the counted things have done: a relative clause, without its own figure
    ("截至目前，全市共8家银行设立12家科技支行。", "8家", "设立科技支行的银行"),
    ("目前2.6万余项科技成果已经单列管理。", "2.6万余项", "单列管理的科技成果"),
    # a lone measure word is of what the clause before says went well
    ("2022年全省电子信息产业保持稳步增长，全年实现增加值5120亿元，比上年增长8.2%。", "5120亿元", "电子信息产业增加值"),
    ("2022年全省电子信息产业保持稳步增长，全年实现增加值5120亿元，比上年增长8.2%。", "8.2%", "电子信息产业增加值"),
    ("数据显示，全年实现增加值5120亿元。", "5120亿元", "增加值"),
    # a share of a whole that counts: the whole without its count
    ("合同总额达到了120亿元，占全省600余家高校合同总额的9%。", "9%", "合同总额占全省高校合同总额比重"),
    # a share told as what it is of
    ("云州新区以不足5%的土地面积贡献了全市GDP的1/4。", "1/4", "全市GDP"),
    ("企业贡献了全省90.2%的技术输出和80.1%的技术吸纳。", "90.2%", "贡献的技术输出"),
    ("企业贡献了全省90.2%的技术输出和80.1%的技术吸纳。", "80.1%", "贡献的技术吸纳"),
    # 其中N and what that part is doing
    ("目前2.6万余项科技成果已经单列管理，其中2000多项正在转化实施。", "2000多项", "正在转化实施的科技成果"),
    ("计划利用3年时间，推动500所以上高校支撑服务3000家企业发展。", "500所以上", "支撑服务企业发展的高校"),
    # a count of bodies listed before it: the bodies, told by what they did
    ("2022年8月，财政部、商务部等7部委公布了云州新区试点名单。", "7部委", "公布云州新区试点名单的部委"),
    ("科技部、教育部等五部门联合开展职务科技成果管理试点。", "五部门", "联合开展职务科技成果管理试点的部门"),
    ("科技部、教育部等8部门印发《云州新区职务科技成果赋权试点实施方案》。", "8部门", "印发实施方案的部门"),
    ("包括云州市、长沙市在内的全国18个地区获批。", "18个", "地区"),
    # what is planned or already done stays with the counted noun
    ("云州智造拟扩建6000平米生产基地。", "6000平米", "拟扩建生产基地"),
    ("科创基金已签约的36支子基金中，有30支已开展投资。", "36支", "已签约子基金"),
    # a body and its recipients are the subject, not an owner in front of it
    ("同时，中央财政对每个城市支持2亿元。", "2亿元", "中央财政对每个城市"),
    # classes counted in a list: of what the list ends on
    ("导入云州科创集团四大类、十五小类、120余项科技服务产品。", "四大类", "科技服务产品大类"),
    ("导入云州科创集团四大类、十五小类、120余项科技服务产品。", "十五小类", "科技服务产品小类"),
    # 本市 inside a subject is no owner in front of it
    ("新三板新增本市挂牌企业11家。", "11家", "新三板新增本市挂牌企业"),
    # a date anywhere in the clause is no part of the subject
    ("本刊3月2日、3月9日停刊两期。", "两期", "停刊"),
    ("2021年6月、2022年1月共举办路演12场。", "12场", "举办路演"),
    # 近N年 / 连续N年 and 保持 are time and verb, not what is measured
    ("连续三年工业总产值保持8%以上的增速。", "8%以上", "工业总产值"),
    ("全年营业收入1.2万亿元，同比增长9%，近三年均保持了7%以上的增速。", "7%以上", "营业收入"),
    # a part in brackets: what it is part of, with what names the part
    ("新增挂牌企业21家(含创新层3家)。", "3家", "创新层新增挂牌企业"),
    ("引进高层次人才86人(其中外籍12人)。", "12人", "外籍引进高层次人才"),
    # the counted noun keeps what defines it after 的
    ("培育了7个具有国际影响力的产业集群。", "7个", "具有国际影响力的产业集群"),
    # words that end like verbs but are nouns
    ("培训费用减少30%。", "30%", "培训费用"),
    ("区域经济总量800亿元。", "800亿元", "区域经济总量"),
    ("以不足3%的土地面积贡献了全市财政收入的两成。", "不足3%", "土地面积"),
    # 认定登记 is how the contracts are counted: it stays with them
    ("全省认定登记技术合同1.2万项。", "1.2万项", "认定登记技术合同"),
    # an earlier figure in the clause is no part of this one's subject
    ("平台推动300所以上高校支撑服务5000家以上企业。", "5000家以上", "高校支撑服务"),
    ("全省向12万户企业发放稳岗返还资金36亿元。", "36亿元", "企业发放稳岗返还资金"),
    # names listed before the number are what is counted; the noun after says what
    ("园区建立人才、金融两个服务平台。", "两个", "服务平台"),
    ("方案明确了六项重点任务：一是……", "六项", "重点任务"),
]


@pytest.mark.parametrize(("body", "figure", "subject"), CASES)
def test_subject(body, figure, subject):
    assert subjects(body)[figure] == subject


def test_from_a_to_b_gives_both_figures_one_subject_and_a_measure_word_its_figure():
    got = subjects("全省技术合同从2019年的2.1万项提高到2022年的3.6万项，成交额从2019年的860亿元提高到1520亿元，"
                   "分别增长71.4%和76.7%。")
    assert got["2.1万项"] == got["3.6万项"] == "技术合同"
    assert got["860亿元"] == got["1520亿元"] == "技术合同成交额"
    assert (got["71.4%"], got["76.7%"]) == ("技术合同", "技术合同成交额")


def test_a_subject_is_never_a_verb_a_date_or_a_fragment():
    for body in ("初步形成3-5个具有全球竞争力的产业集群。", "2022年全年新增高新技术企业1200家。",
                 "园区累计引进项目86个。", "已正式启动12项重点研发项目。"):
        for m in extract_metrics(ArticleText(body=body, published="2023-06-01")):
            assert m.subject and not m.subject.startswith(("初步", "2022", "全年", "已", "累计", "正式")), (body, m.subject)


def _scopes(title: str, body: str) -> dict[str, str | None]:
    article = Article(title=title, body=body, kind="news", start=0, end=len(body), body_start=0, published="2023-06-01")
    return {m.text: m.scope for m in process_article(article).metrics}


def test_scope_is_a_named_owner_under_its_short_name():
    got = _scopes("中关村发布年度数据", "中关村上市公司达420家。全国技术合同成交额4.8万亿元。")
    assert got == {"达420家": "中关村示范区", "4.8万亿元": "全国"}


def test_a_plan_s_figures_are_its_zone_s():
    body = ("为加快建设全国科技创新中心，制订本行动计划。到2025年，企业研发投入强度达到5%，"
            "北京市高新技术企业数量超过3万家，打造全国高质量发展先行区。")
    got = _scopes("关于印发《中关村示范区创新发展行动计划》的通知", body)
    assert got["达到5%"] == "中关村示范区"
    assert got["超过3万家"] == "北京市"  # named in the figure's own clause


def _subjects_with_entities(body: str) -> dict[str, str | None]:
    article = Article(title="新品发布", body=body, kind="news", start=0, end=len(body), body_start=0,
                      published="2023-06-01")
    return {m.text: m.subject for m in process_article(article).metrics}


def test_a_product_s_figures_are_told_of_the_product():
    got = _subjects_with_entities(
        "研发的紫微骨科机器人是国内首款全关节手术机器人。与传统手术相比，手术时间减少40%，出血量减少60%。"
        "目前，紫微骨科机器人已在北京市完成了1200台手术。")
    assert got["40%"] == "紫微骨科机器人手术时间"
    assert got["60%"] == "紫微骨科机器人出血量"
    assert got["1200台"] == "紫微骨科机器人手术"


def test_a_product_no_longer_speaks_once_a_body_or_zone_is_named_after_it():
    got = _subjects_with_entities(
        "紫微骨科机器人获批上市，国家药品监督管理局发布公告。作为主平台，海淀科学城以不足5%的土地贡献了全区三成税收。")
    assert got["不足5%"] == "土地"


def test_a_disclosed_amount_is_of_what_the_sentence_counted_before():
    assert subjects("全年天使投资案例1200个，已披露金额达560亿元。")["达560亿元"] == "天使投资案例披露金额"


def test_the_whole_province_is_the_province_named_before_it():
    got = _scopes("高校改革见成效", "据介绍，湖南省在全省42所高校开展了改革试点。")
    assert got["42所"] == "湖南省"


def test_a_body_a_paragraph_opens_with_owns_its_next_figures():
    body = ("云州大学技术转移中心围绕成果转化，拓展技术转移资源。与120多家企业建立了合作关系，累计签订合同额3亿元。\n\n"
            "长沙市新增高新技术企业300家。")
    got = _scopes("成果转化的云州经验", body)
    assert got["120多家"] == got["3亿元"] == "云州大学技术转移中心"
    assert got["300家"] == "长沙市"  # the next paragraph is no longer the body's


def test_a_share_of_the_whole_country_is_not_the_country_s_figure():
    got = _scopes("云州高新区发展成绩亮眼", "云州高新区独角兽企业共有12家，占全国近一成。")
    assert got["近一成"] == "云州高新区"


def test_members_of_a_counted_set_and_the_whole_compared_with_own_no_figure():
    got = _scopes("云州高新区年度报告", "云州高新区支持甲乙科技、丙丁科技等9家领军企业组建创新联合体。"
                  "园区税收占云州市的四成，是云州市平均水平的3倍。")
    assert got["9家"] == "云州高新区"
    assert got["3倍"] == "云州高新区"


def test_this_city_is_the_city_the_article_named():
    got = _scopes("上市工作推进会召开", "长沙市召开上市工作推进会。今年以来，本市新增上市企业14家。")
    assert got["14家"] == "长沙市"


def test_a_part_keeps_the_owner_of_the_figure_it_is_part_of():
    got = _scopes("基金投资进展", "云州科创基金累计投资企业850家，其中，湖南省企业约380家。")
    assert got["约380家"] == got["850家"]


def test_in_news_a_zone_named_owns_the_next_sentences_figures_but_in_a_plan_the_title_s_zone_keeps_them():
    body = "作为创新高地，长沙高新区发展迅速。园区聚集高新技术企业2600家。"
    assert _scopes("中关村经验在各地开花", body)["2600家"] == "长沙高新区"
    assert _scopes("中关村示范区创新发展行动计划", body)["2600家"] == "中关村示范区"


def test_a_zone_a_sentence_names_owns_the_figures_of_the_next_even_without_figures_of_its_own():
    body = "北清路沿线，聚集着高质量园区——云州壹号。目前已入驻企业130多家，产业精准度达80%。"
    got = _scopes("园区见闻", body)
    assert got["130多家"] == got["达80%"] == "云州壹号"


def test_praise_of_the_whole_country_and_a_national_kind_of_zone_own_no_later_figures():
    body = ("长沙市新增高新技术企业300家。该市在全国率先开展试点。纳入基础库企业867家。"
            "国家高新区是创新高地。首批20家高校已经取得良好的进展。")
    got = _scopes("创新发展报道", body)
    assert got["867家"] == got["20家"] == "长沙市"


def test_a_report_on_all_national_zones_keeps_them_as_owner_through_its_list_of_figures():
    body = "1-5月，国家高新区实现营业收入12.35万亿元，同比增长8.1%；净利润7265亿元，同比增长8.8%。"
    article = Article(title="国家高新区经济运行情况", body=body, kind="news", start=0, end=len(body), body_start=0,
                      published="2023-06-01")
    got = {m.text: (m.subject, m.scope) for m in process_article(article).metrics}
    assert got["12.35万亿元"] == ("营业收入", "国家高新区")
    assert got["8.1%"] == ("营业收入", "国家高新区")
    assert got["7265亿元"] == got["8.8%"] == ("净利润", "国家高新区")


@pytest.mark.parametrize(("body", "figure", "subject"), [
    ("2022年，169家国家高新区中属于高技术产业的企业达9万家。", "169家", "国家高新区"),
    ("2022年，169家国家高新区中属于高技术产业的企业达9万家。", "达9万家", "属于高技术产业的企业"),
    ("全省从业人员达1059.3万人。", "达1059.3万人", "从业人员"),
    ("云州高新区六大领域实现总收入1.5万亿元。", "1.5万亿元", "六大领域总收入"),
])
def test_words_that_look_like_prepositions_or_verbs_inside_a_subject(body, figure, subject):
    assert subjects(body)[figure] == subject


def test_a_country_abroad_named_in_passing_owns_no_later_figure():
    body = "长沙智造集团打破了德国企业的技术垄断。累计合同额12亿元。德国汽车产量下降5%。"
    got = _scopes("企业报道", body)
    assert got["12亿元"] != "德国"
    assert got["5%"] == "德国"  # its own clause's figure is still its own


def test_a_plan_s_whole_city_and_its_targets_without_a_year():
    body = ("到2025年，全市研发经费投入强度保持在6%左右。\n\n"
            "力争国家级专精特新“小巨人”企业数量达到1000家以上。该项目总投资50亿元，建成后预计年产值可达100亿元。")
    article = Article(title="长沙市“十四五”科技创新规划", body=body, kind="news", start=0, end=len(body), body_start=0,
                      published="2022-03-01")
    got = {m.text: m for m in process_article(article).metrics}
    assert got["6%左右"].scope == "长沙市"
    assert (got["达到1000家以上"].subject, got["达到1000家以上"].period) == ("国家级专精特新“小巨人”企业数量", "2025")
    assert got["50亿元"].subject == "项目总投资"
    assert got["达100亿元"].subject == "年产值"


@pytest.mark.parametrize(("body", "figure", "subject"), [
    ("全省已累计建成5G基站12.3万个。", "12.3万个", "5G基站"),
    ("园区企业研发投入占营业收入比重达7.6%，高于全国平均水平5.2个百分点。", "5.2个百分点", "园区企业研发投入占营业收入比重"),
])
def test_a_number_inside_a_name_and_a_figure_compared_with_a_whole(body, figure, subject):
    assert subjects(body)[figure] == subject


def test_a_sentence_that_opens_by_counting_a_set_gives_that_set_s_figures():
    body = ("全国技术合同成交额4.8万亿元。据统计，2022年30家试点单位转化成果超过900项，"
            "合同总额达到了120亿元，同比增长18%，占全国2000余家高校合同总额的9%；奖励同比增长40%。")
    got = _scopes("试点进展", body)
    assert {k: got[k] for k in ("超过900项", "达到了120亿元", "18%", "9%", "40%")} == dict.fromkeys(
        ("超过900项", "达到了120亿元", "18%", "9%", "40%"), "试点单位")
    assert got["2000余家"] == "全国"  # inside the whole compared with: the whole's


def test_a_count_opening_a_sentence_counts_its_set_not_the_next_figure_s_subject():
    body = "2022年，30家试点单位转化成果超过900项。"
    assert _subjects_with_entities(body)["30家"] == "试点单位"
    assert _subjects_with_entities(body)["超过900项"] == "试点单位转化成果"


def test_a_count_after_a_named_owner_leaves_the_owner():
    got = _scopes("园区动态", "2022年，云州高新区30家企业实现营业收入50亿元。")
    assert got["50亿元"] == "云州高新区"


def test_a_name_describing_the_set_counted_or_inside_a_quoted_title_is_no_owner():
    got = _scopes("园区动态", "但是，云州高新区92家“新三板”挂牌企业融资总额却高达27亿元。")
    assert got["高达27亿元"] == "云州高新区"
    got = _scopes("园区动态", "湖南省持续完善企业储备库。举办“走进北交所”专题辅导活动3场。")
    assert got["3场"] == "湖南省"


def test_this_paper_is_the_publication_but_its_dateline_owns_nothing():
    body = "本报讯（记者 王明）云州高新区今年新增企业320家。本报3月2日、3月9日休刊两期。"
    article = Article(title="园区动态", body=body, kind="news", start=0, end=len(body), body_start=0,
                      published="2023-06-01", publication="云州日报")
    got = {m.text: m.scope for m in process_article(article).metrics}
    assert got == {"320家": "云州高新区", "两期": "云州日报"}


def test_a_figure_nothing_owns_after_a_central_body_spoke_is_the_country_s():
    got = _scopes("工信部部署", "近日，工业和信息化部发布通知提出，到2025年，移动物联网终端连接数达到20亿。")
    assert got["达到20亿"] == "全国"
    got = _scopes("园区动态", "云州高新区获科技部批复建设创新中心。园区今年营业收入120亿元。")
    assert got["120亿元"] == "云州高新区"
    assert _scopes("行业动态", "移动物联网终端连接数达到20亿。")["达到20亿"] is None


def test_a_place_given_as_an_example_owns_nothing_after_its_sentence():
    body = ("全国共有1200万户企业享受稳岗返还。如，在湖南省云州市，企业无需主动申报。"
            "加速线上办理，公布280个城市网上经办平台。")
    assert _scopes("稳岗返还", body)["280个"] == "全国"


def test_is_before_a_place_and_its_count_says_whose_not_compared_with_what():
    got = _scopes("园区动态", "云州高新区加快发展。软件业是湖南省两大千亿级产业集群之一。")
    assert got["两大"] == "湖南省"
    got = _scopes("园区动态", "云州高新区直接融资比重达到60%，是湖南省比重的3倍。")
    assert got["3倍"] == "云州高新区"


def test_a_figure_nothing_in_the_text_owns_is_the_company_or_body_the_title_names():
    body = "6月1日，国内首个人工智能产业专利池正式启动。首批入池专利达120余项，其中40项率先开放许可。"
    got = _scopes("首个人工智能产业专利池启动", body)
    assert got == {"达120余项": "人工智能产业专利池", "40项": "人工智能产业专利池"}
    # a government in the title is no owner: its figures are the country's
    assert _scopes("工业和信息化部部署物联网发展", "移动物联网终端连接数达到20亿。")["达到20亿"] == "全国"


def test_a_road_is_where_a_park_is_not_whose_figures_they_are():
    body = "麓谷路沿线，聚集着云州壹号等园区。云州壹号已入驻企业130多家。"
    assert _scopes("园区动态", body)["130多家"] != "麓谷路"


def test_a_count_of_the_zones_own_things_leaves_the_figures_to_the_zones():
    got = _scopes("园区动态", "全市高新区加快发展。16个高新区重大项目开工382个，总投资1269.4亿元。")
    assert got["382个"] != "高新区重大项目" and got["1269.4亿元"] != "高新区重大项目"
