"""Entity extraction: people and posts, bodies by suffix, gazetteer, documents, aliases."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from zgc.db.extract.entities import byline_mentions, extract_entities
from zgc.db.ingest.splitter import split_page
from zgc.db.records import ArticleText

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def ents(text: str, **kw: object) -> dict[tuple[str, str], object]:
    """(name, type) -> the first mention, for a body of text."""
    out: dict[tuple[str, str], object] = {}
    for m in extract_entities(ArticleText(text, **kw)):
        out.setdefault((m.name, m.type), m)
    return out


def names(text: str, typ: str | None = None) -> set[str]:
    return {n for n, t in ents(text) if typ is None or t == typ}


# ------------------------------------------------------------------ people

@pytest.mark.parametrize(("text", "name", "role"), [
    ("杭州市人民政府副市长陈刚表示，将加大投入。", "陈刚", "杭州市人民政府副市长"),
    ("中国人民银行行长易纲指出，要稳字当头。", "易纲", "中国人民银行行长"),
    ("江苏省苏州市工业园区管委会主任李强出席。", "李强", "江苏省苏州市工业园区管委会主任"),
    ("据某某集团副总经理王海涛介绍，项目已开工。", "王海涛", "某某集团副总经理"),
    ("复旦大学计算机学院教授李明介绍，该校成果丰硕。", "李明", "复旦大学计算机学院教授"),
    ("甲公司董事长欧阳明远说：“我们很有信心。”", "欧阳明远", "甲公司董事长"),
    ("北京市委书记蔡奇强调，要做好服务。", "蔡奇", "北京市委书记"),
    ("中关村管委会主任翟立新就有关话题谈到", "翟立新", "中关村管委会主任"),
])
def test_person_after_post(text: str, name: str, role: str) -> None:
    m = ents(text)[(name, "person")]
    assert m.role == role


def test_person_before_honorific() -> None:
    assert ("黄润东", "person") in ents("清华大学电子工程系黄润东教授团队研制出芯片。")
    assert ents("认真贯彻落实习近平总书记重要指示。")[("习近平", "person")].role == "总书记"


@pytest.mark.parametrize(("text", "name"), [
    ("本报讯(记者 王小明)近日，会议召开。", "王小明"),
    ("本报讯（记者 李争粉）近日，科技部火炬中心印发通知。", "李争粉"),
    ("图为旅客体验自助值机。新华社记者 毛思倩/摄", "毛思倩"),
    ("编辑：刘洋 校对：陈静", "刘洋"),
    ("编辑：刘洋 校对：陈静", "陈静"),
])
def test_bylines(text: str, name: str) -> None:
    assert (name, "person") in ents(text)


def test_speaker_named_again_is_mentioned_again() -> None:
    ms = [m for m in extract_entities(ArticleText("科技部副部长张三表示，要抓落实。张三介绍，试点已启动。"))
          if m.name == "张三"]
    assert len(ms) == 2
    assert ms[0].role == "科技部副部长"


@pytest.mark.parametrize("text", [
    "相关负责人表示，政策将继续实施。",
    "对于企业来说，融资仍然是难题。",
    "高校教授创办的企业越来越多。",
    "会议指出，要坚持创新驱动。",
])
def test_no_false_people(text: str) -> None:
    assert names(text, "person") == set()


# ------------------------------------------------------ bodies by suffix

@pytest.mark.parametrize(("text", "name", "typ"), [
    ("北京市朝阳区科学技术和信息化局局长冯少静表示", "北京市朝阳区科学技术和信息化局", "gov"),
    ("浙江省科学技术厅、浙江省发展和改革委员会联合发布通知。", "浙江省科学技术厅", "gov"),
    ("浙江省科学技术厅、浙江省发展和改革委员会联合发布通知。", "浙江省发展和改革委员会", "gov"),
    ("财政部办公厅和国家知识产权局办公室联合印发通知。", "财政部办公厅", "gov"),
    ("由深圳市云联智创科技有限公司牵头建设。", "深圳市云联智创科技有限公司", "company"),
    ("华科精准(北京)医疗科技有限公司拟扩建产线。", "华科精准(北京)医疗科技有限公司", "company"),
    ("北京银行、北京农商银行获批试点。", "北京农商银行", "company"),
    ("他毕业于武汉理工大学。", "武汉理工大学", "university"),
    ("清华大学技术转移研究院院长王燕介绍", "清华大学技术转移研究院", "university"),
    ("成立了济南高新区资本市场协会。", "济南高新区资本市场协会", "org"),
    ("北京市科学技术协会与北京电子商会协办。", "北京电子商会", "org"),
    ("北京市科学技术协会与北京电子商会协办。", "北京市科学技术协会", "org"),
    ("位于昆山高新区的产业园。", "昆山高新区", "park"),
    ("加快建设雄安新区中关村科技园。", "雄安新区中关村科技园", "park"),
    ("在2023世界人工智能大会上发布。", "2023世界人工智能大会", "event"),
    ("在2023中关村论坛平行论坛双碳战略与绿色金融论坛上，", "双碳战略与绿色金融论坛", "event"),
    ("北部海洋经济圈海洋生产总值增长。", "北部海洋经济圈", "place"),
])
def test_suffix_rules(text: str, name: str, typ: str) -> None:
    assert (name, typ) in ents(text)


def test_two_bodies_side_by_side_stay_apart() -> None:
    found = ents("为深入贯彻落实党中央国务院和北京市委市政府的部署")
    assert ("党中央", "gov") in found and ("国务院", "gov") in found
    assert ("北京市委", "gov") in found and ("北京市政府", "gov") in found
    assert not any(len(n) > 8 for n, t in found if t == "gov")


@pytest.mark.parametrize("text", [
    "企业、高校和政府都要参与。",
    "相关部门要加强协调，有关部门要配合。",
    "全国上市公司数量持续增加。",
    "建设专业化园区和高质量园区。",
    "形成总体布局和产业格局。",
    "研究中心和技术转移中心数量增加。",
    "本报记者了解到，企业积极参与。",
])
def test_generic_words_are_not_entities(text: str) -> None:
    assert names(text) == set()


def test_leading_verbs_are_trimmed() -> None:
    assert ("中关村发展集团", "company") in ents("深化中关村发展集团改革转型。")
    assert ("北京知识产权运营管理有限公司", "company") in ents("由北京知识产权运营管理有限公司主办。")


# ------------------------------------------------------------- gazetteer

def test_places_and_central_bodies() -> None:
    found = ents("陕西、四川、浙江等地和法国、日本的机构来到北京。工信部、发改委和科技部参加。")
    for n in ("陕西省", "四川省", "浙江省", "法国", "日本", "北京市"):
        assert (n, "place") in found
    assert ("工业和信息化部", "gov") in found
    assert ("国家发展和改革委员会", "gov") in found
    assert found[("科学技术部", "gov")].text == "科技部"


def test_municipality_and_district_are_one_place() -> None:
    m = ents("在北京市海淀区之北，道路繁忙。")[("海淀区", "place")]
    assert m.text == "北京市海淀区"


def test_ideology_phrase_is_not_a_place() -> None:
    assert ("中国", "place") not in ents("习近平新时代中国特色社会主义思想")


# ------------------------------------------------------------- documents

def test_documents() -> None:
    found = ents("工信部印发《关于推动工业互联网发展的指导意见》。《意见》提出，到2025年……")
    assert ("关于推动工业互联网发展的指导意见", "document") in found
    ms = [m for m in extract_entities(ArticleText("工信部印发《关于推动工业互联网发展的指导意见》。《意见》提出目标。"))
          if m.type == "document"]
    assert {m.name for m in ms} == {"关于推动工业互联网发展的指导意见"}
    assert "意见" in ms[0].aliases


def test_quoted_and_unbracketed_documents() -> None:
    assert ("“十三五”规划", "document") in ents("提前完成国家“十三五”规划确定的目标。")
    assert ("育英计划", "document") in ents("持续完善“育英计划”企业储备库。")
    assert ("支持外资研发中心发展若干措施", "document") in ents("今年北京市政府印发了支持外资研发中心发展若干措施。")


def test_periodical_in_brackets_is_an_org() -> None:
    assert ("Science", "org") in ents("《Science》杂志将该技术列为年度突破。")


# --------------------------------------------------------------- aliases

def test_declared_abbreviation() -> None:
    text = "深圳市华大基因股份有限公司(以下简称“华大基因”)发布公告。华大基因表示，业绩增长。"
    ms = [m for m in extract_entities(ArticleText(text)) if m.type == "company"]
    assert {m.name for m in ms} == {"深圳市华大基因股份有限公司"}
    assert len(ms) >= 2
    assert "华大基因" in ms[0].aliases


def test_bracketed_acronym() -> None:
    ms = extract_entities(ArticleText("世界知识产权组织(WIPO)指导，WIPO中国办事处参与。"))
    wipo = [m for m in ms if m.name == "世界知识产权组织"]
    assert wipo and "WIPO" in wipo[0].aliases


def test_fullest_form_names_the_entity() -> None:
    found = ents("北京市教育委员会主办。北京市教委与企业合作。")
    assert ("北京市教育委员会", "gov") in found and ("北京市教委", "gov") not in found
    found = ents("济南高新区服务业促进局工作人员说，服务业促进局一直在行动。")
    assert ("服务业促进局", "gov") not in found


def test_bare_city_committee_takes_the_city() -> None:
    found = ents("中关村管委会按照北京市委、市政府的部署开展工作。")
    assert found[("北京市政府", "gov")].text == "市政府"


# ---------------------------------------------------- title, publication

def test_title_and_publication() -> None:
    ms = extract_entities(ArticleText("会议在当地举行。", title="协调会在深圳举行", publication="中国高新技术产业导报"))
    by_name = {m.name: m for m in ms}
    assert by_name["中国高新技术产业导报"].type == "org"
    assert by_name["深圳市"].start == by_name["深圳市"].end == 0


def test_byline_mentions() -> None:
    ms = byline_mentions(("吴雨", "刘开雄"))
    assert [m.name for m in ms] == ["吴雨", "刘开雄"]
    assert all(m.type == "person" and m.role == "记者" for m in ms)


# ----------------------------------------------------------------- seeds

def _seed_names(stem: str) -> set[str]:
    path = next(SEEDS.glob(f"{stem}*.txt"))
    out: set[str] = set()
    for a in split_page(path.read_text(encoding="utf-8")):
        for m in extract_entities(ArticleText(a.body, a.title, a.published, a.publication)):
            out.add(m.name)
            out.update(m.aliases)
    return out


@pytest.mark.skipif(not SEEDS.exists(), reason="seeds not present")
def test_seed_spot_checks() -> None:
    first = _seed_names("000_")
    assert {"翟立新", "蔡奇", "李有平", "胡文辉", "雷筱云", "中关村管委会", "国家知识产权局",
            "科技部火炬中心", "关于进一步加强知识产权质押融资工作的通知"} <= first
    last = _seed_names("004_")
    assert {"周云帆", "许心超", "北京电子控股有限责任公司", "世界知识产权组织", "WIPO"} <= last


def test_offsets_point_at_the_surface() -> None:
    text = "本报讯 近日，科技部火炬中心在深圳高新区举行会议，科技部火炬中心副主任李有平出席。"
    for m in extract_entities(ArticleText(text)):
        if m.end > m.start:
            assert text[m.start:m.end] == m.text


def test_given_tokens_are_used_and_bad_tokens_ignored() -> None:
    text = "国家知识产权局新闻发言人胡文辉介绍"
    good = extract_entities(ArticleText(text))
    bad = extract_entities(ArticleText(text, tokens=("nonsense",)))
    assert [(m.name, m.type) for m in good] == [(m.name, m.type) for m in bad]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("中关村管委会主任张伟表示《》“”()（）、，。：公司集团大学协会高新区论坛记者北京市委政府部局0123AB ")),
               max_size=80) | st.text(max_size=60),
       st.text(max_size=20))
def test_never_raises(body: str, title: str) -> None:
    for m in extract_entities(ArticleText(body, title=title, publication=title or None)):
        assert 0 <= m.start <= m.end <= len(body)
        assert m.name and m.type


@pytest.mark.parametrize(("text", "name", "typ"), [
    ("加快建设未来科学城，推动产业集聚。", "未来科学城", "park"),
    ("依托天府软件园打造高地。", "天府软件园", "park"),
    ("沿线聚集着高质量园区——云州壹号。目前已入驻企业120家。", "云州壹号", "park"),
    ("打造一站式服务平台——创客汇，助力企业成长。", "创客汇", "org"),
])
def test_names_without_a_place_in_them(text: str, name: str, typ: str) -> None:
    assert name in names(text, typ)


def test_a_verb_before_a_national_kind_of_zone_is_no_part_of_its_name() -> None:
    got = names("要充分发挥国家高新区的产业集聚作用。")
    assert not any(n.startswith("充分") for n in got)


@pytest.mark.parametrize(("text", "name", "typ"), [
    ("图为长沙高新区展厅一角。王 明 摄", "长沙高新区", "park"),
    ("图为长沙高新区展厅一角。王 明 摄", "王明", "person"),
    ("据科技日报报道，新华网、人民网等媒体作了报道。", "人民网", "org"),
    ("光谷生物城入驻企业超过2000家。", "光谷生物城", "park"),
    ("张 伟 摄浙江省杭州市的未来科技城。", "未来科技城", "park"),
    ("中关村海淀园、昌平园和丰台园的企业数量增长较快。", "昌平园", "park"),
    ("中关村海淀园、昌平园和丰台园的企业数量增长较快。", "海淀园", "park"),
])
def test_credits_with_spaces_media_and_parks_of_other_cities(text: str, name: str, typ: str) -> None:
    assert name in names(text, typ)


def test_a_word_glued_before_a_name_is_no_part_of_it() -> None:
    got = names("受省人民政府委托，考察合肥高新区时，图为长沙高新区展厅。")
    assert not any(n.startswith(("受", "图为", "考察")) for n in got), got


def test_a_garden_word_is_no_sub_park() -> None:
    assert not names("海淀园林绿化局发布通知，昌平园区企业参加。", "park") & {"海淀园", "昌平园"}


@pytest.mark.parametrize(("text", "name"), [
    ("云州市构建“两城一区”创新格局。", "两城一区"),
    ("政策覆盖一区十六园，包括三城一区。", "一区十六园"),
    ("政策覆盖一区十六园，包括三城一区。", "三城一区"),
    ("推进长沙高新区一区多园协同发展。", "一区多园"),
])
def test_a_set_of_zones_named_by_counting_them_is_one_park(text: str, name: str) -> None:
    assert name in names(text, "park")


@pytest.mark.parametrize("text", ["第一区三园的划分另行公布。", "全市共12区3园。"])
def test_numbered_districts_are_no_set_of_zones(text: str) -> None:
    assert not any(n.endswith(("园", "区")) and n[0] in "一二三四五六七八九十两多" for n in names(text, "park"))


def test_a_name_with_its_middle_left_out_is_the_same_entity() -> None:
    got = ents("长沙智造集团组建“云州智能制造创新联合体”。云州创新联合体已有成员30家。")
    assert ("云州智能制造创新联合体", "org") in got and ("云州创新联合体", "org") not in got
    # 北京银行 is no 北京农商银行: a tail of two characters is only the kind of body
    assert {("北京农商银行", "company"), ("北京银行", "company")} <= set(ents("北京农商银行与北京银行签约。"))


@pytest.mark.parametrize(("text", "name"), [
    ("云州大学技术转移院围绕成果转化拓展资源。", "云州大学技术转移院"),
    ("湖南大学化学系教授张明说。", "湖南大学化学系"),
    ("云州大学经济学院院长王强说。", "云州大学经济学院"),
])
def test_a_school_s_own_institute_is_one_name_with_the_school(text: str, name: str) -> None:
    assert name in names(text, "university")


@pytest.mark.parametrize(("text", "school"), [
    ("湖南大学与长沙智造集团共建研究院。", "湖南大学"),  # a joint institute is no part of the school's name
    ("云州大学技术转移研究院院长王强说。", "云州大学技术转移研究院"),  # 院长 is the post, not the institute
])
def test_a_school_s_name_stops_where_its_own_units_end(text: str, school: str) -> None:
    assert school in names(text, "university")
    assert not any(n.startswith(school) and n != school for n in names(text, "university"))


def test_a_quoted_name_and_its_kind_of_platform_are_one_name() -> None:
    assert "“百校千企”协同对接平台" in names("此次发布的“百校千企”协同对接平台将服务企业。", "product")
    assert not names("推动“百校千企”平台化运营。", "product")


def test_a_patent_pool_of_a_named_field_is_a_body() -> None:
    assert "人工智能产业专利池" in names("国内首个人工智能产业专利池正式启动。", "org")
    assert not names("推动建设专利池。", "org")


@pytest.mark.parametrize(("text", "name"), [
    ("刚刚上市的云州智造是一家高校教授创办的企业。", "云州智造"),
    ("华为是一家民营企业。", "华为"),
])
def test_a_name_the_text_introduces_as_a_company_is_one(text: str, name: str) -> None:
    assert name in names(text, "company")


@pytest.mark.parametrize("text", ["该公司是一家高新技术企业。", "这是一家专注芯片的公司。", "它是一家公司。"])
def test_a_pointer_introduced_as_a_company_is_no_name(text: str) -> None:
    assert not names(text, "company")


def test_an_enumeration_of_places_names_each_place() -> None:
    got = names("加快中关村大街、朝阳望京、未来科学城、新首钢等国际人才社区建设。", "place")
    assert {"中关村大街", "朝阳望京", "新首钢"} <= got
    assert not names("推进科研、生产、生活等功能社区建设。", "place")  # kinds of use, not places


def test_a_science_institute_ends_before_the_word_joining_it_to_others() -> None:
    assert "中科院软件所" in names("成员包括云州大学、中科院软件所等高校院所。", "university")


def test_a_branch_of_a_branch_is_one_name() -> None:
    got = names("今年1月，云州银行长沙分行辖属湘江新区科技支行通过认证。", "company")
    assert "云州银行长沙分行辖属湘江新区科技支行" in got


@pytest.mark.parametrize("text", ["建设“双创”平台。", "打造“一站式”服务平台。", "推动大院大学大所参与。",
                                  "打造“产学研用”融合创新的协同创新平台。"])
def test_a_sort_of_platform_or_school_is_no_name(text: str) -> None:
    assert not names(text, "product") and not names(text, "university")


def test_a_sub_park_s_own_committee_is_one_body() -> None:
    assert "昌平园管委会" in names("昌平园管委会主任张明说。", "gov")


def test_a_named_service_platform_is_a_name_and_a_bare_one_is_not() -> None:
    assert "电子城IC/PIC产业服务平台" in names("发布电子城IC/PIC产业服务平台。", "product")
    assert not names("打造综合服务平台。", "product")


@pytest.mark.parametrize(("text", "both"), [
    ("支持良乡、沙河高教园区建设。", {"良乡高教园区", "沙河高教园区"}),
    ("推进昆山、江阴高新区合作。", {"昆山高新区", "江阴高新区"}),
])
def test_two_names_sharing_one_kind_word_are_two_names(text: str, both: set[str]) -> None:
    assert both <= names(text, "park")


@pytest.mark.parametrize(("text", "wrong"), [
    ("加快朝阳望京、未来科学城建设。", "望京科学城"),  # 望京 ends the item before, it starts none
    ("副主任、云州市科学技术局局长王明说。", "主任科学技术局"),  # a post is no place
    ("用好财政资金、云州产业基金。", "资金产业基金"),  # a common word is no place
])
def test_a_word_before_a_list_mark_shares_no_kind_word_unless_it_is_a_place(text: str, wrong: str) -> None:
    assert wrong not in names(text)


@pytest.mark.parametrize(("text", "name"), [
    ("会同银保监会召开知识产权质押融资经验交流(电视电话)会议。", "知识产权质押融资经验交流(电视电话)会议"),
    ("持续办好中国(北京)跨国技术转移大会。", "中国(北京)跨国技术转移大会"),
    ("开展前沿技术大赛。", "前沿技术大赛"),
    ("在云州高新区举行国家高新区高质量发展协调会。", "国家高新区高质量发展协调会"),
    ("2023云州国际交易会世界知名高校技术转移发展大会举办。", "世界知名高校技术转移发展大会"),
])
def test_an_event_s_name_holds_verbs_inside_it_but_starts_with_none(text: str, name: str) -> None:
    assert name in names(text, "event")


def test_a_year_before_a_quoted_plan_is_part_of_its_name() -> None:
    assert "2023“百校千企”全国行动计划" in names("2023“百校千企”全国行动计划正式拉开帷幕。", "document")


def test_countries_that_build_a_park_are_no_national_park() -> None:
    assert not names("与沿线国家共建火炬创新园。", "park")
    assert "国家绿色发展示范区" in names("建设国家绿色发展示范区。", "park")


def test_the_bodies_a_masthead_names_are_entities_of_the_page() -> None:
    from zgc.db.extract.entities import masthead_mentions

    got = {(m.name, m.type, m.start, m.end) for m in masthead_mentions(("云州科技网", "科学技术部", "高新智库"))}
    assert got == {("云州科技网", "org", 0, 0), ("科学技术部", "gov", 0, 0), ("高新智库", "org", 0, 0)}


@pytest.mark.parametrize(("text", "name", "typ"), [
    ("外商投资法落地，高新区成外商投资首选地。", "外商投资法", "document"),
    ("科学技术进步法修订通过。", "科学技术进步法", "document"),
    ("贯彻党的十九大及十九届二中、三中、四中全会精神。", "十九届二中、三中、四中全会", "event"),
    ("十九届五中全会提出新要求。", "十九届五中全会", "event"),
    ("结合“不忘初心、牢记使命”主题教育活动，走访企业。", "“不忘初心、牢记使命”主题教育活动", "event"),
    ("近年来，长沙机场通过数字化转型加快建设。", "长沙机场", "org"),
    ("如今人来车往。麓谷路沿线，聚集着企业。", "麓谷路", "place"),
    ("沿着湘江大道两侧布局产业。", "湘江大道", "place"),
])
def test_laws_plenums_campaigns_airports_and_roads(text: str, name: str, typ: str) -> None:
    assert name in names(text, typ)


@pytest.mark.parametrize("text", ["新办法实施后效果明显。", "依法实施监管。", "思路一带而过。", "道路两侧绿化。"])
def test_words_ending_like_a_law_or_a_road_are_none(text: str) -> None:
    assert not names(text)


def test_a_zone_listed_after_zones_is_one_however_common_its_words() -> None:
    got = names("包括云州科学城、湘江科学城、创新型产业集群示范区在内的“两城一区”。", "park")
    assert "创新型产业集群示范区" in got
    assert not names("与高校合作建立研发中心、设计中心。", "org")


def test_an_item_of_a_list_of_companies_is_a_whole_name() -> None:
    got = names("云州智能科技有限公司、如你所视(长沙)科技有限公司共同参与。", "company")
    assert "如你所视(长沙)科技有限公司" in got
    assert "云州科技有限公司" in names("企业、在云州科技有限公司", "company")  # 在 is no part of a name


def test_the_place_a_local_body_is_named_after_is_mentioned_too() -> None:
    from zgc.db.extract.entities import place_mentions

    body = "湖南省科技厅和中国人民银行联合发文。"
    got = place_mentions(extract_entities(ArticleText(body)))
    assert [(m.name, m.text, m.start, m.end) for m in got] == [("湖南省", "湖南省", 0, 3)]


@pytest.mark.parametrize(("text", "wrong"), [
    ("怀柔、昌平和经济技术开发区占比不到一成。", "昌平和经济技术开发区"),
    ("推动大模型算法落地。", "大模型算法"),
    ("细胞免疫疗法通过审批。", "细胞免疫疗法"),
    ("目前也是一家上市企业。", "目前也"),
    ("深圳大学城国际会议中心举行。", "深圳大学城国际会议中心"),
    ("一带一路沿线国家。", "一带一路"),
])
def test_names_that_real_pages_showed_to_be_no_names_of_their_kind(text: str, wrong: str) -> None:
    got = ents(text)
    assert not any(n == wrong and t in ("park", "document", "company", "university", "place") for n, t in got)


def test_a_road_after_a_preposition_is_the_road() -> None:
    assert "麓谷路" in names("以麓谷路沿线改造为契机。", "place")
