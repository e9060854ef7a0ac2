"""The shipped corpus: articles of the laws most cited in people's mediation (data/provisions.jsonl,
one article a line; law texts are public domain) and its BM25 index, built once per process."""

import json
from dataclasses import dataclass
from functools import cache

from backend.legal.bm25 import BM25Index, FieldSpec
from backend.legal.text import DATA_DIR, tokens

PROVISIONS_FILE = DATA_DIR / "provisions.jsonl"
# The article text is long and formal; the topic field (chapter title and the colloquial words a
# mediation record uses for the chapter's subject: 狗, 借条, 院墙 …) is short and shared by every
# article of its chapter, so its length matters little (small b). Tuned on data/dev_set.jsonl.
FIELDS = {"text": FieldSpec(weight=1.0, b=0.75), "topic": FieldSpec(weight=1.0, b=0.3)}
K1 = 1.6


@dataclass(frozen=True)
class Provision:
    key: str  # "civil_code:1079": law code and article number
    law: str  # 中华人民共和国民法典
    short: str  # 民法典
    number: int
    label: str  # 第一千零七十九条
    chapter: str  # 婚姻家庭编·离婚
    keywords: tuple[str, ...]
    text: str

    @property
    def law_code(self) -> str:
        return self.key.split(":", 1)[0]

    @property
    def topic_path(self) -> str:
        """ "civil_code/婚姻家庭编·离婚": what the dispute-type priors match by prefix."""
        return f"{self.law_code}/{self.chapter}"

    @property
    def citation(self) -> str:
        return f"《{self.short}》{self.label}"


@cache
def provisions() -> tuple[Provision, ...]:
    with PROVISIONS_FILE.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return tuple(
        Provision(
            key=row["key"],
            law=row["law"],
            short=row["short"],
            number=row["number"],
            label=row["label"],
            chapter=row["chapter"],
            keywords=tuple(row["keywords"]),
            text=row["text"],
        )
        for row in rows
    )


@cache
def provisions_by_key() -> dict[str, Provision]:
    return {provision.key: provision for provision in provisions()}


@cache
def provision_index() -> BM25Index:
    """Documents in the order of provisions()."""
    documents = [
        {"text": tokens(p.text), "topic": tokens(" ".join((p.chapter, *p.keywords)))}
        for p in provisions()
    ]
    return BM25Index(documents, FIELDS, k1=K1)
