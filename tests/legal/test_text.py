from backend.legal.text import tokens


def test_domain_words_stay_whole():
    words = tokens("宅基地纠纷经调解达成调解协议，王某支付抚养费并返还彩礼。")
    for word in ("宅基地", "调解协议", "抚养费", "彩礼"):
        assert word in words


def test_names_stop_words_digits_and_punctuation_are_dropped():
    words = tokens("申请人王某与被申请人李某某于2026年，因承包地发生争执。")
    assert "承包地" in words
    assert not {"王某", "李某某", "申请人", "被申请人", "与", "，", "2026", "。"} & set(words)


def test_long_words_also_yield_their_parts_for_matching():
    assert {"宅基地使用权", "宅基地"} <= set(tokens("宅基地使用权"))
