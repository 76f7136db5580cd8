"""Names printed in capitals written in normal case, proper nouns kept (Decree 30/2020 Appendix II)."""

from __future__ import annotations

import pytest

from kehoach.normalize.case import is_abbreviation, normal_case, sentence_case

PLACES = ("lào cai", "quảng ngãi", "bản hồ")


@pytest.mark.parametrize("printed, written", [
    ("TỈNH QUẢNG NGÃI", "tỉnh Quảng Ngãi"),
    ("SỞ CÔNG THƯƠNG", "Sở Công Thương"),
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "Ủy ban nhân dân tỉnh Lào Cai"),
    ("UỶ BAN NHÂN DÂN TỈNH LÀO CAI", "Uỷ ban nhân dân tỉnh Lào Cai"),
    ("BAN CHỈ ĐẠO", "Ban Chỉ đạo"),
    ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Sở Giáo dục và Đào tạo"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("UBND PHƯỜNG TAM PHƯỚC", "UBND phường Tam Phước"),
    ("ĐẢNG ỦY XÃ BẢN HỒ", "Đảng ủy xã Bản Hồ"),
    ("ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 1050/QĐ-SCT", "Đoàn kiểm tra theo Quyết định số 1050/QĐ-SCT"),
    ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM XÃ AN BÌNH", "Ủy ban Mặt trận Tổ quốc Việt Nam xã An Bình"),
    ("Sở Tài chính", "Sở Tài chính"),  # already in normal case: kept as printed
])
def test_normal_case(printed, written):
    assert normal_case(printed, PLACES) == written


@pytest.mark.parametrize("printed, written", [
    ("CHẤP THUẬN CHỦ TRƯƠNG ĐẦU TƯ ĐỒNG THỜI CHẤP THUẬN NHÀ ĐẦU TƯ",
     "Chấp thuận chủ trương đầu tư đồng thời chấp thuận nhà đầu tư"),
    ("PHÁT TRIỂN KINH TẾ - XÃ HỘI TỈNH LÀO CAI NĂM 2026", "Phát triển kinh tế - xã hội tỉnh Lào Cai năm 2026"),
    ("TRIỂN KHAI NGHỊ QUYẾT SỐ 57-NQ/TW", "Triển khai Nghị quyết số 57-NQ/TW"),
])
def test_sentence_case_of_titles(printed, written):
    assert sentence_case(printed, PLACES) == written


@pytest.mark.parametrize("word, abbreviation", [
    ("UBND", True), ("HĐND", True), ("QĐ-SCT", True), ("1050/QĐ-SCT", True), ("VLNCN", True),
    ("TỈNH", False), ("NGHIÊNG", False), ("QUYẾT", False), ("TRA", False), ("ĐOÀN", False),
])
def test_abbreviations_are_words_that_cannot_be_a_syllable(word, abbreviation):
    assert is_abbreviation(word) is abbreviation
