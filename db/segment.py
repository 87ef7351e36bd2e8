"""Chinese word segmentation with jieba, loaded once per process.

Every text is cut once (precise mode, `tokens`); the search index gets those
tokens plus the dictionary words inside long ones (`search_tokens`), the same
expansion `jieba.cut_for_search` makes, without cutting the text twice.
"""
from __future__ import annotations

import logging
import re
import warnings
from functools import lru_cache
from importlib import resources

with warnings.catch_warnings():
    # jieba imports pkg_resources, which warns on every import under new setuptools.
    warnings.simplefilter("ignore")
    import jieba

_WORD = re.compile(r"\w", re.UNICODE)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """jieba's tokenizer with zgc's user dictionary; the first call takes ~1 s."""
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.initialize()
    with resources.files("zgc.db.data").joinpath("userdict.txt").open("rb") as f:
        tk.load_userdict(f)
    return tk


def tokens(text: str) -> list[str]:
    """Precise-mode tokens of `text`; they concatenate back to `text`."""
    return tokenizer().lcut(text)


def search_tokens(words: list[str]) -> list[str]:
    """Tokens for the index: each word, preceded by the dictionary words inside it."""
    get = tokenizer().FREQ.get
    out: list[str] = []
    append = out.append
    for w in words:
        # isalnum is the fast path; the regex catches words like "5.4" or "C++".
        if not (w.isalnum() or _WORD.search(w)):
            continue
        n = len(w)
        if n > 2:
            out.extend([w[i : i + 2] for i in range(n - 1) if get(w[i : i + 2])])
            if n > 3:
                out.extend([w[i : i + 3] for i in range(n - 2) if get(w[i : i + 3])])
        append(w)
    return out


def index_text(words: list[str]) -> str:
    """The space-joined search tokens stored in an FTS table."""
    return " ".join(search_tokens(words))


def chars_text(text: str) -> str:
    """One token per character, for substring search of short fields (names, subjects)."""
    return " ".join(ch for ch in text if _WORD.match(ch))
