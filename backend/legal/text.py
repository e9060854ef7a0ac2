"""Chinese word segmentation for retrieval: jieba with the domain dictionary and stop words shipped
in data/. One tokenizer per process, built on first use (about 0.7 s), never per request."""

import logging
import re
from functools import cache
from pathlib import Path

import jieba

DATA_DIR = Path(__file__).resolve().parent / "data"
# pseudonymised names of mediation records (王某, 李某某) carry no meaning for retrieval
_NAME = re.compile(r"^\w?某+$")
# a token is kept only if it holds at least one CJK character or letter
_WORDLIKE = re.compile(r"[\u4e00-\u9fffA-Za-z]")


@cache
def _tokenizer() -> jieba.Tokenizer:
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    tokenizer.load_userdict(str(DATA_DIR / "userdict.txt"))
    return tokenizer


@cache
def stop_words() -> frozenset[str]:
    lines = (DATA_DIR / "stopwords.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip())


def tokens(text: str) -> list[str]:
    """Search-mode segmentation (long words also yield their dictionary sub-words, so 宅基地使用权
    matches 宅基地), lower-cased, without stop words, punctuation, digits or 某-names."""
    stop = stop_words()
    words = (word.strip().lower() for word in _tokenizer().cut_for_search(text))
    return [w for w in words if w and w not in stop and _WORDLIKE.search(w) and not _NAME.match(w)]
