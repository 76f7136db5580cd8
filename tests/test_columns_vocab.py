"""Column names as data (kehoach/parsers/data/columns.csv) and the people named in a lead column."""

from __future__ import annotations

import pytest
from helpers import grid

from kehoach.normalize.units import is_person, split_bodies
from kehoach.parsers.columns import find_header, parse_vocabulary, role_of, vocabulary
from kehoach.parsers.interpreter import interpret


@pytest.mark.parametrize("printed", [
    "Cơ quan chủ trì", "Đơn vị chủ trì", "Sở, ngành chủ trì tham mưu", "Người thực hiện", "Cán bộ thực hiện",
    "Bộ phận thực hiện", "Đơn vị thực hiện", "Trách nhiệm thực hiện", "Người\nthực hiện", "NGƯỜI THỰC HIỆN",
])
def test_real_plans_lead_column_names(printed):
    assert role_of(printed) == "lead"


@pytest.mark.parametrize("printed, role", [
    ("Thời gian thực hiện", "deadline"),  # "thực hiện" alone is no lead
    ("Nhiệm vụ thực hiện", "name"),
    ("Đơn vị thực hiện Phối hợp", "coordinating"),  # "Đơn vị thực hiện" over sub-columns is their parent
    ("Đơn vị thực hiện Chủ trì", "lead"),
    ("Đơn vị chủ trì, theo dõi, đánh giá", "monitoring"),
    ("Ghi chú", "note"), ("TT", "stt"), ("Hình thức văn bản", None),
])
def test_roles_keep_their_precedence(printed, role):
    assert role_of(printed) == role


def test_every_role_has_names_and_the_file_is_loaded_once():
    vocab = vocabulary()
    assert all(vocab.words[role] for role in vocab.words)
    assert vocabulary() is vocab


def test_a_new_name_is_one_line():
    text = "role,name,match,notes\nlead,Tổ chịu trách nhiệm,words,\nname,Nội dung,words,\n"
    vocab = parse_vocabulary(text)
    assert vocab.words["lead"] == ["to chiu trach nhiem"] and vocab.words["name"] == ["noi dung"]


@pytest.mark.parametrize("text", [
    "role,name,match,notes\nleader,Chủ trì,words,\n",  # unknown role
    "role,name,match,notes\nlead,,words,\n",  # no name
    "role,name,match,notes\nlead,Chủ trì,fuzzy,\n",  # unknown match
])
def test_a_bad_vocabulary_line_is_a_named_error(text):
    with pytest.raises(ValueError, match="columns.csv line 2"):
        parse_vocabulary(text)


def test_a_task_table_naming_people_keeps_its_people():
    g = grid(["TT", "Nhiệm vụ thực hiện", "Người thực hiện", "Ghi chú"],
             ["1", "Rà soát hồ sơ địa chính", "Nguyễn Văn An\nTrần Thị Bình", ""])
    assert find_header(g).roles == ["stt", "name", "lead", "note"]
    res = interpret([g])
    assert res.warnings == [] and res.rows[0].cells["lead"] == "Nguyễn Văn An\nTrần Thị Bình"


def test_unknown_column_names_are_reported_with_their_table():
    g = grid(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Hình thức văn bản"],
             ["1", "Ban hành quy chế", "Văn phòng HĐND và UBND", "Quyết định"],
             caption="Phụ lục II\nDANH MỤC NHIỆM VỤ")
    res = interpret([grid(TASKS_OK[0], TASKS_OK[1]), g])
    assert res.warnings == ["page 1, table 2 (Phụ lục II): column 'Hình thức văn bản' not read (no known meaning)"]


TASKS_OK = (["STT", "Nhiệm vụ", "Đơn vị chủ trì"], ["1", "Tập huấn", "Phòng Văn hóa - Xã hội"])


@pytest.mark.parametrize("text, person", [
    ("Nguyễn Văn An", True), ("Trần Thị Bình", True), ("Đ/c Lê Văn Minh", True), ("Ông Phạm Hùng - Chủ tịch", True),
    ("Bà Hoa", True), ("Phòng Văn hóa - Xã hội", False), ("Công an xã", False), ("Lê", False),
    ("Nguyễn văn an", False), ("Trung tâm Phục vụ hành chính công", False), ("Nguyễn Thị thúy Nhung", True),
    ("Lê Lợi 2", False), ("Lâm Đồng", False), ("Hồ Chí Minh", False), ("Đ/c Lê Minh", True),
])
def test_is_person(text, person):
    assert is_person(text) is person


@pytest.mark.parametrize("cell, entries", [
    ("Nguyễn Văn An\nTrần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Nguyễn Văn An, Trần Thị Bình", ["Nguyễn Văn An", "Trần Thị Bình"]),
    ("Đ/c Lê Văn Hùng - PCT UBND xã\nĐ/c Võ Thị Mai", ["Đ/c Lê Văn Hùng - PCT UBND xã", "Đ/c Võ Thị Mai"]),
    ("Phòng Văn hóa - Xã hội\nNguyễn Văn An", ["Phòng Văn hóa - Xã hội", "Nguyễn Văn An"]),
    ("Sở Tài chính tỉnh\nLâm Đồng", ["Sở Tài chính tỉnh Lâm Đồng"]),  # a wrapped place is no person
    # bodies keep their rules: a comma inside one name does not split it
    ("Các cơ quan, đơn vị, các ngành xã", ["Các cơ quan, đơn vị, các ngành xã"]),
])
def test_one_person_per_entry(cell, entries):
    assert split_bodies(cell) == entries
