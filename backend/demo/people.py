"""Deterministic, realistic-looking Chinese personal data for demo rows (never real people)."""

import random
from datetime import date, timedelta

from backend.common.validators import id_card_check_digit

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国玉兰海燕志强永红春梅国华文红云飞建华德胜淑珍秀兰凤英立新振江宝山金凤树林"
MOBILE_PREFIXES = (
    "130",
    "131",
    "132",
    "135",
    "136",
    "137",
    "138",
    "139",
    "150",
    "151",
    "152",
    "155",
    "157",
    "158",
    "159",
    "178",
    "180",
    "182",
    "183",
    "185",
    "186",
    "187",
    "188",
)


def person_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))


def sex_of(rng: random.Random) -> str:
    return rng.choice(("male", "female"))


def resident_id(
    rng: random.Random,
    area_code: int,
    *,
    born_from: int = 1950,
    born_to: int = 2004,
    sex: str | None = None,
) -> str:
    """A checksum-valid 18-character ID number registered in the county of `area_code`."""
    born = date(born_from, 1, 1) + timedelta(days=rng.randrange((born_to - born_from) * 365))
    order = rng.randrange(0, 999)
    if sex is not None and (order % 2 == 1) != (sex == "male"):
        order = (order + 1) % 1000
    first17 = f"{str(area_code)[:6]}{born:%Y%m%d}{order:03d}"
    return first17 + id_card_check_digit(first17)


def mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"


def street_address(rng: random.Random, village_name: str) -> str:
    place = (
        village_name.removesuffix("村民委员会").removesuffix("居民委员会").removesuffix("村委会")
    )
    return f"{place}{rng.randrange(1, 40)}排{rng.randrange(1, 30)}号"
