"""Citations of state and Party bodies' documents; companies' letters and codes of standards left out."""

from __future__ import annotations

import pytest

from kehoach.parsers.references import references


@pytest.mark.parametrize("text, refs", [
    ("Căn cứ Văn bản số 26/CV-DC của Công ty Cổ phần Đại Đồng Tiến; Nghị định 96/2026/NĐ-CP",
     ["96/2026/NĐ-CP"]),  # a company's letter is no act of a public body
    ("theo đề nghị tại văn bản số 12/CV-HT của ông Nguyễn Văn A", []),
    ("CăncứNghịđịnhsố96/2026/NĐ-CP ngày 31 tháng 3", ["96/2026/NĐ-CP"]),  # a text layer without spaces
    ("Luật Phòng cháy số 55/2024/QH151 (footnote 1)", ["55/2024/QH15"]),
    ("Kết luận số 269- KL/TU và Văn bản 1591-CV/ĐU", ["269-KL/TU", "1591-CV/ĐU"]),
    ("Báo cáo 1856/TTr -SCT; Văn bản 11654/ANKT-ANTCĐT", ["1856/TTr-SCT", "11654/ANKT-ANTCĐT"]),
    ("theo QCVN 01:2019/BCT về an toàn", []),  # a standard's code
    ("Công văn số 2024/BGTVT3 cũ", []),
])
def test_references_of_public_bodies(text, refs):
    assert references(text) == refs
