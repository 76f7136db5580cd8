"""Deadline cells of flattened rows: what a deadline's words look like."""

from __future__ import annotations

from kehoach.parsers.text_cells import split_row

ROLES = ["name", "lead", "coordinating", "deadline", "result"]


def _cells(lines, roles=ROLES):
    got = split_row(lines, roles, False)
    return {roles[c]: " ".join(t.split()) for c, t in got.items()}


def test_a_quarter_of_a_year_is_a_deadline():
    # "Quý II/2026" on the line of the last coordinating body and the result's first words
    lines = ["Rà soát các thủ tục hành chính", "còn vướng mắc tại xã", "Trạm Y tế xã", "Các ngành liên quan",
             "các Tổ CNSCĐ Quý II/2026 Báo cáo kết quả rà soát"]
    got = _cells(lines)
    assert got["deadline"] == "Quý II/2026" and got["result"] == "Báo cáo kết quả rà soát"


def test_a_deadline_set_by_a_condition():
    # each cell written whole, one after another; the deadline is a condition, not a date
    lines = ["Triển khai nền tảng số dùng chung", "của tỉnh tại xã", "Phòng Kinh tế xã", "Các ngành liên quan",
             "Khi có yêu", "cầu của cấp", "trên", "Nền tảng được vận hành"]
    got = _cells(lines)
    assert got["deadline"] == "Khi có yêu cầu của cấp trên" and got["result"] == "Nền tảng được vận hành"


def test_a_date_wrapped_inside_its_year_is_joined():
    # a narrow deadline column wraps "12/2025" as "12/202" / "5"
    got = split_row(["Số hóa hồ sơ tại xã", "Phòng Kinh tế xã", "Tháng", "12/202", "5", "Hồ sơ được số hóa"],
                    ["name", "lead", "deadline", "result"], False)
    assert got[2] == "Tháng\n12/2025"


def test_a_year_goes_to_the_deadline_not_to_an_expected_result():
    # result, deadline and lead share one output line; the line is long, like a name's
    lines = ["Rà soát, đề xuất bãi bỏ các quy định, thủ tục", "không còn phù hợp tại xã",
             "Báo cáo rà soát 2026 - 2030 Văn phòng HĐND và", "UBND xã", "Các ngành liên quan"]
    got = _cells(lines, ["name", "result", "deadline", "lead", "coordinating"])
    assert got["result"] == "Báo cáo rà soát" and got["deadline"] == "2026 - 2030"


def test_a_deadline_holds_dates_and_days_not_a_targets_figures():
    from kehoach.parsers.text_cells import emission

    def deadline(w: str) -> float:
        return emission(w, "deadline", True)

    assert min(deadline(w) for w in ("2026", "12/2025", "IV/2025", "30/6")) > deadline("15") > 0
    assert max(deadline(w) for w in ("90", "100", "1.200", "≥", "%")) < 0
    # "% 90 Năm 2026" beside the name: the share is the target's, the year the deadline's
    got = _cells(["Tỷ lệ hồ sơ trực tuyến % 90 Năm 2026 Phòng VHXH"],
                 ["name", "unit_of_measure", "result", "deadline", "lead"])
    assert (got["result"], got["deadline"]) == ("90", "Năm 2026")


def test_a_dash_inside_a_bodys_name_opens_no_cell():
    # "chính trị - xã hội" on one line: the dash joins the name, it is no result's bullet
    lines = ["Tổ chức quán triệt, tuyên truyền sâu rộng nội", "dung Nghị quyết số 57-NQ/TW và các văn bản",
             "triển khai của cấp trên đến toàn thể cán bộ, đảng", "viên và Nhân dân",
             "Phòng VH-XH Các ngành liên quan; Ủy", "ban MTTQ Việt Nam", "phường và các tổ chức",
             "chính trị - xã hội", "Hội nghị quán triệt; báo", "cáo kết quả tuyên truyền", "Quý I/2026"]
    # the word counts of a whole plan (seed 001's text) weigh its words as a document's would
    from pathlib import Path

    from kehoach.parsers.text_cells import Vocabulary
    plan = Path(__file__).parent / "data" / "text" / "001_0bd87c5b6b3c0c4f.txt"
    roles = ["name", "lead", "coordinating", "result", "deadline"]
    got = {roles[c]: " ".join(t.split()) for c, t in
           split_row(lines, roles, False, Vocabulary.of(plan.read_text(encoding="utf-8"))).items()}
    assert got["coordinating"].endswith("chính trị - xã hội")
    assert got["result"] == "Hội nghị quán triệt; báo cáo kết quả tuyên truyền"


def test_a_line_that_is_one_whole_body_is_told():
    # "CA xã" alone on a line after a name's lines: a body cell's line (the name costs more there);
    # after a line ending "với" the name may go on onto a body's name
    from kehoach.parsers.text_cells import _body_lines, body_heads, row_words

    words = row_words(["dựng phương án ứng cứu sự", "cố", "CA xã", "Văn phòng HĐND và UBND xã",
                       "phối hợp với", "Phòng Văn hóa - Xã hội", "Phòng chuyên trách theo dõi tiến độ"])
    flagged = [w.text for w, f in zip(words, _body_lines(words, body_heads(words)), strict=True) if f]
    assert flagged == ["CA", "Văn"]
