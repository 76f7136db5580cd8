"""A commune's province when the official list has its name in several provinces: the document decides only
where the list confirms it, or where the document states it for its own unit."""

from __future__ import annotations

import pytest
from helpers import page

from kehoach.parsers.header import parse_header


def commune_plan(*body: str, unit: str = "UBND XÃ THANH SƠN", place: str = "Thanh Sơn"):
    return parse_header([page(unit, "Số: 5/KH-UBND", f"{place}, ngày 5 tháng 3 năm 2026", ("KẾ HOẠCH", True),
                              ("Tiêu đề", True), *body)])


@pytest.mark.parametrize("body, province", [
    # the list has a xã Thanh Sơn in Phú Thọ, Ninh Bình and Đồng Nai: a body naming one of them decides
    (["Căn cứ Kế hoạch số 88/KH-UBND của UBND tỉnh Phú Thọ;"], "Phú Thọ"),
    (["Căn cứ Kế hoạch của UBND tỉnh Ninh Bình;", "Căn cứ Nghị quyết của Tỉnh ủy Ninh Bình;"], "Ninh Bình"),
    # a province the list does not confirm for the commune is never taken from the body
    (["Căn cứ Kế hoạch của UBND tỉnh Lâm Đồng;"], None),
    ([], None),
    # the document states its own unit's province: kept even against the list (flagged)
    (["trên địa bàn xã Thanh Sơn, tỉnh Đồng Nai như sau:"], "Đồng Nai"),
    (["năm 2026 trên địa bàn xã, tỉnh Ninh Bình như sau:"], "Ninh Bình"),
])
def test_namesake_commune_province(body, province):
    assert commune_plan(*body).province == province


def test_a_province_stated_for_the_unit_but_not_in_the_list_is_kept_and_flagged():
    h = commune_plan("Căn cứ Kế hoạch số 88/KH-UBND của UBND tỉnh Đắk Lắk;",
                     "Ủy ban nhân dân xã Hòa Bình ban hành Kế hoạch năm 2026 trên địa bàn xã, tỉnh Đắk Lắk như sau:",
                     unit="UBND XÃ HÒA BÌNH", place="Hòa Bình")
    assert (h.admin_unit_type, h.admin_unit_name, h.province, h.admin_unit_code) == ("xã", "Hòa Bình", "Đắk Lắk",
                                                                                      None)
    assert any("the official list has no unit of that name there" in w for w in h.warnings)


def test_body_mention_alone_does_not_place_an_unconfirmed_commune():
    h = commune_plan("Căn cứ Kế hoạch số 88/KH-UBND của UBND tỉnh Đắk Lắk;", unit="UBND XÃ HÒA BÌNH",
                     place="Hòa Bình")
    assert h.province is None
    assert any("several provinces" in w for w in h.warnings)
