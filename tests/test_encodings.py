"""Legacy Vietnamese encodings: round trips through our encoder, byte values from the published tables,
and detection by content through the whole pipeline."""

from __future__ import annotations

import pytest

from kehoach.ingest.discover import FileKind, sniff
from kehoach.ingest.encodings import decode_text, encode, is_syllable, vietnamese_score
from kehoach.pipeline import process_file

PARAGRAPH = (
    "Ủy ban nhân dân xã Thanh Sơn ban hành Kế hoạch triển khai Nghị quyết số 57-NQ/TW về đột phá phát triển "
    "khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia. Tỷ lệ hồ sơ trực tuyến đạt 80%; "
    "người dân được hướng dẫn sử dụng dịch vụ công, thanh toán không dùng tiền mặt, ứng dụng VNeID.\n"
    "KẾ HOẠCH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN"
)


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "utf-16", "utf-8-sig", "utf-8"])
def test_round_trip_is_detected_by_content(encoding):
    # TCVN3 has no accented capitals (a font draws them): a word-initial one in running text
    # comes back lower case, so the paragraph starts on an unaccented capital there
    text = PARAGRAPH.replace("Ủy ban", "UBND") if encoding == "tcvn3" else PARAGRAPH
    decoded = decode_text(encode(text, encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding


@pytest.mark.parametrize(("char", "encoding", "expected"), [
    # TCVN 5712:1993 (VN3), as in glibc's TCVN5712-1 table
    ("ă", "tcvn3", b"\xa8"), ("â", "tcvn3", b"\xa9"), ("đ", "tcvn3", b"\xae"), ("ư", "tcvn3", b"\xad"),
    ("Đ", "tcvn3", b"\xa7"), ("ạ", "tcvn3", b"\xb9"), ("ế", "tcvn3", b"\xd5"), ("ỵ", "tcvn3", b"\xfe"),
    # VISCII (RFC 1456)
    ("ạ", "viscii", b"\xd5"), ("Ơ", "viscii", b"\xb4"), ("ư", "viscii", b"\xdf"), ("Ẳ", "viscii", b"\x02"),
    ("Ỵ", "viscii", b"\x1e"), ("đ", "viscii", b"\xf0"), ("ữ", "viscii", b"\xe6"),
    # VNI Windows: base letter + accent byte
    ("à", "vni", b"a\xf8"), ("á", "vni", b"a\xf9"), ("ơ", "vni", b"\xf4"), ("ư", "vni", b"\xf6"),
    ("đ", "vni", b"\xf1"), ("Đ", "vni", b"\xd1"), ("ấ", "vni", b"a\xe1"), ("ặ", "vni", b"a\xeb"),
    ("ờ", "vni", b"\xf4\xf8"), ("Ế", "vni", b"E\xc1"), ("ị", "vni", b"\xf2"),
])
def test_byte_values_match_the_published_tables(char, encoding, expected):
    assert encode(char, encoding) == expected


def test_syllables_and_score():
    assert is_syllable("nghiêng") and is_syllable("Đột") and not is_syllable("hoµch")
    assert vietnamese_score("Kế hoạch chuyển đổi số") == 1.0
    assert vietnamese_score("KÕ ho¹ch chuyÓn ®æi sè") < 0.5


@pytest.mark.parametrize("encoding", ["tcvn3", "vni"])
def test_legacy_text_file_is_read_end_to_end(tmp_path, encoding):
    text = ("UBND XÃ THANH SƠN\nKẾ HOẠCH\nVề chuyển đổi số năm 2026\n\nPhụ lục 1\n"
            "STT Chỉ tiêu Đơn vị tính Kết quả Đơn vị chủ trì\n"
            "1 Tỷ lệ hồ sơ trực tuyến % 80 Trung tâm Phục vụ hành chính công\n"
            "2 Tỷ lệ người dân có chữ ký số % 50 Công an xã\n")
    path = tmp_path / f"plan_{encoding}.txt"
    path.write_bytes(encode(text, encoding))
    assert sniff(path.read_bytes()[:4096]) is FileKind.TEXT
    result = process_file(path)
    assert result.document.status == "ok"
    names = [it.name for it in result.items]
    assert names == ["Tỷ lệ hồ sơ trực tuyến", "Tỷ lệ người dân có chữ ký số"]
    assert [it.target for it in result.items] == ["80", "50"]
    assert result.items[0].lead == ["Trung tâm Phục vụ hành chính công"]
