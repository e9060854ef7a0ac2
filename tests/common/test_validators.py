import random

import pytest
from django.core.exceptions import ValidationError

from backend.common.masking import mask_address, mask_id_number, mask_phone
from backend.common.validators import (
    credit_code_check_char,
    validate_credit_code,
    validate_phone,
    validate_resident_id,
)
from backend.demo.people import resident_id


def test_a_generated_resident_id_passes_and_a_changed_digit_fails():
    number = resident_id(random.Random(1), 130926100000)
    validate_resident_id(number)
    wrong = number[:-1] + ("0" if number[-1] != "0" else "1")
    with pytest.raises(ValidationError) as error:
        validate_resident_id(wrong)
    assert "校验位" in str(error.value)
    assert wrong not in str(error.value)  # the number itself never reaches the message


def test_known_resident_id_check_digit():
    validate_resident_id("11010519491231002X")  # the GB 11643 standard's own example


@pytest.mark.parametrize("value", ["", "1234", "13092619900101123", "1309261990010112345"])
def test_malformed_resident_ids_are_rejected(value):
    with pytest.raises(ValidationError):
        validate_resident_id(value)


@pytest.mark.parametrize("value", ["13812345678", "0317-2345678", "03172345678"])
def test_valid_phones(value):
    validate_phone(value)


@pytest.mark.parametrize("value", ["12812345678", "1381234567", "phone", "+86 138"])
def test_invalid_phones(value):
    with pytest.raises(ValidationError, match="电话号码格式不正确"):
        validate_phone(value)


def test_credit_code_check_character():
    first17 = "91130900MA0CXXXX0"
    code = first17 + credit_code_check_char(first17)
    validate_credit_code(code)
    with pytest.raises(ValidationError, match="统一社会信用代码"):
        validate_credit_code(first17 + ("1" if code[-1] != "1" else "2"))


def test_masks_keep_only_what_identifies_nobody():
    assert mask_id_number("130926199001011234") == "130926********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_address("肃宁县肃宁镇东街村12排3号") == "肃宁县肃宁镇****"
