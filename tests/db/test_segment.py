"""zgc's segmenter must cut exactly as jieba does: the index, the entities and the queries rely on it."""
from __future__ import annotations

import json
import os
import pickle
import random
import subprocess
import sys
from pathlib import Path

from jieba import finalseg
from zgc.db import segment
from zgc.db.paths import bundled_corpus

ODD = ["", " ", "\n\n", "a b\r\n c", "\t中\u3000国 ", "ＡＢＣ１２３ 中华人民共和国", "C++ 5.4% 2020年-3月",
       "中关村科技园区管理委员会主任表示", "的的的的的", "蔡奇尹力殷勇陈吉宁", "abc_def #1 & 2.5.6 --x"]


def _random_texts(n: int, seed: int) -> list[str]:
    """Dictionary words glued to odd characters: ties, unknown runs and mixed scripts."""
    tk = segment.tokenizer()
    words = [w for i, (w, f) in enumerate(tk.FREQ.items()) if f and i % 97 == 0]
    pool = list("的了在是中国科技创新发展北京市海淀区abcXYZ0123 .%-+#&_\n\r\t，。、“”（）")
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rnd.choice(words) if rnd.random() < 0.6 else "".join(rnd.choices(pool, k=rnd.randint(1, 4)))
                 for _ in range(rnd.randint(1, 12))]
        out.append("".join(parts))
    return out


def test_tokens_are_jiebas():
    tk = segment.tokenizer()
    texts = ODD + _random_texts(3000, 5) + [p.read_text(encoding="utf-8") for p in sorted(bundled_corpus().glob("*.txt"))]
    for text in texts:
        assert segment.tokens(text) == tk.lcut(text), text[:80]


def test_hmm_is_jiebas():
    rnd = random.Random(7)
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 4000, 3)]
    for _ in range(3000):
        text = "".join(rnd.choices(han + list("ab1.2%"), k=rnd.randint(1, 16)))
        out: list[str] = []
        segment._hmm_cut(text, out)
        assert out == list(finalseg.cut(text)), text


def test_search_tokens_are_cut_for_search():
    tk = segment.tokenizer()
    for text in ODD + _random_texts(300, 9):
        kept = [w for w in tk.cut_for_search(text) if w.isalnum() or segment._WORD.search(w)]
        assert segment.search_tokens(segment.tokens(text)) == kept
        assert segment.search_tokens(segment.tokens(text)) == kept  # the cached expansions too


def test_chars_text():
    assert segment.chars_text("中关村 A-1，ｘ") == "中 关 村 A 1 ｘ"
    assert segment.chars_text("") == ""


def test_tokens_and_index_in_one_pass_are_the_two_apart():
    # Twice over: the second pass reads every block from the cache.
    texts = ODD + _random_texts(1000, 11) + [p.read_text(encoding="utf-8")
                                             for p in sorted(bundled_corpus().glob("*.txt"))]
    for _ in range(2):
        for text in texts:
            toks = segment.tokens(text)
            assert segment.tokens_and_index(text) == (toks, segment.index_text(toks)), text[:80]


# ------------------------------------------------------------ the dictionary cache

_CUT = """
import json, sys
from zgc.db import segment
tk = segment.tokenizer()
print(json.dumps([segment.tokens(t) for t in sys.argv[1:]] + [len(tk.FREQ), tk.total], ensure_ascii=False))
"""
_SAMPLES = ["中关村科技园区管理委员会主任表示", "云州高新区前三季度实现营业收入5.4万亿元", "众创空间和孵化器"]


def _cut_in_a_new_process(cache_home: Path) -> list:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home)}
    proc = subprocess.run([sys.executable, "-c", _CUT, *_SAMPLES], env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_a_start_with_the_kept_dictionary_cuts_as_jieba_loading_its_own(tmp_path: Path) -> None:
    first = _cut_in_a_new_process(tmp_path)  # no cache yet: jieba loads its dictionary, zgc keeps it
    kept = list((tmp_path / "zgc").glob("jieba-*.pickle"))
    assert len(kept) == 1
    assert _cut_in_a_new_process(tmp_path) == first  # loaded from the cache
    assert first[:-2] == [segment.tokens(t) for t in _SAMPLES]
    # The user dictionary is applied on top of the cached one, as on jieba's own load.
    assert first[-2:] == [len(segment.tokenizer().FREQ), segment.tokenizer().total]


def test_a_torn_or_foreign_cache_file_is_loaded_again_from_jieba(tmp_path: Path) -> None:
    want = _cut_in_a_new_process(tmp_path)
    (kept,) = (tmp_path / "zgc").glob("jieba-*.pickle")
    kept.write_bytes(kept.read_bytes()[:1000])
    assert _cut_in_a_new_process(tmp_path) == want
    kept.write_bytes(pickle.dumps(["not", "a", "dictionary"]))
    assert _cut_in_a_new_process(tmp_path) == want
    assert len(pickle.loads(kept.read_bytes())[0]) > 100_000  # written whole again


def test_an_unwritable_cache_folder_costs_only_the_cache(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")  # $XDG_CACHE_HOME/zgc can't be made under a file
    assert _cut_in_a_new_process(blocked)[:-2] == [segment.tokens(t) for t in _SAMPLES]
