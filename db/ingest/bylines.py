"""Who wrote it: the names in bylines, leads and credits, checked against the common surnames."""
from __future__ import annotations

import re

from .page import _BARE_NAMES, _BYLINE

_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦"
    "付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦"
    "俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
    "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁"
    "胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙",
    "慕容", "长孙", "宇文", "司徒", "夏侯", "令狐", "端木", "西门",
)


def _is_person_name(name: str) -> bool:
    if name.startswith(_COMPOUND_SURNAMES):
        return 3 <= len(name) <= 4
    return name[:1] in _SURNAMES and 2 <= len(name) <= 3


def _clean_names(raw: str) -> list[str]:
    names = [re.sub(r"(报道|采写|摄)$", "", n) for n in re.split(r"[ \u3000、,，]+|\s*(?:通讯员|实习生|记者)\s*", raw)]
    return [n for n in names if n]


def _byline_names(text: str) -> list[str] | None:
    if len(text) > 40:
        return None
    m = _BYLINE.match(text)
    return _clean_names(m.group("names")) if m else None


def _bare_names(text: str) -> list[str] | None:
    """A line of one to four person names (明慧; 吴雨 刘开雄), else None."""
    if len(text) > 20 or not _BARE_NAMES.match(text):
        return None
    names = [n for n in re.split(r"[ \u3000、,，]+", text) if n]
    return names if all(_is_person_name(n) for n in names) else None


# The posts a speaker line names before the speaker: 云州发展集团副总经理王明：
_SPEAKER_POST = re.compile(
    r"(?:总经理|副总裁|总裁|董事长|主任|书记|院长|校长|所长|局长|部长|厅长|市长|区长|理事长|会长|秘书长|主席|"
    r"负责人|创始人|首席执行官|首席科学家|总工程师|教授|研究员|院士|CEO)$")


def speaker(line: str) -> tuple[str, str] | None:
    """(name, post) of a speaker line over a headline: 云州发展集团副总经理王明： → (王明, 云州发展集团副总经理)."""
    text = line.strip().rstrip("：:").strip()
    for n in (3, 2, 4):
        name, post = text[-n:], text[:-n]
        if len(post) >= 2 and _SPEAKER_POST.search(post) and _is_person_name(name):
            return name, post
    return None

