"""GB 11643 ID numbers and the masking used by every display, print and log path."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.idnumber import (
    InvalidIdNumber,
    check_digit,
    is_residence_permit,
    is_valid_id_number,
    mask_id_number,
    mask_name,
    mask_phone,
    normalize_id_number,
    redact_text,
)

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def reference_check(first17: str) -> str:
    return "10X98765432"[sum(int(a) * b for a, b in zip(first17, WEIGHTS, strict=True)) % 11]


def make(first17: str) -> str:
    return first17 + reference_check(first17)


def test_known_public_examples() -> None:
    assert normalize_id_number("11010519491231002X") == "11010519491231002X"  # the GB 11643 sample
    assert normalize_id_number("440524188001010014") == "440524188001010014"
    assert normalize_id_number(" 11010519491231002x ") == "11010519491231002X"


@given(st.from_regex(r"\A[1-6]\d{5}(19[5-9]\d|20[01]\d)(0[1-9]|1[0-2])(0[1-9]|1\d|2[0-8])\d{3}\Z"))
def test_check_digit_matches_the_standard(first17: str) -> None:
    assert check_digit(first17) == reference_check(first17)
    assert is_valid_id_number(make(first17))
    wrong = "0" if reference_check(first17) != "0" else "1"
    assert not is_valid_id_number(first17 + wrong)


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("11010519491231002", "18 characters"),
        ("1101051949123100299", "18 characters"),
        ("11010519491231002Y", "17 digits"),
        ("110105194912310021", "check digit"),
        (make("11010519491332002")[:-1] + reference_check("11010519491332002"), "birth date"),
        (make("00000019900101001"), "region"),
    ],
)
def test_refusals_say_why(value: str, reason: str) -> None:
    with pytest.raises(InvalidIdNumber, match=reason):
        normalize_id_number(value)


def test_refusal_never_echoes_the_number() -> None:
    with pytest.raises(InvalidIdNumber) as err:
        normalize_id_number("110105194912310021")
    assert "110105194912310021" not in str(err.value)


def test_residence_permits_81_82_83() -> None:
    for region in ("810000", "820000", "830000"):
        number = make(region + "19900101001")
        assert normalize_id_number(number) == number
        assert is_residence_permit(number)
    assert not is_residence_permit("11010519491231002X")


def test_masking() -> None:
    assert mask_id_number("110101199003071234") == "110101********1234"
    assert mask_id_number("11010519491231002X") == "110105********002X"
    assert mask_id_number("") == "" and mask_id_number(None) == ""
    assert "H123" not in mask_id_number("H1234567")  # a passport number keeps only its ends
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone("0797-8123456") == "*******3456"
    assert mask_name("张三") == "张*" and mask_name("欧阳小明") == "欧**明" and mask_name("李") == "李"


def test_redact_text_masks_numbers_inside_sentences() -> None:
    text = "申请人11010519491231002X，电话13812345678，案号H01-0001，金额12345678901234567890"
    out = redact_text(text)
    assert "110105********002X" in out and "138****5678" in out
    assert "11010519491231002X" not in out and "13812345678" not in out
    assert "12345678901234567890" in out  # a long number that is neither stays


def test_the_older_foreigners_permanent_residence_card_of_15_characters() -> None:
    from app.domain.idnumber import InvalidIdNumber, birth_date, is_old_foreign_card, redact_text

    assert normalize_id_number(" usa3100 8006 0101 ") == "USA310080060101"
    assert is_old_foreign_card("USA310080060101") and not is_old_foreign_card("11010519491231002X")
    for bad in ("US1310080060101", "USA31008006010X"):
        with pytest.raises(InvalidIdNumber, match="3 letters followed by 12 digits"):
            normalize_id_number(bad)
    with pytest.raises(InvalidIdNumber, match="15 on an older"):
        normalize_id_number("1101051949123")
    assert mask_id_number("USA310080060101") == "USA310*****0101"
    assert redact_text("card USA310080060101 read") == "card USA310*****0101 read"
    with pytest.raises(InvalidIdNumber, match="no birth date"):
        birth_date("USA310080060101")
