"""Chinese word segmentation with jieba, loaded once per process.

Every text is cut once (precise mode, `tokens`); the search index gets those
tokens plus the dictionary words inside long ones (`search_tokens`), the same
expansion `jieba.cut_for_search` makes, without cutting the text twice.

`tokens` runs jieba's own algorithm (dictionary DAG, best route by word log
frequency, HMM for runs of unknown characters) in one fused loop; it gives the
same tokens as `Tokenizer.lcut` (tests/db/test_segment.py checks that) in about
half the time, as jieba's version builds a DAG dict, a route dict and a
generator per character.
"""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import pickle
import re
import tempfile
import warnings
from functools import lru_cache
from importlib import resources
from math import log
from pathlib import Path

from .paths import cache_dir

with warnings.catch_warnings():
    # jieba imports pkg_resources, which warns on every import under new setuptools.
    warnings.simplefilter("ignore")
    import jieba
    from jieba import finalseg

# jieba's own block patterns: the runs it segments, and the white space it keeps whole.
_HAN = jieba.re_han_default
_SKIP = jieba.re_skip_default
_WORD = re.compile(r"\w", re.UNICODE)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """jieba's tokenizer with zgc's user dictionary; the first call takes ~0.3 s (~1 s the first time)."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    cache = _dictionary_cache()
    state = _read_cache(cache)
    if state is None:
        tk.initialize()
        _write_cache(cache, (tk.FREQ, tk.total))  # before the user dictionary changes them
    else:
        tk.FREQ, tk.total = state
        tk.initialized = True
    with resources.files("zgc.db.data").joinpath("userdict.txt").open("rb") as f:
        tk.load_userdict(f)
    return tk


# jieba keeps its dictionary in a marshal file that takes ~0.9 s to load; the same dict and total
# pickled load in a quarter of that. Every build, update and test run starts with it.
def _dictionary_cache() -> Path:
    """Where jieba's loaded dictionary is kept, named for jieba's version and its dictionary file."""
    dict_file = Path(jieba.__file__).with_name(jieba.DEFAULT_DICT_NAME)
    try:
        st = dict_file.stat()
        stamp = f"{jieba.__version__}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        stamp = jieba.__version__
    return cache_dir() / f"jieba-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.pickle"


def _read_cache(path: Path) -> tuple[dict[str, int], int] | None:
    try:
        with path.open("rb") as f:
            freq, total = pickle.load(f)
    except Exception:  # missing, unreadable or torn: jieba loads its own file instead
        return None
    return (freq, total) if isinstance(freq, dict) and isinstance(total, int) else None


def _write_cache(path: Path, state: tuple[dict[str, int], int]) -> None:
    """Kept for the next start when the cache folder is writable; never an error when it is not."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".jieba-")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)  # whole or not at all, even with two builds starting at once
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)


def tokens(text: str) -> list[str]:
    """Precise-mode tokens of `text` (jieba's `lcut`, HMM on); they concatenate back to `text`."""
    return _cut(text, None)


def tokens_and_index(text: str) -> tuple[list[str], str]:
    """`tokens(text)` and `index_text` of them, made in one pass."""
    index: list[str] = []
    return _cut(text, index), " ".join(index)


def _cut(text: str, index: list[str] | None) -> list[str]:
    """The tokens of `text`; their search tokens appended to `index` when one is given."""
    out: list[str] = []
    for i, blk in enumerate(_HAN.split(text)):
        if not blk:
            continue
        if i % 2:  # split() with a group puts the matched runs at odd indexes
            words, searched = _block(blk)
            out.extend(words)
            if index is not None:
                index.extend(searched)
            continue
        start = len(out)
        for x in _SKIP.split(blk):
            if not x:
                continue
            if _SKIP.match(x):
                out.append(x)
            else:
                out.extend(x)
        if index is not None:
            index.extend(search_tokens(out[start:]))
    return out


# Cached by block (a run between punctuation: a clause, a name, a figure with its unit): news
# repeats its set phrases, datelines and boilerplate, and a hit costs one lookup instead of a
# route through the dictionary. Bounded, so a large corpus cannot grow it without limit.
@lru_cache(maxsize=32_768)
def _block(block: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The block's tokens and their search tokens."""
    tk = tokenizer()
    out: list[str] = []
    _cut_block(block, tk.FREQ, log(tk.total), out)
    return tuple(out), tuple(search_tokens(out))


def _cut_block(sentence: str, freq: dict[str, int], logtotal: float, out: list[str]) -> None:
    """jieba's __cut_DAG: the best route through the dictionary words, unknown runs to the HMM.

    Route scores are summed in jieba's order, (log f - log total) + route[x + 1], and ties go
    to the longer word as jieba's max over (score, x) does, so the route is the same.
    """
    n = len(sentence)
    score = [0.0] * (n + 1)
    nxt = [0] * (n + 1)
    for k in range(n - 1, -1, -1):
        best = None
        bx = k
        i = k
        frag = sentence[k]
        while True:
            f = freq.get(frag)
            if f is None:
                break
            if f:
                p = log(f) - logtotal + score[i + 1]
                if best is None or p >= best:
                    best, bx = p, i
            i += 1
            if i >= n:
                break
            frag = sentence[k:i + 1]
        if best is None:
            # No dictionary word starts here: the single character, at frequency 1 (log 1 = 0).
            best = 0.0 - logtotal + score[k + 1]
        score[k] = best
        nxt[k] = bx + 1
    x = 0
    buf = ""
    append = out.append
    while x < n:
        y = nxt[x]
        if y - x == 1:
            buf += sentence[x]
        else:
            if buf:
                _flush(buf, freq, out)
                buf = ""
            append(sentence[x:y])
        x = y
    if buf:
        _flush(buf, freq, out)


def _flush(buf: str, freq: dict[str, int], out: list[str]) -> None:
    """A run of single characters: kept as they are, or re-cut by the HMM when not a known word."""
    if len(buf) == 1:
        out.append(buf)
    elif not freq.get(buf):
        _hmm_cut(buf, out)
    else:
        out.extend(buf)


def _hmm_cut(text: str, out: list[str]) -> None:
    """jieba's `finalseg.cut`: Chinese runs by the BMES HMM, the rest as Latin/number pieces."""
    han = finalseg.re_han
    force = finalseg.Force_Split_Words
    for blk in han.split(text):
        if han.match(blk):
            for word in _hmm_words(blk):
                if word in force:
                    out.extend(word)
                else:
                    out.append(word)
        else:
            out.extend(x for x in finalseg.re_skip.split(blk) if x)


def _hmm_model() -> tuple:
    start, trans, emit, low = finalseg.start_P, finalseg.trans_P, finalseg.emit_P, finalseg.MIN_FLOAT
    return (start["B"], start["M"], start["E"], start["S"], emit["B"], emit["M"], emit["E"], emit["S"],
            trans["E"].get("B", low), trans["S"].get("B", low), trans["M"].get("M", low), trans["B"].get("M", low),
            trans["B"].get("E", low), trans["M"].get("E", low), trans["S"].get("S", low), trans["E"].get("S", low),
            low)


_MODEL = _hmm_model()


def _hmm_words(sentence: str) -> list[str]:
    """jieba's `finalseg.__cut` with its Viterbi unrolled over the four states.

    Sums are made in jieba's order, (V[t-1] + trans) + emit, and a tie goes to the later state
    letter, as jieba's max over (prob, state) tuples does, so the path is the same.
    """
    (sb, sm, se, ss, eb, em, ee, es, t_eb, t_sb, t_mm, t_bm, t_be, t_me, t_ss, t_es, low) = _MODEL
    c = sentence[0]
    vb, vm, ve, vs = sb + eb.get(c, low), sm + em.get(c, low), se + ee.get(c, low), ss + es.get(c, low)
    back: list[tuple[int, int, int, int]] = []  # per position, the best previous state of B, M, E, S
    for c in sentence[1:]:
        # (V + trans) + emit, added left to right as jieba does
        e = eb.get(c, low)
        p1, p2 = ve + t_eb + e, vs + t_sb + e  # B after E or S
        nb, bb = (p2, 3) if p2 >= p1 else (p1, 2)
        e = em.get(c, low)
        p1, p2 = vm + t_mm + e, vb + t_bm + e  # M after M or B
        nm, bm = (p1, 1) if p1 >= p2 else (p2, 0)
        e = ee.get(c, low)
        p1, p2 = vb + t_be + e, vm + t_me + e  # E after B or M
        ne, be = (p2, 1) if p2 >= p1 else (p1, 0)
        e = es.get(c, low)
        p1, p2 = vs + t_ss + e, ve + t_es + e  # S after S or E
        ns, bs = (p1, 3) if p1 >= p2 else (p2, 2)
        vb, vm, ve, vs = nb, nm, ne, ns
        back.append((bb, bm, be, bs))
    state = 3 if vs >= ve else 2
    states = [state]
    for step in reversed(back):
        state = step[state]
        states.append(state)
    states.reverse()
    words: list[str] = []
    begin = nexti = 0
    for i, pos in enumerate(states):
        if pos == 0:
            begin = i
        elif pos == 2:
            words.append(sentence[begin:i + 1])
            nexti = i + 1
        elif pos == 3:
            words.append(sentence[i])
            nexti = i + 1
    if nexti < len(sentence):
        words.append(sentence[nexti:])
    return words


def search_tokens(words: list[str]) -> list[str]:
    """Tokens for the index: each word, preceded by the dictionary words inside it."""
    out: list[str] = []
    append = out.append
    for w in words:
        if len(w) > 2:
            out.extend(_expand(w))
        # isalnum is the fast path; the regex catches words like "5.4" or "C++".
        elif w.isalnum() or _WORD.search(w):
            append(w)
    return out


# Cached by word: a corpus repeats its vocabulary, and each expansion costs a dictionary lookup per
# two- and three-character slice. Bounded, as a corpus's vocabulary is not.
@lru_cache(maxsize=300_000)
def _expand(w: str) -> tuple[str, ...]:
    """The two- and three-character dictionary words inside `w` (in jieba's cut_for_search order), then `w`."""
    if not (w.isalnum() or _WORD.search(w)):
        got: tuple[str, ...] = ()
    else:
        get = tokenizer().FREQ.get
        n = len(w)
        grams = [w[i : i + 2] for i in range(n - 1) if get(w[i : i + 2])]
        if n > 3:
            grams += [w[i : i + 3] for i in range(n - 2) if get(w[i : i + 3])]
        got = (*grams, w)
    return got


def index_text(words: list[str]) -> str:
    """The space-joined search tokens stored in an FTS table."""
    return " ".join(search_tokens(words))


def chars_text(text: str) -> str:
    """One token per character, for substring search of short fields (names, subjects)."""
    return " ".join(_WORD.findall(text))  # \w matches one character at a time
