"""The official list of administrative units (current since the 2025 mergers, and the provinces before)."""

from __future__ import annotations

import pytest

from kehoach.normalize import admin_units as au


@pytest.mark.parametrize("name, code, current, pre_2025", [
    ("Lào Cai", "15", "Lào Cai", False),
    ("Quảng Ngãi", "51", "Quảng Ngãi", False),
    ("Hồ Chí Minh", "79", "Hồ Chí Minh", False),
    ("Kon Tum", "62", "Quảng Ngãi", True),  # merged into Quảng Ngãi in 2025
    ("Yên Bái", "15", "Lào Cai", True),
    ("Bình Thuận", "60", "Lâm Đồng", True),
    ("HOÀ BÌNH", "17", "Phú Thọ", True),  # capitals and the old placement of the mark
])
def test_provinces_current_and_before_2025(name, code, current, pre_2025):
    p = au.find_province(name)
    assert p is not None and (p.code, p.current_name, p.pre_2025) == (code, current, pre_2025)


@pytest.mark.parametrize("name", ["Plieku", "Võ Phiên", ""])
def test_names_not_in_the_list(name):
    assert au.find_province(name) is None


def test_current_list_has_34_provinces():
    assert len({au.find_province(n).current_code for n in ("Lào Cai", "Yên Bái", "Kon Tum")}) == 2
    assert au.province_by_code("75").name == "Đồng Nai"


def test_communes_with_the_same_name_in_several_provinces():
    found = au.find_communes("Thanh Sơn", "xã")
    assert len(found) >= 2 and len({c.province_code for c in found}) == len(found)
    assert [c.province_code for c in au.find_communes("Tam Phước", "phường")] == ["75"]
    assert au.find_communes("Tam Phước", "xã") == []


def test_place_names_are_lower_case_names_of_the_list():
    names = au.place_names()
    assert "lào cai" in names and "tam phước" in names and "kon tum" in names
