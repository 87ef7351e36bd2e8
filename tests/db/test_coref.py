"""A reference back (该公司, 该区, 创新联合体 opening a sentence) names the entity last given: the
figures and the occurrences of its sentence are that entity's."""
from __future__ import annotations

import pytest
from zgc.db.extract.article import process_article
from zgc.db.extract.coref import with_references
from zgc.db.records import Article, EntityMention


def _article(body: str, title: str = "报道") -> Article:
    return Article(title=title, body=body, kind="news", start=0, end=len(body), body_start=0, published="2023-06-01")


def _scopes(body: str, title: str = "报道") -> dict[str, str | None]:
    return {m.text: m.scope for m in process_article(_article(body, title)).metrics}


def _actors(body: str) -> dict[str, str | None]:
    return {e.action: e.actor for e in process_article(_article(body)).events}


@pytest.mark.parametrize(("body", "figure", "owner"), [
    # 该+head names the last entity of that kind
    ("湖南云州科技有限公司是一家落户云州高新区的芯片企业。该公司去年营业收入12亿元。", "12亿元", "湖南云州科技有限公司"),
    ("长沙智造集团在湖南省发布新品。该集团今年研发投入8亿元。", "8亿元", "长沙智造集团"),
    ("云州高新区举行签约仪式。该区上半年新增企业320家。", "320家", "云州高新区"),
    ("湖南省出台新政。该省高新技术企业达1.2万家。", "达1.2万家", "湖南省"),
    # a modifier between pointer and head: the name ending with both
    ("长沙智造集团牵头组建“云州智造创新联合体”。该创新联合体由长沙智造集团联合12家企业共同组建。",
     "12家", "云州智造创新联合体"),
    # a sentence opening with the name's own head
    ("长沙智造集团牵头组建“云州智造创新联合体”。创新联合体围绕产业需求建设5个研究中心。",
     "5个", "云州智造创新联合体"),
    ("湖南云州生物科技有限公司落户云州高新区。公司拟扩建3000平米生产基地。", "3000平米", "湖南云州生物科技有限公司"),
])
def test_a_reference_back_owns_its_sentence_s_figures(body, figure, owner):
    assert _scopes(body)[figure] == owner


@pytest.mark.parametrize("body", [
    "该市场规模达120亿元。",  # 市场 is no city
    "此次共有86家企业参展。",  # 此次 is no pointer to a body
    "企业研发投入达5亿元。",  # a bare 企业 names no firm
])
def test_words_that_only_look_like_a_reference_name_nothing(body):
    assert set(_scopes(body).values()) <= {None}


def test_a_reference_with_nothing_named_before_it_names_nothing():
    text = "该公司营业收入12亿元。"
    assert with_references(text, ()) == ()
    only_a_park = (EntityMention(name="云州高新区", type="park", text="云州高新区", start=0, end=0),)
    assert with_references(text, only_a_park) == only_a_park


def test_a_reference_beyond_reach_names_nothing():
    firm = EntityMention(name="湖南云州科技有限公司", type="company", text="湖南云州科技有限公司", start=0, end=10)
    near = "湖南云州科技有限公司发布新品。该公司营业收入12亿元。"
    assert [m.start for m in with_references(near, (firm,))] == [0, 15]
    far = "湖南云州科技有限公司发布新品。" + "会议还讨论了下一步的工作安排，" * 40 + "。该公司营业收入12亿元。"
    assert with_references(far, (firm,)) == (firm,)


def test_references_are_not_catalogued_as_mentions():
    body = "湖南云州科技有限公司是一家芯片企业。该公司去年营业收入12亿元。"
    mentions = process_article(_article(body)).mentions
    assert [m.text for m in mentions if m.name == "湖南云州科技有限公司"] == ["湖南云州科技有限公司"]


def test_the_company_a_reference_names_is_the_actor():
    assert _actors("湖南云州科技有限公司深耕芯片设计。该公司成立于2015年，总部位于长沙。")["成立"] == "湖南云州科技有限公司"


def test_a_set_of_zones_owns_its_figures_and_counts_nothing():
    got = _scopes("云州市构建两城一区创新格局，一区多园协同发展，三城一区以不足6%的土地贡献了全市GDP的1/3。")
    assert got == {"不足6%": "三城一区", "1/3": "三城一区"}


def test_a_school_s_institute_that_opens_a_paragraph_owns_its_figures():
    body = "云州大学技术转移院围绕成果转化拓展资源。与数百家企业、30多家行业协会建立了合作关系。"
    assert set(_scopes(body).values()) == {"云州大学技术转移院"}


def test_a_company_owns_its_figures_under_the_short_name_the_text_gives_it():
    body = "云州智造(长沙)科技有限公司(以下简称“云州智造”)落户云州高新区。云州智造今年营业收入12亿元。"
    assert _scopes(body)["12亿元"] == "云州智造"


def test_a_platform_a_sentence_opens_with_owns_its_figures():
    body = ("5月28日，云州软件园正式发布“百校千企”协同对接平台。此次发布的“百校千企”协同对接平台，计划利用3年时间，"
            "推动500所高校服务3000家企业。")
    got = _scopes(body)
    assert got["500所"] == got["3000家"] == "“百校千企”协同对接平台"
    subjects = {m.text: m.subject for m in process_article(_article(body)).metrics}
    assert not subjects["500所"].startswith("“百校千企”")  # a platform is no product its figures tell of


def test_a_body_that_opens_a_sentence_after_its_lead_words_owns_the_next_figures():
    body = "云州高新区召开大会。目前，湖南云州科技有限公司围绕芯片设计拓展业务。与30多家企业建立了合作。"
    assert _scopes(body)["30多家"] == "湖南云州科技有限公司"
