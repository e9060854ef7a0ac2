"""BM25 on a fixture small enough to compute by hand."""

import math

import pytest

from backend.legal.bm25 import BM25Index, FieldSpec

# Three documents of one field; k1 = 1.2, b = 0.75, N = 3, average length (2 + 3 + 1) / 3 = 2.
DOCS = [{"text": ["宅基地", "院墙"]}, {"text": ["彩礼", "彩礼", "婚约"]}, {"text": ["宅基地"]}]


@pytest.fixture
def index() -> BM25Index:
    return BM25Index(DOCS, {"text": FieldSpec(weight=1.0, b=0.75)}, k1=1.2)


def test_scores_match_the_hand_computed_okapi_values(index):
    # 宅基地 is in 2 of 3 documents: idf = ln(1 + (3 - 2 + 0.5) / (2 + 0.5)) = ln 1.6 = 0.470004
    # doc 0: tf 1, length 2 = average → norm 1, tf' 1 → 1 · 2.2 / (1 + 1.2) = 1 → 0.470004
    # doc 2: tf 1, length 1 → norm 0.25 + 0.75 · 1/2 = 0.625, tf' 1.6 → 1.6 · 2.2 / 2.8 = 1.257143
    #        → 0.470004 · 1.257143 = 0.590862
    assert index.scores(["宅基地"]) == pytest.approx([0.470004, 0.0, 0.590862], abs=1e-6)
    # 彩礼 is in 1 document: idf = ln(1 + 2.5 / 1.5) = ln(8/3) = 0.980829
    # doc 1: tf 2, length 3 → norm 0.25 + 0.75 · 3/2 = 1.375, tf' = 1.454545
    #        → 1.454545 · 2.2 / 2.654545 = 1.205479 → 0.980829 · 1.205479 = 1.182370
    assert index.scores(["彩礼"]) == pytest.approx([0.0, 1.182370, 0.0], abs=1e-6)


def test_terms_add_up_and_repeated_or_unknown_query_terms_add_nothing(index):
    both = index.scores(["宅基地", "院墙"])
    # 院墙: idf ln(1 + 2.5/1.5) = 0.980829, doc 0 norm 1 → +0.980829
    assert both[0] == pytest.approx(0.470004 + 0.980829, abs=1e-6)
    assert index.scores(["宅基地", "宅基地", "无此词"]) == index.scores(["宅基地"])
    assert index.idf("宅基地") == pytest.approx(math.log(1.6))


def test_a_field_weight_scales_the_term_frequency_before_saturation():
    docs = [{"text": ["甲"], "topic": ["乙"]}, {"text": ["乙"], "topic": ["甲"]}]
    fields = {"text": FieldSpec(1.0, 0.75), "topic": FieldSpec(2.0, 0.75)}
    scores = BM25Index(docs, fields, k1=1.2).scores(["乙"])
    # both lengths equal their averages (norm 1); 乙 is in both documents: idf = ln(1 + 0.5/2.5)
    idf = math.log(1.2)
    # doc 0 has 乙 in the topic (weight 2): tf' 2 → 2 · 2.2 / 3.2; doc 1 in the text: tf' 1 → 1
    assert scores == pytest.approx([idf * 2 * 2.2 / 3.2, idf * 1.0])


def test_scoring_from_term_counts_gives_the_same_scores(index):
    from collections import Counter

    from backend.legal.bm25 import okapi_scores

    counts = [Counter(doc["text"]) for doc in DOCS]
    lengths = [len(doc["text"]) for doc in DOCS]
    for query in (["宅基地"], ["彩礼", "院墙"], ["无此词"]):
        assert okapi_scores(query, counts, lengths) == pytest.approx(index.scores(query))
