"""Text layers that lost their Vietnamese diacritics are recognised and their rows flagged."""

from __future__ import annotations

import pytest

from kehoach.ingest.quality import lacks_diacritics, marked_share

VIETNAMESE = ("Triển khai thực hiện Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, "
              "đổi mới sáng tạo và chuyển đổi số quốc gia trên địa bàn xã. ") * 3
ENGLISH_OCR = ("Trién khai thuc hien Nghi quyet so 57-NQ/TW ve dot pha phat trien khoa hoc, cong nghe, "
               "doi moi sang tao va chuyen doi so quoc gia tren dia ban xa. ") * 3


@pytest.mark.parametrize("text, lacks", [
    (VIETNAMESE, False),
    (ENGLISH_OCR, True),
    ("Short text without accents", False),  # too little text to judge
])
def test_lacks_diacritics(text, lacks):
    assert lacks_diacritics(text) is lacks


def test_marked_share_counts_d_with_stroke():
    letters, share = marked_share("đa")
    assert letters == 2 and share == 0.5


def test_acute_accents_of_english_ocr_do_not_count():
    assert marked_share("Ké hoach phé duyét")[1] == 0.0
    assert marked_share("Kế hoạch")[1] > 0.25
