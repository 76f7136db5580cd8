"""Catalog matching on accent-less and English-OCR text: the same ids as the accented forms."""

from __future__ import annotations

import pytest

from kehoach.normalize import catalog
from kehoach.normalize.units import split_bodies


@pytest.mark.parametrize("accented, plain", [
    ("Phòng Văn hóa - Xã hội", "Phong VH - XH"),
    ("Phòng Văn hóa - Xã hội", "Phong Van hoa - Xa hoi"),
    ("Công an xã", "Cong an xa"),
    ("UBND xã", "UBND xa"),
    ("Đảng ủy xã", "Dang uy xa"),
    ("Đảng ủy xã", "Pang uy xa"),  # Đ read as P by an English OCR
    ("Văn phòng HĐND và UBND xã", "Van phong HPND&UBND"),  # inside a code too
    ("Trạm Y tế xã", "Tram y te xa"),
    ("Trung tâm Phục vụ hành chính công", "Trung tam Phuc vu hanh chinh cong"),
    ("Các phòng, ban, đơn vị trên địa bàn xã", "Cac phong, ban, don vi tren dia ban xa"),
    ("Phòng Kinh tế", "P h o n g K i n h t é"),  # letter-spaced print split by the OCR
    ("Ban Chỉ đạo", "Ban Chi dao"),
])
def test_accent_less_body_maps_to_the_same_id(accented, plain):
    expected = catalog.bodies().match(accented)
    assert expected is not None
    got = catalog.bodies().match(plain)
    assert got is not None and got.id == expected.id


@pytest.mark.parametrize("text", ["a b c", ":", "~ 8 S 2"])
def test_noise_maps_to_nothing(text):
    assert catalog.bodies().match(text) is None


def test_accent_less_cell_splits_like_the_accented_one():
    assert split_bodies("Phong Kinh te; Cong an xa") == ["Phong Kinh te", "Cong an xa"]


@pytest.mark.parametrize("accented, plain", [
    ("Tỷ lệ hồ sơ thủ tục hành chính được xử lý trực tuyến", "Ty le ho so thu tuc hanh chinh duoc xu ly truc tuyen"),
])
def test_accent_less_indicator_maps_to_the_same_id(accented, plain):
    a, b = catalog.indicators().match(accented), catalog.indicators().match(plain)
    assert (a is None and b is None) or (a is not None and b is not None and a.id == b.id)
